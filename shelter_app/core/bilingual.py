"""The one bilingual text type: every text the product shows or prints exists in English and Spanish.

Core cannot use Qt's translation system, so content (checklists, forms, the business-case fields,
errors, report sentences) carries both languages itself, and the screen or the document picks the
one its reader reads. `Text` is that pair; `Plural` is a pair of them for a count ("1 scenario",
"2 scenarios"), chosen by the plural rules of the language where it is rendered (`shelter_app.l10n`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def is_spanish(language: str) -> bool:
    """"es", "es_MX", "es-MX" are Spanish; anything else reads English."""
    return language.lower().startswith("es")


@dataclass(frozen=True, slots=True)
class Text:
    """A text in the two shipped languages."""

    en: str
    es: str

    def pick(self, language: str) -> str:
        """The text in `language` ("en", "es", "es_MX"...); English otherwise."""
        return self.es if is_spanish(language) else self.en

    def format(self, **values: Any) -> Text:
        """Both languages with the same named placeholders filled (`Text("{n} days", "{n} días").format(n=3)`)."""
        return Text(self.en.format(**values), self.es.format(**values))

    def __add__(self, other: Text) -> Text:
        return Text(self.en + other.en, self.es + other.es)

    @property
    def complete(self) -> bool:
        """Both languages written (content loaders refuse a half-translated text)."""
        return bool(self.en.strip()) and bool(self.es.strip())

    @classmethod
    def same(cls, text: str) -> Text:
        """A name or code that reads the same in both languages (RFC, IMMEX, a city)."""
        return cls(text, text)


@dataclass(frozen=True, slots=True)
class Plural:
    """A counted phrase: `one` for a count the language calls singular, `other` otherwise.

    Both hold a `{n}` placeholder for the count as the reader's language writes it. Which form a
    count takes is the language's rule (CLDR, through Babel in `shelter_app.l10n.plural`), never a
    "(s)" appended to a word.
    """

    one: Text
    other: Text
