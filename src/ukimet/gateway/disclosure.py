"""Statistical disclosure control for queries run without a declared purpose: only aggregates, and only cells
that say nothing about one person.

- The query must be one SELECT whose every output is a summary (count, sum, average, median, spread ...) or a
  GROUP BY key. Functions that return one person's value (min, max, first, list, string_agg, mode ...) are
  refused, as are aggregates inside subqueries or CTEs (their groups would escape the cell check), window
  functions, HAVING, and grouping by anything that identifies a person (IIN, name, phone, address ...).
- A cell is shown only when it holds at least the role's threshold of rows and of distinct persons (counted on
  the IIN columns the query can see).
- Against differencing (two overlapping queries subtracted down to one person), every cell is perturbed by a
  cell key: a hash of the records in the cell, so the same records always give the same answer and asking again
  averages nothing out. Counts get -2..+2 and are then rounded to a multiple of 5; other numbers are scaled by a
  factor within 1 +/- the role's ``noise`` (default 1%).
"""

from __future__ import annotations

import sqlglot
from sqlglot import exp

from ukimet.core.errors import PolicyError
from ukimet.gateway.guard import Catalog
from ukimet.gateway.lineage import UNKNOWN, Origin, column_origins, expression_origins, output_origins, root_scope
from ukimet.gateway.policy import RolePolicy

CELL_ROWS = "__ukimet_rows"
CELL_PERSONS = "__ukimet_persons"
CELL_KEY = "__ukimet_key"
KEY_SPACE = 1_000_003
ROUNDING = 5
SUMMARIES = frozenset({
    "count", "count_if", "countif", "sum", "avg", "mean", "median", "quantile_cont", "percentile_cont", "stddev",
    "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop", "corr", "covar_pop", "covar_samp",
    "approx_count_distinct", "approxdistinct", "logical_and", "logical_or", "bool_and", "bool_or",
})
"""Aggregates that summarise a group without returning any one member's value."""
COUNTS = (exp.Count, exp.CountIf, exp.ApproxDistinct)
UNIQUE = frozenset({"iin", "bin", "phone", "email", "full_name", "unknown"})
"""group keys that single out one person (or cannot be traced) whatever the cell holds"""
IDENTIFYING = UNIQUE | {"surname", "first_name", "patronymic", "address"}
"""group keys allowed only when the query also sees IINs, so that the cell's distinct persons can be counted"""


def _refuse(why: str, fix: str = "aggregate the query, or declare a purpose for person-level access (--purpose)"
            ) -> PolicyError:
    return PolicyError("query refused", why, fix)


def _name(node: exp.AggFunc) -> str:
    return str(node.name).lower() if isinstance(node, exp.Anonymous) else node.sql_name().lower()


def _kinds(origins: set[Origin], catalog: Catalog) -> set[str]:
    kinds: set[str] = set()
    for origin in origins:
        info = catalog.get(origin[:2], {}).get(origin[2]) if origin != UNKNOWN else None
        kinds |= {"unknown"} if info is None else {info.semantic_type or "", info.sensitivity or ""}
    return kinds


def _check(tree: exp.Query, catalog: Catalog) -> tuple[exp.Select, list[exp.Column]]:
    """The query, if it is an aggregate that may be protected, and the IIN columns its cells count persons on."""
    if not isinstance(tree, exp.Select) or not tree.expressions:
        raise _refuse("without a declared purpose only aggregates may be read, and a UNION is not one")
    if tree.args.get("having") is not None or tree.find(exp.Window) is not None:
        raise _refuse("HAVING and window functions are not allowed without a purpose (they can single out small "
                      "groups)", "drop them, or declare a purpose")
    for node in tree.find_all(exp.AggFunc):
        if _name(node) not in SUMMARIES:
            raise _refuse(f"{_name(node)}() returns one person's value; without a purpose only summaries are allowed "
                          f"({', '.join(sorted({'count', 'sum', 'avg', 'median', 'stddev', 'corr'}))} ...)")
        if node.find_ancestor(exp.Select) is not tree:
            raise _refuse("aggregates inside subqueries or CTEs escape the small-cell check",
                          "aggregate once, in the outermost SELECT, or declare a purpose")
    groups = list((tree.args.get("group") or exp.Group()).expressions)
    keys = {g.sql() for g in groups}
    for projection in tree.expressions:
        inner = projection.unalias()
        if inner.find(exp.AggFunc) is None and inner.sql() not in keys and inner.find(exp.Column) is not None:
            raise _refuse("without a declared purpose only aggregates may be read (every output a count, sum, "
                          "average ... or a GROUP BY key)")
    scope = root_scope(tree)
    persons = _person_columns(tree, catalog)
    banned = UNIQUE if persons else IDENTIFYING
    for group in groups:
        kinds = _kinds(expression_origins(scope, group), catalog) & banned
        if kinds:
            raise _refuse(f"grouping by {group.sql(dialect='duckdb')} makes a cell of one person "
                          f"({', '.join(sorted(kinds))})", "group by region, age, sex ... or declare a purpose")
    return tree, persons


def _person_columns(tree: exp.Select, catalog: Catalog) -> list[exp.Column]:
    """The columns of the outermost FROM that hold IINs: their distinct count is the persons in a cell."""
    scope = root_scope(tree)
    found: list[exp.Column] = []
    for alias, source in scope.sources.items():
        if isinstance(source, exp.Table):
            names = [c for c, info in catalog.get((source.db.lower(), source.name.lower()), {}).items()
                     if info.semantic_type == "iin"]
        elif source.is_set_operation or source.is_udtf:
            continue
        else:
            names = [p.alias_or_name for p in source.expression.expressions
                     if _kinds(output_origins(source, p.alias_or_name), catalog) >= {"iin"}
                     and "unknown" not in _kinds(output_origins(source, p.alias_or_name), catalog)]
        found += [exp.column(name, table=alias, quoted=True) for name in names]
    return [c for c in found if column_origins(scope, c)]


def _perturbed(value: exp.Column, is_count: bool, noise: float) -> exp.Expr:
    key, v = exp.column(CELL_KEY, quoted=True).sql(), value.sql()
    if is_count:  # -2..+2, then rounded to a multiple of 5
        sql = f"CAST(GREATEST(ROUND(({v} + ({key} % 5 - 2)) / {ROUNDING}) * {ROUNDING}, 0) AS BIGINT)"
    else:  # a factor in [1 - noise, 1 + noise], drawn from other digits of the same key
        sql = f"ROUND({v} * (1 + {noise / 1000!r} * (({key} // 5) % 2001 - 1000)), 2)"
    return sqlglot.parse_one(sql, read="duckdb")


def aggregates_only(tree: exp.Query, secured: exp.Query, catalog: Catalog, role: RolePolicy) -> exp.Query:
    """``secured`` (the policy-rewritten ``tree``) as a protected aggregate, or a refusal naming the reason.
    ``tree`` is the qualified query before the rewrite: lineage is read there."""
    _, persons = _check(tree, catalog)
    assert isinstance(secured, exp.Select)
    inner = secured.copy()
    names = [p.alias_or_name for p in inner.expressions]
    sources = [exp.column(alias, quoted=True) for alias in root_scope(tree).selected_sources]
    row_key = exp.Mod(this=exp.func("HASH", *sources) if sources else exp.Literal.number(0),
                      expression=exp.Literal.number(KEY_SPACE))
    inner.select(exp.alias_(exp.Count(this=exp.Star()), CELL_ROWS, quoted=True),
                 exp.alias_(exp.func("GREATEST", *[exp.Count(this=exp.Distinct(expressions=[c])) for c in persons])
                            if persons else exp.Count(this=exp.Star()), CELL_PERSONS, quoted=True),
                 exp.alias_(exp.Mod(this=exp.func("SUM", row_key), expression=exp.Literal.number(KEY_SPACE)),
                            CELL_KEY, quoted=True), copy=False)
    outputs: list[exp.Expr] = []
    for projection, name in zip(secured.expressions, names, strict=True):
        value = projection.unalias()
        column = exp.column(name, quoted=True)
        if value.find(exp.AggFunc) is None or isinstance(value, exp.LogicalAnd | exp.LogicalOr):
            outputs.append(column)
        else:
            outputs.append(exp.alias_(_perturbed(column, isinstance(value, COUNTS), role.noise), name, quoted=True))
    threshold = exp.Literal.number(role.small_cell)
    return (exp.select(*outputs).from_(inner.subquery("cells"))
            .where(exp.and_(exp.GTE(this=exp.column(CELL_ROWS, quoted=True), expression=threshold),
                            exp.GTE(this=exp.column(CELL_PERSONS, quoted=True), expression=threshold))))
