"""What a write changed, so views refresh only that (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field

from shelter_app.core.identifiers import IdentifierWarning


@dataclass(frozen=True)
class Changes:
    """The summary every service write returns.

    `fields` is empty when nothing changed (saving an untouched form writes nothing);
    `warnings` are things the user should see that did not block the save.
    """

    entity: str
    entity_id: int
    action: str
    client_id: int
    fields: tuple[str, ...] = ()
    warnings: tuple[IdentifierWarning, ...] = field(default=())

    @property
    def changed(self) -> bool:
        return self.action != "none"
