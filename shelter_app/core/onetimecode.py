"""The one-time code a consultant tells a client by phone to protect a form package: made, shown, read back.

A code is 12 characters of Crockford's base32 (digits and capital letters without I, L, O and U): 60 random bits,
shown in three groups of four ("K7QM-3XTR-9HDF") so it can be read aloud and typed back. What a person types is
read forgivingly: case, spaces and dashes do not matter, and the letters people confuse with digits (O for 0,
I and L for 1) are read as those digits. The cryptography that uses the code is in `exchange.packagecode`.
"""

from __future__ import annotations

import secrets
from typing import Final

ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH: Final = 12
GROUP: Final = 4
_READ_AS: Final = {"O": "0", "I": "1", "L": "1"}
_IGNORED: Final = frozenset(" -\t\u00a0\u2010\u2011\u2012\u2013\u2014")


def new_code() -> str:
    """A fresh random code, in its plain form (12 characters, no dashes)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def grouped(code: str) -> str:
    """The code as people read it: groups of four joined by dashes."""
    return "-".join(code[i:i + GROUP] for i in range(0, len(code), GROUP))


def normalized(typed: str) -> str | None:
    """The plain code a person meant by `typed`, or None when it cannot be a code (wrong length or character)."""
    kept = [_READ_AS.get(ch, ch) for ch in typed.upper() if ch not in _IGNORED]
    code = "".join(kept)
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code
