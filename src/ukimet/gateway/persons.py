"""Which persons a person-level result touched, whatever it shows. The gateway answers a person-level query from
views without any identifier beyond what the policy shows; this module builds the second, gateway-only query that
finds the persons behind the same rows: the same query over views that also carry each row's clear IIN (as a
one-element list under a hidden name), with one more, last column that gathers them up through every derived
table, CTE, UNION branch, join and GROUP BY. The gateway compares that query's rows with the answer's and takes
the persons only when they match, so nothing the caller's query does can reach the hidden column or change the
persons recorded; only keyed hashes of the IINs reach the audit log.

Every member of a group is behind the row the group makes, however many they are: with a purpose, two exact
totals that differ by one person would otherwise show that person's value unrecorded (an aggregate over many
people is asked without a purpose, as a differentially private answer). Where persons cannot be traced (a
subquery inside an expression reads
rows that are not the result's, an inner UNION or DISTINCT would merge rows of different persons), the query is
refused: every person behind a result is traced, or there is no result."""

from __future__ import annotations

from sqlglot import exp

from ukimet.core.errors import Refused

PERSON = "__ukimet_person_"
"""prefix of the clear-IIN columns of the tracing views (never in the views a caller's query runs on)"""
CARRIED = "__ukimet_persons"


def _untraceable(why: str, **params: str) -> Refused:
    return Refused(f"persons.{why}", **params)


def _is_grouped(select: exp.Select) -> bool:
    return select.args.get("group") is not None or any(
        p.find(exp.AggFunc) is not None and p.find(exp.Window) is None for p in select.expressions)


def _cte_body(root: exp.Query, name: str) -> exp.Expr | None:
    for cte in root.find_all(exp.CTE):
        if cte.alias_or_name == name:
            body: exp.Expr = cte.this
            return body
    return None


def _persons_of(refs: list[exp.Column]) -> exp.Expr:
    """The persons of one row: its sources' lists flattened into one."""
    return exp.func("FLATTEN", exp.Array(expressions=refs)) if refs else exp.cast(exp.Array(), "VARCHAR[]")


def _gather(select: exp.Select, root: exp.Query, done: dict[int, str]) -> exp.Expr:
    """The persons behind one row of ``select`` (a list), its own FROM and joins carried first."""
    refs: list[exp.Column] = []
    for source in [select.args.get("from_"), *(select.args.get("joins") or [])]:
        if source is None:
            continue
        node = source.this
        body: exp.Expr | None = node.this if isinstance(node, exp.Subquery) else None
        if isinstance(node, exp.Table):
            body = _cte_body(root, node.name)
        if body is None:
            raise _untraceable("not_a_table", node=node.sql(dialect="duckdb")[:60])
        names = [p.alias_or_name for p in body.expressions if p.alias_or_name.startswith(PERSON)] \
            if isinstance(body, exp.Select) else []
        if not names:  # a derived table or CTE of the caller's: its persons are carried up through it first
            if id(body) not in done:
                _carry_body(body, root, done)
            names = [done[id(body)]]
        refs += [exp.column(n, table=node.alias_or_name, quoted=True) for n in names]
    return _persons_of(refs)


def _carry_body(body: exp.Expr, root: exp.Query, done: dict[int, str]) -> None:
    """Give a derived table or CTE of the caller's query one more column with the persons of each of its rows."""
    name = f"{PERSON}{len(done)}"
    done[id(body)] = name
    branches = [body] if isinstance(body, exp.Select) else None
    if isinstance(body, exp.SetOperation):
        if body.args.get("distinct"):
            raise _untraceable("set_operation")
        branches = _branches(body)
    if branches is None:
        raise _untraceable("subquery_kind", kind=type(body).__name__)
    for select in branches:
        if select.args.get("distinct") is not None:
            raise _untraceable("distinct")
        row = _gather(select, root, done)
        if _is_grouped(select):  # every member of an inner group is behind the row it makes
            row = exp.func("LIST_DISTINCT", exp.func("FLATTEN", exp.func("LIST", row)))
        select.select(exp.alias_(row, name, quoted=True), copy=False)


def _branches(body: exp.SetOperation) -> list[exp.Select]:
    found: list[exp.Select] = []
    for side in (body.this, body.expression):
        side = side.this if isinstance(side, exp.Subquery) else side
        if isinstance(side, exp.SetOperation):
            found += _branches(side)
        elif isinstance(side, exp.Select):
            found.append(side)
        else:
            raise _untraceable("union_side", kind=type(side).__name__)
    return found


def _top(select: exp.Select, root: exp.Query, done: dict[int, str]) -> None:
    if select.args.get("distinct") is not None:
        if _is_grouped(select):
            raise _untraceable("distinct_groups")
        select.set("distinct", None)  # SELECT DISTINCT a, b is GROUP BY a, b: then the persons can be gathered
        select.group_by(*[p.unalias().copy() for p in select.expressions], copy=False)
    row = _gather(select, root, done)
    if _is_grouped(select):
        row = exp.func("LIST_DISTINCT", exp.func("FLATTEN", exp.func("LIST", row)))
    select.select(exp.alias_(row, CARRIED, quoted=True), copy=False)


def with_persons(query: exp.Query, asked: exp.Query) -> exp.Query:
    """``query`` (``asked``, the caller's query, rewritten over tracing views) with the hidden persons column last,
    or the refusal saying why its persons cannot be traced."""
    for sub in asked.find_all(exp.Subquery, exp.Exists):
        if not isinstance(sub.parent, exp.From | exp.Join) and not isinstance(sub.parent, exp.SetOperation):
            raise _untraceable("expression_subquery")
    for node in asked.find_all(exp.In):
        if node.args.get("query") is not None:
            raise _untraceable("in_subquery")
    traced = query.copy()
    body = traced.this if isinstance(traced, exp.Subquery) else traced
    done: dict[int, str] = {}
    branches = _branches(body) if isinstance(body, exp.SetOperation) else [body]
    for branch in branches:
        if not isinstance(branch, exp.Select):
            raise _untraceable("branch", kind=type(branch).__name__)
        _top(branch, traced, done)
    return traced
