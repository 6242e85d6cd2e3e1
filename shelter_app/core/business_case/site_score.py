"""The site comparison's weighted score: which of the compared scenarios (cities) does best overall.

docs/cost-model.md §1.1 row 3 asks, per candidate city, for the cost and market facts side by side and a
weighted score. Each scenario gives five criteria: the loaded USD per direct worked hour and the Mexican
annual total of its first full year, the average turnover of its direct roles (their `turnover_rate`
weighted by headcount), and the site facts the consultant keeps in the document's `_site` object (the
market's industrial vacancy, the road distance to the border crossing or the customer).

Scoring rule: each criterion is rescaled across the compared scenarios, linearly, so the best scenario
gets 100 and the worst 0 (all 100 when they are equal); lower is better except vacancy, where more
available space is better. A criterion missing for any scenario is left out of every score (and listed
in `left_out`). The score is the weighted mean of the rescaled criteria with `WEIGHTS`, renormalised over
the criteria present. A scenario alone has no score: a comparison needs two or more. Pure, `Decimal`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from shelter_app.core.business_case.result import BusinessCaseResult, direct_hourly_usd
from shelter_app.core.business_case.sensitivity import first_full_year
from shelter_app.core.business_case.spec import Rule, Units, spec

HOURLY: Final = "hourly_usd"
ANNUAL: Final = "annual_usd"
TURNOVER: Final = "turnover_rate"
DISTANCE: Final = "distance_km"
VACANCY: Final = "vacancy_rate"

CRITERIA: Final = (HOURLY, ANNUAL, TURNOVER, DISTANCE, VACANCY)
"""In the order the report lists them."""
WEIGHTS: Final[Mapping[str, Decimal]] = {
    HOURLY: Decimal(40), ANNUAL: Decimal(20), TURNOVER: Decimal(15), DISTANCE: Decimal(15), VACANCY: Decimal(10),
}
"""Default weights (sum 100): labor cost per hour first, then the plant's annual total, then the market."""
HIGHER_IS_BETTER: Final = frozenset({VACANCY})
MIN_SCENARIOS: Final = 2
TALENT_POOL_MAX: Final = 300

_ZERO: Final = Decimal(0)
_HUNDRED: Final = Decimal(100)


@dataclass(frozen=True)
class SiteFacts:
    """A scenario's `_site` object: facts of the market that the cost model does not compute."""

    vacancy_rate: Decimal | None = field(default=None, metadata=spec(
        "Industrial vacancy", "Vacancia industrial", Units.PERCENT, rule=Rule.UNKNOWN, low=0, high=1,
        hint=("Share of the market's industrial space available; for the site comparison.",
              "Proporción del espacio industrial disponible en el mercado; para la comparación de sitios."),
        prefill=("The site market's latest report (reference table of manufacturing markets; national figure "
                 "where the market has none).",
                 "El último reporte del mercado del sitio (tabla de referencia de mercados manufactureros; la cifra "
                 "nacional donde el mercado no tiene una).")))
    """The market's industrial vacancy, a fraction (0.077 is 7.7 %)."""
    distance_to_crossing_km: Decimal | None = field(default=None, metadata=spec(
        "Distance to the crossing", "Distancia al cruce", Units.KM, rule=Rule.UNKNOWN, low=0, high=10_000,
        hint=("By road to the border crossing (or port) the freight uses.",
              "Por carretera al cruce fronterizo (o puerto) que usa el flete."),
        prefill=("The site's road distance to its usual crossing (reference table of manufacturing markets).",
                 "La distancia por carretera del sitio a su cruce habitual (tabla de referencia de mercados "
                 "manufactureros).")))
    """Road distance to the border crossing (or the customer), km."""
    talent_pool: str = field(default="", metadata=spec(
        "Talent pool", "Oferta de talento", blank=True, max_length=TALENT_POOL_MAX,
        hint=("A line on the labor market, e.g. “mature electronics cluster, high turnover”.",
              "Una línea sobre el mercado laboral, p. ej. “clúster electrónico maduro, alta rotación”.")))
    """Free text: universities, technical schools, competing employers, labor availability."""


@dataclass(frozen=True)
class SiteCriteria:
    """One scenario's criteria; None is unknown."""

    name: str
    hourly_usd: Decimal | None = None
    """Loaded USD per direct worked hour, first full year (FTE-weighted over the direct roles)."""
    annual_usd: Decimal | None = None
    """Mexico's annual total, USD, first full year."""
    turnover_rate: Decimal | None = None
    """Average annual turnover of the direct roles, weighted by headcount."""
    distance_km: Decimal | None = None
    vacancy_rate: Decimal | None = None

    def value(self, criterion: str) -> Decimal | None:
        value: Decimal | None = getattr(self, criterion)
        return value


@dataclass(frozen=True)
class SiteEntry:
    """A compared scenario: its name, its computed case and its `_site` facts (None when it has none)."""

    name: str
    result: BusinessCaseResult
    site: SiteFacts | None = None


@dataclass(frozen=True)
class SiteScore:
    """One scenario's place in the comparison."""

    criteria: SiteCriteria
    points: Mapping[str, Decimal] = field(default_factory=dict)
    """Each criterion used, rescaled to 0–100 across the scenarios (best 100)."""
    score: Decimal | None = None
    """Weighted mean of `points`, 0–100; None when fewer than two scenarios or no criterion is usable."""
    rank: int | None = None
    """1 for the highest score; equal scores share a rank (1, 1, 3)."""
    used: tuple[str, ...] = ()
    """Criteria in the score, in `CRITERIA` order."""
    left_out: tuple[str, ...] = ()
    """Criteria missing for at least one scenario, so left out of every score."""
    weights: Mapping[str, Decimal] = field(default_factory=dict)
    """The weights applied, renormalised to sum 100 over `used`."""

    @property
    def name(self) -> str:
        return self.criteria.name

    @property
    def needs_more_scenarios(self) -> bool:
        return self.score is None and not self.used


def criteria_of(entry: SiteEntry) -> SiteCriteria:
    """The criteria of one computed scenario and its site facts."""
    year = first_full_year(entry.result)
    hourly = direct_hourly_usd(year)
    roles = [r for r in entry.result.case.workforce.roles if r.direct and r.headcount > 0]
    heads = sum((r.headcount for r in roles), _ZERO)
    turnover = (sum((r.headcount * r.market_benefits.turnover_rate for r in roles), _ZERO) / heads
                if heads else None)
    site = entry.site or SiteFacts()
    return SiteCriteria(entry.name, hourly, year.mexico.total_usd, turnover, site.distance_to_crossing_km,
                        site.vacancy_rate)


def score_sites(entries: Sequence[SiteEntry], weights: Mapping[str, Decimal] = WEIGHTS) -> list[SiteScore]:
    """The scenarios' scores, in the order given."""
    return score_criteria([criteria_of(e) for e in entries], weights)


def score_criteria(criteria: Sequence[SiteCriteria], weights: Mapping[str, Decimal] = WEIGHTS) -> list[SiteScore]:
    """The scores of already gathered criteria (see the module's scoring rule), in the order given."""
    if len(criteria) < MIN_SCENARIOS:
        return [SiteScore(c) for c in criteria]
    used = tuple(k for k in CRITERIA if weights.get(k, _ZERO) > 0
                 and all(c.value(k) is not None for c in criteria))
    left_out = tuple(k for k in CRITERIA if k not in used)
    total_weight = sum((weights[k] for k in used), _ZERO)
    applied = {k: weights[k] * _HUNDRED / total_weight for k in used} if total_weight else {}
    points: list[dict[str, Decimal]] = [{} for _ in criteria]
    for k in used:
        values = [c.value(k) for c in criteria]
        known = [v for v in values if v is not None]
        low, high = min(known), max(known)
        for n, v in enumerate(values):
            assert v is not None
            if high == low:
                points[n][k] = _HUNDRED
            elif k in HIGHER_IS_BETTER:
                points[n][k] = _HUNDRED * (v - low) / (high - low)
            else:
                points[n][k] = _HUNDRED * (high - v) / (high - low)
    scores: list[Decimal | None] = [
        sum((weights[k] * p[k] for k in used), _ZERO) / total_weight if total_weight else None for p in points
    ]
    out = []
    for c, p, s in zip(criteria, points, scores, strict=True):
        rank = None if s is None else 1 + sum(1 for other in scores if other is not None and other > s)
        out.append(SiteScore(c, p, s, rank, used, left_out, applied))
    return out
