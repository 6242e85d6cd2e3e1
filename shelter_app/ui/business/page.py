"""The project's business case in the workspace: its scenarios, the editor, live results, the documents.

Left, the scenarios (new ones start from the journey's answers; a copy varies the city or the
structure); centre, the selected scenario's inputs; right, every scenario side by side with the
cost blocks and the cumulative cash flow. Results follow the typing (the model computes in a few
milliseconds on this thread); saving goes through the DB worker and never overwrites a colleague.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from shelter_app.core.errors import UserError
from shelter_app.l10n import format_number, table_date
from shelter_app.services.scenarios import ScenarioView
from shelter_app.storage.db import Database
from shelter_app.ui.business.editor import ScenarioEditor, debounce
from shelter_app.ui.business.results import BlocksChart, CashFlowChart, Column, ComparisonTable
from shelter_app.ui.errors import ERROR_STYLE, handle_error
from shelter_app.ui.worker import DbRunner

RECOMPUTE_MS = 150


class BusinessCasePage(QWidget):
    """Scenarios, editor and results of one project; `generate_requested` when the consultant asks for the
    PDF (the workspace owns the export dialog and the preview)."""

    generate_requested = Signal()
    changed = Signal()

    def __init__(self, runner: DbRunner, db: Database, actor: str, project_id: int, language: str,
                 parent: QWidget | None = None, *, today: date | None = None,
                 documents_dir: Path | None = None) -> None:
        super().__init__(parent)
        from shelter_app.paths import get_paths

        self.documents_dir = documents_dir or get_paths().documents
        self.runner, self.db, self.actor, self.project_id, self.language = runner, db, actor, project_id, language
        self.today = today
        self.views: list[ScenarioView] = []
        self.results: dict[int, Any] = {}
        self.china_of: dict[int, Any] = {}  # id(result) -> its China-supplier comparison (or None)
        self.current: ScenarioView | None = None
        self.live: Any = None
        self.problem = ""  # why the scenario as typed does not compute
        self.dirty = False
        self.setObjectName("businessCasePage")

        # -- scenarios
        self.scenario_list = QListWidget()
        self.scenario_list.setObjectName("scenarioList")
        self.scenario_list.setAccessibleName(self.tr("Scenarios"))
        self.scenario_list.currentRowChanged.connect(self._row_changed)
        self.new_button = QPushButton(self.tr("&New scenario"))
        new_menu = QMenu(self.new_button)
        new_menu.addAction(self.tr("Under a shelter (from the journey)"), lambda: self.new_scenario("shelter"))
        new_menu.addAction(self.tr("Own entity (from the journey)"), lambda: self.new_scenario("own_entity"))
        self.new_button.setMenu(new_menu)
        self.duplicate_button = QPushButton(self.tr("&Duplicate…"))
        self.duplicate_button.clicked.connect(self.duplicate_scenario)
        self.rename_button = QPushButton(self.tr("Rena&me…"))
        self.rename_button.clicked.connect(self.rename_scenario)
        self.delete_button = QPushButton(self.tr("De&lete…"))
        self.delete_button.clicked.connect(self.delete_scenario)
        self.generate_button = QPushButton(self.tr("&Generate PDF…"))
        self.generate_button.setObjectName("generatePdf")
        self.generate_button.clicked.connect(self.generate_requested.emit)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Scenarios")))
        left_layout.addWidget(self.scenario_list, 1)
        pairs = QGridLayout()  # two by two: a column of four left too little height on a 1280x720 screen
        for index, button in enumerate((self.new_button, self.duplicate_button, self.rename_button,
                                        self.delete_button)):
            pairs.addWidget(button, index // 2, index % 2)
        left_layout.addLayout(pairs)
        left_layout.addSpacing(6)
        left_layout.addWidget(self.generate_button)
        left_layout.addWidget(QLabel(self.tr("Documents given to the client")))
        from shelter_app.ui.business.documents import DocumentsList

        self.documents = DocumentsList(language)
        self.documents.setToolTip(self.tr("Double-click to open the copy kept with the project"))
        self.documents.itemDoubleClicked.connect(lambda *_: self.open_document())
        left_layout.addWidget(self.documents, 1)

        # -- editor
        self.editor = ScenarioEditor(language)
        self.editor.edited.connect(self._edited)
        self.status = QLabel()
        self.status.setObjectName("scenarioStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save scenario"))
        self.save_button.setObjectName("saveScenario")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Re&vert"))
        self.revert_button.clicked.connect(self.revert)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.editor, 1)
        centre_layout.addLayout(buttons)
        self.empty = QLabel(self.tr("This project has no business case yet. Start one from the journey's answers "
                                    "with “New scenario”: the site, the headcount plan and the certification come "
                                    "from the project; the rest starts from indicative figures, marked in yellow, "
                                    "for you to replace with the client's own."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        centre_layout.addWidget(self.empty)

        # -- results
        self.table = ComparisonTable(language)
        self.blocks = BlocksChart(language)
        self.cash = CashFlowChart(language)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.table)
        right.addWidget(self.blocks)
        right.addWidget(self.cash)
        right.setSizes([300, 230, 230])  # the comparison shows every row, the site score included

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(centre)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([190, 560, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._recompute_timer = debounce(self, RECOMPUTE_MS, self.recompute)
        self.reload()

    # -- reading ------------------------------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        from shelter_app.services import scenarios

        keep = select_id if select_id is not None else (self.current.id if self.current else None)
        self.views = scenarios.list_scenarios(self.db, self.project_id)
        self.china_of = {}
        self.results = {v.id: self._compute(v.document)[0] for v in self.views}
        self.scenario_list.blockSignals(True)
        self.scenario_list.clear()
        for view in self.views:
            item = QListWidgetItem(view.name)
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            item.setToolTip(self.tr("Under a shelter") if view.structure == "shelter" else self.tr("Own entity"))
            self.scenario_list.addItem(item)
        self.scenario_list.blockSignals(False)
        has = bool(self.views)
        self.editor.setVisible(has)
        self.empty.setVisible(not has)
        for button in (self.duplicate_button, self.rename_button, self.delete_button, self.generate_button,
                       self.save_button, self.revert_button):
            button.setEnabled(has)
        row = next((n for n, v in enumerate(self.views) if v.id == keep), 0 if has else -1)
        self.current = None
        self.scenario_list.setCurrentRow(row)
        if row >= 0 and self.current is None:
            self._show(self.views[row])
        if not has:
            self._show_columns()
        self.reload_documents()

    def reload_documents(self) -> None:
        from shelter_app.services import business_documents

        self.document_views = business_documents.list_documents(self.db, self.project_id)
        self.documents.set_documents(self.document_views)

    def open_document(self) -> None:
        """Preview the copy kept with the project, checked against its hash first."""
        from shelter_app.services import business_documents
        from shelter_app.ui.business.documents import show_preview

        item = self.documents.currentItem()
        if item is None:
            return
        chosen = next((d for d in self.document_views if d.id == item.data(0, Qt.ItemDataRole.UserRole)), None)
        if chosen is None:
            return
        try:
            path = business_documents.verify(self.documents_dir, chosen)
        except UserError as error:
            handle_error(self, error)
            return
        show_preview(self, path, chosen.file_name)

    def _compute(self, document: dict[str, Any]) -> tuple[Any, UserError | None]:
        """The result, or why not; the China comparison is kept beside it (`self.china_of`)."""
        from shelter_app.services import scenarios

        try:
            result = scenarios.check_document(document)
            self.china_of[id(result)] = scenarios.china_comparison(document, result)
            return result, None
        except UserError as error:
            return None, error

    def _row_changed(self, row: int) -> None:
        if row < 0 or row >= len(self.views):
            return
        chosen = self.views[row]
        if self.current is not None and chosen.id == self.current.id:
            return
        if self.dirty and self.current is not None and not self._may_leave():
            shown = self.current.id
            self.scenario_list.blockSignals(True)
            self.scenario_list.setCurrentRow(next(n for n, v in enumerate(self.views) if v.id == shown))
            self.scenario_list.blockSignals(False)
            return
        self._show(chosen)

    def _may_leave(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("Save the changes to “{name}” first?").format(name=self.current.name if self.current else ""),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            self.save()
            return not self.dirty
        return answer == QMessageBox.StandardButton.Discard

    def _show(self, view: ScenarioView) -> None:
        self.current = view
        self.editor.set_document(view.document, self.reference_hints(self.results.get(view.id)))
        self.dirty = False
        self.recompute()

    def reference_hints(self, result: Any) -> dict[str, str]:
        """The statutory fields' hints: the reference value that applies when the field is empty, its source,
        the date it was checked, and "to verify" where the notes could not confirm it. Read from the computed
        case's parameter sources (the model already resolved every default), not looked up again."""
        if result is None:
            return {}
        from shelter_app.core.business_case import schema
        from shelter_app.core.business_case.parameters import Origin
        from shelter_app.core.business_case.spec import Rule

        sources = {source.parameter: source for source in result.parameters.sources}
        year = result.case.scenario.base_year
        hints: dict[str, str] = {}
        tables = [n for tab in schema.EDITOR_TABS for n in schema.editor_fields(tab)
                  if n.meta.rule is Rule.TABLE and n.parameter in sources]
        for n in tables:
            source = sources[str(n.parameter)]
            value = source.reference_value if source.origin is Origin.INPUT else source.value
            if source.provenance is None or value is None or isinstance(value, tuple):
                hints[n.path] = self.tr("No reference value for {year}: type it (required).").format(year=year)
                continue
            percent = n.percent
            shown = format_number(Decimal(value) * (100 if percent else 1), self.language,
                                  4 if percent else 2).rstrip("0").rstrip(".,")
            provenance = source.provenance
            name = (provenance.sources[0].title_in(self.language) if provenance.sources else
                    self.tr("a modelling assumption") if provenance.confidence == "assumption" else
                    self.tr("no source"))
            text = self.tr("If left empty: {value}{unit} — {source}, checked {date}.").format(
                value=shown, unit=" %" if percent else "", source=name,
                date=table_date(provenance.checked_on, self.language))
            if provenance.to_verify:
                text += " " + self.tr("To verify.")
            hints[n.path] = text
        premium = sources.get("rt_premium_rate")
        if premium is not None:
            hints["statutory.risk_class"] = self.tr("Class {risk}: {rate} % of the SBC.").format(
                risk=result.parameters.risk_class,
                rate=format_number(Decimal(premium.value) * 100, self.language, 4).rstrip("0").rstrip(".,"))
        return hints

    # -- editing ----------------------------------------------------------------------------------------------
    def _edited(self) -> None:
        self.dirty = True
        self._recompute_timer.start()

    def recompute(self) -> None:
        """Compute the scenario as typed and refresh every result; a problem lands on its field."""
        self._recompute_timer.stop()
        if self.current is None:
            return
        self.editor.clear_problems()
        self.live, error = self._compute(self.editor.document)
        self.problem = ""
        if error is not None:
            path = getattr(error, "path", "") or ""
            message = error.message(self.language) if hasattr(error, "message") else str(error)
            self.problem = message
            if path:
                self.editor.show_problem(path, message)
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(self.tr("Does not compute: {problem}").format(problem=message))
        else:
            self.status.setStyleSheet("")
            count = self.editor.indicative_count()
            marks = [self.tr("Unsaved changes.") if self.dirty else self.tr("Saved.")]
            if count:
                marks.append(self.tr("%n indicative figure(s) from the prefill, in yellow: replace them with the "
                                     "client's own.", "", count))
            self.status.setText(" ".join(marks))
        self._show_columns()

    @staticmethod
    def _site(document: dict[str, Any]) -> Any:
        from shelter_app.services import scenarios

        try:
            return scenarios.site_facts(document)
        except UserError:  # shown at its field by recompute; the score leaves it out meanwhile
            return None

    @staticmethod
    def _ieps(document: dict[str, Any]) -> Any:
        from shelter_app.services import scenarios

        try:
            return scenarios.extras(document).ieps
        except UserError:  # shown at its field by recompute; the benefit leaves IEPS out meanwhile
            return None

    def _show_columns(self) -> None:
        columns = []
        for view in self.views:
            current = self.current is not None and view.id == self.current.id
            result = self.live if current else self.results.get(view.id)
            china = self.china_of.get(id(result)) if result is not None else None
            document = self.editor.document if current else view.document
            columns.append(Column(view.name, result, current, china, self._site(document), self._ieps(document)))
        self.table.set_columns(columns)
        self.blocks.set_columns(columns)
        self.cash.set_columns(columns)

    # -- writing ----------------------------------------------------------------------------------------------
    def _write(self, job: Callable[[], Any], then: Callable[[Any], None]) -> None:
        self.runner.run(job, then, lambda error: handle_error(self, error))

    def _after_write(self, select_id: int | None) -> None:
        self.dirty = False
        self.current = None
        self.reload(select_id)
        self.changed.emit()

    def save(self) -> None:
        from shelter_app.services import scenarios

        if self.current is None or not self.dirty:
            return
        if self.live is None:
            self.recompute()
            if self.live is None:
                QMessageBox.warning(self, self.tr("Save scenario"),
                                    self.tr("The scenario is not saved: {problem}").format(problem=self.problem))
                return
        db, actor, view, document = self.db, self.actor, self.current, self.editor.document

        self._write(lambda: scenarios.update_scenario(db, actor, view.id, view.version, document),
                    lambda _c: self._after_write(view.id))

    def revert(self) -> None:
        if self.current is not None:
            self._show(self.current)

    def new_scenario(self, structure: str) -> None:
        from shelter_app.services import scenarios

        if self.dirty and not self._may_leave():
            return
        default = self.tr("Shelter") if structure == "shelter" else self.tr("Own entity")
        taken = {v.name.casefold() for v in self.views}
        name, n = default, 2
        while name.casefold() in taken:
            name, n = f"{default} {n}", n + 1
        name, ok = QInputDialog.getText(self, self.tr("New scenario"), self.tr("Name:"), text=name)
        if not ok:
            return
        db, actor, project_id, today = self.db, self.actor, self.project_id, self.today
        self._write(lambda: scenarios.create_scenario(db, actor, project_id, name, structure=structure, today=today),
                    lambda changes: self._after_write(changes.entity_id))

    def duplicate_scenario(self) -> None:
        from shelter_app.services import scenarios

        if self.current is None:
            return
        if self.dirty and not self._may_leave():
            return
        name, ok = QInputDialog.getText(self, self.tr("Duplicate scenario"), self.tr("Name of the copy:"),
                                        text=self.tr("{name} (copy)").format(name=self.current.name))
        if not ok:
            return
        db, actor, source = self.db, self.actor, self.current.id
        self._write(lambda: scenarios.duplicate_scenario(db, actor, source, name),
                    lambda changes: self._after_write(changes.entity_id))

    def rename_scenario(self) -> None:
        from shelter_app.services import scenarios

        if self.current is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename scenario"), self.tr("Name:"), text=self.current.name)
        if not ok or name == self.current.name:
            return
        db, actor, view, document = self.db, self.actor, self.current, self.editor.document
        self._write(lambda: scenarios.update_scenario(db, actor, view.id, view.version, document, name=name),
                    lambda _c: self._after_write(view.id))

    def delete_scenario(self) -> None:
        from shelter_app.services import scenarios

        if self.current is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete scenario"),
                                      self.tr("Delete the scenario “{name}”? Documents already generated are kept.")
                                      .format(name=self.current.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, view = self.db, self.actor, self.current
        self.dirty = False
        self._write(lambda: scenarios.delete_scenario(db, actor, view.id),
                    lambda _c: self._after_write(None))

    def flush_check(self) -> bool:
        """Before the window closes: False if the consultant chose to stay."""
        return not self.dirty or self._may_leave()

