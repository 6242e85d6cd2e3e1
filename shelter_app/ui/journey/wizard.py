"""The setup journey's wizard: `core.journey.Journey` decides, this dialog only draws (Electrum's split).

A QDialog with a page stack rather than a QWizard: the flow owns the Back stack and which questions
a step asks (they change with the operating model), so QWizard's own page ids and history would be
a second, competing navigation. Next hands the page's raw values to `Journey.go_next`; its
ValidationError is shown at the field it names and the page stays. Back calls `go_back` and refills
the page from the stored answers.

"Save and close" stores the journey mid-way (what is typed on the current page too, when it is
valid so far), so a consultant can stop and come back; Finish saves and applies the journey
(`services.checklists`), then emits `finished_journey` with the `ApplyResult`. Every database call
goes through the DbRunner.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import pairwise
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from shelter_app.core.errors import UserError, ValidationError
from shelter_app.core.journey import STEP_TITLES, STEPS, Journey, Step
from shelter_app.ui.errors import ERROR_STYLE, handle_error, ui_language
from shelter_app.ui.journey.pages import StepPage
from shelter_app.ui.screenfit import fit_window
from shelter_app.ui.worker import DbRunner

if TYPE_CHECKING:  # storage and services load sqlmodel: not at import time
    from shelter_app.services.checklists import JourneyState


def draft_journey(journey: Journey, values: Mapping[str, object]) -> Journey:
    """A copy of `journey` keeping `values` as the current step's answers without moving on.

    The flow checks them as answers of a step not finished yet (blank required questions pass,
    a wrong value raises its ValidationError), the way it reads a saved journey.
    """
    data = journey.to_dict()
    answers = dict(cast(Mapping[str, object], data["answers"]))
    answers[journey.current.value] = dict(values)
    return Journey.from_dict({**data, "answers": answers})


def with_page_answers(journey: Journey, values: Mapping[str, object]) -> Journey:
    """A copy of `journey` holding the current page's answers, for saving mid-way.

    Complete answers go in through the flow itself (Next, then Back: the branch is reconciled as
    Next would); answers still incomplete are kept as a draft. Raises the ValidationError of a
    wrong value.
    """
    copy = Journey.from_dict(journey.to_dict())
    if journey.current is STEPS[-1]:
        return copy
    try:
        copy.go_next(values)
    except ValidationError:
        return draft_journey(journey, values)
    copy.go_back()
    return copy


class JourneyWizard(QDialog):
    """Walk a project through the setup journey, one page per step."""

    finished_journey = Signal(object)  # the ApplyResult of services.checklists.apply_journey
    saved = Signal(object)  # the Changes of each save

    def __init__(self, runner: DbRunner, db: Any, actor: str, project_id: int, state: JourneyState,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.db, self.actor, self.project_id = runner, db, actor, project_id
        self.journey: Journey = state.journey
        self.version: int | None = state.version
        self.language = ui_language()
        self.dirty = False
        self.busy = False
        self.pages: dict[Step, StepPage] = {}
        self._scrolls: dict[Step, QScrollArea] = {}
        self.setWindowTitle(self.tr("Setup journey"))
        self.setModal(True)

        outer = QVBoxLayout(self)
        body = QHBoxLayout()
        self.step_labels: dict[Step, QLabel] = {}
        steps = QFrame()
        steps.setObjectName("steps")
        steps.setStyleSheet("QFrame#steps { background: #f2f4f7; border-right: 1px solid #d0d4da; }")
        steps.setFixedWidth(210)
        step_column = QVBoxLayout(steps)
        for step in STEPS:
            label = QLabel(STEP_TITLES[step].pick(self.language))
            label.setWordWrap(True)
            self.step_labels[step] = label
            step_column.addWidget(label)
        step_column.addStretch(1)
        body.addWidget(steps)
        self.stack = QStackedWidget()
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)

        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.hide()
        outer.addWidget(self.banner)

        buttons = QHBoxLayout()
        self.save_close_button = QPushButton(self.tr("&Save and close"))
        self.save_close_button.setToolTip(self.tr("Keep the answers so far and continue later"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.back_button = QPushButton(self.tr("< &Back"))
        self.next_button = QPushButton(self.tr("&Next >"))
        self.finish_button = QPushButton(self.tr("&Finish"))
        self.finish_button.setToolTip(self.tr("Save the journey and create the project's checklists"))
        buttons.addWidget(self.save_close_button)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.finish_button, self.cancel_button):
            buttons.addWidget(button)
        outer.addLayout(buttons)
        self.save_close_button.clicked.connect(self.save_and_close)
        self.cancel_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.finish_button.clicked.connect(self.finish)

        fit_window(self, 960, 680, parent)
        self._show_current(refill=True)

    # -- drawing the current step --------------------------------------------------------------------------

    @property
    def page(self) -> StepPage:
        return self._page_for(self.journey.current)

    def _page_for(self, step: Step) -> StepPage:
        """The step's page, drawn again when the flow now asks other questions (the branch changed)."""
        specs = tuple(self.journey.step_fields(step))
        page = self.pages.get(step)
        if page is not None and page.specs == specs:
            return page
        if page is not None:
            old = self._scrolls.pop(step)
            self.stack.removeWidget(old)
            old.deleteLater()
        notice = self.journey.step_notice(step)
        page = StepPage(step, specs, self.language, notice.pick(self.language) if notice else None)
        page.fill(self.journey.step_answers(step))
        page.edited.connect(self._page_edited)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        self.stack.addWidget(scroll)
        self.pages[step], self._scrolls[step] = page, scroll
        return page

    def _show_current(self, *, refill: bool) -> None:
        step = self.journey.current
        page = self.page
        if refill:
            page.fill(self.journey.step_answers(step))
        page.clear_errors()
        self.banner.hide()
        self._refresh_extras()
        self.stack.setCurrentWidget(self._scrolls[step])
        for other, label in self.step_labels.items():
            position = STEPS.index(other) - STEPS.index(step)
            label.setStyleSheet("font-weight: bold;" if position == 0 else "color: #7a7f87;" if position > 0 else "")
        last = step is STEPS[-1]
        self.back_button.setEnabled(self.journey.can_go_back)
        self.next_button.setVisible(not last)
        self.finish_button.setVisible(last)
        self.finish_button.setEnabled(self.journey.can_finish)
        default = self.finish_button if last else self.next_button
        default.setDefault(True)  # Enter = Next (or Finish)
        chain = [*page.focus_chain(), self.back_button, self.next_button, self.finish_button,
                 self.save_close_button, self.cancel_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        # a focused push button takes Enter for itself: with no question on the page, focus the default one
        (page.focus_chain() or [default])[0].setFocus()

    def _page_edited(self) -> None:
        self.dirty = True
        self._refresh_extras()

    def _refresh_extras(self) -> None:
        """The page's zone, summary and recommendations follow what is typed, as far as it is valid."""
        page = self.page
        if page.zone_box is None and page.summary is None and page.recommendations is None:
            return
        try:
            page.refresh(draft_journey(self.journey, page.values()) if page.inputs else self.journey)
        except ValidationError:
            page.refresh(self.journey)
            if page.zone_box is not None:
                page.zone_box.show_zone(None)

    def show_error(self, error: UserError) -> None:
        """At the question it names, or in the banner under the page."""
        text = error.message(self.language)
        if error.field and self.page.show_error(error.field, text):
            return
        self.banner.setText(text)
        self.banner.show()

    # -- moving ----------------------------------------------------------------------------------------------

    def go_next(self) -> None:
        if self.busy or self.journey.current is STEPS[-1]:
            return
        self.page.clear_errors()
        self.banner.hide()
        try:
            self.journey.go_next(self.page.values())
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.dirty = True
        self._show_current(refill=False)

    def go_back(self) -> None:
        if self.busy or not self.journey.can_go_back:
            return
        self.journey.go_back()
        self._show_current(refill=True)

    # -- saving ----------------------------------------------------------------------------------------------

    def save_and_close(self) -> None:
        if self.busy:
            return
        self.page.clear_errors()
        self.banner.hide()
        try:
            snapshot = with_page_answers(self.journey, self.page.values())
        except ValidationError as exc:
            self.show_error(exc)
            return
        self._save(snapshot, self.accept)

    def finish(self) -> None:
        if self.busy or not self.journey.can_finish:
            return
        self._save(Journey.from_dict(self.journey.to_dict()), self._apply)

    def _save(self, journey: Journey, then: Callable[[], None]) -> None:
        db, actor, project_id, version = self.db, self.actor, self.project_id, self.version

        def save() -> tuple[Any, int | None]:
            from shelter_app.services import checklists

            changes = checklists.save_journey(db, actor, project_id, journey, version)
            return changes, checklists.get_journey(db, project_id).version

        def saved(outcome: tuple[Any, int | None]) -> None:
            changes, self.version = outcome
            self.dirty = False
            self.saved.emit(changes)
            then()

        self._set_busy(True)
        self.runner.run(save, saved, self._failed)

    def _apply(self) -> None:
        db, actor, project_id = self.db, self.actor, self.project_id

        def apply() -> Any:
            from shelter_app.services import checklists

            return checklists.apply_journey(db, actor, project_id)

        self.runner.run(apply, self._applied, self._failed)

    def _applied(self, result: Any) -> None:
        self._set_busy(False)
        self.finished_journey.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        from shelter_app.services.errors import EditConflict

        if isinstance(error, EditConflict):
            self.banner.setText(self.tr("A colleague saved this journey after you opened it; nothing was "
                                        "overwritten. Close the journey and open it again to see their answers."))
            self.banner.show()
        elif isinstance(error, UserError):
            self.show_error(error)
        else:
            handle_error(self, error)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.save_close_button, self.back_button, self.next_button, self.finish_button):
            button.setEnabled(not busy)
        if not busy:
            self.back_button.setEnabled(self.journey.can_go_back)
            self.finish_button.setEnabled(self.journey.can_finish)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def reject(self) -> None:
        """Cancel, Escape or the window's close button: answers entered since the last save are offered for saving."""
        if self.busy:
            return
        if self.dirty:
            buttons = QMessageBox.StandardButton
            choice = QMessageBox.question(
                self, self.tr("Close the journey"),
                self.tr("Save the answers entered since the last save? You can continue the journey later."),
                buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
            if choice == buttons.Cancel:
                return
            if choice == buttons.Save:
                self.save_and_close()
                return
        super().reject()
