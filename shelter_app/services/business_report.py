"""Gather a business-case document's data: the project's scenarios computed, checklists, schedule, tables.

`build_business_report` reads a project (its client, the chosen scenarios, the IMMEX and
IVA/IEPS checklists and the start-up schedule); `report_from_document` makes the same report
from one business-case document with no project (the CLI's INPUT.json mode), which then has no
readiness or timeline to show. Either result goes to `reports.business_case`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from shelter_app import __version__
from shelter_app.content.reference import shipped_reference
from shelter_app.core.bilingual import Text
from shelter_app.core.business_case import marks
from shelter_app.core.business_case.china import china_sensitivity, compare_china
from shelter_app.core.business_case.sensitivity import sensitivity, variants
from shelter_app.core.business_report import (
    STRUCTURE_OWN_ENTITY,
    STRUCTURE_SHELTER,
    BusinessCaseReport,
    PackReadiness,
    ProjectStatus,
    ReadinessItem,
    ReportScenario,
    ScheduleItem,
)
from shelter_app.core.checklist import ItemStatus
from shelter_app.core.errors import UserError
from shelter_app.exchange import business_case_io
from shelter_app.services import rows
from shelter_app.services.checklists import ItemView, project_items, shipped_packs
from shelter_app.services.scenarios import ScenarioView, compute_document, extras, list_scenarios
from shelter_app.storage.db import Database
from shelter_app.storage.models import Client, Project

PROGRAM_PACKS: Mapping[str, str] = {
    "immex_application": "immex",
    "immex_ongoing": "immex",
    "civa_general": "iva_ieps",
    "civa_rubro_a": "iva_ieps",
    "civa_aa_aaa": "iva_ieps",
    "civa_ongoing": "iva_ieps",
}
"""The checklists whose progress is the IMMEX and IVA/IEPS readiness of the business case."""

_CLOSED = (ItemStatus.DONE.value, ItemStatus.NOT_APPLICABLE.value)


def _scenario(
    document: Mapping[str, Any],
    *,
    name: str | None = None,
    structure: str | None = None,
    indicative: frozenset[str] | None = None,
    scenario_id: int | None = None,
) -> ReportScenario:
    """Compute one document, its sensitivity and its China comparison, and read its extensions (site facts, IEPS, the
    exchange rate's source and date); `InvalidInput` names the JSON path at fault."""
    result = compute_document(dict(document))
    found = extras(dict(document))
    china = found.china
    reference = shipped_reference()
    computed = variants(result.case, reference, result)
    prefill = document.get("_prefill")
    if structure is None:
        stored = prefill.get("structure") if isinstance(prefill, dict) else None
        structure = stored if stored in (STRUCTURE_SHELTER, STRUCTURE_OWN_ENTITY) else STRUCTURE_SHELTER
    if indicative is None:
        indicative = marks.indicative(document)
    return ReportScenario(
        name=name or result.case.scenario.name or "—",
        structure=structure,
        document=document,
        result=result,
        indicative=indicative,
        sensitivity=sensitivity(result.case, reference, result, computed),
        id=scenario_id,
        china=None if china is None else compare_china(result, china),
        china_sensitivity=None if china is None else china_sensitivity(result, china, computed),
        site=found.site,
        ieps=found.ieps,
        fx_source=found.fx_source.strip(),
        fx_as_of=found.fx_as_of,
    )


def _chosen(
    available: Sequence[ScenarioView], scenario_ids: Sequence[int] | None, project_id: int
) -> list[ScenarioView]:
    if scenario_ids is None:
        chosen = list(available)
    else:
        by_id = {v.id: v for v in available}
        missing = [i for i in scenario_ids if i not in by_id]
        if missing:
            raise UserError(
                f"Project {project_id} has no scenario with id {missing[0]}.",
                f"El proyecto {project_id} no tiene un escenario con id {missing[0]}.",
                field="scenario",
            )
        chosen = [by_id[i] for i in dict.fromkeys(scenario_ids)]
    if not chosen:
        raise UserError(
            f"Project {project_id} has no business-case scenario yet: add one first.",
            f"El proyecto {project_id} aún no tiene escenarios de caso de negocio: agregue uno primero.",
            field="scenario",
        )
    return chosen


def _readiness_item(item: ItemView, pack_titles: Mapping[str, Text]) -> ReadinessItem:
    return ReadinessItem(
        item.item_id,
        item.title,
        pack_titles.get(item.pack_id, Text(item.pack_id, item.pack_id)),
        item.status,
        item.due_on,
        item.critical,
        item.to_verify,
        item.verification_note,
    )


def project_status(db: Database, project_id: int, today: date | None = None) -> ProjectStatus:
    """Readiness, open items and the schedule from the project's checklists (items that apply)."""
    packs = shipped_packs()
    items = project_items(db, project_id, packs, today)
    titles = {p.id: Text(p.title.en, p.title.es) for p in packs.packs}
    readiness = []
    for pack in packs.packs:
        program = PROGRAM_PACKS.get(pack.id)
        mine = [i for i in items if i.pack_id == pack.id]
        if program is None or not mine:
            continue
        readiness.append(
            PackReadiness(
                pack.id,
                program,
                titles[pack.id],
                closed=sum(1 for i in mine if i.status in _CLOSED),
                total=len(mine),
                open_critical=sum(1 for i in mine if i.critical and i.status not in _CLOSED),
                to_verify=sum(1 for i in mine if i.to_verify and i.status not in _CLOSED),
            )
        )
    open_items = [i for i in items if i.status not in _CLOSED]
    schedule = tuple(
        ScheduleItem(
            i.item_id,
            i.pack_id,
            titles.get(i.pack_id, Text(i.pack_id, i.pack_id)),
            i.title,
            i.start_on,
            i.due_on,
            i.critical,
            i.status in _CLOSED,
        )
        for i in items
        if i.start_on or i.due_on
    )
    starts = [d for i in items for d in (i.start_on, i.due_on) if d]
    return ProjectStatus(
        readiness=tuple(readiness),
        open_critical=tuple(_readiness_item(i, titles) for i in open_items if i.critical),
        to_verify=tuple(_readiness_item(i, titles) for i in open_items if i.to_verify),
        schedule=schedule,
        kickoff=min(starts, default=None),
        finish=max((i.due_on for i in items if i.due_on), default=None),
    )


def build_business_report(
    db: Database,
    project_id: int,
    scenario_ids: Sequence[int] | None = None,
    *,
    language: str,
    today: date | None = None,
    provider_name: str = "",
    prepared_by: str = "",
) -> BusinessCaseReport:
    """The report of a project's scenarios (`scenario_ids` in that order; None: all, in the project's order);
    `prepared_by` defaults to the project's consultant."""
    language = "es" if language.lower().startswith("es") else "en"
    today = today or date.today()
    with db.transaction() as session:
        project = rows.load(session, Project, "project", project_id)
        client = rows.load(session, Client, "client", project.client_id)
        client_name, title, consultant = client.legal_name, project.title, project.consultant
    chosen = _chosen(list_scenarios(db, project_id), scenario_ids, project_id)
    scenarios = tuple(
        _scenario(v.document, name=v.name, structure=v.structure, indicative=v.indicative, scenario_id=v.id)
        for v in chosen
    )
    return BusinessCaseReport(
        client_name=client_name,
        project_title=title,
        provider_name=provider_name,
        prepared_by=prepared_by.strip() or consultant.strip(),
        language=language,
        generated_on=today,
        app_version=__version__,
        scenarios=scenarios,
        reference=shipped_reference(),
        project=project_status(db, project_id, today),
    )


def report_from_document(
    document: Mapping[str, Any],
    *,
    language: str,
    today: date | None = None,
    provider_name: str = "",
    prepared_by: str = "",
    client_name: str = "",
    project_title: str = "",
) -> BusinessCaseReport:
    """The report of one business-case@1 document, not linked to a project (no readiness, no timeline)."""
    if not isinstance(document, Mapping):
        raise business_case_io.InvalidInput("$", "must be a JSON object", "debe ser un objeto JSON")
    language = "es" if language.lower().startswith("es") else "en"
    scenario = _scenario(document)
    return BusinessCaseReport(
        client_name=client_name,
        project_title=project_title or scenario.name,
        provider_name=provider_name,
        prepared_by=prepared_by.strip(),
        language=language,
        generated_on=today or date.today(),
        app_version=__version__,
        scenarios=(scenario,),
        reference=shipped_reference(),
        project=None,
    )
