"""Errors the user can fix, each with a message in English and Spanish.

Core cannot use Qt's translation system, so an error carries both languages itself;
the GUI and the CLI pick the one the user reads. Anything that is not a `UserError`
is a bug and reaches the crash dialog (qutebrowser's KnownError vs BugError split).
"""

from __future__ import annotations

from collections.abc import Mapping

from shelter_app.core.bilingual import Explained


class UserError(Exception, Explained):
    """A problem the user can fix, explained in both shipped languages.

    `field` names the input at fault (e.g. "rfc", "legal_name") so a form can show the
    message next to that input; it is None for problems with no single field.
    """

    def __init__(self, en: str, es: str, *, field: str | None = None) -> None:
        super().__init__(en)
        self.explain(en, es)
        self.field = field


class ValidationError(UserError):
    """One input value is wrong (bad RFC, empty name, invalid e-mail...)."""


class ValidationErrors(UserError):
    """Several inputs are wrong at once; `errors` maps each field to its error."""

    def __init__(self, errors: Mapping[str, ValidationError]) -> None:
        self.errors = dict(errors)
        en = "; ".join(f"{e.en}" for e in self.errors.values())
        es = "; ".join(f"{e.es}" for e in self.errors.values())
        super().__init__(en, es)


class CurrencyMismatch(UserError):
    """Arithmetic or comparison between amounts in different currencies."""
