"""The statutory reference tables of the business case, as plain values with their provenance.

The tables themselves are versioned data files (`resources/reference/`, read by
`content.reference`); this module only says what they hold, so the cost model and a PDF
appendix can use them without reading files. Every value carries its sources, the date it was
checked and how sure the domain notes are of it: a value that is not confirmed for the year it
is used in is shown as "to verify".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Generic, TypeVar

from shelter_app.core.answers import WageZone
from shelter_app.core.bilingual import Text

T = TypeVar("T")


class Confidence(StrEnum):
    """The domain notes' tags (cost-model.md, top): [V], [V-old], [UNCONFIRMED], ASSUMPTION."""

    VERIFIED = "verified"
    VERIFIED_OLD = "verified_old"
    """Verified in a source older than the year it is used for: a calibration point, not a current fact."""
    UNCONFIRMED = "unconfirmed"
    ASSUMPTION = "assumption"
    """A modelling convention (e.g. the 6.5 % PTU margin), not a fact of law or of the market."""


@dataclass(frozen=True)
class Source:
    """A publication a value comes from. `id` is the table's internal key (a slug): never print it; cite
    the publisher, the title, the date and the link instead."""

    id: str
    title: str | None
    """The page's own title, verbatim and in the page's language; None when it was not recorded."""
    publisher: str
    published: date | None
    """The publication date the page shows; None when it shows none (never guessed)."""
    url: str
    about: Text | None = None
    """Our words on the page, in both languages: what it is when its title was not recorded, or what to look
    at in it ("copy of the Wikipedia text", "opinion column")."""

    def title_in(self, language: str) -> str:
        """The title as a document in `language` prints it: the page's own, with our words in brackets."""
        about = None if self.about is None else self.about.pick(language)
        if self.title is None:
            return about or ""
        return self.title if about is None else f"{self.title} ({about})"


@dataclass(frozen=True)
class Provenance:
    """Where a reference value comes from and how far to trust it."""

    sources: tuple[Source, ...]
    checked_on: date
    confidence: Confidence
    note: Text | None = None
    """What is open about the value, in both languages (every value that is not plainly verified has one)."""

    @property
    def to_verify(self) -> bool:
        """Shown as "to verify" in the PDF appendix: not confirmed as current."""
        return self.confidence in (Confidence.VERIFIED_OLD, Confidence.UNCONFIRMED)


@dataclass(frozen=True)
class Sourced(Generic[T]):
    """A reference value and its provenance."""

    value: T
    provenance: Provenance


class RiskClass(StrEnum):
    """IMSS work-risk classes; a new registration pays the class mean premium."""

    I = "I"  # noqa: E741  (the legal name of the class)
    II = "II"
    III = "III"
    IV = "IV"
    V = "V"


IMSS_EMPLOYER_KEYS: tuple[str, ...] = (
    "em_cuota_fija",
    "em_excedente",
    "em_prestaciones_dinero",
    "em_gastos_medicos_pensionados",
    "invalidez_vida",
    "guarderias_prestaciones_sociales",
    "retiro",
)
"""The employer IMSS branches with a flat rate, in the contract's order.

`em_cuota_fija` is a fraction of one UMA per day; the others are fractions of the SBC.
"""

IMSS_WORKER_KEYS: tuple[str, ...] = (
    "em_excedente",
    "em_prestaciones_dinero",
    "em_gastos_medicos_pensionados",
    "invalidez_vida",
    "cesantia_vejez",
)
"""The worker quotas an employer absorbs for a minimum-wage earner (LSS art. 36)."""

CESANTIA_VEJEZ_BANDS = 8
"""Band 0 (SBC at the minimum wage) and bands 1-7 by SBC in UMA (§5.2)."""


@dataclass(frozen=True)
class VacationSchedule:
    """LFT art. 76 (2023 reform): days for each of the first years, then +`step_days` every `step_years`."""

    first_years: tuple[int, ...]
    then_base_days: int
    step_years: int
    step_days: int

    def days_for(self, seniority_years: int) -> int:
        """Vacation days in the given year of seniority (1 = first year)."""
        if seniority_years < 1:
            raise ValueError(f"seniority starts at year 1, not {seniority_years}")
        if seniority_years <= len(self.first_years):
            return self.first_years[seniority_years - 1]
        after = seniority_years - len(self.first_years) - 1
        return self.then_base_days + self.step_days * (after // self.step_years)


@dataclass(frozen=True)
class YearSchedule(Generic[T]):
    """A value that changes by calendar year: before the first row one value, after the last row the last row's."""

    rows: Mapping[int, Sourced[T]]
    before_first_year: Sourced[T]

    def for_year(self, year: int) -> Sourced[T]:
        if year in self.rows:
            return self.rows[year]
        first, last = min(self.rows), max(self.rows)
        if year < first:
            return self.before_first_year
        if year > last:
            return self.rows[last]
        # a gap inside the table: the latest earlier row is in force
        return self.rows[max(y for y in self.rows if y < year)]


@dataclass(frozen=True)
class StatutoryDefaults:
    """Scalar defaults of the contract (§4 "other defaults" and R4 scalars), each with its provenance."""

    aguinaldo_days: Sourced[Decimal]
    prima_vacacional_rate: Sourced[Decimal]
    rest_days_per_year: Sourced[Decimal]
    paid_holidays_per_year: Sourced[Decimal]
    hours_per_worked_day_at_48h: Sourced[Decimal]
    sbc_cap_uma: Sourced[Decimal]
    em_excedente_threshold_uma: Sourced[Decimal]
    infonavit_rate: Sourced[Decimal]
    ptu_rate: Sourced[Decimal]
    ptu_taxable_income_margin: Sourced[Decimal]
    ptu_cap_days: Sourced[Decimal]
    dta_mxn_per_pedimento: Sourced[Decimal]
    iva_rate: Sourced[Decimal]
    us_paid_hours_per_year: Sourced[Decimal]


class CrossingKind(StrEnum):
    """How a site's goods reach the border."""

    IN_CITY = "in_city"
    """The commercial crossing is in the city's metro area: no inland haul."""
    INLAND = "inland"
    """By road to the usual crossing, `SiteMarket.distance_km` away."""
    PORT = "port"
    """By sea: `SiteMarket.distance_km` is the road distance to the port."""


@dataclass(frozen=True)
class SiteMarket:
    """A main manufacturing market: where its goods cross, how far by road, and its industrial real estate."""

    city: str
    """As written ("Ciudad Juárez")."""
    state: str
    """ISO 3166-2:MX code ("CHH")."""
    municipalities: tuple[str, ...]
    """Names folded with `core.text.fold_for_search` that identify the market in a project's city text
    (whole words), e.g. Monterrey's metro municipalities."""
    crossing: str
    """The usual commercial crossing or port, as the sources name it."""
    kind: CrossingKind
    distance_km: Sourced[Decimal] | None
    """Road km to the crossing or port; None when no source gives it (and for a crossing in the city)."""
    vacancy_rate: Sourced[Decimal] | None
    """Industrial vacancy, a fraction; None when no source gives it for this market."""
    rent_usd_per_sqft_month: Sourced[Decimal] | None
    """Asking industrial rent; None when no current source gives it for this market."""
    crossing_sources: tuple[Source, ...] = ()
    """Where the crossing is named (empty when it is assumed: see `note`)."""
    note: Text | None = None
    """What is open about the market as a whole (e.g. an assumed crossing), in both languages."""


@dataclass(frozen=True)
class FreightRates:
    """The two rates a freight-per-load default is built from (crossing + per-km inland haul)."""

    crossing_usd_per_load: Sourced[Decimal]
    """Cross-border transfer/drayage per load."""
    inland_usd_per_km: Sourced[Decimal]
    """Truck freight per road km to the crossing."""


@dataclass(frozen=True)
class SiteReference:
    """The table of sites: the main markets, the freight rates and the national real-estate figures that stand
    in for a market without its own."""

    markets: tuple[SiteMarket, ...]
    freight: FreightRates
    national_vacancy_rate: Sourced[Decimal]
    national_rent_usd_per_sqft_month: Sourced[Decimal]


@dataclass(frozen=True)
class TableVersion:
    """One reference file: its version, the date its facts are current to and its title. `file` and `table` are
    internal names, never printed: a document names the table by its `title`."""

    file: str
    table: str
    version: str
    current_to: date
    title: Text


@dataclass(frozen=True)
class ReferenceData:
    """Every reference table the business case reads defaults from (business-case-io.md §4)."""

    minimum_wage_mxn_per_day: Mapping[tuple[int, WageZone], Sourced[Decimal]]
    """R1, by calendar year and zone."""
    uma_mxn_per_day: Mapping[int, Sourced[Decimal]]
    """R2, by calendar year."""
    vacation: Sourced[VacationSchedule]
    """R3a."""
    weekly_hours: YearSchedule[Decimal]
    """R3b: the 48 → 40 hour reform."""
    imss_employer_rates: Mapping[str, Sourced[Decimal]]
    """R4, keys of `IMSS_EMPLOYER_KEYS`."""
    imss_worker_rates: Mapping[str, Sourced[Decimal]]
    """R4, keys of `IMSS_WORKER_KEYS`."""
    risk_class_premiums: Mapping[RiskClass, Sourced[Decimal]]
    default_risk_class: RiskClass
    cesantia_vejez_rates: YearSchedule[tuple[Decimal, ...]]
    """R5: 8 band rates per year."""
    isn_rate: Mapping[tuple[int, str], Sourced[Decimal]]
    """R6, by calendar year and state name as written in the table."""
    defaults: StatutoryDefaults
    sites: SiteReference
    """The site comparison's markets, freight rates and real-estate figures (not a statutory table)."""
    tables: tuple[TableVersion, ...] = ()
