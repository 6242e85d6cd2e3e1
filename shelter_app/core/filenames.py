"""The one rule for the name an attached file is kept and sent out under.

A name comes from someone else's disk (a client's zip, an email): it may carry control characters,
Unicode bidirectional controls such as U+202E RIGHT-TO-LEFT OVERRIDE ("invoice\u202egpj.exe" shows as
"invoiceexe.jpg"), zero-width or other invisible format characters, path separators, or be long enough
that cutting it would cut off its extension. `clean_file_name` removes all of that and keeps the real
extension (what the operating system goes by) visible at the end.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_CHARS = 255
MAX_EXTENSION_CHARS = 32  # a longer tail after the last dot is treated as part of the name, not as a type

# Cc control, Cf format (bidi controls, zero-width, U+061C...), Cs lone surrogates (undecodable bytes),
# Co private use, Cn unassigned, Zl/Zp line and paragraph separators: none of them belongs in a file name.
_DROPPED = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_SEPARATORS = re.compile(r"[/\\]")
_SPACES = re.compile(r"\s+")


def _visible(text: str) -> str:
    spaced = _SPACES.sub(" ", text)  # tabs and line breaks become spaces first
    kept = "".join(ch for ch in spaced if unicodedata.category(ch) not in _DROPPED)
    return _SPACES.sub(" ", _SEPARATORS.sub("_", kept))


def real_extension(name: str) -> str:
    """The extension the operating system goes by ("exe" for "invoice\u202egpj.exe"), without the dot;
    "" when there is none. Trailing dots and spaces do not count (Windows drops them)."""
    stem, dot, ext = name.rstrip(". ").rpartition(".")
    if not dot or not stem.strip(". ") or not ext or len(ext) > MAX_EXTENSION_CHARS:
        return ""
    return ext


def clean_file_name(name: str, fallback: str = "file", max_chars: int = MAX_NAME_CHARS) -> str:
    """`name` without control, format (bidi) or other invisible characters and without separators, spaces
    collapsed, at most `max_chars` long; the real extension stays at the end. An extension that itself held
    such characters gets "_" in their place, so it can never turn into a different type (".ex\u200be" does
    not become ".exe"). `fallback` when nothing visible is left."""
    ext = real_extension(name)
    if ext:
        stem = name.rstrip(". ")[: -len(ext) - 1]
        clean_ext = "".join("_" if unicodedata.category(ch) in _DROPPED else ch for ch in ext)
        clean_ext = _SEPARATORS.sub("_", clean_ext)
    else:
        stem, clean_ext = name, ""
    stem = _visible(stem).strip().strip(".").strip()
    if not clean_ext:
        stem = stem[:max_chars].rstrip(". ")
        return stem or fallback
    room = max(1, max_chars - len(clean_ext) - 1)
    stem = stem[:room].rstrip(". ") or fallback
    return f"{stem}.{clean_ext}"


def has_hidden_characters(name: str) -> bool:
    """True when `name` holds a character `clean_file_name` removes (control, format, bidi...)."""
    return any(unicodedata.category(ch) in _DROPPED for ch in name)
