"""A project's business-case scenarios on both backends: prefilled from the journey, checked before they
are stored, edited without overwriting a colleague, copied, deleted, all in the audit trail."""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import select

from shelter_app.core.answers import Path
from shelter_app.core.business_case import marks
from shelter_app.core.checklist import ItemStatus
from shelter_app.core.errors import UserError, ValidationError
from shelter_app.core.scenario_prefill import PLANNING_FX, role_id, role_kind
from shelter_app.exchange.business_case_io import InvalidInput
from shelter_app.services import audit, checklists, scenarios
from shelter_app.services.errors import EditConflict
from shelter_app.storage.db import Database
from shelter_app.storage.models import BusinessScenario, ChecklistItem
from tests.services.test_checklists import OWN_PROGRAMS, SHELTER_PROGRAMS, journey_for, new_project

TODAY = date(2026, 11, 23)


def project_with_journey(db: Database, path: Path, programs: dict[str, object]) -> int:
    project_id = new_project(db)
    checklists.save_journey(db, "ana", project_id, journey_for(path, programs), None)
    checklists.apply_journey(db, "ana", project_id)
    return project_id


def test_a_shelter_scenario_is_prefilled_from_the_journey(db: Database) -> None:
    project_id = project_with_journey(db, Path.SHELTER, SHELTER_PROGRAMS)
    changes = scenarios.create_scenario(db, "ana", project_id, "Juárez shelter", today=TODAY)
    view = scenarios.get_scenario(db, changes.entity_id)
    doc = view.document
    assert view.structure == "shelter" and doc["scenario"]["name"] == "Juárez shelter"
    assert doc["location"] == {"state": "Chihuahua", "wage_zone": "zlfn", "city": "Ciudad Juárez"}
    [role] = doc["workforce"]["roles"]
    assert (role["id"], role["name"], role["headcount"], role["direct"]) == ("operator", "Operator", 120, True)
    assert doc["shelter_fee"] == {"model": "per_headcount", "usd_per_head_per_month": Decimal(165)}
    assert doc["iva_financing"]["certified"] is True  # the provider's certification, from the journey
    # 16,200,000 MXN a month of temporary imports at the planning rate (Banxico's FIX of 31 Dec 2025)
    assert doc["iva_financing"]["temporary_imports_usd_per_month"] == (Decimal(16_200_000) / PLANNING_FX).quantize(1)
    assert doc["scenario"]["_fx_source"] == "Banxico (FIX)" and doc["scenario"]["_fx_as_of"] == "2025-12-31"
    assert doc["scenario"]["base_year"] == 2026  # kickoff in March 2026, no target start on the project
    assert "workforce.roles[0].daily_wage_mxn" in view.indicative and "location.state" not in view.indicative
    result = scenarios.compute_scenario(db, view.id)
    assert result.returns.npv_usd > 0
    assert [e.action for e in audit.history(db, "business_scenario", view.id)] == ["create"]


def test_the_first_projected_year_follows_the_projects_target_start(db: Database) -> None:
    """A project whose production starts on 15 Feb 2027 never counts 2026: its first projected year is 2027,
    which realises half the steady savings for the 320 days after the start, and both say where they came
    from."""
    from shelter_app.services import projects

    project_id = project_with_journey(db, Path.SHELTER, SHELTER_PROGRAMS)
    current = projects.get_project(db, project_id)[1]
    projects.update_project(db, "ana", project_id, current.version,
                            replace(projects.fields_of(current), target_start=date(2027, 2, 15)))
    doc = scenarios.prefilled(db, project_id, "Juárez", today=TODAY)
    assert doc["scenario"]["base_year"] == 2027
    assert doc["scenario"]["ramp_realization_by_year"] == {"2027": Decimal("0.44")}  # 0.5 × 320 / 365
    origins = marks.origins(doc)
    assert "15 Feb 2027" in origins["scenario.base_year"].en and "15 feb 2027" in origins["scenario.base_year"].es
    assert "44 %" in origins["scenario.ramp_realization_by_year"].es
    result = scenarios.compute_document(doc)
    assert result.years[0].year == 2027


def test_an_own_entity_scenario_staffs_its_administration_and_pays_no_fee(db: Database) -> None:
    project_id = project_with_journey(db, Path.OWN_ENTITY, OWN_PROGRAMS)
    view = scenarios.get_scenario(db, scenarios.create_scenario(db, "ana", project_id, "Own", today=TODAY).entity_id)
    doc = view.document
    assert view.structure == "own_entity"
    assert doc["shelter_fee"]["usd_per_head_per_month"] == 0
    assert {r["id"] for r in doc["workforce"]["roles"]} >= {"hr_payroll", "accounting_tax", "trade_compliance"}
    assert any("Incorporation" in i["name"] for i in doc["one_time"]["items"])
    assert not any("Shelter" in i["name"] for i in doc["one_time"]["items"])
    assert doc["iva_financing"]["certified"] is False  # its own certification is not granted yet
    with db.transaction() as session:
        row = session.exec(select(ChecklistItem).where(ChecklistItem.project_id == project_id,
                                                       ChecklistItem.item_id == "civa.gen.application")).one()
        row.status = ItemStatus.DONE.value
    again = scenarios.prefilled(db, project_id, "Own, certified", today=TODAY)
    assert again["iva_financing"]["certified"] is True


def test_a_kickoff_in_a_year_without_reference_rows_gets_visible_overrides(db: Database) -> None:
    project_id = project_with_journey(db, Path.SHELTER, SHELTER_PROGRAMS)
    doc = scenarios.prefilled(db, project_id, "Later", today=date(2028, 1, 10))
    assert doc["scenario"]["base_year"] == 2028  # never a year already past
    assert doc["statutory"]["isn_rate"] == Decimal("0.04")  # Chihuahua's latest tabulated rate
    assert {"statutory.isn_rate", "statutory.min_wage_mxn_per_day", "statutory.uma_mxn_per_day"} <= set(
        doc["_prefill"]["indicative"])
    scenarios.compute_document(doc)  # computes: the gaps are filled, and marked


def test_a_document_that_does_not_compute_is_refused_by_path_and_nothing_changes(db: Database) -> None:
    project_id = project_with_journey(db, Path.SHELTER, SHELTER_PROGRAMS)
    view = scenarios.get_scenario(db, scenarios.create_scenario(db, "ana", project_id, "Base", today=TODAY).entity_id)
    broken = copy.deepcopy(view.document)
    broken["workforce"]["roles"][0]["headcount"] = -3
    with pytest.raises(InvalidInput) as error:
        scenarios.update_scenario(db, "ana", view.id, view.version, broken)
    assert error.value.path == "$.workforce.roles[0].headcount"
    misspelt = copy.deepcopy(view.document)
    misspelt["facility"]["rent_usd_per_sqft"] = 1
    with pytest.raises(InvalidInput, match=r"\$\.facility\.rent_usd_per_sqft"):
        scenarios.update_scenario(db, "ana", view.id, view.version, misspelt)
    after = scenarios.get_scenario(db, view.id)
    assert after.version == view.version and after.document == view.document


def test_edits_are_saved_exactly_and_a_stale_version_is_a_conflict(db: Database) -> None:
    project_id = project_with_journey(db, Path.SHELTER, SHELTER_PROGRAMS)
    view = scenarios.get_scenario(db, scenarios.create_scenario(db, "ana", project_id, "Base", today=TODAY).entity_id)
    edited = copy.deepcopy(view.document)
    edited["workforce"]["roles"][0]["daily_wage_mxn"] = Decimal("512.35")
    edited["scenario"]["fx_mxn_per_usd"] = 17.35  # a float from a GUI spin box is stored as its decimal
    changes = scenarios.update_scenario(db, "ana", view.id, view.version, edited, name="Base, wages of May")
    assert changes.action == "update" and set(changes.fields) == {"name", "document"}
    saved = scenarios.get_scenario(db, view.id)
    assert saved.name == saved.document["scenario"]["name"] == "Base, wages of May"
    assert saved.document["workforce"]["roles"][0]["daily_wage_mxn"] == Decimal("512.35")
    assert saved.document["scenario"]["fx_mxn_per_usd"] == Decimal("17.35")
    with db.transaction() as session:
        text = session.get(BusinessScenario, view.id).document  # type: ignore[union-attr]
    assert '"daily_wage_mxn": 512.35' in text
    with pytest.raises(EditConflict):
        scenarios.update_scenario(db, "bob", view.id, view.version, view.document)
    assert scenarios.update_scenario(db, "ana", view.id, saved.version, saved.document).action == "none"


def test_names_are_unique_per_project_and_copies_and_deletes_are_audited(db: Database) -> None:
    project_id = project_with_journey(db, Path.SHELTER, SHELTER_PROGRAMS)
    first = scenarios.create_scenario(db, "ana", project_id, "Juárez", today=TODAY).entity_id
    with pytest.raises(ValidationError, match="already has a scenario"):
        scenarios.create_scenario(db, "ana", project_id, "  juárez ", today=TODAY)
    with pytest.raises(ValidationError, match="needs a name"):
        scenarios.create_scenario(db, "ana", project_id, "   ", today=TODAY)
    copy_id = scenarios.duplicate_scenario(db, "ana", first, "Querétaro").entity_id
    listed = scenarios.list_scenarios(db, project_id)
    assert [v.name for v in listed] == ["Juárez", "Querétaro"] and [v.position for v in listed] == [0, 1]
    assert listed[1].document["workforce"] == listed[0].document["workforce"]
    assert scenarios.find_scenario(db, project_id, "querétaro").id == copy_id
    assert scenarios.find_scenario(db, project_id, str(first)).id == first
    with pytest.raises(UserError, match="no scenario 'Monterrey'"):
        scenarios.find_scenario(db, project_id, "Monterrey")
    scenarios.delete_scenario(db, "ana", copy_id)
    assert [v.id for v in scenarios.list_scenarios(db, project_id)] == [first]
    assert [e.action for e in audit.history(db, "business_scenario", copy_id)] == ["create", "delete"]


@given(st.lists(st.text(max_size=30), min_size=1, max_size=12))
def test_role_ids_always_fit_the_contract_and_never_repeat(names: list[str]) -> None:
    taken: set[str] = set()
    made = [role_id(name, taken) for name in names]
    assert len(set(made)) == len(made)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", rid) for rid in made)


@pytest.mark.parametrize(("name", "kind"), [
    ("Operador de ensamble", "operator"), ("Quality inspector", "operator"), ("Quality engineer", "engineer"),
    ("Técnico de mantenimiento", "technician"), ("Gerente de planta", "manager"), ("Almacenista", "clerk"),
    ("Supervisor de línea", "supervisor"),
])
def test_role_names_map_to_job_families_in_both_languages(name: str, kind: str) -> None:
    assert role_kind(name).key == kind
