"""What each user has read each day (``audit_usage``: rows and distinct persons), kept with every entry that
counts towards the daily limits, so that the limits are decided under the log's lock by reading one row instead
of counting the user's entries and persons of the day (which grew with every access of a busy user, inside the
lock every other access waits for). Filled from the log as it stands.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_usage",
        sa.Column("user_name", sa.String(128), primary_key=True),
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("rows", sa.BigInteger(), nullable=False),
        sa.Column("persons", sa.BigInteger(), nullable=False),
    )
    op.execute("""INSERT INTO audit_usage (user_name, day, rows, persons)
        SELECT d.user_name, d.day, d.rows,
               (SELECT count(DISTINCT p.person_hash) FROM audit_persons p JOIN audit_entries f ON f.seq = p.seq
                WHERE f.user_name = d.user_name AND substr(f.at, 1, 10) = d.day AND f.action IN ('query', 'view'))
        FROM (SELECT user_name, substr(at, 1, 10) AS day, sum(rows) AS rows FROM audit_entries
              WHERE action IN ('query', 'view') GROUP BY user_name, substr(at, 1, 10)) d""")


def downgrade() -> None:
    op.drop_table("audit_usage")
