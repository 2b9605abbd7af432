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

from functools import cache

import duckdb
import pyarrow as pa

from ukimet.link.backend import Backend, DuckDBBackend
from ukimet.link.components import connected_components
from ukimet.link.greedy import schema
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


def relations(db: Backend) -> int:
    """``link.relations`` (entity_a, relation, entity_b, source, source_table, record_key): relation is
    mother / father (a is b's parent), spouse or divorced. In SQL on any engine: only the few distinct party
    names, relation words and table names are read here (to give them their roles); the records stay where
    they are (a record naming two members in one role counts the smaller entity)."""
    parties = [str(r[0]) for r in db.fetch("SELECT DISTINCT party FROM link.person_records WHERE party IS NOT NULL")]
    words = [str(r[0]) for r in db.fetch("SELECT DISTINCT relation_raw FROM link.person_records "
                                         "WHERE relation_raw IS NOT NULL")]
    tables = [str(r[0]) for r in db.fetch("SELECT DISTINCT source_table FROM link.person_records")]
    text = pa.string()
    db.put("relation_roles", pa.table({"party": parties, "role": [role_of(p) for p in parties]},
                                      schema=pa.schema([("party", text), ("role", text)])))
    db.put("relation_words", pa.table({"word": words, "said": [relation_of(w) for w in words]},
                                      schema=pa.schema([("word", text), ("said", text)])))
    divorce = schema(("source_table", pa.string()), ("divorce", pa.bool_()))
    db.put("relation_tables", pa.table({"source_table": tables, "divorce": [_is_divorce(t) for t in tables]},
                                       schema=divorce))
    members = [f"min(m.entity_id) FILTER (WHERE m.role = '{role}') AS {role}"
               for role in ("mother", "father", "child", "husband", "wife", "relative")]
    db.create("relation_records", f"""SELECT m.source, m.source_table, m.record_key, {', '.join(members)},
            min(m.entity_id) FILTER (WHERE m.role IS NULL) AS subject, min(m.said) AS said
        FROM (SELECT p.source, p.source_table, p.record_key, r.role, w.said, CAST(e.entity_id AS VARCHAR) AS entity_id
              FROM link.person_records p JOIN link.entities e ON e.record_id = p.record_id
              JOIN relation_roles r ON r.party = p.party LEFT JOIN relation_words w ON w.word = p.relation_raw
              WHERE (p.source, p.source_table) IN (SELECT source, source_table FROM link.person_records
                                                   GROUP BY source, source_table HAVING count(DISTINCT party) > 1)) m
        GROUP BY m.source, m.source_table, m.record_key""")
    keys = "source, source_table, record_key"
    db.create("link.relations", f"""SELECT DISTINCT entity_a, relation, entity_b, source, source_table, record_key
        FROM (SELECT mother AS entity_a, 'mother' AS relation, child AS entity_b, {keys} FROM relation_records
              WHERE mother IS NOT NULL AND child IS NOT NULL
          UNION ALL SELECT father, 'father', child, {keys} FROM relation_records
              WHERE father IS NOT NULL AND child IS NOT NULL
          UNION ALL SELECT x.husband, CASE WHEN t.divorce THEN 'divorced' ELSE 'spouse' END, x.wife, x.source,
                x.source_table, x.record_key FROM relation_records x JOIN relation_tables t USING (source_table)
              WHERE x.husband IS NOT NULL AND x.wife IS NOT NULL
          UNION ALL SELECT relative, said, subject, {keys} FROM relation_records
              WHERE relative IS NOT NULL AND subject IS NOT NULL AND said IN ('mother', 'father')
          UNION ALL SELECT subject, 'spouse', relative, {keys} FROM relation_records
              WHERE relative IS NOT NULL AND subject IS NOT NULL AND said = 'spouse') found
        WHERE entity_a <> entity_b""")
    return db.count("link.relations")


def build_families(con: duckdb.DuckDBPyConnection) -> int:
    """``link.families`` (entity_id, family_id, role: spouse / child / single); returns the number of families."""
    return families(DuckDBBackend(con, temporary=True))


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


def households(db: Backend) -> int:
    """``link.households`` (entity_id, household_id, address): people at the same standardised address (each
    person's most supported one), on any engine."""
    db.create("link.households", """WITH counted AS (
            SELECT e.entity_id, p.address_key, count(*) AS n, min(p.address_raw) AS address
            FROM link.person_records p JOIN link.entities e ON e.record_id = p.record_id
            WHERE p.address_key IS NOT NULL GROUP BY e.entity_id, p.address_key),
        best AS (SELECT *, row_number() OVER (PARTITION BY entity_id ORDER BY n DESC, address_key) AS rank
                 FROM counted)
        SELECT entity_id, 'h' || left(md5(address_key), 15) AS household_id, address FROM best WHERE rank = 1""")
    return int(db.fetch("SELECT count(DISTINCT household_id) FROM link.households")[0][0])
