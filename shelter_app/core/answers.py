"""What the setup journey learns about a project, and when a checklist item applies.

The journey (`core.journey`) fills `ProjectAnswers`; the checklist packs state each item's
`Applicability` in the same vocabulary; `Applicability.matches(answers)` decides which items a
project gets. Keeping both here is what lets a pack file, the eligibility rules and the wizard
agree on words such as "albergue" or "AA".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class Path(StrEnum):
    """The operating model once decided (the journey does not finish while it is undecided)."""

    SHELTER = "shelter"
    OWN_ENTITY = "own_entity"


class ImmexModality(StrEnum):
    """IMMEX program modalities (Decreto IMMEX art. 4)."""

    INDUSTRIAL = "industrial"
    SERVICIOS = "servicios"
    ALBERGUE = "albergue"  # the shelter's own program
    CONTROLADORA = "controladora"
    TERCIARIZACION = "terciarizacion"


class CivaRubro(StrEnum):
    """IVA/IEPS certification levels (RGCE 7.1.2 and 7.1.3)."""

    A = "A"
    AA = "AA"
    AAA = "AAA"


class Flag(StrEnum):
    """Yes/no answers that switch checklist items on."""

    IMPORTS_ANNEX_II = "imports_annex_ii"  # sensitive goods of Annex II of the IMMEX decree
    USES_PROSEC = "uses_prosec"
    USES_REGLA_OCTAVA = "uses_regla_octava"
    EXPORTS_UNDER_USMCA = "exports_under_usmca"
    BUILDS_NEW_PLANT = "builds_new_plant"  # build (land, construction permits) instead of lease
    USES_SPECIALIZED_SUBCONTRACTING = "uses_specialized_subcontracting"  # REPSE
    HANDLES_HAZARDOUS_MATERIALS = "handles_hazardous_materials"


class WageZone(StrEnum):
    """Minimum-wage zones: the northern border free zone or the rest of the country."""

    BORDER = "border"
    GENERAL = "general"


@dataclass(frozen=True)
class RoleHeadcount:
    role: str
    headcount: int
    shifts: int = 1


@dataclass(frozen=True)
class ProjectAnswers:
    """Everything the journey asked, as typed values (None: not answered yet)."""

    path: Path | None = None
    immex_modality: ImmexModality | None = None
    civa_rubro: CivaRubro | None = None
    flags: frozenset[Flag] = frozenset()
    state: str | None = None  # ISO 3166-2:MX code, e.g. "CHH" (Chihuahua); see core.wage_zones.STATES
    city: str = ""
    municipality: str = ""
    industrial_park: str = ""
    wage_zone: WageZone | None = None
    roles: tuple[RoleHeadcount, ...] = ()
    kickoff: date | None = None
    annual_exports_usd: Decimal | None = None
    annual_sales_usd: Decimal | None = None
    temporary_imports_returned_pct: Decimal | None = None  # share of temporary imports returned, prior 12 months
    monthly_temporary_imports_mxn: Decimal | None = None
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def headcount(self) -> int:
        return sum(r.headcount for r in self.roles)


@dataclass(frozen=True)
class Applicability:
    """When a checklist item applies. Each listed dimension must match (values within one are
    alternatives); a dimension left empty does not restrict; every flag listed must be answered yes."""

    paths: frozenset[Path] = frozenset()
    immex_modalities: frozenset[ImmexModality] = frozenset()
    civa_rubros: frozenset[CivaRubro] = frozenset()
    flags: frozenset[Flag] = frozenset()

    def matches(self, answers: ProjectAnswers) -> bool:
        if self.paths and answers.path not in self.paths:
            return False
        if self.immex_modalities and answers.immex_modality not in self.immex_modalities:
            return False
        if self.civa_rubros and answers.civa_rubro not in self.civa_rubros:
            return False
        return self.flags <= answers.flags
