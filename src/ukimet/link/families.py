"""Families and households from the linked persons.

- **Relations** (``link.relations``): people named in one record are related by the roles their columns
  give them: a birth record's mother and father are the child's parents, a marriage record's husband and wife
  are spouses (a divorce record's, former spouses), and a registry of relatives says in a column how the
  relative is related (отец, мать, супруг(а), әкесі, анасы, жұбайы ...). Roles are read from the column
  prefixes in Kazakh, Russian and English, in any script.
- **Families** (``link.families``): a couple still married (a marriage with no later divorce on record) and
  the children who have no spouse of their own, each child with the mother's family (the father's when the
  mother is unknown); everybody else is a family of one. This is the unit the Digital Family Card scores.
- **Households** (``link.households``): the people registered at the same address (each person's most
  supported address, standardised)."""

from __future__ import annotations

from collections import defaultdict
from functools import cache

import duckdb
import pyarrow as pa

from ukimet.link.backend import Backend, DuckDBBackend
from ukimet.link.components import connected_components
from ukimet.link.names import name_key

ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "child": ("бала", "ребенок", "ребёнок", "child", "rebenok", "baby"),
    "mother": ("ана", "мать", "mother", "mat"),
    "father": ("әке", "отец", "father", "otets", "otec"),
    "husband": ("күйеуі", "күйеу", "муж", "husband", "muj", "kuieui"),
    "wife": ("әйелі", "әйел", "жена", "wife", "jena", "aieli"),
    "relative": ("iin_rodstvennika", "rodstvennik", "родственник", "туысы", "relative"),
}
RELATION_VALUES: dict[str, tuple[str, ...]] = {
    "father": ("отец", "әкесі", "әке", "father", "otets"),
    "mother": ("мать", "анасы", "ана", "mother", "mat"),
    "spouse": ("супруг", "супруга", "супруг(а)", "жұбайы", "зайыбы", "spouse", "husband", "wife", "муж", "жена"),
}
DIVORCE_WORDS = ("ажырасу", "развод", "divorce", "rastorj", "razvod")


@cache
def _folded(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(name_key(w) for w in words)


@cache
def role_of(party: str) -> str | None:
    """The family role a record's party plays (from its column prefix), if it names one."""
    key = name_key(party)
    return next((role for role, words in ROLE_WORDS.items() if key in _folded(words)), None)


@cache
def relation_of(value: str | None) -> str | None:
    """father / mother / spouse from a registry's relation column."""
    if not value:
        return None
    key = name_key(value)
    return next((kind for kind, words in RELATION_VALUES.items() if key in _folded(words)), None)


def _is_divorce(table: str) -> bool:
    low = table.lower()
    return any(w in low for w in DIVORCE_WORDS)


def build_relations(con: duckdb.DuckDBPyConnection) -> int:
    """``link.relations`` (entity_a, relation, entity_b, source, source_table, record_key): relation is
    mother / father (a is b's parent), spouse or divorced."""
    rows = con.execute("""SELECT p.source, p.source_table, p.record_key, p.party, p.relation_raw, e.entity_id
        FROM link.person_records p JOIN link.entities e USING (record_id)
        WHERE (p.source, p.source_table) IN (SELECT source, source_table FROM link.person_records
                                             GROUP BY ALL HAVING count(DISTINCT party) > 1)
        ORDER BY p.source, p.source_table, p.record_key""").fetchall()
    by_record: dict[tuple[str, str, str], list[tuple[str | None, str | None, str]]] = defaultdict(list)
    roles: dict[str, str | None] = {}
    for source, table, key, party, relation, entity in rows:
        if party not in roles:
            roles[party] = role_of(party)
        by_record[(source, table, key)].append((roles[party], relation, entity))
    found: list[tuple[str, str, str, str, str, str]] = []
    for (source, table, key), members in by_record.items():
        by_role = {role: entity for role, _, entity in members if role}
        subject = next((entity for role, _, entity in members if role is None), None)
        for parent in ("mother", "father"):
            if parent in by_role and "child" in by_role:
                found.append((by_role[parent], parent, by_role["child"], source, table, key))
        if "husband" in by_role and "wife" in by_role:
            kind = "divorced" if _is_divorce(table) else "spouse"
            found.append((by_role["husband"], kind, by_role["wife"], source, table, key))
        if "relative" in by_role and subject is not None:
            said = relation_of(next((r for _, r, _ in members if r), None))
            if said in ("mother", "father"):
                found.append((by_role["relative"], str(said), subject, source, table, key))
            elif said == "spouse":
                found.append((subject, "spouse", by_role["relative"], source, table, key))
    names = ("entity_a", "relation", "entity_b", "source", "source_table", "record_key")
    con.register("_relations", pa.table({n: [f[i] for f in found] for i, n in enumerate(names)},
                                        schema=pa.schema([(n, pa.string()) for n in names])))
    con.execute("CREATE OR REPLACE TABLE link.relations AS SELECT DISTINCT * FROM _relations "
                "WHERE entity_a <> entity_b")
    con.unregister("_relations")
    row = con.execute("SELECT count(*) FROM link.relations").fetchone()
    return int(row[0]) if row else 0


def build_families(con: duckdb.DuckDBPyConnection) -> int:
    """``link.families`` (entity_id, family_id, role: spouse / child / single); returns the number of families."""
    return families(DuckDBBackend(con))


def families(db: Backend) -> int:
    """``build_families`` on any engine, in SQL: a family is a connected component of the marriages in force
    and of each unmarried child's tie to the mother (the father when no mother is on record), named after its
    smallest member (``components``: on Spark the relations never come to the driver)."""
    db.create("family_spouses", """SELECT DISTINCT least(entity_a, entity_b) AS a, greatest(entity_a, entity_b) AS b
        FROM link.relations s WHERE relation = 'spouse' AND NOT EXISTS (SELECT 1 FROM link.relations d
            WHERE d.relation = 'divorced' AND least(d.entity_a, d.entity_b) = least(s.entity_a, s.entity_b)
            AND greatest(d.entity_a, d.entity_b) = greatest(s.entity_a, s.entity_b))
        AND entity_a IN (SELECT entity_id FROM link.entities) AND entity_b IN (SELECT entity_id FROM link.entities)""")
    db.create("family_married", "SELECT a AS entity_id FROM family_spouses UNION SELECT b FROM family_spouses")
    db.create("family_children", """SELECT child, head FROM (
            SELECT entity_b AS child, coalesce(min(entity_a) FILTER (WHERE relation = 'mother'),
                                               min(entity_a) FILTER (WHERE relation = 'father')) AS head
            FROM link.relations WHERE relation IN ('mother', 'father') GROUP BY entity_b) heads
        WHERE child NOT IN (SELECT entity_id FROM family_married)
        AND child IN (SELECT entity_id FROM link.entities) AND head IN (SELECT entity_id FROM link.entities)""")
    connected_components(db, "SELECT a, b FROM family_spouses UNION ALL SELECT child AS a, head AS b "
                             "FROM family_children", "family_groups")
    db.create("link.families", """SELECT p.entity_id, concat('f', left(md5(coalesce(g.component, p.entity_id)), 15))
            AS family_id,
            CASE WHEN m.entity_id IS NOT NULL THEN 'spouse' WHEN c.child IS NOT NULL THEN 'child' ELSE 'single' END
            AS role
        FROM (SELECT DISTINCT entity_id FROM link.entities) p LEFT JOIN family_groups g ON g.node = p.entity_id
        LEFT JOIN family_married m ON m.entity_id = p.entity_id LEFT JOIN family_children c ON c.child = p.entity_id
        ORDER BY p.entity_id""")
    return int(db.fetch("SELECT count(DISTINCT family_id) FROM link.families")[0][0])


def build_households(con: duckdb.DuckDBPyConnection) -> int:
    """``link.households`` (entity_id, household_id, address): people at the same standardised address."""
    con.execute("""CREATE OR REPLACE TABLE link.households AS
        WITH counted AS (SELECT e.entity_id, p.address_key, count(*) AS n, min(p.address_raw) AS address
                         FROM link.person_records p JOIN link.entities e USING (record_id)
                         WHERE p.address_key IS NOT NULL GROUP BY ALL),
             best AS (SELECT *, row_number() OVER (PARTITION BY entity_id ORDER BY n DESC, address_key) AS rank
                      FROM counted)
        SELECT entity_id, 'h' || left(md5(address_key), 15) AS household_id, address FROM best WHERE rank = 1""")
    row = con.execute("SELECT count(DISTINCT household_id) FROM link.households").fetchone()
    return int(row[0]) if row else 0
