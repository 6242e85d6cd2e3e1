"""The rulebook table: every client profile of tests/rulebook/profiles/ through the journey and the packs.

One case per profile file (its name is the test id). A profile marked `pending` encodes a finding of issue 14
that the rules do not follow yet: it is expected to fail with a mismatch (strict xfail), so the day the rules
follow it the case reports XPASS and the `pending` line must go. A profile that is itself wrong (unknown
answer, code or item) fails whether pending or not.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shelter_app.storage.db import Database, open_database, sqlite_url
from tests.rulebook.rulebook import (
    Outcome,
    Profile,
    ProfileError,
    ProfileMismatch,
    check_profile,
    known_item_ids,
    load_profiles,
    mismatches,
    run_profile,
    vocabulary,
)

PROFILES = load_profiles()


def _param(profile: Profile) -> object:
    marks = [pytest.mark.xfail(reason=profile.pending, raises=ProfileMismatch, strict=True)] if profile.pending else []
    return pytest.param(profile, id=profile.name, marks=marks)


@pytest.fixture(scope="module")
def rulebook_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One real SQLite database, migrated as the app opens it, holding one client and project per profile."""
    folder = tmp_path_factory.mktemp("rulebook")
    database = open_database(sqlite_url(folder / "rulebook.sqlite3"), backups_dir=folder / "backups")
    yield database
    database.close()


_OUTCOMES: dict[str, Outcome] = {}


def outcome_of(db: Database, profile: Profile, workdir: Path) -> Outcome:
    if profile.name not in _OUTCOMES:
        _OUTCOMES[profile.name] = run_profile(db, check_profile(profile), workdir)
    return _OUTCOMES[profile.name]


@pytest.mark.parametrize("profile", [_param(p) for p in PROFILES])
def test_profile(profile: Profile, rulebook_db: Database, tmp_path: Path) -> None:
    checked = check_profile(profile)
    outcome = outcome_of(rulebook_db, profile, tmp_path)
    problems = mismatches(checked, outcome)
    if problems:
        raise ProfileMismatch(profile, problems, outcome)


def test_the_table_is_big_enough_and_named() -> None:
    assert len(PROFILES) >= 20, "issue 14 asks for at least 20 client profiles"
    ordinary = [p for p in PROFILES if not p.pending]
    assert len(ordinary) >= 10, "at least ten ordinary profiles that the rules follow today"
    titles = [p.title for p in PROFILES]
    assert len(set(titles)) == len(titles), "two profiles share a title"


def test_every_code_the_profiles_produce_is_in_the_vocabulary(rulebook_db: Database, tmp_path: Path) -> None:
    """recommendations.yaml lists the codes profiles may cite; a code the rules produce and the list lacks would
    make a `must_not` on it impossible to write."""
    produced: dict[str, str] = {}
    for profile in PROFILES:
        for rec in outcome_of(rulebook_db, profile, tmp_path).recommendations:
            produced.setdefault(rec.code, profile.name)
    missing = {code: name for code, name in produced.items() if code not in vocabulary()}
    assert not missing, f"add these recommendation codes to tests/rulebook/recommendations.yaml: {missing}"


# --- the checker itself: a typo in a profile is an error, never a silent pass --------------------------------


def _profile(raw: object) -> Profile:
    return Profile("typo", Path("typo.yaml"), raw)


GOOD: dict[str, object] = {
    "title": "A shelter client",
    "answers": {"operating_model": {"path": "shelter"}, "programs": {"provider_certification": "certified"}},
    "recommendations": {"must": ["immex.shelter_program", {"civa.provider": "info"}]},
    "checklist": {"must": ["shelter.agreement"], "must_not": ["corp.rnie"]},
}


def _with(**changes: object) -> dict[str, object]:
    return {**GOOD, **changes}


@pytest.mark.parametrize(("raw", "says"), [
    (_with(answers={"operating_model": {"path": "shelter"}, "programs": {"provider_certificaton": "certified"}}),
     "“provider_certificaton” is not a question"),
    (_with(answers={"operating_model": {"path": "shelter"}, "progams": {}}), "“progams” is not a journey step"),
    (_with(answers={"operating_model": {"path": "albergue"}}), "operating_model.path must be one of"),
    (_with(answers={"operating_model": {"path": "shelter"}, "programs": {"immex_modality": "industrial"}}),
     "“immex_modality” is not a question of this step on the shelter path"),
    (_with(recommendations={"must": ["immex.shelter_programme"]}), "“immex.shelter_programme” is not a recommendation"),
    (_with(recommendations={"must_not": [{"civa.provider": "fatal"}]}), "the severity of civa.provider"),
    (_with(recommendations={"must": [{"civa.provider": {"severity": "info", "colour": "red"}}]}),
     "the condition of civa.provider takes"),
    (_with(recommendations={"should": ["civa.provider"]}), "takes only `must` and `must_not`"),
    (_with(checklist={"must": ["shelter.agrement"]}), "“shelter.agrement” is not a checklist item"),
    (_with(checklist={"must": ["shelter.agreement"], "must_not": ["shelter.agreement"]}),
     "both in must and must_not"),
    (_with(pending_answers={"programs": {"first_immex_program": True}}), "only for a pending profile"),
    (_with(pending=""), "`pending` must say which finding"),
    (_with(notes="free text"), "unknown keys ['notes']"),
    (_with(recommendations=None, checklist=None), "expects nothing"),
    ("just a line", "must hold one mapping"),
])
def test_a_wrong_profile_is_refused_with_the_reason(raw: object, says: str) -> None:
    with pytest.raises(ProfileError) as caught:
        check_profile(_profile(raw))
    assert says in str(caught.value) and "profile typo" in str(caught.value)


def test_a_pending_profile_may_name_what_the_rules_do_not_have_yet() -> None:
    raw = _with(pending="finding 5: a new warning", pending_answers={"programs": {"first_immex_program": True}},
                recommendations={"must": [{"trade.regla_octava_prosec": "warning"}]})
    checked = check_profile(_profile(raw))
    assert checked.must[0].code == "trade.regla_octava_prosec"
    assert "first_immex_program" not in checked.document["programs"]  # not sent to the journey while pending


def test_a_good_profile_passes_the_checker_with_the_defaults_merged() -> None:
    checked = check_profile(_profile(GOOD))
    assert checked.document["operating_model"] == {"path": "shelter"}
    assert checked.document["site"]["state"] == "CHH" and checked.document["timeline"]["kickoff"]


_IDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_.0123456789", min_size=1, max_size=40)


@given(code=_IDS.filter(lambda c: c not in vocabulary()), item=_IDS.filter(lambda i: i not in known_item_ids()))
def test_any_code_or_item_not_known_is_refused(code: str, item: str) -> None:
    for raw in (_with(recommendations={"must_not": [code]}), _with(checklist={"must_not": [item]})):
        with pytest.raises(ProfileError):
            check_profile(_profile(raw))
