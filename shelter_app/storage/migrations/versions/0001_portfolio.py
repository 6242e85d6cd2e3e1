"""The client portfolio: clients, their contacts and setup projects.

Revision ID: 0001_portfolio
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_portfolio"
down_revision: str | None = None
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
        "client",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("legal_name", sa.String(length=200), nullable=False),
        sa.Column("trade_name", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("rfc", sa.String(length=13), nullable=True),
        sa.Column("industry", sa.String(length=200), nullable=False),
        sa.Column("hq_address", sa.String(length=500), nullable=False),
        sa.Column("website", sa.String(length=500), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client")),
        sa.UniqueConstraint("rfc", name=op.f("uq_client_rfc")),
    )
    op.create_index("ix_client_archived_search", "client", ["archived", "search_text"], unique=False)
    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("preferred_language", sa.String(length=5), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(["client_id"], ["client.id"], name=op.f("fk_contact_client_id_client"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    op.create_index(op.f("ix_contact_client_id"), "contact", ["client_id"], unique=False)
    op.create_table(
        "project",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("operating_model", sa.String(length=20), nullable=False),
        sa.Column("target_start", sa.Date(), nullable=True),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("consultant", sa.String(length=200), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(["client_id"], ["client.id"], name=op.f("fk_project_client_id_client"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project")),
    )
    op.create_index(op.f("ix_project_client_id"), "project", ["client_id"], unique=False)
    op.create_index("ix_project_client_stage", "project", ["client_id", "stage"], unique=False)


def downgrade() -> None:
    op.drop_table("project")
    op.drop_table("contact")
    op.drop_table("client")
