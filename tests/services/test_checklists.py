"""The journey → checklists flow on both backends: apply, re-apply without loss, statuses, dates, report."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pytest
from sqlmodel import select

from shelter_app.core.answers import Path
from shelter_app.core.checklist import ItemStatus
from shelter_app.core.errors import ValidationError
from shelter_app.core.journey import Journey, Step
from shelter_app.core.portfolio import ClientFields, ProjectFields
from shelter_app.services import audit, checklists, clients, projects
from shelter_app.services.errors import EditConflict
from shelter_app.storage.db import Database
from shelter_app.storage.models import ChecklistItem

PROFILE: dict[str, object] = {"annual_sales_usd": "12,000,000", "annual_exports_usd": "9,500,000",
                              "monthly_temporary_imports_mxn": "16,200,000"}
SITE: dict[str, object] = {"state": "CHH", "city": "Ciudad Juárez", "industrial_park": "Parque Industrial Juárez",
                           "builds_new_plant": False}
LABOR: dict[str, object] = {"roles": [{"role": "Operator", "headcount": 120, "shifts": 2}]}
SHELTER_PROGRAMS: dict[str, object] = {"provider_certification": "certified", "provider_civa_rubro": "AAA"}
OWN_PROGRAMS: dict[str, object] = {"immex_modality": "industrial", "civa_rubro": "A",
                                   "temporary_imports_returned_pct": "62.5"}
KICKOFF = date(2026, 3, 2)


def journey_for(path: Path, programs: Mapping[str, object]) -> Journey:
    journey = Journey()
    answers: dict[Step, Mapping[str, object]] = {
        Step.PROFILE: PROFILE, Step.OPERATING_MODEL: {"path": path.value}, Step.SITE: SITE, Step.LABOR: LABOR,
        Step.PROGRAMS: programs, Step.TIMELINE: {"kickoff": KICKOFF},
    }
    while journey.current is not Step.BUSINESS_CASE:
        journey.go_next(answers[journey.current])
    return journey


def new_project(db: Database) -> int:
    client_id = clients.create_client(db, "ana", ClientFields("Arneses de Juárez, S.A. de C.V.")).entity_id
    return projects.create_project(db, "ana", client_id, ProjectFields("Planta Juárez")).entity_id


def ids(db: Database, project_id: int) -> set[str]:
    return {v.item_id for v in checklists.project_items(db, project_id, today=KICKOFF)}


def test_shelter_and_own_entity_get_different_items(db: Database) -> None:
    shelter = new_project(db)
    checklists.save_journey(db, "ana", shelter, journey_for(Path.SHELTER, SHELTER_PROGRAMS), None)
    result = checklists.apply_journey(db, "ana", shelter)
    assert result.added and not result.removed
    got = ids(db, shelter)
    assert any(i.startswith("shelter.") for i in got)
    assert not any(i.startswith("corp.") for i in got)

    own_client = clients.create_client(db, "ana", ClientFields("Entidad Propia, S.A. de C.V.")).entity_id
    own = projects.create_project(db, "ana", own_client, ProjectFields("Planta propia")).entity_id
    checklists.save_journey(db, "ana", own, journey_for(Path.OWN_ENTITY, OWN_PROGRAMS), None)
    checklists.apply_journey(db, "ana", own)
    mine = ids(db, own)
    assert any(i.startswith("corp.") for i in mine)
    assert not any(i.startswith("shelter.") for i in mine)


def test_items_are_scheduled_from_the_kickoff_on_business_days(db: Database) -> None:
    project_id = new_project(db)
    checklists.save_journey(db, "ana", project_id, journey_for(Path.SHELTER, SHELTER_PROGRAMS), None)
    checklists.apply_journey(db, "ana", project_id)
    items = checklists.project_items(db, project_id, today=KICKOFF)
    dated = [i for i in items if i.due_on]
    assert dated and all(i.start_on and i.start_on >= KICKOFF for i in dated)
    assert all(i.due_on.weekday() < 5 for i in dated)  # type: ignore[union-attr]
    assert date(2026, 3, 16) not in {i.due_on for i in dated}  # Benito Juárez day (third Monday of March)
    assert any(i.critical for i in items)


def test_changing_the_path_keeps_state_of_items_that_still_apply(db: Database) -> None:
    project_id = new_project(db)
    checklists.save_journey(db, "ana", project_id, journey_for(Path.SHELTER, SHELTER_PROGRAMS), None)
    checklists.apply_journey(db, "ana", project_id)
    shared = next(i for i in checklists.project_items(db, project_id, today=KICKOFF) if i.item_id.startswith("site."))
    shelter_only = next(i for i in checklists.project_items(db, project_id, today=KICKOFF)
                        if i.item_id.startswith("shelter."))
    checklists.set_notes(db, "ana", shared.row_id, "Nave 4 preseleccionada")
    checklists.set_status(db, "ana", shelter_only.row_id, ItemStatus.IN_PROGRESS, "started before the decision")

    state = checklists.get_journey(db, project_id)
    journey = state.journey
    while journey.current is not Step.OPERATING_MODEL:
        journey.go_back()
    journey.go_next({"path": "own_entity"})
    journey.go_next(SITE)
    journey.go_next(LABOR)
    journey.go_next(OWN_PROGRAMS)
    journey.go_next({"kickoff": KICKOFF})
    checklists.save_journey(db, "luis", project_id, journey, state.version)
    result = checklists.apply_journey(db, "luis", project_id)
    assert shelter_only.item_id in result.removed
    kept = next(i for i in checklists.project_items(db, project_id, today=KICKOFF) if i.item_id == shared.item_id)
    assert kept.notes == "Nave 4 preseleccionada"
    assert shelter_only.item_id not in ids(db, project_id)

    # and back: the shelter item returns with its status intact
    journey = checklists.get_journey(db, project_id).journey
    while journey.current is not Step.OPERATING_MODEL:
        journey.go_back()
    journey.go_next({"path": "shelter"})
    journey.go_next(SITE)
    journey.go_next(LABOR)
    journey.go_next(SHELTER_PROGRAMS)
    journey.go_next({"kickoff": KICKOFF})
    checklists.save_journey(db, "luis", project_id, journey, None)
    again = checklists.apply_journey(db, "luis", project_id)
    assert shelter_only.item_id in again.restored
    back = next(i for i in checklists.project_items(db, project_id, today=KICKOFF)
                if i.item_id == shelter_only.item_id)
    assert back.status == "in_progress"


def test_status_rules_and_audit(db: Database) -> None:
    project_id = new_project(db)
    checklists.save_journey(db, "ana", project_id, journey_for(Path.SHELTER, SHELTER_PROGRAMS), None)
    checklists.apply_journey(db, "ana", project_id)
    items = checklists.project_items(db, project_id, today=KICKOFF)
    dependent = next(i for i in items if i.depends_on and any(d in {x.item_id for x in items} for d in i.depends_on))
    with pytest.raises(ValidationError) as caught:
        checklists.set_status(db, "ana", dependent.row_id, ItemStatus.DONE)
    assert caught.value.field == "reason" and "prerequisites" in caught.value.en
    changes = checklists.set_status(db, "ana", dependent.row_id, ItemStatus.DONE, "documents arrived early",
                                    today=date(2026, 3, 10))
    assert [w.code for w in changes.warnings] == ["open_prerequisites"]
    done = next(i for i in checklists.project_items(db, project_id, today=KICKOFF) if i.row_id == dependent.row_id)
    assert (done.status, done.completed_on, done.flag) == ("done", date(2026, 3, 10), "done")
    with pytest.raises(ValidationError):
        checklists.set_status(db, "ana", dependent.row_id, ItemStatus.BLOCKED)  # a reason is required
    events = audit.history(db, "checklist_item", dependent.row_id)
    assert [e.action for e in events] == ["update"]
    assert events[0].after["status"] == "done" and events[0].before["status"] == "not_started"


def test_manual_dates_are_kept_and_move_dependents(db: Database) -> None:
    project_id = new_project(db)
    checklists.save_journey(db, "ana", project_id, journey_for(Path.SHELTER, SHELTER_PROGRAMS), None)
    checklists.apply_journey(db, "ana", project_id)
    items = checklists.project_items(db, project_id, today=KICKOFF)
    by_id = {i.item_id: i for i in items}
    parent = next(by_id[d] for i in items for d in i.depends_on if d in by_id)
    late = date(2026, 9, 30)
    checklists.set_manual_dates(db, "ana", parent.row_id, None, late)
    after = {i.item_id: i for i in checklists.project_items(db, project_id, today=KICKOFF)}
    assert after[parent.item_id].due_on == late and after[parent.item_id].manual_due == late
    children = [i for i in after.values() if parent.item_id in i.depends_on]
    assert children and all(c.start_on and c.start_on > late for c in children)
    with pytest.raises(ValidationError):
        checklists.set_manual_dates(db, "ana", parent.row_id, date(2026, 10, 5), date(2026, 10, 1))


def test_a_stale_edit_is_a_conflict(db: Database) -> None:
    project_id = new_project(db)
    checklists.save_journey(db, "ana", project_id, journey_for(Path.SHELTER, SHELTER_PROGRAMS), None)
    checklists.apply_journey(db, "ana", project_id)
    item = checklists.project_items(db, project_id, today=KICKOFF)[0]
    checklists.set_notes(db, "luis", item.row_id, "first", expected_version=item.version)
    with pytest.raises(EditConflict):
        checklists.set_notes(db, "ana", item.row_id, "second", expected_version=item.version)


def test_unfinished_journey_and_unknown_items_are_refused(db: Database) -> None:
    project_id = new_project(db)
    journey = Journey()
    journey.go_next(PROFILE)
    checklists.save_journey(db, "ana", project_id, journey, None)
    with pytest.raises(ValidationError, match="Finish the journey"):
        checklists.apply_journey(db, "ana", project_id)
    with pytest.raises(checklists.UnknownItem):
        checklists.find_item(db, project_id, "no.such_item")


def test_a_newer_pack_version_in_the_database_is_refused(db: Database) -> None:
    project_id = new_project(db)
    checklists.save_journey(db, "ana", project_id, journey_for(Path.SHELTER, SHELTER_PROGRAMS), None)
    checklists.apply_journey(db, "ana", project_id)
    with db.transaction() as session:
        row = session.get(ChecklistItem, checklists.project_items(db, project_id, today=KICKOFF)[0].row_id)
        assert row is not None
        row.pack_version = "2099.1.1"
    with pytest.raises(checklists.PackTooNew) as caught:
        checklists.apply_journey(db, "ana", project_id)
    assert "2099.1.1" in caught.value.en and "2099.1.1" in caught.value.es


def test_progress_overdue_and_report(db: Database) -> None:
    project_id = new_project(db)
    checklists.save_journey(db, "ana", project_id, journey_for(Path.SHELTER, SHELTER_PROGRAMS), None)
    checklists.apply_journey(db, "ana", project_id)
    items = checklists.project_items(db, project_id, today=KICKOFF)
    first = items[0]
    checklists.set_status(db, "ana", first.row_id, ItemStatus.DONE, "done", today=KICKOFF)
    client_id = projects.get_project(db, project_id)[0]
    progress = checklists.client_progress(db, [client_id])[client_id]
    assert progress.items == len(items) and progress.closed == 1 and progress.next_due is not None
    overdue = checklists.overdue_items(db, today=date(2030, 1, 1))
    assert len(overdue) == len(items) - 1 and all(o.client_id == client_id for o in overdue)
    report = checklists.build_report(db, project_id, "ana", today=KICKOFF)
    assert report.client_name == "Arneses de Juárez, S.A. de C.V." and report.kickoff == KICKOFF
    assert sum(len(c.items) for c in report.checklists) == len(items)
    assert any(i.to_verify for i in report.items)


def test_a_newer_pack_version_is_shown_then_applied_on_request(db: Database) -> None:
    project_id = new_project(db)
    checklists.save_journey(db, "ana", project_id, journey_for(Path.SHELTER, SHELTER_PROGRAMS), None)
    checklists.apply_journey(db, "ana", project_id)
    assert checklists.pack_updates(db, project_id) == []
    # the project was created from an older shelter pack that lacked one item and had one since dropped
    items = checklists.project_items(db, project_id, today=KICKOFF)
    shelter_items = [i for i in items if i.pack_id == "shelter"]
    lacking = shelter_items[-1]
    with db.transaction() as session:
        for row in session.exec(select(ChecklistItem).where(ChecklistItem.project_id == project_id,
                                                            ChecklistItem.pack_id == "shelter")).all():
            row.pack_version = "2025.1.1"
        session.delete(session.get(ChecklistItem, lacking.row_id))
        client_id = projects.get_project(db, project_id)[0]
        session.add(ChecklistItem(project_id=project_id, client_id=client_id, pack_id="shelter",
                                  pack_version="2025.1.1", item_id="shelter.retired_step", notes="kept"))
    [update] = checklists.pack_updates(db, project_id)
    assert (update.pack_id, update.from_version) == ("shelter", "2025.1.1")
    assert update.new_items == (lacking.item_id,) and update.dropped_items == ("shelter.retired_step",)
    assert {i.pack_version for i in checklists.project_items(db, project_id, today=KICKOFF)
            if i.pack_id == "shelter"} == {"2025.1.1"}  # nothing changes until the consultant applies it

    checklists.apply_pack_updates(db, "ana", project_id)
    after = checklists.project_items(db, project_id, today=KICKOFF)
    assert lacking.item_id in {i.item_id for i in after}
    assert {i.pack_version for i in after if i.pack_id == "shelter"} == {update.to_version}
    with db.transaction() as session:
        retired = session.exec(select(ChecklistItem).where(ChecklistItem.item_id == "shelter.retired_step")).one()
        assert not retired.applies and retired.notes == "kept"  # set aside, not deleted
    assert checklists.pack_updates(db, project_id) == []
    assert "pack_update" in [e.action for e in audit.history(db, "project", project_id)]
