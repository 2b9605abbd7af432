"""Connected components in SQL, through a ``Backend``: the graph stays in the engine (DuckDB, or Spark's
executors), only a count per round comes back to the driver.

Each node keeps a label, a smaller-or-equal node of its own component (at first the smallest of itself and
its neighbours). A round lowers the labels three ways at once:

- *propagation*: a node takes the smallest label among its neighbours;
- *hooking*: a node's label (a node too) takes the smallest label among the neighbours of the nodes that point
  at it, so a whole tree moves under a smaller root in one step, not one edge a round;
- *shortcutting*: a node takes its label's label (pointer jumping), halving every path.

Labels only fall and always stay inside the component, so when a round changes nothing every node of a
component carries the same label, which is then its smallest node. Propagation alone needs as many rounds as a
component is wide (a chain of 100,000 records, 100,000 rounds); with hooking and shortcutting the rounds grow
with the logarithm of the size. The same SQL runs on both engines, so both give the same components."""

from __future__ import annotations

from ukimet.core.errors import LinkError
from ukimet.link.backend import Backend

MAX_ROUNDS = 200
"""A safety net far above the ~2 log2(n) rounds the largest component needs."""


def connected_components(db: Backend, edges: str, out: str, max_rounds: int = MAX_ROUNDS) -> int:
    """``out`` (node, component): each node named in ``edges`` (a query with columns ``a`` and ``b``, an
    undirected edge each; a self-loop a ~ a names a node with no edge) and the smallest node of its component.
    Nodes may be numbers or strings (the smallest by the engine's order). Returns the number of rounds run."""
    db.create("cc_input", f"SELECT a, b FROM ({edges}) e")  # once: the query may weigh, its table is cheap to read
    db.create("cc_edges", """SELECT DISTINCT a, b FROM (SELECT a, b FROM cc_input UNION ALL
        SELECT b AS a, a AS b FROM cc_input) both_ways WHERE a IS NOT NULL AND b IS NOT NULL""")
    db.drop("cc_input")
    db.create("cc_labels_0", "SELECT a AS node, least(a, min(b)) AS label FROM cc_edges GROUP BY a")
    rounds = 0
    while True:
        now, then = f"cc_labels_{rounds % 2}", f"cc_labels_{(rounds + 1) % 2}"
        rounds += 1
        db.create(then, f"""WITH lowered AS (
                SELECT node, min(label) AS label, min(was) AS was FROM (
                    SELECT node, label, label AS was FROM {now}
                    UNION ALL SELECT e.a AS node, n.label, NULL AS was FROM cc_edges e JOIN {now} n ON n.node = e.b
                    -- hooking offers every neighbour's label, not only the smaller ones: a larger offer never
                    -- wins the min (the label node's own, smaller label is among its offers), and an inequality
                    -- here made DuckDB plan the join badly on tables made inside a transaction (100 times slower)
                    UNION ALL SELECT la.label AS node, lb.label, NULL AS was FROM cc_edges e
                        JOIN {now} la ON la.node = e.a JOIN {now} lb ON lb.node = e.b) offers
                GROUP BY node)
            SELECT l.node, least(l.label, p.label) AS label, least(l.label, p.label) < l.was AS moved
            FROM lowered l JOIN lowered p ON p.node = l.label""")
        changed = db.fetch(f"SELECT count(*) FROM {then} WHERE moved")
        if not changed or not changed[0][0]:
            break
        if rounds >= max_rounds:
            raise LinkError("link.components_unsettled", rounds=max_rounds)
    db.create(out, f"SELECT node, label AS component FROM {then}")
    db.drop("cc_edges", "cc_labels_0", "cc_labels_1")
    return rounds
