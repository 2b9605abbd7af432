"""What each user has read each day (``audit_usage``: rows and distinct persons; ``audit_day_persons``: which
persons), kept with every entry that counts towards the daily limits, so that the limits are decided under the
log's lock by reading one row and looking up the access's persons by key, instead of counting the user's entries
and persons of the day (which grew with every access of a busy user and every view of a person, inside the lock
every other access waits for). Filled from the log as it stands.

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
    op.create_table(
        "audit_day_persons",
        sa.Column("user_name", sa.String(128), primary_key=True),
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("person_hash", sa.String(64), primary_key=True),
    )
    op.execute("""INSERT INTO audit_day_persons (user_name, day, person_hash)
        SELECT DISTINCT e.user_name, substr(e.at, 1, 10), p.person_hash FROM audit_persons p
        JOIN audit_entries e ON e.seq = p.seq WHERE e.action IN ('query', 'view')""")
    op.execute("""INSERT INTO audit_usage (user_name, day, rows, persons)
        SELECT d.user_name, d.day, d.rows,
               (SELECT count(*) FROM audit_day_persons s WHERE s.user_name = d.user_name AND s.day = d.day)
        FROM (SELECT user_name, substr(at, 1, 10) AS day, sum(rows) AS rows FROM audit_entries
              WHERE action IN ('query', 'view') GROUP BY user_name, substr(at, 1, 10)) d""")


def downgrade() -> None:
    op.drop_table("audit_usage")
    op.drop_table("audit_day_persons")
