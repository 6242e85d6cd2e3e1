"""A journey step drawn from its `FieldSpec`s, plus what the step shows besides questions.

`StepPage` lays out one input per question with a message line under it (red when the flow
refuses an answer), and the step's extras: the derived minimum-wage zone on the site step, the
recommendations on the programs step, and on the last step the notice, a summary of every answer
and the recommendations. A page decides nothing; `refresh(journey)` redraws the extras from a
journey (the real one, or a draft holding what is typed on the page).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from shelter_app.core.answers import WageZone
from shelter_app.core.journey import STEP_TITLES, STEPS, FieldKind, FieldSpec, Journey, Step
from shelter_app.core.wage_zones import STATES, WageZoneDerivation
from shelter_app.l10n import format_number, table_date
from shelter_app.ui.errors import ERROR_STYLE
from shelter_app.ui.journey.fields import BoolInput, FieldInput, make_input
from shelter_app.ui.journey.recommendations import RecommendationsView

INFO_STYLE = "QFrame#info { background: #eef4fb; border: 1px solid #b6cde8; border-radius: 3px; }"
LABEL_WIDTH = 240


def field_root(field: str) -> str:
    """The question an error's field belongs to: "roles[0].headcount" is in "roles"."""
    return field.split("[", 1)[0].split(".", 1)[0]


class WageZoneBox(QFrame):
    """The minimum-wage zone derived from the site: shown, never asked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("info")
        self.setStyleSheet(INFO_STYLE)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Minimum-wage zone"))
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        self.zone = QLabel()
        self.zone.setWordWrap(True)
        self.zone.setObjectName("wage_zone")
        layout.addWidget(self.zone)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

    def show_zone(self, derivation: WageZoneDerivation | None) -> None:
        if derivation is None or not derivation.municipality:
            self.zone.setText(self.tr("Choose the state and enter the city: the zone is derived from them."))
            self.note.hide()
            return
        self.zone.setText(describe_zone(derivation))
        if derivation.to_verify:
            self.note.setText(self.tr("To verify: ShelterDesk knows only part of the official list of border-zone "
                                      "municipalities, and this one is not on it. Check it against the official "
                                      "list before relying on the general zone."))
            self.note.setStyleSheet("color: #7a4d00;")
        else:
            self.note.setText(self.tr("Derived from the state and municipality; it sets the legal wage floor."))
            self.note.setStyleSheet("")
        self.note.show()


def zone_names() -> dict[WageZone, str]:
    return {
        WageZone.BORDER: QCoreApplication.translate("WageZoneBox", "Northern border free zone (ZLFN)"),
        WageZone.GENERAL: QCoreApplication.translate("WageZoneBox", "General zone"),
    }


def describe_zone(derivation: WageZoneDerivation) -> str:
    return QCoreApplication.translate("WageZoneBox", "{zone} — {municipality}, {state}").format(
        zone=zone_names()[derivation.zone], municipality=derivation.municipality,
        state=STATES.get(derivation.state, derivation.state))


class AnswersSummary(QWidget):
    """Every answer given so far, step by step, in words (the last step's review before Finish)."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Your answers"))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        self._layout.addWidget(heading)
        self.body = QWidget()
        self._layout.addWidget(self.body)

    def show_journey(self, journey: Journey) -> None:
        self._layout.removeWidget(self.body)
        self.body.hide()
        self.body.deleteLater()
        self.body = QWidget()
        grid = QGridLayout(self.body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, LABEL_WIDTH)
        row = 0
        for step in STEPS[:-1]:
            answers = journey.step_answers(step)
            lines = [(spec.label.pick(self.language), self.answer_text(spec, answers[spec.name]))
                     for spec in journey.step_fields(step) if spec.name in answers]
            if step is Step.SITE and (zone := journey.wage_zone()) is not None:
                zone_text = describe_zone(zone)
                lines.append((self.tr("Minimum-wage zone"), self.tr("{zone} (to verify)").format(zone=zone_text)
                              if zone.to_verify else zone_text))
            title = QLabel(STEP_TITLES[step].pick(self.language))
            bold = title.font()
            bold.setBold(True)
            title.setFont(bold)
            title.setContentsMargins(0, 6, 0, 0)
            grid.addWidget(title, row, 0, 1, 2)
            row += 1
            if not lines:
                lines = [(self.tr("(not answered)"), "")]
            for label, value in lines:
                name = QLabel(label)
                name.setWordWrap(True)
                name.setFixedWidth(LABEL_WIDTH)
                text = QLabel(value)
                text.setWordWrap(True)
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(text, row, 1, Qt.AlignmentFlag.AlignTop)
                row += 1
        self._layout.addWidget(self.body)

    def answer_text(self, spec: FieldSpec, value: object) -> str:
        if spec.kind is FieldKind.CHOICE:
            labels = {c.value: c.label.pick(self.language) for c in spec.choices}
            return labels.get(str(value), str(value))
        if spec.kind is FieldKind.BOOL:
            return self.tr("Yes") if value is True else self.tr("No")
        if spec.kind is FieldKind.AMOUNT:
            try:
                number = Decimal(str(value))
                places = max(0, -int(number.as_tuple().exponent))
                return f"{format_number(number, self.language, places)} {spec.unit}".strip()
            except InvalidOperation:
                return str(value)
        if spec.kind is FieldKind.PERCENT:
            return f"{value} %"
        if spec.kind is FieldKind.DATE and isinstance(value, str):
            try:
                return table_date(date.fromisoformat(value), self.language)
            except ValueError:
                return value
        if spec.kind is FieldKind.ROLES and isinstance(value, list):
            return "\n".join(self.tr("{role}: headcount {headcount}, %n shift(s) a day", "", int(r["shifts"])).format(
                role=r["role"], headcount=r["headcount"]) for r in value if isinstance(r, Mapping))
        return str(value)


class StepPage(QWidget):
    """One step: a heading, the questions (label, input, message), then the step's extras."""

    edited = Signal()

    def __init__(self, step: Step, specs: Sequence[FieldSpec], language: str, notice: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.specs = tuple(specs)
        self.language = language
        self.inputs: dict[str, FieldInput] = {}
        self.messages: dict[str, QLabel] = {}
        self._filling = False
        layout = QVBoxLayout(self)
        self.heading = QLabel(STEP_TITLES[step].pick(language))
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.notice: QLabel | None = None
        if notice:
            self.notice = QLabel(notice)
            self.notice.setObjectName("notice")
            self.notice.setWordWrap(True)
            frame = QFrame()
            frame.setObjectName("info")
            frame.setStyleSheet(INFO_STYLE)
            QVBoxLayout(frame).addWidget(self.notice)
            layout.addWidget(frame)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for spec in self.specs:
            self._add(spec)
        layout.addLayout(self.form)
        if any(s.required for s in self.specs):
            legend = QLabel(self.tr("* Required"))
            legend.setStyleSheet("color: #555555;")
            layout.addWidget(legend)
        self.zone_box: WageZoneBox | None = None
        self.summary: AnswersSummary | None = None
        self.recommendations: RecommendationsView | None = None
        if step is Step.SITE:
            self.zone_box = WageZoneBox()
            layout.addWidget(self.zone_box)
        if step is STEPS[-1]:
            self.summary = AnswersSummary(language)
            layout.addWidget(self.summary)
        if step in (Step.PROGRAMS, STEPS[-1]):
            self.recommendations = RecommendationsView(language)
            layout.addWidget(self.recommendations)
        layout.addStretch(1)

    def _add(self, spec: FieldSpec) -> None:
        field = make_input(spec, self.language)
        field.setObjectName(f"input_{spec.name}")
        field.edited.connect(self._edited)
        message = QLabel()
        message.setObjectName(f"message_{spec.name}")
        message.setWordWrap(True)
        message.setStyleSheet(ERROR_STYLE)
        message.hide()
        holder = QWidget()
        holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(field)
        column.addWidget(message)
        if isinstance(field, BoolInput):
            self.form.addRow(holder)  # the check box carries its own text
        else:
            label = QLabel(spec.label.pick(self.language) + (" *" if spec.required else ""))
            label.setWordWrap(True)
            label.setFixedWidth(LABEL_WIDTH)
            label.setBuddy(field.focus_chain()[0])
            self.form.addRow(label, holder)
        self.inputs[spec.name] = field
        self.messages[spec.name] = message

    def _edited(self) -> None:
        if not self._filling:
            self.edited.emit()

    def values(self) -> dict[str, object]:
        return {name: field.value() for name, field in self.inputs.items()}

    def fill(self, answers: Mapping[str, object]) -> None:
        self._filling = True
        try:
            for name, field in self.inputs.items():
                field.set_value(answers.get(name))
        finally:
            self._filling = False

    def show_error(self, field: str, text: str) -> bool:
        """Show `text` under the question `field` names; False when no question here has that name."""
        name = field_root(field)
        if name not in self.inputs:
            return False
        self.messages[name].setText(text)
        self.messages[name].show()
        self.inputs[name].point_at(field)
        return True

    def clear_errors(self) -> None:
        for message in self.messages.values():
            message.clear()
            message.hide()

    def focus_chain(self) -> list[QWidget]:
        return [w for field in self.inputs.values() for w in field.focus_chain()]

    def refresh(self, journey: Journey) -> None:
        """Redraw the extras from `journey`."""
        if self.zone_box is not None:
            self.zone_box.show_zone(journey.wage_zone())
        if self.summary is not None:
            self.summary.show_journey(journey)
        if self.recommendations is not None:
            self.recommendations.show_recommendations(journey.recommendations())
