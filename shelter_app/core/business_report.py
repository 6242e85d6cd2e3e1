"""The business-case document as plain data: what the PDF prints, gathered once by the services.

One `BusinessCaseReport` holds the client and provider names, each compared scenario (its
business-case@1 document, the computed result, the fields still holding indicative prefill
figures, its sensitivity, its site facts, and the China-supplier comparison when the scenario has
one) with their weighted site score, the readiness of the IMMEX and IVA/IEPS checklists, the
start-up schedule and the reference tables with their sources. `reports.business_case` renders it;
a GUI preview can read the same object. Every text carries both languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from shelter_app.core.bilingual import Text
from shelter_app.core.business_case.china import ChinaComparison
from shelter_app.core.business_case.ieps import IepsImports
from shelter_app.core.business_case.marks import is_marked, missing, origins
from shelter_app.core.business_case.reference import ReferenceData
from shelter_app.core.business_case.result import BusinessCaseResult
from shelter_app.core.business_case.sensitivity import Sensitivity
from shelter_app.core.business_case.site_score import SiteEntry, SiteFacts, SiteScore, score_sites
from shelter_app.core.errors import UserError

STRUCTURE_SHELTER = "shelter"
STRUCTURE_OWN_ENTITY = "own_entity"


class DocumentCancelled(UserError):
    """The user cancelled the document; nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            "The document was cancelled; no file was written.",
            "Se canceló el documento; no se escribió ningún archivo.",
        )


@dataclass(frozen=True)
class ReportScenario:
    name: str
    structure: str
    """`shelter` or `own_entity`."""
    document: Mapping[str, Any]
    """The scenario's input document (the contract's fields and the app's `_` keys), exact numbers (Decimal)."""
    result: BusinessCaseResult
    indicative: frozenset[str]
    """JSON paths (without `$.`) still holding indicative prefill figures, not the client's own."""
    sensitivity: Sensitivity
    id: int | None = None
    """The stored scenario's id; None for a document read from a file."""
    china: ChinaComparison | None = None
    """The comparison with the scenario's China-supplier baseline (`_china_baseline`), when it has one."""
    china_sensitivity: Sensitivity | None = None
    """The tornado against the China supplier: the Section 301 driver and the case's drivers."""
    site: SiteFacts | None = None
    """The scenario's site facts (`_site`: vacancy, distance to the crossing, talent pool), when it has them."""
    ieps: IepsImports | None = None
    """The scenario's IEPS-taxed temporary imports and their rate (`_ieps`), when it has them."""
    fx_source: str = ""
    """Where the planning exchange rate was read (`scenario._fx_source`, as typed); "" when not given."""
    fx_as_of: date | None = None
    """The date the exchange rate was read (`scenario._fx_as_of`); None when not given."""

    def is_indicative(self, path: str) -> bool:
        """True when `path` or an enclosing object is marked indicative (`facility` covers `facility.area_sqft`)."""
        return is_marked(self.indicative, path)

    @cached_property
    def origins(self) -> Mapping[str, Text]:
        """Where each default drawn from the project came from, by path (printed beside the value)."""
        return origins(self.document)

    @cached_property
    def missing(self) -> Mapping[str, Text]:
        """Why each default that could not be drawn is missing and what to do, by path (printed as "not given")."""
        return missing(self.document)


@dataclass(frozen=True)
class ReadinessItem:
    item_id: str
    title: Text
    pack_title: Text
    status: str
    """A core.checklist.ItemStatus value."""
    due_on: date | None
    critical: bool
    to_verify: bool
    verification_note: Text | None


@dataclass(frozen=True)
class PackReadiness:
    """How far one checklist of a customs or tax program is."""

    pack_id: str
    program: str
    """`immex` or `iva_ieps`."""
    title: Text
    closed: int
    total: int
    open_critical: int
    to_verify: int


@dataclass(frozen=True)
class ScheduleItem:
    """One dated checklist item of the start-up schedule, for the Gantt."""

    item_id: str
    pack_id: str
    pack_title: Text
    title: Text
    start_on: date | None
    due_on: date | None
    critical: bool
    closed: bool


@dataclass(frozen=True)
class ProjectStatus:
    """What the project's checklists say; absent for a document that is not linked to a project."""

    readiness: tuple[PackReadiness, ...]
    open_critical: tuple[ReadinessItem, ...]
    """Open items on the critical path, every checklist."""
    to_verify: tuple[ReadinessItem, ...]
    """Open items resting on facts not yet confirmed against primary law."""
    schedule: tuple[ScheduleItem, ...]
    kickoff: date | None
    finish: date | None


@dataclass(frozen=True)
class BusinessCaseReport:
    client_name: str
    project_title: str
    provider_name: str
    language: str
    """`en` or `es`."""
    generated_on: date
    app_version: str
    scenarios: tuple[ReportScenario, ...]
    reference: ReferenceData
    project: ProjectStatus | None = None
    """None when the document is not linked to a project (the CLI's INPUT.json mode)."""
    prepared_by: str = ""
    """The consultant who prepared it (the project's, the Settings' or a CLI option's); never a login name."""

    def __post_init__(self) -> None:
        if not self.scenarios:
            raise ValueError("a business-case report needs at least one scenario")
        if self.language not in ("en", "es"):
            raise ValueError(f"unsupported report language {self.language!r}")

    @cached_property
    def site_scores(self) -> tuple[SiteScore, ...]:
        """The weighted site score of each scenario, in the scenarios' order (none with one scenario alone)."""
        return tuple(score_sites([SiteEntry(sc.name, sc.result, sc.site) for sc in self.scenarios]))
