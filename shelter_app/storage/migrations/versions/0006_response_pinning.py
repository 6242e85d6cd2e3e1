"""Form responses signed by the client installation: pin a package to the installation that answered first.

Revision ID: 0006_response_pinning
Revises: 0005_form_packages
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401  (autogenerate renders AutoString from here)
from alembic import op

revision: str = "0006_response_pinning"
down_revision: str | None = "0005_form_packages"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("form_package", schema=None) as batch_op:
        batch_op.add_column(sa.Column("installation_key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
        batch_op.add_column(sa.Column("last_written_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("form_package", schema=None) as batch_op:
        batch_op.drop_column("last_written_at")
        batch_op.drop_column("installation_key")
