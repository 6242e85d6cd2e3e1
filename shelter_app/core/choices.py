"""Choosing one of a list of options by what a person types: the code, or the option's name in either language.

Used wherever a typed answer must be one of a list (the journey's questions, the forms' select questions), so a
refusal always lists the options with their names ("NLE (Nuevo León)"), and the name itself is understood.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Protocol

from shelter_app.core.bilingual import Text
from shelter_app.core.text import fold_for_search

MAX_LISTED: Final = 40
"""A refusal lists at most this many options (then says how many more there are)."""


class Option(Protocol):
    @property
    def value(self) -> str: ...

    @property
    def label(self) -> Text: ...


def match(options: Sequence[Option], typed: str) -> str | None:
    """The value of the option `typed` names: its code (any case), or its name in English or Spanish (any case,
    accents optional). None when it names none, or more than one."""
    text = typed.strip()
    for option in options:
        if option.value == text:
            return option.value
    folded = fold_for_search(text)
    if not folded:
        return None
    found = {o.value for o in options if folded in (fold_for_search(o.value), fold_for_search(o.label.en),
                                                    fold_for_search(o.label.es))}
    return found.pop() if len(found) == 1 else None


def listing(options: Sequence[Option]) -> Text:
    """The options as a refusal lists them: "CODE (name)" or just the name when it is the code."""
    def one(option: Option, language: str) -> str:
        name = option.label.pick(language)
        return name if fold_for_search(name) == fold_for_search(option.value) else f"{option.value} ({name})"

    shown = options[:MAX_LISTED]
    more = len(options) - len(shown)
    en = ", ".join(one(o, "en") for o in shown) + (f", and {more} more" if more else "")
    es = ", ".join(one(o, "es") for o in shown) + (f" y {more} más" if more else "")
    return Text(en, es)


def refusal(options: Sequence[Option], typed: object) -> Text:
    """What to say when `typed` names none of the options."""
    shown = str(typed)[:40]
    listed = listing(options)
    return Text(f"“{shown}” is not one of the options: {listed.en}.",
                f"“{shown}” no es una de las opciones: {listed.es}.")
