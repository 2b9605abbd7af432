"""Without a declared purpose a user reads only differentially private aggregates (gateway.private_aggregate, and
tests/test_gateway_privacy.py on a larger country): nothing that returns one person's value, nothing that escapes
the bound of each person's contribution, no group released that few persons hold."""

from __future__ import annotations

from typing import Any

import pytest

from ukimet.core.errors import PolicyError
from ukimet.gateway.api import Gateway

from .gateway_registry import ANALYST, FREQUENT, WORKER, precise, registry_policy

INDIVIDUAL_VALUES = [
    "SELECT list(iin) FROM reg.persons", "SELECT string_agg(familiya, ',') FROM reg.persons",
    "SELECT array_agg(iin) FROM reg.persons", "SELECT max(dohod) FROM reg.persons",
    "SELECT min(data_rozhdeniya) FROM reg.persons", "SELECT first(iin) FROM reg.persons",
    "SELECT arg_max(iin, dohod) FROM reg.persons", "SELECT mode(familiya) FROM reg.persons",
    "SELECT any_value(iin) FROM reg.persons", "SELECT quantile_disc(dohod, 0.5) FROM reg.persons",
    "SELECT histogram(dohod) FROM reg.persons", "SELECT kato, max(dohod) FROM reg.persons GROUP BY kato",
]
ESCAPING_THE_CELL_CHECK = [
    "SELECT count(*) AS n, (SELECT list(iin) FROM reg.persons) AS leak FROM reg.persons",
    "SELECT count(*) AS n, (SELECT sum(dohod) FROM reg.persons WHERE id = 5) AS one FROM reg.persons",
    "WITH one AS (SELECT sum(dohod) AS s FROM reg.persons WHERE id = 5) SELECT one.s, count(*) FROM reg.persons, "
    "one GROUP BY one.s",
    "SELECT avg(n) FROM (SELECT iin, count(*) AS n FROM reg.payments GROUP BY iin) t",
    "SELECT count(*) FROM reg.persons WHERE dohod > (SELECT avg(dohod) FROM reg.persons WHERE id = 2)",
    "SELECT kato, count(*) FROM reg.persons GROUP BY kato HAVING count(*) < 3",
    "SELECT count(*) OVER () FROM reg.persons", "SELECT kato, sum(count(*)) OVER () FROM reg.persons GROUP BY kato",
    "SELECT count(*) FROM reg.persons UNION ALL SELECT count(*) FROM reg.payments",
    "SELECT iin, count(*) FROM reg.payments GROUP BY iin", "SELECT iin, sum(summa) FROM reg.payments GROUP BY iin",
    "WITH p AS (SELECT iin AS who FROM reg.payments) SELECT who, count(*) FROM p GROUP BY who",
    "SELECT x, count(*) FROM (SELECT familiya || iin AS x FROM reg.persons) t GROUP BY x",
    "SELECT iin, familiya FROM reg.persons", "SELECT dohod FROM reg.persons WHERE id = 3",
]


@pytest.mark.parametrize("sql", INDIVIDUAL_VALUES + ESCAPING_THE_CELL_CHECK)
def test_without_a_purpose_a_query_that_could_single_out_a_person_is_refused(registry: dict[str, Any],
                                                                                sql: str) -> None:
    with pytest.raises(PolicyError) as refused:
        registry["gateway"].query(WORKER, sql)
    assert refused.value.reason in ("aggregate", "shape", "identifying", "bounds", "function", "syntax")


def test_grouping_by_a_value_each_person_has_alone_releases_no_group(registry: dict[str, Any]) -> None:
    assert registry["gateway"].query(WORKER, "SELECT count(*), dohod FROM reg.persons GROUP BY ALL").rows == []


def test_a_persons_many_payments_count_as_the_declared_few(registry: dict[str, Any]) -> None:
    frequent = registry["rows"][FREQUENT][1]
    paid = sum(1 for p in registry["payments"] if p[1] == frequent)
    assert paid == 15
    with Gateway(registry["config"], policy=precise(registry_policy(), "precise")) as gateway:
        (count,), = gateway.query(WORKER, "SELECT count(*) FROM reg.payments WHERE kato = '790100100'").rows
    kept = sum(min(sum(1 for p in registry["payments"] if p[1] == iin), 4)
               for iin in {p[1] for p in registry["payments"] if p[2] == "790100100"})
    assert count == kept  # the 15 payments of one person count as 4 (rows_per_unit); the noise is below a row


def test_an_analyst_sees_region_totals_only_of_their_region(registry: dict[str, Any]) -> None:
    result = registry["gateway"].query(ANALYST, "SELECT kato, count(*) AS n FROM reg.persons GROUP BY kato")
    assert [r[0] for r in result.rows] == ["790100100"]
    assert abs(result.rows[0][1] - 40) < 20  # 40 of 60 rows, with the noise of a private count (scale 2)
