"""Setup projects: one engagement per client, from prospect to operating."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from shelter_app.core.portfolio import OperatingModel, ProjectFields, Stage, clean_project
from shelter_app.services import audit, rows
from shelter_app.services.changes import Changes
from shelter_app.services.clients import ProjectView
from shelter_app.storage.db import Database
from shelter_app.storage.models import Client, Project

PROJECT_FIELDS = tuple(ProjectFields.__dataclass_fields__)


def _values(fields: ProjectFields) -> dict[str, Any]:
    values = asdict(fields)
    values["operating_model"] = str(fields.operating_model)
    values["stage"] = str(fields.stage)
    return values


def create_project(db: Database, actor: str, client_id: int, fields: ProjectFields) -> Changes:
    cleaned = clean_project(fields).value
    with db.transaction() as session:
        rows.load(session, Client, "client", client_id)
        project = Project(client_id=client_id, **_values(cleaned))
        session.add(project)
        session.flush()
        assert project.id is not None
        audit.record(session, actor, "project", project.id, "create", None,
                     {k: rows.plain(v) for k, v in _values(cleaned).items()}, client_id=client_id)
        return Changes("project", project.id, "create", client_id, PROJECT_FIELDS)


def update_project(db: Database, actor: str, project_id: int, expected_version: int, fields: ProjectFields) -> Changes:
    cleaned = clean_project(fields).value
    with db.transaction() as session:
        project, changed = rows.update(session, Project, "project", project_id, expected_version,
                                       _values(cleaned), actor)
        return Changes("project", project_id, "update" if changed else "none", project.client_id, changed)


def get_project(db: Database, project_id: int) -> tuple[int, ProjectView]:
    """The project and the id of its client."""
    with db.transaction() as session:
        p = rows.load(session, Project, "project", project_id)
        assert p.id is not None
        return p.client_id, ProjectView(p.id, p.title, p.operating_model, p.target_start, p.stage, p.consultant,
                                        p.version, p.updated_at)


def prepared_by(db: Database, project_id: int, given: str = "", fallback: str = "") -> str:
    """Who prepared a document of the project, as it prints: the name given (a CLI option), else the project's
    consultant, else `fallback` (the Settings' name); never the computer's login."""
    if given.strip():
        return given.strip()
    with db.transaction() as session:
        consultant = rows.load(session, Project, "project", project_id).consultant.strip()
    return consultant or fallback.strip()


def fields_of(view: ProjectView) -> ProjectFields:
    return ProjectFields(view.title, OperatingModel(view.operating_model), view.target_start, Stage(view.stage),
                         view.consultant)
