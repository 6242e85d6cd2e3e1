"""One input widget per `FieldKind`: each gives the raw value the flow validates and takes a stored one back.

The widgets check nothing themselves (no validators that silently refuse a key): what is typed
goes to `Journey.go_next`, and its ValidationError is shown at the field, so the wizard, the CLI
and a saved file all meet the same rules.
"""

from __future__ import annotations

from abc import abstractmethod
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shelter_app.core.journey import FieldKind, FieldSpec
from shelter_app.l10n import babel_locale, date_edit_format


class FieldInput(QWidget):
    """The common face of the inputs: a value out, a value in, `edited` when the user changes it."""

    edited = Signal()

    def __init__(self, spec: FieldSpec, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.language = language
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    @abstractmethod
    def value(self) -> object:
        """The answer as the journey flow takes it."""

    @abstractmethod
    def set_value(self, value: object) -> None:
        """Show a stored answer."""

    @abstractmethod
    def focus_chain(self) -> list[QWidget]:
        """The widgets Tab visits, in order."""

    def point_at(self, field: str) -> None:
        """Put the focus where `field` (the name an error gives) is wrong."""
        chain = self.focus_chain()
        if chain:
            chain[0].setFocus()


class TextInput(FieldInput):
    def __init__(self, spec: FieldSpec, language: str, parent: QWidget | None = None) -> None:
        super().__init__(spec, language, parent)
        self.edit = QLineEdit()
        self.edit.textEdited.connect(self.edited)
        self.layout_.addWidget(self.edit)

    def value(self) -> object:
        return self.edit.text()

    def set_value(self, value: object) -> None:
        self.edit.setText("" if value is None else str(value))

    def focus_chain(self) -> list[QWidget]:
        return [self.edit]


def _grouped(value: object) -> str:
    """A stored amount ("12000000") as typed with thousands separators ("12,000,000")."""
    try:
        return f"{Decimal(str(value)):,}"
    except InvalidOperation:
        return str(value)


class NumberInput(FieldInput):
    """Amounts and percentages: free text (the flow reads "1,234.50", "62.5 %"), the unit beside it."""

    def __init__(self, spec: FieldSpec, language: str, parent: QWidget | None = None) -> None:
        super().__init__(spec, language, parent)
        self.edit = QLineEdit()
        self.edit.setMaximumWidth(220)
        self.edit.textEdited.connect(self.edited)
        self.layout_.addWidget(self.edit)
        if spec.unit:
            self.layout_.addWidget(QLabel(spec.unit))
        self.layout_.addStretch(1)

    def value(self) -> object:
        return self.edit.text()

    def set_value(self, value: object) -> None:
        if value is None or value == "":
            self.edit.clear()
        else:
            self.edit.setText(_grouped(value) if self.spec.kind is FieldKind.AMOUNT else str(value))

    def focus_chain(self) -> list[QWidget]:
        return [self.edit]


class ChoiceInput(FieldInput):
    """A combo of the spec's choices: an optional question starts with a "not answered" entry, a required one
    with nothing chosen (a placeholder), so no answer is ever picked for the user."""

    def __init__(self, spec: FieldSpec, language: str, parent: QWidget | None = None) -> None:
        super().__init__(spec, language, parent)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        if not spec.required:
            self.combo.addItem(self.tr("(not answered)"), "")
        for choice in spec.choices:
            self.combo.addItem(choice.label.pick(language), choice.value)
        self.combo.setPlaceholderText(self.tr("Choose…"))
        self.combo.setCurrentIndex(-1 if spec.required else 0)
        self.combo.activated.connect(lambda _index: self.edited.emit())
        self.layout_.addWidget(self.combo)
        self.layout_.addStretch(1)

    def value(self) -> object:
        data = self.combo.currentData()
        return "" if data is None else str(data)

    def set_value(self, value: object) -> None:
        index = self.combo.findData("" if value is None else str(value))
        self.combo.setCurrentIndex(index if index >= 0 else (-1 if self.spec.required else 0))

    def focus_chain(self) -> list[QWidget]:
        return [self.combo]


class BoolInput(FieldInput):
    """A check box carrying the question itself (the form leaves its label column empty)."""

    def __init__(self, spec: FieldSpec, language: str, parent: QWidget | None = None) -> None:
        super().__init__(spec, language, parent)
        self.box = QCheckBox(spec.label.pick(language))
        self.box.clicked.connect(lambda _checked: self.edited.emit())
        self.layout_.addWidget(self.box)

    def value(self) -> object:
        return self.box.isChecked()

    def set_value(self, value: object) -> None:
        self.box.setChecked(value is True)

    def focus_chain(self) -> list[QWidget]:
        return [self.box]


class DateInput(FieldInput):
    def __init__(self, spec: FieldSpec, language: str, parent: QWidget | None = None) -> None:
        super().__init__(spec, language, parent)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setLocale(QLocale(babel_locale(language)))  # month names in the UI language
        self.edit.setDisplayFormat(date_edit_format(language))
        self.edit.setDate(QDate.currentDate())
        self.edit.dateChanged.connect(lambda _date: self.edited.emit())
        self.layout_.addWidget(self.edit)
        self.layout_.addStretch(1)

    def value(self) -> object:
        d = self.edit.date()
        return date(d.year(), d.month(), d.day())

    def set_value(self, value: object) -> None:
        if isinstance(value, str) and value:
            d = date.fromisoformat(value)
            self.edit.setDate(QDate(d.year, d.month, d.day))

    def focus_chain(self) -> list[QWidget]:
        return [self.edit]


ROLE_COLUMNS = ("role", "headcount", "shifts")


class RolesInput(FieldInput):
    """Rows of role, headcount and shifts a day, typed as text; empty rows are ignored."""

    def __init__(self, spec: FieldSpec, language: str, parent: QWidget | None = None) -> None:
        super().__init__(spec, language, parent)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(ROLE_COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Headcount"), self.tr("Shifts a day")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        triggers = QAbstractItemView.EditTrigger
        # typing starts editing a cell, as in a spreadsheet; merely moving onto one does not
        self.table.setEditTriggers(triggers.AnyKeyPressed | triggers.EditKeyPressed | triggers.DoubleClicked
                                   | triggers.SelectedClicked)
        self.table.setMinimumHeight(150)
        self.table.itemChanged.connect(lambda _item: self.edited.emit())
        column.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add role"))
        self.remove_button = QPushButton(self.tr("&Remove role"))
        for button in (self.add_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.layout_.addLayout(column)
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button.clicked.connect(self.remove_row)

    def add_row(self, role: str = "", headcount: str = "", shifts: str = "1") -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for c, text in enumerate((role, headcount, shifts)):
            self.table.setItem(row, c, QTableWidgetItem(text))
        self.table.blockSignals(False)
        return row

    def _add_clicked(self) -> None:
        self.table.setCurrentCell(self.add_row(), 0)
        self.table.setFocus()
        self.edited.emit()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.edited.emit()

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def value(self) -> object:
        rows = []
        for r in range(self.table.rowCount()):
            role, headcount, shifts = (self.cell(r, c) for c in range(len(ROLE_COLUMNS)))
            if not (role or headcount or shifts):
                continue
            row: dict[str, object] = {"role": role, "headcount": headcount}
            if shifts:
                row["shifts"] = shifts  # blank: the flow's default, one shift
            rows.append(row)
        return rows

    def set_value(self, value: object) -> None:
        self.table.setRowCount(0)
        for row in value if isinstance(value, list) else []:
            if isinstance(row, dict):
                self.add_row(*(str(row.get(c, "")) for c in ROLE_COLUMNS))
        if self.table.rowCount() == 0:
            self.add_row()

    def focus_chain(self) -> list[QWidget]:
        return [self.table, self.add_button, self.remove_button]

    def point_at(self, field: str) -> None:
        """`roles[2].headcount` selects that cell; `roles` alone the table."""
        self.table.setFocus()
        inside = field.removeprefix(f"{self.spec.name}[")
        index, _, name = inside.partition("].")
        if not index.isdecimal():
            return
        # the flow numbers the rows it was given: the non-empty ones
        filled = [r for r in range(self.table.rowCount()) if any(self.cell(r, c) for c in range(len(ROLE_COLUMNS)))]
        if int(index) < len(filled):
            column = ROLE_COLUMNS.index(name) if name in ROLE_COLUMNS else 0
            self.table.setCurrentCell(filled[int(index)], column)


INPUTS: dict[FieldKind, type[FieldInput]] = {
    FieldKind.TEXT: TextInput,
    FieldKind.CHOICE: ChoiceInput,
    FieldKind.BOOL: BoolInput,
    FieldKind.AMOUNT: NumberInput,
    FieldKind.PERCENT: NumberInput,
    FieldKind.YEARS: NumberInput,
    FieldKind.DATE: DateInput,
    FieldKind.ROLES: RolesInput,
}


def make_input(spec: FieldSpec, language: str) -> FieldInput:
    return INPUTS[spec.kind](spec, language)
