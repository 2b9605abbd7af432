"""Saved questions: a user's questions kept for their dashboard, each private or shared within the owner's
organisation (``saved_questions``). Only the question is kept, never an answer: a dashboard asks it again as
whoever looks, with their own rights.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_questions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("owner", sa.String(128), nullable=False),
        sa.Column("organisation", sa.String(256), nullable=False),
        sa.Column("title", sa.String(120), nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("shared", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_saved_questions_owner", "saved_questions", ["owner"])
    op.create_index("ix_saved_questions_organisation", "saved_questions", ["organisation"])


def downgrade() -> None:
    op.drop_index("ix_saved_questions_organisation", table_name="saved_questions")
    op.drop_index("ix_saved_questions_owner", table_name="saved_questions")
    op.drop_table("saved_questions")
