"""Where a column of a (qualified) query comes from: every catalogued source column it is computed from, traced
through CTEs, derived tables, UNION branches (by position), LATERAL and UNNEST. A column whose origin cannot be
traced is reported as unknown, and the callers treat unknown as the most sensitive (fail closed)."""

from __future__ import annotations

from sqlglot import exp
from sqlglot.optimizer.scope import Scope, build_scope

Origin = tuple[str, str, str]
"""(source, table, column) in the catalog"""
UNKNOWN: Origin = ("?", "?", "?")


def _projection(select: exp.Expr, name: str, position: int | None) -> exp.Expr | None:
    if not isinstance(select, exp.Select):
        return None
    for index, projection in enumerate(select.expressions):
        if projection.alias_or_name == name or index == position:
            found: exp.Expr = projection
            return found
    return None


def _position(scope: Scope, name: str) -> int | None:
    first: exp.Expr = scope.expression
    while isinstance(first, exp.SetOperation):
        first = first.this
    if isinstance(first, exp.Select):
        for index, projection in enumerate(first.expressions):
            if projection.alias_or_name == name:
                return index
    return None


def output_origins(scope: Scope, name: str, position: int | None = None) -> set[Origin]:
    """The origins of the output column ``name`` of ``scope`` (at ``position`` for later UNION branches)."""
    if scope.is_set_operation:
        position = _position(scope, name) if position is None else position
        found: set[Origin] = set()
        for branch in scope.set_operation_scopes:
            found |= output_origins(branch, name, position)
        return found
    if scope.is_udtf:  # UNNEST([...]) AS t(x): whatever the unnested values are made of
        return expression_origins(scope.parent or scope, scope.expression)
    projection = _projection(scope.expression, name, position)
    if projection is None:
        return {UNKNOWN}
    return expression_origins(scope, projection)


def column_origins(scope: Scope, column: exp.Column) -> set[Origin]:
    source = scope.sources.get(column.table)
    if isinstance(source, exp.Table):
        return {(source.db.lower(), source.name.lower(), column.name.lower())}
    if isinstance(source, Scope):
        return output_origins(source, column.name)
    if scope.parent is not None and column.table not in scope.sources:  # a correlated reference
        return column_origins(scope.parent, column)
    return {UNKNOWN}


def expression_origins(scope: Scope, expression: exp.Expr) -> set[Origin]:
    """Every source column an expression of ``scope`` reads (its own subqueries included)."""
    found: set[Origin] = set()
    for column in expression.find_all(exp.Column):
        owner = _scope_of(scope, column)
        found |= column_origins(owner, column)
    return found


def _scope_of(scope: Scope, column: exp.Column) -> Scope:
    """The scope a column belongs to: ``scope`` itself or one of its subquery scopes."""
    for inner in scope.subquery_scopes:
        if any(c is column for c in inner.columns):
            return inner
        deeper = _scope_of(inner, column)
        if deeper is not inner:
            return deeper
    return scope


def root_scope(tree: exp.Query) -> Scope:
    scope = build_scope(tree)
    if scope is None:
        raise ValueError("the query has no scope")
    return scope
