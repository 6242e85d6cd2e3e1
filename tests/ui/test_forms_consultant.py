"""The consultant's side of offline forms in the GUI: the Forms tab, the review of a response, the form keys.

Real SQLite file, real packages and encrypted responses (made headless with `form_drafts.fill_package`),
the in-memory keyring of tests/conftest.py (or keyring's `fail` backend for the no-keychain path).
Only the native file dialogs are replaced, by the path a consultant would have chosen.
"""

from __future__ import annotations

import subprocess
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QPushButton, QWidget
from sqlmodel import select

from shelter_app.core.answers import Path as OperatingPath
from shelter_app.core.portfolio import ClientFields, ProjectFields
from shelter_app.exchange import formkeys
from shelter_app.paths import Paths, get_paths
from shelter_app.services import checklists, clients, form_drafts, forms, projects
from shelter_app.storage.db import Database
from shelter_app.storage.models import FormPackage, FormResponse
from shelter_app.ui.forms.consultant import FormsPage, SendPackageDialog, package_file_name
from shelter_app.ui.forms.keys import KeysDialog, PassphraseDialog
from shelter_app.ui.forms.review import ReviewDialog
from shelter_app.ui.worker import DbRunner
from shelter_app.ui.workspace import ProjectWorkspace
from tests.services.test_checklists import OWN_PROGRAMS, journey_for
from tests.ui.conftest import type_text, when_modal

CLIENT = "Válvulas Ñandú del Norte, S.A. de C.V."
OLD_SITE, NEW_SITE, EDITED_SITE = "https://old.example", "https://new.example", "https://edited.example"
PASSPHRASE = "correct horse battery"


def client_answers(prefill: dict[str, Any]) -> dict[str, Any]:
    """A complete client intake: the prefill plus what the client adds or changes."""
    return {**prefill, "trade_name": "Ñandú", "website": NEW_SITE, "industry": "Valves", "hq_country": "US",
            "ownership": "private", "contacts": [{"full_name": "Ann Lee", "email": "ann@example.com"}],
            "decision_makers": [{"full_name": "Bob Roe"}], "products": [{"description": "Ball valves"}],
            "processes": ["machining"], "markets": ["US"], "share_us": 100, "has_current_plant": False,
            "operating_model_decided": True, "operating_model": "own_entity",
            "annual_sales_usd": {"amount": "1000000", "currency": "USD"},
            "annual_exports_usd": {"amount": "500000", "currency": "USD"}}


@pytest.fixture
def paths(gui_db: Database) -> Paths:
    return get_paths()


@pytest.fixture
def project(gui_db: Database) -> int:
    """An own-entity project with its journey applied; the client has a website and no industry yet."""
    client_id = clients.create_client(gui_db, "ana", ClientFields(CLIENT, website=OLD_SITE)).entity_id
    project_id = projects.create_project(gui_db, "ana", client_id, ProjectFields("Planta Apodaca")).entity_id
    checklists.save_journey(gui_db, "ana", project_id, journey_for(OperatingPath.OWN_ENTITY, OWN_PROGRAMS), None)
    checklists.apply_journey(gui_db, "ana", project_id)
    return project_id


@pytest.fixture
def page(qtbot: Any, gui_db: Database, runner: DbRunner, english: None, project: int, paths: Paths) -> FormsPage:
    widget = FormsPage(runner, gui_db, "ana", project, paths, "en", client_name=CLIENT, project_title="Planta Apodaca")
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


@pytest.fixture
def response(gui_db: Database, project: int, paths: Paths, tmp_path: Path) -> Path:
    """A package sent for the client intake, the consultant then editing the website (a conflict to come), and the
    client's encrypted response."""
    from shelter_app.exchange import formfiles

    package = tmp_path / "intake.sdform"
    forms.export_package(gui_db, paths, "ana", project, "client_intake", package, consultant_name="Ana")
    detail = clients.get_client(gui_db, client_id_of(gui_db, project))
    clients.update_client(gui_db, "ana", detail.id, detail.version,
                          ClientFields(CLIENT, website=EDITED_SITE))
    target = tmp_path / "intake.sdresponse"
    prefill = dict(formfiles.read_package(package).prefill)
    assert form_drafts.fill_package(paths, package, client_answers(prefill), target) == []
    return target


def plural(text: str) -> str:
    """English plurals come from the catalog the integrator regenerates; until then "field(s)" (n > 1 here)."""
    return text.replace("(s)", "s")


def client_id_of(db: Database, project_id: int) -> int:
    return projects.get_project(db, project_id)[0]


def save_as(monkeypatch: pytest.MonkeyPatch, target: Path, proposed: list[str] | None = None) -> None:
    """The save dialog answers `target` (and remembers the name it proposed)."""

    def chosen(_parent: Any, _title: str, directory: str = "", _filter: str = "", *_args: Any) -> tuple[str, str]:
        if proposed is not None:
            proposed.append(directory)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", chosen)


def open_file(monkeypatch: pytest.MonkeyPatch, source: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kw: (str(source), ""))


def then(*steps: Callable[[QWidget], None]) -> None:
    """Handle the next modal dialogs in turn, one step each."""
    if not steps:
        return
    first, rest = steps[0], steps[1:]

    def act(widget: QWidget) -> None:
        then(*rest)
        first(widget)

    when_modal(act)


def press(text: str) -> Callable[[QWidget], None]:
    def step(widget: QWidget) -> None:
        for button in widget.findChildren(QPushButton):
            if button.text().replace("&", "") == text:
                button.click()
                return
        raise AssertionError(f"no button {text!r} in {widget}")

    return step


def passphrase(first: str, second: str | None = None, seen: list[str] | None = None) -> Callable[[QWidget], None]:
    def step(widget: QWidget) -> None:
        assert isinstance(widget, PassphraseDialog)
        if seen is not None:
            seen.append(widget.reason.text() + "|" + widget.problem.text())
        type_text(widget.first, first)
        if second is not None:
            type_text(widget.second, second)
        widget._accept()
        if widget.isVisible():  # refused: say why, then give up
            if seen is not None:
                seen.append("refused:" + widget.problem.text())
            widget.reject()

    return step


def message(seen: list[str]) -> Callable[[QWidget], None]:
    def step(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox), widget
        seen.append(widget.text())
        widget.accept()

    return step


def project_state(db: Database, project_id: int) -> tuple[Any, ...]:
    detail = clients.get_client(db, client_id_of(db, project_id))
    journey = checklists.get_journey(db, project_id).journey.to_dict()
    with db.transaction() as session:
        responses = len(session.exec(select(FormResponse)).all())
    return detail.fields, detail.version, journey, responses


# -- the Forms tab ------------------------------------------------------------------------------------------------
def test_forms_tab_lists_the_shipped_forms_and_sends_a_package(
        qtbot: Any, gui_db: Database, runner: DbRunner, english: None, project: int, paths: Paths, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = ProjectWorkspace(runner, gui_db, "ana", project, paths)
    qtbot.addWidget(workspace)
    workspace.show()
    assert workspace.forms is None  # built when its tab is first shown
    assert workspace.tabs.tabText(workspace.forms_tab) == "Forms"
    workspace.tabs.setCurrentIndex(workspace.forms_tab)
    page = workspace.forms
    assert isinstance(page, FormsPage) and page.isVisible()

    shipped = {d.id: d for d in forms.shipped_forms().latest_all()}
    shown = {page.forms_list.topLevelItem(n).text(0): n for n in range(page.forms_list.topLevelItemCount())}
    assert set(shown) == {d.title.en for d in shipped.values()}
    intake = page.forms_list.topLevelItem(shown["Client intake"])
    assert intake.text(1) == shipped["client_intake"].version
    assert intake.text(2) == str(shipped["client_intake"].field_count())
    assert page.packages_empty.isVisible() and not page.packages_list.isVisible()

    page.select_form("client_intake")
    target = tmp_path / "out" / "intake-for-client"
    target.parent.mkdir()
    proposed: list[str] = []
    save_as(monkeypatch, target, proposed)
    dialogs: list[Any] = []
    said: list[str] = []

    def options(widget: QWidget) -> None:
        assert isinstance(widget, SendPackageDialog)
        dialogs.append((widget.chosen_language(), widget.fingerprint.text()))
        widget.language.setCurrentIndex(widget.language.findData("es"))
        widget.accept()

    then(options, message(said))
    page.send_package_dialog()

    written = target.with_name("intake-for-client.sdform")
    assert written.is_file()
    assert Path(proposed[0]).name == package_file_name("client_intake", CLIENT) == \
        "client_intake-Válvulas-Ñandú-del-Norte,-S.A.-de-C.V.sdform"
    assert dialogs[0][0] == "en"  # no contact: the interface's language
    assert "new key" in dialogs[0][1]  # the first package makes the key
    status = forms.key_status(paths)
    assert status.exists and status.fingerprint
    assert "e-mail or on a USB stick" in said[0] and str(written) in said[0] and status.fingerprint in said[0]
    with gui_db.transaction() as session:
        rows = session.exec(select(FormPackage)).all()
    assert [(r.project_id, r.form_id, r.language, r.created_by) for r in rows] == \
        [(project, "client_intake", "es", "ana")]
    # the lists follow
    assert page.key_fingerprint.text() == status.fingerprint
    assert page.packages_list.topLevelItemCount() == 1
    row = page.packages_list.topLevelItem(0)
    assert [row.text(n) for n in range(1, 6)] == ["Client intake", shipped["client_intake"].version, "Spanish", "ana",
                                                  "0"]
    assert workspace.statusBar().currentMessage().startswith("Saved ")


def test_cancelling_the_send_dialog_writes_nothing(page: FormsPage, gui_db: Database, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    save_as(monkeypatch, tmp_path / "never.sdform")
    then(lambda widget: widget.reject())
    page.send_package_dialog()
    assert not (tmp_path / "never.sdform").exists()
    assert forms.list_packages(gui_db, page.project_id) == []
    assert not forms.key_status(page.paths).exists


# -- reviewing and applying a response ------------------------------------------------------------------------------
def test_a_response_is_reviewed_field_by_field_and_applied_as_chosen(
        qtbot: Any, gui_db: Database, runner: DbRunner, english: None, project: int, paths: Paths, response: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = ProjectWorkspace(runner, gui_db, "ana", project, paths)
    qtbot.addWidget(workspace)
    workspace.show()
    page = workspace.forms_page()
    items_before = len(checklists.project_items(gui_db, project))
    open_file(monkeypatch, response)
    page.import_response_dialog()
    assert page.importer is not None
    dialog = page.importer.dialog
    assert isinstance(dialog, ReviewDialog) and dialog.isVisible()

    header = dialog.findChildren(type(dialog.client_label))
    texts = " ".join(label.text() for label in header)
    assert CLIENT in texts and "Planta Apodaca" in texts and "Client intake, version 2026.12.1" in texts
    assert dialog.review.response_id in texts
    assert dialog.review.authenticated and dialog.review.installation
    assert f"signed by the client's computer (key {dialog.review.installation})" in dialog.signed_label.text()
    # statuses in words (never colour alone), default ticks
    assert dialog.status_text("client.trade_name") == "+ New"
    assert dialog.status_text("journey.profile.annual_sales_usd") == "✎ Changed"
    assert dialog.status_text("client.website") == "⚠ Conflict"
    assert dialog.status_text("answer:ownership") == "• Recorded only"
    assert dialog.is_checked("client.trade_name") and dialog.is_checked("journey.profile.annual_sales_usd")
    assert not dialog.is_checked("client.website")
    assert "changed in the project since the package was sent" in dialog.notice.text()
    website = dialog.row_of("client.website")
    assert [dialog.table.item(website, c).text() for c in range(3, 6)] == [EDITED_SITE, OLD_SITE, NEW_SITE]
    trade = dialog.row_of("client.trade_name")
    assert [dialog.table.item(trade, c).text() for c in range(1, 6)] == ["Trade name", "+ New", "—", "—", "Ñandú"]
    # what would change the project comes first, then what is only recorded
    statuses = [dialog.table.item(n, 2).text() for n in range(dialog.table.rowCount())]
    assert statuses.index("• Recorded only") > max(statuses.index(s) for s in ("+ New", "✎ Changed", "⚠ Conflict"))
    # unchanged rows are filtered out until asked for
    assert "client.legal_name" not in dialog.visible_keys()
    dialog.show_unchanged.setChecked(True)
    assert "client.legal_name" in dialog.visible_keys()
    assert dialog.status_text("client.legal_name") == "= Unchanged"
    # accept all / none, then choose: no industry, keep the consultant's website
    dialog.set_all(False)
    assert dialog.accepted_keys() == []
    assert dialog.apply_button is not None and "change nothing" in dialog.apply_button.text()
    dialog.all_button.click()
    assert "client.website" in dialog.accepted_keys()
    dialog.set_checked("client.website", False)
    dialog.table.setFocus()
    dialog.table.setCurrentCell(dialog.row_of("client.industry"), 4)  # keyboard only: Space unticks the row
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert not dialog.is_checked("client.industry")
    assert plural(dialog.apply_button.text().replace("&", "")) == "Apply 5 changes"  # with the country, a contact

    refreshed: list[Any] = []
    page.project_changed.connect(refreshed.append)
    said: list[str] = []
    then(message(said))
    dialog.apply_button.click()

    assert not dialog.isVisible()
    assert "5 fields of the project updated" in plural(said[0]) and "2 answers left out" in plural(said[0])
    assert "journey was applied again" in said[0]
    assert "Trade name" in said[0] and "Industry" not in said[0]
    fields = clients.get_client(gui_db, client_id_of(gui_db, project)).fields
    assert (fields.trade_name, fields.website, fields.industry) == ("Ñandú", EDITED_SITE, "")
    profile = checklists.get_journey(gui_db, project).journey.to_dict()["answers"]["profile"]
    assert "1000000" in str(profile["annual_sales_usd"])
    assert len(refreshed) == 1 and refreshed[0].applied
    assert len(checklists.project_items(gui_db, project)) == items_before
    # the page lists the response; the package counts it
    assert page.responses_list.topLevelItemCount() == 1
    assert page.responses_list.topLevelItem(0).text(3) == "5"
    assert page.packages_list.topLevelItem(0).text(5) == "1"


def test_the_same_response_twice_says_so_and_offers_no_apply(page: FormsPage, gui_db: Database, response: Path
                                                              ) -> None:
    page.import_response(response)
    first = page.importer.dialog if page.importer else None
    assert isinstance(first, ReviewDialog)
    then(message([]))
    first.apply()
    before = project_state(gui_db, page.project_id)

    page.import_response(response)
    again = page.importer.dialog if page.importer else None
    assert isinstance(again, ReviewDialog) and again is not first
    assert again.apply_button is None
    assert "already imported on" in again.notice.text() and "nothing changed" in again.notice.text()
    assert not any(b.text().replace("&", "").startswith("Apply") for b in again.findChildren(QPushButton))
    assert not again.all_button.isEnabled()
    assert project_state(gui_db, page.project_id) == before


def test_a_colleagues_save_after_the_review_is_a_conflict_and_the_review_closes(
        page: FormsPage, gui_db: Database, response: Path) -> None:
    from dataclasses import replace

    page.import_response(response)
    dialog = page.importer.dialog if page.importer else None
    assert isinstance(dialog, ReviewDialog)
    client_id = client_id_of(gui_db, page.project_id)
    detail = clients.get_client(gui_db, client_id)
    clients.update_client(gui_db, "andres", client_id, detail.version,
                          replace(detail.fields, website="https://colleague.example"))
    before = project_state(gui_db, page.project_id)
    said: list[str] = []
    then(message(said))
    dialog.apply()
    assert len(said) == 1 and "Nothing was overwritten" in said[0] and "Import it again" in said[0]
    assert not dialog.isVisible() and dialog.outcome is None
    assert project_state(gui_db, page.project_id) == before
    assert page.responses_list.topLevelItemCount() == 0


def test_a_tampered_response_is_refused_with_the_services_message(page: FormsPage, gui_db: Database,
                                                                   response: Path) -> None:
    with zipfile.ZipFile(response) as archive:  # one bit of the sealed payload flipped, the zip itself sound
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    payload = bytearray(entries["payload.bin"])
    payload[len(payload) // 2] ^= 0x01
    entries["payload.bin"] = bytes(payload)
    with zipfile.ZipFile(response, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    before = project_state(gui_db, page.project_id)
    said: list[str] = []
    then(message(said))
    page.import_response(response)

    assert page.importer is not None and page.importer.dialog is None  # no review
    assert len(said) == 1 and "altered after it was sent (tampered)" in said[0]
    assert project_state(gui_db, page.project_id) == before
    assert page.responses_list.topLevelItemCount() == 0


# -- keys ---------------------------------------------------------------------------------------------------------
def test_keys_export_and_import_round_trip(qtbot: Any, runner: DbRunner, english: None, paths: Paths,
                                           memory_keyring: Any, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    original = formkeys.fingerprint(formkeys.consultant_key(forms.key_file(paths), None, create=True).public_key)
    dialog = KeysDialog(runner, paths, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fingerprint.text() == original
    assert "keychain" in dialog.where.text()

    exported = tmp_path / "my key"
    save_as(monkeypatch, exported)
    seen: list[str] = []
    then(passphrase("short", "short", seen))  # too short: refused, nothing written
    dialog.export_dialog()
    assert seen[-1] == "refused:The passphrase must have at least 8 characters."
    then(passphrase(PASSPHRASE, PASSPHRASE + "x", seen))
    dialog.export_dialog()
    assert seen[-1] == "refused:The two passphrases are not the same."
    assert not exported.with_name("my key.sdkey").exists()
    then(passphrase(PASSPHRASE, PASSPHRASE, seen))
    dialog.export_dialog()
    key_file = exported.with_name("my key.sdkey")
    assert key_file.is_file() and "saved to" in dialog.message.text()

    # a second computer: no key yet
    memory_keyring.secrets.clear()
    other = KeysDialog(runner, paths, "en")
    qtbot.addWidget(other)
    assert "No key yet" in other.fingerprint.text() and not other.export_button.isEnabled()
    open_file(monkeypatch, key_file)
    then(passphrase(PASSPHRASE))
    other.import_dialog()
    assert other.fingerprint.text() == original
    assert forms.key_status(paths).fingerprint == original

    # a different key in place: replaced only after confirming, both fingerprints shown
    memory_keyring.secrets.clear()
    newer = formkeys.fingerprint(formkeys.consultant_key(forms.key_file(paths), None, create=True).public_key)
    said: list[str] = []

    def keep(widget: QWidget) -> None:
        said.append(widget.text() if isinstance(widget, QMessageBox) else "")
        press("Keep the current key")(widget)

    then(keep)
    other.import_from(key_file, PASSPHRASE)
    assert original in said[0] and newer in said[0]
    assert forms.key_status(paths).fingerprint == newer
    then(press("Replace the key"))
    other.import_from(key_file, PASSPHRASE)
    assert forms.key_status(paths).fingerprint == original


# -- no keychain ----------------------------------------------------------------------------------------------------
@pytest.fixture
def no_keychain() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_without_a_keychain_a_passphrase_protects_the_key(page: FormsPage, gui_db: Database, paths: Paths,
                                                          no_keychain: None, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from shelter_app.exchange import formfiles

    page.reload()
    assert "no system keychain" in page.key_text.text()
    package = tmp_path / "intake.sdform"
    save_as(monkeypatch, package)
    seen: list[str] = []
    then(lambda widget: widget.accept(), passphrase(PASSPHRASE, PASSPHRASE, seen), message([]))
    page.select_form("client_intake")
    page.send_package_dialog()
    assert "no system keychain" in seen[0]
    assert package.is_file() and forms.key_file(paths).is_file()
    assert PASSPHRASE.encode() not in forms.key_file(paths).read_bytes()

    target = tmp_path / "intake.sdresponse"
    prefill = dict(formfiles.read_package(package).prefill)
    assert form_drafts.fill_package(paths, package, client_answers(prefill), target) == []
    # a wrong passphrase: said at the question, asked again
    then(passphrase("not the passphrase", None, seen), passphrase(PASSPHRASE, None, seen))
    page.import_response(target)
    assert "wrong" in seen[-1]
    dialog = page.importer.dialog if page.importer else None
    assert isinstance(dialog, ReviewDialog) and dialog.status_text("client.trade_name") == "+ New"
    dialog.reject()

    # the keys dialog says where the key is; exporting asks the key file's passphrase, then a new one
    keys = KeysDialog(page.runner, paths, "en")
    assert "passphrase" in keys.where.text() and "no system keychain" in keys.where.text()
    assert keys.fingerprint.text() == forms.key_status(paths).fingerprint
    save_as(monkeypatch, tmp_path / "moved.sdkey")
    then(passphrase(PASSPHRASE), passphrase("another passphrase", "another passphrase"))
    keys.export_dialog()
    assert (tmp_path / "moved.sdkey").is_file() and "saved to" in keys.message.text()
    keys.deleteLater()


def test_the_review_speaks_the_consultants_language(page: FormsPage, response: Path) -> None:
    page.language = "es"
    page.import_response(response)
    dialog = page.importer.dialog if page.importer else None
    assert isinstance(dialog, ReviewDialog)
    website, country = dialog.row_of("client.website"), dialog.row_of("client.country")
    assert dialog.table.item(website, 1).text() == "Sitio web"
    assert [dialog.table.item(country, c).text() for c in (1, 5)] == ["País de la sede corporativa", "Estados Unidos"]
    assert "Registro del cliente" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    dialog.reject()


# -- printing -------------------------------------------------------------------------------------------------------
def test_print_blank_form_writes_the_pdf_in_the_language_chosen(page: FormsPage, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from shelter_app.ui.business.documents import PdfPreview

    page.select_form("client_intake")
    save_as(monkeypatch, tmp_path / "blank")

    def spanish(widget: QWidget) -> None:
        combo = widget.language  # type: ignore[attr-defined]
        combo.setCurrentIndex(combo.findData("es"))
        widget.paper.setCurrentIndex(widget.paper.findData("a4"))  # type: ignore[attr-defined]
        widget.accept()  # type: ignore[attr-defined]

    then(spanish)
    page.print_blank_dialog()
    pdf = tmp_path / "blank.pdf"
    assert pdf.is_file()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Registro del cliente" in text and "Razón social" in text and CLIENT in text
    assert isinstance(page.preview, PdfPreview) and page.preview.document.pageCount() > 1
    page.preview.close()


def test_the_main_window_imports_a_response_into_its_project(window: Any, gui_db: Database, project: int,
                                                             response: Path) -> None:
    window.open_workspace_for(project)
    workspace = window.workspaces[project]
    page = workspace.forms_page()
    assert page.responses_list.topLevelItemCount() == 0
    assert window.import_response_action.isEnabled() and window.form_keys_action.text() == "Form &keys…"

    window.import_form_response(response)
    dialog = window.form_import.dialog
    assert isinstance(dialog, ReviewDialog) and dialog.parent() is window
    then(message([]))
    dialog.apply()

    assert clients.get_client(gui_db, client_id_of(gui_db, project)).fields.trade_name == "Ñandú"
    assert page.responses_list.topLevelItemCount() == 1  # the open workspace followed
    workspace.close()


def test_the_result_says_when_the_journey_went_back_to_the_programs_step(english: None) -> None:
    from shelter_app.services.forms import ApplyOutcome
    from shelter_app.ui.forms.review import outcome_message

    outcome = ApplyOutcome(("journey.operating_model.path",), (), False, None, journey_reopened=True)
    text = outcome_message(outcome, "en", {"journey.operating_model.path": "Operating model"})
    assert "1 field of the project updated" in text and "Operating model" in text
    assert "back at its customs and tax programs step" in text
    assert "back at" not in outcome_message(ApplyOutcome((), (), False, None), "en")


def test_a_package_sent_with_a_code_shows_the_code_once_and_again_on_request(
        page: FormsPage, qtbot: Any, gui_db: Database, paths: Paths, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from shelter_app.exchange import formfiles

    page.select_form("client_intake")
    target = tmp_path / "coded.sdform"
    save_as(monkeypatch, target)
    said: list[str] = []

    def options(widget: QWidget) -> None:
        assert isinstance(widget, SendPackageDialog)
        assert not widget.protect.isChecked()  # off unless asked for
        widget.protect.setChecked(True)
        widget.accept()

    assert not page.show_code_button.isEnabled()
    then(options, message(said))
    page.send_package_dialog()
    qtbot.waitUntil(lambda: page.code_dialog is not None and page.code_dialog.isVisible(), timeout=10000)
    dialog = page.code_dialog
    assert dialog is not None
    code = dialog.code
    assert formfiles.read_package(target).protection is not None
    assert code.encode() not in target.read_bytes()
    copy = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Copy")
    copy.click()
    assert QApplication.clipboard().text() == code
    dialog.reject()

    row = page.packages_list.topLevelItem(0)
    assert row.text(6) == "yes"
    page.packages_list.setCurrentItem(row)
    assert page.show_code_button.isEnabled()
    page.code_dialog = None
    page.show_code_button.click()
    qtbot.waitUntil(lambda: page.code_dialog is not None and page.code_dialog.isVisible(), timeout=10000)
    assert page.code_dialog is not None and page.code_dialog.code == code
    page.code_dialog.reject()


def test_the_review_says_when_a_response_proves_the_code(page: FormsPage, gui_db: Database, project: int,
                                                        paths: Paths, tmp_path: Path) -> None:
    from shelter_app.exchange import formfiles

    package = tmp_path / "coded.sdform"
    summary = forms.export_package(gui_db, paths, "ana", project, "client_intake", package, consultant_name="Ana",
                                   protect=True)
    target = tmp_path / "coded.sdresponse"
    prefill = dict(formfiles.read_package(package).prefill)
    assert form_drafts.fill_package(paths, package, client_answers(prefill), target, code=summary.code) == []
    page.import_response(target)
    dialog = page.importer.dialog if page.importer else None
    assert isinstance(dialog, ReviewDialog)
    assert "made with the code you told the client" in dialog.code_label.text()
    assert form_drafts.installation_fingerprint(paths) in dialog.signed_label.text()
    dialog.reject()
