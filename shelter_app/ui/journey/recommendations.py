"""The journey's recommendations as cards: severity (icon, colour and word), title, explanation, basis.

A recommendation resting on a fact the sources leave unconfirmed carries a "To verify" badge, so
a consultant never passes it on as settled. Colour is never the only sign: each severity also has
its own icon shape and its word.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from shelter_app.core.eligibility import Recommendation, Severity, answer_names

SEVERITY_COLOURS: dict[Severity, str] = {
    Severity.BLOCKER: "#b00020",
    Severity.WARNING: "#a35200",
    Severity.ADVICE: "#1f5fa8",
    Severity.INFO: "#2e7d32",
}
TO_VERIFY_STYLE = "background: #fff3cd; color: #7a4d00; border: 1px solid #e0b44c; border-radius: 3px; padding: 0 4px;"
ICON_SIZE = 22


def severity_icon(severity: Severity, size: int = ICON_SIZE) -> QPixmap:
    """A stop sign for blockers, a triangle for warnings, a circle for advice and information."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = QColor(SEVERITY_COLOURS[severity])
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    box = QRectF(1, 1, size - 2, size - 2)
    if severity is Severity.BLOCKER:
        c, r = box.center(), box.width() / 2
        k = r * 0.4142  # tan(22.5°): an octagon
        painter.drawPolygon(QPolygonF([QPointF(c.x() + dx, c.y() + dy) for dx, dy in (
            (-k, -r), (k, -r), (r, -k), (r, k), (k, r), (-k, r), (-r, k), (-r, -k))]))
    elif severity is Severity.WARNING:
        painter.drawPolygon(QPolygonF([QPointF(box.center().x(), box.top()), box.bottomRight(), box.bottomLeft()]))
    else:
        painter.drawEllipse(box)
    glyph = {Severity.BLOCKER: "!", Severity.WARNING: "!", Severity.ADVICE: "i", Severity.INFO: "✓"}[severity]
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.6))
    painter.setFont(font)
    painter.setPen(QPen(QColor("white")))
    text_box = box.adjusted(0, size * 0.18, 0, 0) if severity is Severity.WARNING else box
    painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return pixmap


class RecommendationCard(QFrame):
    def __init__(self, rec: Recommendation, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recommendation = rec
        colour = SEVERITY_COLOURS[rec.severity]
        self.setObjectName("card")
        self.setStyleSheet(f"QFrame#card {{ border: 1px solid #d0d0d0; border-left: 4px solid {colour};"
                           " border-radius: 3px; background: palette(base); }")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        icon = QLabel()
        icon.setPixmap(severity_icon(rec.severity))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        outer.addWidget(icon)
        body = QVBoxLayout()
        body.setSpacing(2)
        top = QHBoxLayout()
        self.severity = QLabel(severity_labels()[rec.severity])
        self.severity.setStyleSheet(f"color: {colour}; font-weight: bold;")
        top.addWidget(self.severity)
        self.to_verify: QLabel | None = None
        if rec.to_verify:
            self.to_verify = QLabel(self.tr("To verify"))
            self.to_verify.setStyleSheet(TO_VERIFY_STYLE)
            self.to_verify.setToolTip(self.tr("This rests on a fact the sources do not fully confirm yet: "
                                              "check it before passing it on."))
            top.addWidget(self.to_verify)
        top.addStretch(1)
        body.addLayout(top)
        self.title = QLabel(rec.title.pick(language))
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        body.addWidget(self.title)
        self.explanation = QLabel(rec.explanation.pick(language))
        self.explanation.setWordWrap(True)
        body.addWidget(self.explanation)
        parts = []
        if rec.basis.rules:
            parts.append(self.tr("Basis: {rules}").format(rules="; ".join(rec.basis.rules)))
        if rec.basis.item_ids:
            parts.append(self.tr("Checklist items: {items}").format(items=", ".join(rec.basis.item_ids)))
        if rec.depends_on:
            parts.append(self.tr("Depends on: {answers}").format(answers=answer_names(rec.depends_on).pick(language)))
        self.basis = QLabel("\n".join(parts))
        self.basis.setWordWrap(True)
        self.basis.setStyleSheet("color: #555555;")
        body.addWidget(self.basis)
        for label in (self.title, self.explanation, self.basis):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addLayout(body, 1)


def severity_labels() -> dict[Severity, str]:
    return {
        Severity.BLOCKER: QCoreApplication.translate("RecommendationCard", "Blocker"),
        Severity.WARNING: QCoreApplication.translate("RecommendationCard", "Warning"),
        Severity.ADVICE: QCoreApplication.translate("RecommendationCard", "Advice"),
        Severity.INFO: QCoreApplication.translate("RecommendationCard", "Information"),
    }


class RecommendationsView(QWidget):
    """A heading and one card per recommendation, gravest first (the order `recommend` gives)."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Recommendations"))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        self._layout.addWidget(heading)
        self.empty = QLabel(self.tr("No recommendations yet: they appear as the answers come in."))
        self.empty.setWordWrap(True)
        self._layout.addWidget(self.empty)
        self.cards: list[RecommendationCard] = []

    def show_recommendations(self, recommendations: Sequence[Recommendation]) -> None:
        for card in self.cards:
            self._layout.removeWidget(card)
            card.hide()  # gone now, not only when the event loop deletes it
            card.deleteLater()
        self.cards = [RecommendationCard(rec, self.language) for rec in recommendations]
        for card in self.cards:
            self._layout.addWidget(card)
        self.empty.setVisible(not self.cards)
