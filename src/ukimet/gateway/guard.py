"""What the gateway agrees to run: exactly one read-only query whose every syntax node, join and function is on
the allow-list (gateway.allowlist), over catalogued tables and the query's own CTEs, each name resolved in its
scope. Anything else is refused with the reason: file readers and other table functions, ATTACH, COPY, PRAGMA,
SET, several statements, system tables and views (also behind a CTE of the same name in another scope), unknown
tables or columns, whole-row and positional references, star modifiers, struct/list/JSON constructors, and every
function not on the list. What is not understood is refused (fail closed)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlglot
from sqlglot import exp
from sqlglot.errors import OptimizeError, SqlglotError
from sqlglot.optimizer.qualify import qualify
from sqlglot.schema import MappingSchema

from ukimet.core.errors import Refused
from ukimet.gateway import allowlist


@dataclass(frozen=True)
class ColumnInfo:
    data_type: str
    semantic_type: str | None
    sensitivity: str | None


Catalog = dict[tuple[str, str], dict[str, ColumnInfo]]
"""(schema, table) -> column -> what the catalog knows of it"""


def _node_sql(node: exp.Expr) -> str:
    text = node.sql(dialect="duckdb")
    return text if len(text) <= 80 else text[:77] + "..."


def _check_node(node: exp.Expr) -> None:
    """One node against the allow-list (its children are checked on their own)."""
    if isinstance(node, exp.Func) and type(node) not in allowlist.NODES:
        if not allowlist.allowed_function(node):
            raise Refused("guard.function", function=allowlist.function_name(node))
        return
    if type(node) not in allowlist.NODES:
        raise Refused("guard.node", node=_node_sql(node), kind=type(node).__name__)
    if isinstance(node, exp.Star) and any(node.args.get(k) for k in ("except_", "replace", "rename")):
        raise Refused("guard.star_modifiers")
    if isinstance(node, exp.Var) and not allowlist.unit_position(node):
        raise Refused("guard.var", name=node.name)
    if isinstance(node, exp.Join):
        kinds = {str(node.args.get(k) or "").upper() for k in ("kind", "side")}
        if node.args.get("method") or not kinds <= allowlist.JOIN_KINDS:
            raise Refused("guard.join", join=_node_sql(node).strip())
    if isinstance(node, exp.Distinct) and node.args.get("on") is not None:
        raise Refused("guard.distinct_on")
    if isinstance(node, exp.DataType) and node.this not in allowlist.TYPES:
        raise Refused("guard.cast", type=node.sql(dialect="duckdb"))
    if isinstance(node, exp.With) and node.args.get("recursive"):
        raise Refused("guard.recursive")
    if isinstance(node, exp.Table):
        if not isinstance(node.this, exp.Identifier):
            raise Refused("guard.table_function", table=_node_sql(node))
        if node.args.get("catalog") is not None:
            raise Refused("guard.other_database", table=_node_sql(node))
        if any(node.args.get(k) is not None for k in ("version", "when", "changes", "sample", "joins", "pivots")):
            raise Refused("guard.time_travel", table=_node_sql(node))
    if isinstance(node, exp.Select | exp.SetOperation):
        extra = {k for k, v in node.args.items() if v and k not in (
            "expressions", "distinct", "from_", "joins", "where", "group", "having", "order", "limit", "offset",
            "with_", "this", "expression", "kind")}
        if extra:
            raise Refused("guard.clause", clauses=", ".join(sorted(extra)).upper())


def _expand_group_all(tree: exp.Expr) -> None:
    """GROUP BY ALL written out as the projections it stands for (so that every later stage sees the keys)."""
    for select in tree.find_all(exp.Select):
        group = select.args.get("group")
        if group is not None and group.args.get("all"):
            keys = [p.unalias().copy() for p in select.expressions if p.find(exp.AggFunc) is None]
            select.set("group", exp.Group(expressions=keys) if keys else None)


def _resolve(node: exp.Expr, visible: frozenset[str], catalog: Catalog) -> None:
    """Every table name resolved where it stands: a CTE of an enclosing WITH (defined before it), or a catalogued
    source.table. A bare name that is neither (a system view, a CTE of another scope) is refused."""
    if isinstance(node, exp.Query) and node.args.get("with_") is not None:
        seen = set(visible)
        for cte in node.args["with_"].expressions:
            _resolve(cte.this, frozenset(seen), catalog)
            seen.add(cte.alias_or_name.lower())
        visible = frozenset(seen)
    if isinstance(node, exp.Table):
        schema, name = node.db.lower(), node.name.lower()
        if not schema and name in visible:
            return
        if not schema or (schema, name) not in catalog:
            raise Refused("guard.unknown_table", table=_node_sql(node))
        return
    for key, child in node.args.items():
        if key == "with_":
            continue
        for item in child if isinstance(child, list) else [child]:
            if isinstance(item, exp.Expr):
                _resolve(item, visible, catalog)


def _unique_aliases(tree: exp.Expr) -> None:
    """Two relations of one FROM under one alias would make column lineage ambiguous: refused."""
    for select in tree.find_all(exp.Select):
        sources = [select.args.get("from_"), *(select.args.get("joins") or [])]
        names = [s.this.alias_or_name.lower() for s in sources if s is not None]
        duplicated = {n for n in names if names.count(n) > 1}
        if duplicated:
            raise Refused("guard.alias", alias=sorted(duplicated)[0])


def _check_columns(tree: exp.Expr) -> None:
    """After qualification every column is alias.column, nothing more (no struct field paths)."""
    for column in tree.find_all(exp.Column):
        if not column.table and _output_alias(column):
            continue
        if column.args.get("db") is not None or column.args.get("catalog") is not None or not column.table:
            raise Refused("guard.column", column=_node_sql(column))


def _output_alias(column: exp.Column) -> bool:
    """ORDER BY n, where n is an output of the same SELECT (qualification leaves it unbound)."""
    order = column.find_ancestor(exp.Order, exp.Select)
    if not isinstance(order, exp.Order) or not isinstance(order.parent, exp.Select | exp.SetOperation):
        return False
    select = order.parent
    while isinstance(select, exp.SetOperation):
        select = select.this
    return isinstance(select, exp.Select) and column.name in {p.alias_or_name for p in select.expressions}


def schema_of(catalog: Catalog) -> dict[str, object]:
    out: dict[str, dict[str, dict[str, str]]] = {}
    for (schema, table), columns in catalog.items():
        out.setdefault(schema, {})[table] = {c: info.data_type for c, info in columns.items()}
    return dict(out)


def check(sql: str, catalog: Catalog, schema: MappingSchema | None = None) -> exp.Query:
    """The query, parsed, checked and qualified (every column bound to its table, stars expanded). ``schema``:
    the catalog as sqlglot's schema, built once by the caller (building it is most of the cost)."""
    try:
        statements = [s for s in sqlglot.parse(sql, read="duckdb") if s is not None]
    except (SqlglotError, ValueError, RecursionError) as error:
        raise Refused("guard.parse", detail=(str(error).splitlines() or [""])[0][:200]) from None
    if len(statements) != 1:
        raise Refused("guard.statements", count=len(statements))
    tree = statements[0]
    if not isinstance(tree, exp.Query):
        raise Refused("guard.not_a_query", statement=type(tree).__name__.upper())
    for node in tree.walk():
        _check_node(node)
    _resolve(tree, frozenset(), catalog)
    _unique_aliases(tree)
    _expand_group_all(tree)
    try:
        qualified = qualify(tree, schema=schema or MappingSchema(schema_of(catalog), dialect="duckdb"),
                            dialect="duckdb", validate_qualify_columns=True,
                            quote_identifiers=True, identify=True)
    except (OptimizeError, ValueError, KeyError) as error:
        raise Refused("guard.resolve", detail=str(error)[:200]) from None
    assert isinstance(qualified, exp.Query)
    _check_columns(qualified)
    for node in qualified.walk():  # qualification adds nothing new, but what runs is what was checked
        _check_node(node)
    return qualified
