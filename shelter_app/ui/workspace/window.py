"""The project workspace: one window per project with its checklists, item panel and timeline.

Left, the checklist tree (phase → checklist → item) with filters and a search box; right, the
panel of the selected item; a second tab draws the schedule as a Gantt chart. Reads are a few
milliseconds and run on the UI thread; every write goes through the DB worker, and after it
the workspace re-reads the project's items and repaints only the rows that changed (the item
written, and the dependents a new date or status moved), their groups' progress and the timeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shelter_app.content.checklists import PackSet
from shelter_app.core.bilingual import Text
from shelter_app.core.checklist import ItemStatus
from shelter_app.core.errors import UserError
from shelter_app.l10n import table_date
from shelter_app.paths import Paths
from shelter_app.services.changes import Changes
from shelter_app.services.checklists import ItemView, PackUpdate
from shelter_app.services.filestore import limit_bytes
from shelter_app.settings import ATTACHMENT_LIMIT_MB, Settings
from shelter_app.storage.db import Database
from shelter_app.ui.errors import handle_error, show_user_error, ui_language
from shelter_app.ui.labels import owner_labels, status_labels
from shelter_app.ui.screenfit import fit_window
from shelter_app.ui.timeline import Bar, TimelineView
from shelter_app.ui.worker import DbRunner
from shelter_app.ui.workspace.exports import (
    ExportOptions,
    WriteReport,
    default_file_name,
    evidence_pack_writer,
    export_job,
    pdf_writer,
    xlsx_writer,
)
from shelter_app.ui.workspace.panel import ItemPanel
from shelter_app.ui.workspace.tree import (
    COL_DUE,
    COL_FLAGS,
    COL_OWNER,
    COL_STATUS,
    COL_TITLE,
    CRITICAL_MARK,
    ChecklistTreeModel,
    ItemFilter,
    ProgressDelegate,
)

_CLOSED = (ItemStatus.DONE.value, ItemStatus.NOT_APPLICABLE.value)


def timeline_bars(items: Sequence[ItemView], packs: PackSet, language: str) -> list[Bar]:
    """Phases as heading rows, then their items as bars (items that do not apply are left out)."""
    bars: list[Bar] = []
    phase = None
    for view in items:
        if view.status == ItemStatus.NOT_APPLICABLE:
            continue
        if view.phase_id != phase:
            phase = view.phase_id
            members = [v for v in items if v.phase_id == phase and v.status != ItemStatus.NOT_APPLICABLE]
            starts = [v.start_on for v in members if v.start_on]
            dues = [v.due_on for v in members if v.due_on]
            bars.append(Bar(packs.phases_by_id[phase].title.pick(language), min(starts, default=None),
                            max(dues, default=None), group=True))
        bars.append(Bar(view.title.pick(language), view.start_on, view.due_on, critical=view.critical,
                        done=view.status == ItemStatus.DONE, overdue=view.flag == "overdue"))
    return bars


class PackUpdateDialog(QDialog):
    """What newer checklist versions would change in the project; the consultant applies them or not."""

    def __init__(self, updates: Sequence[PackUpdate], packs: PackSet, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packUpdateDialog")
        self.setWindowTitle(self.tr("Newer checklist versions"))
        fit_window(self, 640, 420, parent)
        intro = QLabel(self.tr("This ShelterDesk ships newer versions of checklists this project uses. Applying them "
                               "adds the new items that apply to the project. Items a new version no longer has are "
                               "set aside as not applicable, with their status, notes and evidence kept: nothing is "
                               "deleted, and the change is recorded in the project's history."))
        intro.setWordWrap(True)
        self.changes = QTreeWidget()
        self.changes.setObjectName("packUpdateChanges")
        self.changes.setHeaderHidden(True)
        for update in updates:
            pack = packs.packs_by_id.get(update.pack_id)
            title = pack.title.pick(language) if pack else update.pack_id
            top = QTreeWidgetItem([self.tr("{checklist}: version {old} → {new}").format(
                checklist=title, old=update.from_version, new=update.to_version)])
            for item_id in update.new_items:
                item = packs.items_by_id.get(item_id)
                name = item.title.pick(language) if item else item_id
                QTreeWidgetItem(top, [self.tr("Added: {item}").format(item=name)])
            for item_id in update.dropped_items:
                QTreeWidgetItem(top, [self.tr("Set aside (no longer in the checklist): {item}").format(item=item_id)])
            if not update.new_items and not update.dropped_items:
                QTreeWidgetItem(top, [self.tr("Revised wording, sources or durations; no items added or removed")])
            self.changes.addTopLevelItem(top)
        self.changes.expandAll()
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton(self.tr("&Apply changes"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("&Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.changes, 1)
        layout.addWidget(buttons)


class ProjectWorkspace(QMainWindow):
    """A project's checklists; `add_toolbar_action` lets the main window add its own actions."""

    def __init__(self, runner: DbRunner, db: Database, actor: str, project_id: int, paths: Paths,
                 parent: QWidget | None = None, *, today: date | None = None, packs: PackSet | None = None) -> None:
        from shelter_app.services.checklists import shipped_packs

        super().__init__(parent)
        self.runner, self.db, self.actor, self.project_id, self.paths = runner, db, actor, project_id, paths
        self.fixed_today = today  # tests pin the date; otherwise each read uses the real today
        self.packs = packs or shipped_packs()
        self.language = ui_language()
        self.client_name = ""
        self.project_title = ""
        self.provider_name = ""  # the main window sets both from the settings
        self.consultant_name = ""
        self._last_dir: Path | None = None
        self._task: Any = None
        self.setObjectName("ProjectWorkspace")
        fit_window(self, 1320, 820, parent)

        # -- header: whose project, how far along
        self.heading = QLabel()
        self.heading.setObjectName("workspaceHeading")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading.setWordWrap(True)  # a long client name wraps instead of widening the window past the screen
        self.summary = QLabel()
        self.summary.setObjectName("workspaceSummary")
        self.summary.setWordWrap(True)
        self.overall = QProgressBar()
        self.overall.setObjectName("overallProgress")
        self.overall.setMaximumWidth(260)
        self.overall.setFormat("%p %")
        header = QHBoxLayout()
        header.addWidget(self.summary, 1)
        header.addWidget(self.overall)

        # -- newer pack versions: shown, never applied silently
        self.pack_updates: list[PackUpdate] = []
        self.update_banner = QFrame()
        self.update_banner.setObjectName("packUpdateBanner")
        self.update_banner.setStyleSheet("#packUpdateBanner { background: #fff4ce; border: 1px solid #e0c060; "
                                         "border-radius: 4px; }")
        self.update_text = QLabel()
        self.update_text.setWordWrap(True)
        self.review_button = QPushButton(self.tr("&Review changes…"))
        self.review_button.setObjectName("reviewPackUpdates")
        self.review_button.clicked.connect(self.review_pack_updates)
        banner = QHBoxLayout(self.update_banner)
        banner.setContentsMargins(8, 4, 8, 4)
        banner.addWidget(self.update_text, 1)
        banner.addWidget(self.review_button)
        self.update_banner.hide()

        # -- filters
        self.search = QLineEdit()
        self.search.setObjectName("itemSearch")
        self.search.setAccessibleName(self.tr("Search items"))
        self.search.setPlaceholderText(self.tr("Search items (title, ID, legal basis, assignee)…"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.status_filter.addItem(self.tr("All statuses"), "")
        for code, text in status_labels().items():
            self.status_filter.addItem(text, str(code))
        self.owner_filter = QComboBox()
        self.owner_filter.setAccessibleName(self.tr("Owner"))
        self.owner_filter.addItem(self.tr("All owners"), "")
        for code, text in owner_labels().items():
            self.owner_filter.addItem(text, str(code))
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.to_verify_only = QCheckBox(self.tr("To verify only"))
        self.count_label = QLabel()
        self.count_label.setObjectName("itemCount")
        self.search.textChanged.connect(self._filter_changed)
        for combo in (self.status_filter, self.owner_filter):
            combo.currentIndexChanged.connect(self._filter_changed)
        for box in (self.overdue_only, self.to_verify_only):
            box.toggled.connect(self._filter_changed)
        filters = QVBoxLayout()  # two rows: one row was wider than a 1366-pixel laptop screen leaves the tree
        first_row, second_row = QHBoxLayout(), QHBoxLayout()
        first_row.addWidget(self.search, 2)
        first_row.addWidget(self.status_filter)
        first_row.addWidget(self.owner_filter)
        second_row.addWidget(self.overdue_only)
        second_row.addWidget(self.to_verify_only)
        second_row.addStretch(1)
        filters.addLayout(first_row)
        filters.addLayout(second_row)

        # -- the tree
        self.model = ChecklistTreeModel(self.packs, self.language, self)
        self.tree = QTreeView()
        self.tree.setObjectName("checklistTree")
        self.tree.setAccessibleName(self.tr("Checklist items"))
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setIndentation(14)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setItemDelegateForColumn(COL_STATUS, ProgressDelegate(self.tree))
        head = self.tree.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_STATUS, 115), (COL_OWNER, 110), (COL_DUE, 92), (COL_FLAGS, 130)):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            head.resizeSection(column, width)
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._after_reset)
        self.empty = QLabel(self.tr("This project has no checklist items yet. Complete its setup journey to "
                                    "create them."))
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.legend = QLabel(self.tr("{mark} critical path: a delay here moves the finish date. “To verify”: rests "
                                     "on facts not yet confirmed against primary law.").format(mark=CRITICAL_MARK))
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #6b6b6b;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.count_label)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.legend)

        # -- the item panel
        self.panel = ItemPanel(runner, db, actor, paths.evidence, self.language)
        self.panel.max_file_bytes = limit_bytes(Settings.load(paths.settings_file).get(ATTACHMENT_LIMIT_MB))
        self.panel.changed.connect(self.apply_changes)
        self.panel.reload_requested.connect(self.reload)
        self.panel_scroll = QScrollArea()
        self.panel_scroll.setWidgetResizable(True)
        # the panel wraps its texts to the width it gets; a sideways scroll bar would cut them instead
        self.panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panel_scroll.setWidget(self.panel)
        self.panel_scroll.setMinimumWidth(380)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([840, 480])

        # -- the timeline
        self.timeline = TimelineView()
        self.timeline_scroll = QScrollArea()
        self.timeline_scroll.setWidgetResizable(True)
        self.timeline_scroll.setWidget(self.timeline)
        timeline_legend = QLabel(self.tr("Red bars: critical path. Red outline: overdue. Pale bars: done. "
                                         "Green line: today. Shaded columns: weekends."))
        timeline_legend.setStyleSheet("color: #6b6b6b;")
        timeline_page = QWidget()
        timeline_layout = QVBoxLayout(timeline_page)
        timeline_layout.addWidget(self.timeline_scroll, 1)
        timeline_layout.addWidget(timeline_legend)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.splitter, self.tr("Checklists"))
        self.tabs.addTab(timeline_page, self.tr("Timeline"))
        # the business case is built the first time its tab is shown: opening the checklists stays quick
        self.business: Any = None
        self.business_holder = QWidget()
        self.business_holder.setObjectName("businessHolder")
        QVBoxLayout(self.business_holder).setContentsMargins(0, 0, 0, 0)
        self.business_tab = self.tabs.addTab(self.business_holder, self.tr("Business case"))
        self.forms: Any = None  # the Forms tab, built like the business case on first use
        self.forms_holder = QWidget()
        self.forms_holder.setObjectName("formsHolder")
        QVBoxLayout(self.forms_holder).setContentsMargins(0, 0, 0, 0)
        self.forms_tab = self.tabs.addTab(self.forms_holder, self.tr("Forms"))
        self.tabs.currentChanged.connect(self._tab_changed)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.heading)
        layout.addLayout(header)
        layout.addWidget(self.update_banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self.reload()

    # -- actions ---------------------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.toolbar = QToolBar(self.tr("Project"))
        self.toolbar.setObjectName("workspaceToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self.project_menu: QMenu = self.menuBar().addMenu(self.tr("&Project"))
        self.export_pdf_action = self._action(self.tr("Export &PDF…"), self.export_pdf_dialog)
        self.export_xlsx_action = self._action(self.tr("Export &XLSX…"), self.export_xlsx_dialog)
        self.evidence_pack_action = self._action(self.tr("&Evidence pack…"), self.evidence_pack_dialog)
        self.toolbar.addSeparator()
        self.refresh_action = self._action(self.tr("&Refresh"), self.reload, QKeySequence.StandardKey.Refresh)
        self._menu_end = self.project_menu.addSeparator()
        close = self.project_menu.addAction(self.tr("&Close"))
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)

    def _action(self, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda *_: slot())
        if shortcut is not None:
            action.setShortcut(shortcut)
        self.toolbar.addAction(action)
        self.project_menu.addAction(action)
        return action

    def add_toolbar_action(self, action: QAction) -> None:
        """Add an action (e.g. the .ics export, the journey) to the toolbar and the Project menu."""
        if action.parent() is None:
            action.setParent(self)
        self.toolbar.addAction(action)
        self.project_menu.insertAction(self._menu_end, action)

    # -- reading ------------------------------------------------------------------------------------------
    def today(self) -> date:
        return self.fixed_today or date.today()

    def reload(self) -> None:
        """Read the project and its items again (Refresh; also after a colleague's change)."""
        from shelter_app.services import checklists, clients, projects

        try:
            client_id, project = projects.get_project(self.db, self.project_id)
        except UserError as error:  # deleted meanwhile
            show_user_error(self, error)
            return
        row = clients.client_rows(self.db, [client_id]).get(client_id)
        self.client_name, self.project_title = (row.legal_name if row else ""), project.title
        self.setWindowTitle(self.tr("{project} — {client} — Checklists").format(project=project.title,
                                                                                client=self.client_name))
        self.heading.setText(f"{self.client_name} — {project.title}")
        items = checklists.project_items(self.db, self.project_id, self.packs, self.today())
        if self.model.total_count() == 0:
            self.model.set_items(items)
        else:
            self.model.update_items(items)
        self._show_items_changed()
        self._refresh_panel(None)
        self._show_pack_updates(checklists.pack_updates(self.db, self.project_id, self.packs))

    def _show_pack_updates(self, updates: list[PackUpdate]) -> None:
        self.pack_updates = updates
        self.update_banner.setVisible(bool(updates))
        if updates:
            self.update_text.setText(self.tr(
                "Newer versions of %n checklist(s) are available. Nothing changes until you review and apply them.",
                "", len(updates)))

    def review_pack_updates(self) -> None:
        """Show what the newer pack versions change; apply them on the worker if the consultant agrees."""
        from shelter_app.services import checklists

        if not self.pack_updates:
            return
        dialog = PackUpdateDialog(self.pack_updates, self.packs, self.language, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.panel.flush()
        db, actor, project_id, packs = self.db, self.actor, self.project_id, self.packs
        self.runner.run(lambda: checklists.apply_pack_updates(db, actor, project_id, packs),
                        self._pack_updates_applied, lambda error: handle_error(self, error))

    def _pack_updates_applied(self, applied: list[PackUpdate]) -> None:
        self.reload()
        self.statusBar().showMessage(self.tr("%n checklist(s) moved to the version in force.", "", len(applied)),
                                     10000)

    def apply_changes(self, changes: Changes) -> None:
        """After a write: repaint the rows that changed (the item, dependents whose dates moved)."""
        from shelter_app.services import checklists

        if changes.entity != "checklist_item":
            self.reload()
            return
        items = checklists.project_items(self.db, self.project_id, self.packs, self.today())
        changed = self.model.update_items(items)
        if changed:
            self._show_items_changed()
        self._refresh_panel(changes.entity_id, changed)

    def _refresh_panel(self, written: int | None, changed: set[int] | None = None) -> None:
        shown = self.panel.view
        if shown is None:
            return
        if written is None or written == shown.row_id or (changed and shown.row_id in changed):
            self.panel.show_item(self.model.item_by_id(shown.row_id), self._checklist_title(shown))

    def _checklist_title(self, view: ItemView) -> Text | None:
        pack = self.packs.packs_by_id.get(view.pack_id)
        return Text(pack.title.en, pack.title.es) if pack else None

    def _show_items_changed(self) -> None:
        items = self.model.items()
        total = len(items)
        closed = sum(1 for v in items if v.status in _CLOSED)
        overdue = sum(1 for v in items if v.flag == "overdue")
        to_verify = sum(1 for v in items if v.to_verify)
        finish = max((v.due_on for v in items if v.due_on), default=None)
        parts = [self.tr("{closed} of %n item(s) closed", "", total).format(closed=closed),
                 self.tr("%n overdue", "", overdue), self.tr("%n to verify", "", to_verify)]
        if finish is not None:
            parts.append(self.tr("forecast finish {date}").format(date=table_date(finish, self.language)))
        self.summary.setText(" · ".join(parts))
        self.overall.setRange(0, max(total, 1))
        self.overall.setValue(closed)
        self.empty.setVisible(total == 0)
        self.tree.setVisible(total > 0)
        self._show_count()
        self.timeline.set_bars(timeline_bars(items, self.packs, self.language), self.today())

    def _show_count(self) -> None:
        total, shown = self.model.total_count(), self.model.visible_count()
        self.count_label.setText(self.tr("%n item(s)", "", total) if shown == total else
                                 self.tr("Showing {shown} of %n item(s)", "", total).format(shown=shown))

    # -- filtering and selection --------------------------------------------------------------------------
    def _filter_changed(self) -> None:
        self.model.set_filter(ItemFilter(
            status=str(self.status_filter.currentData() or ""), owner=str(self.owner_filter.currentData() or ""),
            overdue_only=self.overdue_only.isChecked(), to_verify_only=self.to_verify_only.isChecked(),
            search=self.search.text()))
        self._show_count()

    def _after_reset(self) -> None:
        self.tree.expandAll()
        shown = self.panel.view
        if shown is not None:
            index = self.model.index_of(shown.row_id)
            if index.isValid():
                self.tree.setCurrentIndex(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return  # the filter hid the row: the panel keeps showing the item
        view = self.model.item(current)
        if view is None or (self.panel.view is None or view.row_id != self.panel.view.row_id):
            self.panel.show_item(view, self._checklist_title(view) if view else None)

    def select_item(self, row_id: int) -> None:
        index = self.model.index_of(row_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    # -- exports ------------------------------------------------------------------------------------------------
    def _languages(self) -> list[tuple[str, str]]:
        """The document's one language: a client's report speaks its reader's."""
        return [("en", self.tr("English")), ("es", self.tr("Spanish"))]

    def _ask_target(self, title: str, suffix: str, file_filter: str, name: str | None = None) -> Path | None:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = self._last_dir or (Path(documents) if documents and Path(documents).is_dir() else Path.home())
        name = name or default_file_name(self.client_name, self.project_title, suffix)
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(folder / name), file_filter)
        if not chosen:
            return None
        target = Path(chosen)
        return target if target.suffix.lower() == f".{suffix}" else target.with_name(f"{target.name}.{suffix}")

    def export_pdf_dialog(self) -> None:
        options = ExportOptions(self.tr("Export PDF"), self._languages(), self.language,
                                page_sizes=True, parent=self)
        if options.exec() != QDialog.DialogCode.Accepted:
            return
        target = self._ask_target(self.tr("Export PDF"), "pdf", self.tr("PDF documents (*.pdf)"))
        if target is not None:
            self.export_pdf(target, options.language(), options.page_size())

    def export_xlsx_dialog(self) -> None:
        options = ExportOptions(self.tr("Export XLSX"), self._languages(), self.language, parent=self)
        if options.exec() != QDialog.DialogCode.Accepted:
            return
        target = self._ask_target(self.tr("Export XLSX"), "xlsx", self.tr("Excel workbooks (*.xlsx)"))
        if target is not None:
            self.export_xlsx(target, options.language())

    def evidence_pack_dialog(self) -> None:
        target = self._ask_target(self.tr("Evidence pack"), "zip", self.tr("Zip archives (*.zip)"))
        if target is not None:
            self.export_evidence_pack(target)

    def export_pdf(self, target: Path, language: str = "en", page_size: str = "letter") -> None:
        self._export(self.tr("Export PDF"), target, pdf_writer(target, language, page_size))

    def export_xlsx(self, target: Path, language: str = "en") -> None:
        self._export(self.tr("Export XLSX"), target, xlsx_writer(target, language))

    def export_evidence_pack(self, target: Path) -> None:
        self._export(self.tr("Evidence pack"), target, evidence_pack_writer(target, self.paths.evidence,
                                                                            self.language))

    def _export(self, title: str, target: Path, write: WriteReport) -> None:
        from shelter_app.ui.progress import CancellableTask

        self._last_dir = target.parent
        self.panel.flush()  # the report includes the notes being typed
        job = export_job(self.db, self.project_id, self.consultant_name, self.fixed_today, target, write)
        self._task = CancellableTask(self, self.runner, title, self.tr("Writing {file}…").format(file=target.name),
                                     job, self._exported, lambda error: handle_error(self, error))

    def _exported(self, result: Path | None) -> None:
        self._task = None
        if result is None:
            self.statusBar().showMessage(self.tr("Export cancelled; nothing was written."), 8000)
        else:
            self.statusBar().showMessage(self.tr("Saved {path}").format(path=result), 15000)
            if result.suffix.lower() == ".pdf":  # the report in the preview, with the one Print of every document
                from shelter_app.ui.business.documents import show_preview

                self.preview = show_preview(self, result, result.name)

    # -- the business case ------------------------------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        if index == self.business_tab:
            self.business_page()
        elif index == self.forms_tab:
            self.forms_page()

    def business_page(self) -> Any:
        """The Business case tab's page, built on first use."""
        if self.business is None:
            from shelter_app.ui.business.page import BusinessCasePage

            self.business = BusinessCasePage(self.runner, self.db, self.actor, self.project_id, self.language,
                                             today=self.fixed_today, documents_dir=self.paths.documents)
            self.business.generate_requested.connect(self.generate_business_pdf)
            layout = self.business_holder.layout()
            assert layout is not None
            layout.addWidget(self.business)
            self.business.show()
        return self.business

    def forms_page(self) -> Any:
        """The Forms tab's page (send packages, import responses), built on first use."""
        if self.forms is None:
            from shelter_app.ui.forms.consultant import FormsPage

            self.forms = FormsPage(self.runner, self.db, self.actor, self.project_id, self.paths, self.language,
                                   client_name=self.client_name, project_title=self.project_title)
            self.forms.project_changed.connect(self.form_applied)
            self.forms.status_message.connect(lambda text: self.statusBar().showMessage(text, 15000))
            layout = self.forms_holder.layout()
            assert layout is not None
            layout.addWidget(self.forms)
            self.forms.show()
        return self.forms

    def form_applied(self, _outcome: Any = None) -> None:
        """A client's answers went into the project: journey, checklists and business case may have changed."""
        self.reload()
        if self.forms is not None:
            self.forms.client_name = self.client_name
            self.forms.reload()
        if self.business is not None and not self.business.dirty:  # never drop edits being typed
            self.business.reload()

    def open_business_case(self, *, start_if_empty: bool = False) -> None:
        """Show the Business case tab; from the journey's last step, a project without scenarios gets its first
        one prefilled from the answers."""
        self.tabs.setCurrentIndex(self.business_tab)
        page = self.business_page()
        if start_if_empty and not page.views:
            from shelter_app.core.scenario_prefill import default_structure
            from shelter_app.services import checklists, scenarios

            structure = default_structure(checklists.get_journey(self.db, self.project_id).journey.answers())
            name = self.tr("Shelter") if structure == "shelter" else self.tr("Own entity")
            db, actor, project_id, today = self.db, self.actor, self.project_id, self.fixed_today
            self.runner.run(lambda: scenarios.create_scenario(db, actor, project_id, name, structure=structure,
                                                              today=today),
                            lambda changes: page.reload(changes.entity_id), lambda error: handle_error(self, error))

    def generate_business_pdf(self) -> None:
        """Ask language, paper and scenarios; generate off the UI thread with progress; then the preview."""
        from shelter_app.ui.business.documents import generate_dialog

        generate_dialog(self)

    # -- closing ------------------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.business is not None and not self.business.flush_check():
            event.ignore()
            return
        self.panel.flush()
        self.panel.cleanup()
        super().closeEvent(event)
