"""The project's checklist as a tree: phase → checklist → item, filtered in the model itself.

About 120 items at most, so the model keeps every `ItemView` and rebuilds its small node
list when the filter changes (a reset costs well under a millisecond). A write refreshes
only the rows whose view changed, and the progress of their groups (`update_items`).
Group progress counts every item of the group, whatever the filter hides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from shelter_app.content.checklists import PackSet
from shelter_app.core.checklist import ItemStatus
from shelter_app.core.text import fold_for_search
from shelter_app.l10n import table_date
from shelter_app.services.checklists import ItemView
from shelter_app.ui.labels import flag_labels, owner_labels, status_labels

COL_TITLE, COL_STATUS, COL_OWNER, COL_DUE, COL_FLAGS = range(5)
ROW_ID_ROLE = Qt.ItemDataRole.UserRole.value  # an item row's database id; None on group rows
PROGRESS_ROLE = Qt.ItemDataRole.UserRole.value + 1  # (closed, total) of a group row, in COL_STATUS
CRITICAL_MARK = "◆"

_PHASE, _CHECKLIST, _ITEM = 1, 2, 3
_CLOSED = (ItemStatus.DONE.value, ItemStatus.NOT_APPLICABLE.value)
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_ROLES = frozenset((_DISPLAY, _TOOLTIP, _FOREGROUND, _FONT, _BACKGROUND, ROW_ID_ROLE, PROGRESS_ROLE))
_RED = QBrush(QColor("#b00020"))
_AMBER = QBrush(QColor("#8a5a00"))
_GREEN = QBrush(QColor("#1e7d32"))
_MUTED = QBrush(QColor("#7f8c8d"))
_PHASE_BACKGROUND = QBrush(QColor(0, 0, 0, 20))
_TRACK = QColor("#dfe3e6")
_PARTIAL = QColor("#2e86c1")
_COMPLETE = QColor("#27ae60")

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ItemFilter:
    """What the tree shows; an empty filter shows everything."""

    status: str = ""
    owner: str = ""
    overdue_only: bool = False
    to_verify_only: bool = False
    search: str = ""  # as typed; folded when matched

    def matches(self, view: ItemView, haystack: str, folded_search: str) -> bool:
        return ((not self.status or view.status == self.status)
                and (not self.owner or view.owner_role == self.owner)
                and (not self.overdue_only or view.flag == "overdue")
                and (not self.to_verify_only or view.to_verify)
                and (not folded_search or folded_search in haystack))


def search_text(view: ItemView) -> str:
    """What the search box looks in: the title in both languages, the item id, legal basis, assignee."""
    return fold_for_search(" ".join((view.title.en, view.title.es, view.item_id, view.legal_basis, view.assignee)))


class _Node:
    __slots__ = ("children", "key", "kind", "parent", "row")

    def __init__(self, kind: int, key: Any, parent: int, row: int) -> None:
        self.kind, self.key, self.parent, self.row = kind, key, parent, row
        self.children: list[int] = []


class ChecklistTreeModel(QAbstractItemModel):
    """Phases and checklists as group rows with their progress; items as leaves."""

    def __init__(self, packs: PackSet, language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.packs = packs
        self.language = language
        self.filter = ItemFilter()
        self._items: dict[int, ItemView] = {}
        self._order: list[int] = []
        self._haystacks: dict[int, str] = {}
        self._members: dict[tuple[int, str], list[int]] = {}  # (kind, phase or pack id) -> item row ids
        self._nodes: list[_Node] = [_Node(0, None, -1, 0)]  # node 0 is the invisible root
        self._item_nodes: dict[int, int] = {}
        self._group_nodes: dict[tuple[int, str], int] = {}
        self._statuses = status_labels()
        self._owners = owner_labels()
        self._flags = flag_labels()
        self._bold = QFont()
        self._bold.setBold(True)
        self._headers = [self.tr("Item"), self.tr("Status"), self.tr("Owner"), self.tr("Due"), self.tr("Flags")]

    # -- filling -------------------------------------------------------------------------------------
    def set_items(self, views: Sequence[ItemView]) -> None:
        """Show these items (in phase, pack and item order, as `project_items` returns them)."""
        self._items = {v.row_id: v for v in views}
        self._order = [v.row_id for v in views]
        self._haystacks = {v.row_id: search_text(v) for v in views}
        self._members = {}
        for v in views:
            self._members.setdefault((_PHASE, v.phase_id), []).append(v.row_id)
            self._members.setdefault((_CHECKLIST, v.pack_id), []).append(v.row_id)
        self._rebuild()

    def set_filter(self, item_filter: ItemFilter) -> None:
        if item_filter != self.filter:
            self.filter = item_filter
            self._rebuild()

    def _rebuild(self) -> None:
        self.beginResetModel()
        nodes = [_Node(0, None, -1, 0)]
        item_nodes: dict[int, int] = {}
        group_nodes: dict[tuple[int, str], int] = {}
        folded = fold_for_search(self.filter.search)
        for row_id in self._order:
            view = self._items[row_id]
            if not self.filter.matches(view, self._haystacks[row_id], folded):
                continue
            parent = 0
            for kind, key in ((_PHASE, view.phase_id), (_CHECKLIST, view.pack_id)):
                node = group_nodes.get((kind, key))
                if node is None:
                    node = group_nodes[(kind, key)] = len(nodes)
                    nodes.append(_Node(kind, key, parent, len(nodes[parent].children)))
                    nodes[parent].children.append(node)
                parent = node
            item_nodes[row_id] = len(nodes)
            nodes.append(_Node(_ITEM, row_id, parent, len(nodes[parent].children)))
            nodes[parent].children.append(item_nodes[row_id])
        self._nodes, self._item_nodes, self._group_nodes = nodes, item_nodes, group_nodes
        self.endResetModel()

    def update_items(self, views: Sequence[ItemView]) -> set[int]:
        """Take fresh views after a write; repaint only the rows that changed and their groups' progress.

        A changed row stays visible even if it no longer matches the filter, so it does not
        vanish under the user's pointer; the next filter change applies. Returns the changed row ids.
        """
        if {v.row_id for v in views} != set(self._items) or [v.row_id for v in views] != self._order:
            self.set_items(views)  # items added or removed (the journey was re-run): a full fill
            return set(self._items)
        changed = {v.row_id for v in views if self._items[v.row_id] != v}
        groups: set[int] = set()
        last = len(self._headers) - 1
        for v in views:
            if v.row_id not in changed:
                continue
            self._items[v.row_id] = v
            self._haystacks[v.row_id] = search_text(v)
            node = self._item_nodes.get(v.row_id)
            if node is not None:
                row = self._nodes[node].row
                self.dataChanged.emit(self.createIndex(row, 0, node), self.createIndex(row, last, node))
            for key in ((_PHASE, v.phase_id), (_CHECKLIST, v.pack_id)):
                if key in self._group_nodes:
                    groups.add(self._group_nodes[key])
        for node in sorted(groups):
            row = self._nodes[node].row
            self.dataChanged.emit(self.createIndex(row, 0, node), self.createIndex(row, last, node))
        return changed

    # -- looking things up ---------------------------------------------------------------------------------
    def items(self) -> list[ItemView]:
        """Every item, filtered or not, in order."""
        return [self._items[r] for r in self._order]

    def item(self, index: Index) -> ItemView | None:
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        return self._items[node.key] if node.kind == _ITEM else None

    def item_by_id(self, row_id: int) -> ItemView | None:
        return self._items.get(row_id)

    def index_of(self, row_id: int, column: int = 0) -> QModelIndex:
        node = self._item_nodes.get(row_id)
        return QModelIndex() if node is None else self.createIndex(self._nodes[node].row, column, node)

    def visible_count(self) -> int:
        return len(self._item_nodes)

    def total_count(self) -> int:
        return len(self._order)

    def progress(self, kind: int, key: str) -> tuple[int, int, int]:
        """(closed, total, overdue) over every item of a phase or checklist."""
        members = [self._items[r] for r in self._members.get((kind, key), ())]
        closed = sum(1 for v in members if v.status in _CLOSED)
        return closed, len(members), sum(1 for v in members if v.flag == "overdue")

    # -- Qt model ------------------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._nodes[parent.internalId()] if parent.isValid() else self._nodes[0]
        if not (0 <= row < len(node.children) and 0 <= column < len(self._headers)):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        parent = self._nodes[child.internalId()].parent
        return QModelIndex() if parent <= 0 else self.createIndex(self._nodes[parent].row, 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._nodes[0].children)
        return len(self._nodes[parent.internalId()].children) if parent.column() == 0 else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._headers)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = getattr(role, "value", role)
        if role not in _ROLES or not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        if node.kind == _ITEM:
            return self._item_data(self._items[node.key], index.column(), role)
        return self._group_data(node, index.column(), role)

    def _group_data(self, node: _Node, column: int, role: int) -> Any:
        if role == _BACKGROUND:
            return _PHASE_BACKGROUND if node.kind == _PHASE else None
        if role == _FONT:
            return self._bold if column == COL_TITLE else None
        if role == ROW_ID_ROLE or (role == _FOREGROUND and column != COL_FLAGS):
            return None
        closed, total, overdue = self.progress(node.kind, node.key)
        if role == PROGRESS_ROLE:
            return (closed, total) if column == COL_STATUS else None
        if role == _FOREGROUND:
            return _RED if overdue else None
        if column == COL_TITLE:
            if node.kind == _PHASE:
                return self.packs.phases_by_id[node.key].title.pick(self.language)
            return self.packs.packs_by_id[node.key].title.pick(self.language)
        if column == COL_STATUS:
            return (f"{closed}/{total}" if role == _DISPLAY
                    else self.tr("{closed} of {total} items closed").format(closed=closed, total=total))
        if column == COL_FLAGS and overdue:
            return self.tr("%n overdue", "", overdue)
        return None

    def _item_data(self, view: ItemView, column: int, role: int) -> Any:
        if role == ROW_ID_ROLE:
            return view.row_id
        if role in (PROGRESS_ROLE, _FONT, _BACKGROUND):
            return None
        if role == _FOREGROUND:
            return self._foreground(view, column)
        if role == _TOOLTIP:
            return self._tooltip(view, column)
        if column == COL_TITLE:
            return view.title.pick(self.language)
        if column == COL_STATUS:
            return self._statuses.get(view.status, view.status)
        if column == COL_OWNER:
            owner = self._owners.get(view.owner_role, view.owner_role)
            return f"{owner} · {view.assignee}" if view.assignee else owner
        if column == COL_DUE:
            return table_date(view.due_on, self.language)
        return self.flag_text(view)

    def flag_text(self, view: ItemView) -> str:
        """"◆ Overdue · To verify": the critical-path mark, then the flags in words."""
        words = [self._flags[view.flag]] if view.flag in ("overdue", "due_soon") else []
        if view.to_verify:
            words.append(self._flags["to_verify"])
        text = " · ".join(words)
        return f"{CRITICAL_MARK} {text}".rstrip() if view.critical else text

    def _foreground(self, view: ItemView, column: int) -> QBrush | None:
        if column == COL_FLAGS:
            return _RED if view.flag == "overdue" else _AMBER if view.flag == "due_soon" or view.to_verify else None
        if view.status in _CLOSED:
            return _GREEN if column == COL_STATUS and view.status == ItemStatus.DONE else _MUTED
        if column == COL_STATUS and view.status == ItemStatus.BLOCKED:
            return _RED
        if column == COL_DUE and view.flag == "overdue":
            return _RED
        return None

    def _tooltip(self, view: ItemView, column: int) -> str | None:
        if column == COL_TITLE:
            return f"{view.title.pick(self.language)}\n{view.item_id}"
        if column == COL_STATUS:  # the full text of a narrow column, and why
            status = self._statuses.get(view.status, view.status)
            return status + ("\n" + self.tr("Reason: {reason}").format(reason=view.status_reason)
                             if view.status_reason else "")
        if column == COL_OWNER:
            return str(self._item_data(view, column, _DISPLAY))
        if column == COL_DUE and (view.start_on or view.due_on):
            text = self.tr("Start {start}, due {due}").format(start=table_date(view.start_on, self.language),
                                                              due=table_date(view.due_on, self.language))
            return text + ("\n" + self.tr("Dates set by hand") if view.manual_start or view.manual_due else "")
        if column == COL_FLAGS:
            words = [self._flags[k] for k, on in (("critical", view.critical), ("overdue", view.flag == "overdue"),
                                                  ("due_soon", view.flag == "due_soon"),
                                                  ("to_verify", view.to_verify)) if on]
            return "\n".join(words) or None
        return None


class ProgressDelegate(QStyledItemDelegate):
    """Paints a group row's progress: "closed/total" and a thin bar (green once all are closed)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        progress = index.data(PROGRESS_ROLE)
        if progress is None:
            super().paint(painter, option, index)
            return
        closed, total = progress
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)
        cell = option.rect.adjusted(4, 0, -6, 0)
        metrics = option.fontMetrics
        text_width = metrics.horizontalAdvance("000/000")
        track = QRectF(cell.left() + text_width + 6, cell.center().y() - 3, max(cell.width() - text_width - 6, 4), 7)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_TRACK)
        painter.drawRoundedRect(track, 3, 3)
        if closed and total:
            done = QRectF(track)
            done.setWidth(track.width() * closed / total)
            painter.setBrush(_COMPLETE if closed == total else _PARTIAL)
            painter.drawRoundedRect(done, 3, 3)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(role))
        painter.drawText(QRect(cell.left(), cell.top(), text_width, cell.height()),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), f"{closed}/{total}")
        painter.restore()
