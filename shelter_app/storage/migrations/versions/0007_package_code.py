"""Form packages protected by a one-time code told by phone: keep the code sealed to the consultant's form key.

Revision ID: 0007_package_code
Revises: 0006_response_pinning
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_package_code"
down_revision: str | None = "0006_response_pinning"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("form_package", schema=None) as batch_op:
        batch_op.add_column(sa.Column("code_sealed", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("form_package", schema=None) as batch_op:
        batch_op.drop_column("code_sealed")
