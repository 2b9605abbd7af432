"""A citizen account names its own person as the audit log does, by the keyed hash of the IIN (gateway.audit
.person_hash, keyed with home/keys/person.key), not by the IIN: the data tracker finds the same entries, and
the metadata store keeps no IIN. Existing accounts' IINs are hashed with the installation's key, which needs the
home's settings (core.migrate hands them over when a home is opened); without them, an account with an IIN makes
the migration refuse and change nothing. core.migrate vacuums the file afterwards.

Revision ID: 0005
Revises: 0004
"""

from typing import TYPE_CHECKING

import sqlalchemy as sa
from alembic import context, op

if TYPE_CHECKING:
    from ukimet.core.settings import Settings

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from ukimet.core.errors import StoreError
    from ukimet.gateway.audit import person_hash, person_key

    bind = op.get_bind()
    citizens = bind.execute(sa.text("SELECT name, iin FROM users WHERE iin IS NOT NULL AND iin <> ''")).all()
    settings: Settings | None = context.config.attributes.get("settings")
    if citizens and settings is None:
        raise StoreError("migrate.citizen_iins_no_home", count=len(citizens))
    if "person_hash" not in {c["name"] for c in sa.inspect(bind).get_columns("users")}:
        with op.batch_alter_table("users") as batch:
            batch.add_column(sa.Column("person_hash", sa.String(length=64), nullable=True))
    if citizens and settings is not None:
        key = person_key(settings)
        for name, iin in citizens:
            bind.execute(sa.text("UPDATE users SET person_hash = :person, iin = NULL WHERE name = :name"),
                         {"person": person_hash(key, iin), "name": name})
    with op.batch_alter_table("users") as batch:
        batch.drop_column("iin")


def downgrade() -> None:
    """The column comes back empty: a hash cannot be turned back into the IIN."""
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("iin", sa.String(length=12), nullable=True))
        batch.drop_column("person_hash")
