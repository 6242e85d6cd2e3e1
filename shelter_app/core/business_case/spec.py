"""How one field of the business-case document is declared: its unit, label, hint, range and default rule.

The scenario is declared once, as the frozen dataclasses of `core.business_case.inputs` (and of the
app's extensions, `site_score.SiteFacts` and `china.ChinaBaseline`). Each dataclass field carries a
`FieldMeta` in its `dataclasses.field(metadata=...)`, written with `spec(...)`. Everything else is
derived from that one declaration (`core.business_case.schema` walks it): the JSON contract's reader
and writer, the range checks, the form targets, the editor's fields, the document's labels and the
indicative marks.

Why dataclasses and not pydantic models: the cost model computes on these objects thousands of times
in a sensitivity run (`compute` must stay within a few milliseconds), they are the contract's shape
already, and the contract's reader must give its own bilingual message naming the JSON path for every
refusal (notes starting with `_` ignored, numbers exact, `true` never a number); a metadata walk over
the dataclasses does that in a page of code, where pydantic would need overriding at every step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final

from shelter_app.core.bilingual import Text

META: Final = "shelter_app.spec"
"""The key of a dataclass field's metadata that holds its `FieldMeta`."""

T = Text


@dataclass(frozen=True)
class Unit:
    """What a number measures, as the reader sees it: `scale` turns the stored value into the shown one
    (100 for a fraction shown as a percentage); `currency` names the money of an amount."""

    symbol: Text
    scale: Decimal = Decimal(1)
    currency: str = ""
    places: int = 2
    """Decimals a document prints by default."""
    grouped: bool = True
    """Thousands separators (a calendar year has none)."""

    @property
    def percent(self) -> bool:
        return self.scale == 100


def _u(en: str, es: str | None = None, **kw: Any) -> Unit:
    return Unit(Text(en, en if es is None else es), **kw)


_PCT = Decimal(100)


class Units:
    """Every unit a business-case field is measured in."""

    USD = _u("USD", currency="USD", places=0)
    USD_PER_YEAR = _u("USD/year", "USD/año", currency="USD", places=0)
    USD_PER_MONTH = _u("USD/month", "USD/mes", currency="USD", places=0)
    USD_PER_HOUR = _u("USD/h", currency="USD")
    USD_PER_HEAD_MONTH = _u("USD/head/month", "USD/persona/mes", currency="USD")
    USD_PER_WORKED_HOUR = _u("USD/worked hour", "USD/hora trabajada", currency="USD")
    USD_PER_SQFT_MONTH = _u("USD/sq ft/month", "USD/pie²/mes", currency="USD")
    USD_PER_KWH = _u("USD/kWh", currency="USD", places=3)
    USD_PER_LOAD = _u("USD/load", "USD/carga", currency="USD", places=0)
    MXN = _u("MXN", currency="MXN", places=0)
    MXN_PER_DAY = _u("MXN/day", "MXN/día", currency="MXN")
    MXN_PER_WORKED_DAY = _u("MXN/worked day", "MXN/día trabajado", currency="MXN")
    MXN_PER_MONTH = _u("MXN/month", "MXN/mes", currency="MXN", places=0)
    MXN_PER_YEAR = _u("MXN/year", "MXN/año", currency="MXN", places=0)
    MXN_PER_KWH = _u("MXN/kWh", currency="MXN")
    MXN_PER_PEDIMENTO = _u("MXN/pedimento", currency="MXN", places=0)
    MXN_PER_USD = _u("MXN per USD", "MXN por USD", places=4)
    PERCENT = _u("%", scale=_PCT, places=1)
    PERCENT_PER_YEAR = _u("%/year", "%/año", scale=_PCT, places=2)
    PERCENT_OF_WAGE = _u("% of wage", "% del salario", scale=_PCT, places=1)
    PERCENT_OF_FOB = _u("% of FOB", "% del FOB", scale=_PCT, places=1)
    PERCENT_OF_LABOR = _u("% of loaded labor", "% de la mano de obra integral", scale=_PCT, places=2)
    DAYS = _u("days", "días", places=0)
    HOURS_PER_DAY = _u("h/day", "h/día", places=1)
    HOURS_PER_WEEK = _u("h/week", "h/semana", places=0)
    HOURS_PER_YEAR = _u("h/year", "h/año", places=0)
    WEEKS = _u("weeks", "semanas", places=0)
    MONTHS = _u("months", "meses", places=1)
    YEARS = _u("years", "años", places=0)
    YEAR = _u("", places=0, grouped=False)
    SQFT = _u("sq ft", "pies²", places=0)
    KWH_PER_MONTH = _u("kWh/month", "kWh/mes", places=0)
    KM = _u("km", places=0)
    LOADS_PER_MONTH = _u("loads/month", "cargas/mes", places=0)
    PEDIMENTOS_PER_MONTH = _u("pedimentos/month", "pedimentos/mes", places=0)
    PEOPLE = _u("people", "personas", places=1)
    FACTOR = _u("×", places=2)
    UMA = _u("UMA", places=1)
    UMA_PER_DAY = _u("UMA/day", "UMA/día", places=2)


class Rule(StrEnum):
    """What a value left out of the document becomes."""

    REQUIRED = "required"
    """No default: the document must give it."""
    FIXED = "fixed"
    """The contract's default (the dataclass default: usually 0)."""
    TABLE = "table"
    """The reference tables' value for the base year (and the state or zone); setting it is an override."""
    FOLLOWS = "follows"
    """The value of another field (`FieldMeta.follows`)."""
    COMPUTED = "computed"
    """Computed from other values (`FieldMeta.how`)."""
    UNKNOWN = "unknown"
    """Left unknown: the figure is not used (a site fact, a price of another fee model)."""


@dataclass(frozen=True)
class Choice:
    """One allowed value: as the document writes it, as the code holds it, as the reader reads it."""

    json: str
    value: Any
    label: Text


@dataclass(frozen=True)
class FieldMeta:
    """Everything about one field that is not its Python type."""

    label: Text
    unit: Unit | None = None
    hint: Text | None = None
    """What the consultant needs to fill it: what it means, typical figures and their source."""
    rule: Rule = Rule.FIXED
    follows: str = ""
    """For `Rule.FOLLOWS`: the path of the field whose value is used."""
    how: Text | None = None
    """For `Rule.COMPUTED`: how the value is computed."""
    low: Decimal | None = None
    low_strict: bool = False
    high: Decimal | None = None
    """The range of a number (or of each number of a year map or list)."""
    choices: tuple[Choice, ...] = ()
    open_choices: bool = False
    """The choices are what the editor offers; the document may hold any other text (a state's name)."""
    blank: bool = False
    """A text that may be empty when given."""
    max_length: int | None = None
    """The longest text allowed."""
    max_items: int | None = None
    """The most entries of a list or year map (`roles`, `one_time.items`, a map of years)."""
    form: bool = False
    """A client's form answer may fill it (a `maps_to` target)."""
    form_required: bool = False
    """For a column of a rows target: a form must give it."""
    prefill: Text | None = None
    """Where the project's prefill draws the value from, when it draws it from the project."""
    json_name: str = ""
    """The key in the document when it differs from the field's name (`_fx_source`)."""
    in_document: bool = True
    """False for what the code keeps beside the document (the override reasons)."""
    advanced: bool = False
    """Statutory detail the editor does not show (the document and the reference tables have it)."""

    @property
    def fraction(self) -> bool:
        return self.low == 0 and self.high == 1


def spec(en: str, es: str, unit: Unit | None = None, *, hint: tuple[str, str] | None = None,
         rule: Rule = Rule.FIXED, follows: str = "", how: tuple[str, str] | None = None,
         low: Decimal | int | str | None = None, low_strict: bool = False, high: Decimal | int | str | None = None,
         choices: tuple[Choice, ...] = (), open_choices: bool = False, blank: bool = False,
         max_length: int | None = None, max_items: int | None = None, form: bool = False, form_required: bool = False,
         prefill: tuple[str, str] | None = None, json_name: str = "", in_document: bool = True,
         advanced: bool = False) -> Mapping[str, FieldMeta]:
    """The metadata of one field: `field(default=..., metadata=spec("Rent", "Renta", Units.USD_PER_SQFT_MONTH))`."""
    return {META: FieldMeta(
        label=Text(en, es), unit=unit, hint=None if hint is None else Text(*hint), rule=rule, follows=follows,
        how=None if how is None else Text(*how), low=None if low is None else Decimal(low), low_strict=low_strict,
        high=None if high is None else Decimal(high), choices=choices, open_choices=open_choices, blank=blank,
        max_length=max_length, max_items=max_items, form=form,
        form_required=form_required, prefill=None if prefill is None else Text(*prefill), json_name=json_name,
        in_document=in_document, advanced=advanced)}
