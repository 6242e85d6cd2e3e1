"""A repeat group as an editable table: one column per row question, rows added, removed and duplicated.

The table model reads the rows straight from `FormState` (no copy to keep in step); an edited cell goes
through `FormView.cell`, i.e. `FormState.set_cell`, so a cell is checked by the same rules as a question.
A cell with a problem is red with the message as its tooltip, and the messages are listed under the table.
Tab leaves the table (arrows move between cells), so keyboard users are not trapped in it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shelter_app.core.forms.engine import REQUIRED, cell_path
from shelter_app.core.forms.model import NUMERIC_TYPES, QType, Question
from shelter_app.l10n import answer_text, format_number
from shelter_app.ui.errors import ERROR_STYLE
from shelter_app.ui.forms.widgets import (
    QuestionWidget,
    attachment_problem,
    choose_attachment,
    edit_text,
    pending_money,
)

if TYPE_CHECKING:
    from shelter_app.ui.forms.renderer import FormView

Index = QModelIndex | QPersistentModelIndex

BAD_CELL = QColor("#fbe3e6")
BAD_FRAME = QColor("#b00020")
QUIET_CELL = QColor("#f2f3f5")
SHOWN_MESSAGES = 6
ADD_KEYS = QKeySequence("Ctrl+Shift+A")
DUPLICATE_KEYS = QKeySequence("Ctrl+Shift+D")
REMOVE_KEYS = QKeySequence("Ctrl+Shift+Backspace")


class RepeatModel(QAbstractTableModel):
    def __init__(self, widget: RepeatQuestion) -> None:
        super().__init__(widget)
        self.widget = widget
        self.q = widget.q
        self.columns = [f for f in self.q.fields if f.type is not QType.NOTE]
        self.count = len(self.rows())

    @property
    def view(self) -> FormView:
        return self.widget.view

    def rows(self) -> list[dict[str, Any]]:
        return list(self.view.state.answers.get(self.q.name) or [])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def path(self, row: int, column: int) -> str:
        return cell_path(self.q.name, row, self.columns[column].name)

    def cell_value(self, row: int, column: int) -> Any:
        rows = self.view.state.answers.get(self.q.name) or []
        return rows[row].get(self.columns[column].name) if row < len(rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        col = self.columns[column]
        path = self.path(row, column)
        state = self.view.state
        hidden = path in state.hidden
        if role == Qt.ItemDataRole.DisplayRole:
            if hidden:
                return ""
            pending = state.pending.get(path)
            if pending is not None:
                return pending_money(pending)[0] if col.value_type is QType.MONEY else pending
            value = self.cell_value(row, column)
            return answer_text(col, value, self.view.language) if value is not None else ""
        if role == Qt.ItemDataRole.EditRole:
            pending = state.pending.get(path)
            if pending is not None:
                return pending_money(pending)[0] if col.value_type is QType.MONEY else pending
            return edit_text(col, self.cell_value(row, column))
        if role == Qt.ItemDataRole.UserRole:
            return self.cell_value(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.view.shown_issue(path):
                return QBrush(BAD_CELL)
            if hidden or not col.answered_by_user:
                return QBrush(QUIET_CELL)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if hidden:
                return self.tr("Not asked for this row")
            return self.view.shown_issue(path) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.value_type in NUMERIC_TYPES:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.view.shown_issue(path) or ""
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = self.columns[index.column()]
        if (col.answered_by_user and col.type is not QType.FILE and not self.q.read_only
                and self.path(index.row(), index.column()) not in self.view.state.hidden):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        col = self.columns[index.column()]
        if col.value_type is QType.MONEY and isinstance(value, str) and len(col.currencies) > 1:
            value = _money_cell(col, value)
        self.view.cell(self.q.name, index.row(), col.name, value, self.widget)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if section >= len(self.columns):
            return None
        col = self.columns[section]
        language = self.view.language
        if role == Qt.ItemDataRole.DisplayRole:
            text = col.label.pick(language)
            if col.value_type is QType.PERCENT:
                text += " (%)"
            elif col.value_type is QType.MONEY and len(col.currencies) <= 1:
                text += f" ({col.currencies[0] if col.currencies else 'USD'})"
            return text + (" *" if col.required and col.answered_by_user else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.hint.pick(language) if col.hint else col.label.pick(language)
        return None

    def sync(self) -> None:
        """Follow the state: rows added or removed at the end, every cell's text and colour refreshed."""
        actual = len(self.rows())
        if actual > self.count:
            self.beginInsertRows(QModelIndex(), self.count, actual - 1)
            self.count = actual
            self.endInsertRows()
        elif actual < self.count:
            self.beginRemoveRows(QModelIndex(), actual, self.count - 1)
            self.count = actual
            self.endRemoveRows()
        if self.count and self.columns:
            self.dataChanged.emit(self.index(0, 0), self.index(self.count - 1, len(self.columns) - 1))

    def relabel(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        self.sync()


def _money_cell(col: Question, text: str) -> object:
    """"1250 MXN" → {"amount": "1250", "currency": "MXN"} when the column offers several currencies."""
    parts = text.strip().rsplit(" ", 1)
    if len(parts) == 2 and parts[1].upper() in col.currencies:
        return {"amount": parts[0], "currency": parts[1].upper()}
    return text


class CellDelegate(QStyledItemDelegate):
    """Editors that fit the column: a list for yes/no and choices, a line edit (numbers right-aligned) else."""

    def __init__(self, model: RepeatModel) -> None:
        super().__init__(model.widget)
        self.model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        col = self.model.columns[index.column()]
        if col.value_type in (QType.YES_NO, QType.SELECT_ONE):
            combo = QComboBox(parent)
            combo.addItem("", "")
            if col.value_type is QType.YES_NO:
                combo.addItem(self.tr("Yes"), "yes")
                combo.addItem(self.tr("No"), "no")
            else:
                for choice in col.choices:
                    combo.addItem(choice.label.pick(self.model.view.language), choice.value)
            combo.activated.connect(lambda _i, c=combo: self._commit(c))
            return combo
        edit = QLineEdit(parent)
        if col.value_type in NUMERIC_TYPES:
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        if col.value_type is QType.DATE:
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        return edit

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        if self.model.view.shown_issue(self.model.path(index.row(), index.column())):
            painter.save()  # a red frame stays visible when the cell is selected (the fill does not)
            painter.setPen(QPen(BAD_FRAME, 2))
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            value = self.model.cell_value(index.row(), index.column())
            key = ("yes" if value else "no") if isinstance(value, bool) else (value or "")
            editor.setCurrentIndex(max(0, editor.findData(key)))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            data = editor.currentData() or ""
            col = self.model.columns[index.column()]
            raw: object = None if not data else (data == "yes" if col.value_type is QType.YES_NO else data)
            if raw == self.model.cell_value(index.row(), index.column()):
                return
            model.setData(index, raw, Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            if editor.text() == str(index.data(Qt.ItemDataRole.EditRole) or ""):
                return  # opened and left unchanged: not an edit
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class RepeatQuestion(QuestionWidget):
    def build(self) -> None:
        q = self.q
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        self.model = RepeatModel(self)
        self.table = QTableView()
        self.table.setObjectName(f"table:{q.name}")
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellDelegate(self.model))
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        self.table.activated.connect(self._activated)  # Enter or double-click: a file cell opens the file dialog
        box.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.add_button = QPushButton()
        self.add_button.setObjectName(f"add:{q.name}")
        self.duplicate_button = QPushButton()
        self.duplicate_button.setObjectName(f"duplicate:{q.name}")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName(f"removeRow:{q.name}")
        for button, handler, keys in ((self.add_button, self.add_row, ADD_KEYS),
                                      (self.duplicate_button, self.duplicate_row, DUPLICATE_KEYS),
                                      (self.remove_button, self.remove_row, REMOVE_KEYS)):
            button.setAutoDefault(False)
            button.clicked.connect(handler)
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(handler)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.rows_label = QLabel()
        self.rows_label.setStyleSheet("color: #5f6368;")
        buttons.addWidget(self.rows_label)
        box.addLayout(buttons)
        self.messages = QLabel()
        self.messages.setTextFormat(Qt.TextFormat.PlainText)
        self.messages.setObjectName(f"messages:{q.name}")
        self.messages.setWordWrap(True)
        self.messages.setStyleSheet(ERROR_STYLE)
        self.messages.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.messages.hide()
        box.addWidget(self.messages)
        self.body.addLayout(box, 1)
        self._size_columns()

    # -- QuestionWidget -------------------------------------------------------------------------------------

    def focus_target(self) -> QWidget | None:
        return self.table if self.model.count else self.add_button

    def retranslate_body(self) -> None:
        self.add_button.setText(self.tr("Add row"))
        self.duplicate_button.setText(self.tr("Duplicate row"))
        self.remove_button.setText(self.tr("Remove row"))
        for button, keys in ((self.add_button, ADD_KEYS), (self.duplicate_button, DUPLICATE_KEYS),
                             (self.remove_button, REMOVE_KEYS)):
            button.setToolTip(keys.toString(QKeySequence.SequenceFormat.NativeText))
        self.model.relabel()
        self._size_columns()
        self._update_rows()

    def load(self) -> None:
        self.model.sync()
        self._update_rows()

    def set_error(self, text: str) -> None:
        """The group's own problem (too few rows) and each cell's, listed under the table."""
        lines = [text] if text else []
        cells = self.view.shown_issues_under(self.q.name)
        for path, message in cells[:SHOWN_MESSAGES]:
            lines.append(self._where(path) + message)
        if len(cells) > SHOWN_MESSAGES:
            lines.append(self.tr("…and %n more problem(s) in this table.", "", len(cells) - SHOWN_MESSAGES))
        self.error.hide()
        self.messages.setText("\n".join(lines))
        self.messages.setVisible(bool(lines))

    def _where(self, path: str) -> str:
        from shelter_app.core.forms.engine import split_path

        _name, row, column = split_path(path)
        col = self.q.row_question(column or "")
        label = col.label.pick(self.language) if col else column or ""
        return self.tr("Row {row}, {column}: ").format(row=(row or 0) + 1, column=label)

    # -- rows ---------------------------------------------------------------------------------------------

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else self.model.count - 1

    def add_row(self) -> None:
        if self.model.count >= self.q.max_rows or self.q.read_only:
            return
        row = self.view.row_operation(self.q.name, "add", -1, self)
        self.focus_cell(row, self._first_editable())

    def duplicate_row(self) -> None:
        row = self.current_row()
        if row < 0 or self.model.count >= self.q.max_rows or self.q.read_only:
            return
        new = self.view.row_operation(self.q.name, "duplicate", row, self)
        self.focus_cell(new, max(0, self.table.currentIndex().column()))

    def remove_row(self) -> None:
        row = self.current_row()
        if row < 0 or self.model.count <= self.q.min_rows or self.q.read_only:
            return
        column = max(0, self.table.currentIndex().column())
        self.view.row_operation(self.q.name, "remove", row, self)
        if self.model.count:
            self.focus_cell(min(row, self.model.count - 1), column)
        else:
            self.add_button.setFocus()

    def _first_editable(self) -> int:
        return next((i for i, c in enumerate(self.model.columns) if c.answered_by_user), 0)

    def focus_cell(self, row: int, column: int) -> None:
        if not (0 <= row < self.model.count) or not self.model.columns:
            self.focus_editor()
            return
        index = self.model.index(row, min(column, len(self.model.columns) - 1))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _activated(self, index: QModelIndex) -> None:
        col = self.model.columns[index.column()] if index.isValid() else None
        if (col is None or col.type is not QType.FILE or self.q.read_only
                or self.model.path(index.row(), index.column()) in self.view.state.hidden):
            return
        source = choose_attachment(self, col)
        if source is not None:
            self.attach_cell(index.row(), col.name, source)

    def attach_cell(self, row: int, column: str, source: Path) -> None:
        """Attach `source` to a file cell: checked first (size, type), then copied on the worker."""
        col = self.q.row_question(column)
        assert col is not None
        problem = attachment_problem(col, source, self.language)
        if problem:
            self.set_error(problem)
            return
        self.view.attach(self.q.name, source, self, cell=(row, column))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.table.hasFocus():
            self.view.note_focus(self.model.path(current.row(), current.column()))

    def refresh(self) -> None:
        self.model.sync()
        self._update_rows()

    def _update_rows(self) -> None:
        count, q = self.model.count, self.q
        editable = not q.read_only
        self.add_button.setEnabled(editable and count < q.max_rows)
        self.duplicate_button.setEnabled(editable and 0 < count < q.max_rows)
        self.remove_button.setEnabled(editable and count > q.min_rows and count > 0)
        bounds = ""
        if q.min_rows and q.max_rows < 10_000:
            bounds = self.tr("{low} to {high} rows").format(low=format_number(q.min_rows, self.language),
                                                             high=format_number(q.max_rows, self.language))
        elif q.min_rows:
            bounds = self.tr("at least %n row(s)", "", q.min_rows)
        elif q.max_rows < 10_000:
            bounds = self.tr("at most %n row(s)", "", q.max_rows)
        counted = self.tr("%n row(s)", "", count)
        self.rows_label.setText(f"{counted} · {bounds}" if bounds else counted)
        header = self.table.horizontalHeader().height() or self.table.fontMetrics().height() + 10
        row_height = self.table.verticalHeader().defaultSectionSize()
        shown = min(max(count, 3), 10)
        scrollbar = self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(header + row_height * shown + 2 * self.table.frameWidth() + scrollbar)

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        for index, col in enumerate(self.model.columns):
            title = str(self.model.headerData(index, Qt.Orientation.Horizontal) or "")
            wide = 220 if col.value_type in (QType.TEXT, QType.LONG_TEXT, QType.EMAIL) else 120
            header.resizeSection(index, max(wide, metrics.horizontalAdvance(title) + 28))

    @staticmethod
    def required_message(message: str) -> bool:
        return message in (REQUIRED.en, REQUIRED.es)
