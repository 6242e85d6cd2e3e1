"""A scenario made from a journey that says the temporary imports include IEPS-taxed goods carries them in `_ieps`:
the monthly MXN converted at the scenario's exchange rate like the temporary imports, the rate as a fraction."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from shelter_app.core.answers import Path
from shelter_app.core.business_case.ieps import IepsImports
from shelter_app.core.journey import Journey, Step
from shelter_app.core.scenario_prefill import PLANNING_FX
from shelter_app.services import checklists, scenarios
from shelter_app.storage.db import Database
from tests.services.test_checklists import KICKOFF, LABOR, PROFILE, SHELTER_PROGRAMS, SITE, new_project
from tests.services.test_scenarios import TODAY

D = Decimal


def project_with_profile(db: Database, **profile: Any) -> int:
    journey = Journey()
    answers = {Step.PROFILE: {**PROFILE, **profile}, Step.OPERATING_MODEL: {"path": Path.SHELTER.value},
               Step.SITE: SITE, Step.LABOR: LABOR, Step.PROGRAMS: SHELTER_PROGRAMS, Step.TIMELINE: {"kickoff": KICKOFF}}
    while journey.current is not Step.BUSINESS_CASE:
        journey.go_next(answers[journey.current])
    project_id = new_project(db)
    checklists.save_journey(db, "ana", project_id, journey, None)
    checklists.apply_journey(db, "ana", project_id)
    return project_id


def test_ieps_answers_are_prefilled_at_the_scenarios_rate(db: Database) -> None:
    project_id = project_with_profile(db, ieps_taxed_inputs="yes", monthly_ieps_imports_mxn="1,795,280",
                                      ieps_rate_pct="26.5")
    view = scenarios.get_scenario(db, scenarios.create_scenario(db, "ana", project_id, "Juárez", today=TODAY)
                                  .entity_id)
    document = view.document
    expected = (D(1_795_280) / PLANNING_FX).quantize(D(1))
    assert document["scenario"]["fx_mxn_per_usd"] == PLANNING_FX and expected == D(100_000)
    assert document["_ieps"] == {"taxed_imports_usd_per_month": expected, "ieps_rate": D("0.265")}
    assert scenarios.extras(document).ieps == IepsImports(expected, D("0.265"))
    assert not any(path.startswith("_ieps") for path in view.indicative)  # the client's own figures
    # converted the same way as the temporary imports of the same journey
    assert document["iva_financing"]["temporary_imports_usd_per_month"] == (D(16_200_000) / PLANNING_FX).quantize(1)


def test_no_ieps_taxed_imports_gives_zero_not_a_guess(db: Database) -> None:
    project_id = project_with_profile(db, ieps_taxed_inputs="yes", monthly_ieps_imports_mxn="0", ieps_rate_pct="8")
    document = scenarios.prefilled(db, project_id, "Juárez", today=TODAY)
    assert document["_ieps"] == {"taxed_imports_usd_per_month": D(0), "ieps_rate": D("0.08")}


@pytest.mark.parametrize("profile", [
    {},  # not asked yet: an older journey
    {"ieps_taxed_inputs": "no"},
    {"ieps_taxed_inputs": "yes"},  # the figures are still to come
    {"ieps_taxed_inputs": "yes", "monthly_ieps_imports_mxn": "1,000,000"},
    {"ieps_taxed_inputs": "yes", "ieps_rate_pct": "8"},
])
def test_without_both_figures_there_is_no_ieps(db: Database, profile: dict[str, str]) -> None:
    project_id = project_with_profile(db, **profile)
    document = scenarios.prefilled(db, project_id, "Juárez", today=TODAY)
    assert "_ieps" not in document
    scenarios.create_scenario(db, "ana", project_id, "Juárez", today=TODAY)  # and it is saved as it is
