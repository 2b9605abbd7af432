"""The audit log at scale: an index from each person to the entries that touched them (``audit_persons``), and every
perfect Merkle subtree over the entries (``audit_nodes``), so that the citizen's tracker finds its entries and their
inclusion proofs without scanning the log or rebuilding the tree. Both are filled here from the existing entries
(read in order, never rewritten); from now on each entry writes its rows in its own transaction.

Revision ID: 0006
Revises: 0005
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 10_000


def upgrade() -> None:
    from ukimet.gateway import merkle

    op.create_table(
        "audit_persons",
        sa.Column("person_hash", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("person_hash", "seq"),
    )
    op.create_table(
        "audit_nodes",
        sa.Column("level", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("idx", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("level", "idx"),
    )
    bind = op.get_bind()
    persons = sa.table("audit_persons", sa.column("person_hash"), sa.column("seq"))
    nodes = sa.table("audit_nodes", sa.column("level"), sa.column("idx"), sa.column("hash"))
    tree = merkle.Accumulator()
    found: list[dict[str, object]] = []
    made: list[dict[str, object]] = []
    for seq, listed, hashed in bind.execute(sa.text("SELECT seq, persons, hash FROM audit_entries ORDER BY seq")):
        listed = json.loads(listed) if isinstance(listed, str) else listed
        found += [{"person_hash": p, "seq": seq} for p in sorted(set(listed or []))]
        made += [{"level": level, "idx": idx, "hash": node.hex()}
                 for level, idx, node in tree.add(merkle.leaf_hash(hashed))]
        if len(found) >= BATCH or len(made) >= BATCH:
            _flush(bind, persons, nodes, found, made)
    _flush(bind, persons, nodes, found, made)


def _flush(bind: sa.Connection, persons: sa.TableClause, nodes: sa.TableClause, found: list[dict[str, object]],
           made: list[dict[str, object]]) -> None:
    if found:
        bind.execute(sa.insert(persons), found)
    if made:
        bind.execute(sa.insert(nodes), made)
    found.clear()
    made.clear()


def downgrade() -> None:
    op.drop_table("audit_nodes")
    op.drop_table("audit_persons")
