"""The form renderer: a `FormState` drawn as pages of questions, with progress, a review page and two languages.

`FormView` owns no rules. Each edit goes to `FormState` (`set_answer`, `set_cell`, row operations), whose
`refresh()` recomputes relevance, calculations and every check; the view then compares what it shows with
the new state and updates only what changed (an error label, a hidden question, a calculated value, a table).
Pages are built when first shown, and a long page in chunks after its first questions are on screen, so a
300-field form paints its first page at once.

Problems are shown at the question as the user types; "An answer is required." waits until the user has
touched the question or opened the review page, so a new form does not open covered in red.

The form's language (EN/ES toggle) relabels the questions from the bilingual definition in place: no widget
is rebuilt, so answers, focus and scroll position stay. The view's own words (Back, Next…) go through the
Qt translator; the owner decides whether the toggle also switches the interface (`languageChanged`).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from shelter_app.core.forms.engine import REQUIRED, FormState, Issue, split_path
from shelter_app.core.forms.model import QType, Question, Section
from shelter_app.ui.errors import ERROR_STYLE, handle_error
from shelter_app.ui.forms.repeat import RepeatQuestion
from shelter_app.ui.forms.widgets import MUTED, QuestionWidget, make_question
from shelter_app.ui.worker import DbRunner

FIRST_CHUNK = 40
"""Questions built before a page is shown; the rest follow in chunks on the next turns of the event loop."""
CHUNK = 30
CONTENT_WIDTH = 860
StoreAttachment = Callable[[Path], dict[str, Any]]


def form_language(language: str) -> str:
    return "es" if language.lower().startswith("es") else "en"


class _Page(QScrollArea):
    """One section: its title, description and questions, built on demand."""

    def __init__(self, view: FormView, section: Section) -> None:
        super().__init__()
        self.view = view
        self.section = section
        self.setObjectName(f"page:{section.id}")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        outer = QWidget()
        outer.setObjectName("pageOuter")
        row = QHBoxLayout(outer)
        row.setContentsMargins(24, 16, 24, 24)
        self.content = QWidget()
        self.content.setMaximumWidth(CONTENT_WIDTH)
        self.content.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(self.content, 1)
        row.addStretch(0)
        self.column = QVBoxLayout(self.content)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(6)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setIndent(0)  # in line with the questions (a styled label indents by default)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # definition text is never markup
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600; margin: 0 0 2px 0;")
        self.description = QLabel()
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setWordWrap(True)
        self.description.setStyleSheet(MUTED + " margin: 0 0 8px 0;")
        self.column.addWidget(self.title)
        self.column.addWidget(self.description)
        self.column.addStretch(1)
        self.setWidget(outer)
        self.todo = list(section.questions)
        self.widgets: list[QuestionWidget] = []
        self.retranslate()

    def retranslate(self) -> None:
        language = self.view.language
        self.title.setText(self.section.title.pick(language))
        text = self.section.description.pick(language) if self.section.description else ""
        self.description.setText(text)
        self.description.setVisible(bool(text))

    @property
    def complete(self) -> bool:
        return not self.todo

    def build(self, count: int) -> None:
        """Build the next `count` questions (all of them for count < 0)."""
        batch = self.todo if count < 0 else self.todo[:count]
        self.todo = self.todo[len(batch):]
        if not batch:
            return
        self.content.setUpdatesEnabled(False)
        try:
            for q in batch:
                widget = self.view.build_question(q, self.content)
                self.column.insertWidget(self.column.count() - 1, widget)
                self.widgets.append(widget)
        finally:
            self.content.setUpdatesEnabled(True)
        self.view.order_tabs(self)

    def first_focus(self) -> QWidget | None:
        for widget in self.widgets:
            if widget.isHidden() or not widget.q.answered_by_user:
                continue
            target = widget.focus_target()
            if target is not None and target.isEnabled():
                return target
        return None


class _ReviewPage(QWidget):
    """Every problem, by page; activating one (click, Enter) goes to its question."""

    def __init__(self, view: FormView) -> None:
        super().__init__()
        self.view = view
        self.setObjectName("page:review")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 24)
        layout.setSpacing(8)
        self.title = QLabel()
        self.title.setIndent(0)
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.summary = QLabel()
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        self.issues = QListWidget()
        self.issues.setObjectName("reviewIssues")
        self.issues.setWordWrap(True)
        self.issues.setAlternatingRowColors(True)
        self.issues.setSpacing(2)
        self.issues.itemActivated.connect(self._go)
        self.issues.itemClicked.connect(self._go)
        self.go_hint = QLabel()
        self.go_hint.setStyleSheet(MUTED)
        self.go_hint.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.issues, 1)
        layout.addWidget(self.go_hint)
        self.dirty = True

    def retranslate(self) -> None:
        self.title.setText(self.tr("Review"))
        self.go_hint.setText(self.tr("Click a problem, or select it and press Enter, to go to its question."))
        self.dirty = True
        self.fill()

    def fill(self) -> None:
        if not self.dirty:
            return
        self.dirty = False
        view = self.view
        issues = view.ordered_issues()
        self.issues.clear()
        if not issues:
            self.summary.setText(self.tr("Every question is answered as the form asks. You can send your response."))
            self.summary.setStyleSheet("color: #1b6e3a; font-weight: 600;")
        else:
            self.summary.setText(self.tr("%n problem(s) to fix before the response can be sent:", "", len(issues)))
            self.summary.setStyleSheet(ERROR_STYLE + " font-weight: 600;")
        for issue in issues:
            item = QListWidgetItem(view.issue_text(issue))
            item.setData(Qt.ItemDataRole.UserRole, issue.path)
            item.setToolTip(issue.message(view.language))
            item.setForeground(QColor("#7a0016"))
            self.issues.addItem(item)
        self.issues.setVisible(bool(issues))
        self.go_hint.setVisible(bool(issues))
        if issues:
            self.issues.setCurrentRow(0)

    def _go(self, item: QListWidgetItem) -> None:
        self.view.focus_path(str(item.data(Qt.ItemDataRole.UserRole)))


class FormView(QWidget):
    """Fill one form. `changed` after every change of answers (the owner saves a draft), `pageChanged(page)`,
    `focusChanged(path)`; `go_to_page`, `focus_path`, `set_language`; the page after the last section is the
    review."""

    changed = Signal()
    pageChanged = Signal(int)  # noqa: N815 - the names the integrator wires (Qt's own style)
    focusChanged = Signal(str)  # noqa: N815
    languageChanged = Signal(str)  # noqa: N815

    def __init__(self, state: FormState, *, language: str = "en", page: int = 0, focus: str = "",
                 runner: DbRunner | None = None, store_attachment: StoreAttachment | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formView")
        self._state = state
        self._language = form_language(language)
        self.runner = runner
        self.store_attachment = store_attachment
        self._widgets: dict[str, QuestionWidget] = {}
        self._repeats: dict[str, RepeatQuestion] = {}
        self._pages: dict[str, _Page] = {}
        self._visible: list[Section] = state.visible_sections()
        self._hidden: set[str] = set(state.hidden)
        self._shown: dict[str, str] = {}
        self._touched: set[str] = set()
        self._reveal_all = False
        self._page = -1
        self._focus = ""
        self._calcs = [q for q in state.definition.questions() if q.type is QType.CALCULATE]
        self._calc_seen: dict[str, Any] = {}
        self._section_index = {s.id: i for i, s in enumerate(state.definition.sections)}
        self.last_update_ms = 0.0
        self._build_chrome()
        self._shown = self._shown_map()
        self._refill_page_list()
        self._retranslate_chrome()
        self._update_progress()
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self._build_more)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._app_focus_changed)
        self._first_focus = focus
        self._shown_once = False
        self.go_to_page(max(0, min(page, len(self._visible))), focus_first=not focus)
        if focus:
            self.focus_path(focus)

    # -- chrome --------------------------------------------------------------------------------------------

    def _build_chrome(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        top = QWidget()
        top.setObjectName("formHeader")
        top.setStyleSheet("#formHeader { background: #f6f7f9; border-bottom: 1px solid #dcdfe4; }")
        head = QVBoxLayout(top)
        head.setContentsMargins(16, 10, 16, 10)
        head.setSpacing(6)
        title_row = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("formTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.title.setWordWrap(True)
        title_row.addWidget(self.title, 1)
        self.language_label = QLabel()
        self.language_label.setStyleSheet(MUTED)
        title_row.addWidget(self.language_label)
        self.language_group = QButtonGroup(self)
        self.language_buttons: dict[str, QToolButton] = {}
        for code, text in (("en", "EN"), ("es", "ES")):
            button = QToolButton()
            button.setObjectName(f"language:{code}")
            button.setText(text)
            button.setCheckable(True)
            button.setChecked(code == self._language)
            button.setAutoRaise(False)
            button.setMinimumWidth(38)
            button.clicked.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_group.addButton(button)
            self.language_buttons[code] = button
            title_row.addWidget(button)
        head.addLayout(title_row)
        status = QHBoxLayout()
        status.setSpacing(12)
        self.page_label = QLabel()
        self.page_label.setObjectName("pageLabel")
        self.page_label.setTextFormat(Qt.TextFormat.PlainText)
        status.addWidget(self.page_label, 1)
        self.progress_label = QLabel()
        self.progress_label.setStyleSheet(MUTED)
        status.addWidget(self.progress_label)
        self.progress = QProgressBar()
        self.progress.setObjectName("formProgress")
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(220)
        self.progress.setFixedHeight(10)
        status.addWidget(self.progress)
        head.addLayout(status)
        layout.addWidget(top)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        self.page_list = QListWidget()
        self.page_list.setObjectName("pageList")
        self.page_list.setMinimumWidth(180)
        self.page_list.setMaximumWidth(300)
        self.page_list.setWordWrap(True)
        self.page_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # titles wrap
        self.page_list.setSpacing(1)
        self.page_list.setStyleSheet("QListWidget { border: none; background: #fbfbfc; padding: 6px 0; } "
                                     "QListWidget::item { padding: 6px 10px; } "
                                     "QListWidget::item:selected { background: #dde8f4; color: #10263d; }")
        self.page_list.currentRowChanged.connect(self._list_row_changed)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self.review = _ReviewPage(self)
        self.stack.addWidget(self.review)
        split.addWidget(self.page_list)
        split.addWidget(self.stack)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([210, 900])
        layout.addWidget(split, 1)

        nav = QWidget()
        nav.setObjectName("formNav")
        nav.setStyleSheet("#formNav { border-top: 1px solid #dcdfe4; }")
        row = QHBoxLayout(nav)
        row.setContentsMargins(16, 8, 16, 8)
        self.back_button = QPushButton()
        self.back_button.setObjectName("back")
        self.next_button = QPushButton()
        self.next_button.setObjectName("next")
        for nav_button in (self.back_button, self.next_button):
            nav_button.setAutoDefault(False)
            nav_button.setDefault(False)
            nav_button.setMinimumWidth(110)
        self.back_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        self.problems_link = QLabel()
        self.problems_link.setStyleSheet(ERROR_STYLE)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.problems_link)
        row.addStretch(1)
        row.addWidget(self.next_button)
        layout.addWidget(nav)
        self.order_tabs(None)
        for keys, handler in (("Alt+Right", self.next_page), ("Alt+Left", self.previous_page),
                              ("Ctrl+PgDown", self.next_page), ("Ctrl+PgUp", self.previous_page)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(handler)

    def _retranslate_chrome(self) -> None:
        self.title.setText(self._state.definition.title.pick(self._language))
        self.language_label.setText(self.tr("Form language:"))
        self.page_list.setAccessibleName(self.tr("Pages of the form"))
        self.language_buttons["en"].setToolTip(self.tr("Show the form in English"))
        self.language_buttons["es"].setToolTip(self.tr("Show the form in Spanish"))
        self.back_button.setText(self.tr("← Back"))
        self.back_button.setToolTip(self.tr("Previous page (Alt+Left)"))
        self.next_button.setToolTip(self.tr("Next page (Alt+Right)"))
        self.review.retranslate()
        self._update_nav()
        self._update_progress()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:  # focus given before the window was on screen does not always stick
            self._shown_once = True
            QTimer.singleShot(0, self._settle_focus)

    def _settle_focus(self) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            return
        if self._first_focus and self.focus_path(self._first_focus):
            return
        self._focus_page_start()

    def _focus_page_start(self) -> None:
        if self.on_review():
            target: QWidget | None = self.review.issues if self.review.issues.count() else self.back_button
        else:
            section = self.current_section()
            page = self._pages.get(section.id) if section is not None else None
            target = (page.first_focus() if page is not None else None) or self.next_button
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_chrome()
            for widget in self._widgets.values():
                widget.retranslate()
        super().changeEvent(event)

    # -- public API ----------------------------------------------------------------------------------------

    @property
    def state(self) -> FormState:
        return self._state

    @property
    def language(self) -> str:
        return self._language

    def page_count(self) -> int:
        """Pages of questions now shown (the review page comes after them, at index `page_count()`)."""
        return len(self._visible)

    def current_page(self) -> int:
        return self._page

    def current_section(self) -> Section | None:
        return self._visible[self._page] if 0 <= self._page < len(self._visible) else None

    def on_review(self) -> bool:
        return self._page == len(self._visible)

    def focused_path(self) -> str:
        return self._focus

    def issues(self) -> list[Issue]:
        return self.ordered_issues()

    def next_page(self) -> None:
        if self._page < len(self._visible):
            self.go_to_page(self._page + 1)

    def previous_page(self) -> None:
        if self._page > 0:
            self.go_to_page(self._page - 1)

    def show_review(self) -> None:
        self.go_to_page(len(self._visible))

    def go_to_page(self, index: int, *, focus_first: bool = True) -> None:
        index = max(0, min(index, len(self._visible)))
        if index == len(self._visible):
            self.reveal_issues()
            self.review.fill()
            self.stack.setCurrentWidget(self.review)
        else:
            page = self._page_widget(self._visible[index])
            self.stack.setCurrentWidget(page)
            page.verticalScrollBar().setValue(0)
        changed = index != self._page
        self._page = index
        self.page_list.blockSignals(True)
        self.page_list.setCurrentRow(index)
        self.page_list.blockSignals(False)
        self._update_nav()
        if focus_first:
            self._focus_page_start()
        if changed:
            self.pageChanged.emit(index)

    def focus_path(self, path: str) -> bool:
        """Go to the page of `path` ("name" or "repeat[2].column") and put the cursor in it."""
        name, row, column = split_path(path)
        section_id = self._state.definition.section_of(name)
        index = next((i for i, s in enumerate(self._visible) if s.id == section_id), None)
        widget = None
        if index is not None:
            self.go_to_page(index, focus_first=False)
            page = self._pages[self._visible[index].id]
            page.build(-1)
            widget = self._widgets.get(name)
        if widget is None or widget.isHidden():
            return False
        if row is not None and isinstance(widget, RepeatQuestion):
            columns = [c.name for c in widget.model.columns]
            widget.focus_cell(row, columns.index(column) if column in columns else 0)
        else:
            widget.focus_editor()
        shown = self._pages[self._visible[index].id] if index is not None else None
        if shown is not None:
            shown.column.activate()
            shown.ensureWidgetVisible(widget, 0, 40)
            QTimer.singleShot(0, lambda: self._ensure_visible(shown, widget))
        self._set_focus_path(path)
        return True

    def set_language(self, language: str) -> None:
        language = form_language(language)
        self.language_buttons[language].setChecked(True)
        if language == self._language:
            return
        self._language = language
        for page in self._pages.values():
            page.retranslate()
        for widget in self._widgets.values():
            widget.retranslate()
        self._shown = {}
        self._sync(None)
        self._retranslate_chrome()
        self._refill_page_list()
        self.languageChanged.emit(language)

    def reveal_issues(self) -> None:
        """Show every problem, "An answer is required." included (the review page and Send do this)."""
        if not self._reveal_all:
            self._reveal_all = True
            self._sync(None)

    def ordered_issues(self) -> list[Issue]:
        """Issues in page order, then question order, then row order."""
        definition = self._state.definition
        order = {q.name: n for n, q in enumerate(definition.questions())}

        def key(issue: Issue) -> tuple[int, int, int]:
            name, row, column = split_path(issue.path)
            q = definition.question(name)
            columns = [f.name for f in q.fields] if q is not None else []
            return (order.get(name, 10**6), -1 if row is None else row,
                    columns.index(column) if column in columns else -1)
        return sorted(self._state.issues.values(), key=key)

    def issue_text(self, issue: Issue) -> str:
        name, row, column = split_path(issue.path)
        definition = self._state.definition
        section = definition.section_of(name)
        page = next((s.title.pick(self._language) for s in definition.sections if s.id == section), "")
        q = definition.question(name)
        label = q.label.pick(self._language) if q else name
        if row is not None and q is not None:
            col = q.row_question(column or "")
            label = self.tr("{table}, row {row}, {column}").format(
                table=label, row=row + 1, column=col.label.pick(self._language) if col else column or "")
        return f"{page} › {label}: {issue.message(self._language)}"

    # -- edits from the widgets ----------------------------------------------------------------------------

    def answer(self, name: str, raw: object, source: QuestionWidget | None = None) -> None:
        started = time.perf_counter()
        self._touched.add(name)
        self._state.set_answer(name, raw)
        if source is None and (widget := self._widgets.get(name)) is not None:
            widget.load()
        self._after_change(source, started)

    def cell(self, repeat: str, row: int, column: str, raw: object, source: QuestionWidget | None = None) -> None:
        started = time.perf_counter()
        self._touched.add(f"{repeat}[{row}]")
        self._state.set_cell(repeat, row, column, raw)
        self._after_change(source, started)

    def row_operation(self, repeat: str, operation: str, row: int, source: QuestionWidget | None = None) -> int:
        started = time.perf_counter()
        state = self._state
        if operation == "add":
            result = state.add_row(repeat)
        elif operation == "duplicate":
            result = state.duplicate_row(repeat, row)
            self._touched.add(f"{repeat}[{result}]")
        elif operation == "remove":
            state.remove_row(repeat, row)
            result = row
        else:
            raise ValueError(operation)
        self._touched.add(repeat)
        self._after_change(source, started)
        return result

    def attach(self, name: str, source: Path, widget: QuestionWidget, cell: tuple[int, str] | None = None) -> None:
        """Copy the file into the app's files (on the worker) and answer with its name, fingerprint and size (a
        question of the form, or the `cell` (row, column) of the repeat group `name`)."""
        store, runner = self.store_attachment, self.runner
        if store is None:
            return

        def done(answer: dict[str, Any]) -> None:
            if cell is None:
                self.answer(name, answer, None)
            else:
                self.cell(name, cell[0], cell[1], answer, None)
            widget.load()

        if runner is None:
            try:
                done(store(source))
            except Exception as exc:  # shown to the user like a worker error
                handle_error(self, exc)
            return
        runner.run(lambda: store(source), done, lambda exc: handle_error(self, exc))

    def note_focus(self, path: str) -> None:
        self._set_focus_path(path)

    # -- building --------------------------------------------------------------------------------------------

    def build_question(self, q: Question, parent: QWidget) -> QuestionWidget:
        widget = make_question(q, self, parent)
        self._widgets[q.name] = widget
        if isinstance(widget, RepeatQuestion):
            self._repeats[q.name] = widget
        widget.setVisible(q.name not in self._state.hidden)
        widget.set_error(self._shown.get(q.name, ""))
        return widget

    def _page_widget(self, section: Section) -> _Page:
        page = self._pages.get(section.id)
        if page is None:
            page = _Page(self, section)
            self._pages[section.id] = page
            self.stack.addWidget(page)
            page.build(FIRST_CHUNK)
        if not page.complete:
            self._more.start()
        return page

    def _build_more(self) -> None:
        section = self.current_section()
        page = self._pages.get(section.id) if section else None
        if page is None or page.complete:
            page = next((p for p in self._pages.values() if not p.complete), None)
        if page is None:
            return
        page.build(CHUNK)
        if not page.complete:
            self._more.start()

    def built_pages(self) -> list[str]:
        return [p.section.id for p in self._pages.values()]

    def question_widget(self, name: str) -> QuestionWidget | None:
        return self._widgets.get(name)

    def order_tabs(self, page: _Page | None) -> None:
        """Keep the tab order as it reads: header, page list, the page's questions, then Back and Next.
        Pages are built after the buttons, so their questions are moved in front of the buttons."""
        if page is not None:
            last: QWidget | None = None
            widget = page.nextInFocusChain()
            seen = 0
            while widget is not None and widget is not page and seen < 10_000:
                if page.isAncestorOf(widget) and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                    last = widget  # setTabOrder ignores widgets that take no focus
                widget = widget.nextInFocusChain()
                seen += 1
            if last is not None:
                QWidget.setTabOrder(last, self.back_button)
        QWidget.setTabOrder(self.back_button, self.next_button)

    # -- following the state ---------------------------------------------------------------------------------

    def _after_change(self, source: QuestionWidget | None, started: float) -> None:
        self._sync(source)
        self.last_update_ms = (time.perf_counter() - started) * 1000
        self.changed.emit()

    def shown_issue(self, path: str) -> str:
        return self._shown.get(path, "")

    def shown_issues_under(self, repeat: str) -> list[tuple[str, str]]:
        prefix = f"{repeat}["
        found = [(p, m) for p, m in self._shown.items() if p.startswith(prefix)]

        q = self._state.definition.question(repeat)
        columns = [f.name for f in q.fields] if q is not None else []

        def key(item: tuple[str, str]) -> tuple[int, int]:
            _n, row, column = split_path(item[0])
            return (row or 0, columns.index(column) if column in columns else -1)
        return sorted(found, key=key)

    def _shown_map(self) -> dict[str, str]:
        shown: dict[str, str] = {}
        for path, issue in self._state.issues.items():
            waits = issue.en == REQUIRED.en or path in self._repeats or self._is_repeat(path)
            if waits and not self._reveal_all and not self._was_touched(path):
                continue
            shown[path] = issue.message(self._language)
        return shown

    def _is_repeat(self, path: str) -> bool:
        q = self._state.definition.question(path)
        return q is not None and q.type is QType.REPEAT

    def _was_touched(self, path: str) -> bool:
        if path in self._touched:
            return True
        if "[" in path:
            return path.split(".", 1)[0] in self._touched
        return False

    def _sync(self, source: QuestionWidget | None) -> None:
        state = self._state
        dirty_repeats: set[str] = {name for name, w in self._repeats.items() if w is source}
        visible = state.visible_sections()
        if [s.id for s in visible] != [s.id for s in self._visible]:
            self._sections_changed(visible)
        for path in self._hidden ^ state.hidden:
            name, row, _column = split_path(path)
            if row is not None:
                dirty_repeats.add(name)
                continue
            widget = self._widgets.get(path)
            if widget is not None:
                widget.setVisible(path not in state.hidden)
                if widget is not source:
                    widget.load()
        self._hidden = set(state.hidden)
        shown = self._shown_map()
        for path in shown.keys() ^ self._shown.keys() | {p for p in shown if shown[p] != self._shown.get(p)}:
            name, row, _column = split_path(path)
            if row is not None or name in self._repeats:
                dirty_repeats.add(name)
                continue
            widget = self._widgets.get(name)
            if widget is not None:
                widget.set_error(shown.get(name, ""))
        self._shown = shown
        for q in self._calcs:
            value = state.answers.get(q.name)
            if value != self._calc_seen.get(q.name, object()):
                self._calc_seen[q.name] = value
                widget = self._widgets.get(q.name)
                if widget is not None:
                    widget.load()
        for name, repeat in self._repeats.items():
            if name in dirty_repeats or any(f.calculation is not None for f in repeat.q.fields):
                repeat.refresh()
                repeat.set_error(shown.get(name, ""))
        self._update_progress()
        self._update_page_marks()
        self.review.dirty = True
        if self.on_review():
            self.review.fill()

    def _sections_changed(self, visible: list[Section]) -> None:
        current = self.current_section()
        on_review = self.on_review()
        self._visible = visible
        self._refill_page_list()
        if on_review:
            self._page = len(visible)
        elif current is not None:
            ids = [s.id for s in visible]
            if current.id in ids:
                self._page = ids.index(current.id)
            else:  # the page being filled was switched off by its own answer: show the next one
                order = self._section_index[current.id]
                self._page = next((i for i, s in enumerate(visible) if self._section_index[s.id] > order),
                                  len(visible))
                self.go_to_page(self._page)
        self.page_list.blockSignals(True)
        self.page_list.setCurrentRow(self._page)
        self.page_list.blockSignals(False)
        self._update_nav()

    def _refill_page_list(self) -> None:
        self.page_list.blockSignals(True)
        self.page_list.clear()
        for number, section in enumerate(self._visible, start=1):
            item = QListWidgetItem(f"{number}. {section.title.pick(self._language)}")
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            self.page_list.addItem(item)
        review = QListWidgetItem(self.tr("Review and send"))
        review.setData(Qt.ItemDataRole.UserRole, "")
        self.page_list.addItem(review)
        self.page_list.setCurrentRow(self._page)
        self.page_list.blockSignals(False)
        self._update_page_marks()

    def _update_page_marks(self) -> None:
        counts: dict[str, int] = {}
        definition = self._state.definition
        for path in self._shown:
            section = definition.section_of(split_path(path)[0])
            if section is not None:
                counts[section] = counts.get(section, 0) + 1
        for row, page in enumerate(self._visible):
            item = self.page_list.item(row)
            if item is None:
                continue
            count = counts.get(page.id, 0)
            title = f"{row + 1}. {page.title.pick(self._language)}"
            text = f"{title}  ({count})" if count else title
            if item.text() != text:
                item.setText(text)
                item.setForeground(QColor("#b00020") if count else QColor("#1f2d3a"))
                item.setToolTip(self.tr("%n problem(s) on this page", "", count) if count else "")
        total = len(self._state.issues)
        self.problems_link.setText(self.tr("%n problem(s) to fix", "", total) if total and self._reveal_all else "")

    def _update_progress(self) -> None:
        state = self._state
        with_issues = {split_path(p)[0] for p in state.issues}
        total = done = 0
        for section in self._visible:
            for q in section.questions:
                if not q.answered_by_user or q.name in state.hidden:
                    continue
                if not (q.required or (q.type is QType.REPEAT and q.min_rows > 0)):
                    continue
                total += 1
                if state.answers.get(q.name) not in (None, []) and q.name not in with_issues:
                    done += 1
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done if total else 1)
        self.progress_label.setText(self.tr("{done} of {total} required answers").format(done=done, total=total))

    def _update_nav(self) -> None:
        pages = len(self._visible)
        if self._page >= pages:
            self.page_label.setText(self.tr("Review"))
        else:
            section = self._visible[self._page]
            self.page_label.setText(self.tr("Page {page} of {pages} · {title}").format(
                page=self._page + 1, pages=pages, title=section.title.pick(self._language)))
        self.back_button.setEnabled(self._page > 0)
        self.next_button.setEnabled(self._page < pages)
        self.next_button.setText(self.tr("Review →") if self._page == pages - 1 else self.tr("Next →"))

    def _list_row_changed(self, row: int) -> None:
        if row >= 0 and row != self._page:
            self.go_to_page(row, focus_first=False)

    # -- focus -----------------------------------------------------------------------------------------------

    def _app_focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        if now is None or not self.isAncestorOf(now):
            return
        widget: QWidget | None = now
        while widget is not None and widget is not self:
            if isinstance(widget, RepeatQuestion):
                index = widget.table.currentIndex()
                if now is widget.table and index.isValid():
                    self._set_focus_path(widget.model.path(index.row(), index.column()))
                else:
                    self._set_focus_path(widget.path)
                return
            if isinstance(widget, QuestionWidget):
                self._set_focus_path(widget.path)
                return
            widget = widget.parentWidget()

    def _set_focus_path(self, path: str) -> None:
        if path != self._focus:
            self._focus = path
            self.focusChanged.emit(path)

    @staticmethod
    def _ensure_visible(page: _Page, widget: QWidget) -> None:
        with contextlib.suppress(RuntimeError):  # the view closed in between
            page.ensureWidgetVisible(widget, 0, 40)
