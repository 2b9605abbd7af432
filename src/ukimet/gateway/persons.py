"""Which persons a person-level result touched, whatever it shows: the policy-rewritten query is given one more,
hidden, last column that carries the clear IINs of the rows behind each result row, passed up from every table
through derived tables and CTEs (an array for a plain row; for an aggregate, the group's members when they are
fewer than the small-cell threshold: a count over many people reveals none of them). The gateway strips the
column before anything is handed out, and only keyed hashes of the IINs reach the audit log.

So a social worker who asks only for a surname is still recorded as having seen that person, and the citizen's
tracker shows it. Where the persons cannot be traced this way (aggregates inside CTEs, for one), the caller falls
back to the IINs that appear in the result's cells."""

from __future__ import annotations

from sqlglot import exp

PERSON = "__ukimet_person_"
"""prefix of the clear-IIN columns the secure views carry (queries cannot name them: they are not in the
catalog)"""
CARRIED = "__ukimet_persons"


def _is_grouped(select: exp.Select) -> bool:
    return select.args.get("group") is not None or any(
        p.find(exp.AggFunc) is not None and p.find(exp.Window) is None for p in select.expressions)


def _cte_body(root: exp.Query, name: str) -> exp.Expr | None:
    for cte in root.find_all(exp.CTE):
        if cte.alias_or_name == name:
            body: exp.Expr = cte.this
            return body
    return None


def _carry(select: exp.Select, root: exp.Query, done: dict[int, list[str]]) -> list[exp.Column] | None:
    """The person columns visible in ``select``'s FROM, as references; None when they cannot be traced."""
    sources = [select.args.get("from_"), *(select.args.get("joins") or [])]
    refs: list[exp.Column] = []
    for source in sources:
        if source is None:
            continue
        node = source.this
        alias = node.alias_or_name
        body: exp.Expr | None = node.this if isinstance(node, exp.Subquery) else None
        if isinstance(node, exp.Table):
            body = _cte_body(root, node.name)
        elif not isinstance(node, exp.Subquery):
            continue  # UNNEST and friends bring no person of their own
        if not isinstance(body, exp.Select):
            return None
        names = [p.alias_or_name for p in body.expressions if p.alias_or_name.startswith(PERSON)]
        if not names and id(body) not in done:  # a user's derived table or CTE: carry its persons up through it
            if _is_grouped(body):
                return None
            inner = _carry(body, root, done)
            if inner is None:
                return None
            done[id(body)] = [f"{PERSON}{n}" for n in range(len(inner))]
            for ref, name in zip(inner, done[id(body)], strict=True):
                body.select(exp.alias_(ref, name, quoted=True), copy=False)
        names = names or done.get(id(body), [])
        refs += [exp.column(n, table=alias, quoted=True) for n in names]
    return refs


def _branch(select: exp.Select, root: exp.Query, done: dict[int, list[str]], small: int) -> bool:
    if select.args.get("distinct") is not None:
        if _is_grouped(select):
            return False
        select.set("distinct", None)  # SELECT DISTINCT a, b is GROUP BY a, b: then the persons can be gathered
        select.group_by(*[p.unalias().copy() for p in select.expressions], copy=False)
    refs = _carry(select, root, done)
    if refs is None:
        return False
    array = exp.Array(expressions=refs)
    carried: exp.Expr = array
    if _is_grouped(select):  # a group of many persons says nothing about one: only small groups are attributed
        members = exp.func("LIST_DISTINCT", exp.func("FLATTEN", exp.func("LIST", array)))
        carried = exp.Case(ifs=[exp.If(this=exp.LT(this=exp.func("LEN", members.copy()),
                                                   expression=exp.Literal.number(small)), true=members)])
    select.select(exp.alias_(carried, CARRIED, quoted=True), copy=False)
    return True


def with_persons(query: exp.Query, small: int) -> exp.Query | None:
    """``query`` (rewritten with person columns in its views) with the hidden persons column last, or None when
    its persons cannot be traced. A group of ``small`` persons or more is not attributed to its members."""
    traced = query.copy()
    body = traced.this if isinstance(traced, exp.Subquery) else traced
    branches = list(body.find_all(exp.Select)) if isinstance(body, exp.SetOperation) else [body]
    branches = [b for b in branches if b.parent is None or isinstance(b.parent, exp.SetOperation)]
    done: dict[int, list[str]] = {}
    if not branches or not all(isinstance(b, exp.Select) and _branch(b, traced, done, small) for b in branches):
        return None
    return traced
