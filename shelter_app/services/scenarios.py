"""A project's business case: its scenarios side by side, each a `shelter-app/business-case@1` document.

Storing the contract's input document (not a private shape) means what the consultant edits in the
window is exactly what `shelter-app business-case compute` reads, and a scenario exported to a file
reproduces its numbers anywhere. A scenario is saved only when it computes: the contract's checks
and the model's rules run first, and a problem comes back naming the JSON path of the field.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlmodel import col, select

from shelter_app.core.business_case import marks, schema
from shelter_app.core.business_case.china import ChinaBaseline, ChinaComparison, compare_china
from shelter_app.core.business_case.extras import ScenarioExtras
from shelter_app.core.business_case.inputs import BusinessCaseInput, Override
from shelter_app.core.business_case.result import BusinessCaseResult
from shelter_app.core.business_case.site_score import SiteFacts
from shelter_app.core.errors import UserError, ValidationError
from shelter_app.core.scenario_prefill import (
    STRUCTURES,
    StartSource,
    default_structure,
    fill_reference_gaps,
    prefill_document,
)
from shelter_app.exchange import business_case_io
from shelter_app.services import audit, rows
from shelter_app.services.changes import Changes
from shelter_app.storage.db import Database
from shelter_app.storage.models import BusinessScenario, ChecklistItem, Project

NAME_MAX = 200
CERTIFICATION_GRANTED_ITEM = "civa.gen.application"
"""The checklist item whose completion means the own entity holds the IVA/IEPS certification."""


@dataclass(frozen=True)
class ScenarioView:
    id: int
    project_id: int
    client_id: int
    name: str
    structure: str
    position: int
    document: dict[str, Any]
    version: int
    updated_at: datetime

    @property
    def indicative(self) -> frozenset[str]:
        """JSON paths (without `$.`) still holding the prefill's indicative figures."""
        return marks.indicative(self.document)


def _view(row: BusinessScenario) -> ScenarioView:
    assert row.id is not None
    return ScenarioView(row.id, row.project_id, row.client_id, row.name, row.structure, row.position,
                        business_case_io.parse_json_text(row.document), row.version, row.updated_at)


def dumps(document: dict[str, Any]) -> str:
    """The stored text: exact numbers (Decimal), never floats."""
    return business_case_io.dumps(_exact(document))


def _exact(value: Any) -> Any:
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, dict):
        return {k: _exact(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_exact(v) for v in value]
    return value


def compute_document(document: dict[str, Any]) -> BusinessCaseResult:
    """Check a document against the contract and compute it; `InvalidInput` names the field at fault."""
    from shelter_app.core.business_case.validation import InvalidBusinessCase
    from shelter_app.services import business_case

    try:
        return business_case.compute(with_reasons(business_case_io.parse_input(_exact(document)), document))
    except InvalidBusinessCase as exc:
        raise business_case_io.from_core_error(exc) from None


def with_reasons(case: BusinessCaseInput, document: dict[str, Any]) -> BusinessCaseInput:
    """The reasons the consultant gave for replacing reference values (`_override_reasons`, keyed by the
    field's path) as the core's overrides, named like the result's parameters ("isn_rate", "ptu.rate")."""
    reasons = document.get("_override_reasons")
    if not isinstance(reasons, dict) or not reasons:
        return case
    overrides = tuple(Override(_parameter(str(key)), str(reason)) for key, reason in reasons.items()
                      if str(reason).strip())
    return dataclasses.replace(case, overrides=case.overrides + overrides)


def _parameter(path: str) -> str:
    """The parameter a field's reason explains (`statutory.isn_rate` → `isn_rate`); a path that is no reference
    value is kept as it is, for the model to refuse by name."""
    found = schema.find(path)
    return found.parameter if found is not None and found.parameter is not None else path


def extras(document: dict[str, Any]) -> ScenarioExtras:
    """The document's app extensions (`_site`, `_china_baseline`, `_ieps`, the exchange rate's source and date),
    read strictly; `InvalidInput` names the JSON path at fault."""
    return business_case_io.parse_extras(_exact(document))


def china_baseline(document: dict[str, Any]) -> ChinaBaseline | None:
    """The document's China-supplier baseline (None when absent or null)."""
    return extras(document).china


def china_comparison(document: dict[str, Any], result: BusinessCaseResult) -> ChinaComparison | None:
    """The computed case against its China-supplier baseline; None when the scenario has none."""
    china = china_baseline(document)
    return None if china is None else compare_china(result, china)


def site_facts(document: dict[str, Any]) -> SiteFacts | None:
    """The document's site facts (vacancy, distance to the crossing, talent pool), None when absent or null."""
    return extras(document).site


def check_document(document: dict[str, Any]) -> BusinessCaseResult:
    """What a stored scenario must pass: the contract and the model (`compute_document`), and a valid
    `_china_baseline`, `_site` and `_ieps` when there are."""
    result = compute_document(document)
    extras(document)
    return result


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("A scenario needs a name.", "El escenario necesita un nombre.", field="name")
    if len(cleaned) > NAME_MAX:
        raise ValidationError(f"A scenario name has at most {NAME_MAX} characters.",
                              f"El nombre del escenario admite a lo más {NAME_MAX} caracteres.", field="name")
    return cleaned


def _refuse_duplicate(session: Any, project_id: int, name: str, except_id: int | None = None) -> None:
    for other in session.exec(select(BusinessScenario).where(BusinessScenario.project_id == project_id)).all():
        if other.id != except_id and other.name.casefold() == name.casefold():
            raise ValidationError(f"This project already has a scenario called “{other.name}”.",
                                  f"Este proyecto ya tiene un escenario llamado “{other.name}”.", field="name")


def list_scenarios(db: Database, project_id: int) -> list[ScenarioView]:
    with db.transaction() as session:
        rows.load(session, Project, "project", project_id)
        found = session.exec(select(BusinessScenario).where(BusinessScenario.project_id == project_id)
                             .order_by(col(BusinessScenario.position), col(BusinessScenario.id))).all()
        return [_view(r) for r in found]


def get_scenario(db: Database, scenario_id: int) -> ScenarioView:
    with db.transaction() as session:
        return _view(rows.load(session, BusinessScenario, "business_scenario", scenario_id))


def prefilled(db: Database, project_id: int, name: str, structure: str | None = None,
              today: date | None = None) -> dict[str, Any]:
    """A first document for the project from its journey answers and checklists (see core.scenario_prefill)."""
    from shelter_app.core.eligibility import CertificationStatus
    from shelter_app.services.checklists import get_journey

    state = get_journey(db, project_id)
    answers = state.journey.answers()
    structure = structure or default_structure(answers)
    certified: bool | None
    if structure == "shelter":
        provider = state.journey.provider_certification()
        status = provider.status if provider else CertificationStatus.UNKNOWN
        certified = None if status is CertificationStatus.UNKNOWN else status is CertificationStatus.CERTIFIED
    else:
        with db.transaction() as session:
            granted = session.exec(select(ChecklistItem).where(
                ChecklistItem.project_id == project_id, ChecklistItem.item_id == CERTIFICATION_GRANTED_ITEM,
                ChecklistItem.status == "done")).first()
        certified = granted is not None
    with db.transaction() as session:
        target_start = rows.load(session, Project, "project", project_id).target_start
    # the first projected year: the year production starts (the project's target start, else the journey's
    # kickoff), but never a year already past
    start, source = (target_start, StartSource.TARGET_START) if target_start else (answers.kickoff,
                                                                                    StartSource.KICKOFF)
    this_year = (today or date.today()).year
    year = max(start.year, this_year) if start else this_year
    from shelter_app.content.reference import shipped_reference

    document = prefill_document(answers, shipped_reference().sites, name=name, base_year=year, structure=structure,
                                certified=certified, start=start, start_source=source)
    fill_reference_gaps(document, shipped_reference())
    return document


def create_scenario(db: Database, actor: str, project_id: int, name: str, *, structure: str | None = None,
                    document: dict[str, Any] | None = None, today: date | None = None) -> Changes:
    """Add a scenario: the given document, or one prefilled from the project. Refused unless it computes."""
    name = _clean_name(name)
    if structure is not None and structure not in STRUCTURES:
        raise ValidationError(f"Unknown operating structure {structure!r}.",
                              f"Estructura de operación desconocida: {structure!r}.", field="structure")
    if document is None:
        document = prefilled(db, project_id, name, structure, today)
    else:
        document = _exact(document)
        document.setdefault("scenario", {})
        if isinstance(document["scenario"], dict):
            document["scenario"]["name"] = name
    check_document(document)
    text = dumps(document)
    with db.transaction() as session:
        project = rows.load(session, Project, "project", project_id)
        _refuse_duplicate(session, project_id, name)
        last = session.exec(select(BusinessScenario.position).where(BusinessScenario.project_id == project_id)
                            .order_by(col(BusinessScenario.position).desc())).first()
        prefill = document.get("_prefill")
        chosen = structure or (prefill.get("structure") if isinstance(prefill, dict) else None) or "shelter"
        row = BusinessScenario(project_id=project_id, client_id=project.client_id, name=name,
                               structure=str(chosen), position=(last + 1) if last is not None else 0, document=text)
        session.add(row)
        session.flush()
        assert row.id is not None
        audit.record(session, actor, "business_scenario", row.id, "create", None,
                     {"name": name, "structure": row.structure, "project_id": project_id},
                     client_id=project.client_id)
        return Changes("business_scenario", row.id, "create", project.client_id, ("name", "document"))


def update_scenario(db: Database, actor: str, scenario_id: int, expected_version: int,
                    document: dict[str, Any], name: str | None = None) -> Changes:
    """Save an edited scenario (optimistic: a colleague's newer save is never overwritten)."""
    current = get_scenario(db, scenario_id)
    name = _clean_name(name if name is not None else current.name)
    document = _exact(document)
    if isinstance(document.get("scenario"), dict):
        document["scenario"]["name"] = name
    check_document(document)
    with db.transaction() as session:
        _refuse_duplicate(session, current.project_id, name, except_id=scenario_id)
        row, changed = rows.update(session, BusinessScenario, "business_scenario", scenario_id, expected_version,
                                   {"name": name, "document": dumps(document)}, actor)
        return Changes("business_scenario", scenario_id, "update" if changed else "none", row.client_id, changed)


def duplicate_scenario(db: Database, actor: str, scenario_id: int, name: str) -> Changes:
    """A copy to vary (another city, own entity instead of shelter)."""
    source = get_scenario(db, scenario_id)
    return create_scenario(db, actor, source.project_id, name, structure=source.structure,
                           document=copy.deepcopy(source.document))


def delete_scenario(db: Database, actor: str, scenario_id: int) -> Changes:
    with db.transaction() as session:
        row = rows.load(session, BusinessScenario, "business_scenario", scenario_id)
        client_id, before = row.client_id, {"name": row.name, "document": row.document}
        session.delete(row)
        audit.record(session, actor, "business_scenario", scenario_id, "delete", before, None, client_id=client_id)
        return Changes("business_scenario", scenario_id, "delete", client_id, ("name",))


def compute_scenario(db: Database, scenario_id: int) -> BusinessCaseResult:
    return compute_document(get_scenario(db, scenario_id).document)


def find_scenario(db: Database, project_id: int, key: str) -> ScenarioView:
    """A scenario of the project by id or by name (accents and case as typed)."""
    scenarios = list_scenarios(db, project_id)
    for view in scenarios:
        if (key.isdigit() and view.id == int(key)) or view.name.casefold() == key.strip().casefold():
            return view
    names = ", ".join(f"“{v.name}”" for v in scenarios) or "none"
    raise UserError(f"Project {project_id} has no scenario {key!r} (its scenarios: {names}).",
                    f"El proyecto {project_id} no tiene el escenario {key!r} (sus escenarios: "
                    f"{names.replace('none', 'ninguno')}).", field="scenario")


