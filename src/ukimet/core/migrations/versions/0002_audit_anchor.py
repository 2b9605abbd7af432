"""The audit log's anchor: each entry records its hash format (1 for every entry written before, verified byte for
byte as it was), and the incremental Merkle frontier is kept beside the log so that an append does not rebuild the
tree. Adding a column with a default rewrites no entry.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_entries") as batch:
        batch.add_column(sa.Column("hash_format", sa.Integer(), server_default="1", nullable=False))
    op.create_table(
        "audit_frontier",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("nodes", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("audit_frontier")
    with op.batch_alter_table("audit_entries") as batch:
        batch.drop_column("hash_format")
