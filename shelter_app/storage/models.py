"""The tables. Every editable row has created/updated UTC timestamps and a `version`.

`version` is SQLAlchemy's `version_id_col`: an UPDATE carries `WHERE version = <read>`,
so two consultants on one database never overwrite each other silently; the services turn
the stale-row error into a conflict message showing both versions.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from shelter_app.storage.types import UTCDateTime, utcnow

# Named constraints: Alembic's batch mode on SQLite needs names to alter tables later.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata


def _created() -> Any:
    return Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


def _updated() -> Any:
    return Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


def _version_column() -> Column[int]:
    return Column("version", Integer, nullable=False, default=1)


_client_version = _version_column()
_contact_version = _version_column()
_project_version = _version_column()


class Client(SQLModel, table=True):
    """A client company: the manufacturer the provider walks through the setup."""

    __tablename__: ClassVar[str] = "client"
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": _client_version}
    # the portfolio lists unarchived clients in name order: this index serves both
    __table_args__ = (Index("ix_client_archived_search", "archived", "search_text"),)

    id: int | None = Field(default=None, primary_key=True)
    legal_name: str = Field(max_length=200)
    trade_name: str = Field(default="", max_length=200)
    country: str = Field(default="MX", max_length=2)
    rfc: str | None = Field(default=None, max_length=13, unique=True)
    industry: str = Field(default="", max_length=200)
    hq_address: str = Field(default="", max_length=500)
    website: str = Field(default="", max_length=500)
    notes: str = Field(default="", sa_type=Text)
    archived: bool = Field(default=False)
    # casefolded, accent-free legal name + trade name + RFC, for accent-insensitive search
    search_text: str = Field(default="", sa_type=Text)
    created_at: datetime = _created()
    updated_at: datetime = _updated()
    version: int = Field(default=1, sa_column=_client_version)


class Contact(SQLModel, table=True):
    """A person at the client company."""

    __tablename__: ClassVar[str] = "contact"
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": _contact_version}

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(sa_column=Column(Integer, ForeignKey("client.id", ondelete="CASCADE"),
                                            nullable=False, index=True))
    name: str = Field(max_length=200)
    role: str = Field(default="", max_length=200)
    email: str = Field(default="", max_length=254)
    phone: str = Field(default="", max_length=32)
    preferred_language: str = Field(default="es", max_length=5)
    created_at: datetime = _created()
    updated_at: datetime = _updated()
    version: int = Field(default=1, sa_column=_contact_version)


class Project(SQLModel, table=True):
    """One setup engagement for a client (journey, checklists and business case hang off it)."""

    __tablename__: ClassVar[str] = "project"
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": _project_version}
    __table_args__ = (Index("ix_project_client_stage", "client_id", "stage"),)

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(sa_column=Column(Integer, ForeignKey("client.id", ondelete="CASCADE"),
                                            nullable=False, index=True))
    title: str = Field(max_length=200)
    operating_model: str = Field(default="undecided", max_length=20)
    target_start: date | None = Field(default=None)
    stage: str = Field(default="prospect", max_length=20)
    consultant: str = Field(default="", max_length=200)
    created_at: datetime = _created()
    updated_at: datetime = _updated()
    version: int = Field(default=1, sa_column=_project_version)


class AuditEvent(SQLModel, table=True):
    """Who changed what and when, with the values before and after (JSON). Never edited."""

    __tablename__: ClassVar[str] = "audit_event"
    __table_args__ = (Index("ix_audit_event_entity", "entity", "entity_id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    actor: str = Field(max_length=200)
    entity: str = Field(max_length=40)
    entity_id: int
    # the client the row belongs to, so a client's history includes its contacts and projects
    client_id: int | None = Field(default=None, index=True)
    action: str = Field(max_length=20)
    before: str | None = Field(default=None, sa_type=Text)
    after: str | None = Field(default=None, sa_type=Text)


# An item still to do. Written out with literal values: a query can only use the partial index below
# when its WHERE repeats this condition word for word (bound parameters hide the values from the planner).
OPEN_ITEM_CONDITION = "applies AND status NOT IN ('done', 'not_applicable')"
_journey_version = _version_column()
_item_version = _version_column()


class ProjectJourney(SQLModel, table=True):
    """The setup journey's answers for a project (JSON of core.journey), and where it stands."""

    __tablename__: ClassVar[str] = "project_journey"
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": _journey_version}

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(sa_column=Column(Integer, ForeignKey("project.id", ondelete="CASCADE"),
                                             nullable=False, unique=True))
    answers: str = Field(default="{}", sa_type=Text)
    step: str = Field(default="profile", max_length=40)
    completed: bool = Field(default=False)
    created_at: datetime = _created()
    updated_at: datetime = _updated()
    version: int = Field(default=1, sa_column=_journey_version)


class ChecklistItem(SQLModel, table=True):
    """One item of a checklist pack, instantiated for a project with its state and dates.

    Rows are never deleted when the answers change: an item that stops applying keeps its
    status, notes and evidence with `applies` false, and comes back intact if it applies again.
    """

    __tablename__: ClassVar[str] = "checklist_item"
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": _item_version}
    __table_args__ = (
        UniqueConstraint("project_id", "item_id"),
        Index("ix_checklist_item_client_status", "client_id", "status"),
        Index("ix_checklist_item_status_due", "status", "due_on"),
        # the portfolio-wide "overdue" list walks open items in due-date order and stops early
        Index("ix_checklist_item_open_due", "due_on", sqlite_where=text(OPEN_ITEM_CONDITION),
              postgresql_where=text(OPEN_ITEM_CONDITION)),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(sa_column=Column(Integer, ForeignKey("project.id", ondelete="CASCADE"),
                                             nullable=False, index=True))
    client_id: int = Field(sa_column=Column(Integer, ForeignKey("client.id", ondelete="CASCADE"), nullable=False))
    pack_id: str = Field(max_length=60)
    pack_version: str = Field(max_length=30)
    item_id: str = Field(max_length=120)
    applies: bool = Field(default=True)
    status: str = Field(default="not_started", max_length=20)
    status_reason: str = Field(default="", sa_type=Text)
    owner_role: str = Field(default="", max_length=40)
    assignee: str = Field(default="", max_length=200)
    start_on: date | None = Field(default=None)
    due_on: date | None = Field(default=None)
    manual_start: date | None = Field(default=None)
    manual_due: date | None = Field(default=None)
    completed_on: date | None = Field(default=None)
    critical: bool = Field(default=False)
    notes: str = Field(default="", sa_type=Text)
    created_at: datetime = _created()
    updated_at: datetime = _updated()
    version: int = Field(default=1, sa_column=_item_version)


class Evidence(SQLModel, table=True):
    """A file attached to a checklist item: the file lives in the data folder under its SHA-256."""

    __tablename__: ClassVar[str] = "evidence"

    id: int | None = Field(default=None, primary_key=True)
    checklist_item_id: int = Field(sa_column=Column(Integer, ForeignKey("checklist_item.id", ondelete="CASCADE"),
                                                    nullable=False, index=True))
    file_name: str = Field(max_length=255)
    size_bytes: int
    sha256: str = Field(max_length=64)
    added_by: str = Field(max_length=200)
    added_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    removed: bool = Field(default=False)


_scenario_version = _version_column()


class BusinessScenario(SQLModel, table=True):
    """One scenario of a project's business case, side by side with its siblings (cities, shelter or own
    entity): the inputs as a `shelter-app/business-case@1` document, so what the GUI edits is exactly what
    `shelter-app business-case compute` reads."""

    __tablename__: ClassVar[str] = "business_scenario"
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": _scenario_version}
    __table_args__ = (UniqueConstraint("project_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(sa_column=Column(Integer, ForeignKey("project.id", ondelete="CASCADE"),
                                             nullable=False, index=True))
    client_id: int = Field(sa_column=Column(Integer, ForeignKey("client.id", ondelete="CASCADE"), nullable=False))
    name: str = Field(max_length=200)
    structure: str = Field(default="shelter", max_length=20)  # shelter | own_entity
    position: int = Field(default=0)
    document: str = Field(sa_type=Text)
    created_at: datetime = _created()
    updated_at: datetime = _updated()
    version: int = Field(default=1, sa_column=_scenario_version)


class BusinessDocument(SQLModel, table=True):
    """A business-case PDF as generated for the client, kept in the data folder under its SHA-256 so the
    consultant can find exactly what the client was given."""

    __tablename__: ClassVar[str] = "business_document"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(sa_column=Column(Integer, ForeignKey("project.id", ondelete="CASCADE"),
                                             nullable=False, index=True))
    client_id: int = Field(sa_column=Column(Integer, ForeignKey("client.id", ondelete="CASCADE"), nullable=False))
    file_name: str = Field(max_length=255)
    scenarios: str = Field(default="[]", sa_type=Text)  # JSON list of the scenario names it compares
    language: str = Field(max_length=10)
    paper: str = Field(max_length=10)
    size_bytes: int
    sha256: str = Field(max_length=64)
    created_by: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class FormPackage(SQLModel, table=True):
    """A form package exported for a client (consultant side): what was sent, so a response can be matched to it
    and its answers compared with what the project held when it was sent (to spot edits made since)."""

    __tablename__: ClassVar[str] = "form_package"

    id: int | None = Field(default=None, primary_key=True)
    package_id: str = Field(max_length=36, unique=True)
    project_id: int = Field(sa_column=Column(Integer, ForeignKey("project.id", ondelete="CASCADE"),
                                             nullable=False, index=True))
    client_id: int = Field(sa_column=Column(Integer, ForeignKey("client.id", ondelete="CASCADE"), nullable=False))
    form_id: str = Field(max_length=60)
    form_version: str = Field(max_length=30)
    language: str = Field(max_length=10)
    prefill: str = Field(default="{}", sa_type=Text)  # JSON answers sent with the package
    sent_values: str = Field(default="{}", sa_type=Text)  # JSON {target: value} the project held when sent
    file_sha256: str = Field(max_length=64)
    created_by: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    # pinning: the client installation whose signed response was accepted first (its Ed25519 verify key, base64);
    # later responses to this package must be signed by it and written after `last_written_at` (the latest accepted)
    installation_key: str | None = Field(default=None, max_length=64)
    last_written_at: datetime | None = Field(default=None, sa_type=UTCDateTime, nullable=True)
    # a package protected by a one-time code: the code and its derivation sealed to the consultant's form key
    # (`exchange.packagecode.seal_code`), so a response's proof can be checked and the code told again; never clear
    code_sealed: str | None = Field(default=None, sa_type=Text, nullable=True)


class FormResponse(SQLModel, table=True):
    """A client's response, imported (consultant side). Never edited: importing the same response again is
    recognised by `response_id` and changes nothing."""

    __tablename__: ClassVar[str] = "form_response"

    id: int | None = Field(default=None, primary_key=True)
    response_id: str = Field(max_length=36, unique=True)
    package_row_id: int = Field(sa_column=Column(Integer, ForeignKey("form_package.id", ondelete="CASCADE"),
                                                 nullable=False, index=True))
    project_id: int = Field(sa_column=Column(Integer, ForeignKey("project.id", ondelete="CASCADE"),
                                             nullable=False, index=True))
    client_id: int = Field(sa_column=Column(Integer, ForeignKey("client.id", ondelete="CASCADE"), nullable=False))
    form_id: str = Field(max_length=60)
    form_version: str = Field(max_length=30)
    answers: str = Field(sa_type=Text)  # JSON, as validated against the definition version
    answers_sha256: str = Field(max_length=64)
    file_sha256: str = Field(max_length=64)
    applied: str = Field(default="[]", sa_type=Text)  # JSON list of the targets accepted into the project
    imported_by: str = Field(max_length=200)
    imported_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


_draft_version = _version_column()


class FormDraft(SQLModel, table=True):
    """A form being filled from a package (client side), saved as the client types, so a crash or a power cut
    loses at most the last couple of seconds. One draft per package."""

    __tablename__: ClassVar[str] = "form_draft"
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": _draft_version}

    id: int | None = Field(default=None, primary_key=True)
    package_id: str = Field(max_length=36, unique=True)
    form_id: str = Field(max_length=60)
    form_version: str = Field(max_length=30)
    package: str = Field(sa_type=Text)  # the package's JSON (definition, prefill, consultant's key)
    answers: str = Field(default="{}", sa_type=Text)  # JSON canonical answers
    pending: str = Field(default="{}", sa_type=Text)  # JSON {path: text typed that does not parse yet}
    dropped: str = Field(default="[]", sa_type=Text)  # JSON answers a newer version no longer asks
    language: str = Field(default="es", max_length=10)
    page: int = Field(default=0)
    focus: str = Field(default="", max_length=200)  # the path of the question being answered
    exported_at: datetime | None = Field(default=None, sa_type=UTCDateTime, nullable=True)
    created_at: datetime = _created()
    updated_at: datetime = _updated()
    version: int = Field(default=1, sa_column=_draft_version)
