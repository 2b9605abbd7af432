"""Persons known by their name alone, found through the person they were named beside.

A row may name a second person by name alone: a loan applicant's contact person (Шмидт Вальдемар, отец, a phone),
a patient's emergency contact, a debtor's co-owner. No IIN and no date of birth: their name joins nobody, since a
name alone is shared by namesakes. But the row says more than the name: this person stands beside the row's own
person. Where that person (linked by their IIN, their date of birth) stands in another row of another file beside
someone of the same surname and first name (the applicant's household in the census, with his father Шмидт
Вальдемар Александрович, born 1972), the name and the shared neighbour are two pieces of evidence, and the two are
one person.

The rule holds only where it is one: a person named beside the neighbour's entity with that name in exactly one
other entity (a father and son of one name in one household are two candidates: neither is taken); the two never
differ in sex or patronymic; neither name is an initial; and a row is never its own evidence. It runs once, on the
entities of the first clustering, and its pairs are clustered again with every other constraint (two valid IINs,
a clerk's decisions, the parties of one row apart): a pair that breaks one is not merged."""

from __future__ import annotations

from ukimet.link.backend import Backend
from ukimet.link.row_groups import ROW_GROUPS

KIN_PAIRS = "cluster_kin"
"""The table of pairs (a, b) of profiles this module finds: a profile named alone and one of the entity it is"""

_PARTIES = """SELECT rp.profile_id, e.entity_id, r.source, r.source_table, r.record_key, r.party, r.iin, r.birth_date,
        r.surname_key, r.first_key, r.father_key, r.sex
    FROM link.person_records r JOIN link.record_profiles rp ON rp.record_id = r.record_id
    JOIN {clusters} e ON e.record_id = rp.profile_id"""

_FOUND = """WITH party AS ({parties}),
    alone AS (SELECT * FROM party WHERE iin IS NULL AND birth_date IS NULL AND length(first_key) > 2
              AND surname_key IS NOT NULL),
    candidates AS (
        SELECT DISTINCT b.profile_id AS named, b.entity_id AS named_entity, o.profile_id AS other, o.entity_id
        FROM alone b
        JOIN party m ON m.source = b.source AND m.source_table = b.source_table AND m.record_key = b.record_key
            AND m.party <> b.party
        JOIN party r ON r.entity_id = m.entity_id
        JOIN party o ON o.source = r.source AND o.source_table = r.source_table AND o.record_key = r.record_key
            AND o.party <> r.party
        WHERE NOT (o.source = b.source AND o.source_table = b.source_table AND o.record_key = b.record_key)
            AND o.entity_id <> m.entity_id AND length(o.first_key) > 2
            AND (o.surname_key = b.surname_key AND o.first_key = b.first_key
                 OR o.surname_key = b.first_key AND o.first_key = b.surname_key)
            AND NOT coalesce(o.sex <> b.sex, false) AND NOT coalesce(o.father_key <> b.father_key, false))
    SELECT named AS a, min(other) AS b FROM candidates GROUP BY named, named_entity
    HAVING count(DISTINCT entity_id) = 1 AND min(entity_id) <> named_entity"""


_GROUPED = """WITH party AS ({parties}),
    all_grouped AS (SELECT p.*, g.grp FROM party p JOIN {groups} g ON g.source = p.source
                    AND g.source_table = p.source_table AND g.record_key = p.record_key),
    named AS (SELECT DISTINCT source, source_table, grp, record_key, surname_key FROM all_grouped
              WHERE surname_key IS NOT NULL),
    families AS (SELECT source, source_table, grp, count(DISTINCT record_key) >= 2 AS several,
                 bool_or(shared) AS kin FROM (
                     SELECT *, count(*) OVER (PARTITION BY source, source_table, grp, surname_key) >= 2 AS shared
                     FROM named) GROUP BY ALL),
    ties AS (SELECT source, source_table FROM families WHERE several GROUP BY ALL
             HAVING avg(kin::INTEGER) >= {kin}),
    grouped AS (SELECT a.* FROM all_grouped a SEMI JOIN ties t ON t.source = a.source
                AND t.source_table = a.source_table),
    alone AS (SELECT * FROM grouped WHERE iin IS NULL AND birth_date IS NULL AND surname_key IS NOT NULL
              AND first_key IS NOT NULL),
    candidates AS (
        SELECT DISTINCT b.profile_id AS named, b.entity_id AS named_entity, o.profile_id AS other, o.entity_id
        FROM alone b JOIN grouped o ON o.source = b.source AND o.source_table = b.source_table AND o.grp = b.grp
            AND o.record_key <> b.record_key
        WHERE (o.iin IS NOT NULL OR o.birth_date IS NOT NULL) AND o.surname_key = b.surname_key
            AND (o.first_key = b.first_key OR length(b.first_key) <= 2 AND starts_with(o.first_key, b.first_key))
            AND (b.father_key IS NULL OR o.father_key = b.father_key
                 OR length(b.father_key) <= 2 AND starts_with(o.father_key, b.father_key))
            AND NOT coalesce(o.sex <> b.sex, false)
            AND NOT EXISTS (SELECT 1 FROM party m WHERE m.source = b.source AND m.source_table = b.source_table
                            AND m.record_key = b.record_key AND m.party <> b.party AND m.entity_id = o.entity_id))
    SELECT named AS a, min(other) AS b FROM candidates GROUP BY named, named_entity
    HAVING count(DISTINCT entity_id) = 1 AND min(entity_id) <> named_entity"""
"""A person named alone (initials too: `Габитов С.Г.`) on a row, and the one person of the rows its row is tied
to (``row_groups``: the same policy, the same personnel number) whose surname is the same and whose names the
named ones are or begin (a date of birth or an IIN of their own on their row); never a person of the named
one's own row. Only where the column ties families: in most of its groups of several rows, two rows name a
person of one surname (a kindergarten's name ties children of many families: it ties nobody)."""
KIN_GROUPS = 0.5
"""The share of a tying column's groups of several rows in which two rows share a surname, at least"""


def kin_pairs(db: Backend, clusters: str = "link.profile_entities") -> int:
    """``KIN_PAIRS``: each profile named by its name alone (no IIN, no date of birth) beside a person of a linked
    entity, with a profile of the one other entity of that name named beside that entity elsewhere, or of the one
    person of that name on the rows its row is tied to (``_GROUPED``); the number of such pairs (0 on data whose
    rows name one person each)."""
    parties = _PARTIES.format(clusters=clusters)
    found = _FOUND.format(parties=parties)
    if ROW_GROUPS in db.tables():
        grouped = _GROUPED.format(parties=parties, groups=ROW_GROUPS, kin=KIN_GROUPS)
        found = f"SELECT a, min(b) AS b FROM (({found}) UNION ALL ({grouped})) GROUP BY a"
    db.create(KIN_PAIRS, found)
    return db.count(KIN_PAIRS)
