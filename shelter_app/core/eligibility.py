"""Eligibility and recommendations: what the project's answers mean under today's rules.

`recommend(answers)` turns `ProjectAnswers` into `Recommendation`s the journey and the business
case show: whether IMMEX is needed and in which modality, whether the export threshold is met,
whether the IVA/IEPS certification applies and which rubro is within reach, the cash tied up
without it, and the shelter vs own entity trade-offs. Each one names the rule and the checklist
items (the checklist packs' ids, resources/checklists/) it rests on, and says "to verify" when one of
those items is only partly sourced, so a consultant never passes on an unchecked fact as settled.

The facts are docs/regulatory.md and docs/cost-model.md (as of early 2026): VAT refunds in 20/15/10 days
and 2-/3-year validity for AA/AAA are gone, every grant and renewal lasts one year, and
temporary imports stay 18 months.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Final

from shelter_app.core.answers import CivaRubro, Flag, ImmexModality, Path, ProjectAnswers
from shelter_app.core.bilingual import Text
from shelter_app.core.errors import ValidationError
from shelter_app.core.money import Money
from shelter_app.core.wage_zones import STATES, derive_wage_zone

# --- thresholds (docs/regulatory.md §2.4, §2.6, §3.3; docs/cost-model.md §2.8) ------------------------------------

IMMEX_EXPORTS_ABOVE_USD: Final = Decimal(500_000)
"""Exports must be strictly above this (Decreto IMMEX art. 11-I, 24-I: "above USD 500,000")."""
IMMEX_EXPORT_SHARE_MIN_PCT: Final = Decimal(10)
"""...or at least this share of total sales ("≥10 % of total invoicing")."""
RUBRO_A_RETURNS_MIN_PCT: Final = Decimal(60)
"""Rubro A: at least this share of temporary imports returned in the prior 12 months (RGCE 7.1.2)."""
RUBRO_A_MIN_WORKERS: Final = 10
"""Rubro A: at least this many IMSS-registered workers (RGCE 7.1.2)."""
RUBRO_AA_MIN_YEARS: Final = 4
RUBRO_AA_WORKERS_ABOVE: Final = 1_000
RUBRO_AA_MACHINERY_ABOVE_MXN: Final = Decimal(50_000_000)
"""Rubro AA alternatives as the RGCE 2018 text gave them (item civa.aa.additional, partial)."""
RUBRO_AAA_MIN_YEARS: Final = 7
"""Rubro AAA: one secondary source on the RGCE 2026 (item civa.aaa.additional, unconfirmed)."""
IVA_RATE: Final = Decimal("0.16")
"""IVA on imports (docs/cost-model.md R11: 16 %; the border 8 % stimulus does not apply to imports)."""
DEFAULT_MONTHS_TIED_UP: Final = Decimal(3)
"""Months until IVA paid on temporary imports is recovered: docs/cost-model.md §4.10's example value, an
ASSUMPTION (refund lead times of uncertified operations are an open question, docs/cost-model.md §5 item 13)."""


# --- the recommendation ----------------------------------------------------------------------------------


class Severity(StrEnum):
    """How much a recommendation matters; `recommend` lists the gravest first."""

    BLOCKER = "blocker"  # the plan cannot go ahead as answered
    WARNING = "warning"  # a real risk or cost, or an answer missing for a check that matters
    ADVICE = "advice"  # a choice to make or a step to plan
    INFO = "info"  # confirmation of what applies

    @property
    def rank(self) -> int:
        return _SEVERITY_ORDER.index(self)


_SEVERITY_ORDER: Final = (Severity.BLOCKER, Severity.WARNING, Severity.ADVICE, Severity.INFO)


class FactStatus(StrEnum):
    """A checklist item's verification status in the regulatory reference (docs/regulatory.md)."""

    CONFIRMED = "confirmed"
    PARTIAL = "partial"
    UNCONFIRMED = "unconfirmed"


CITED_ITEMS: Final[dict[str, FactStatus]] = {
    "model.decision": FactStatus.CONFIRMED,
    "shelter.agreement": FactStatus.CONFIRMED,
    "shelter.asset_lists": FactStatus.CONFIRMED,
    "shelter.pe_protection": FactStatus.PARTIAL,
    "shelter.foreign_resident_rfc": FactStatus.CONFIRMED,
    "shelter.certification_level": FactStatus.UNCONFIRMED,
    "immex.legal_entity": FactStatus.CONFIRMED,
    "immex.sat_favourable_opinion": FactStatus.CONFIRMED,
    "immex.application_vucem": FactStatus.PARTIAL,
    "immex.export_commitment": FactStatus.CONFIRMED,
    "immex.min_exports": FactStatus.CONFIRMED,
    "immex.process_description": FactStatus.CONFIRMED,
    "immex.shelter_contract": FactStatus.CONFIRMED,
    "immex.controladora_docs": FactStatus.CONFIRMED,
    "immex.tercerizacion_certified": FactStatus.CONFIRMED,
    "immex.annex_ii_goods": FactStatus.CONFIRMED,
    "immex.return_deadlines": FactStatus.CONFIRMED,
    "immex.annual_report": FactStatus.CONFIRMED,
    "civa.gen.application": FactStatus.PARTIAL,
    "civa.a.immex_active": FactStatus.CONFIRMED,
    "civa.a.workers_10": FactStatus.CONFIRMED,
    "civa.a.returns_60pct": FactStatus.CONFIRMED,
    "civa.aa_aaa.base": FactStatus.CONFIRMED,
    "civa.aa.additional": FactStatus.PARTIAL,
    "civa.aaa.additional": FactStatus.UNCONFIRMED,
    "civa.aa_aaa.upgrade_on_renewal": FactStatus.CONFIRMED,
    "civa.renewal": FactStatus.CONFIRMED,
    "immex.annex24_c": FactStatus.CONFIRMED,
    "customs.padron_sectorial": FactStatus.CONFIRMED,
    "trade.prosec": FactStatus.CONFIRMED,
    "trade.regla_octava": FactStatus.CONFIRMED,
    "env.lau": FactStatus.CONFIRMED,
    "env.coa": FactStatus.CONFIRMED,
    "env.state_licence": FactStatus.CONFIRMED,
}
"""Every checklist item a recommendation cites, with its status in the regulatory reference (docs/regulatory.md):
a recommendation resting on an item that is not confirmed is marked to verify."""


@dataclass(frozen=True)
class Basis:
    """What a recommendation rests on: legal rules and/or checklist item ids (never neither)."""

    rules: tuple[str, ...] = ()
    item_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.rules and not self.item_ids:
            raise ValueError("a recommendation needs a basis: a rule or a checklist item")
        unknown = [i for i in self.item_ids if i not in CITED_ITEMS]
        if unknown:
            raise ValueError(f"cited items missing from CITED_ITEMS: {unknown}")

    @property
    def rests_on_unconfirmed(self) -> bool:
        return any(CITED_ITEMS[i] is not FactStatus.CONFIRMED for i in self.item_ids)


@dataclass(frozen=True)
class Recommendation:
    """One finding for the consultant. `code` is stable (e.g. "immex.export_threshold") so the UI and
    the business case can pick a finding without parsing text."""

    code: str
    title: Text
    explanation: Text
    severity: Severity
    basis: Basis
    to_verify: bool = False
    depends_on: tuple[str, ...] = ()
    """The answers (journey question names) the finding depends on, besides the operating model."""
    unanswered: tuple[str, ...] = ()
    """Those of `depends_on` not answered yet: the explanation says to answer them to know."""

    def __post_init__(self) -> None:
        if not (self.title.complete and self.explanation.complete):
            raise ValueError(f"a recommendation needs both languages: {self.code}")
        if not set(self.unanswered) <= set(self.depends_on):
            raise ValueError(f"an unanswered question must be one the finding depends on: {self.code}")
        if self.to_verify and not (self.basis.rules or self.basis.item_ids):
            raise ValueError(f"a finding to verify names its source: {self.code}")

    @property
    def verify_sources(self) -> tuple[str, ...]:
        """What to check when the finding is to verify: the unconfirmed items, else every rule it rests on."""
        if not self.to_verify:
            return ()
        weak = tuple(i for i in self.basis.item_ids if CITED_ITEMS[i] is not FactStatus.CONFIRMED)
        return weak or self.basis.rules or self.basis.item_ids


def _rec(
    code: str,
    severity: Severity,
    title: tuple[str, str],
    explanation: tuple[str, str],
    *,
    rules: Iterable[str] = (),
    items: Iterable[str] = (),
    to_verify: bool = False,
    depends: Iterable[str] = (),
    unanswered: Iterable[str] = (),
) -> Recommendation:
    """A finding; `depends` names the answers it rests on and `unanswered` those still open, which the explanation
    then asks for ("answer X to know")."""
    basis = Basis(tuple(rules), tuple(items))
    depends, unanswered = tuple(dict.fromkeys(depends)), tuple(dict.fromkeys(unanswered))
    en, es = explanation
    if unanswered:
        names_en, names_es = _missing_list(unanswered)
        en, es = f"{en} Answer {names_en} to know.", f"{es} Responda {names_es} para saberlo."
    return Recommendation(code, Text(*title), Text(en, es), severity, basis,
                          to_verify=to_verify or basis.rests_on_unconfirmed, depends_on=depends,
                          unanswered=unanswered)


def _usd(amount: Decimal) -> str:
    return f"USD {amount:,.2f}"


def _mxn(amount: Decimal) -> str:
    return f"MXN {amount:,.2f}"


def _pct(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')).normalize():f} %"


# --- export threshold -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportThreshold:
    """Whether exports meet the IMMEX minimum: above USD 500,000 a year OR at least 10 % of sales.

    `met` is None when the answers cannot tell; `missing` then names the answers needed
    (ProjectAnswers field names). `inconsistent` flags exports larger than total sales.
    """

    met: bool | None
    above_amount: bool | None
    share_pct: Decimal | None
    share_met: bool | None
    missing: tuple[str, ...] = ()
    inconsistent: bool = False


def export_threshold(answers: ProjectAnswers) -> ExportThreshold:
    exports, sales = answers.annual_exports_usd, answers.annual_sales_usd
    if exports is None:
        missing = ("annual_exports_usd",) if sales is not None else ("annual_exports_usd", "annual_sales_usd")
        return ExportThreshold(None, None, None, None, missing)
    above = exports > IMMEX_EXPORTS_ABOVE_USD
    if sales is not None and exports > sales:
        return ExportThreshold(None, above, None, None, inconsistent=True)
    if exports == 0:  # nothing exported meets neither test, whatever the sales
        return ExportThreshold(False, False, None if not sales else Decimal(0), False)
    if sales is None:
        return ExportThreshold(True if above else None, above, None, None, () if above else ("annual_sales_usd",))
    share = exports * 100 / sales
    share_met = exports * 100 >= IMMEX_EXPORT_SHARE_MIN_PCT * sales  # exact, no rounded share
    return ExportThreshold(above or share_met, above, share, share_met)


_FIELD_NAMES: Final[dict[str, tuple[str, str]]] = {
    "annual_exports_usd": ("annual exports (USD)", "exportaciones anuales (USD)"),
    "annual_sales_usd": ("total annual sales (USD)", "ventas totales anuales (USD)"),
    "temporary_imports_returned_pct": ("share of temporary imports returned in the prior 12 months",
                                       "porcentaje de importaciones temporales retornadas en los 12 meses previos"),
    "roles": ("headcount by role", "plantilla por puesto"),
    "immex_modality": ("IMMEX modality", "modalidad IMMEX"),
    "monthly_temporary_imports_mxn": ("monthly temporary imports (MXN)", "importaciones temporales mensuales (MXN)"),
    "years_under_immex": ("years operating under IMMEX", "años de operación con IMMEX"),
    "machinery_value_mxn": ("value of machinery and equipment (MXN)", "valor de maquinaria y equipo (MXN)"),
    "first_immex_program": ("whether this is the entity's first IMMEX program",
                            "si es el primer programa IMMEX de la entidad"),
    "provider_certification": ("the shelter's IVA/IEPS certification", "la certificación en IVA e IEPS del albergue"),
    "federal_environmental_sector": ("whether the sector is of federal environmental jurisdiction",
                                     "si el giro es de jurisdicción ambiental federal"),
    "handles_hazardous_materials": ("whether the plant handles hazardous materials",
                                    "si la planta maneja materiales peligrosos"),
    "imports_annex_10_goods": ("whether the goods are listed in Annex 10", "si las mercancías están en el Anexo 10"),
    "ieps_taxed_inputs": ("whether the temporary imports include IEPS-taxed goods",
                          "si las importaciones temporales incluyen mercancías gravadas con IEPS"),
    "monthly_ieps_imports_mxn": ("IEPS-taxed temporary imports a month (MXN)",
                                 "importaciones temporales gravadas con IEPS al mes (MXN)"),
    "ieps_rate_pct": ("IEPS rate of those goods", "tasa de IEPS de esas mercancías"),
    "uses_prosec": ("whether a PROSEC program is used", "si se usa un programa PROSEC"),
    "path": ("operating model", "modelo de operación"),
    "civa_rubro": ("IVA/IEPS certification rubro sought", "rubro de certificación en IVA e IEPS buscado"),
    "builds_new_plant": ("whether a new plant is built", "si se construye una planta nueva"),
    "uses_regla_octava": ("whether the Eighth Rule is used", "si se usa la Regla Octava"),
}


def answer_names(fields: Iterable[str]) -> Text:
    """The journey questions `fields` (Recommendation.depends_on / unanswered keys) in words, "; "-separated."""
    return Text(*_missing_list(fields))


def _missing_list(fields: Iterable[str]) -> tuple[str, str]:
    names = [_FIELD_NAMES[f] for f in fields]
    return "; ".join(n[0] for n in names), "; ".join(n[1] for n in names)


def _export_recommendation(answers: ProjectAnswers) -> Recommendation:
    result = export_threshold(answers)
    rules = ("Decreto IMMEX art. 11 fr. I", "Decreto IMMEX art. 24 fr. I")
    items = ("immex.export_commitment", "immex.min_exports")
    rule_en = "An IMMEX program requires annual exports above USD 500,000 or at least 10 % of total sales"
    rule_es = ("Un programa IMMEX exige exportaciones anuales superiores a USD 500,000 o de al menos el 10 % "
               "de las ventas totales")
    if result.inconsistent:
        return _rec("immex.export_threshold", Severity.WARNING,
                    ("Export threshold: exports exceed total sales", "Umbral de exportación: las exportaciones "
                     "superan las ventas totales"),
                    (f"{rule_en}. The annual exports entered are larger than total sales; correct the figures.",
                     f"{rule_es}. Las exportaciones anuales capturadas son mayores que las ventas totales; "
                     "corrija las cifras."), rules=rules, items=items)
    if result.met is None:
        en, es = _missing_list(result.missing)
        return _rec("immex.export_threshold", Severity.WARNING,
                    ("Export threshold: answers missing", "Umbral de exportación: faltan respuestas"),
                    (f"{rule_en}. To check it, enter: {en}.", f"{rule_es}. Para revisarlo, capture: {es}."),
                    rules=rules, items=items)
    exports = answers.annual_exports_usd
    assert exports is not None  # met is known only with exports
    share_en = share_es = ""
    if result.share_pct is not None:
        share_en = f", {_pct(result.share_pct)} of sales of {_usd(answers.annual_sales_usd or Decimal(0))},"
        share_es = f", el {_pct(result.share_pct)} de ventas por {_usd(answers.annual_sales_usd or Decimal(0))},"
    if result.met:
        how_en = "above USD 500,000" if result.above_amount else "at least 10 % of sales"
        how_es = "superiores a USD 500,000" if result.above_amount else "de al menos el 10 % de las ventas"
        return _rec("immex.export_threshold", Severity.INFO,
                    ("Export threshold met", "Se cumple el umbral de exportación"),
                    (f"{rule_en}. Annual exports of {_usd(exports)}{share_en} are {how_en}. Keep meeting it every "
                     "year: the annual report shows it, and failing it can lead to cancellation.",
                     f"{rule_es}. Las exportaciones anuales de {_usd(exports)}{share_es} son {how_es}. Debe "
                     "cumplirse cada año: el reporte anual lo muestra y no cumplirlo puede llevar a la cancelación."),
                    rules=rules, items=items)
    severity = Severity.BLOCKER if answers.path is Path.OWN_ENTITY else Severity.WARNING
    whose_en = ("Your entity cannot obtain its own program as planned."
                if answers.path is Path.OWN_ENTITY else
                "The program holder (the shelter under a shelter model) must meet it; raise it with the provider.")
    whose_es = ("Su entidad no puede obtener su propio programa con este plan."
                if answers.path is Path.OWN_ENTITY else
                "Quien tiene el programa (el albergue, en el modelo shelter) debe cumplirlo; coméntelo con el "
                "proveedor.")
    return _rec("immex.export_threshold", severity,
                ("Export threshold not met", "No se cumple el umbral de exportación"),
                (f"{rule_en}. Annual exports of {_usd(exports)}{share_en} meet neither test. {whose_en}",
                 f"{rule_es}. Las exportaciones anuales de {_usd(exports)}{share_es} no cumplen ninguna de las dos "
                 f"condiciones. {whose_es}"), rules=rules, items=items)


# --- IMMEX: need and modality -----------------------------------------------------------------------------


def _immex_recommendations(answers: ProjectAnswers) -> list[Recommendation]:
    recs: list[Recommendation] = []
    if answers.path is Path.SHELTER:
        recs.append(_rec(
            "immex.shelter_program", Severity.INFO,
            ("No IMMEX program of your own: you work under the shelter's",
             "Sin programa IMMEX propio: opera con el del albergue"),
            ("The shelter provider's IMMEX program, in the albergue modality, covers your operation: you sign the "
             "shelter agreement and give the provider the lists of machinery, equipment and materials to import, "
             "which it registers in its program. You do not apply for a program yourself.",
             "El programa IMMEX del proveedor, en la modalidad de albergue, ampara su operación: usted firma el "
             "contrato de albergue y entrega al proveedor las relaciones de maquinaria, equipo e insumos por "
             "importar, que él registra en su programa. Usted no solicita un programa propio."),
            rules=("Decreto IMMEX art. 3 (albergue)", "Decreto IMMEX art. 4"),
            items=("shelter.agreement", "shelter.asset_lists", "immex.shelter_contract")))
        if answers.immex_modality not in (None, ImmexModality.ALBERGUE):
            recs.append(_rec(
                "immex.modality_fit", Severity.WARNING,
                ("Under a shelter the modality is albergue", "Con un albergue la modalidad es albergue"),
                (f"The answers name the {answers.immex_modality} modality, but under a shelter you operate "
                 "within the provider's albergue program.",
                 f"Las respuestas indican la modalidad {answers.immex_modality}, pero con un albergue usted opera "
                 "dentro del programa de albergue del proveedor."),
                rules=("Decreto IMMEX art. 3",), items=("immex.shelter_contract",)))
    elif answers.path is Path.OWN_ENTITY:
        recs.append(_rec(
            "immex.own_program", Severity.ADVICE,
            ("Your entity needs its own IMMEX program", "Su entidad necesita su propio programa IMMEX"),
            ("To import inputs and machinery temporarily without paying the general import tax (and, once "
             "certified, the IVA), your Mexican entity must hold its own IMMEX program: a Mexican-resident company "
             "taxed under Title II of the ISR law, one program per company, authorised by the Ministry of Economy "
             "(SE) after a favourable opinion of SAT.",
             "Para importar temporalmente insumos y maquinaria sin pagar el impuesto general de importación (y, ya "
             "certificada, el IVA), su entidad mexicana debe tener su propio programa IMMEX: una persona moral "
             "residente que tribute en el Título II de la LISR, un programa por empresa, autorizado por la "
             "Secretaría de Economía (SE) con opinión favorable previa del SAT."),
            rules=("Decreto IMMEX art. 3", "Decreto IMMEX art. 11"),
            items=("immex.legal_entity", "immex.sat_favourable_opinion")))
        recs.append(_modality_recommendation(answers))
    if answers.path is not None:
        recs.append(_rec(
            "immex.temporary_stay", Severity.INFO,
            ("Temporary imports may stay 18 months", "Las importaciones temporales pueden permanecer 18 meses"),
            ("Raw materials, parts, components and packaging may stay 18 months; containers and trailer boxes up "
             "to 2 years; machinery and equipment while the program is in force. The 36-month stay once granted "
             "to certified companies was abolished in July 2020. Return, transfer or change the regime of goods "
             "before their limit.",
             "Materias primas, partes, componentes y envases pueden permanecer 18 meses; contenedores y cajas de "
             "tráiler hasta 2 años; maquinaria y equipo mientras el programa esté vigente. El plazo de 36 meses "
             "que tenían las empresas certificadas se eliminó en julio de 2020. Retorne, transfiera o cambie de "
             "régimen las mercancías antes de su plazo."),
            rules=("Decreto IMMEX art. 4", "Ley Aduanera art. 108"), items=("immex.return_deadlines",)))
    if Flag.IMPORTS_ANNEX_II in answers.flags:
        shelter = answers.path is Path.SHELTER
        recs.append(_rec(
            "immex.annex_ii", Severity.ADVICE,
            ("Sensitive goods (Annex II) need extra filings", "Las mercancías sensibles (Anexo II) requieren "
             "trámites adicionales"),
            ("Importing Annex II goods under IMMEX requires their tariff codes, a written statement of volumes and "
             "values, and a registered public accountant's report on capacity, machinery and products."
             + (" The shelter provider files them for its program." if shelter else ""),
             "Importar mercancías del Anexo II al amparo de IMMEX requiere sus fracciones arancelarias, un escrito "
             "con volúmenes y valores y el dictamen de un contador público registrado sobre capacidad, maquinaria "
             "y productos." + (" El proveedor de albergue los presenta para su programa." if shelter else "")),
            rules=("Decreto IMMEX Anexo II", "SE Anexo 3.3.2"), items=("immex.annex_ii_goods",)))
    return recs


def _modality_recommendation(answers: ProjectAnswers) -> Recommendation:
    modality = answers.immex_modality
    code, art3 = "immex.modality_fit", "Decreto IMMEX art. 3"
    if modality is None:
        return _rec(
            "immex.choose_modality", Severity.ADVICE,
            ("Choose the IMMEX modality", "Elija la modalidad IMMEX"),
            ("Industrial fits a manufacturer that transforms goods for export; servicios covers only service "
             "activities the SE lists; controladora integrates a controlling company and its controlled companies "
             "in one program; terciarización is for certified companies without production facilities of their "
             "own that manufacture through registered third parties. Albergue is the shelter providers' modality.",
             "Industrial corresponde a un fabricante que transforma mercancías para exportación; servicios solo "
             "cubre las actividades de servicio que lista la SE; controladora integra en un programa a una empresa "
             "controladora y sus controladas; terciarización es para empresas certificadas sin instalaciones "
             "productivas propias que fabrican por medio de terceros registrados. Albergue es la modalidad de los "
             "proveedores de albergue."),
            rules=(art3,), items=("immex.controladora_docs", "immex.tercerizacion_certified"))
    if modality is ImmexModality.INDUSTRIAL:
        return _rec(
            code, Severity.INFO, ("Industrial modality fits a manufacturer", "La modalidad industrial corresponde a "
                                  "un fabricante"),
            ("The industrial modality covers an industrial process that transforms goods for export. The "
             "application describes the process, the installed capacity and the share in use.",
             "La modalidad industrial ampara un proceso industrial que transforma mercancías para exportación. La "
             "solicitud describe el proceso, la capacidad instalada y el porcentaje utilizado."),
            rules=(art3, "SE regla 3.2.20"), items=("immex.process_description",))
    if modality is ImmexModality.SERVICIOS:
        return _rec(
            code, Severity.ADVICE, ("Servicios: only for activities the SE lists", "Servicios: solo para "
                                    "actividades que lista la SE"),
            ("The services modality covers services to export goods or exported services, only for the activities "
             "the SE lists (tied to manufacturing since the 2022 rules). A manufacturer normally takes industrial.",
             "La modalidad de servicios ampara servicios a mercancías de exportación o servicios de exportación, "
             "solo en las actividades que lista la SE (ligadas a la manufactura desde las reglas de 2022). Un "
             "fabricante normalmente elige industrial."),
            rules=(art3, "SE regla 3.2.18"))
    if modality is ImmexModality.CONTROLADORA:
        return _rec(
            code, Severity.ADVICE, ("Controladora: group documents needed", "Controladora: se requieren "
                                    "documentos del grupo"),
            ("One program integrates the controlling company and its controlled companies. The filing adds the "
             "shareholder minutes showing ownership, certified share-registry entries, notarised maquila contracts "
             "between the controller and each controlled company, and a statement of ownership percentages.",
             "Un programa integra a la controladora y sus controladas. La solicitud agrega las actas de asamblea que "
             "acreditan la tenencia, los asientos certificados del libro de accionistas, los contratos de maquila "
             "protocolizados entre la controladora y cada controlada y un escrito con los porcentajes de tenencia."),
            rules=(art3, "SE regla 3.2.21"), items=("immex.controladora_docs",))
    if modality is ImmexModality.TERCIARIZACION:
        problems_en, problems_es = [], []
        first = answers.answered(Flag.FIRST_IMMEX_PROGRAM)
        if answers.civa_rubro is None:
            problems_en.append("no IVA/IEPS certification rubro is planned")
            problems_es.append("no se prevé un rubro de certificación en IVA e IEPS")
        if first:
            problems_en.append("this is the entity's first IMMEX program, so it holds no certification yet: the "
                               "certification itself requires an IMMEX program in force (start in the industrial "
                               "modality, get certified, then change)")
            problems_es.append("es el primer programa IMMEX de la entidad, así que aún no tiene certificación: la "
                               "certificación misma requiere un programa IMMEX vigente (empiece en la modalidad "
                               "industrial, certifíquese y luego cambie)")
        if Flag.BUILDS_NEW_PLANT in answers.flags:
            problems_en.append("the plan builds a plant of its own")
            problems_es.append("el plan construye una planta propia")
        severity = Severity.BLOCKER if first else (Severity.WARNING if problems_en or first is None
                                                   else Severity.ADVICE)
        tail_en = f" Here {' and '.join(problems_en)}." if problems_en else ""
        tail_es = f" Aquí {' y '.join(problems_es)}." if problems_es else ""
        return _rec(
            code, severity, ("Terciarización: only for certified companies without own plants",
                             "Terciarización: solo empresas certificadas sin planta propia"),
            ("The terciarización modality is reserved to companies already certified (a rubro only sought is not "
             "enough) without production facilities of their own that manufacture through registered third "
             f"parties.{tail_en}",
             "La modalidad de terciarización está reservada a empresas ya certificadas (no basta un rubro solo "
             "buscado) sin instalaciones productivas propias que fabrican por medio de terceros registrados."
             f"{tail_es}"),
            rules=(art3, "RGCE 7.1.2"), items=("immex.tercerizacion_certified", "civa.a.immex_active"),
            depends=("civa_rubro", "first_immex_program", "builds_new_plant"),
            unanswered=("first_immex_program",) if first is None else ())
    return _rec(
        code, Severity.WARNING, ("Albergue is the shelter providers' modality", "Albergue es la modalidad de los "
                                 "proveedores de albergue"),
        ("In the albergue modality foreign companies supply technology and material to a Mexican company that "
         "operates the program for them. Your own entity manufacturing for you normally takes industrial; if you "
         "mean to use a shelter, choose the shelter model instead.",
         "En la modalidad de albergue, empresas extranjeras aportan tecnología y material a una empresa mexicana que "
         "opera el programa por ellas. Su propia entidad que fabrica para usted normalmente elige industrial; si "
         "quiere usar un albergue, elija el modelo shelter."),
        rules=(art3,), items=("immex.shelter_contract",))


# --- IVA/IEPS certification -------------------------------------------------------------------------------


class CertificationStatus(StrEnum):
    """What the consultant knows about the shelter provider's IVA/IEPS certification."""

    CERTIFIED = "certified"
    NOT_CERTIFIED = "not_certified"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ProviderCertification:
    """The shelter provider's certification (shelter path); the client's own rubro is `civa_rubro`."""

    status: CertificationStatus
    rubro: CivaRubro | None = None


@dataclass(frozen=True)
class RubroCheck:
    """Whether a rubro is within reach from the answers.

    `reachable` is None when the answers cannot tell; `unmet` names requirements the answers fail
    (item ids); `missing` the answers needed: ProjectAnswers field names, plus `years_under_immex`
    and `machinery_value_mxn`, which the journey does not ask yet; `to_verify` that the
    requirement itself is not confirmed in the facts.
    """

    rubro: CivaRubro
    reachable: bool | None
    unmet: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    to_verify: bool = False


def rubro_reachability(answers: ProjectAnswers) -> dict[CivaRubro, RubroCheck]:
    """Rubro A from the answers; AA and AAA build on A plus requirements the facts give only in part.

    Rubro A (RGCE 7.1.2): an IMMEX program in force, ≥ 10 IMSS-registered workers, ≥ 60 % of the temporary
    imports of inputs returned in the prior 12 months (machinery is not returned, so it does not count). A
    first-time IMMEX holder (program obtained in the prior 12 months) may document ≥ 10 hires instead of the
    returns test; that alternative's current wording is to verify. Terciarización needs a certification already
    granted, and the certification needs a program in force: a first program in that modality cannot get either.
    AA (RGCE 7.1.3, 2018 text, partial): A plus ≥ 4 years under the regime, or > 1,000 workers on average over 12
    months (a planned headcount is not that average), or machinery and equipment > MXN 50 M. AAA: ≥ 7 years per
    one secondary source (unconfirmed).
    """
    unmet: list[str] = []
    missing: list[str] = []
    to_verify = False
    first = answers.answered(Flag.FIRST_IMMEX_PROGRAM)
    if answers.immex_modality is None:
        missing.append("immex_modality")
    elif answers.immex_modality is ImmexModality.TERCIARIZACION:
        if first:
            unmet.append("civa.a.immex_active")
        elif first is None:
            missing.append("first_immex_program")
    if not answers.roles:
        missing.append("roles")
    elif answers.headcount < RUBRO_A_MIN_WORKERS:
        unmet.append("civa.a.workers_10")
    pct = answers.temporary_imports_returned_pct
    if first:
        to_verify = True  # the first-program alternative (≥ 10 hires) replaces the returns test
    elif pct is None:
        missing.append("temporary_imports_returned_pct")
        if first is None:
            missing.append("first_immex_program")
            to_verify = True  # only the first-program alternative could stand in for the returns test
    elif pct < RUBRO_A_RETURNS_MIN_PCT:
        if first is None:
            missing.append("first_immex_program")  # a first program would not need the returns test
            to_verify = True
        else:
            unmet.append("civa.a.returns_60pct")
    missing = list(dict.fromkeys(missing))
    reach_a = False if unmet else (None if missing else True)
    a = RubroCheck(CivaRubro.A, reach_a, tuple(unmet), tuple(missing), to_verify)

    years, machinery = answers.years_under_immex, answers.machinery_value_mxn
    if reach_a is False:
        return {CivaRubro.A: a, CivaRubro.AA: RubroCheck(CivaRubro.AA, False, a.unmet, (), to_verify=True),
                CivaRubro.AAA: RubroCheck(CivaRubro.AAA, False, a.unmet, (), to_verify=True)}
    # AA: any one alternative met is enough; every one failed (headcount never counts: it is planned) is unmet.
    aa_met = ((years is not None and years >= RUBRO_AA_MIN_YEARS)
              or (machinery is not None and machinery > RUBRO_AA_MACHINERY_ABOVE_MXN))
    aa_open = [f for f, v in (("years_under_immex", years), ("machinery_value_mxn", machinery)) if v is None]
    if aa_met:
        aa = RubroCheck(CivaRubro.AA, reach_a, (), a.missing, to_verify=True)
    elif aa_open or answers.headcount > RUBRO_AA_WORKERS_ABOVE:
        aa = RubroCheck(CivaRubro.AA, None, (), (*a.missing, *aa_open), to_verify=True)
    else:
        aa = RubroCheck(CivaRubro.AA, False, ("civa.aa.additional",), a.missing, to_verify=True)
    if years is None:
        aaa = RubroCheck(CivaRubro.AAA, None, (), (*a.missing, "years_under_immex"), to_verify=True)
    elif years >= RUBRO_AAA_MIN_YEARS:
        aaa = RubroCheck(CivaRubro.AAA, reach_a, (), a.missing, to_verify=True)
    else:
        aaa = RubroCheck(CivaRubro.AAA, False, ("civa.aaa.additional",), a.missing, to_verify=True)
    return {CivaRubro.A: a, CivaRubro.AA: aa, CivaRubro.AAA: aaa}


def _rubro_a_recommendation(answers: ProjectAnswers, check: RubroCheck) -> Recommendation:
    items = ("civa.a.immex_active", "civa.a.workers_10", "civa.a.returns_60pct")
    rules = ("RGCE 7.1.2",)
    req_en = ("Rubro A requires, among others, an IMMEX program, at least 10 IMSS-registered workers and at least "
              "60 % of the temporary imports of the prior 12 months returned (exported or transferred)")
    req_es = ("El rubro A exige, entre otros requisitos, un programa IMMEX, al menos 10 trabajadores registrados ante "
              "el IMSS y haber retornado (exportado o transferido) al menos el 60 % de las importaciones temporales "
              "de los 12 meses previos")
    facts_en, facts_es = [], []
    if answers.roles:
        facts_en.append(f"planned headcount {answers.headcount}")
        facts_es.append(f"plantilla prevista de {answers.headcount}")
    if answers.temporary_imports_returned_pct is not None:
        facts_en.append(f"returns {_pct(answers.temporary_imports_returned_pct)}")
        facts_es.append(f"retornos del {_pct(answers.temporary_imports_returned_pct)}")
    seen_en = f" Answers: {', '.join(facts_en)}." if facts_en else ""
    seen_es = f" Respuestas: {', '.join(facts_es)}." if facts_es else ""
    if check.reachable is False:
        unmet_en = " and ".join({"civa.a.workers_10": "fewer than 10 workers",
                                 "civa.a.returns_60pct": "returns below 60 % and not a first IMMEX program",
                                 "civa.a.immex_active": "no IMMEX program in force (a first terciarización program "
                                                        "needs a certification already granted)"}[u]
                                for u in check.unmet)
        unmet_es = " y ".join({"civa.a.workers_10": "menos de 10 trabajadores",
                               "civa.a.returns_60pct": "retornos por debajo del 60 % y no es un primer programa IMMEX",
                               "civa.a.immex_active": "ningún programa IMMEX vigente (un primer programa de "
                                                      "terciarización requiere una certificación ya otorgada)"}[u]
                              for u in check.unmet)
        severity = Severity.BLOCKER if answers.civa_rubro is not None else Severity.WARNING
        return _rec("civa.rubro_a", severity, ("Rubro A is not within reach yet", "El rubro A aún no está al alcance"),
                    (f"{req_en}: here {unmet_en}.{seen_en} Until it is reached, IVA on temporary imports must be paid "
                     "and recovered, or guaranteed.",
                     f"{req_es}: aquí hay {unmet_es}.{seen_es} Mientras no se alcance, el IVA de las importaciones "
                     "temporales debe pagarse y recuperarse, o garantizarse."),
                    rules=rules, items=items, depends=_RUBRO_A_ANSWERS)
    if check.reachable is None:
        en, es = _missing_list(check.missing)
        alt_en = alt_es = ""
        if "first_immex_program" in check.missing:
            alt_en = (" A new IMMEX holder has no 12-month return history: SAT's rubro-A page let a company whose "
                      "first program is less than 12 months old document at least 10 hires instead (current wording "
                      "to verify).")
            alt_es = (" Un nuevo titular de IMMEX no tiene 12 meses de retornos: la página del rubro A del SAT "
                      "permitía a una empresa con su primer programa de menos de 12 meses acreditar en su lugar al "
                      "menos 10 contrataciones (redacción vigente por verificar).")
        return _rec("civa.rubro_a", Severity.ADVICE, ("Rubro A: answers missing", "Rubro A: faltan respuestas"),
                    (f"{req_en}. To check it, enter: {en}.{seen_en}{alt_en}",
                     f"{req_es}. Para revisarlo, capture: {es}.{seen_es}{alt_es}"),
                    rules=rules, items=items, to_verify=check.to_verify, depends=_RUBRO_A_ANSWERS,
                    unanswered=tuple(m for m in check.missing if m in _RUBRO_A_ANSWERS))
    if answers.answered(Flag.FIRST_IMMEX_PROGRAM):
        seen_en += (" As a first IMMEX program, the entity documents at least 10 hires instead of the returns test "
                    "(SAT's rubro-A page; current wording to verify).")
        seen_es += (" Como primer programa IMMEX, la entidad acredita al menos 10 contrataciones en lugar de la prueba "
                    "de retornos (página del rubro A del SAT; redacción vigente por verificar).")
    return _rec("civa.rubro_a", Severity.INFO, ("Rubro A is within reach", "El rubro A está al alcance"),
                (f"{req_en}; the answers meet the ones they cover.{seen_en} The rest (infrastructure, legal use of "
                 "the premises, contracts, investment in Mexico) are in the rubro A checklist.",
                 f"{req_es}; las respuestas cumplen los que abarcan.{seen_es} Los demás (infraestructura, legal uso "
                 "del inmueble, contratos, inversión en México) están en la lista del rubro A."),
                rules=rules, items=items, to_verify=check.to_verify, depends=_RUBRO_A_ANSWERS)


_RUBRO_A_ANSWERS: Final = ("immex_modality", "roles", "temporary_imports_returned_pct", "first_immex_program")


def _rubro_aa_aaa_recommendation(answers: ProjectAnswers, check: RubroCheck) -> Recommendation:
    upgrade_en = ("A new certification normally starts at rubro A (common practice, to verify); since 31 October "
                  "2023 a rubro A holder that meets the AA or AAA requirements may renew into them, for one year like "
                  "every grant.")
    upgrade_es = ("Una certificación nueva normalmente empieza en el rubro A (práctica común, por verificar); desde "
                  "el 31 de octubre de 2023 un titular del rubro A que cumpla los requisitos de AA o AAA puede renovar "
                  "en ellos, por un año como todo registro.")
    if check.rubro is CivaRubro.AA:
        req_en = ("Rubro AA requires rubro A plus, per the RGCE 2018 text: at least 4 years under the regime, or more "
                  "than 1,000 IMSS-registered or subcontracted workers on average over 12 months, or machinery and "
                  "equipment above MXN 50 million; and no unpaid tax assessment notified in the prior 12 months. The "
                  "current (RGCE 2026) wording is to verify.")
        req_es = ("El rubro AA exige el rubro A y, según el texto de las RGCE 2018: al menos 4 años en el régimen, o "
                  "más de 1,000 trabajadores registrados ante el IMSS o subcontratados en promedio en 12 meses, o "
                  "maquinaria y equipo por más de MXN 50 millones; y ningún crédito fiscal notificado en los 12 meses "
                  "previos sin pagar. La redacción vigente (RGCE 2026) está por verificar.")
        items: tuple[str, ...] = ("civa.aa_aaa.base", "civa.aa.additional", "civa.aa_aaa.upgrade_on_renewal")
        title = ("Rubro AA: extra requirements", "Rubro AA: requisitos adicionales")
    else:
        req_en = ("Rubro AAA requires rubro A plus further requirements the sources do not confirm; one secondary "
                  "source on the RGCE 2026 gives at least 7 years of operations. Check the current rule before "
                  "promising it.")
        req_es = ("El rubro AAA exige el rubro A y otros requisitos que las fuentes no confirman; una fuente "
                  "secundaria sobre las RGCE 2026 indica al menos 7 años de operación. Revise la regla vigente antes "
                  "de ofrecerlo.")
        items = ("civa.aa_aaa.base", "civa.aaa.additional", "civa.aa_aaa.upgrade_on_renewal")
        title = ("Rubro AAA: extra requirements not confirmed", "Rubro AAA: requisitos adicionales sin confirmar")
    facts_en, facts_es = [], []
    if answers.years_under_immex is not None:
        facts_en.append(f"{answers.years_under_immex} years under IMMEX")
        facts_es.append(f"{answers.years_under_immex} años con IMMEX")
    if answers.machinery_value_mxn is not None and check.rubro is CivaRubro.AA:
        facts_en.append(f"machinery and equipment of {_mxn(answers.machinery_value_mxn)}")
        facts_es.append(f"maquinaria y equipo por {_mxn(answers.machinery_value_mxn)}")
    seen_en = f" Answers: {', '.join(facts_en)}." if facts_en else ""
    seen_es = f" Respuestas: {', '.join(facts_es)}." if facts_es else ""
    if check.reachable is False and any(u.startswith("civa.a.") for u in check.unmet):
        severity, now_en, now_es = Severity.BLOCKER, "Rubro A is not within reach yet, so neither is this rubro.", (
            "El rubro A aún no está al alcance, así que este rubro tampoco.")
    elif check.reachable is False:
        severity = Severity.BLOCKER if check.rubro is CivaRubro.AA else Severity.WARNING  # AAA's rule unconfirmed
        now_en, now_es = f"The answers meet none of its extra requirements.{seen_en}", (
            f"Las respuestas no cumplen ninguno de sus requisitos adicionales.{seen_es}")
    elif check.reachable:
        severity, now_en, now_es = Severity.ADVICE, f"The answers meet its extra requirements.{seen_en}", (
            f"Las respuestas cumplen sus requisitos adicionales.{seen_es}")
    else:
        en, es = _missing_list(check.missing)
        severity, now_en, now_es = Severity.WARNING, f"To check it: {en}.{seen_en}", f"Para revisarlo: {es}.{seen_es}"
        if check.rubro is CivaRubro.AA and answers.headcount > RUBRO_AA_WORKERS_ABOVE:
            now_en += (" The planned headcount is above 1,000; the rule counts the 12-month average of registered "
                       "workers, which a plan does not show yet.")
            now_es += (" La plantilla prevista supera las 1,000 personas; la regla cuenta el promedio de 12 meses de "
                       "trabajadores registrados, que un plan aún no muestra.")
    depends = ("years_under_immex",) if check.rubro is CivaRubro.AAA else ("years_under_immex", "machinery_value_mxn")
    return _rec(f"civa.rubro_{check.rubro.value.lower()}", severity, title,
                (f"{req_en} {now_en} {upgrade_en}", f"{req_es} {now_es} {upgrade_es}"),
                rules=("RGCE 7.1.3", "RGCE 7.2.3"), items=items, to_verify=True, depends=(*_RUBRO_A_ANSWERS, *depends),
                unanswered=tuple(m for m in check.missing if m in (*_RUBRO_A_ANSWERS, *depends)))


def _certification_recommendations(
    answers: ProjectAnswers, provider: ProviderCertification | None
) -> list[Recommendation]:
    recs: list[Recommendation] = []
    law = ("LIVA art. 28-A", "LIEPS art. 15-A")
    if answers.path is Path.SHELTER:
        status = provider.status if provider else CertificationStatus.UNKNOWN
        if status is CertificationStatus.CERTIFIED:
            rubro = provider.rubro if provider else None
            which = f" (rubro {rubro})" if rubro else ""
            recs.append(_rec(
                "civa.provider", Severity.INFO,
                ("The shelter's IVA/IEPS certification covers your temporary imports",
                 "La certificación en IVA e IEPS del albergue ampara sus importaciones temporales"),
                (f"The provider is certified{which}: its temporary imports for you get a credit of 100 % of the IVA "
                 "and IEPS, so no cash is tied up. Grants last one year now; ask for the expiry date and the renewal "
                 "plan.",
                 f"El proveedor está certificado{which}: sus importaciones temporales para usted obtienen un crédito "
                 "del 100 % del IVA y del IEPS, así que no se inmoviliza efectivo. Los registros duran un año; pida "
                 "la fecha de vencimiento y el plan de renovación."),
                rules=(*law, "RGCE 7.1.6"), items=("civa.renewal",)))
        else:
            known = status is CertificationStatus.NOT_CERTIFIED
            recs.append(_rec(
                "civa.provider", Severity.WARNING,
                ("The shelter is not IVA/IEPS certified" if known else "Confirm the shelter's IVA/IEPS certification",
                 "El albergue no está certificado en IVA e IEPS" if known else
                 "Confirme la certificación en IVA e IEPS del albergue"),
                ("Without the provider's certification, the 16 % IVA on your temporary imports is paid and recovered "
                 "later, or guaranteed with a bond or letter of credit. Shelters normally hold the highest rubro "
                 "their seniority allows (a 2017 condition whose current wording is not confirmed).",
                 "Sin la certificación del proveedor, el 16 % de IVA de sus importaciones temporales se paga y se "
                 "recupera después, o se garantiza con fianza o carta de crédito. Los albergues suelen tener el "
                 "rubro más alto que su antigüedad permite (condición de 2017 cuya redacción vigente no está "
                 "confirmada)."),
                rules=(*law, "RMF 3.20.6 (2017)"), items=("shelter.certification_level",)))
        return recs
    if answers.path is not Path.OWN_ENTITY:
        return recs
    if answers.civa_rubro is None:
        recs.append(_rec(
            "civa.recommended", Severity.ADVICE,
            ("Plan the IVA/IEPS certification", "Planee la certificación en IVA e IEPS"),
            ("With the certification, temporary imports under IMMEX get a credit of 100 % of the IVA and IEPS. "
             "Without it, the 16 % IVA is paid and recovered later, or guaranteed with a bond or letter of credit. "
             "The certification presupposes the IMMEX program.",
             "Con la certificación, las importaciones temporales al amparo de IMMEX obtienen un crédito del 100 % "
             "del IVA y del IEPS. Sin ella, el 16 % de IVA se paga y se recupera después, o se garantiza con fianza "
             "o carta de crédito. La certificación presupone el programa IMMEX."),
            rules=(*law, "RGCE 7.1.2"), items=("civa.a.immex_active",)))
    checks = rubro_reachability(answers)
    recs.append(_rubro_a_recommendation(answers, checks[CivaRubro.A]))
    if answers.civa_rubro in (CivaRubro.AA, CivaRubro.AAA):
        recs.append(_rubro_aa_aaa_recommendation(answers, checks[answers.civa_rubro]))
    recs.append(_rec(
        "civa.one_year", Severity.INFO,
        ("Every certification grant and renewal lasts one year", "Todo registro y renovación de la certificación "
         "dura un año"),
        ("Since 31 October 2023 new grants and renewals last one year in every rubro (the 2- and 3-year terms of "
         "AA and AAA were repealed). Renew with the single renewal notice within the 30 days before expiry (one "
         "source reads them as business days; to verify), with the fee paid; a late notice lets the registration "
         "lapse.",
         "Desde el 31 de octubre de 2023 los registros nuevos y las renovaciones duran un año en todos los rubros "
         "(se derogaron los plazos de 2 y 3 años de AA y AAA). Renueve con el aviso único de renovación dentro de "
         "los 30 días previos al vencimiento (una fuente los lee como días hábiles; por verificar), con los derechos "
         "pagados; un aviso tardío deja vencer el registro."),
        rules=("RGCE 7.1.6", "RGCE 7.2.3"), items=("civa.renewal",), to_verify=True))
    recs.append(_rec(
        "civa.refund_terms", Severity.INFO,
        ("No fast VAT refunds for certified companies", "Sin devoluciones rápidas de IVA para empresas certificadas"),
        ("The VAT refunds in 20, 15 or 10 days for rubros A, AA and AAA were abolished on 24 July 2020; certified "
         "companies get refunds on the general term of the Federal Tax Code (one firm cites 40 business days; "
         "to verify against CFF art. 22).",
         "Las devoluciones de IVA en 20, 15 o 10 días para los rubros A, AA y AAA se eliminaron el 24 de julio de "
         "2020; las empresas certificadas reciben devoluciones en el plazo general del Código Fiscal de la "
         "Federación (una firma cita 40 días hábiles; por verificar contra el art. 22 del CFF)."),
        rules=("1a RM RGCE 2020 (DOF 24 Jul 2020)", "CFF art. 22"), to_verify=True))
    return recs


# --- the cash effect of operating without the certification ---------------------------------------------


@dataclass(frozen=True)
class IvaCashEffect:
    """IVA tied up by temporary imports without the certification: TIED = 0.16 · M · L (docs/cost-model.md §2.8).

    With the certification (A/AA/AAA) nothing is tied up, so `tied_up` is also the cash-flow benefit
    of operating certified. `financing_cost(r)` is the yearly cost of that cash, COST = TIED · r.
    """

    tied_up: Money
    monthly_temporary_imports: Money
    rate: Decimal
    months_tied_up: Decimal
    months_is_assumption: bool
    basis: Basis
    to_verify: bool
    ieps_tied_up: Money | None = None
    """IEPS tied up on the IEPS-taxed part: rate · that value · months (None: no IEPS-taxed inputs or not sized);
    `tied_up` already includes it."""
    monthly_ieps_imports: Money | None = None
    ieps_rate_pct: Decimal | None = None
    ieps_missing: tuple[str, ...] = ()
    """Answers needed to size the IEPS (ProjectAnswers field names); empty once sized or known not to apply."""

    def financing_cost(self, cost_of_capital: Decimal) -> Money:
        """The yearly cost of the tied-up IVA at `cost_of_capital` (a fraction, e.g. Decimal("0.10"))."""
        if cost_of_capital < 0:
            raise ValidationError("The cost of capital cannot be negative.", "El costo de capital no puede ser "
                                  "negativo.", field="cost_of_capital")
        return self.tied_up * cost_of_capital


def _non_negative(value: Money | Decimal | int, field: str, en: str, es: str) -> Decimal:
    if isinstance(value, Money):
        if value.currency != "MXN":
            raise ValidationError(f"The {en} must be in MXN, not {value.currency}.",
                                  f"El valor de {es} debe estar en MXN, no en {value.currency}.", field=field)
        amount = value.amount
    elif isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"{field} is a Decimal or an int, not {type(value).__name__}")
    else:
        amount = Decimal(value)
    if not amount.is_finite() or amount < 0:
        raise ValidationError(f"The {en} must be zero or more.", f"El valor de {es} debe ser cero o más.", field=field)
    return amount


def iva_cash_effect(monthly_temporary_imports_mxn: Money | Decimal | int, months_tied_up: Decimal | int) -> Money:
    """IVA tied up without the certification: 16 % of the monthly temporary imports times the months
    until it is recovered (MXN, unrounded: round once where it is shown)."""
    monthly = _non_negative(monthly_temporary_imports_mxn, "monthly_temporary_imports_mxn",
                            "monthly temporary imports", "las importaciones temporales mensuales")
    months = _non_negative(months_tied_up, "months_tied_up", "months until the IVA is recovered",
                           "meses hasta recuperar el IVA")
    return Money(IVA_RATE * monthly * months, "MXN")


def ieps_cash_effect(monthly_ieps_imports_mxn: Money | Decimal | int, rate_pct: Decimal | int,
                     months_tied_up: Decimal | int) -> Money:
    """IEPS tied up without the certification: the goods' IEPS rate (a percentage) of their monthly customs value
    times the months until it is recovered (MXN, unrounded). LIEPS art. 15-A gives certified companies the same
    100 % credit for IEPS as LIVA art. 28-A for IVA; the IVA charged on the IEPS itself is left out."""
    monthly = _non_negative(monthly_ieps_imports_mxn, "monthly_ieps_imports_mxn", "IEPS-taxed monthly imports",
                            "las importaciones mensuales gravadas con IEPS")
    rate = _non_negative(rate_pct, "ieps_rate_pct", "IEPS rate", "la tasa de IEPS")
    months = _non_negative(months_tied_up, "months_tied_up", "months until the IEPS is recovered",
                           "meses hasta recuperar el IEPS")
    return Money(rate / 100 * monthly * months, "MXN")


def iva_cash_effect_of(
    answers: ProjectAnswers, months_tied_up: Decimal | int | None = None
) -> IvaCashEffect | None:
    """The structured cash effect for the business case; None until monthly temporary imports are known.

    Without `months_tied_up` the example value of docs/cost-model.md (3 months) is used and flagged as an
    assumption to verify.
    """
    if answers.monthly_temporary_imports_mxn is None:
        return None
    assumed = months_tied_up is None
    months = DEFAULT_MONTHS_TIED_UP if months_tied_up is None else Decimal(months_tied_up)
    tied = iva_cash_effect(answers.monthly_temporary_imports_mxn, months)
    ieps = answers.answered(Flag.IEPS_TAXED_INPUTS)
    ieps_tied: Money | None = None
    ieps_missing: tuple[str, ...] = ()
    if ieps is None:
        ieps_missing = ("ieps_taxed_inputs",)
    elif ieps:
        ieps_missing = tuple(f for f in ("monthly_ieps_imports_mxn", "ieps_rate_pct") if getattr(answers, f) is None)
        if not ieps_missing:
            assert answers.monthly_ieps_imports_mxn is not None and answers.ieps_rate_pct is not None
            ieps_tied = ieps_cash_effect(answers.monthly_ieps_imports_mxn, answers.ieps_rate_pct, months)
            tied = tied + ieps_tied
    return IvaCashEffect(
        ieps_tied_up=ieps_tied,
        monthly_ieps_imports=None if ieps_tied is None else Money(answers.monthly_ieps_imports_mxn or 0, "MXN"),
        ieps_rate_pct=None if ieps_tied is None else answers.ieps_rate_pct,
        ieps_missing=ieps_missing,
        tied_up=tied,
        monthly_temporary_imports=Money(answers.monthly_temporary_imports_mxn, "MXN"),
        rate=IVA_RATE,
        months_tied_up=months,
        months_is_assumption=assumed,
        basis=Basis(("LIVA art. 28-A", "LIEPS art. 15-A")),
        to_verify=assumed,
    )


def _cash_effect_recommendation(
    answers: ProjectAnswers, provider: ProviderCertification | None
) -> Recommendation | None:
    if answers.path is None:
        return None
    rules = ("LIVA art. 28-A", "LIEPS art. 15-A")
    effect = iva_cash_effect_of(answers)
    if effect is None:
        return _rec("civa.cash_effect", Severity.ADVICE,
                    ("IVA cash effect: monthly temporary imports missing",
                     "Efecto en caja del IVA: faltan las importaciones temporales mensuales"),
                    ("Enter the monthly value of temporary imports (MXN) to size the 16 % IVA that would be tied up "
                     "without the certification.",
                     "Capture el valor mensual de las importaciones temporales (MXN) para dimensionar el 16 % de IVA "
                     "que quedaría inmovilizado sin la certificación."),
                    rules=rules)
    amount = _mxn(effect.tied_up.quantize().amount)
    monthly = _mxn(effect.monthly_temporary_imports.amount)
    months = f"{effect.months_tied_up.normalize():f}"
    if effect.ieps_tied_up is None:
        figure_en = f"16 % IVA × {monthly} a month × {months} months until recovered = {amount} tied up"
        figure_es = f"16 % de IVA × {monthly} al mes × {months} meses hasta recuperarlo = {amount} inmovilizados"
    else:
        ieps_amount, rate = _mxn(effect.ieps_tied_up.quantize().amount), _pct(effect.ieps_rate_pct or Decimal(0))
        ieps_monthly = _mxn((effect.monthly_ieps_imports or Money(0, "MXN")).amount)
        figure_en = (f"(16 % IVA × {monthly} + {rate} IEPS × {ieps_monthly} IEPS-taxed) a month × {months} months "
                     f"until recovered = {amount} tied up, {ieps_amount} of it IEPS")
        figure_es = (f"(16 % de IVA × {monthly} + {rate} de IEPS × {ieps_monthly} gravados con IEPS) al mes × "
                     f"{months} meses hasta recuperarlo = {amount} inmovilizados, {ieps_amount} de ellos de IEPS")
    if effect.months_is_assumption:
        figure_en += " (the months are an assumption to verify)"
        figure_es += " (los meses son un supuesto por verificar)"
    ieps_depends = ("monthly_temporary_imports_mxn", "ieps_taxed_inputs", "monthly_ieps_imports_mxn", "ieps_rate_pct")
    certified = (answers.path is Path.SHELTER and provider is not None
                 and provider.status is CertificationStatus.CERTIFIED)
    if certified:
        return _rec("civa.cash_effect", Severity.INFO,
                    ("IVA cash effect avoided by the certification", "Efecto en caja del IVA evitado por la "
                     "certificación"),
                    (f"Without the certification: {figure_en}. The provider's certification avoids it.",
                     f"Sin la certificación: {figure_es}. La certificación del proveedor lo evita."),
                    rules=rules, to_verify=effect.to_verify, depends=ieps_depends, unanswered=effect.ieps_missing)
    pending = answers.path is Path.OWN_ENTITY and answers.civa_rubro is not None
    lead_en = ("Until your certification is granted" if pending else "Without the certification")
    lead_es = ("Mientras no se otorgue su certificación" if pending else "Sin la certificación")
    return _rec("civa.cash_effect", Severity.ADVICE if pending else Severity.WARNING,
                ("IVA tied up by temporary imports", "IVA inmovilizado por las importaciones temporales"),
                (f"{lead_en}: {figure_en}; a bond or letter of credit is the alternative, at its fee.",
                 f"{lead_es}: {figure_es}; la alternativa es una fianza o carta de crédito, con su costo."),
                rules=rules, to_verify=effect.to_verify, depends=ieps_depends, unanswered=effect.ieps_missing)


# --- shelter vs own entity --------------------------------------------------------------------------------


def _model_recommendations(answers: ProjectAnswers, provider: ProviderCertification | None = None
                           ) -> list[Recommendation]:
    decided = answers.path is not None
    tradeoff = Severity.INFO if decided else Severity.ADVICE
    recs: list[Recommendation] = []
    if not decided:
        recs.append(_rec(
            "model.undecided", Severity.ADVICE,
            ("Decide the operating model: shelter or own entity",
             "Decida el modelo de operación: albergue (shelter) o entidad propia"),
            ("The operating model decides who holds the IMMEX program and the IVA/IEPS certification, who employs "
             "the workforce and which checklists apply. The trade-offs below compare the two.",
             "El modelo de operación decide quién tiene el programa IMMEX y la certificación en IVA e IEPS, quién "
             "emplea al personal y qué listas aplican. Las comparaciones siguientes contrastan ambos."),
            rules=("Decreto IMMEX art. 3",), items=("model.decision",)))
    recs.append(_rec(
        "model.time_to_start", tradeoff,
        ("Time to start: a shelter is faster", "Tiempo de arranque: el albergue es más rápido"),
        ("Under a shelter, production can start a few months after the lease is signed, because the provider's "
         "IMMEX program and certification already exist. An own entity first incorporates (about 22–37 days, "
         "steps overlapping), then obtains its IMMEX program (consultants estimate 10–20 business days after a "
         "complete filing; no legal term is confirmed) and only then the IVA/IEPS certification (resolution time "
         "not confirmed); until certified, its temporary imports carry IVA.",
         "Con un albergue, la producción puede iniciar unos meses después de firmar el arrendamiento, porque el "
         "programa IMMEX y la certificación del proveedor ya existen. Una entidad propia primero se constituye "
         "(unos 22–37 días, con pasos que se traslapan), luego obtiene su programa IMMEX (los consultores estiman "
         "10–20 días hábiles tras una solicitud completa; no hay plazo legal confirmado) y solo después la "
         "certificación en IVA e IEPS (plazo de resolución sin confirmar); mientras no se certifique, sus "
         "importaciones temporales causan IVA."),
        rules=("Decreto IMMEX art. 11", "RGCE 7.1.6"),
        items=("model.decision", "immex.application_vucem", "civa.gen.application"), to_verify=True))
    recs.append(_rec(
        "model.control", tradeoff,
        ("Control, and who holds the programs", "Control, y quién tiene los programas"),
        ("A shelter holds the entity, the IMMEX (albergue) program, the IVA/IEPS certification and the importer "
         "registry, and employs the workforce; you supply machinery, materials, working capital and production "
         "management. Typical shelter stays are 4–8 years. An own entity holds everything itself: full control, "
         "and the full duty of keeping the programs (annual report, inventory control, yearly renewal).",
         "El albergue tiene la entidad, el programa IMMEX (albergue), la certificación en IVA e IEPS y el padrón de "
         "importadores, y emplea al personal; usted aporta maquinaria, insumos, capital de trabajo y la dirección "
         "de la producción. Las estancias típicas en albergue son de 4 a 8 años. Una entidad propia tiene todo "
         "por sí misma: control total y la obligación completa de mantener los programas (reporte anual, control "
         "de inventarios, renovación anual)."),
        rules=("Decreto IMMEX art. 3", "Decreto IMMEX art. 25"),
        items=("model.decision", "shelter.agreement", "immex.annual_report")))
    recs.append(_pe_shield_recommendation(answers, provider, tradeoff))
    return recs


def _pe_shield_recommendation(answers: ProjectAnswers, provider: ProviderCertification | None,
                              tradeoff: Severity) -> Recommendation:
    """No permanent establishment under a shelter, on the condition the 2017 rule tied to it: the shelter holds the
    highest certification rubro its seniority allows (RMF 3.20.6 (2017), current wording unconfirmed)."""
    base_en = ("Under the shelter regime the foreign principal is not treated as having a permanent establishment in "
               "Mexico; since the 2020 reform this has no time limit, and the foreign resident meets its ISR "
               "obligations through the shelter (it registers in the RFC without obligations). The 2017 rules tied "
               "this option to the shelter holding the IVA/IEPS certification in the highest rubro its seniority "
               "allows (current wording to verify).")
    base_es = ("Con el régimen de albergue, el residente en el extranjero no se considera con establecimiento "
               "permanente en México; desde la reforma de 2020 esto no tiene límite de tiempo y el residente en el "
               "extranjero cumple sus obligaciones de ISR por medio del albergue (se inscribe en el RFC sin "
               "obligaciones). Las reglas de 2017 ligaron esta opción a que el albergue tenga la certificación en "
               "IVA e IEPS en el rubro más alto que su antigüedad permite (redacción vigente por verificar).")
    rules = ("LISR art. 183", "RMF 3.20.6 (2017)")
    items = ("shelter.pe_protection", "shelter.foreign_resident_rfc", "shelter.certification_level")
    title = ("Permanent-establishment protection under a shelter", "Protección de establecimiento permanente con un "
             "albergue")
    if answers.path is not Path.SHELTER:
        return _rec("model.pe_shield", tradeoff, title,
                    (f"{base_en} An own entity is a Mexican taxpayer itself and does not use this regime.",
                     f"{base_es} Una entidad propia es contribuyente mexicana por sí misma y no usa este régimen."),
                    rules=rules, items=items)
    status = provider.status if provider else CertificationStatus.UNKNOWN
    if status is CertificationStatus.CERTIFIED:
        rubro = provider.rubro if provider else None
        which_en = (f" The provider holds rubro {rubro}; confirm it is the highest its seniority allows."
                    if rubro else " Ask the provider which rubro it holds and whether it is the highest its "
                    "seniority allows.")
        which_es = (f" El proveedor tiene el rubro {rubro}; confirme que es el más alto que su antigüedad permite."
                    if rubro else " Pregunte al proveedor qué rubro tiene y si es el más alto que su antigüedad "
                    "permite.")
        return _rec("model.pe_shield", Severity.INFO, title, (base_en + which_en, base_es + which_es),
                    rules=rules, items=items, depends=("provider_certification",))
    if status is CertificationStatus.NOT_CERTIFIED:
        return _rec("model.pe_shield", Severity.WARNING,
                    ("Permanent-establishment protection at risk: the shelter is not certified",
                     "Protección de establecimiento permanente en riesgo: el albergue no está certificado"),
                    (f"{base_en} With a provider that is not certified, do not count on the protection until a tax "
                     "advisor confirms the current condition.",
                     f"{base_es} Con un proveedor no certificado, no cuente con la protección hasta que un asesor "
                     "fiscal confirme la condición vigente."),
                    rules=rules, items=items, depends=("provider_certification",))
    return _rec("model.pe_shield", Severity.WARNING,
                ("Permanent-establishment protection depends on the shelter's certification",
                 "La protección de establecimiento permanente depende de la certificación del albergue"),
                (base_en, base_es), rules=rules, items=items, depends=("provider_certification",),
                unanswered=("provider_certification",))


def _wage_zone_recommendation(answers: ProjectAnswers) -> Recommendation | None:
    if answers.state is None or answers.state.strip().upper() not in STATES:
        return None
    derived = derive_wage_zone(answers.state, answers.municipality or answers.city)
    rules = ("Resoluciones de salarios mínimos (DOF): ZLFN y zona general",)
    if derived.to_verify:
        return _rec("site.wage_zone", Severity.WARNING,
                    ("Minimum-wage zone to verify", "Zona de salario mínimo por verificar"),
                    (f"{derived.municipality or 'The municipality'} ({derived.state}) is in a northern border state "
                     "but not among the border-zone (ZLFN) municipalities on record, which list 10 of 43–46; it is "
                     "taken as general zone. Confirm it: the ZLFN minimum wage is higher (2026: MXN 440.87 vs "
                     "315.04 a day).",
                     f"{derived.municipality or 'El municipio'} ({derived.state}) está en un estado de la frontera "
                     "norte pero no entre los municipios de la zona fronteriza (ZLFN) registrados, que listan 10 de "
                     "43–46; se toma como zona general. Confírmelo: el salario mínimo de la ZLFN es mayor (2026: "
                     "MXN 440.87 contra 315.04 diarios)."),
                    rules=rules, to_verify=True)
    return None


# --- answers that link rules: domestic sales, trade programs, environment, Annex 10 ---------------------------


def _shelter_domestic_sales_recommendation(answers: ProjectAnswers) -> Recommendation | None:
    """Goods made under a shelter may leave only under an export pedimento (RMF 3.20.6 (2017), item
    shelter.foreign_resident_rfc): a shelter client with domestic sales is warned; the share is derived from
    total sales and exports."""
    if answers.path is not Path.SHELTER:
        return None
    rules, items = ("LISR art. 183", "RMF 3.20.6 (2017)"), ("shelter.foreign_resident_rfc",)
    depends = ("annual_sales_usd", "annual_exports_usd")
    share = answers.domestic_sales_pct
    rule_en = ("Under the shelter regime, products made in Mexico for the foreign principal may be sold only under "
               "an export pedimento.")
    rule_es = ("Con el régimen de albergue, los productos fabricados en México para el residente en el extranjero "
               "solo pueden venderse mediante pedimento de exportación.")
    if share is None:
        missing = tuple(f for f in depends if getattr(answers, f) is None)
        if not missing:  # both given but inconsistent: the export-threshold finding says so
            return None
        return _rec("shelter.domestic_sales", Severity.ADVICE,
                    ("Sales in Mexico under a shelter: answers missing", "Ventas en México con albergue: faltan "
                     "respuestas"), (rule_en, rule_es), rules=rules, items=items, depends=depends,
                    unanswered=missing)
    if share == 0:
        return None
    return _rec("shelter.domestic_sales", Severity.WARNING,
                ("Sales in Mexico do not fit the shelter regime", "Las ventas en México no caben en el régimen de "
                 "albergue"),
                (f"{rule_en} Here {_pct(share)} of sales are made in Mexico (total sales less exports). Plan how "
                 "those sales are made (another entity or structure) with the provider and a tax advisor before "
                 "relying on the shelter for them.",
                 f"{rule_es} Aquí el {_pct(share)} de las ventas se hace en México (ventas totales menos "
                 "exportaciones). Defina con el proveedor y un asesor fiscal cómo se harán esas ventas (otra entidad "
                 "o estructura) antes de contar con el albergue para ellas."),
                rules=rules, items=items, depends=depends)


def _regla_octava_recommendation(answers: ProjectAnswers) -> Recommendation | None:
    """The Eighth Rule is open only to producers with a PROSEC program (LIGIE Regla Complementaria 8a)."""
    if Flag.USES_REGLA_OCTAVA not in answers.flags or Flag.USES_PROSEC in answers.flags:
        return None
    return _rec("trade.regla_octava_prosec", Severity.WARNING,
                ("The Eighth Rule needs a PROSEC program", "La Regla Octava requiere un programa PROSEC"),
                ("Importing under the Eighth Rule (one chapter-98 tariff code with a preferential duty, by SE permit) "
                 "is open only to producers holding a sectoral promotion program (PROSEC); the answers use the "
                 "Eighth Rule without PROSEC. Apply for PROSEC first, or plan the imports without the Eighth Rule.",
                 "Importar con Regla Octava (una fracción del capítulo 98 con arancel preferencial, con permiso de "
                 "la SE) solo está abierto a productores con un programa de promoción sectorial (PROSEC); las "
                 "respuestas usan Regla Octava sin PROSEC. Solicite primero el PROSEC o planee las importaciones sin "
                 "Regla Octava."),
                rules=("LIGIE Regla Complementaria 8a",), items=("trade.prosec", "trade.regla_octava"),
                depends=("uses_regla_octava", "uses_prosec"))


def _environment_recommendation(answers: ProjectAnswers) -> Recommendation | None:
    """Federal LAU (and its yearly COA) in a sector of federal jurisdiction, the state licence otherwise
    (LGEEPA art. 111 Bis); handling hazardous materials makes the answer pressing."""
    if answers.path is None:
        return None
    federal = answers.answered(Flag.FEDERAL_ENVIRONMENTAL_SECTOR)
    hazardous = Flag.HANDLES_HAZARDOUS_MATERIALS in answers.flags
    depends = ("federal_environmental_sector", "handles_hazardous_materials")
    rules = ("LGEEPA art. 111 Bis", "Reglamento de la LGEEPA en materia de atmósfera art. 17 Bis")
    hazard_en = (" The plant handles hazardous materials: plan the environmental licence early, and check whether "
                 "the activity itself (for example hazardous-waste treatment) is a federal sector." if hazardous
                 else "")
    hazard_es = (" La planta maneja materiales peligrosos: planee la licencia ambiental con anticipación y revise "
                 "si la actividad misma (por ejemplo, el tratamiento de residuos peligrosos) es un giro federal."
                 if hazardous else "")
    if federal is None:
        return _rec("env.licence", Severity.WARNING if hazardous else Severity.ADVICE,
                    ("Environmental licence: federal or state", "Licencia ambiental: federal o estatal"),
                    ("A plant in a sector of federal jurisdiction needs SEMARNAT's single environmental licence (LAU) "
                     "and files the annual operating report (COA); a plant in any other sector needs the state "
                     f"licence instead.{hazard_en}",
                     "Una planta de un giro de jurisdicción federal requiere la Licencia Ambiental Única (LAU) de la "
                     "SEMARNAT y presenta la Cédula de Operación Anual (COA); una planta de cualquier otro giro "
                     f"requiere en su lugar la licencia estatal.{hazard_es}"),
                    rules=rules, items=("env.lau", "env.state_licence"), depends=depends,
                    unanswered=("federal_environmental_sector",))
    if federal:
        return _rec("env.licence", Severity.ADVICE,
                    ("Federal environmental licence (LAU) and yearly COA", "Licencia Ambiental Única (LAU) y COA "
                     "anual"),
                    ("The sector is of federal jurisdiction: the plant needs SEMARNAT's single environmental licence "
                     "(LAU) and files the annual operating report (COA) within the first four months of each year."
                     + hazard_en,
                     "El giro es de jurisdicción federal: la planta requiere la Licencia Ambiental Única (LAU) de la "
                     "SEMARNAT y presenta la Cédula de Operación Anual (COA) en los primeros cuatro meses de cada año."
                     + hazard_es),
                    rules=rules, items=("env.lau", "env.coa"), depends=depends)
    return _rec("env.licence", Severity.INFO,
                ("State environmental licence", "Licencia ambiental estatal"),
                ("The sector is not of federal jurisdiction: the state environmental authority licenses the plant "
                 "(no federal LAU or COA)." + hazard_en,
                 "El giro no es de jurisdicción federal: la autoridad ambiental del estado otorga la licencia a la "
                 "planta (sin LAU ni COA federales)." + hazard_es),
                rules=("Leyes ambientales estatales", "LGEEPA art. 111 Bis"), items=("env.state_licence",),
                depends=depends)


def _annex_10_recommendation(answers: ProjectAnswers) -> Recommendation | None:
    """The sector-specific importers' register concerns only Annex 10 goods (RGCE 1.3.2)."""
    if answers.path is None:
        return None
    annex_10 = answers.answered(Flag.IMPORTS_ANNEX_10_GOODS)
    if annex_10 is False:
        return None
    shelter = answers.path is Path.SHELTER
    text_en = ("Goods whose tariff codes are listed in Annex 10 (section A: for example steel, chemicals, textiles, "
               "footwear, automotive goods) may be imported only by a company registered in the matching sector of "
               "the importers' register." + (" Under a shelter, the provider's registration must cover your goods."
                                            if shelter else ""))
    text_es = ("Las mercancías cuyas fracciones están en el Anexo 10 (apartado A: por ejemplo siderúrgicos, químicos, "
               "textiles, calzado, automotriz) solo puede importarlas una empresa inscrita en el sector "
               "correspondiente del padrón." + (" En un albergue, la inscripción del proveedor debe cubrir sus "
                                                "mercancías." if shelter else ""))
    rules, items = ("RGCE 1.3.2", "RGCE Anexo 10"), ("customs.padron_sectorial",)
    if annex_10 is None:
        return _rec("customs.annex_10", Severity.ADVICE,
                    ("Sector-specific importers' register: Annex 10 goods?", "Padrón de sectores específicos: "
                     "¿mercancías del Anexo 10?"), (text_en, text_es), rules=rules, items=items,
                    depends=("imports_annex_10_goods",), unanswered=("imports_annex_10_goods",))
    return _rec("customs.annex_10", Severity.ADVICE,
                ("Register in the sector-specific importers' register", "Inscríbase en el padrón de sectores "
                 "específicos"), (text_en, text_es), rules=rules, items=items, depends=("imports_annex_10_goods",))


# --- everything together ----------------------------------------------------------------------------------


def recommend(
    answers: ProjectAnswers, *, provider: ProviderCertification | None = None
) -> list[Recommendation]:
    """All recommendations for the answers, gravest first (stable within a severity).

    `provider` is the shelter provider's certification as the journey asked it (shelter path).
    """
    recs: list[Recommendation] = []
    recs += _model_recommendations(answers, provider)
    recs += _immex_recommendations(answers)
    recs.append(_export_recommendation(answers))
    recs += _certification_recommendations(answers, provider)
    for optional in (_cash_effect_recommendation(answers, provider), _wage_zone_recommendation(answers),
                     _shelter_domestic_sales_recommendation(answers), _regla_octava_recommendation(answers),
                     _environment_recommendation(answers), _annex_10_recommendation(answers)):
        if optional is not None:
            recs.append(optional)
    return sorted(recs, key=lambda r: r.severity.rank)

