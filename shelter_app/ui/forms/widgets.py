"""One widget per question type, each with its label, hint and the message of what is wrong under it.

A question widget never judges an answer: it hands what the user typed or picked to the view
(`FormView.answer`), which passes it to `FormState` (the same rules as the headless `forms fill`),
and the view tells the widget what to show (`load`, `set_error`, `retranslate`). Numbers are typed
into plain line edits: a spin box would clamp 150 to 100 without saying so.
"""

from __future__ import annotations

import html
import json
from abc import abstractmethod
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from shelter_app.core.forms.model import NUMERIC_TYPES, QType, Question
from shelter_app.core.forms.values import AnswerError, display, normalise
from shelter_app.l10n import answer_text, format_number, table_date
from shelter_app.ui.errors import ERROR_STYLE

if TYPE_CHECKING:
    from shelter_app.ui.forms.renderer import FormView

MUTED = "color: #5f6368;"
REQUIRED_MARK = '<span style="color: #b00020;">&nbsp;*</span>'
NOTE_STYLE = ("QLabel { background: #eef3f8; border-left: 3px solid #4a78a8; padding: 8px 10px; "
              "color: #1f2d3a; }")
ERROR_FIELD = "QLineEdit, QPlainTextEdit { border: 1px solid #b00020; border-radius: 2px; padding: 2px; }"
FIELD_WIDTH = 420
NUMBER_WIDTH = 170

_RADIO_LIMIT = 5
"""Up to this many choices are radio buttons (all visible at once); more become a drop-down list."""


def edit_text(q: Question, value: object) -> str:
    """A canonical answer as text to edit again (no thousands separators: it must parse back unchanged)."""
    if value is None:
        return ""
    if q.value_type is QType.MONEY and isinstance(value, Mapping):
        return str(value.get("amount", ""))
    if q.value_type is QType.YES_NO and isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def pending_money(text: str) -> tuple[str, str | None]:
    """The amount and currency of a money answer kept as unparsed text (FormState keeps an object as JSON)."""
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            return text, None
        if isinstance(data, dict):
            currency = data.get("currency")
            return str(data.get("amount") or ""), currency if isinstance(currency, str) else None
    return text, None


def _button_text(text: str) -> str:
    """A choice's label on a button: "R&D" stays "R&D" (a single & would become a keyboard accelerator)."""
    return text.replace("&", "&&")


class QuestionWidget(QWidget):
    """Label (with a required mark), hint, the editor(s) built by the subclass, and the problem under it."""

    def __init__(self, q: Question, view: FormView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.q = q
        self.view = view
        self.path = q.name
        self._loading = False
        self.setObjectName(f"question:{q.name}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.setSpacing(4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setStyleSheet("font-weight: 600;")
        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)  # a definition's text is never markup
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(MUTED)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setObjectName(f"error:{q.name}")
        self.error.hide()
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label)
        self.body = QHBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(8)
        self.build()
        layout.addLayout(self.body)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        if q.read_only:
            self.set_read_only()
        self.retranslate()
        self.load()

    # -- what subclasses provide -----------------------------------------------------------------------

    @abstractmethod
    def build(self) -> None:
        """Create the type's input widgets inside `self.body`."""

    def load(self) -> None:
        """Show the state's answer (or the text still pending) without reporting it back as an edit."""

    def focus_target(self) -> QWidget | None:
        return None

    def retranslate_body(self) -> None:
        """Relabel choices and the like in the view's form language."""

    def set_read_only(self) -> None:
        for child in self.findChildren(QWidget):
            if isinstance(child, QLineEdit | QPlainTextEdit):
                child.setReadOnly(True)
            elif isinstance(child, QAbstractButton | QComboBox):
                child.setEnabled(False)

    # -- shared ------------------------------------------------------------------------------------------

    @property
    def language(self) -> str:
        return self.view.language

    def retranslate(self) -> None:
        q = self.q
        text = html.escape(q.label.pick(self.language))
        self.label.setText(text + (REQUIRED_MARK if q.required and q.answered_by_user else ""))
        hint = q.hint.pick(self.language) if q.hint else ""
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        target = self.focus_target()
        if target is not None:
            target.setAccessibleName(q.label.pick(self.language))
            target.setAccessibleDescription(hint)
        self.retranslate_body()

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        for edit in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            edit.setStyleSheet(ERROR_FIELD if text else "")

    def focus_editor(self) -> None:
        target = self.focus_target()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def give(self, raw: object) -> None:
        if not self._loading:
            self.view.answer(self.q.name, raw, self)

    def value(self) -> Any:
        return self.view.state.answers.get(self.q.name)

    def pending(self) -> str | None:
        return self.view.state.pending.get(self.q.name)


class LineQuestion(QuestionWidget):
    """Text, identifiers, numbers, dates and amounts: a line edit checked by FormState as the user types."""

    def build(self) -> None:
        q = self.q
        self.edit = QLineEdit()
        self.edit.setObjectName(f"field:{q.name}")
        numeric = q.value_type in NUMERIC_TYPES
        short = numeric or q.value_type in (QType.DATE, QType.POSTAL_CODE, QType.TARIFF_CODE, QType.RFC,
                                            QType.CURP, QType.PHONE)
        if numeric:
            self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.edit.setFixedWidth(NUMBER_WIDTH)
        elif q.value_type is QType.DATE:
            self.edit.setFixedWidth(NUMBER_WIDTH)
        elif short:
            self.edit.setFixedWidth(240)
        else:
            self.edit.setMinimumWidth(FIELD_WIDTH)
        if q.max_length:
            self.edit.setMaxLength(q.max_length + 50)  # FormState says what is too long; never cut silently
        self.edit.textEdited.connect(self._edited)
        self.edit.returnPressed.connect(self._next)  # Enter moves on; it never sends anything
        self.body.addWidget(self.edit, 0 if short else 1)
        self.currency: QComboBox | None = None
        self.suffix = QLabel()
        self.suffix.setTextFormat(Qt.TextFormat.PlainText)
        self.suffix.setStyleSheet(MUTED)
        if q.value_type is QType.MONEY and len(q.currencies) > 1:
            self.currency = QComboBox()
            self.currency.setObjectName(f"currency:{q.name}")
            self.currency.addItem("—", "")
            for code in q.currencies:
                self.currency.addItem(code, code)
            self.currency.currentIndexChanged.connect(self._edited)
            self.body.addWidget(self.currency)
        if q.value_type is QType.DATE:
            self.calendar_button = QToolButton()
            self.calendar_button.setText("…")
            self.calendar_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
            self.calendar_button.setMinimumWidth(30)
            self.calendar_button.setObjectName(f"calendar:{q.name}")
            self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(self.calendar_button)
            self.calendar = QCalendarWidget()
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
            action = QWidgetAction(menu)
            action.setDefaultWidget(self.calendar)
            menu.addAction(action)
            menu.aboutToShow.connect(self._calendar_at_value)
            self.calendar_button.setMenu(menu)
            self.body.addWidget(self.calendar_button)
        self.body.addWidget(self.suffix)
        if short:  # a short field stays at the left with its unit beside it
            self.body.addStretch(1)

    def retranslate_body(self) -> None:
        q = self.q
        kind = q.value_type
        placeholders = {
            QType.EMAIL: self.tr("name@company.com"),
            QType.PHONE: self.tr("e.g. +52 656 123 4567"),
            QType.RFC: self.tr("e.g. GODE561231GR8"),
            QType.CURP: self.tr("e.g. GODE561231HDFRRN09"),
            QType.POSTAL_CODE: self.tr("e.g. 32000"),
            QType.TARIFF_CODE: self.tr("e.g. 8708.99.99"),
            QType.DATE: self.tr("YYYY-MM-DD"),
        }
        self.edit.setPlaceholderText(placeholders.get(kind, ""))
        parts: list[str] = []
        if kind is QType.PERCENT:
            parts.append("%")
        if kind is QType.MONEY and len(q.currencies) <= 1:
            parts.append(q.currencies[0] if q.currencies else "USD")
        bounds = self._bounds_text()
        if bounds:
            parts.append(bounds)
        self.suffix.setText("  ".join(parts))
        self.suffix.setVisible(bool(parts))
        if kind is QType.DATE:
            self.calendar_button.setToolTip(self.tr("Pick the date on a calendar"))
            self.calendar_button.setAccessibleName(self.tr("Calendar"))

    def _bounds_text(self) -> str:
        q = self.q
        if q.value_type not in NUMERIC_TYPES and q.value_type is not QType.DATE:
            return ""
        low, high = q.minimum, q.maximum

        def show(bound: date | Decimal | int) -> str:
            if isinstance(bound, date):
                return table_date(bound, self.language)
            places = max(0, -int(bound.as_tuple().exponent)) if isinstance(bound, Decimal) else 0
            return format_number(bound, self.language, places)

        if low is not None and high is not None:
            return self.tr("({low} to {high})").format(low=show(low), high=show(high))
        if low is not None and q.value_type is QType.DATE:
            return self.tr("(from {low})").format(low=show(low))
        if high is not None:
            return self.tr("(at most {high})").format(high=show(high))
        return ""

    def focus_target(self) -> QWidget | None:
        return self.edit

    def load(self) -> None:
        self._loading = True
        try:
            pending = self.pending()
            currency: str | None = None
            if pending is not None:
                text = pending
                if self.q.value_type is QType.MONEY:
                    text, currency = pending_money(pending)
            else:
                value = self.value()
                text = edit_text(self.q, value)
                if isinstance(value, Mapping):
                    currency = value.get("currency")
            if self.edit.text() != text:
                self.edit.setText(text)
            if self.currency is not None:
                self.currency.setCurrentIndex(max(0, self.currency.findData(currency or "")))
        finally:
            self._loading = False

    def raw(self) -> object:
        text = self.edit.text()
        if self.currency is not None:
            if not text.strip():
                return None
            return {"amount": text, "currency": self.currency.currentData() or None}
        return text

    def _edited(self, *_: object) -> None:
        self.give(self.raw())

    def _next(self) -> None:
        self.focusNextChild()

    def _calendar_at_value(self) -> None:
        value = self.value()
        if isinstance(value, str):
            day = QDate.fromString(value, Qt.DateFormat.ISODate)
            if day.isValid():
                self.calendar.setSelectedDate(day)
                return
        self.calendar.setSelectedDate(QDate.currentDate())

    def _picked(self, day: QDate) -> None:
        self.edit.setText(day.toString(Qt.DateFormat.ISODate))
        menu = self.calendar_button.menu()
        if menu is not None:
            menu.close()
        self.give(self.edit.text())
        self.edit.setFocus()


class LongTextQuestion(QuestionWidget):
    def build(self) -> None:
        self.edit = QPlainTextEdit()
        self.edit.setObjectName(f"field:{self.q.name}")
        self.edit.setTabChangesFocus(True)  # keyboard users leave with Tab, as from any other field
        self.edit.setMinimumWidth(FIELD_WIDTH)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 5 + 12)
        self.edit.textChanged.connect(self._edited)
        self.body.addWidget(self.edit, 1)

    def focus_target(self) -> QWidget | None:
        return self.edit

    def load(self) -> None:
        pending = self.pending()
        text = pending if pending is not None else edit_text(self.q, self.value())
        if self.edit.toPlainText() != text:
            self._loading = True
            try:
                self.edit.setPlainText(text)
            finally:
                self._loading = False

    def _edited(self) -> None:
        self.give(self.edit.toPlainText())


class ChoiceQuestion(QuestionWidget):
    """Yes/no and short single-choice lists as radio buttons; unanswered stays possible (Clear)."""

    def build(self) -> None:
        q = self.q
        self.group = QButtonGroup(self)
        self.buttons: list[tuple[object, QRadioButton]] = []
        if q.value_type is QType.YES_NO:
            values: list[object] = [True, False]
        else:
            values = [c.value for c in q.choices]
        horizontal = q.value_type is QType.YES_NO
        box = QHBoxLayout() if horizontal else QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(14 if horizontal else 4)
        for index, value in enumerate(values):
            button = QRadioButton()
            button.setObjectName(f"choice:{q.name}:{value if not isinstance(value, bool) else str(value).lower()}")
            self.group.addButton(button, index)
            self.buttons.append((value, button))
            box.addWidget(button)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName(f"clear:{q.name}")
        self.clear_button.setFlat(True)
        self.clear_button.setAutoDefault(False)
        self.clear_button.setStyleSheet("QPushButton { color: #2c5d8f; text-decoration: underline; border: none; "
                                        "padding: 0 4px; }")
        self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_button.clicked.connect(self._clear)
        self.group.idToggled.connect(self._toggled)
        if horizontal:
            box.addWidget(self.clear_button)
            box.addStretch(1)
            self.body.addLayout(box, 1)
        else:
            box.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
            self.body.addLayout(box)
            self.body.addStretch(1)

    def retranslate_body(self) -> None:
        for value, button in self.buttons:
            if isinstance(value, bool):
                button.setText(self.tr("Yes") if value else self.tr("No"))
            else:
                choice = self.q.choice(str(value))
                button.setText(_button_text(choice.label.pick(self.language) if choice else str(value)))
        self.clear_button.setText(self.tr("Clear answer"))
        for _value, button in self.buttons:
            button.setAccessibleDescription(self.q.label.pick(self.language))

    def focus_target(self) -> QWidget | None:
        checked = self.group.checkedButton()
        return checked or (self.buttons[0][1] if self.buttons else None)

    def load(self) -> None:
        value = self.value()
        self._loading = True
        try:
            self.group.setExclusive(False)
            for option, button in self.buttons:
                button.setChecked(value is not None and option == value)
            self.group.setExclusive(True)
        finally:
            self._loading = False
        self.clear_button.setVisible(value is not None and not self.q.read_only)

    def _toggled(self, index: int, checked: bool) -> None:
        if checked and not self._loading:
            self.give(self.buttons[index][0])
            self.clear_button.setVisible(True)

    def _clear(self) -> None:
        self.give(None)
        self.load()
        self.focus_editor()


class ComboQuestion(QuestionWidget):
    """A long single-choice list: a drop-down with an empty first entry (unanswered)."""

    def build(self) -> None:
        self.combo = QComboBox()
        self.combo.setObjectName(f"field:{self.q.name}")
        self.combo.addItem("", "")
        for choice in self.q.choices:
            self.combo.addItem(choice.value, choice.value)
        self.combo.setMinimumWidth(260)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.currentIndexChanged.connect(self._chosen)
        self.body.addWidget(self.combo)
        self.body.addStretch(1)

    def retranslate_body(self) -> None:
        self.combo.setItemText(0, self.tr("— choose —"))
        for index, choice in enumerate(self.q.choices, start=1):
            self.combo.setItemText(index, choice.label.pick(self.language))

    def focus_target(self) -> QWidget | None:
        return self.combo

    def load(self) -> None:
        value = self.value()
        self._loading = True
        try:
            index = next((i for i, c in enumerate(self.q.choices, start=1) if c.value == value), 0)
            self.combo.setCurrentIndex(index)
        finally:
            self._loading = False

    def _chosen(self, index: int) -> None:
        self.give(self.q.choices[index - 1].value if index > 0 else None)


class MultiQuestion(QuestionWidget):
    """Tick any number of choices (the definition may bound how many)."""

    def build(self) -> None:
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        self.checks: list[tuple[str, QCheckBox]] = []
        for choice in self.q.choices:
            check = QCheckBox()
            check.setObjectName(f"choice:{self.q.name}:{choice.value}")
            check.toggled.connect(self._toggled)
            self.checks.append((choice.value, check))
            box.addWidget(check)
        self.body.addLayout(box)
        self.body.addStretch(1)

    def retranslate_body(self) -> None:
        for value, check in self.checks:
            choice = self.q.choice(value)
            check.setText(_button_text(choice.label.pick(self.language) if choice else value))

    def focus_target(self) -> QWidget | None:
        return self.checks[0][1] if self.checks else None

    def load(self) -> None:
        picked = self.value() or []
        self._loading = True
        try:
            for value, check in self.checks:
                check.setChecked(value in picked)
        finally:
            self._loading = False
        self._limit()

    def _toggled(self, _checked: bool) -> None:
        self.give([value for value, check in self.checks if check.isChecked()])
        self._limit()

    def _limit(self) -> None:
        """At the most the definition allows, the other boxes wait (rather than a tick refused after the fact)."""
        high = self.q.maximum
        if not isinstance(high, int) or self.q.read_only:
            return
        full = sum(check.isChecked() for _value, check in self.checks) >= high
        for _value, check in self.checks:
            check.setEnabled(check.isChecked() or not full)


def choose_attachment(parent: QWidget, q: Question) -> Path | None:
    """The file dialog of a file question (a question of the form or a table cell), filtered by its types."""
    patterns = " ".join(f"*.{e.lower()}" for e in q.extensions)
    accepted = QCoreApplication.translate("FileQuestion", "Accepted files")
    filters = f"{accepted} ({patterns})" if patterns else QCoreApplication.translate("FileQuestion", "All files (*)")
    title = QCoreApplication.translate("FileQuestion", "Attach a file")
    name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return Path(name) if name else None


def attachment_problem(q: Question, source: Path, language: str) -> str | None:
    """Why `source` cannot answer `q`, checked before the file is copied (a 2 GB video is not stored to be refused
    afterwards); the same words as the form state's check of the stored answer."""
    try:
        size = source.stat().st_size
    except OSError as exc:
        return str(exc)
    try:
        normalise(q, {"name": source.name, "sha256": "0" * 64, "size": size})
    except AnswerError as exc:
        return exc.message(language)
    return None


class FileQuestion(QuestionWidget):
    """Attach one file: it is copied into the app's files under its SHA-256 (on the worker) and sent with
    the response; the answer keeps its name, fingerprint and size."""

    def build(self) -> None:
        self.attach = QPushButton()
        self.attach.setObjectName(f"attach:{self.q.name}")
        self.attach.setAutoDefault(False)
        self.attach.clicked.connect(self._choose)
        self.name_label = QLabel()
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setObjectName(f"file:{self.q.name}")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.remove = QPushButton()
        self.remove.setObjectName(f"remove:{self.q.name}")
        self.remove.setAutoDefault(False)
        self.remove.clicked.connect(self._remove)
        self.body.addWidget(self.attach)
        self.body.addWidget(self.name_label)
        self.body.addWidget(self.remove)
        self.body.addStretch(1)

    def retranslate_body(self) -> None:
        self.attach.setText(self.tr("Attach…"))
        self.remove.setText(self.tr("Remove"))
        self._show_name()

    def focus_target(self) -> QWidget | None:
        return self.attach

    def load(self) -> None:
        self._show_name()

    def _show_name(self) -> None:
        value = self.value()
        if value:
            self.name_label.setText(display(self.q, value, self.language))
            self.name_label.setStyleSheet("")
        else:
            self.name_label.setText(self.tr("No file attached"))
            self.name_label.setStyleSheet(MUTED)
        self.remove.setVisible(bool(value) and not self.q.read_only)
        self.attach.setText(self.tr("Replace…") if value else self.tr("Attach…"))

    def _choose(self) -> None:
        source = choose_attachment(self, self.q)
        if source is not None:
            self.attach_file(source)

    def attach_file(self, source: Path) -> None:
        problem = attachment_problem(self.q, source, self.language)
        if problem:
            self.set_error(problem)
            return
        self.view.attach(self.q.name, source, self)

    def _remove(self) -> None:
        self.give(None)
        self._show_name()
        self.attach.setFocus()


class NoteQuestion(QuestionWidget):
    """Text to read; no answer."""

    def build(self) -> None:
        self.label.hide()
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.body.addWidget(self.note, 1)

    def retranslate_body(self) -> None:
        self.note.setText(self.q.label.pick(self.language))


class CalculatedQuestion(QuestionWidget):
    """A value the form works out from other answers: shown, never typed."""

    def build(self) -> None:
        self.shown = QLabel()
        self.shown.setTextFormat(Qt.TextFormat.PlainText)
        self.shown.setObjectName(f"field:{self.q.name}")
        self.shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shown.setStyleSheet("QLabel { background: #f4f5f7; border: 1px solid #d9dce1; border-radius: 3px; "
                                 "padding: 3px 8px; font-weight: 600; }")
        self.shown.setMinimumWidth(NUMBER_WIDTH)
        self.shown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.auto = QLabel()
        self.auto.setStyleSheet(MUTED)
        self.body.addWidget(self.shown)
        self.body.addWidget(self.auto)
        self.body.addStretch(1)

    def retranslate_body(self) -> None:
        self.auto.setText(self.tr("calculated"))
        self.load()

    def load(self) -> None:
        value = self.value()
        self.shown.setText(answer_text(self.q, value, self.language) if value is not None else "—")


def make_question(q: Question, view: FormView, parent: QWidget | None = None) -> QuestionWidget:
    kind = q.type
    if kind is QType.REPEAT:
        from shelter_app.ui.forms.repeat import RepeatQuestion

        return RepeatQuestion(q, view, parent)
    if kind is QType.NOTE:
        return NoteQuestion(q, view, parent)
    if kind is QType.CALCULATE:
        return CalculatedQuestion(q, view, parent)
    if kind is QType.LONG_TEXT:
        return LongTextQuestion(q, view, parent)
    if kind is QType.YES_NO or (kind is QType.SELECT_ONE and len(q.choices) <= _RADIO_LIMIT):
        return ChoiceQuestion(q, view, parent)
    if kind is QType.SELECT_ONE:
        return ComboQuestion(q, view, parent)
    if kind is QType.SELECT_MULTIPLE:
        return MultiQuestion(q, view, parent)
    if kind is QType.FILE:
        return FileQuestion(q, view, parent)
    return LineQuestion(q, view, parent)
