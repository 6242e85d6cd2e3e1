"""The setup journey and the checklists: journey answers, checklist items, evidence.

Revision ID: 0003_checklists
Revises: 0002_audit
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_checklists"
down_revision: str | None = "0002_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _stamps() -> list[sa.Column[object]]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "project_journey",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("step", sa.String(length=40), nullable=False),
        sa.Column("completed", sa.Boolean(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], name=op.f("fk_project_journey_project_id_project"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_journey")),
        sa.UniqueConstraint("project_id", name=op.f("uq_project_journey_project_id")),
    )
    op.create_table(
        "checklist_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("pack_id", sa.String(length=60), nullable=False),
        sa.Column("pack_version", sa.String(length=30), nullable=False),
        sa.Column("item_id", sa.String(length=120), nullable=False),
        sa.Column("applies", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("owner_role", sa.String(length=40), nullable=False),
        sa.Column("assignee", sa.String(length=200), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("manual_start", sa.Date(), nullable=True),
        sa.Column("manual_due", sa.Date(), nullable=True),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("critical", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(["client_id"], ["client.id"], name=op.f("fk_checklist_item_client_id_client"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], name=op.f("fk_checklist_item_project_id_project"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_item")),
        sa.UniqueConstraint("project_id", "item_id", name=op.f("uq_checklist_item_project_id")),
    )
    op.create_index(op.f("ix_checklist_item_project_id"), "checklist_item", ["project_id"], unique=False)
    op.create_index("ix_checklist_item_client_status", "checklist_item", ["client_id", "status"], unique=False)
    op.create_index("ix_checklist_item_status_due", "checklist_item", ["status", "due_on"], unique=False)
    open_items = sa.text("applies AND status NOT IN ('done', 'not_applicable')")
    op.create_index("ix_checklist_item_open_due", "checklist_item", ["due_on"], unique=False,
                    sqlite_where=open_items, postgresql_where=open_items)
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checklist_item_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("added_by", sa.String(length=200), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["checklist_item_id"], ["checklist_item.id"],
                                name=op.f("fk_evidence_checklist_item_id_checklist_item"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    op.create_index(op.f("ix_evidence_checklist_item_id"), "evidence", ["checklist_item_id"], unique=False)


def downgrade() -> None:
    op.drop_table("evidence")
    op.drop_table("checklist_item")
    op.drop_table("project_journey")
