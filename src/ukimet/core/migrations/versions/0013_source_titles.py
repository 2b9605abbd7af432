"""What a source is called in each language: ``sources.titles``, a JSON object from language code (kk, ru, en) to
the source's name as readers know it ("ЕНПФ: вкладчики и пенсионные взносы"), shown beside its code. Sources
added before it have none (NULL): pages show their code as before.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sources") as table:
        table.add_column(sa.Column("titles", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sources") as table:
        table.drop_column("titles")
