"""Text folding for search: "valvula" must find "VÁLVULAS DEL NORTE".

SQLite's LIKE folds ASCII case only and never ignores accents, so the storage layer keeps
a column folded with `fold_for_search` and searches it with a folded query.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold_for_search(text: str) -> str:
    """Casefold, drop accents (ñ becomes n), collapse spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip()


def clean_text(text: str) -> str:
    """Trim and collapse inner runs of whitespace of a one-line input (names, titles)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
