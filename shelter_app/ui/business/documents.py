"""The business-case PDF in the app: the generate dialog, the in-app preview, printing, the documents kept.

Generating runs on the DB worker with a progress dialog and Cancel (a cancelled run writes nothing).
The preview is QtPdf's `QPdfView`: page navigation and zoom, Print (QPrintDialog, honouring the page
range and rendering each page at the printer's resolution), Save as, and Open in the system viewer.
Every generated PDF is also kept with the project under its SHA-256, so the consultant can find
exactly what the client was given (the Documents list).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSpinBox,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from shelter_app.l10n import table_datetime
from shelter_app.ui.errors import handle_error
from shelter_app.ui.screenfit import fit_window

ZOOM_STEP = 1.25
translate = QCoreApplication.translate  # module functions speak for the workspace window


class GenerateOptions(QDialog):
    """Which scenarios, which language, which paper."""

    def __init__(self, scenarios: Sequence[tuple[int, str]], language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("generateOptions")
        self.setWindowTitle(self.tr("Generate the business-case PDF"))
        self.scenarios = QListWidget()
        self.scenarios.setObjectName("scenarioChoice")
        for scenario_id, name in scenarios:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, scenario_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.scenarios.addItem(item)
        self.scenarios.setMaximumHeight(140)
        self.language = QComboBox()
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Spanish"), "es")
        self.language.setCurrentIndex(1 if language == "es" else 0)
        self.paper = QComboBox()
        self.paper.addItem(self.tr("Letter (as in Mexico)"), "letter")
        self.paper.addItem("A4", "a4")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Generate"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("Scenarios:"), self.scenarios)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Paper:"), self.paper)
        form.addRow(self.problem)
        form.addRow(buttons)

    def chosen(self) -> list[int]:
        return [int(self.scenarios.item(n).data(Qt.ItemDataRole.UserRole)) for n in range(self.scenarios.count())
                if self.scenarios.item(n).checkState() == Qt.CheckState.Checked]

    def _accept(self) -> None:
        if not self.chosen():
            self.problem.setText(self.tr("Choose at least one scenario."))
            self.problem.show()
            return
        self.accept()


def generate_dialog(workspace: Any) -> None:
    """From the workspace: ask scenarios, language, paper and file, then generate."""
    page = workspace.business_page()
    if page.dirty:
        page.save()  # the document shows what is saved: never an edit the stored scenario does not hold
        if page.dirty:
            return
    if not page.views:
        return
    options = GenerateOptions([(v.id, v.name) for v in page.views], workspace.language, workspace)
    if options.exec() != QDialog.DialogCode.Accepted:
        return
    from shelter_app.ui.workspace.exports import default_file_name

    language, paper, chosen = str(options.language.currentData()), str(options.paper.currentData()), options.chosen()
    name = default_file_name(workspace.client_name, workspace.project_title, "pdf").removesuffix(".pdf")
    label = translate("ProjectWorkspace", "business case")
    target = workspace._ask_target(translate("ProjectWorkspace", "Save the business case"), "pdf",
                                   translate("ProjectWorkspace", "PDF documents (*.pdf)"),
                                   f"{name} - {label} ({language}).pdf")
    if target is not None:
        generate_to(workspace, target, chosen, language, paper)


def generate_to(workspace: Any, target: Path, scenario_ids: Sequence[int], language: str, paper: str,
                *, preview: bool = True) -> None:
    """Generate on the DB worker with progress and Cancel; keep it with the project; then preview it."""
    from shelter_app.services import business_documents
    from shelter_app.ui.progress import CancellableTask

    db, actor, project_id = workspace.db, workspace.actor, workspace.project_id
    store, today = workspace.paths.documents, workspace.fixed_today
    provider, consultant = workspace.provider_name, workspace.consultant_name

    def job(progress: Any, cancelled: Any) -> Any:
        from shelter_app.services.projects import prepared_by

        def report(fraction: float, _text: str = "") -> None:
            progress(int(fraction * 100), 100)

        return business_documents.generate_pdf(db, actor, project_id, target, scenario_ids=list(scenario_ids),
                                               language=language, paper=paper, documents_dir=store, today=today,
                                               cancel=cancelled, progress=report, provider_name=provider,
                                               prepared_by=prepared_by(db, project_id, fallback=consultant))

    def done(_view: Any) -> None:
        workspace._task = None
        workspace.statusBar().showMessage(translate("ProjectWorkspace", "Saved {path}").format(path=target), 15000)
        page = workspace.business_page()
        page.reload_documents()
        if preview:
            show_preview(workspace, target, translate("ProjectWorkspace", "Business case — {client}").format(
                client=workspace.client_name))

    def failed(error: BaseException) -> None:
        workspace._task = None
        from shelter_app.core.business_report import DocumentCancelled

        if isinstance(error, DocumentCancelled):
            workspace.statusBar().showMessage(translate("ProjectWorkspace", "Cancelled; nothing was written."), 8000)
        else:
            handle_error(workspace, error)

    label = translate("ProjectWorkspace", "Writing {file}…").format(file=target.name)
    workspace._task = CancellableTask(workspace, workspace.runner, translate("ProjectWorkspace", "Business case"),
                                      label, job, done, failed)


def show_preview(parent: Any, path: Path, title: str) -> PdfPreview:
    preview = PdfPreview(path, title, parent)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.show()
    return preview


class PdfPreview(QMainWindow):
    """A PDF in the app: pages, zoom, Print, Save as, Open in the system viewer."""

    printed = Signal(object)  # a print run ended: its `ui.printing.Outcome`

    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        fit_window(self, 900, 1000, parent)
        self.document = QPdfDocument(self)
        error = self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.setCentralWidget(self.view)
        if error != QPdfDocument.Error.None_:
            QMessageBox.warning(self, title, self.tr("The PDF could not be opened ({error}).").format(error=error.name))

        bar = QToolBar(self.tr("Document"))
        bar.setObjectName("previewToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.previous_action = self._action(bar, self.tr("◀ Previous"), self.previous_page,
                                            QKeySequence.StandardKey.MoveToPreviousPage)
        self.page_box = QSpinBox()
        self.page_box.setObjectName("pageBox")
        self.page_box.setAccessibleName(self.tr("Page"))
        self.page_box.setRange(1, max(self.document.pageCount(), 1))
        self.page_box.valueChanged.connect(lambda value: self.go_to(value - 1))
        bar.addWidget(self.page_box)
        self.page_total = QLabel(self.tr(" of {count}").format(count=self.document.pageCount()))
        bar.addWidget(self.page_total)
        self.next_action = self._action(bar, self.tr("Next ▶"), self.next_page,
                                        QKeySequence.StandardKey.MoveToNextPage)
        bar.addSeparator()
        self._action(bar, self.tr("Zoom &out"), self.zoom_out, QKeySequence.StandardKey.ZoomOut)
        self._action(bar, self.tr("Zoom &in"), self.zoom_in, QKeySequence.StandardKey.ZoomIn)
        self._action(bar, self.tr("&Fit width"), self.fit_width)
        bar.addSeparator()
        self._action(bar, self.tr("&Print…"), self.print_dialog, QKeySequence.StandardKey.Print)
        self._action(bar, self.tr("Save &as…"), self.save_as, QKeySequence.StandardKey.SaveAs)
        self._action(bar, self.tr("Open in &system viewer"), self.open_external)
        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._page_changed)

    def _action(self, bar: QToolBar, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda *_: slot())
        if shortcut is not None:
            action.setShortcut(shortcut)
        bar.addAction(action)
        return action

    # -- pages and zoom ----------------------------------------------------------------------------------------------
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        page = max(0, min(page, self.document.pageCount() - 1))
        if page != self.current_page():
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)

    def previous_page(self) -> None:
        self.go_to(self.current_page() - 1)

    def next_page(self) -> None:
        self.go_to(self.current_page() + 1)

    def zoom_in(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(self.view.zoomFactor() * ZOOM_STEP, 8.0))

    def zoom_out(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(self.view.zoomFactor() / ZOOM_STEP, 0.2))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # -- print, save, open ---------------------------------------------------------------------------------------------
    def print_dialog(self) -> None:
        """The system's print dialog, then the one print path (`shelter_app.ui.printing`)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.path.name)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintCollateCopies, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: Any, *, raster: bool = False) -> Any:
        """Print with a printer the dialog set up; returns the run (its `finished` signal carries the outcome)."""
        from shelter_app.ui.printing import PrintRun

        if self.document.pageCount() < 1:
            QMessageBox.warning(self, self.windowTitle(), self.tr("This document has no pages to print."))
            return None
        run = PrintRun(self, self.path, self.windowTitle(), raster=raster)
        self.print_run: PrintRun | None = run
        run.finished.connect(self._print_finished)  # a method: disconnected if the preview is closed meanwhile
        run.start(printer, self.document.pageCount())
        return run

    def _print_finished(self, outcome: Any) -> None:
        from shelter_app.ui.printing import tell

        self.print_run = None
        self.statusBar().showMessage(outcome.message, 15000)
        tell(self, self.tr("Print"), outcome)
        self.printed.emit(outcome)

    def save_as(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), str(self.path),
                                                self.tr("PDF documents (*.pdf)"))
        if chosen and Path(chosen) != self.path:
            shutil.copyfile(self.path, chosen)

    def open_external(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))


class DocumentsList(QTreeWidget):
    """The PDFs generated for the project: when, by whom, which scenarios, language, paper, hash."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.setObjectName("documentsList")
        self.setAccessibleName(self.tr("Generated documents"))
        self.setHeaderLabels([self.tr("Generated"), self.tr("Scenarios"), self.tr("Language"), self.tr("Paper"),
                              self.tr("By"), self.tr("SHA-256")])
        self.setRootIsDecorated(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def set_documents(self, documents: Sequence[Any]) -> None:
        self.clear()
        for doc in documents:
            item = QTreeWidgetItem([table_datetime(doc.created_at, self.language), ", ".join(doc.scenarios),
                                    doc.language, doc.paper, doc.created_by, doc.sha256[:16] + "…"])
            item.setData(0, Qt.ItemDataRole.UserRole, doc.id)
            item.setToolTip(5, doc.sha256)
            self.addTopLevelItem(item)

