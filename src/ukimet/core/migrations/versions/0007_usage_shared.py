"""The daily limits read from the log at every access, by every worker process: a user's entries of one day
(``user_name``, ``at``) and the persons an entry touched (``audit_persons.seq``) are found through indexes, so that
counting a user's rows and distinct persons of today never scans the log.

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_entries_user_at", "audit_entries", ["user_name", "at"])
    op.create_index("ix_audit_persons_seq", "audit_persons", ["seq"])


def downgrade() -> None:
    op.drop_index("ix_audit_persons_seq", table_name="audit_persons")
    op.drop_index("ix_audit_entries_user_at", table_name="audit_entries")
