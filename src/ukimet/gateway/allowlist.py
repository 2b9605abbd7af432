"""What a query may be made of, as data: every syntax node, join and function the rewriter fully understands.
Anything else is refused (an allow-list, not a deny-list: DuckDB's dialect is too rich for a list of dangers).

Functions are named as users write them; the node classes sqlglot parses them into are derived from those names
once, so a function sqlglot knows under another name (md5, sha256, random, unnest ...) is refused exactly like
one it does not know.
"""

from __future__ import annotations

from functools import cache

import sqlglot
from sqlglot import exp

FUNCTIONS = frozenset({
    "abs", "ceil", "ceiling", "floor", "round", "sign", "sqrt", "power", "pow", "ln", "log", "log10", "log2",
    "exp", "greatest", "least", "mod", "lower", "upper", "length", "char_length", "len", "trim", "ltrim", "rtrim",
    "left", "right", "substr", "substring", "replace", "concat", "concat_ws", "strpos", "position", "contains",
    "starts_with", "ends_with", "regexp_matches", "regexp_replace", "strip_accents", "translate", "initcap",
    "coalesce", "ifnull", "nullif", "if", "iif", "year", "month", "day", "quarter", "week", "dayofweek",
    "dayofyear", "date_part", "datepart", "date_trunc", "datetrunc", "date_diff", "datediff", "age",
    "current_date", "today", "make_date", "strftime", "strptime", "last_day",
    # aggregates (which of them a query without a purpose may use is decided by gateway.private_aggregate)
    "count", "count_if", "sum", "avg", "mean", "min", "max", "median", "mode", "stddev", "stddev_samp",
    "stddev_pop", "variance", "var_samp", "var_pop", "quantile_cont", "quantile_disc", "string_agg", "list",
    "array_agg", "bool_and", "bool_or", "arg_max", "arg_min", "first", "last", "corr",
    # window functions
    "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value",
    "last_value",
})
"""Functions a query may call, as written. Left out on purpose: hashes, random numbers and uuids (they turn a
masked value into a join key or defeat the plans kept per query), repeat/lpad/rpad (a single call can take
gigabytes), unnest and every list, struct, map and JSON constructor or accessor (they reach columns without naming
them), and everything about files, settings, the catalogue and the environment."""

NODES: frozenset[type[exp.Expr]] = frozenset({
    exp.Select, exp.Union, exp.Except, exp.Intersect, exp.Subquery, exp.From, exp.Join, exp.Where, exp.Group,
    exp.Having, exp.Order, exp.Ordered, exp.Limit, exp.Offset, exp.With, exp.CTE, exp.Table, exp.TableAlias,
    exp.Column, exp.Identifier, exp.Star, exp.Alias, exp.Literal, exp.Boolean, exp.Null, exp.Paren, exp.Neg,
    exp.Not, exp.And, exp.Or, exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE, exp.Is, exp.In, exp.Between,
    exp.Like, exp.ILike, exp.Escape, exp.NullSafeEQ, exp.NullSafeNEQ, exp.Add, exp.Sub, exp.Mul, exp.Div,
    exp.IntDiv, exp.Mod, exp.DPipe, exp.Case, exp.If, exp.Cast, exp.TryCast, exp.DataType, exp.DataTypeParam,
    exp.Interval, exp.Var, exp.Distinct, exp.Window, exp.WindowSpec, exp.Filter, exp.Exists, exp.Extract,
})
"""Syntax nodes other than function calls that a query may contain."""

JOIN_KINDS = frozenset({"", "INNER", "OUTER", "CROSS", "LEFT", "RIGHT", "FULL"})
"""join kinds and sides (POSITIONAL, ASOF, NATURAL, SEMI and ANTI joins are refused)"""
TYPES = frozenset({
    exp.DataType.Type.BOOLEAN, exp.DataType.Type.TINYINT, exp.DataType.Type.SMALLINT, exp.DataType.Type.INT,
    exp.DataType.Type.BIGINT, exp.DataType.Type.INT128, exp.DataType.Type.FLOAT, exp.DataType.Type.DOUBLE,
    exp.DataType.Type.DECIMAL, exp.DataType.Type.VARCHAR, exp.DataType.Type.TEXT, exp.DataType.Type.CHAR,
    exp.DataType.Type.DATE, exp.DataType.Type.TIMESTAMP, exp.DataType.Type.TIMESTAMPTZ,
    exp.DataType.Type.INTERVAL,
})
"""types a CAST may convert to (no structs, lists, maps, JSON, BLOBs or user types)"""


@cache
def function_classes() -> frozenset[type[exp.Func]]:
    """The sqlglot classes the allowed function names parse into (with one, two and three arguments)."""
    found: set[type[exp.Func]] = set()
    for name in FUNCTIONS:
        for args in ("x", "x, y", "x, y, z"):
            try:
                node = sqlglot.parse_one(f"SELECT {name}({args})", read="duckdb").expressions[0]
            except sqlglot.errors.SqlglotError:
                continue
            if isinstance(node, exp.Func) and not isinstance(node, exp.Anonymous):
                found.add(type(node))
    return frozenset(found)


def function_name(node: exp.Func) -> str:
    return str(node.name).lower() if isinstance(node, exp.Anonymous) else node.sql_name().lower()


def allowed_function(node: exp.Func) -> bool:
    if isinstance(node, exp.Anonymous):
        return str(node.name).lower() in FUNCTIONS
    return type(node) in function_classes()


def unit_position(node: exp.Var) -> bool:
    """A bare word is allowed only where it names a unit (INTERVAL 1 YEAR, EXTRACT(year FROM d),
    date_diff('year', ...)); anywhere else (ORDER BY ALL ...) it is a keyword the rewriter does not follow."""
    parent = node.parent
    if isinstance(parent, exp.Interval | exp.Extract):
        return True
    return isinstance(parent, exp.Func) and node.arg_key == "unit"
