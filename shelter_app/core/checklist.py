"""Checklist item states and the rules for changing them, without storage.

`check_transition` is what `services.checklists.set_status` applies: a reason is required to
mark an item not applicable or blocked, and finishing (or starting) an item whose
prerequisites are not done is allowed only with a reason, after a warning that names them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from shelter_app.core.bilingual import Text
from shelter_app.core.errors import ValidationError


class ItemStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    WAITING = "waiting"  # on a third party: a government office, the notary, the broker
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"
    BLOCKED = "blocked"

    @property
    def closed(self) -> bool:
        """Done or not applicable: nothing more to do, dependents may proceed."""
        return self in (ItemStatus.DONE, ItemStatus.NOT_APPLICABLE)


class OwnerRole(StrEnum):
    """Who does an item (the packs' `who`)."""

    CLIENT = "client"
    SHELTER = "shelter"
    CUSTOMS_BROKER = "customs_broker"
    NOTARY = "notary"
    ADVISOR = "advisor"
    GOVERNMENT = "government"


# Spanish: a checklist item is "la tarea" (feminine).
STATUS_LABELS: Final[dict[ItemStatus, Text]] = {
    ItemStatus.NOT_STARTED: Text("Not started", "Sin iniciar"),
    ItemStatus.IN_PROGRESS: Text("In progress", "En proceso"),
    ItemStatus.WAITING: Text("Waiting on third party", "En espera de terceros"),
    ItemStatus.DONE: Text("Done", "Terminada"),
    ItemStatus.NOT_APPLICABLE: Text("Not applicable", "No aplica"),
    ItemStatus.BLOCKED: Text("Blocked", "Bloqueada"),
}
"""An item's states as screens and documents name them, in the order a consultant moves through them."""

OWNER_LABELS: Final[dict[OwnerRole, Text]] = {
    OwnerRole.CLIENT: Text("Client", "Cliente"),
    OwnerRole.SHELTER: Text("Shelter provider", "Empresa albergue"),
    OwnerRole.CUSTOMS_BROKER: Text("Customs broker", "Agente aduanal"),
    OwnerRole.NOTARY: Text("Notary", "Notario"),
    OwnerRole.ADVISOR: Text("Advisor", "Asesor"),
    OwnerRole.GOVERNMENT: Text("Government body", "Dependencia de gobierno"),
}
"""Who does an item, as screens and documents name them."""


def label_of(table: Mapping[str, Text], code: str, language: str) -> str:
    """A stored code in words; an unknown code (a newer database) is shown as it is stored."""
    found = table.get(code)
    return found.pick(language) if found is not None else code


REASON_REQUIRED = (ItemStatus.NOT_APPLICABLE, ItemStatus.BLOCKED)


@dataclass(frozen=True)
class TransitionCheck:
    """The outcome of a status change check: the open prerequisites that a reason must justify."""

    open_prerequisites: tuple[str, ...] = ()

    @property
    def needs_reason(self) -> bool:
        return bool(self.open_prerequisites)


def check_transition(
    new: ItemStatus,
    reason: str,
    depends_on: Sequence[str],
    statuses: Mapping[str, ItemStatus],
) -> TransitionCheck:
    """Validate a status change; raise ValidationError when it cannot be saved as given.

    `statuses` holds the current status of the item's prerequisites that apply to the project
    (prerequisites that do not apply are ignored).
    """
    reason = reason.strip()
    if new in REASON_REQUIRED and not reason:
        label_en = "not applicable" if new is ItemStatus.NOT_APPLICABLE else "blocked"
        label_es = "no aplica" if new is ItemStatus.NOT_APPLICABLE else "bloqueada"
        raise ValidationError(f"Say why the item is {label_en}: a reason is required.",
                              f"Indique por qué la tarea está {label_es}: el motivo es obligatorio.", field="reason")
    if new not in (ItemStatus.DONE, ItemStatus.IN_PROGRESS):
        return TransitionCheck()
    open_ids = tuple(d for d in depends_on if d in statuses and not statuses[d].closed)
    if open_ids and not reason:
        names = ", ".join(open_ids)
        raise ValidationError(
            f"Its prerequisites are not done yet ({names}). To go ahead anyway, give a reason.",
            f"Sus requisitos previos aún no están terminados ({names}). Para continuar de todos modos, "
            "indique un motivo.",
            field="reason",
        )
    return TransitionCheck(open_ids)
