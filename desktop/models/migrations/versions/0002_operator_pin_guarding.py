"""Operator PIN guarding: wrong PINs in a row, last failure, lock-out

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("operator") as batch:
        batch.add_column(sa.Column("failed_pins", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("last_failed_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("locked_out", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("operator") as batch:
        batch.drop_column("locked_out")
        batch.drop_column("last_failed_at")
        batch.drop_column("failed_pins")
