"""A scenario's optional China-supplier baseline (`_china_baseline`): read with errors named by JSON path,
refused before anything is stored, compared with the computed case, and the template the editor inserts."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from shelter_app.core.answers import Path, ProjectAnswers
from shelter_app.core.business_case.china import ChinaBaseline, compare_china
from shelter_app.core.scenario_prefill import CHINA_TEMPLATE_INDICATIVE, PLANNING_FX, china_template
from shelter_app.exchange.business_case_io import InvalidInput
from shelter_app.services import scenarios
from shelter_app.storage.db import Database
from tests.services.test_checklists import SHELTER_PROGRAMS, new_project
from tests.services.test_scenarios import TODAY, project_with_journey
from tests.support.business_case import golden_document

D = Decimal


def with_china(**changes: Any) -> dict[str, Any]:
    document = golden_document()
    china: dict[str, Any] = china_template(None)
    china.update(annual_fob_usd=9_000_000, annual_mexico_materials_usd=3_500_000)
    china.update(changes)
    document["_china_baseline"] = china
    return document


def test_a_scenario_with_a_china_baseline_is_stored_exactly_and_compared(db: Database) -> None:
    project_id = new_project(db)
    document = with_china(_source="supplier quote Q-114, March 2026")
    view = scenarios.get_scenario(db, scenarios.create_scenario(db, "ana", project_id, "Juárez", document=document)
                                  .entity_id)
    stored = view.document["_china_baseline"]
    assert stored["section_122_ends_on"] == "2026-07-24" and stored["mfn_rate"] == D("0.025")
    assert stored["annual_fob_usd"] == 9_000_000 and stored["_source"] == "supplier quote Q-114, March 2026"
    china = scenarios.china_baseline(view.document)
    assert china == ChinaBaseline(
        annual_fob_usd=D(9_000_000), annual_mexico_materials_usd=D(3_500_000), mfn_rate=D("0.025"),
        section_301_rate=D("0.25"), section_122_rate=D("0.10"), section_122_ends_on=date(2026, 7, 24),
        freight_insurance_rate=D("0.06"), annual_broker_drayage_usd=D(60_000), pipeline_weeks=D(6),
        carrying_rate=D("0.20"))
    result = scenarios.compute_scenario(db, view.id)
    comparison = scenarios.china_comparison(view.document, result)
    assert comparison == compare_china(result, china)
    assert comparison.years[0].fob_usd == 9_000_000


def test_no_china_baseline_is_no_comparison() -> None:
    document = golden_document()
    result = scenarios.compute_document(document)
    assert scenarios.china_comparison(document, result) is None
    document["_china_baseline"] = None  # an editor that switched it off
    assert scenarios.china_comparison(document, result) is None


def test_only_the_two_purchase_amounts_are_required() -> None:
    document = golden_document()
    document["_china_baseline"] = {"annual_fob_usd": 1_000_000.5, "annual_mexico_materials_usd": 0}
    china = scenarios.china_baseline(document)
    assert china == ChinaBaseline(D("1000000.5"), D(0))  # a float from a spin box is read as its decimal
    assert china is not None and china.section_122_ends_on == date(2026, 7, 24) and china.section_301_rate == 0


@pytest.mark.parametrize(("change", "path", "message"), [
    ({"section_301_rate": 1.25}, "$._china_baseline.section_301_rate", "must be a fraction between 0 and 1"),
    ({"section_301_rate": "25%"}, "$._china_baseline.section_301_rate", "must be a finite number, not a string"),
    ({"mfn_rate": -0.01}, "$._china_baseline.mfn_rate", "must be a fraction between 0 and 1"),
    ({"carrying_rate": True}, "$._china_baseline.carrying_rate", "must be a finite number, not a boolean"),
    ({"annual_fob_usd": -5}, "$._china_baseline.annual_fob_usd", "must be between 0 and 100000000000 (got -5)"),
    ({"annual_broker_drayage_usd": "60k"}, "$._china_baseline.annual_broker_drayage_usd", "not a string"),
    ({"pipeline_weeks": 60}, "$._china_baseline.pipeline_weeks", "between 0 and 52"),
    ({"section_122_ends_on": "24/07/2026"}, "$._china_baseline.section_122_ends_on", "YYYY-MM-DD"),
    ({"section_122_ends_on": 20260724}, "$._china_baseline.section_122_ends_on", "YYYY-MM-DD"),
    ({"section_301": 0.25}, "$._china_baseline.section_301", "unknown field"),
])
def test_an_invalid_china_baseline_is_refused_by_path_and_nothing_is_stored(
        db: Database, change: dict[str, Any], path: str, message: str) -> None:
    project_id = new_project(db)
    with pytest.raises(InvalidInput) as error:
        scenarios.create_scenario(db, "ana", project_id, "Juárez", document=with_china(**change))
    assert error.value.path == path and message in str(error.value)
    assert str(error.value).startswith(f"{path}: ")
    assert scenarios.list_scenarios(db, project_id) == []


def test_a_missing_amount_or_a_wrong_shape_is_named() -> None:
    document = with_china()
    del document["_china_baseline"]["annual_mexico_materials_usd"]
    with pytest.raises(InvalidInput, match=r"^\$\._china_baseline\.annual_mexico_materials_usd: is required"):
        scenarios.china_baseline(document)
    document["_china_baseline"] = [9_000_000]
    with pytest.raises(InvalidInput, match=r"^\$\._china_baseline: must be an object"):
        scenarios.china_baseline(document)


def test_an_edit_that_breaks_the_china_baseline_changes_nothing(db: Database) -> None:
    project_id = new_project(db)
    view = scenarios.get_scenario(db, scenarios.create_scenario(db, "ana", project_id, "Juárez",
                                                                document=with_china()).entity_id)
    broken = copy.deepcopy(view.document)
    broken["_china_baseline"]["section_122_rate"] = 10  # 10 meant as a percentage
    with pytest.raises(InvalidInput, match=r"\$\._china_baseline\.section_122_rate"):
        scenarios.update_scenario(db, "ana", view.id, view.version, broken)
    after = scenarios.get_scenario(db, view.id)
    assert after.version == view.version and after.document == view.document


def test_the_template_is_a_valid_baseline_once_the_fob_is_typed() -> None:
    template = china_template(None)
    assert set(template) == {f for f in ChinaBaseline.__dataclass_fields__}
    assert template["annual_fob_usd"] == 0 and template["annual_mexico_materials_usd"] == 0
    assert (template["mfn_rate"], template["section_301_rate"], template["section_122_rate"]) == \
        (D("0.025"), D("0.25"), D("0.10"))
    assert (template["freight_insurance_rate"], template["annual_broker_drayage_usd"], template["pipeline_weeks"],
            template["carrying_rate"]) == (D("0.06"), D(60_000), D(6), D("0.20"))
    assert all(p.removeprefix("_china_baseline.") in template for p in CHINA_TEMPLATE_INDICATIVE)
    assert "_china_baseline.annual_fob_usd" not in CHINA_TEMPLATE_INDICATIVE
    document = golden_document()
    document["_china_baseline"] = {**template, "annual_fob_usd": D(7_500_000)}
    assert scenarios.china_baseline(document) is not None
    # the journey's monthly temporary imports (MXN) give a first figure for the Mexican plant's materials
    answers = ProjectAnswers(monthly_temporary_imports_mxn=D(4_500_000))
    # 4.5 M MXN a month × 12 at the planning rate
    assert china_template(answers)["annual_mexico_materials_usd"] == (D(54_000_000) / PLANNING_FX).quantize(D(1))


def test_the_prefill_never_adds_a_china_baseline(db: Database) -> None:
    project_id = project_with_journey(db, Path.SHELTER, SHELTER_PROGRAMS)
    view = scenarios.get_scenario(db, scenarios.create_scenario(db, "ana", project_id, "Base", today=TODAY).entity_id)
    assert "_china_baseline" not in view.document
