"""The inputs of one business-case scenario: tabs of fields, the roles table, the start-up items.

The editor keeps a working copy of the scenario's `business-case@1` document and changes it as the
consultant types; `edited` tells the page to recompute (the model takes milliseconds). A value that
is not a number is refused at its field at once; a value the contract refuses comes back from the
page through `show_problem` with the JSON path, and lands on the input that holds it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shelter_app.core.business_case import marks
from shelter_app.core.scenario_prefill import ONE_TIME_ITEMS, STANDARD_ROLES, new_role, standard_name
from shelter_app.ui.business.fields import (
    FieldSpec,
    Path,
    benefit_fields,
    china_fields,
    get_in,
    one_time_columns,
    parse_number,
    path_text,
    role_columns,
    sections,
    set_in,
)
from shelter_app.ui.errors import ERROR_STYLE

MUTED = "color: #6b6b6b; font-size: 9pt;"
INDICATIVE = "background: #fff4ce;"
MISSING = "color: #7a4d00; font-size: 9pt;"
HUNDRED = Decimal(100)


def show_number(value: Any, percent: bool = False, grouped: bool = True) -> str:
    """A stored number as the consultant reads it: 60,000 and 0.7, a rate as 10 (percent), a year as 2026."""
    if value is None or isinstance(value, bool):
        return ""
    number = Decimal(str(value)) * (HUNDRED if percent else 1)
    number = number.normalize()
    if number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    return f"{number:,}" if grouped else f"{number}"


class FieldInput(QWidget):
    """One input with its unit, its hint, and (for a reference value replaced) the reason."""

    changed = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.prefix: Path = ()  # the selected role's path for its benefits
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.hint = QLabel(spec.hint)
        self.hint.setStyleSheet(MUTED)
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(spec.hint))
        self.note = QLabel()  # where a drawn default came from, or why none could be drawn
        self.note.setWordWrap(True)
        self.note.hide()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why this value replaces the reference (printed in the assumptions)"))
        self.reason.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.editor: QWidget
        if spec.kind == "bool":
            self.editor = QCheckBox()
            self.editor.toggled.connect(lambda *_: self.changed.emit())
        elif spec.kind == "choice":
            combo = QComboBox()
            for code, text in spec.choices:
                combo.addItem(text, code)
            combo.currentIndexChanged.connect(lambda *_: self.changed.emit())
            self.editor = combo
        else:
            edit = QLineEdit()
            edit.textEdited.connect(lambda *_: self.changed.emit())
            if spec.kind not in ("text", "date"):
                edit.setAlignment(Qt.AlignmentFlag.AlignRight)
                edit.setMaximumWidth(160)
            if spec.kind == "date":
                edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
                edit.setMaximumWidth(160)
            if spec.reference:
                edit.setPlaceholderText(self.tr("reference value"))
            self.editor = edit
        self.editor.setObjectName(f"field:{spec.key}")
        self.editor.setAccessibleName(spec.label)  # the form's label names the row, not this input
        self.reason.setAccessibleName(self.tr("Why this value replaces the reference"))
        row.addWidget(self.editor, 1 if spec.kind == "text" else 0)
        if spec.unit:
            unit = QLabel(spec.unit)
            unit.setStyleSheet(MUTED)
            row.addWidget(unit)
        if spec.kind != "text":  # a text takes the row; a number stays short with its unit beside it
            row.addStretch(1)
        self.reason.textEdited.connect(lambda *_: self.changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.reason)
        layout.addWidget(self.problem)
        layout.addWidget(self.note)
        layout.addWidget(self.hint)

    @property
    def path(self) -> Path:
        return (*self.prefix, *self.spec.path)

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def set_note(self, text: str, missing: bool = False) -> None:
        """Where the prefill drew this default from, or (`missing`) why it could not draw one."""
        self.note.setText(text)
        self.note.setStyleSheet(MISSING if missing else MUTED)
        self.note.setVisible(bool(text))

    def set_value(self, value: Any, reason: str = "") -> None:
        self.editor.blockSignals(True)
        if isinstance(self.editor, QCheckBox):
            self.editor.setChecked(bool(value))
        elif isinstance(self.editor, QComboBox):
            index = self.editor.findData(value)
            self.editor.setCurrentIndex(max(index, 0) if value is not None or not self.spec.optional else 0)
        elif isinstance(self.editor, QLineEdit):
            self.editor.setText(str(value or "") if self.spec.kind in ("text", "date") else
                                show_number(value, self.spec.kind == "percent", grouped=self.spec.kind != "int"))
        self.editor.blockSignals(False)
        self.reason.setText(reason)
        self.reason.setVisible(self.spec.reference and value is not None)

    def value(self) -> Any:
        """The value for the document (None: leave it out); raises ValueError for a wrong number."""
        if isinstance(self.editor, QCheckBox):
            return self.editor.isChecked()
        if isinstance(self.editor, QComboBox):
            return self.editor.currentData()
        text = self.editor.text().strip() if isinstance(self.editor, QLineEdit) else ""
        if self.spec.kind == "text":
            return text or None
        if self.spec.kind == "date":
            if not text:
                return None
            return date.fromisoformat(text).isoformat()  # ValueError for anything but YYYY-MM-DD
        if not text:
            if self.spec.optional:
                return None
            raise ValueError(text)
        number = parse_number(text)
        if self.spec.kind == "int":
            if number != number.to_integral_value():
                raise ValueError(text)
            return int(number)
        return number / HUNDRED if self.spec.kind == "percent" else number

    def set_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.editor.setStyleSheet(f"QLineEdit {{ {ERROR_STYLE} }}" if text and isinstance(self.editor, QLineEdit)
                                  else "")

    def set_indicative(self, on: bool) -> None:
        if isinstance(self.editor, QLineEdit) and not self.problem.isVisible():
            self.editor.setStyleSheet(f"QLineEdit {{ {INDICATIVE} }}" if on else "")
        self.editor.setToolTip(self.tr("Indicative figure from the prefill: replace it with the client's own.")
                               if on else "")


class ScenarioEditor(QWidget):
    """Edit one scenario document; `edited` after every change (the page debounces and recomputes)."""

    edited = Signal()

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.document: dict[str, Any] = {}
        self.inputs: dict[str, FieldInput] = {}
        self._filling = False
        self.tabs = QTabWidget()
        self.tabs.setObjectName("businessInputs")
        self.tabs.setDocumentMode(True)
        boxes = {"workforce.roles": self._roles_box, "one_time.items": self._one_time_box,
                 "_china_baseline": self._china_box}
        from shelter_app.core.business_case.schema import EDITOR_TABS

        for section, tab in zip(sections(language), EDITOR_TABS, strict=True):
            page = QWidget()
            form = QFormLayout(page)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for spec in section.fields:
                form.addRow(spec.label, self._input(spec))
            for path in tab.paths:
                if path in boxes:
                    form.addRow(boxes[path]())
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(page)
            self.tabs.addTab(scroll, section.title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _input(self, spec: FieldSpec, into: dict[str, FieldInput] | None = None) -> FieldInput:
        widget = FieldInput(spec)
        widget.changed.connect(lambda w=widget: self._field_changed(w))
        (self.inputs if into is None else into)[spec.key] = widget
        return widget

    # -- roles --------------------------------------------------------------------------------------------------
    def _roles_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Headcount plan by role"))
        self.role_specs = role_columns(self.language)
        self.roles = QTableWidget(0, len(self.role_specs))
        self.roles.setObjectName("rolesTable")
        self.roles.setAccessibleName(box.title())
        self.roles.setHorizontalHeaderLabels([_header(spec) for spec in self.role_specs])
        header = self.roles.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.roles.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.roles.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.roles.setMinimumHeight(150)
        self.roles.itemChanged.connect(self._role_cell_changed)
        self.roles.itemSelectionChanged.connect(self._show_benefits)
        add = QPushButton(self.tr("Add &role"))
        add.clicked.connect(self.add_role)
        self.remove_role_button = QPushButton(self.tr("Remove role"))
        self.remove_role_button.clicked.connect(self.remove_role)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove_role_button)
        buttons.addStretch(1)
        self.roles_problem = QLabel()
        self.roles_problem.setStyleSheet(ERROR_STYLE)
        self.roles_problem.setWordWrap(True)
        self.roles_problem.hide()
        self.benefits_box = QGroupBox(self.tr("Market benefits of the selected role (outside the SBC)"))
        self.benefit_inputs: dict[str, FieldInput] = {}
        benefits_form = QFormLayout(self.benefits_box)
        for spec in benefit_fields(self.language):
            benefits_form.addRow(spec.label, self._input(spec, self.benefit_inputs))
        layout = QVBoxLayout(box)
        layout.addWidget(self.roles)
        layout.addLayout(buttons)
        layout.addWidget(self.roles_problem)
        layout.addWidget(self.benefits_box)
        return box

    def _role_list(self) -> list[dict[str, Any]]:
        roles = get_in(self.document, ("workforce", "roles"))
        if not isinstance(roles, list):
            roles = []
            set_in(self.document, ("workforce", "roles"), roles)
        return roles

    def _fill_roles(self) -> None:
        self.roles.blockSignals(True)
        roles = self._role_list()
        self.roles.setRowCount(len(roles))
        for row, role in enumerate(roles):
            for column, spec in enumerate(self.role_specs):
                key = spec.node.key
                item = QTableWidgetItem()
                if spec.kind == "bool":
                    item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                                  | Qt.ItemFlag.ItemIsSelectable)
                    checked = role.get(key, spec.node.default if not spec.node.required else False)
                    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                elif spec.kind == "text":
                    item.setText(_shown_name(role, STANDARD_ROLES, self.language))
                else:
                    item.setText(show_number(role.get(key)))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.roles.setItem(row, column, item)
        self.roles.blockSignals(False)
        if roles and not self.roles.selectedItems():
            self.roles.selectRow(0)
        self._show_benefits()

    def _role_cell_changed(self, item: QTableWidgetItem) -> None:
        roles = self._role_list()
        row, spec = item.row(), self.role_specs[item.column()]
        if row >= len(roles):
            return
        key = spec.node.key
        if spec.kind == "text" and item.text().strip() == _shown_name(roles[row], STANDARD_ROLES, self.language):
            return  # the standard name shown in this language: nothing typed
        marks.unmark(self.document, f"workforce.roles[{row}].{key}")
        if spec.kind == "bool":
            roles[row][key] = item.checkState() == Qt.CheckState.Checked
        elif spec.kind == "text":
            roles[row][key] = item.text().strip() or roles[row].get("id", "")
            roles[row].pop("_key", None)  # named by the consultant: printed as typed
        else:
            try:
                roles[row][key] = parse_number(item.text())
                self.roles_problem.hide()
            except ValueError:
                self.roles_problem.setText(self.tr("Row {row}: “{text}” is not a number.").format(
                    row=row + 1, text=item.text()))
                self.roles_problem.show()
                return
        self._mark_indicative()
        self.edited.emit()

    def add_role(self) -> None:
        roles = self._role_list()
        taken = {str(r.get("id")) for r in roles}
        zone = str(get_in(self.document, ("location", "wage_zone")) or "general")
        roles.append(new_role(self.tr("New role"), Decimal(1), zone, taken, largest=not roles))
        self._fill_roles()
        self.roles.selectRow(len(roles) - 1)
        cell = self.roles.item(len(roles) - 1, 0)
        if cell is not None:
            self.roles.editItem(cell)
        self.edited.emit()

    def remove_role(self) -> None:
        rows = sorted({i.row() for i in self.roles.selectedItems()})
        roles = self._role_list()
        if not rows or len(roles) <= 1:
            return
        del roles[rows[0]]
        self._fill_roles()
        self.edited.emit()

    def selected_role(self) -> int | None:
        rows = sorted({i.row() for i in self.roles.selectedItems()})
        return rows[0] if rows and rows[0] < len(self._role_list()) else None

    def _show_benefits(self) -> None:
        row = self.selected_role()
        self.benefits_box.setEnabled(row is not None)
        self.remove_role_button.setEnabled(row is not None and len(self._role_list()) > 1)
        self._filling = True
        for widget in self.benefit_inputs.values():
            widget.prefix = ("workforce", "roles", row) if row is not None else ()
            widget.set_value(get_in(self.document, widget.path) if row is not None else None)
        self._filling = False
        self._mark_indicative()

    # -- the China supplier -------------------------------------------------------------------------------------------
    def _china_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Compare also with a China supplier (landed cost)"))
        box.setObjectName("chinaBox")
        box.setCheckable(True)
        box.setChecked(False)
        box.toggled.connect(self._china_toggled)
        form = QFormLayout(box)
        self.china_specs = china_fields(self.language)
        for spec in self.china_specs:
            form.addRow(spec.label, self._input(spec))
        self.china_box = box
        return box

    def _china_toggled(self, on: bool) -> None:
        """On: the template's indicative figures (the FOB to type); off: the comparison leaves the scenario."""
        if self._filling:
            return
        from shelter_app.core.scenario_prefill import CHINA_TEMPLATE_INDICATIVE, china_template

        if on:
            self.document["_china_baseline"] = china_template()
            marks.mark_indicative(self.document, CHINA_TEMPLATE_INDICATIVE)
        else:
            self.document.pop("_china_baseline", None)
            marks.unmark(self.document, "_china_baseline")
        self._fill_china()
        self.edited.emit()

    def _fill_china(self) -> None:
        on = isinstance(self.document.get("_china_baseline"), dict)
        self._filling = True
        self.china_box.setChecked(on)
        for spec in self.china_specs:
            self.inputs[spec.key].set_value(get_in(self.document, spec.path) if on else None)
        self._filling = False
        self._mark_indicative()

    # -- one-time items ---------------------------------------------------------------------------------------------
    def _one_time_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("One-time start-up costs (USD)"))
        self.item_specs = one_time_columns(self.language)
        self.one_time = QTableWidget(0, len(self.item_specs))
        self.one_time.setObjectName("oneTimeTable")
        self.one_time.setAccessibleName(box.title())
        self.one_time.setHorizontalHeaderLabels([_header(spec) for spec in self.item_specs])
        self.one_time.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.one_time.setMinimumHeight(180)
        self.one_time.itemChanged.connect(self._one_time_changed)
        add = QPushButton(self.tr("Add item"))
        add.clicked.connect(self.add_one_time)
        remove = QPushButton(self.tr("Remove item"))
        remove.clicked.connect(self.remove_one_time)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.one_time_problem = QLabel()
        self.one_time_problem.setStyleSheet(ERROR_STYLE)
        self.one_time_problem.hide()
        layout = QVBoxLayout(box)
        layout.addWidget(self.one_time)
        layout.addLayout(buttons)
        layout.addWidget(self.one_time_problem)
        return box

    def _items(self) -> list[dict[str, Any]]:
        items = get_in(self.document, ("one_time", "items"))
        if not isinstance(items, list):
            items = []
            set_in(self.document, ("one_time", "items"), items)
        return items

    def _fill_one_time(self) -> None:
        self.one_time.blockSignals(True)
        items = self._items()
        self.one_time.setRowCount(len(items))
        for row, entry in enumerate(items):
            self.one_time.setItem(row, 0, QTableWidgetItem(_shown_name(entry, ONE_TIME_ITEMS, self.language)))
            amount = QTableWidgetItem(show_number(entry.get("amount_usd")))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.one_time.setItem(row, 1, amount)
        self.one_time.blockSignals(False)

    def _one_time_changed(self, item: QTableWidgetItem) -> None:
        items = self._items()
        if item.row() >= len(items):
            return
        entry = items[item.row()]
        if item.column() == 0:
            if item.text().strip() == _shown_name(entry, ONE_TIME_ITEMS, self.language):
                return  # the standard name shown in this language: nothing typed
            entry["name"] = item.text().strip()
            entry.pop("_key", None)  # named by the consultant: printed as typed
        else:
            try:
                entry["amount_usd"] = parse_number(item.text())
                self.one_time_problem.hide()
            except ValueError:
                self.one_time_problem.setText(self.tr("“{text}” is not an amount.").format(text=item.text()))
                self.one_time_problem.show()
                return
        self.edited.emit()

    def add_one_time(self) -> None:
        self._items().append({"name": self.tr("New item"), "amount_usd": Decimal(0)})
        self._fill_one_time()
        cell = self.one_time.item(self.one_time.rowCount() - 1, 0)
        if cell is not None:
            self.one_time.editItem(cell)
        self.edited.emit()

    def remove_one_time(self) -> None:
        rows = sorted({i.row() for i in self.one_time.selectedItems()})
        if rows:
            del self._items()[rows[0]]
            self._fill_one_time()
            self.edited.emit()

    # -- the document ---------------------------------------------------------------------------------------------
    def set_document(self, document: Mapping[str, Any], hints: Mapping[str, str] | None = None) -> None:
        """Show a scenario; `hints` adds the reference value and source to the statutory fields' hints."""
        self.document = copy.deepcopy(dict(document))
        reasons = self.document.get("_override_reasons", {})
        self._filling = True
        for key, widget in self.inputs.items():
            widget.set_value(get_in(self.document, widget.path), reasons.get(key, "") if isinstance(reasons, dict)
                             else "")
            widget.set_problem("")
            if hints and key in hints:
                widget.set_hint(f"{widget.spec.hint} {hints[key]}".strip())
        self._filling = False
        self._show_notes()
        self._fill_roles()
        self._fill_one_time()
        self._fill_china()

    def _show_notes(self) -> None:
        """Each drawn default says where it came from; each default that could not be drawn says why."""
        origins, missing = marks.origins(self.document), marks.missing(self.document)
        for key, widget in self.inputs.items():
            if key in missing:
                widget.set_note("⚠ " + missing[key].pick(self.language), missing=True)
            elif key in origins:
                widget.set_note("↳ " + origins[key].pick(self.language))
            else:
                widget.set_note("")

    def _field_changed(self, widget: FieldInput) -> None:
        if self._filling:
            return
        try:
            value = widget.value()
        except ValueError:
            widget.set_problem(self.tr("Type a date as YYYY-MM-DD, e.g. 2025-12-31.") if widget.spec.kind == "date"
                               else self.tr("Type a number, e.g. 1,250.50."))
            return
        widget.set_problem("")
        set_in(self.document, widget.path, value)
        if widget.path[0] == "_ieps" and not self.document.get("_ieps"):
            self.document.pop("_ieps", None)  # both IEPS fields emptied: no IEPS-taxed imports
        key = path_text(widget.path)
        reasons = self.document.setdefault("_override_reasons", {})
        if widget.spec.reference:
            widget.reason.setVisible(value is not None)
            text = widget.reason.text().strip()
            if value is not None and text:
                reasons[widget.spec.key] = text
            else:
                reasons.pop(widget.spec.key, None)
        if not reasons:
            self.document.pop("_override_reasons", None)
        if marks.unmark(self.document, key):
            self._show_notes()
        self._mark_indicative()
        self.edited.emit()

    def _mark_indicative(self) -> None:
        marked = marks.indicative(self.document)
        for widget in [*self.inputs.values(), *self.benefit_inputs.values()]:
            widget.set_indicative(marks.is_marked(marked, path_text(widget.path)))

    def indicative_count(self) -> int:
        return len(marks.indicative(self.document))

    def clear_problems(self) -> None:
        for widget in [*self.inputs.values(), *self.benefit_inputs.values()]:
            widget.set_problem("")
        self.roles_problem.hide()
        self.one_time_problem.hide()
        self._mark_indicative()

    def show_problem(self, path: str, message: str, focus: Callable[[QWidget], None] | None = None) -> bool:
        """Put the contract's message on the input at `path` ($.a.b[2].c); False if no input holds it."""
        key = path.removeprefix("$").lstrip(".")
        widget = self.inputs.get(key)
        if widget is None and key.startswith("workforce.roles["):
            index = int(key.split("[", 1)[1].split("]", 1)[0])
            if index < self.roles.rowCount():
                self.roles.selectRow(index)
                field = key.split("]", 1)[1].lstrip(".")
                widget = next((w for w in self.benefit_inputs.values() if path_text(w.spec.path) == field), None)
                if widget is None:
                    self.roles_problem.setText(message)
                    self.roles_problem.show()
                    self._show_tab_of(self.roles)
                    return True
        if widget is None and key.startswith("one_time.items"):
            self.one_time_problem.setText(message)
            self.one_time_problem.show()
            self._show_tab_of(self.one_time)
            return True
        if widget is None:
            return False
        widget.set_problem(message)
        self._show_tab_of(widget)
        return True

    def _show_tab_of(self, widget: QWidget) -> None:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and page.isAncestorOf(widget):
                self.tabs.setCurrentIndex(index)
                if isinstance(page, QScrollArea):
                    page.ensureWidgetVisible(widget)
                return


def _header(spec: FieldSpec) -> str:
    return f"{spec.label} ({spec.unit})" if spec.unit and spec.kind != "bool" else spec.label


def _shown_name(entry: Mapping[str, Any], standard: Mapping[str, Any], language: str) -> str:
    """A role's or item's name as the editor shows it: a standard one (still unchanged) in the editor's language,
    anything typed as typed."""
    name = str(entry.get("name") or entry.get("id") or "")
    found = standard_name(name, str(entry.get("_key", "")), standard)
    return found.pick(language) if found is not None else name


def debounce(parent: QWidget, ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer
