"""Windows sized from the screen they open on, and text that does not fit shown in full in a tooltip."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QCursor, QGuiApplication, QResizeEvent, QScreen
from PySide6.QtWidgets import QLabel, QWidget

TITLE_ROOM = 32  # the window manager's title bar and frame, above the window's own area
BORDER_ROOM = 8  # the frame's left and right borders
TASKBAR_ROOM = 40  # kept free when the platform reports no taskbar (available area == whole screen)


def screen_for(parent: QWidget | None = None) -> QScreen:
    """The parent's screen, else the screen under the mouse (where the user looks), else the primary one."""
    if parent is not None:
        return parent.window().screen()
    screen = QGuiApplication.screenAt(QCursor.pos())
    return screen if screen is not None else QGuiApplication.primaryScreen()


def usable_area(screen: QScreen) -> QRect:
    """The part of the screen a window's own area may cover: the available area minus title bar and taskbar."""
    area = screen.availableGeometry()
    bottom = TASKBAR_ROOM if area == screen.geometry() else 0
    return area.adjusted(0, TITLE_ROOM, 0, -bottom)


def desk_area(screen: QScreen) -> QRect:
    """Where a window's frame may go: the available area, minus the taskbar when the platform reports none."""
    return usable_area(screen).adjusted(0, -TITLE_ROOM, 0, 0)


def fit_window(window: QWidget, width: int, height: int, parent: QWidget | None = None) -> None:
    """Resize `window` to width x height, or less when its screen is smaller; top-level windows are centred."""
    area = usable_area(screen_for(parent))
    window.resize(min(width, area.width() - BORDER_ROOM), min(height, area.height() - BORDER_ROOM // 2))
    if parent is None:
        if window.screen() is not screen_for(None):
            window.setScreen(screen_for(None))
        window.move(area.x() + (area.width() - window.width()) // 2,  # move() places the frame, title included
                    area.y() - TITLE_ROOM + (area.height() - window.height()) // 2)




class ElidedLabel(QLabel):
    """One line of text that ends in "…" when it does not fit; the full text is then in the tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(40)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.minimumWidth(), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 8, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 1))
        super().setText(shown)
        self.setToolTip("" if shown == self._full else self._full)
