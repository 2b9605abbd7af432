"""Answers without a purpose: differentially private aggregates (gateway.privacy says what is guaranteed).

A query without a purpose must be one SELECT over one catalogued table, with a WHERE of row conditions, GROUP BY
keys and outputs made of count(*), count(x), count(DISTINCT x), sum(x), avg(x) and median(x) of bare columns
(sums, averages and medians only of columns whose bounds are declared), the group keys, constants and functions of
those. Anything the mechanism cannot bound is refused with what to ask instead: joins and subqueries (one person's
rows could be counted many times), CASE or arithmetic inside an aggregate (its bounds are unknown), min, max,
quantiles other than the median, lists, boolean aggregates (they return or test one member's value), HAVING
and window functions.

The gateway runs, on the role's aggregate view of the table, a query of its own that computes per group the true
statistics of at most ``rows_per_unit`` rows per privacy unit with every value clamped into its bounds; every
expression of the caller's is wrapped in TRY(), so no value can make the engine raise (an error is not an oracle).
The true statistics never leave the gateway: the mechanisms add noise to them, groups are released only when
their noisy count clears the threshold, and the caller's outputs (rounding, ordering, limits) are computed on the
released values alone.
"""

from __future__ import annotations

import contextlib
import json
import threading
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa
from sqlglot import exp

from ukimet.core.errors import Refused
from ukimet.gateway.guard import Catalog, ColumnInfo
from ukimet.gateway.policy import SPECIAL_VALUES, RolePolicy
from ukimet.gateway.privacy import Privacy, noisy_counts, noisy_sums, private_medians, released_groups

UNIT = "__ukimet_unit"
"""the hidden column of the aggregate view that names each row's privacy unit (read only by the gateway's own
outer query, never by the caller's expressions)"""
KINDS = {exp.Count: "count", exp.Sum: "sum", exp.Avg: "avg", exp.Median: "median"}
IDENTIFYING = frozenset({"iin", "bin", "phone", "email", "full_name", "person_id", "family_id"})
"""group keys that make a group of each person (a surname or a first name is shared: its groups are released only
when many hold it)"""


@dataclass(frozen=True)
class Measure:
    kind: str
    """count (rows), distinct, sum, avg, median"""
    value: int | None
    """which clamped value column (__v<n>) it reads; None for count(*)"""
    lower: float = 0.0
    upper: float = 0.0


@dataclass(frozen=True)
class PrivatePlan:
    """What an aggregate without a purpose runs, and how its answer is released."""

    table: tuple[str, str]
    """the (source, table) it reads"""
    unit: str | None
    """the column naming the table's privacy unit (None: each row is a unit)"""
    statistics: str
    """the gateway's query: keys __k<n>, then __n (rows kept), then each measure's statistics"""
    keys: int
    measures: tuple[Measure, ...]
    outputs: str
    """the caller's outputs, ordering and limit over the released table (columns __k<n>, __a<n>)"""
    rows_per_unit: int
    unit_is_distinct: tuple[bool, ...]
    """per measure: a count of distinct privacy units (one unit changes it by at most one)"""

    def epsilons(self, per_count: float, per_value: float) -> tuple[float, list[float]]:
        """What each part of the answer spends: (the release of its groups, each measure's parts in order). A
        grouped answer's groups are released on a noisy count at twice ``per_count`` (it is also the answer's
        count(*)); every other count spends ``per_count``; a sum ``per_value``; an average ``per_value`` on its
        count and ``per_value`` on its centred sum (the count's noise weighs as much as the sum's when the mean lies
        far from the centre of the bounds: bench/bench_privacy.py). An answer without groups is released on a
        noisy count of the units it read: its own count of them where it has one (``units_counted``), else one
        more count at ``per_count``."""
        parts: list[float] = []
        for m in self.measures:
            if m.kind == "count" and m.value is None and self.keys:
                continue  # the released groups' noisy counts
            parts += [per_value, per_value] if m.kind == "avg" else [per_value] if m.kind in ("sum", "median") \
                else [per_count]
        if self.keys:
            return 2 * per_count, parts
        return (0.0 if self.units_counted() is not None else per_count), parts

    def units_counted(self) -> int | None:
        """The measure of an answer without groups whose noisy value counts the units it read (count(*), or an
        average's count, of a table whose unit is one row; a count of distinct units), if it has one."""
        return next((i for i, (m, distinct) in enumerate(zip(self.measures, self.unit_is_distinct, strict=True))
                     if distinct or (self.rows_per_unit == 1 and (m.kind == "avg" or (
                         m.kind == "count" and m.value is None)))), None)

    def epsilon(self, per_count: float, per_value: float) -> float:
        selection, parts = self.epsilons(per_count, per_value)
        return selection + sum(parts)


def _column_key(column: exp.Column, aliases: dict[str, tuple[str, str]]) -> str:
    source, table = aliases[column.table.lower()]
    return f"{source}.{table}.{column.name.lower()}"


def _try(node: exp.Expr) -> exp.Expr:
    """Wrapped so that no value of the data can raise: an error becomes NULL (DuckDB's TRY)."""
    if isinstance(node, exp.Column | exp.Literal | exp.Null | exp.Boolean):
        return node
    return exp.func("TRY", node)


def _check_shape(tree: exp.Query) -> exp.Select:
    if not isinstance(tree, exp.Select):
        raise Refused("aggregate.one_select")
    if tree.args.get("with_") is not None or tree.args.get("joins") or tree.find(exp.Subquery, exp.Exists) \
            is not None or any(n.args.get("query") is not None for n in tree.find_all(exp.In)):
        raise Refused("aggregate.one_table")
    if tree.args.get("having") is not None or tree.find(exp.Window) is not None:
        raise Refused("aggregate.having")
    if tree.args.get("distinct") is not None:
        raise Refused("aggregate.distinct")
    source = tree.args.get("from_")
    if source is None or not isinstance(source.this, exp.Table):
        raise Refused("aggregate.catalogued_table")
    return tree


def refuse_special_values(tree: exp.Expr, role: RolePolicy) -> None:
    """Refuse a query that names a value telling a special category (``policy.SPECIAL_VALUES``: the disability
    allowance) for a role that may not see special categories there: the caller decides where (an aggregate's
    masks, a person-level query's)."""
    for value in tree.find_all(exp.Literal):
        if value.is_string and value.this.lower() in SPECIAL_VALUES:
            raise Refused("aggregate.special_value", value=value.this, role=role.name)


def plan_private(tree: exp.Query, catalog: Catalog, role: RolePolicy, privacy: Privacy
                 ) -> tuple[PrivatePlan, exp.Select]:
    """The plan of an aggregate without a purpose and the gateway's statistics query (before the role's view
    replaces its table); or the refusal naming what to ask instead."""
    select = _check_shape(tree)
    table_node = select.args["from_"].this
    key = (table_node.db.lower(), table_node.name.lower())
    table = f"{key[0]}.{key[1]}"
    columns = catalog[key]
    aliases = {table_node.alias_or_name.lower(): key}

    def check_columns(node: exp.Expr, what: str) -> None:
        for column in node.find_all(exp.Column):
            name = _column_key(column, aliases)
            info = columns[column.name.lower()]
            if role.aggregate_mask_for(name, info.semantic_type, info.sensitivity) == "hide":
                raise Refused("aggregate.hidden", column=column.name, role=role.name)
            if what == "key" and info.semantic_type in IDENTIFYING:
                raise Refused("aggregate.identifying", column=column.name, kind=info.semantic_type)

    if role.aggregate_mask_for("", None, "special") == "hide":
        refuse_special_values(select, role)
    where = select.args.get("where")
    if where is not None:
        check_columns(where, "filter")
        if where.find(exp.AggFunc) is not None:
            raise Refused("aggregate.in_where")
    group_keys = list((select.args.get("group") or exp.Group()).expressions)
    for group in group_keys:
        check_columns(group, "key")
        if group.find(exp.AggFunc) is not None or isinstance(group, exp.Literal):
            raise Refused("aggregate.group_value", group=group.sql(dialect="duckdb"))
    key_sql = [g.sql(dialect="duckdb") for g in group_keys]

    values: list[exp.Expr] = []
    measures: list[Measure] = []
    outputs: list[exp.Expr] = []
    for projection in select.expressions:
        output = projection.copy()
        for node in list(output.find_all(exp.AggFunc)):
            if node.find_ancestor(exp.AggFunc) is not None:
                continue
            check_columns(node, "value")
            measure, value = _measure(node, aliases, privacy)
            if value is not None:
                values.append(value)
                measure = Measure(measure.kind, len(values) - 1, measure.lower, measure.upper)
            measures.append(measure)
            placeholder = exp.column(f"__a{len(measures) - 1}", quoted=True)
            if node is output:
                output = placeholder
            else:
                node.replace(placeholder)
        output = _keys_replaced(output, key_sql)
        if isinstance(output, exp.Alias):
            output.set("this", _keys_replaced(output.this, key_sql))
        leftover = [c for c in output.find_all(exp.Column) if not c.name.startswith(("__a", "__k"))]
        if leftover:
            raise Refused("aggregate.bare_column", column=leftover[0].name)
        name = projection.alias_or_name
        outputs.append(output if isinstance(output, exp.Alias) else exp.alias_(output, name, quoted=True))
    if not measures:
        raise Refused("aggregate.none")
    keys = [exp.alias_(_try(g.copy()), f"__k{i}", quoted=True) for i, g in enumerate(group_keys)]
    clamped = [exp.alias_(_try(v), f"__v{i}", quoted=True) for i, v in enumerate(values)]
    unit = exp.column(UNIT, table=table_node.alias_or_name, quoted=True)
    inner = exp.select(*keys, *clamped, exp.alias_(unit, "__u", quoted=True)).from_(table_node.copy())
    if where is not None:
        inner = inner.where(exp.func("COALESCE", _try(where.this.copy()), exp.false()))
    kept: exp.Select = exp.select("*").from_(inner.subquery("rows_read"))
    if keys and role.aggregate_mask_for("", None, "special") == "hide":  # a breakdown by benefit kind shows no
        hidden = [exp.Literal.string(v) for v in sorted(SPECIAL_VALUES)]  # group that tells a special category
        for i in range(len(keys)):
            kept = kept.where(exp.func("COALESCE", exp.Not(this=exp.In(this=exp.cast(
                exp.column(f"__k{i}", quoted=True), exp.DataType.build("VARCHAR")), expressions=hidden)),
                exp.true()))
    unit_name = unit_column(table, columns, privacy)
    if unit_name is None:
        rows = 1  # each row is its own unit
    else:  # at most ``rows`` rows of one unit are read, chosen by a hash of the row, not by its values' size
        rows = privacy.rows_for(table)
        order = exp.func("HASH", *[exp.column(f"__k{i}", quoted=True) for i in range(len(keys))],
                         *[exp.column(f"__v{i}", quoted=True) for i in range(len(values))], exp.Literal.number(0))
        numbered = exp.Window(this=exp.RowNumber(), partition_by=[exp.column("__u", quoted=True)],
                              order=exp.Order(expressions=[exp.Ordered(this=order)]))
        kept = kept.qualify(exp.LTE(this=numbered, expression=exp.Literal.number(rows)))
    statistics = exp.select(*[exp.column(f"__k{i}", quoted=True) for i in range(len(keys))],
                            exp.alias_(exp.Count(this=exp.Star()), "__n", quoted=True))
    if not keys:  # the units an answer without groups read: fewer than the small cell, it is not released
        statistics = statistics.select(exp.alias_(exp.Count(this=exp.Distinct(expressions=[
            exp.column("__u", quoted=True)])), "__units", quoted=True))
    for i, measure in enumerate(measures):
        v = exp.column(f"__v{measure.value}", quoted=True) if measure.value is not None else None
        stat: list[exp.Expr]
        if measure.kind == "count":
            stat = [exp.Count(this=v) if v is not None else exp.Count(this=exp.Star())]
        elif measure.kind == "distinct":
            stat = [exp.Count(this=exp.Distinct(expressions=[v]))]
        else:
            assert v is not None
            bounded = exp.func("LEAST", exp.func("GREATEST", v, exp.Literal.number(measure.lower)),
                               exp.Literal.number(measure.upper))
            if measure.kind == "sum":
                stat = [exp.Sum(this=bounded)]
            elif measure.kind == "median":  # the values stay in the gateway: the mechanism chooses among them
                stat = [exp.ArrayAgg(this=bounded)]
            else:
                middle = exp.Literal.number((measure.lower + measure.upper) / 2)
                stat = [exp.Count(this=v.copy()), exp.Sum(this=exp.Sub(this=bounded, expression=middle))]
        statistics = statistics.select(*[exp.alias_(s, f"__s{i}_{j}", quoted=True) for j, s in enumerate(stat)])
    statistics = statistics.from_(kept.subquery("kept"))
    if keys:
        statistics = statistics.group_by(*[exp.column(f"__k{i}", quoted=True) for i in range(len(keys))])
    post = exp.select(*outputs).from_(exp.table_("released", quoted=True))
    for arg in ("order", "limit", "offset"):
        if select.args.get(arg) is not None:
            post.set(arg, _keys_replaced(_aggregates_replaced(select.args[arg].copy(), select), key_sql))
    for column in post.find_all(exp.Column):
        if column.table and not column.name.startswith(("__a", "__k")):
            raise Refused("aggregate.order_key", column=column.name)
        column.set("table", None)
    plan = PrivatePlan(key, unit_name, "", len(keys), tuple(measures), post.sql(dialect="duckdb"), rows,
                       tuple(m.kind == "distinct" and m.value is not None and _counts_units(values[m.value], unit_name)
                             for m in measures))
    return plan, statistics


def _counts_units(value: exp.Expr, unit: str | None) -> bool:
    """count(DISTINCT x) of the unit's own column: one unit changes it by at most one."""
    return isinstance(value, exp.Column) and value.name.lower() == unit


def unit_column(table: str, columns: dict[str, ColumnInfo], privacy: Privacy) -> str | None:
    """The column naming the privacy unit of ``table``: declared, else its IIN, else person_id, else None (each
    row is a unit)."""
    if table in privacy.units:
        return privacy.units[table]
    for kind in ("iin", "person_id"):
        for name, info in columns.items():
            if info.semantic_type == kind:
                return name
    return None


def _measure(node: exp.AggFunc, aliases: dict[str, tuple[str, str]], privacy: Privacy
             ) -> tuple[Measure, exp.Expr | None]:
    name = node.sql_name().lower() if not isinstance(node, exp.Anonymous) else str(node.name).lower()
    kind = KINDS.get(type(node))
    if kind is None:
        raise Refused("aggregate.function", function=name)
    if isinstance(node.parent, exp.Filter):
        raise Refused("aggregate.filter")
    argument = node.this
    if kind == "count":
        if isinstance(argument, exp.Star):
            return Measure("count", None), None
        if isinstance(argument, exp.Distinct):
            inner = argument.expressions
            if len(inner) != 1 or not isinstance(inner[0], exp.Column):
                raise Refused("aggregate.count_distinct")
            return Measure("distinct", 0), inner[0].copy()
        if isinstance(argument, exp.Column):
            return Measure("count", 0), argument.copy()
        raise Refused("aggregate.count_expression", argument=argument.sql(dialect="duckdb"))
    if not isinstance(argument, exp.Column):
        raise Refused("aggregate.expression", function=name, argument=argument.sql(dialect="duckdb"))
    column = _column_key(argument, aliases)
    if column not in privacy.bounds:
        raise Refused("aggregate.bounds", column=column, function=name)
    lower, upper = privacy.bounds[column]
    return Measure(kind, 0, lower, upper), argument.copy()


def _keys_replaced(node: exp.Expr, key_sql: list[str]) -> exp.Expr:
    def swap(n: exp.Expr) -> exp.Expr:
        text = n.sql(dialect="duckdb")
        if not isinstance(n, exp.Alias) and text in key_sql:
            return exp.column(f"__k{key_sql.index(text)}", quoted=True)
        return n
    return node.transform(swap, copy=False)


def _aggregates_replaced(node: exp.Expr, select: exp.Select) -> exp.Expr:
    """ORDER BY count(*) and the like: the aggregate replaced by the same output's placeholder."""
    texts: dict[str, int] = {}
    index = 0
    for projection in select.expressions:
        for agg in projection.find_all(exp.AggFunc):
            if agg.find_ancestor(exp.AggFunc) is None:
                texts.setdefault(agg.sql(dialect="duckdb"), index)
                index += 1

    def swap(n: exp.Expr) -> exp.Expr:
        if isinstance(n, exp.AggFunc) and n.sql(dialect="duckdb") in texts:
            return exp.column(f"__a{texts[n.sql(dialect='duckdb')]}", quoted=True)
        if isinstance(n, exp.AggFunc):
            raise Refused("aggregate.order_aggregate")
        return n
    return node.transform(swap, copy=False)


def release(plan: PrivatePlan, statistics: pa.Table, per_count: float, per_value: float, small_cell: int = 0
            ) -> pa.Table:
    """The released table: the groups whose noisy count clears the threshold (at least twice the policy's
    ``small_cell`` rows), an ungrouped answer's one row where the noisy count of the units it read reaches the
    same threshold (a count of 2 with noise is no answer: it is withheld, as a small group is); their keys, and
    each measure with its noise (__a<n>). Spends ``plan.epsilon(per_count, per_value)`` in all."""
    rows = statistics.to_pylist()
    selection, parts = plan.epsilons(per_count, per_value)
    k = plan.rows_per_unit
    keys = [f"__k{i}" for i in range(plan.keys)]
    counts: list[int]
    if plan.keys:
        named = {json.dumps([row[c] for c in keys], default=str): i for i, row in enumerate(rows)}
        kept = released_groups({n: int(rows[i]["__n"]) for n, i in named.items()}, k, selection,
                               minimum=release_least(small_cell))
        order = sorted(named[n] for n in kept)
        by_index = {named[n]: v for n, v in kept.items()}
        rows = [rows[i] for i in order]
        counts = [max(by_index[i], 0) for i in order]
    columns: dict[str, list[Any]] = {c: [row[c] for row in rows] for c in keys}
    shares = iter(parts)
    averaged: dict[int, list[int]] = {}  # an average's noisy count, by measure
    for i, (measure, distinct_units) in enumerate(zip(plan.measures, plan.unit_is_distinct, strict=True)):
        first = [row.get(f"__s{i}_0") or 0 for row in rows]
        if measure.kind == "count" and measure.value is None and plan.keys:
            out: list[Any] = counts
        elif measure.kind in ("count", "distinct"):
            sensitivity = 1 if distinct_units else k
            out = [max(v, 0) for v in noisy_counts([int(v) for v in first], sensitivity, next(shares))]
        elif measure.kind == "median":
            out = private_medians([list(row.get(f"__s{i}_0") or []) for row in rows], measure.lower, measure.upper,
                                  k, next(shares))
        elif measure.kind == "sum":
            bound = k * max(abs(measure.lower), abs(measure.upper))
            out = noisy_sums([float(v) for v in first], bound, next(shares))
            if measure.lower >= 0:
                out = [max(v, 0.0) for v in out]
        else:  # avg: a noisy count and a noisy sum of the values centred in their bounds
            n = noisy_counts([int(v) for v in first], k, next(shares))
            averaged[i] = n
            centred = noisy_sums([float(row.get(f"__s{i}_1") or 0.0) for row in rows],
                                 k * (measure.upper - measure.lower) / 2, next(shares))
            middle = (measure.lower + measure.upper) / 2
            out = [None if count <= 0 else min(max(middle + total / count, measure.lower), measure.upper)
                   for count, total in zip(n, centred, strict=True)]
        columns[f"__a{i}"] = out
    if not plan.keys and rows and _too_few_units(plan, rows[0], columns, averaged, selection, small_cell):
        columns = {c: [] for c in columns}
    schema = [statistics.schema.field(c) for c in keys]
    arrays = [pa.array(columns[c], type=f.type) for c, f in zip(keys, schema, strict=True)]
    arrays += [pa.array(columns[f"__a{i}"]) for i in range(len(plan.measures))]
    names = keys + [f"__a{i}" for i in range(len(plan.measures))]
    return pa.Table.from_arrays(arrays, names=names) if names else pa.table({})


def _too_few_units(plan: PrivatePlan, row: dict[str, Any], released: dict[str, list[Any]],
                   averaged: dict[int, list[int]], epsilon: float, small_cell: int) -> bool:
    """Whether an answer without groups read fewer units than twice ``small_cell`` (the groups' threshold: a true
    count of 2 clears it about once in 10,000 answers at epsilon 0.5), by a noisy count: its own count of them
    where it has one (a count, or an average's noisy count), else one spending ``epsilon``."""
    if small_cell <= 0:
        return False
    counted = plan.units_counted()
    if counted is None:
        units = noisy_counts([int(row.get("__units") or 0)], 1, epsilon)[0]
    elif counted in averaged:
        units = averaged[counted][0]
    else:
        units = int(released[f"__a{counted}"][0] or 0)
    return units < release_least(small_cell)


def release_least(small_cell: int) -> int:
    """The noisy count of rows (a group's) or of persons (an answer without groups) an answer is released from:
    twice the policy's ``small_cell``."""
    return 2 * small_cell


def post_process(plan: PrivatePlan, released: pa.Table) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The caller's outputs, order and limit computed on the released values alone (an engine of its own, in
    memory, with no access to anything else)."""
    con = _released_engine()
    try:
        con.register("released", released)
        cursor = con.execute(plan.outputs)
        columns = [d[0] for d in cursor.description or []]
        return columns, cursor.fetchall()
    except duckdb.Error:
        raise Refused("aggregate.outputs") from None
    finally:
        with contextlib.suppress(duckdb.Error):
            con.unregister("released")


_ENGINES = threading.local()


def _released_engine() -> duckdb.DuckDBPyConnection:
    """The thread's engine for released values: in memory, no external access, its configuration locked, holding
    nothing but the one released table registered for a call (opening one per answer cost ~10 ms)."""
    con: duckdb.DuckDBPyConnection | None = getattr(_ENGINES, "con", None)
    if con is None:
        con = duckdb.connect(":memory:", config={"enable_external_access": "false",
                                                 "autoinstall_known_extensions": "false",
                                                 "autoload_known_extensions": "false", "threads": 1})
        con.execute("SET lock_configuration = true")
        _ENGINES.con = con
    return con


def write_released(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue().to_pybytes())


def read_released(data: bytes) -> pa.Table:
    return pa.ipc.open_stream(data).read_all()
