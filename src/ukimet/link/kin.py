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


def kin_pairs(db: Backend, clusters: str = "link.profile_entities") -> int:
    """``KIN_PAIRS``: each profile named by its name alone (no IIN, no date of birth) beside a person of a linked
    entity, with a profile of the one other entity of that name named beside that entity elsewhere; the number
    of such pairs (0 on data whose rows name one person each)."""
    db.create(KIN_PAIRS, _FOUND.format(parties=_PARTIES.format(clusters=clusters)))
    return db.count(KIN_PAIRS)
