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
    """IMMEX program modalities (Decreto IMMEX art. 3)."""

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
    # Asked as yes / no / not answered (journey `YES_NO_FLAGS`): "no" is kept apart from "not answered yet".
    FIRST_IMMEX_PROGRAM = "first_immex_program"  # own entity: its first IMMEX program, obtained in the prior 12 months
    IEPS_TAXED_INPUTS = "ieps_taxed_inputs"  # temporary imports include goods that bear IEPS
    FEDERAL_ENVIRONMENTAL_SECTOR = "federal_environmental_sector"  # a sector of federal environmental jurisdiction
    IMPORTS_ANNEX_10_GOODS = "imports_annex_10_goods"  # tariff codes of RGCE Annex 10 (sector-specific register)


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
    flags_no: frozenset[Flag] = frozenset()  # flags answered "no"; a flag in neither set is not answered yet
    years_under_immex: int | None = None  # own entity: whole years operating under an IMMEX program
    machinery_value_mxn: Decimal | None = None  # own entity: value of machinery and equipment in Mexico
    monthly_ieps_imports_mxn: Decimal | None = None  # customs value of the IEPS-taxed temporary imports, a month
    ieps_rate_pct: Decimal | None = None  # the IEPS rate of those goods (one rate; the law has one per good)
    shelter_certified: bool | None = None  # shelter path: the provider holds the certification (None: not known)
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def headcount(self) -> int:
        return sum(r.headcount for r in self.roles)

    def answered(self, flag: Flag) -> bool | None:
        """A yes/no answer: True, False, or None while not answered."""
        if flag in self.flags:
            return True
        return False if flag in self.flags_no else None

    @property
    def domestic_sales_pct(self) -> Decimal | None:
        """Share of sales made in Mexico, derived from total sales and exports (None unless both are known and
        consistent); the journey does not ask it separately, so it can never contradict those two answers."""
        sales, exports = self.annual_sales_usd, self.annual_exports_usd
        if sales is None or exports is None or sales <= 0 or exports > sales:
            return None
        return (sales - exports) * 100 / sales

    @property
    def certified_operation(self) -> bool:
        """The operation runs under an IVA/IEPS certification: the entity's own rubro, or a certified shelter's."""
        return self.civa_rubro is not None or self.shelter_certified is True


@dataclass(frozen=True)
class Applicability:
    """When a checklist item applies. Each listed dimension must match (values within one are
    alternatives); a dimension left empty does not restrict; every flag listed must be answered yes."""

    paths: frozenset[Path] = frozenset()
    immex_modalities: frozenset[ImmexModality] = frozenset()
    civa_rubros: frozenset[CivaRubro] = frozenset()
    flags: frozenset[Flag] = frozenset()
    unless_flags: frozenset[Flag] = frozenset()
    """Flags that must NOT be answered yes (answered no, or not answered yet)."""
    certified_operation: bool | None = None
    """True: only when the operation runs under an IVA/IEPS certification (own rubro or a certified shelter's)."""

    def matches(self, answers: ProjectAnswers) -> bool:
        if self.paths and answers.path not in self.paths:
            return False
        if self.immex_modalities and answers.immex_modality not in self.immex_modalities:
            return False
        if self.civa_rubros and answers.civa_rubro not in self.civa_rubros:
            return False
        if self.certified_operation is not None and answers.certified_operation is not self.certified_operation:
            return False
        if self.unless_flags & answers.flags:
            return False
        return self.flags <= answers.flags
