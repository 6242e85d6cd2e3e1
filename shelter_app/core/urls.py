"""Addresses shown to people and written to files: the user stays, the password never does.

Pure text work (no SQLAlchemy), so it also covers what no URL parser accepts: refused
schemes (mysql://), typos and garbage. The password is taken as everything between the
first ':' after the user and the *last* '@' of the text: wider than any parser's idea
of it (SQLAlchemy stops at the first '@'), so a password with an unencoded '@', '/',
':' or '?' is hidden whole. The price is that a query holding an '@' after a port may
be hidden too; shown text loses a little, a secret never leaks.
"""

from __future__ import annotations

import re

MASK = "***"

# A URL with a password inside free text (a log line, a traceback): scheme://user:password@
_URL_WITH_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/]*:)(?P<password>\S+)@")


def _password_span(raw: str) -> tuple[int, int] | None:
    """Where the password is in `raw` (start, end), or None when it holds none (an empty one is none)."""
    scheme_end = raw.find("://")
    start = scheme_end + 3 if scheme_end >= 0 else 0
    colon = raw.find(":", start)
    at = raw.rfind("@")
    if colon < 0 or at <= colon + 1 or "/" in raw[start:colon]:
        return None
    return colon + 1, at


def has_password(raw: str) -> bool:
    """True when the address typed carries a password (user:password@)."""
    return _password_span(raw) is not None


def _replace_password(raw: str, replacement: str, *, colon: bool) -> str:
    span = _password_span(raw)
    if span is None:
        return raw
    start, end = span
    return f"{raw[:start if colon else start - 1]}{replacement}{raw[end:]}"


def mask_url(raw: str) -> str:
    """The address for display: as typed, with the password (if any) replaced by ***."""
    return _replace_password(raw, MASK, colon=True)


def strip_password(raw: str) -> str:
    """The address without its password (and the ':' before it), e.g. to be saved in a file."""
    return _replace_password(raw, "", colon=False)


def mask_urls_in(text: str) -> str:
    """Free text (a log line, a crash report) with the password of every URL in it replaced by ***."""
    return _URL_WITH_PASSWORD.sub(lambda m: f"{m['head']}{MASK}@", text)
