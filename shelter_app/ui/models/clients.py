"""The portfolio table: holds the ids of the current filter, fetches rows a page at a time.

A 10,000-client portfolio scrolls without loading every row (Anki's browser table): a
search returns only ids; `data()` asks the service for the page around a visible row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from shelter_app.ui.labels import stage_labels

# a consultant scans name and stage first; the columns to the right can scroll out of view
(COL_LEGAL_NAME, COL_STAGE, COL_PROGRESS, COL_NEXT_DUE, COL_COUNTRY, COL_RFC, COL_TRADE_NAME, COL_INDUSTRY,
 COL_PROJECTS, COL_UPDATED) = range(10)
SORT_KEYS = ("name", "stage", "progress", "next_due", "country", "rfc", "trade_name", "industry", "projects",
             "updated")
PAGE = 100  # rows fetched per query: a screenful or three
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_USER = Qt.ItemDataRole.UserRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ALIGN = Qt.ItemDataRole.TextAlignmentRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_ROLES = frozenset((_DISPLAY, _USER, _TOOLTIP, _ALIGN, _FONT, _FOREGROUND))
_OVERDUE = QBrush(QColor("#b00020"))
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)

Index = QModelIndex | QPersistentModelIndex


def _table_day(day: date) -> str:
    from shelter_app.l10n import table_date
    from shelter_app.ui.errors import ui_language

    return table_date(day, ui_language())
FetchRows = Callable[[list[int]], dict[int, Any]]
FormatDate = Callable[[datetime], str]


class ClientTableModel(QAbstractTableModel):
    """Rows are client ids; `fetch_rows(ids)` returns `ClientRow`s (services.clients.client_rows)."""

    def __init__(self, fetch_rows: FetchRows, format_date: FormatDate, parent: Any = None,
                 format_day: Callable[[date], str] | None = None) -> None:
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._format_date = format_date
        self._format_day = format_day or _table_day
        self.today = date.today()
        self._ids: list[int] = []
        self._rows: dict[int, Any] = {}
        self._texts: dict[int, tuple[str, ...]] = {}
        self._italic = QFont()
        self._italic.setItalic(True)
        self.order = "name"
        self.descending = False
        self.on_sort: Callable[[], None] | None = None
        self._stages = stage_labels()
        self._headers = [
            self.tr("Legal name"), self.tr("Stage"), self.tr("Progress"), self.tr("Next due"), self.tr("Country"),
            self.tr("RFC"),
            self.tr("Trade name"), self.tr("Industry"), self.tr("Projects"), self.tr("Updated"),
        ]

    # -- filling -------------------------------------------------------------------------------------
    def set_ids(self, ids: list[int]) -> None:
        """Show exactly these clients, in this order (the result of a search)."""
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = {}
        self._texts = {}
        self.endResetModel()

    def refresh_client(self, client_id: int) -> None:
        """Re-read one client's row after a write touched it (only that row repaints)."""
        if client_id not in self._rows and client_id not in self._ids:
            return
        self._rows.pop(client_id, None)
        self._texts.pop(client_id, None)
        if client_id in self._ids:
            row = self._ids.index(client_id)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))

    def client_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, client_id: int) -> int | None:
        try:
            return self._ids.index(client_id)
        except ValueError:
            return None

    def _row(self, row: int) -> Any:
        client_id = self._ids[row]
        found = self._rows.get(client_id)
        if found is None:
            start = max(0, row - PAGE // 4)
            page = [i for i in self._ids[start:start + PAGE] if i not in self._rows]
            self._rows.update(self._fetch_rows(page))
            found = self._rows.get(client_id)
        return found

    # -- Qt model --------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (Qt.ItemDataRole.DisplayRole,
                                                                 Qt.ItemDataRole.ToolTipRole):
            return self._headers[section]  # the tooltip: the whole header of a column too narrow for it
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Qt asks a dozen roles per cell on every repaint: answer the unused ones before any lookup
        role = getattr(role, "value", role)
        if role not in _ROLES or not index.isValid():
            return None
        row_number = index.row()
        if not 0 <= row_number < len(self._ids):
            return None
        row = self._row(row_number)
        if row is None:  # deleted by a colleague since the search
            return None
        column = index.column()
        if role in (_DISPLAY, _TOOLTIP):  # the tooltip: the whole text of a cell too narrow for it
            texts = self._texts.get(row.id)
            if texts is None:
                texts = self._texts[row.id] = tuple(self._display(row, c) for c in range(len(self._headers)))
            return texts[column] if role == _DISPLAY or texts[column] else None
        if role == _USER:
            return row.id
        if role == _ALIGN:
            return _RIGHT if column in (COL_PROJECTS, COL_PROGRESS) else None
        if role == _FOREGROUND:
            overdue = column == COL_NEXT_DUE and row.next_due is not None and row.next_due < self.today
            return _OVERDUE if overdue else None
        return self._italic if row.archived and role == _FONT else None

    def _display(self, row: Any, column: int) -> str:
        if column == COL_LEGAL_NAME:
            return str(row.legal_name) + (" " + self.tr("(archived)") if row.archived else "")
        if column == COL_STAGE:
            return self._stages.get(row.stage, "") if row.stage else ""
        if column == COL_PROJECTS:
            return str(row.projects)
        if column == COL_PROGRESS:
            return f"{row.progress} %" if row.progress is not None else ""
        if column == COL_NEXT_DUE:
            return self._format_day(row.next_due) if row.next_due else ""
        if column == COL_UPDATED:
            return self._format_date(row.updated_at)
        value = {COL_COUNTRY: row.country, COL_RFC: row.rfc, COL_TRADE_NAME: row.trade_name,
                 COL_INDUSTRY: row.industry}[column]
        return str(value or "")

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in the database (the model holds ids only): ask for a new search."""
        self.order = SORT_KEYS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self.on_sort is not None:
            self.on_sort()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
