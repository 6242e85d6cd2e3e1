"""Service-level problems the user can fix, in both languages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from shelter_app.core.errors import UserError


class NotFound(UserError):
    def __init__(self, entity_en: str, entity_es: str, entity_id: int) -> None:
        super().__init__(
            f"The {entity_en} #{entity_id} does not exist (it may have been deleted by a colleague).",
            f"No existe {entity_es} #{entity_id} (quizá se eliminó en otra sesión).",
        )


class DuplicateClient(UserError):
    def __init__(self, field: str, value: str, other_name: str, other_id: int) -> None:
        if field == "rfc":
            en = f"The RFC {value} already belongs to “{other_name}” (client #{other_id})."
            es = f"El RFC {value} ya pertenece a “{other_name}” (cliente #{other_id})."
        else:
            en = f"A client named “{other_name}” already exists in that country (client #{other_id})."
            es = f"Ya existe un cliente llamado “{other_name}” en ese país (cliente #{other_id})."
        super().__init__(en, es, field=field)
        self.other_id = other_id


class EditConflict(UserError):
    """The row changed since the user opened it: both versions travel with the error.

    `mine` holds what the user tried to save, `theirs` what is stored now; the GUI shows
    them side by side and lets the user reapply their changes on top of the new version.
    """

    def __init__(
        self,
        entity: str,
        entity_id: int,
        mine: Mapping[str, Any],
        theirs: Mapping[str, Any],
        their_version: int,
        their_actor: str | None,
    ) -> None:
        self.entity = entity
        self.entity_id = entity_id
        self.mine = dict(mine)
        self.theirs = dict(theirs)
        self.their_version = their_version
        self.their_actor = their_actor
        differing = [k for k in self.mine if k in self.theirs and self.mine[k] != self.theirs[k]]
        who_en = f" by {their_actor}" if their_actor else ""
        who_es = f" por {their_actor}" if their_actor else ""
        lines_en = "\n".join(f"  {k}: yours “{self.mine[k]}”, saved “{self.theirs[k]}”" for k in differing)
        lines_es = "\n".join(f"  {k}: suyo “{self.mine[k]}”, guardado “{self.theirs[k]}”" for k in differing)
        super().__init__(
            f"This {entity} was changed{who_en} after you opened it (now version {their_version}). "
            f"Nothing was overwritten. Differences:\n{lines_en or '  (none in the fields you edited)'}",
            f"Este registro ({entity}) fue modificado{who_es} después de que usted lo abrió "
            f"(ahora versión {their_version}). No se sobrescribió nada. Diferencias:\n"
            f"{lines_es or '  (ninguna en los campos que editó)'}",
        )
        self.differing = tuple(differing)
