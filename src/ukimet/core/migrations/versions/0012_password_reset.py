"""An administrator's password reset: ``users.must_change_password``, set when an administrator gives an account a
temporary password, so that the account can do nothing but choose a new one; cleared when it does. Accounts made
before it have none to change (NULL).

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as table:
        table.add_column(sa.Column("must_change_password", sa.Boolean, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as table:
        table.drop_column("must_change_password")
