"""Server-side sessions and sign-in throttling: the sessions (only a hash of each id), the sign-in attempts counted
per account and per address, and the lockouts they caused. New tables only: nothing existing is rewritten.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("user_name", sa.String(length=128), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("end_reason", sa.String(length=16), nullable=True),
        sa.PrimaryKeyConstraint("id_hash"),
    )
    op.create_index(op.f("ix_sessions_user_name"), "sessions", ["user_name"], unique=False)
    op.create_table(
        "signin_attempts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.String(length=128), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("ok", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_signin_attempts_at"), "signin_attempts", ["at"], unique=False)
    op.create_index(op.f("ix_signin_attempts_user_name"), "signin_attempts", ["user_name"], unique=False)
    op.create_index(op.f("ix_signin_attempts_address"), "signin_attempts", ["address"], unique=False)
    op.create_table(
        "signin_lockouts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=128), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("until", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_signin_lockouts_subject"), "signin_lockouts", ["subject"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_signin_lockouts_subject"), table_name="signin_lockouts")
    op.drop_table("signin_lockouts")
    for column in ("address", "user_name", "at"):
        op.drop_index(op.f(f"ix_signin_attempts_{column}"), table_name="signin_attempts")
    op.drop_table("signin_attempts")
    op.drop_index(op.f("ix_sessions_user_name"), table_name="sessions")
    op.drop_table("sessions")
