"""The project workspace end to end: tree and filters, the item panel's writes, evidence, timeline, exports."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QEvent, QMimeData, QModelIndex, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QColor, QDragEnterEvent, QDropEvent, QFocusEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QTreeWidget, QWidget
from sqlmodel import select

from shelter_app.core.answers import Path as OperatingPath
from shelter_app.core.portfolio import ClientFields, ProjectFields
from shelter_app.core.text import fold_for_search
from shelter_app.l10n import format_date
from shelter_app.paths import get_paths
from shelter_app.services import checklists, clients, projects
from shelter_app.services.checklists import ItemView
from shelter_app.storage.db import Database
from shelter_app.storage.models import ChecklistItem
from shelter_app.ui import i18n
from shelter_app.ui.timeline import COLOURS
from shelter_app.ui.worker import DbRunner
from shelter_app.ui.workspace import ProjectWorkspace
from shelter_app.ui.workspace.exports import default_file_name
from shelter_app.ui.workspace.tree import (
    COL_DUE,
    COL_FLAGS,
    COL_OWNER,
    COL_STATUS,
    COL_TITLE,
    CRITICAL_MARK,
    PROGRESS_ROLE,
    ChecklistTreeModel,
)
from tests.services.test_checklists import OWN_PROGRAMS, journey_for
from tests.ui.conftest import type_text, when_modal

CLIENT = "Válvulas Ñandú del Norte, S.A. de C.V."
TODAY = date(2026, 5, 4)  # two months after the kickoff (2026-03-02): plenty overdue, some due soon


@pytest.fixture
def project(gui_db: Database) -> int:
    """An own-entity project (IMMEX industrial, IVA/IEPS rubro A) with its journey applied: 82 items (issue 14:
    no LAU, COA or sector register until the journey says the sector or goods need them)."""
    client_id = clients.create_client(gui_db, "ana", ClientFields(CLIENT)).entity_id
    project_id = projects.create_project(gui_db, "ana", client_id, ProjectFields("Planta Apodaca")).entity_id
    checklists.save_journey(gui_db, "ana", project_id, journey_for(OperatingPath.OWN_ENTITY, OWN_PROGRAMS), None)
    checklists.apply_journey(gui_db, "ana", project_id)
    return project_id


@pytest.fixture
def workspace(qtbot: Any, gui_db: Database, runner: DbRunner, english: None, project: int) -> ProjectWorkspace:
    ws = ProjectWorkspace(runner, gui_db, "ana", project, get_paths(), today=TODAY)
    qtbot.addWidget(ws)
    ws.show()
    return ws


def stored(db: Database, project_id: int) -> dict[int, ItemView]:
    return {v.row_id: v for v in checklists.project_items(db, project_id, today=TODAY)}


def leaves(model: ChecklistTreeModel, parent: QModelIndex | None = None) -> list[ItemView]:
    """The item rows the tree shows, top to bottom."""
    found: list[ItemView] = []
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        view = model.item(index)
        found.extend([view] if view is not None else leaves(model, index))
    return found


def rows_text(tree: QTreeWidget, column: int) -> list[str]:
    """A list widget's column, top to bottom (the history is newest first)."""
    return [item.text(column) for n in range(tree.topLevelItemCount()) if (item := tree.topLevelItem(n))]


def with_open_prerequisite(items: list[ItemView]) -> ItemView:
    ids = {v.item_id for v in items}
    return next(v for v in items if any(d in ids for d in v.depends_on))


# -- the tree -------------------------------------------------------------------------------------------------
def test_tree_groups_items_by_phase_and_checklist_with_progress(workspace: ProjectWorkspace, gui_db: Database,
                                                                project: int) -> None:
    items = list(stored(gui_db, project).values())
    model = workspace.model
    assert len(items) == 82 and model.total_count() == 82 == len(leaves(model))
    phases = list(dict.fromkeys(v.phase_id for v in items))
    assert model.rowCount() == len(phases)
    for row, phase in enumerate(phases):
        phase_index = model.index(row, COL_TITLE)
        assert model.data(phase_index) == workspace.packs.phases_by_id[phase].title.en
        packs = list(dict.fromkeys(v.pack_id for v in items if v.phase_id == phase))
        assert model.rowCount(phase_index) == len(packs)
        for pack_row, pack in enumerate(packs):
            pack_index = model.index(pack_row, COL_STATUS, phase_index)
            count = sum(1 for v in items if v.pack_id == pack)
            assert model.data(pack_index) == f"0/{count}"
            assert model.data(pack_index, PROGRESS_ROLE) == (0, count)
    first = leaves(model)[0]
    index = model.index_of(first.row_id)
    assert model.data(index) == first.title.en
    assert model.data(index.siblingAtColumn(COL_STATUS)) == "Not started"
    assert model.data(index.siblingAtColumn(COL_OWNER)) in ("Client", "Advisor", "Shelter provider", "Notary",
                                                             "Customs broker", "Government body")
    assert model.data(index.siblingAtColumn(COL_DUE)) == format_date(first.due_on, "en")
    flags = {v.row_id: model.data(model.index_of(v.row_id, COL_FLAGS)) for v in items}
    assert all(flags[v.row_id].startswith(CRITICAL_MARK) for v in items if v.critical)
    assert all("To verify" in flags[v.row_id] for v in items if v.to_verify)
    assert all("Overdue" in flags[v.row_id] for v in items if v.flag == "overdue")
    assert any(v.flag == "due_soon" for v in items)
    assert all("Due soon" in flags[v.row_id] for v in items if v.flag == "due_soon")
    assert workspace.overall.value() == 0 and workspace.overall.maximum() == 82


def test_model_passes_qt_model_tester(workspace: ProjectWorkspace, qtmodeltester: Any) -> None:
    qtmodeltester.check(workspace.model, force_py=True)


def test_filters_and_accent_insensitive_search_narrow_the_rows(workspace: ProjectWorkspace) -> None:
    model, total = workspace.model, workspace.model.total_count()
    workspace.overdue_only.setChecked(True)
    shown = leaves(model)
    assert 0 < len(shown) < total and all(v.flag == "overdue" for v in shown)
    workspace.to_verify_only.setChecked(True)
    both = leaves(model)
    assert 0 < len(both) < len(shown) and all(v.to_verify and v.flag == "overdue" for v in both)
    workspace.overdue_only.setChecked(False)
    workspace.to_verify_only.setChecked(False)
    assert len(leaves(model)) == total

    workspace.owner_filter.setCurrentIndex(workspace.owner_filter.findData("notary"))
    notary = leaves(model)
    assert notary and all(v.owner_role == "notary" for v in notary) and len(notary) < total
    workspace.owner_filter.setCurrentIndex(0)
    workspace.status_filter.setCurrentIndex(workspace.status_filter.findData("done"))
    assert model.rowCount() == 0 and model.visible_count() == 0  # empty groups are hidden too
    workspace.status_filter.setCurrentIndex(0)

    # a Spanish title's accented word, typed in capitals with its accents, finds it whatever the accents
    target = next(v for v in model.items() if any(fold_for_search(w) != w.casefold() for w in v.title.es.split()))
    word = max((w for w in target.title.es.split() if fold_for_search(w) != w.casefold()), key=len)
    type_text(workspace.search, word.upper().strip(",.()"))
    found = leaves(model)
    assert target in found and len(found) < total
    workspace.search.clear()
    type_text(workspace.search, fold_for_search(word).strip(",.()"))  # and without accents
    assert target in leaves(model)
    workspace.search.setText("no such item anywhere")
    assert model.rowCount() == 0


# -- the panel: status, reason, notes ---------------------------------------------------------------------------
def test_changing_the_status_writes_and_repaints_only_that_row(workspace: ProjectWorkspace, gui_db: Database,
                                                               project: int) -> None:
    model, panel = workspace.model, workspace.panel
    item = next(v for v in model.items() if not v.depends_on)
    workspace.select_item(item.row_id)
    assert panel.view == item and panel.title.text() == item.title.en
    resets: list[int] = []
    repainted: list[int | None] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda top, *_: repainted.append(model.data(top, Qt.ItemDataRole.UserRole)))

    panel.status_combo.setCurrentIndex(panel.status_combo.findData("in_progress"))
    assert stored(gui_db, project)[item.row_id].status == "in_progress"
    index = model.index_of(item.row_id)
    assert model.data(index.siblingAtColumn(COL_STATUS)) == "In progress"
    assert not resets
    assert repainted == [item.row_id, None, None]  # the item, then its checklist's and phase's progress

    pack_index = model.index_of(item.row_id).parent().siblingAtColumn(COL_STATUS)
    closed_before = model.data(pack_index, PROGRESS_ROLE)[0]
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("done"))
    after = stored(gui_db, project)[item.row_id]
    assert after.status == "done" and after.completed_on is not None
    assert model.data(pack_index, PROGRESS_ROLE)[0] == closed_before + 1
    assert panel.completed.text() == format_date(after.completed_on, "en")
    assert "Status: In progress → Done" in rows_text(panel.history, 2)[0]


def test_a_status_that_needs_a_reason_prompts_for_it(workspace: ProjectWorkspace, gui_db: Database,
                                                     project: int) -> None:
    panel = workspace.panel
    item = with_open_prerequisite(workspace.model.items())
    workspace.select_item(item.row_id)
    asked: list[str] = []

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        asked.append(dialog.labelText())
        dialog.setTextValue("Los documentos llegaron antes de lo previsto")
        dialog.accept()

    when_modal(answer)
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("done"))
    assert asked and "prerequisites are not done" in asked[0]
    saved = stored(gui_db, project)[item.row_id]
    assert (saved.status, saved.status_reason) == ("done", "Los documentos llegaron antes de lo previsto")
    assert panel.status_message.isVisible() and "Prerequisites still open" in panel.status_message.text()
    assert panel.reason_edit.text() == saved.status_reason

    # cancelling the prompt changes nothing and puts the stored status back
    other = next(v for v in workspace.model.items() if v.status == "not_started" and v.row_id != item.row_id)
    workspace.select_item(other.row_id)
    when_modal(lambda dialog: dialog.reject() if isinstance(dialog, QInputDialog) else None)
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("blocked"))
    assert stored(gui_db, project)[other.row_id].status == "not_started"
    assert panel.status_combo.currentData() == "not_started"


def test_notes_typed_in_spanish_are_saved_on_focus_out_and_with_the_button(workspace: ProjectWorkspace,
                                                                           gui_db: Database, project: int,
                                                                           qtbot: Any) -> None:
    panel = workspace.panel
    item = workspace.model.items()[3]
    workspace.select_item(item.row_id)
    text = "Revisión con el notario Muñoz: traer acta y poderes (¡urgente!)"
    type_text(panel.notes_edit, text)
    assert panel.notes_save.isEnabled()
    QApplication.sendEvent(panel.notes_edit, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))
    assert stored(gui_db, project)[item.row_id].notes == text
    assert not panel.notes_save.isEnabled()
    type_text(panel.notes_edit, " Cita el miércoles.")
    qtbot.mouseClick(panel.notes_save, Qt.MouseButton.LeftButton)
    assert stored(gui_db, project)[item.row_id].notes == text + " Cita el miércoles."
    assert rows_text(panel.history, 2)[0].startswith("Notes: “Revisión")


def test_notes_saved_by_a_colleague_meanwhile_are_not_overwritten(workspace: ProjectWorkspace, gui_db: Database,
                                                                  project: int) -> None:
    panel = workspace.panel
    item = workspace.model.items()[5]
    workspace.select_item(item.row_id)
    checklists.set_notes(gui_db, "luis", item.row_id, "Luis: ya se pidió la cita")
    type_text(panel.notes_edit, "Ana: llamar al notario")
    panel.save_notes()
    assert stored(gui_db, project)[item.row_id].notes == "Luis: ya se pidió la cita"
    assert "luis changed this item" in panel.notes_message.text()
    assert panel.notes_edit.toPlainText() == "Ana: llamar al notario"  # the user's text is kept to save again
    panel.save_notes()
    assert stored(gui_db, project)[item.row_id].notes == "Ana: llamar al notario"


def test_assignee_and_owner_are_saved(workspace: ProjectWorkspace, gui_db: Database, project: int,
                                      qtbot: Any) -> None:
    panel = workspace.panel
    item = workspace.model.items()[2]
    workspace.select_item(item.row_id)
    type_text(panel.assignee_edit, "Lucía Treviño")
    qtbot.keyClick(panel.assignee_edit, Qt.Key.Key_Return)
    panel.owner_combo.setCurrentIndex(panel.owner_combo.findData("shelter"))
    saved = stored(gui_db, project)[item.row_id]
    assert (saved.assignee, saved.owner_role) == ("Lucía Treviño", "shelter")
    assert workspace.model.data(workspace.model.index_of(item.row_id, COL_OWNER)) == "Shelter provider · Lucía Treviño"


# -- evidence ---------------------------------------------------------------------------------------------------
def test_attach_open_and_remove_evidence(workspace: ProjectWorkspace, gui_db: Database, project: int,
                                         tmp_path: Path) -> None:
    panel = workspace.panel
    opened: list[QUrl] = []  # what the desktop was asked to open (nothing is launched in tests)
    panel.open_url = opened.append
    item = workspace.model.items()[1]
    workspace.select_item(item.row_id)
    source = tmp_path / "Acta constitutiva — copia certificada.pdf"
    content = b"%PDF-1.4\n" + bytes(range(256)) * 400
    source.write_bytes(content)
    panel.attach_files([source])
    assert rows_text(panel.evidence_list, 0) == [source.name]
    assert stored(gui_db, project)[item.row_id].evidence_count == 1
    assert rows_text(panel.history, 2)[0] == f"Attached: {source.name}"

    panel.open_evidence()
    assert len(opened) == 1
    copy = Path(opened[0].toLocalFile())
    assert copy.name == source.name and copy.read_bytes() == content
    assert get_paths().evidence not in copy.parents  # a copy, never the stored file itself

    def confirm(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        dialog.button(QMessageBox.StandardButton.Yes).click()

    when_modal(confirm)
    panel.remove_evidence()
    assert panel.evidence_list.topLevelItemCount() == 0
    assert stored(gui_db, project)[item.row_id].evidence_count == 0
    workspace.close()
    assert not copy.exists()  # the viewing copies go with the window


def test_files_dropped_on_the_panel_are_attached(workspace: ProjectWorkspace, tmp_path: Path) -> None:
    panel = workspace.panel
    workspace.select_item(workspace.model.items()[0].row_id)
    files = [tmp_path / "RFC constancia.pdf", tmp_path / "e.firma acuse.txt"]
    for n, path in enumerate(files):
        path.write_bytes(f"document {n}".encode())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in files])
    enter = QDragEnterEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    panel.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    panel.dropEvent(drop)
    assert sorted(rows_text(panel.evidence_list, 0)) == sorted(p.name for p in files)


def test_a_dropped_folder_attaches_its_files_and_names_the_links_it_skipped(workspace: ProjectWorkspace,
                                                                            tmp_path: Path) -> None:
    panel = workspace.panel
    workspace.select_item(workspace.model.items()[0].row_id)
    secret = tmp_path / "private.key"
    secret.write_bytes(b"never in the evidence")
    folder = tmp_path / "unzipped from the client"
    folder.mkdir()
    (folder / "acta.pdf").write_bytes(b"%PDF acta")
    (folder / "factura.pdf").symlink_to(secret)
    (folder / "invoice\u202egpj.exe").write_bytes(b"MZ")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    panel.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                               Qt.KeyboardModifier.NoModifier))
    assert sorted(rows_text(panel.evidence_list, 0)) == ["acta.pdf", "invoicegpj.exe"]
    message = panel.evidence_message.text()
    assert message.startswith("2 files were attached") and "“factura.pdf” was skipped" in message
    stored_bytes = [p.read_bytes() for p in get_paths().evidence.rglob("*") if p.is_file()]
    assert b"never in the evidence" not in stored_bytes


def test_a_file_over_the_limit_is_refused_at_the_evidence_list(workspace: ProjectWorkspace, tmp_path: Path) -> None:
    panel = workspace.panel
    workspace.select_item(workspace.model.items()[0].row_id)
    panel.max_file_bytes = 1024
    big = tmp_path / "video.mp4"
    big.write_bytes(b"v" * 4096)
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    panel.attach_files([big, fifo])
    assert panel.evidence_list.topLevelItemCount() == 0
    message = panel.evidence_message.text()
    assert "“video.mp4” was not attached: it is 4 KB, over the limit of 1 KB per file." in message
    assert "“pipe.pdf” was not attached: it is a named pipe" in message and message.endswith("Nothing was attached.")


def test_the_attachment_limit_comes_from_the_settings(qtbot: Any, gui_db: Database, runner: DbRunner,
                                                      english: None, project: int) -> None:
    from shelter_app.settings import ATTACHMENT_LIMIT_MB, Settings

    settings = Settings(get_paths().settings_file)
    settings.set(ATTACHMENT_LIMIT_MB, 3)
    settings.save()
    ws = ProjectWorkspace(runner, gui_db, "ana", project, get_paths(), today=TODAY)
    qtbot.addWidget(ws)
    assert ws.panel.max_file_bytes == 3 * 1024 * 1024


# -- dates and the timeline ------------------------------------------------------------------------------------
def test_a_manual_due_date_moves_the_dependents_bars(workspace: ProjectWorkspace, gui_db: Database,
                                                     project: int) -> None:
    items = workspace.model.items()
    by_id = {v.item_id: v for v in items}
    parent = next(by_id[d] for v in items for d in v.depends_on if d in by_id)
    children = [v for v in items if parent.item_id in v.depends_on]

    def bars() -> dict[str, Any]:
        return {b.label: b for b in workspace.timeline.bars if not b.group}

    before = bars()
    late = date(2026, 9, 30)
    workspace.select_item(parent.row_id)
    panel = workspace.panel
    panel.due_edit.setDate(QDate(late.year, late.month, late.day))
    panel.commit_dates()
    after = bars()
    assert after[parent.title.en].due == late
    for child in children:
        assert after[child.title.en].start > late >= before[child.title.en].start
    assert panel.due_state.text() == "set by hand" and panel.due_reset.isEnabled()
    assert stored(gui_db, project)[parent.row_id].manual_due == late

    panel.due_reset.click()  # "Use computed date"
    assert stored(gui_db, project)[parent.row_id].manual_due is None
    assert bars()[parent.title.en].due == before[parent.title.en].due
    assert panel.due_state.text() == "computed" and not panel.due_reset.isEnabled()


def test_timeline_paints_phases_and_critical_bars(workspace: ProjectWorkspace) -> None:
    workspace.tabs.setCurrentIndex(1)
    timeline = workspace.timeline
    groups = [b.label for b in timeline.bars if b.group]
    assert groups[0] == "Operating model" and len(groups) == workspace.model.rowCount()
    assert any(b.critical for b in timeline.bars) and any(b.overdue for b in timeline.bars)
    image = timeline.grab().toImage()
    assert not image.isNull() and image.width() > 600 and image.height() > 85 * 20
    critical = COLOURS["critical"].rgb()
    painted = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 4)
                  if image.pixel(x, y) == critical)
    assert painted > 50, "no critical-path bar was painted"
    assert QColor(image.pixel(int(timeline.x_of(TODAY)) + 3, 300)) == COLOURS["today"]


# -- exports and the toolbar --------------------------------------------------------------------------------------
def test_pdf_xlsx_and_evidence_pack_exports_write_real_files(workspace: ProjectWorkspace, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = tmp_path / "estado.pdf"
    workspace.export_pdf(pdf, "es", "a4")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert CLIENT in flat and "Informe de avance" in flat
    assert "Checklist status report" not in flat and "shelter.agreement" not in flat
    assert "Saved" in workspace.statusBar().currentMessage()
    from shelter_app.ui.business.documents import PdfPreview

    assert isinstance(workspace.preview, PdfPreview) and workspace.preview.path == pdf  # previewed, with Print
    workspace.preview.close()

    from openpyxl import load_workbook

    xlsx = tmp_path / "estado.xlsx"
    workspace.export_xlsx(xlsx, "en")
    book = load_workbook(xlsx, read_only=True)
    values = {str(c) for row in book.worksheets[0].iter_rows(values_only=True) for c in row if c}
    assert CLIENT in values and len(book.sheetnames) > 5

    evidence_file = tmp_path / "Opinión 32-D.pdf"
    evidence_file.write_bytes(b"opinion positiva")
    item = workspace.model.items()[0]
    workspace.select_item(item.row_id)
    workspace.panel.attach_files([evidence_file])
    pack = tmp_path / "evidencia.zip"
    workspace.export_evidence_pack(pack)
    with zipfile.ZipFile(pack) as archive:
        member = f"{item.pack_id}/{item.item_id}/{evidence_file.name}"
        assert member in archive.namelist() and archive.read(member) == b"opinion positiva"


def test_the_export_dialogs_offer_one_language_per_document(workspace: ProjectWorkspace,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A client's report speaks its reader's language: English or Spanish, never both in one file."""
    from PySide6.QtWidgets import QDialog

    from shelter_app.ui.workspace.exports import ExportOptions

    offered: list[list[str]] = []

    def cancel(dialog: ExportOptions) -> int:
        combo = dialog.language_combo
        offered.append([str(combo.itemData(n)) for n in range(combo.count())])
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(ExportOptions, "exec", cancel)
    workspace.export_pdf_dialog()
    workspace.export_xlsx_dialog()
    assert offered == [["en", "es"], ["en", "es"]]


def test_default_export_names_are_safe_file_names() -> None:
    assert default_file_name("Arneses: Juárez/Norte, S.A. de C.V.", "Planta 2", "pdf") == (
        "Arneses Juárez Norte, S.A. de C.V. - Planta 2 - checklists.pdf")
    assert default_file_name("", "", "zip") == "checklists.zip"


def test_actions_added_by_the_main_window_join_toolbar_and_menu(workspace: ProjectWorkspace) -> None:
    action = QAction("Calendar (.ics)…")
    workspace.add_toolbar_action(action)
    assert action in workspace.toolbar.actions() and action in workspace.project_menu.actions()
    menu = workspace.project_menu.actions()
    assert menu.index(action) < menu.index(workspace._menu_end)  # above Close


def _age_the_pack(db: Database, project_id: int, pack_id: str) -> str:
    """Make the project look as if it was created from an older version of `pack_id` that lacked one item."""
    rows = [v for v in checklists.project_items(db, project_id, today=TODAY) if v.pack_id == pack_id]
    with db.transaction() as session:
        for row in session.exec(select(ChecklistItem).where(ChecklistItem.project_id == project_id,
                                                            ChecklistItem.pack_id == pack_id)).all():
            row.pack_version = "2025.1.1"
        session.delete(session.get(ChecklistItem, rows[-1].row_id))
    return rows[-1].item_id


@pytest.mark.parametrize("apply", [False, True])
def test_newer_pack_versions_show_a_banner_and_apply_only_when_asked(qtbot: Any, gui_db: Database, runner: DbRunner,
                                                                     english: None, project: int, apply: bool) -> None:
    lacking = _age_the_pack(gui_db, project, "immex_application")
    ws = ProjectWorkspace(runner, gui_db, "ana", project, get_paths(), today=TODAY)
    qtbot.addWidget(ws)
    ws.show()
    assert ws.update_banner.isVisible() and "1 checklist" in ws.update_text.text()
    seen: dict[str, Any] = {}

    def review(dialog: QWidget) -> None:
        tree = dialog.findChild(QTreeWidget, "packUpdateChanges")
        top = tree.topLevelItem(0)
        seen["rows"] = [top.text(0)] + [top.child(n).text(0) for n in range(top.childCount())]
        dialog.accept() if apply else dialog.reject()

    when_modal(review)
    ws.review_button.click()
    assert "2025.1.1 →" in seen["rows"][0]
    assert seen["rows"][1] == f"Added: {ws.packs.items_by_id[lacking].title.en}"
    versions = {v.pack_version for v in checklists.project_items(gui_db, project, today=TODAY)
                if v.pack_id == "immex_application"}
    if apply:
        assert versions == {ws.packs.packs_by_id["immex_application"].version} and not ws.update_banner.isVisible()
        assert lacking in {v.item_id for v in ws.model.items()}
    else:
        assert versions == {"2025.1.1"} and ws.update_banner.isVisible()  # nothing changed


def test_a_project_without_checklists_says_what_to_do(qtbot: Any, gui_db: Database, runner: DbRunner,
                                                     english: None) -> None:
    client_id = clients.create_client(gui_db, "ana", ClientFields("Sin Recorrido, S.A. de C.V.")).entity_id
    project_id = projects.create_project(gui_db, "ana", client_id, ProjectFields("Por decidir")).entity_id
    ws = ProjectWorkspace(runner, gui_db, "ana", project_id, get_paths(), today=TODAY)
    qtbot.addWidget(ws)
    ws.show()
    assert ws.model.total_count() == 0 and ws.empty.isVisible() and not ws.tree.isVisible()
    assert not ws.panel.isEnabled()
    ws.tabs.setCurrentIndex(1)
    assert not ws.timeline.grab().isNull()


def test_spanish_interface_shows_the_spanish_texts_and_dates(qtbot: Any, gui_db: Database, runner: DbRunner,
                                                             english: None, project: int) -> None:
    i18n.install("es_MX")
    ws = ProjectWorkspace(runner, gui_db, "ana", project, get_paths(), today=TODAY)
    qtbot.addWidget(ws)
    ws.show()
    item = next(v for v in ws.model.items() if v.due_on and v.due_on.month == 3)
    index = ws.model.index_of(item.row_id)
    assert ws.model.data(index) == item.title.es
    assert ws.model.data(index.siblingAtColumn(COL_DUE)).endswith("mar 2026")
    assert ws.model.data(ws.model.index(0, COL_TITLE)) == ws.packs.phases[0].title.es
    ws.select_item(item.row_id)
    assert ws.panel.description.text() == item.description.es
    # the longer Spanish labels still fit the panel at the default window size (nothing cut at the right edge)
    ws.resize(1320, 820)
    QApplication.processEvents()
    assert ws.panel.minimumSizeHint().width() <= ws.panel_scroll.viewport().width()
