"""Person 360: one person's linked records from every source, each masked and filtered by the viewer's policy,
with the golden record (the best value of each attribute across sources). It always needs a purpose, and the
whole view is one audit entry ("view") that names every person its rows touch, so the citizen's tracker shows it.

    view = person_view(gateway, user, "870412300415", purpose="P-12")
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

import duckdb
from sqlglot import exp

from ukimet.connect.catalog import table_keys
from ukimet.core.errors import NotFound, Refused, UkimetError
from ukimet.gateway.api import Gateway, Plan, internal_refusal
from ukimet.gateway.guard import ColumnInfo
from ukimet.gateway.policy import RolePolicy
from ukimet.gateway.rewrite import User, masked
from ukimet.link import lookup
from ukimet.sync.store import literal

KEYS = "__ukimet_record_keys__"
"""the marker the record keys replace in a kept plan (a string literal no query of a user produces here)"""
WHO = frozenset({"iin", "surname", "first_name", "patronymic", "full_name", "birth_date", "sex", "phone", "address",
                 "person_id", "region"})
"""semantic types that say who a record is about, not what it says of them"""
GOLDEN_TYPES = ("iin", "surname", "first_name", "patronymic", "birth_date", "sex", "address", "phone")
"""the golden record's attributes, each the semantic type of the same name (personal data)"""


NOT_FOUND = "person.not_found"
"""one answer for a number nobody has and for a person outside the caller's scope (no existence oracle)"""


@dataclass(frozen=True)
class SourceRecords:
    source: str
    table: str
    parties: list[str]
    """the roles the person has in these rows (person, mother, child ...)"""
    columns: list[str]
    rows: list[tuple[Any, ...]]
    match: tuple[float, list[str]] | None = None
    """why these records are this person: the strongest match weight linking them to the person's other
    records, and the fields that agreed most (None: their evidence is the same as the other records')"""
    meanings: list[str | None] | None = None
    """each column's semantic type in the catalogue (surname, birth_date ...), for a label a reader can read"""


@dataclass(frozen=True)
class PersonView:
    entity_id: str
    golden: dict[str, Any]
    """attribute -> value, masked by the viewer's policy"""
    records: list[SourceRecords]
    withheld: list[tuple[str, str, UkimetError]]
    """(source, table, why) of the person's records the viewer's policy does not show"""
    audit_seq: int
    snapshot: int = 0
    """the store's snapshot the records were read from"""




def _linked(gateway: Gateway, iin: str) -> tuple[str, list[tuple[str, str, str, str]]]:
    """The person's entity and records (source, table, party, record key), read by the gateway itself: from the
    lookup tables of the linkage (link.lookup) when the snapshot has them, else from the link tables."""
    with gateway.trusted() as con:
        if _has_lookup(gateway, con):
            records = con.execute("SELECT entity_id, source, source_table, party, record_key FROM "
                                  "lookup.entity_records WHERE entity_id = (SELECT min(entity_id) FROM "
                                  "lookup.person_entities WHERE iin = ?) ORDER BY 2, 3, 4", [iin]).fetchall()
        else:
            records = con.execute("SELECT e.entity_id, r.source, r.source_table, r.party, r.record_key "
                                  "FROM link.person_records r JOIN link.entities e USING (record_id) "
                                  "WHERE e.entity_id = (SELECT min(f.entity_id) FROM link.person_records p "
                                  "JOIN link.entities f USING (record_id) WHERE p.iin = ? AND p.iin_valid) "
                                  "ORDER BY 2, 3, 4", [iin]).fetchall()
    if not records:
        raise NotFound(NOT_FOUND)
    return str(records[0][0]), [(str(a), str(b), str(c), str(d)) for _, a, b, c, d in records]


def _has_lookup(gateway: Gateway, con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the snapshot ``con`` reads has the lookup tables (a store linked before them has not)."""
    def found() -> bool:
        names = {str(t) for (t,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() "
            "AND table_schema = ?", [lookup.SCHEMA]).fetchall()}
        return set(lookup.TABLES) <= names
    return gateway.kept(("lookup", gateway.snapshot()), found)


def _plans(gateway: Gateway, user: User, records: list[tuple[str, str, str, str]]
           ) -> tuple[list[tuple[str, str, list[str], Plan]], list[tuple[str, str, UkimetError]]]:
    """A plan per table holding the person's records, and the tables the policy withholds, with the reason."""
    by_table: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
    for source, table, party, key in records:
        parties, keys = by_table.setdefault((source, table), (set(), set()))
        parties.add(party)
        keys.add(key)
    role = gateway.policy.role(user.role)
    plans: list[tuple[str, str, list[str], Plan]] = []
    withheld: list[tuple[str, str, UkimetError]] = []
    for (source, table), (parties, keys) in sorted(by_table.items()):
        if (source.lower(), table.lower()) not in gateway.catalog:
            continue
        if _special_unseen(gateway, role, source, table):
            continue  # a role that sees no special category is not told that such a record exists
        keys_of = gateway.kept(("keys", source), partial(table_keys, gateway.metadata, source))
        key_columns = keys_of.get(table) or []
        if not key_columns:
            continue  # rows without a key cannot be named one by one
        record_key, typed = _record_key(gateway.catalog[(source.lower(), table.lower())], key_columns)
        # one plan per table, kept across persons: the keys go in after the rewrite, in place of a marker
        sql = f'SELECT * FROM "{source}"."{table}" WHERE {record_key} IN ({literal(KEYS)})'
        try:
            template = gateway.prepare(user, role, sql, person_level=True)
            listed = ", ".join(typed(k) for k in sorted(keys))
            plan = replace(template, sql=sql.replace(literal(KEYS), f"({listed})"),
                           rewritten=template.rewritten.replace(literal(KEYS), listed),
                           trace=(template.trace or "").replace(literal(KEYS), listed) or None)
            plans.append((source, table, sorted(parties), plan))
        except Refused as error:  # e.g. a table without the region an analyst's rows are filtered by
            withheld.append((source, table, error))
    return plans, withheld


_INTEGERS = frozenset({"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
                       "UBIGINT"})


def _record_key(columns: dict[str, ColumnInfo], key: list[str]) -> tuple[str, Callable[[str], str]]:
    """How a table's rows are picked by their record keys (``concat_ws('|', key columns as text)``, as linkage
    named them), and how a key is written in the list: a key of one integer or text column is compared as it is
    stored (``"id" IN (4169, ...)``), so that the engine can skip the row groups that cannot hold it; a key of
    several columns, or of another type whose text form may not round-trip, as the text linkage made."""
    info = columns.get(key[0].lower()) if len(key) == 1 else None
    kind = (info.data_type or "").upper() if info else ""
    if kind in _INTEGERS:
        return f'"{key[0]}"', lambda k: f"TRY_CAST({literal(k)} AS {kind})"
    if kind == "VARCHAR":
        return f'"{key[0]}"', literal
    return "concat_ws('|', " + ", ".join(f'CAST("{k}" AS VARCHAR)' for k in key) + ")", literal


def _special_unseen(gateway: Gateway, role: RolePolicy, source: str, table: str) -> bool:
    """The table is a special-category register (health, disability ...: at least half of what it says beyond
    who the person is is special) and the role sees none of it: then even that the person has a record there is
    special-category data, so the table is neither shown nor named."""
    columns = gateway.catalog[(source.lower(), table.lower())]
    facts = [(c, i) for c, i in columns.items() if i.semantic_type not in WHO]
    special = [(c, i) for c, i in facts if i.sensitivity == "special"]
    return bool(special) and 2 * len(special) >= len(facts) and all(
        role.mask_for(f"{source.lower()}.{table.lower()}.{c}", i.semantic_type, i.sensitivity) == "hide"
        for c, i in special)


def _meanings(gateway: Gateway, source: str, table: str, columns: list[str]) -> list[str | None]:
    """The catalogue's semantic type of each column shown (None where it has none)."""
    catalogued = gateway.catalog.get((source.lower(), table.lower()), {})
    return [info.semantic_type if (info := catalogued.get(c.lower())) is not None else None for c in columns]


def _explanations(gateway: Gateway, entity: str) -> dict[tuple[str, str], tuple[float, list[str]]]:
    """(source, table) -> the strongest link of its records to the person's other records, and its fields."""
    with gateway.trusted() as con:
        fields: list[str] = gateway.kept(("link fields", gateway.snapshot()), lambda: [
            str(f) for (f,) in con.execute("SELECT DISTINCT field FROM link.model WHERE NOT starts_with(field, '_') "
                                           "ORDER BY 1").fetchall()])
        weights = ", ".join(f"s.w_{f}" for f in fields)
        rows = con.execute(f"""WITH mine AS (SELECT DISTINCT r.source, r.source_table, rp.profile_id
                FROM link.person_records r JOIN link.record_profiles rp USING (record_id)
                JOIN link.entities e USING (record_id) WHERE e.entity_id = ?),
            profiles AS (SELECT DISTINCT profile_id FROM mine),
            pairs AS (SELECT * FROM link.pair_scores WHERE NOT conflict
                      AND l_id IN (SELECT profile_id FROM profiles) AND r_id IN (SELECT profile_id FROM profiles)),
            ends AS (SELECT l_id AS profile_id, * FROM pairs UNION ALL SELECT r_id AS profile_id, * FROM pairs)
            SELECT m.source, m.source_table, s.weight, {weights} FROM mine m JOIN ends s USING (profile_id)""",
                           [entity]).fetchall()
    best: dict[tuple[str, str], tuple[float, list[str]]] = {}
    for source, table, weight, *parts in rows:
        if (source, table) not in best or weight > best[(source, table)][0]:
            agreed = sorted(((w, f) for f, w in zip(fields, parts, strict=True) if w and w > 0), reverse=True)
            best[(str(source), str(table))] = (round(float(weight), 1), [f for _, f in agreed[:4]])
    return best


def _golden(gateway: Gateway, user: User, entity: str) -> dict[str, Any]:
    sql = gateway.kept(("golden", user.role, gateway.policy.version), partial(_golden_query, gateway, user.role))
    with gateway.trusted() as con:
        if _has_lookup(gateway, con):  # the same rows, sorted by entity: a lookup, not a scan
            sql = sql.replace("FROM link.golden", "FROM lookup.golden")
        return {str(a): v for a, v in con.execute(sql, [entity]).fetchall()}


def _golden_query(gateway: Gateway, role_name: str) -> str:
    """The golden record of an entity (its one parameter) as ``role_name`` may see it: each attribute masked."""
    role = gateway.policy.role(role_name)
    cases = [exp.If(this=exp.EQ(this=exp.column("attribute"), expression=exp.Literal.string(kind)),
                    true=exp.cast(masked("value", ColumnInfo("VARCHAR", kind, "personal"),
                                         role.mask_for(f"link.golden.{kind}", kind, "personal"), gateway.pseudonym),
                                  "VARCHAR"))
             for kind in GOLDEN_TYPES]
    shown = exp.Case(ifs=cases)
    return f"SELECT attribute, {shown.sql(dialect='duckdb')} FROM link.golden WHERE entity_id = ?"


def person_view(gateway: Gateway, user: User, iin: str, purpose: str, explain: bool = True) -> PersonView:
    """Every record of the person with IIN ``iin`` the user's policy lets them see; one audit entry.
    ``explain``: also why each table's records are this person (``SourceRecords.match``), read from the pair
    scores: a page shows it, a client that does not can spare the read."""
    with gateway.one_snapshot():  # the links, the records and their explanations: one snapshot
        return _person_view(gateway, user, iin, purpose, explain)


def _person_view(gateway: Gateway, user: User, iin: str, purpose: str, explain: bool) -> PersonView:
    what = f"person view: {gateway.audit.person(iin.strip())[:16]}"
    try:
        role, described = gateway.admit(user, purpose, needs_purpose="person.purpose_needed",
                                        limits_later=True)
        entity, records = _linked(gateway, iin.strip())
        plans, withheld = _plans(gateway, user, records)
    except UkimetError as error:
        raise gateway.refused(user, what, purpose, error) from None
    except Exception as error:  # unforeseen: refused and audited, said by its kind only
        raise gateway.refused(user, what, purpose, internal_refusal(error)) from None
    seq, results = gateway.run(user, role, described, "view", what, [p for *_, p in plans])
    why = _explanations(gateway, entity) if explain else {}
    shown = [SourceRecords(source, table, parties, r.columns, r.rows, why.get((source, table)),
                           _meanings(gateway, source, table, r.columns))
             for (source, table, parties, _), r in zip(plans, results, strict=True) if r.rows]
    if role.row_filter and not shown:  # outside the caller's scope: said exactly as for a person who does not exist
        raise gateway.refused(user, what, purpose, NotFound(NOT_FOUND))
    return PersonView(entity, _golden(gateway, user, entity), shown, withheld, seq,
                      results[0].snapshot if results else 0)
