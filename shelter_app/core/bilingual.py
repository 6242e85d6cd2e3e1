"""The one bilingual text type: every text the product shows or prints exists in English and Spanish.

Core cannot use Qt's translation system, so content (checklists, forms, the business-case fields,
errors, report sentences) carries both languages itself, and the screen or the document picks the
one its reader reads. `Text` is that pair; `Plural` is a pair of them for a count ("1 scenario",
"2 scenarios"), chosen by the plural rules of the language where it is rendered (`shelter_app.l10n`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


def is_spanish(language: str) -> bool:
    """"es", "es_MX", "es-MX" are Spanish; anything else reads English."""
    return language.lower().startswith("es")


_NAMES = ("Mexic", "Méxic", "US ", "U.S.", "EE. UU.", "China", "Section", "Sección", "Banxico", "BLS")


def _in_sentence(text: str) -> str:
    if len(text) > 1 and (text[1].isupper() or text.startswith(_NAMES)):
        return text
    return text[:1].lower() + text[1:]


@dataclass(frozen=True, slots=True)
class Text:
    """A text in the two shipped languages."""

    en: str
    es: str

    def pick(self, language: str) -> str:
        """The text in `language` ("en", "es", "es_MX"...); English otherwise."""
        return self.es if is_spanish(language) else self.en

    def format(self, **values: Any) -> Text:
        """Both languages with the named placeholders filled (`Text("{n} days", "{n} días").format(n=3)`); a
        value that is itself a `Text` fills each language with its own words."""
        en = {k: v.en if isinstance(v, Text) else v for k, v in values.items()}
        es = {k: v.es if isinstance(v, Text) else v for k, v in values.items()}
        return Text(self.en.format(**en), self.es.format(**es))

    def __add__(self, other: Text) -> Text:
        return Text(self.en + other.en, self.es + other.es)

    def in_sentence(self) -> Text:
        """The text inside a sentence: its first letter in lower case, unless it opens an acronym or a name
        ("IMSS", "Mexico")."""
        return Text(_in_sentence(self.en), _in_sentence(self.es))

    @property
    def complete(self) -> bool:
        """Both languages written (content loaders refuse a half-translated text)."""
        return bool(self.en.strip()) and bool(self.es.strip())

    @classmethod
    def same(cls, text: str) -> Text:
        """A name or code that reads the same in both languages (RFC, IMMEX, a city)."""
        return cls(text, text)


_MONTHS = (("Jan", "ene"), ("Feb", "feb"), ("Mar", "mar"), ("Apr", "abr"), ("May", "may"), ("Jun", "jun"),
           ("Jul", "jul"), ("Aug", "ago"), ("Sep", "sep"), ("Oct", "oct"), ("Nov", "nov"), ("Dec", "dic"))


def date_text(day: date) -> Text:
    """A date as a sentence of stored content writes it in each language: "15 Feb 2027", "15 feb 2027" (screens
    and documents format the dates they compute themselves with the reader's locale)."""
    en, es = _MONTHS[day.month - 1]
    return Text(f"{day.day} {en} {day.year}", f"{day.day} {es} {day.year}")


@dataclass(frozen=True, slots=True)
class Plural:
    """A counted phrase: `one` for a count the language calls singular, `other` otherwise.

    Both hold a `{n}` placeholder for the count as the reader's language writes it. Which form a
    count takes is the language's rule (CLDR, through Babel in `shelter_app.l10n.plural`), never a
    "(s)" appended to a word.
    """

    one: Text
    other: Text


class Explained:
    """What an exception that explains itself in both languages holds: `text`, read as `.en`, `.es` or
    `message(language)` (core's `UserError`, a content loader's refusal, a form answer's)."""

    text: Text

    def explain(self, en: str, es: str) -> None:
        self.text = Text(en, es)

    @property
    def en(self) -> str:
        return self.text.en

    @property
    def es(self) -> str:
        return self.text.es

    def message(self, language: str = "en") -> str:
        """The message in `language` ("en", "es", "es_MX"...); English otherwise."""
        return self.text.pick(language)
