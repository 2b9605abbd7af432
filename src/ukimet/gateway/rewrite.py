"""Policy applied by rewriting: every catalogued table a query reads is replaced by a view of it that the user's
role may see: masked columns (hidden, partial, pseudonym, year) and only the rows the role's filter lets through.
Whatever the query then does (aliases through CTEs and subqueries, UNION, joins, window functions, predicates and
aggregates) it only ever touches masked values: a masked column cannot be re-aliased, compared or counted back
into its clear value. Queries without a purpose are further held to protected aggregates (see disclosure)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot import exp

from ukimet.core.errors import Refused
from ukimet.gateway.guard import Catalog, ColumnInfo
from ukimet.gateway.lineage import UNKNOWN, column_origins, root_scope
from ukimet.gateway.linked_scope import LinkedScope
from ukimet.gateway.persons import PERSON
from ukimet.gateway.policy import RolePolicy
from ukimet.gateway.private_aggregate import UNIT

PSEUDONYM = "ukimet_pseudonym"
"""The keyed-hash function the engine registers (its key never appears in SQL or in the audit log)."""


@dataclass
class User:
    name: str
    role: str
    organisation: str = ""
    attributes: dict[str, str] = field(default_factory=dict)
    """what row filters read: region (a KATO prefix or region name) ..."""


def _text(column: exp.Expr) -> exp.Expr:
    return exp.cast(column, "VARCHAR")


def masked(column: str, info: ColumnInfo, mask: str, pseudonym: str = PSEUDONYM) -> exp.Expr:
    """The SQL that shows ``column`` under ``mask``."""
    ref = exp.column(column, quoted=True)
    is_date = info.data_type.upper().startswith(("DATE", "TIMESTAMP"))
    if mask == "show":
        return ref
    if mask == "hide":
        return exp.cast(exp.null(), info.data_type or "VARCHAR")
    if mask == "pseudonym":
        return exp.Anonymous(this=pseudonym, expressions=[_text(ref)])
    if mask == "year" or (mask == "partial" and (is_date or info.semantic_type == "birth_date")):
        day = ref if is_date else exp.TryCast(this=ref, to=exp.DataType.build("DATE"))
        return exp.func("YEAR", day)
    # partial: an identifier keeps its last 3 characters (a short number keeps none: its last 3 would be all of
    # it), anything else its first letter
    if info.semantic_type in ("iin", "bin", "phone") or info.data_type.upper().startswith(
            ("INT", "BIGINT", "SMALLINT", "TINYINT", "HUGEINT", "UBIGINT", "UINTEGER", "DECIMAL", "DOUBLE", "FLOAT")):
        length = exp.func("LENGTH", _text(ref))
        keep = exp.If(this=exp.GT(this=length, expression=exp.Literal.number(6)),
                      true=exp.func("RIGHT", _text(ref), exp.Literal.number(3)), false=exp.Literal.string(""))
        kept = exp.func("LENGTH", keep.copy())
        stars = exp.func("REPEAT", exp.Literal.string("*"), exp.Sub(this=length.copy(), expression=kept))
        return exp.func("CONCAT", stars, keep)
    return exp.func("CONCAT", exp.func("LEFT", _text(ref), exp.Literal.number(1)), exp.Literal.string("***"))


def _row_filter(table: tuple[str, str], columns: dict[str, ColumnInfo], role: RolePolicy,
                user: User, scope: LinkedScope) -> exp.Expr | None:
    """The rows of ``table`` the role's row filter lets the user see: by the table's own columns of the filter's
    type, else by the persons linkage placed in its rows (gateway.linked_scope), else refused."""
    if role.row_filter is None:
        return None
    keyed = [c for c, info in columns.items() if info.semantic_type == role.row_filter]
    value = user.attributes.get(role.row_filter)
    if not keyed:
        linked = scope.condition(table, role.row_filter, value or "")
        if linked is None:
            raise Refused("rewrite.no_filter_column", table=f"{table[0]}.{table[1]}", column=role.row_filter,
                          role=role.name)
        return linked if value else exp.false()
    if not value:
        return exp.false()  # a user without the attribute sees no rows (fail closed)
    return exp.or_(*[exp.Like(this=_text(exp.column(c, quoted=True)), expression=exp.Literal.string(f"{value}%"))
                     for c in keyed])


def secure_views(tree: exp.Query, catalog: Catalog, role: RolePolicy, user: User,
                 pseudonym: str = PSEUDONYM, cache: dict[tuple[str, ...], exp.Select] | None = None,
                 persons: bool = False, aggregate: bool = False,
                 units: dict[tuple[str, str], str | None] | None = None,
                 scope: LinkedScope | None = None) -> exp.Query:
    """Replace every catalogued table with the view of it the role may see (``pseudonym``: the name of the
    engine's keyed-hash function for this project; ``cache``: views built before, by table, role and user
    attributes; ``persons``: the tracing views, which also carry each row's IINs in clear (one-element lists under
    hidden names) for the gateway's own query that finds the persons behind a result - see gateway.persons;
    ``aggregate``: the masks of protected aggregates, RolePolicy.aggregate_mask_for; ``units``: the column naming
    each table's privacy unit, carried in clear under a hidden name for the gateway's own outer query of a
    private aggregate, or None when each row is a unit; ``scope``: how rows of tables without a row-filter column
    are placed through linkage, if they can be)."""
    tree = tree.copy()
    scope = scope or LinkedScope()
    for table in list(tree.find_all(exp.Table)):
        key = (table.db.lower(), table.name.lower())
        if key not in catalog:
            continue  # a CTE
        alias = table.args.get("alias") or exp.TableAlias(this=exp.to_identifier(key[1], quoted=True))
        unit = (units or {}).get(key)
        cached = (*key, repr(role), repr(sorted(user.attributes.items())), pseudonym, str(persons), str(aggregate),
                  str(units is not None), str(unit), repr(scope.tables.get(key)), repr(scope.attributes))
        if cache is not None and cached in cache:
            table.replace(exp.Subquery(this=cache[cached].copy(), alias=alias))
            continue
        columns = catalog[key]
        mask_of = role.aggregate_mask_for if aggregate else role.mask_for
        shown = [exp.alias_(masked(c, info, mask_of(f"{key[0]}.{key[1]}.{c}", info.semantic_type, info.sensitivity),
                                   pseudonym), c, quoted=True)
                 for c, info in columns.items()]
        if persons:  # every tracing view carries at least one persons column (empty when nobody can be named)
            shown += [exp.alias_(exp.Array(expressions=[exp.column(c, quoted=True)]), f"{PERSON}{c}", quoted=True)
                      for c, info in columns.items() if info.semantic_type == "iin"] or \
                _persons_by_key(key, columns, catalog) or [
                exp.alias_(exp.cast(exp.Array(), "VARCHAR[]"), f"{PERSON}none", quoted=True)]
        if units is not None:
            shown.append(exp.alias_(exp.column(unit, quoted=True) if unit else exp.null(), UNIT, quoted=True))
        view = exp.select(*shown).from_(exp.table_(key[1], db=key[0], quoted=True))
        condition = _row_filter(key, columns, role, user, scope)
        if condition is not None:
            view = view.where(condition)
        if cache is not None:
            cache[cached] = view.copy()
        table.replace(exp.Subquery(this=view, alias=alias))
    return tree


PERSON_KEYS = ("person_id", "family_id")
"""keys that name a person or a family without an IIN: a table keyed so is traced through a table that holds both
the key and the IIN (the mart's persons)"""


def _persons_by_key(table: tuple[str, str], columns: dict[str, ColumnInfo], catalog: Catalog) -> list[exp.Expr]:
    """For a table without an IIN column: the IINs of the persons (or the family's members) its key names, looked
    up in a catalogued table that holds that key beside an IIN (gateway-only, in the tracing views)."""
    found: list[exp.Expr] = []
    for column, info in columns.items():
        if info.semantic_type not in PERSON_KEYS:
            continue
        lookup = next(((t, k, i) for t, cols in sorted(catalog.items(), key=lambda kv: kv[0] != ("mart", "persons"))
                       for k, ki in cols.items() if ki.semantic_type == info.semantic_type
                       for i, ii in cols.items() if ii.semantic_type == "iin"), None)
        if lookup is None:
            continue
        (schema, name), key, iin = lookup
        inner = exp.select(exp.func("LIST", exp.column(iin, table=LOOKUP, quoted=True))).from_(
            exp.alias_(exp.table_(name, db=schema, quoted=True), LOOKUP, quoted=True)).where(
            exp.EQ(this=exp.column(key, table=LOOKUP, quoted=True),
                   expression=exp.column(column, table=table[1], quoted=True)))
        found.append(exp.alias_(exp.func("COALESCE", inner.subquery(), exp.cast(exp.Array(), "VARCHAR[]")),
                                f"{PERSON}{column}", quoted=True))
    return found


LOOKUP = "__ukimet_lookup"


def referenced_kinds(tree: exp.Query, catalog: Catalog) -> set[str]:
    """Every sensitivity and semantic type of the catalogued columns a (qualified) query touches, by the columns'
    real lineage through every scope (an alias reused in another scope cannot hide where a column comes from); a
    column whose origin cannot be traced counts as special."""
    kinds: set[str] = set()
    for scope in root_scope(tree).traverse():
        for column in scope.columns:
            if not column.table:
                continue  # an output's alias (ORDER BY n): its own origins are counted where it is made
            for origin in column_origins(scope, column):
                info = catalog.get(origin[:2], {}).get(origin[2]) if origin != UNKNOWN else None
                kinds |= {"special"} if info is None else {k for k in (info.sensitivity, info.semantic_type) if k}
    return kinds


COMPARED = (exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE, exp.In, exp.Between, exp.Like, exp.ILike)
UNCOMPARABLE = ("partial", "hide", "pseudonym")
"""masks whose value is no longer the column's: compared with a constant, a partial value (stars and the last
digits) fails on its type, a hidden one (NULL) silently matches nothing, a pseudonym matches nothing the caller
could write"""


def refuse_masked_comparisons(tree: exp.Query, catalog: Catalog, role: RolePolicy) -> None:
    """Refuse a person-level (qualified) query that compares a column the role sees masked with a constant
    (disability_group = 3 under a partial mask), naming the column and its mask: the engine would fail on a
    type, or answer a count of 0 that is not true. Comparing two columns (a join on pseudonyms) and testing for
    NULL stay allowed. (A private aggregate is answered from the masked values with noise, its errors included,
    so that no error tells a value; its hidden columns are refused as aggregate.hidden.)"""
    mask_of = role.mask_for
    for scope in root_scope(tree).traverse():
        for column in scope.columns:
            branch: exp.Expr = column  # up through the functions around it: upper(diagnoz) LIKE 'J45%'
            while isinstance(branch.parent, (exp.Func, exp.Paren)) and \
                    not isinstance(branch.parent, (*COMPARED, exp.AggFunc)):  # count(diagnoz) = 3 counts, fine
                branch = branch.parent
            holder = branch.parent
            if not column.table or not isinstance(holder, COMPARED):
                continue
            others = [e for e in holder.iter_expressions() if e is not branch]
            if any(o.find(exp.Column) for o in others):
                continue  # a column against a column
            for origin in column_origins(scope, column):
                info = catalog.get(origin[:2], {}).get(origin[2]) if origin != UNKNOWN else None
                if info is None:
                    continue
                mask = mask_of(f"{origin[0]}.{origin[1]}.{origin[2]}", info.semantic_type, info.sensitivity)
                if mask in UNCOMPARABLE:
                    raise Refused("gateway.masked_compared", column=origin[2], mask=mask, role=role.name)
