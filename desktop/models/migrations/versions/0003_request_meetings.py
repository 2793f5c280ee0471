"""Meeting requests ask for a number of meetings (a pair that meets twice)

Revision ID: 0003
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('meeting_request', schema=None) as batch_op:
        batch_op.add_column(sa.Column('meetings', sa.Integer(), server_default='1', nullable=False))
        batch_op.create_check_constraint(op.f('ck_meeting_request_meetings_range'), 'meetings BETWEEN 1 AND 50')


def downgrade() -> None:
    with op.batch_alter_table('meeting_request', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_meeting_request_meetings_range'), type_='check')
        batch_op.drop_column('meetings')
