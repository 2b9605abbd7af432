"""Without a declared purpose a user reads only protected aggregates: summaries (never one person's value),
cells of at least ten rows and ten persons, perturbed by a key of the records they hold so that differencing two
overlapping queries does not reveal anyone."""

from __future__ import annotations

from typing import Any

import pytest

from ukimet.core.errors import PolicyError

from .gateway_registry import ANALYST, FREQUENT, WORKER

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
    "SELECT count(*), dohod FROM reg.persons GROUP BY ALL",
]


@pytest.mark.parametrize("sql", INDIVIDUAL_VALUES + ESCAPING_THE_CELL_CHECK)
def test_without_a_purpose_a_query_that_could_single_out_a_person_is_refused(registry: dict[str, Any],
                                                                                sql: str) -> None:
    with pytest.raises(PolicyError, match="refused"):
        registry["gateway"].query(WORKER, sql)


def test_summaries_by_region_and_by_surname_are_answered(registry: dict[str, Any]) -> None:
    gateway = registry["gateway"]
    by_region = gateway.query(WORKER, "SELECT kato, count(*) AS n, avg(dohod) AS income FROM reg.persons "
                                      "GROUP BY kato ORDER BY kato")
    assert [r[0] for r in by_region.rows] == ["750000000", "790100100"]
    assert [r[1] for r in by_region.rows] == [20, 40]  # 20 and 40 persons: perturbed by at most 2, rounded to 5
    true_means = [sum(r[6] for r in registry["rows"] if r[4] == k) / n for k, n in (("750000000", 20),
                                                                                   ("790100100", 40))]
    for (_, _, income), true in zip(by_region.rows, true_means, strict=True):
        assert abs(income - true) <= 0.01 * true  # within the role's 1% noise
    # surnames: 8 groups of 7-8 persons in the whole registry, each under the threshold of 10
    assert gateway.query(WORKER, "SELECT familiya, count(*) FROM reg.persons GROUP BY familiya").rows == []


def test_a_cell_of_many_rows_but_one_person_is_suppressed(registry: dict[str, Any]) -> None:
    frequent = registry["rows"][FREQUENT][1]
    paid = sum(1 for p in registry["payments"] if p[1] == frequent)
    assert paid >= 10
    sql = f"SELECT count(*), sum(summa) FROM reg.payments WHERE iin = '{frequent}'"
    result = registry["gateway"].query(WORKER, sql)
    assert result.rows == []


def test_the_same_question_gets_the_same_answer(registry: dict[str, Any]) -> None:
    sql = "SELECT sum(dohod) AS s, count(*) AS n FROM reg.persons WHERE kato LIKE '79%'"
    answers = {registry["gateway"].query(WORKER, sql).rows[0] for _ in range(5)}
    assert len(answers) == 1  # noise keyed by the cell's records: asking again averages nothing out


def test_differencing_two_overlapping_totals_does_not_reveal_a_persons_income(registry: dict[str, Any]) -> None:
    gateway = registry["gateway"]
    total = gateway.query(WORKER, "SELECT sum(dohod), count(*) FROM reg.persons").rows[0]
    revealed = 0
    for number, _, _, _, _, _, income in registry["rows"][:30]:
        without = gateway.query(WORKER, f"SELECT sum(dohod), count(*) FROM reg.persons WHERE id <> {number}").rows[0]
        assert total[1] - without[1] in (-5, 0, 5, 10)  # counts move in steps of 5: never the 1 that was removed
        if abs((total[0] - without[0]) - income) < 0.01 * income:
            revealed += 1
    assert revealed <= 3, f"{revealed} of 30 incomes recovered to within 1% by differencing"


def test_an_analyst_sees_region_totals_only_of_their_region(registry: dict[str, Any]) -> None:
    result = registry["gateway"].query(ANALYST, "SELECT kato, count(*) AS n FROM reg.persons GROUP BY kato")
    assert result.rows == [("790100100", 40)]
