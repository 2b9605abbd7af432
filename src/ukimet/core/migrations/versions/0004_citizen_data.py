"""Citizen data out of the metadata store: a case keeps keyed hashes of the values its rule read (and the purpose
it was opened under), an SMS its template instead of its text and phone, a finding the keyed hash of its values
and the number of its records. The values themselves live in the integrated store's ``evidence`` schema, read
through the gateway (model.evidence).

Rows of an earlier release are moved before a column is dropped: the new columns are added, then, if an old
column still holds a value, apps.citizen_data_upgrade moves every such row into the store on this migration's
own connection (it needs the home's settings, which core.migrate hands over when a home is opened, and the store
open for writing). The columns are dropped only when no row holds a value any more: without the settings, or if
anything is left, the migration refuses and changes nothing. core.migrate vacuums the file afterwards, so that
no page keeps the old values.

Revision ID: 0004
Revises: 0003
"""

from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from alembic import context, op

if TYPE_CHECKING:
    from ukimet.core.settings import Settings

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

ADDED: dict[str, list[sa.Column[Any]]] = {
    "cases": [sa.Column("evidence_keys", sa.JSON(), nullable=False, server_default="{}"),
              sa.Column("purpose", sa.Text(), nullable=True)],
    "outbox": [sa.Column("template", sa.String(length=64), nullable=False, server_default=""),
               sa.Column("template_version", sa.String(length=32), nullable=False, server_default=""),
               sa.Column("languages", sa.String(length=16), nullable=False, server_default="")],
    "findings": [sa.Column("values_hash", sa.String(length=64), nullable=False, server_default=""),
                 sa.Column("records", sa.Integer(), nullable=False, server_default="0")],
}
DROPPED = {"cases": ["evidence"], "outbox": ["phone", "text_kk", "text_ru"], "findings": ["values", "evidence"]}


def _columns(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    from ukimet.apps.citizen_data_upgrade import still_held
    from ukimet.core.errors import StoreError

    bind = op.get_bind()
    held = still_held(bind)
    settings: Settings | None = context.config.attributes.get("settings")
    if held and settings is None:
        raise StoreError("migrate.citizen_data_no_home", held=", ".join(f"{t}: {n}" for t, n in held.items()))
    store = None
    if held and settings is not None:  # opened before anything changes: a store in use refuses, nothing altered
        from ukimet.sync.store import open_store

        store = open_store(settings.resolved_store_path())
    try:
        for table, columns in ADDED.items():
            missing = [c for c in columns if c.name not in _columns(table)]  # a failed run on SQLite may leave some
            if missing:
                with op.batch_alter_table(table) as batch:
                    for column in missing:
                        batch.add_column(column)
        if store is not None and settings is not None:
            from ukimet.apps.citizen_data_upgrade import move_citizen_data

            move_citizen_data(settings, bind, store)
    finally:
        if store is not None:
            store.close()
    left = still_held(bind)
    if left:
        raise StoreError("migrate.citizen_data_left", held=", ".join(f"{t}: {n}" for t, n in left.items()))
    for table, names in DROPPED.items():
        present = [n for n in names if n in _columns(table)]
        if present:
            with op.batch_alter_table(table) as batch:
                for name in present:
                    batch.drop_column(name)


def downgrade() -> None:
    """The columns come back empty: the values stay in the store's evidence schema."""
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("evidence", sa.JSON(), nullable=False, server_default="{}"))
        batch.drop_column("purpose")
        batch.drop_column("evidence_keys")
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("phone", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("text_kk", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("text_ru", sa.Text(), nullable=False, server_default=""))
        for name in ("languages", "template_version", "template"):
            batch.drop_column(name)
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("values", sa.JSON(), nullable=False, server_default="{}"))
        batch.add_column(sa.Column("evidence", sa.JSON(), nullable=False, server_default="[]"))
        batch.drop_column("records")
        batch.drop_column("values_hash")
