"""The compliance calendar of a real project on both backends: obligations from the packs, clocks
from completion dates, flags from the journey, and the `.ics` export parsed back."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from shelter_app.content.checklists import RecurrenceRule
from shelter_app.core.answers import Path as OperatingPath
from shelter_app.core.checklist import ItemStatus
from shelter_app.core.compliance import Reminder, Rule, UndatedKind
from shelter_app.core.journey import Journey, Step
from shelter_app.core.portfolio import ClientFields, ProjectFields
from shelter_app.services import calendar, checklists, clients, projects
from shelter_app.services.errors import NotFound
from shelter_app.storage.db import Database

PROFILE: dict[str, object] = {"annual_sales_usd": "12,000,000", "annual_exports_usd": "9,500,000",
                              "monthly_temporary_imports_mxn": "16,200,000"}
SITE: dict[str, object] = {"state": "CHH", "city": "Ciudad Juárez", "industrial_park": "Parque Industrial Juárez"}
LABOR: dict[str, object] = {"roles": [{"role": "Operator", "headcount": 120, "shifts": 2}]}
OWN_PROGRAMS: dict[str, object] = {"immex_modality": "industrial", "civa_rubro": "A",
                                   "temporary_imports_returned_pct": "62.5"}
SHELTER_PROGRAMS: dict[str, object] = {"provider_certification": "certified", "provider_civa_rubro": "AAA"}
KICKOFF = date(2026, 3, 2)
TODAY = date(2026, 3, 10)
GRANT = "civa.gen.application"


def project_with(db: Database, path: OperatingPath, programs: Mapping[str, object],
                 labor: Mapping[str, object] = LABOR, client: str = "Arneses de Juárez") -> int:
    client_id = clients.create_client(db, "ana", ClientFields(f"{client}, S.A. de C.V.",
                                                               trade_name=client)).entity_id
    project_id = projects.create_project(db, "ana", client_id, ProjectFields("Planta Juárez")).entity_id
    journey = Journey()
    answers: dict[Step, Mapping[str, object]] = {
        Step.PROFILE: PROFILE, Step.OPERATING_MODEL: {"path": path.value}, Step.SITE: SITE, Step.LABOR: labor,
        Step.PROGRAMS: programs, Step.TIMELINE: {"kickoff": KICKOFF},
    }
    while journey.current is not Step.BUSINESS_CASE:
        journey.go_next(answers[journey.current])
    checklists.save_journey(db, "ana", project_id, journey, None)
    checklists.apply_journey(db, "ana", project_id)
    return project_id


def mark_done(db: Database, project_id: int, item_id: str, on: date) -> None:
    row_id = checklists.find_item(db, project_id, item_id)
    checklists.set_status(db, "ana", row_id, ItemStatus.DONE, "granted", today=on)


def dates_of(found: list[Reminder], item_id: str) -> list[date]:
    return [r.on for r in found if r.item_id == item_id]


def test_core_rules_match_the_pack_rules() -> None:
    assert {r.value for r in Rule} == {r.value for r in RecurrenceRule}


def test_renewal_waits_for_the_grant_then_falls_30_days_before_each_yearly_expiry(db: Database) -> None:
    project_id = project_with(db, OperatingPath.OWN_ENTITY, OWN_PROGRAMS)
    before = calendar.project_reminders(db, project_id, today=TODAY)
    assert not dates_of(before.dated, "civa.renewal")
    pending = {u.item_id: u for u in before.pending}
    assert pending["civa.renewal"].waits_for == GRANT
    assert pending["civa.obl.annex30_initial"].waits_for == GRANT
    assert "civa.gen.application" in pending["civa.renewal"].description.en

    mark_done(db, project_id, GRANT, date(2026, 3, 10))
    after = calendar.project_reminders(db, project_id, today=TODAY)
    # expiries 2027-03-10, 2028-03-10 (leap year), 2029-03-10; the horizon ends 2029-03-10
    assert dates_of(after.dated, "civa.renewal") == [date(2027, 2, 8), date(2028, 2, 9), date(2029, 2, 8)]
    assert dates_of(after.dated, "civa.obl.fee") == dates_of(after.dated, "civa.renewal")
    assert dates_of(after.dated, "civa.obl.annex30_initial") == [date(2026, 4, 9)]
    assert "civa.renewal" not in {u.item_id for u in after.pending}
    renewal = next(r for r in after.dated if r.item_id == "civa.renewal")
    assert renewal.title.en == "Expires in 30 days: Renew the certification every year"
    assert renewal.title.es.startswith("Vence en 30 días naturales: ")
    assert "expires on March 10, 2027" in renewal.description.en  # the documents' date style, not ISO
    assert "10 de marzo de 2027" in renewal.description.es and "RGCE regla 7.2.3" in renewal.description.es
    assert renewal.project == "Planta Juárez (Arneses de Juárez)"
    assert renewal.uid == f"project-{project_id}:civa.renewal:2027-02-08"

    # the opening inventory, once filed, leaves the calendar and the pending list
    mark_done(db, project_id, "civa.obl.annex30_initial", date(2026, 4, 2))
    filed = calendar.project_reminders(db, project_id, today=TODAY)
    assert not dates_of(filed.dated, "civa.obl.annex30_initial")
    assert "civa.obl.annex30_initial" not in {u.item_id for u in (*filed.pending, *filed.standing)}


def test_prosec_moves_the_immex_annual_report_to_april(db: Database) -> None:
    plain = project_with(db, OperatingPath.OWN_ENTITY, OWN_PROGRAMS)
    prosec = project_with(db, OperatingPath.OWN_ENTITY, {**OWN_PROGRAMS, "uses_prosec": True},
                          client="Frenos del Norte")
    without = calendar.project_reminders(db, plain, today=TODAY).dated
    with_flag = calendar.project_reminders(db, prosec, today=TODAY).dated
    assert dates_of(without, "immex.annual_report") == [date(2026, 5, 29), date(2027, 5, 31), date(2028, 5, 31)]
    assert dates_of(with_flag, "immex.annual_report") == [date(2026, 4, 30), date(2027, 4, 30), date(2028, 4, 28)]
    assert dates_of(with_flag, "trade.prosec") == dates_of(with_flag, "immex.annual_report")
    assert not dates_of(without, "trade.prosec")


def test_monthly_items_cover_the_horizon_asked_and_standing_obligations_listed(db: Database) -> None:
    project_id = project_with(db, OperatingPath.SHELTER, SHELTER_PROGRAMS)
    result = calendar.project_reminders(db, project_id, today=TODAY)
    survey = dates_of(result.dated, "immex.inegi_emim")
    assert len(survey) == 36  # three years, the default horizon
    assert survey[0] == date(2026, 3, 20) and survey[-1] == date(2029, 2, 20)
    for years in (1, 5):
        longer = dates_of(calendar.project_reminders(db, project_id, today=TODAY, horizon_years=years).dated,
                          "immex.inegi_emim")
        assert len(longer) == 12 * years and longer[-1] == date(2026 + years, 2, 20)
    assert dates_of(result.dated, "shelter.foreign_resident_rfc") == [date(2026, 6, 30), date(2027, 6, 30),
                                                                       date(2028, 6, 30)]
    kinds = {u.item_id: u.kind for u in result.standing}
    assert kinds["immex.notify_changes"] is UndatedKind.ON_EVENT
    assert kinds["immex.record_retention"] is UndatedKind.CONTINUOUS
    assert "10 business days" in next(u for u in result.standing if u.item_id == "immex.notify_changes"
                                      ).description.en
    assert result.dated == sorted(result.dated, key=lambda r: (r.on, r.uid))


def test_items_marked_not_applicable_leave_the_calendar(db: Database) -> None:
    project_id = project_with(db, OperatingPath.SHELTER, SHELTER_PROGRAMS)
    row_id = checklists.find_item(db, project_id, "immex.inegi_emim")
    checklists.set_status(db, "ana", row_id, ItemStatus.NOT_APPLICABLE, "INEGI did not select the plant")
    result = calendar.project_reminders(db, project_id, today=TODAY)
    assert not dates_of(result.dated, "immex.inegi_emim")


def test_repse_renewal_counts_from_its_own_completion(db: Database) -> None:
    labor = {**LABOR, "uses_specialized_subcontracting": True}
    project_id = project_with(db, OperatingPath.SHELTER, SHELTER_PROGRAMS, labor)
    assert "labor.repse_check" in {u.waits_for for u in calendar.project_reminders(db, project_id,
                                                                                   today=TODAY).pending}
    mark_done(db, project_id, "labor.repse_check", date(2026, 3, 5))
    result = calendar.project_reminders(db, project_id, today=TODAY)
    assert dates_of(result.dated, "labor.repse_check") == [date(2028, 12, 5)]  # 90 days before 2029-03-05


def test_unknown_project_is_refused(db: Database) -> None:
    with pytest.raises(NotFound):
        calendar.project_reminders(db, 987_654, today=TODAY)


def test_export_ics_parses_back_with_the_same_events(db: Database, tmp_path: Path) -> None:
    project_id = project_with(db, OperatingPath.OWN_ENTITY, {**OWN_PROGRAMS, "uses_prosec": True})
    mark_done(db, project_id, GRANT, date(2026, 3, 10))
    path = tmp_path / "calendario.ics"
    result = calendar.export_ics(db, project_id, path, "es", today=TODAY)
    events: list[Any] = list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    assert len(events) == len(result.dated) > 0
    by_uid = {str(e["UID"]): e for e in events}
    assert set(by_uid) == {f"{r.uid}@shelterdesk.invalid" for r in result.dated}
    report = by_uid[f"project-{project_id}:immex.annual_report:2026-04-30@shelterdesk.invalid"]
    start = report["DTSTART"].dt
    assert start == date(2026, 4, 30) and not isinstance(start, datetime)
    assert str(report["SUMMARY"]) == ("Vence: Presentar el reporte anual de operaciones de comercio exterior"
                                      " — Planta Juárez (Arneses de Juárez)")
    assert "Fundamento legal: Decreto IMMEX art. 25" in str(report["DESCRIPTION"])

    # a later export (the next day) keeps the UIDs of the events that are still ahead
    again = calendar.export_ics(db, project_id, tmp_path / "again.ics", "en", today=date(2026, 3, 11))
    assert {r.uid for r in result.dated if r.on >= date(2026, 3, 11)} <= {r.uid for r in again.dated}


def test_export_refuses_an_unknown_language_before_writing(db: Database, tmp_path: Path) -> None:
    project_id = project_with(db, OperatingPath.SHELTER, SHELTER_PROGRAMS)
    with pytest.raises(ValueError, match="unsupported report language"):
        calendar.export_ics(db, project_id, tmp_path / "x.ics", "fr", today=TODAY)
    assert not list(tmp_path.glob("*.ics"))
