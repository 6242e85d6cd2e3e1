"""Property: any piece of a client's name, folded as the search folds it, finds the client."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shelter_app import paths
from shelter_app.core.portfolio import ClientFields
from shelter_app.core.text import fold_for_search
from shelter_app.services import clients
from shelter_app.storage.db import Database, open_database, sqlite_url

SPANISH = "abcdefghijklmnñopqrstuvwxyzáéíóúüABCDEFGHIJKLMNÑOPQRSTUVWXYZÁÉÍÓÚÜ"
LETTERS = st.characters(categories=["Lu", "Ll"], max_codepoint=0x24F)  # Latin letters, accented ones included
WORD = st.text(st.one_of(st.sampled_from(SPANISH), LETTERS), min_size=1, max_size=12)
NAME = st.lists(WORD, min_size=1, max_size=4).map(" ".join)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One SQLite file for every example (hypothesis runs many examples in one test call)."""
    folder = tmp_path_factory.mktemp("search-property")
    db = open_database(sqlite_url(folder / "search.sqlite3"), backups_dir=folder / "backups")
    yield db
    db.close()


_serial = itertools.count(1)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=NAME, data=st.data())
def test_any_folded_piece_of_the_name_finds_the_client(shared_db: Database, name: str, data: st.DataObject) -> None:
    folded = fold_for_search(name)
    start = data.draw(st.integers(0, len(folded) - 1), label="start")
    end = data.draw(st.integers(start + 1, len(folded)), label="end")
    piece = folded[start:end] if folded[start:end].strip() else folded
    legal_name = f"{name} {next(_serial)}"  # unique: the same name twice would be a duplicate client
    client_id = clients.create_client(shared_db, "hypothesis", ClientFields(legal_name, country="US")).entity_id
    stored = clients.get_client(shared_db, client_id).fields.legal_name
    assert client_id in clients.search_clients(shared_db, piece)
    assert client_id in clients.search_clients(shared_db, stored)


def test_the_property_test_never_touches_the_data_folder() -> None:
    assert not paths.get_paths().database.exists()
