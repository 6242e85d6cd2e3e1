"""Masking a URL for display: the user kept, the password never shown, whatever was typed."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from shelter_app.core.urls import MASK, has_password, mask_url, mask_urls_in, strip_password

schemes = st.from_regex(r"[a-z][a-z0-9+.\-]{0,15}", fullmatch=True)
users = st.text(st.characters(blacklist_characters=":/@", blacklist_categories=("Cs",)), max_size=12)
# anything a person may type as a password: '@', '/', ':', '?', '#', '%', quotes, spaces, accents, emoji
passwords = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=24)
hosts = st.from_regex(r"[a-z0-9.\-]{1,20}(:[0-9]{1,5})?", fullmatch=True)
tails = st.from_regex(r"(/[A-Za-z0-9_.\-]{0,12})?(\?[a-z_]{1,8}=[A-Za-z0-9/]{0,8})?", fullmatch=True)


@given(schemes, users, passwords, hosts, tails)
@example("postgresql", "ana", "p@ss/wörd:1 ñ", "db.example.com:5432", "/shelterdesk")
@example("mysql", "u", "s3cret", "h", "/db")
def test_the_password_is_replaced_and_everything_else_kept(
    scheme: str, user: str, password: str, host: str, tail: str
) -> None:
    raw = f"{scheme}://{user}:{password}@{host}{tail}"
    assert mask_url(raw) == f"{scheme}://{user}:{MASK}@{host}{tail}"
    assert strip_password(raw) == f"{scheme}://{user}@{host}{tail}"
    assert has_password(raw)
    assert mask_urls_in(f"could not open {mask_url(raw)} today") == f"could not open {mask_url(raw)} today"


@given(schemes, users, passwords, hosts, tails)
def test_a_percent_encoded_password_is_hidden_whole(scheme: str, user: str, password: str, host: str,
                                                    tail: str) -> None:
    encoded = quote(password, safe="")
    raw = f"{scheme}://{quote(user, safe='')}:{encoded}@{host}{tail}"
    assert mask_url(raw) == f"{scheme}://{quote(user, safe='')}:{MASK}@{host}{tail}"
    assert strip_password(raw) == f"{scheme}://{quote(user, safe='')}@{host}{tail}"


@given(schemes, users, hosts, tails)
@example("sqlite", "", "", "")
def test_without_a_password_nothing_changes(scheme: str, user: str, host: str, tail: str) -> None:
    raw = f"{scheme}://{user}@{host}{tail}" if user else f"{scheme}://{host}{tail}"
    assert mask_url(raw) == raw
    assert strip_password(raw) == raw
    assert not has_password(raw)


@pytest.mark.parametrize("raw", [
    "sqlite:////home/ana/shelterdesk.sqlite3",
    "sqlite:///C:/Users/ana@corp/db.sqlite3",
    "sqlite:///file:/srv/x.sqlite3?mode=ro&uri=true",
    "postgresql://consultor@/shelterdesk?host=/run/postgresql",
    "postgresql://ana@db:5432/shelterdesk",
    "postgresql://ana:@db/shelterdesk",  # an empty password is no secret
    "",
    "just some words",
])
def test_addresses_without_a_secret_are_shown_as_typed(raw: str) -> None:
    assert mask_url(raw) == raw
    assert mask_urls_in(f"opening {raw}") == f"opening {raw}"


@pytest.mark.parametrize(("raw", "shown"), [
    ("mysql://u:s3cret@h/db", "mysql://u:***@h/db"),
    ("u:s3cret@h/db", "u:***@h/db"),  # no scheme at all
    ("garbage u:s3cret@x", "garbage u:***@x"),
    ("postgresql:/u:s3cret@h/db", "postgresql:***@h/db"),  # a typo: hidden more, never less
    ("postgresql://u:pa@ss@h/db", "postgresql://u:***@h/db"),  # the parser would stop at the first '@'
    ("postgresql://u@x:s3cret@h/db", "postgresql://u@x:***@h/db"),
    ("  postgresql://u:s3cret@h/db  ", "  postgresql://u:***@h/db  "),
])
def test_refused_and_garbage_addresses_are_masked_too(raw: str, shown: str) -> None:
    assert mask_url(raw) == shown
    assert "s3cret" not in mask_url(raw) and "s3cret" not in strip_password(raw)


@given(st.text(max_size=60))
@example("x://a:b@c@d e://f:g@h")
def test_any_text_masks_without_failing_and_twice_is_once(text: str) -> None:
    once = mask_url(text)
    assert mask_url(once) == once
    assert mask_urls_in(mask_urls_in(text)) == mask_urls_in(text)
    if "@" not in text:
        assert once == text == strip_password(text) == mask_urls_in(text)


words = st.text(st.characters(blacklist_characters=":@", blacklist_categories=("Cs",)), max_size=20)


@given(schemes, users.filter(lambda u: not any(c.isspace() for c in u)),
       passwords.filter(lambda p: not any(c.isspace() for c in p)), hosts, tails, words, words)
@example("mysql", "u", "s3cret", "h", "/db", "Could not parse SQLAlchemy URL from string", "")
def test_a_url_inside_free_text_loses_its_password(scheme: str, user: str, password: str, host: str, tail: str,
                                                   before: str, after: str) -> None:
    line = f"{before} '{scheme}://{user}:{password}@{host}{tail}' {after}"
    assert mask_urls_in(line) == f"{before} '{scheme}://{user}:{MASK}@{host}{tail}' {after}"
