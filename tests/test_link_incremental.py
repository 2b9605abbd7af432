"""New records are linked without a full rerun: they join the people they belong to, and every existing entity
keeps its id."""

from __future__ import annotations

import collections
from itertools import combinations

import pytest

from tests.conftest import synced_country, truth
from ukimet.core.errors import LinkError
from ukimet.link.api import link_records
from ukimet.link.records import extract
from ukimet.synth import SynthConfig

IDENTITY = "concat_ws('/', r.source, r.source_table, r.party, r.record_key)"
LATE = ["enbek", "health"]
"""Sources that arrive after the first run."""


def _entities(con) -> dict[str, str]:
    return dict(con.execute(f"SELECT {IDENTITY}, e.entity_id FROM link.person_records r "
                            "JOIN link.entities e USING (record_id)").fetchall())


def test_new_records_join_their_people_and_old_ids_stay(tmp_path) -> None:
    country = synced_country(tmp_path, SynthConfig(persons=900, seed=31))
    engine, manifest = country.engine, country.manifest
    con = country.store()
    try:
        with pytest.raises(LinkError, match="no earlier run"):
            extract(con, engine)
            link_records(con, incremental=True)
        extract(con, engine, [s.code for s in manifest.sources if s.code not in LATE])
        full_first = link_records(con)
        before = _entities(con)
        extract(con, engine)
        stats = link_records(con, incremental=True)
        after = _entities(con)
        link_records(con)
        rerun = _entities(con)
    finally:
        con.close()
    assert stats["new_profiles"] > 100 and stats["candidate_pairs"] < full_first["candidate_pairs"]
    assert all(after[identity] == entity for identity, entity in before.items())
    owners = {f"{r['source']}/{r['table']}/{r['party']}/{r['record_key']}": r["person_id"]
              for r in truth(tmp_path, "records") if r["person_id"] is not None}
    person = {i: owners.get(i) or owners.get(i.replace("/subject/", "/owner/")) for i in after}
    registry = {person[i]: e for i, e in after.items() if i.startswith("gbdfl/fl_persons/") and person[i]}
    late = [i for i in after if i.split("/")[0] in LATE and person[i] in registry]
    joined = sum(after[i] == registry[person[i]] for i in late)
    assert late and joined / len(late) >= 0.97, (joined, len(late))

    def pairs(clusters: dict[str, str]) -> set[tuple[str, str]]:
        groups = collections.defaultdict(list)
        for identity, entity in clusters.items():
            groups[entity].append(identity)
        return {p for members in groups.values() for p in combinations(sorted(members), 2)}

    incremental, full = pairs(after), pairs(rerun)
    agreement = len(incremental & full) / len(incremental | full)
    assert agreement >= 0.99, agreement
