"""Questions without an LLM, as a specification: the shipped question set (150 questions, each in Kazakh,
Russian and English) is answered right in each language with no wrong number; the issue's own question means
the same in all three; unknown words are named when a question is declined; answers are protected aggregates
through the gateway, drawn as a chart."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from ukimet.apps.question_set import EVALUATION, evaluate, load_questions
from ukimet.apps.questions import Answer, SharePlan, ask, compile_question, draw_answer
from ukimet.core.errors import Refused
from ukimet.gateway.api import Gateway
from ukimet.gateway.policy import DEFAULT, Policy
from ukimet.gateway.rewrite import User

ANALYST = User("aigerim", "social_worker", "Ministry of National Economy")
DECLINER = User("decliner", "declines-check", "Ministry of National Economy")
"""who asks the questions that must be declined, as an analyst asks, without a purpose: a role of its own (an
analyst's rights), so that what its answers spend is no other test's budget on the shared mart"""
def _reads(question: str, *fragments: str) -> tuple[str, str, str]:
    """The question compiled to SQL holding every one of ``fragments`` (else the test fails showing what it was)."""
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and all(f in compiled[1] for f in fragments), compiled
    return compiled


EXAMPLE = {
    "kk": "Түркістан облысында төрт немесе одан көп баласы бар қанша отбасы жәрдемақы алмайды?",
    "ru": "Сколько семей с четырьмя и более детьми в Туркестанской области не получают пособий?",
    "en": "How many families with four or more children in Turkistan region receive no benefit?",
}


@pytest.fixture(scope="module")
def gateway(mart: dict[str, Any]) -> Any:
    """The evaluation compares answers with gold exactly (under a purpose): a role that may read that much."""
    roomy = {name: replace(role, epsilon_per_day=10_000.0, max_persons_per_day=1_000_000,
                           max_rows_per_day=1_000_000) for name, role in DEFAULT.roles.items()}
    roomy[DECLINER.role] = replace(roomy[ANALYST.role], name=DECLINER.role)
    gateway = Gateway(mart["country"].config, policy=Policy(roomy, "questions-test"))
    yield gateway
    gateway.close()


def test_the_question_set_is_answered_right_in_every_language(gateway: Gateway) -> None:
    questions = load_questions()
    assert len(questions) >= 150
    scores = evaluate(gateway, ANALYST, questions)
    for language, score in scores.items():
        assert score.wrong == 0, (language, score.misses)  # a miss is a decline, never a wrong number
        assert score.accuracy >= 0.95, (language, score.accuracy, score.misses)


def test_the_same_question_in_three_languages_is_one_query() -> None:
    compiled = {lang: compile_question(text) for lang, text in EXAMPLE.items()}
    assert {c[0] for c in compiled.values()} == {"kk", "ru", "en"}  # type: ignore[index]
    assert len({c[1] for c in compiled.values()}) == 1  # type: ignore[index]
    sql = compiled["en"][1]  # type: ignore[index]
    assert "region = '61'" in sql and "children_under_18 >= 4" in sql and "NOT receives_benefit" in sql


@pytest.mark.parametrize(("question", "unknown"), [
    ("How many unicorns live in Astana?", "unicorns"), ("Сколько депутатов в Шымкенте?", "депутатов"),
    ("Алматыда қанша ғарышкер тұрады?", "ғарышкер"), ("How many families own a yacht", "yacht"),
    ("Павлодардың жылқылары қанша", "жылқылары"),
])
def test_a_question_with_unknown_words_is_declined_naming_them(gateway: Gateway, question: str,
                                                               unknown: str) -> None:
    answer = ask(gateway, ANALYST, question)
    assert answer.sql is None and answer.rows == [] and unknown in (answer.declined or "")


def test_a_question_that_mixes_subjects_is_declined(gateway: Gateway) -> None:
    answer = ask(gateway, ANALYST, "average wage of families in crisis")
    assert answer.sql is None and answer.declined


def test_an_answer_is_an_audited_protected_aggregate_with_a_chart(gateway: Gateway, tmp_path: Path) -> None:
    answer = ask(gateway, ANALYST, "Сколько человек проживает по регионам?")
    assert answer.rows and all(n >= 20 for _, n in answer.rows)  # groups many hold, released with noise
    entry = gateway.audit.entries(limit=1)[0]
    assert entry["seq"] == answer.audit_seq and entry["query"] == answer.sql
    assert "differential privacy: epsilon" in entry["rewritten"]
    paths = draw_answer(answer, tmp_path)
    assert all(p.stat().st_size > 3000 for p in paths)
    single = ask(gateway, ANALYST, "How many families are there in total?")
    assert len(single.rows) == 1 and draw_answer(single, tmp_path, "single")


HELD_OUT = [  # phrasings written apart from the question set: each answered right or declined, never wrong
    ("Түркістан облысында тұратын адамдар саны қанша?",
     "SELECT count(*) FROM mart.persons WHERE alive AND region = '61'"),
    ("Túrkistan oblysynda qansha otbasy bar?", "SELECT count(*) FROM mart.families WHERE region = '61'"),
    ("Shymkentte qansha zeinetker bar?", "SELECT count(*) FROM mart.persons WHERE alive AND "
     "((sex = 'M' AND age >= 63) OR (sex = 'F' AND age >= 61)) AND region = '79'"),
    ("Қанша көпбалалы отбасы Алматыда тұрады?",
     "SELECT count(*) FROM mart.families WHERE children_under_18 >= 4 AND region = '75'"),
    ("Число жителей Карагандинской области",
     "SELECT count(*) FROM mart.persons WHERE alive AND region = '35'"),
    ("Количество многодетных семей в Шымкенте",
     "SELECT count(*) FROM mart.families WHERE children_under_18 >= 4 AND region = '79'"),
    ("В Астане сколько пенсионеров?", "SELECT count(*) FROM mart.persons WHERE alive AND "
     "((sex = 'M' AND age >= 63) OR (sex = 'F' AND age >= 61)) AND region = '71'"),
    ("Сколько семей в Алматинской области получают пособия?",
     "SELECT count(*) FROM mart.families WHERE receives_benefit AND region = '19'"),
    ("Number of women in Astana", "SELECT count(*) FROM mart.persons WHERE alive AND sex = 'F' AND region = '71'"),
    ("In Karaganda Region, how many families are in crisis?",
     "SELECT count(*) FROM mart.families WHERE level = 'crisis' AND region = '35'"),
    ("What is the mean wage in Almaty?",
     "SELECT round(avg(monthly_wage)) FROM mart.persons WHERE alive AND monthly_wage > 0 AND region = '75'"),
    ("Count of large families per region",
     "SELECT region, count(*) FROM mart.families WHERE children_under_18 >= 4 GROUP BY region ORDER BY region"),
    ("How many residents of Shymkent are older than 70?",
     "SELECT count(*) FROM mart.persons WHERE alive AND age > 70 AND region = '79'"),
    ("families with at least 3 children in Turkistan Region",
     "SELECT count(*) FROM mart.families WHERE children_under_18 >= 3 AND region = '61'"),
    ("Сколько человек старше 65 лет проживает в Алматы?",
     "SELECT count(*) FROM mart.persons WHERE alive AND age > 65 AND region = '75'"),
    ("Астанада 18 жасқа дейінгі балалар саны",
     "SELECT count(*) FROM mart.persons WHERE alive AND age < 18 AND age < 18 AND region = '71'"),
]


def test_held_out_phrasings_are_answered_right_or_declined_never_wrong(gateway: Gateway) -> None:
    answered = 0
    for question, gold in HELD_OUT:
        answer = ask(gateway, ANALYST, question, purpose=EVALUATION)
        if answer.sql is None:
            continue
        expected = [tuple(float(v) if isinstance(v, int | float) else v for v in r)
                    for r in gateway.query(ANALYST, gold, EVALUATION).rows if r[-1] is not None]
        got = [tuple(float(v) if isinstance(v, int | float) else v for v in r) for r in answer.rows]
        assert got == expected, (question, answer.sql, gold)
        answered += 1
    assert answered >= len(HELD_OUT) * 0.75, f"only {answered} of {len(HELD_OUT)} held-out phrasings answered"


@pytest.mark.parametrize("question", ["¹", "²", "How many people older than ³?", "٣ children"])
def test_a_superscript_or_foreign_digit_is_no_number_and_no_crash(question: str) -> None:
    answer = compile_question(question)
    assert not isinstance(answer, tuple) or "³" not in answer[1]


@pytest.mark.parametrize("question", ["Сколько детей в семьях?", "Жетім балалар қанша?", "Семьи семьями семью",
                                      "How many families have sevenfold benefits?", "Сколько семей с ¹ детьми?"])
def test_a_number_is_never_read_from_inside_a_word(question: str) -> None:
    """семь inside семьях, жеті inside жетім (an orphan), seven inside sevenfold, a superscript digit: none of them
    is a count; the question is answered without one or declined, never given a made-up filter."""
    compiled = compile_question(question)
    assert not isinstance(compiled, tuple) or ("= 7" not in compiled[1] and "¹" not in compiled[1])


@pytest.mark.parametrize(("question", "count"), [("Жеті баласы бар отбасылар саны", 7),
                                                 ("жетіден баласы бар отбасылар саны", 7),
                                                 ("Сколько семей с пятью детьми?", 5),
                                                 ("families with seven children", 7)])
def test_numerals_are_read_as_whole_words_with_their_case_endings(question: str, count: int) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and f"children_under_18 = {count}" in compiled[1]


RANKING_CORPUS = Path(__file__).parent / "data" / "questions_ranking_heldout.toml"
"""Rankings and comparisons written apart from the parser (by a helper given the issue and the mart's columns
only), in four voices; the "held" part is never used to tune it."""


def _corpus_scores(gateway: Gateway, corpus: Path, gold: Callable[[str], list[tuple[Any, ...]]]
                   ) -> dict[str, dict[str, Any]]:
    """Each split's right answers, right declines, misses and wrong answers on a corpus written apart; ``gold``
    gives an entry's expected rows from its SQL."""
    import tomllib

    def plain(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:  # a year as 2025 or '2025' is one value
        return [tuple(float(v) if isinstance(v, int | float) or (isinstance(v, str) and v.isdecimal() and len(v) == 4)
                      else str(v) for v in r) for r in rows]

    scores: dict[str, dict[str, Any]] = {}
    for entry in tomllib.loads(corpus.read_text(encoding="utf-8"))["questions"]:
        score = scores.setdefault(entry["split"], {"right": 0, "wrong": [], "missed": [], "declined_right": 0,
                                                   "total": 0})
        score["total"] += 1
        if entry.get("decline"):  # asked as an analyst asks, without a purpose: a small cell is withheld there
            answer = ask(gateway, DECLINER, entry["text"])
            if answer.sql is None or answer.refusal is not None or answer.suppressed:
                score["declined_right"] += 1
            else:
                score["wrong"].append((entry["text"], answer.sql, "must be declined"))
            continue
        answer = ask(gateway, ANALYST, entry["text"], purpose=EVALUATION)
        if answer.sql is None or answer.refusal is not None:  # a refusal is a decline with its reason
            score["missed"].append((entry["text"], answer.declined))
        elif plain(answer.rows) == plain(gold(entry["sql"])):
            score["right"] += 1
        else:
            score["wrong"].append((entry["text"], answer.sql, entry["sql"], answer.rows[:3]))
    return scores


def _ranking_scores(gateway: Gateway) -> dict[str, dict[str, Any]]:
    return _corpus_scores(gateway, RANKING_CORPUS, lambda sql: gateway.query(ANALYST, sql, EVALUATION).rows)


def test_rankings_and_comparisons_written_apart_are_answered_right_or_declined_never_wrong(
        gateway: Gateway) -> None:
    scores = _ranking_scores(gateway)
    for split, score in scores.items():
        print(split, {k: v if not isinstance(v, list) else len(v) for k, v in score.items()})
        assert not score["wrong"], (split, score["wrong"])
    assert scores["tune"]["right"] + scores["tune"]["declined_right"] >= 0.8 * scores["tune"]["total"]


@pytest.mark.parametrize(("inflected", "plain"), [
    ("Укажите среднюю зарплату в Шымкенте", "Какая средняя зарплата в Шымкенте?"),
    ("Сравните среднюю заработную плату мужчин и женщин", "Средняя заработная плата мужчин и женщин"),
    ("Прошу сообщить средний размер семьи в Астане", "Каков средний размер семьи в Астане?"),
])
def test_russian_words_are_read_in_any_case_form_through_their_dictionary_form(inflected: str, plain: str) -> None:
    """pymorphy3 gives each Russian word its dictionary form: an accusative (среднюю зарплату) is the phrase the
    layer lists in the nominative (средняя зарплата), with no form listed by hand."""
    from ukimet.apps.questions import compile_question

    read, expected = compile_question(inflected), compile_question(plain)
    assert isinstance(read, tuple) and isinstance(expected, tuple), (read, expected)
    assert read[1] == expected[1]


@pytest.mark.parametrize(("question", "part", "whole"), [
    ("Какая доля многодетных семей в Шымкенте?", "children_under_18 >= 4", "region = '79'"),
    ("Шымкенттегі көпбалалы отбасылардың үлесі қанша?", "children_under_18 >= 4", "region = '79'"),
    ("What share of families in Shymkent are large families?", "children_under_18 >= 4", "region = '79'"),
    ("Доля пенсионеров среди женщин", "age >= 61", "sex = 'F'"),
    ("Әйелдер арасында зейнеткерлердің үлесі", "age >= 61", "sex = 'F'"),
    ("What percentage of women are pensioners?", "age >= 61", "sex = 'F'"),
])
def test_a_share_counts_its_part_within_its_whole(question: str, part: str, whole: str) -> None:
    """The whole is what is counted within the named scope (a region, среди/арасында/among, or what comes
    before "are"); the part is the whole narrowed by the rest. Both are counts the gateway answers."""
    from ukimet.apps.questions import SharePlan

    plan = compile_question(question)
    assert isinstance(plan, SharePlan), plan
    assert part in plan.part_sql and part not in plan.whole_sql
    assert whole in plan.part_sql and whole in plan.whole_sql
    assert plan.part_sql.startswith("SELECT count(*)") and plan.whole_sql.startswith("SELECT count(*)")


@pytest.mark.parametrize(("question", "why"), [
    ("Какой процент семей?", "долю чего считать"),
    ("What share of families?", "what to take the share of"),
    ("Доля средней зарплаты мужчин", "только от числа"),
])
def test_a_share_without_a_part_or_of_a_measure_is_declined_saying_why(question: str, why: str) -> None:
    declined = compile_question(question)
    assert not isinstance(declined, tuple) and getattr(declined, "declined", None), declined
    assert why in str(declined.declined)  # type: ignore[union-attr]


def test_a_share_by_region_is_each_regions_part_over_its_whole_exactly(gateway: Gateway,
                                                                        mart: dict[str, Any]) -> None:
    from tests.conftest import read_store

    answer = ask(gateway, ANALYST, "Доля многодетных семей по регионам", purpose=EVALUATION)
    assert answer.columns == ["region", "share_percent"] and answer.rows, answer
    con = read_store(mart["store"])
    try:
        gold = con.execute("SELECT region, round(100.0 * count(*) FILTER (WHERE children_under_18 >= 4) / count(*), 1)"
                           " FROM mart.families GROUP BY region ORDER BY region").fetchall()
    finally:
        con.close()
    assert [(str(r), float(v)) for r, v in answer.rows] == [(str(r), float(v)) for r, v in gold]
    top = ask(gateway, ANALYST, "Which region has the highest share of large families?", purpose=EVALUATION)
    assert top.rows == [max(answer.rows, key=lambda r: (r[1], [-ord(c) for c in str(r[0])]))]


def test_a_breakdown_by_a_column_the_role_sees_masked_is_declined_saying_so(gateway: Gateway) -> None:
    """A social worker sees the disability group masked: a breakdown by it would be one row of stars, so it is
    declined naming the column; a ranking whose first row is the records of no known region is still answered."""
    for question in ("Residents by disability group", "Число лиц с инвалидностью по группам инвалидности"):
        answer = ask(gateway, ANALYST, question, purpose=EVALUATION)
        assert answer.rows == [] and answer.refusal is not None and answer.refusal.id == "question.masked_group"
        assert "disability_group" in (answer.declined or "")
    fewest = ask(gateway, ANALYST, "Which region has the fewest households?", purpose=EVALUATION)
    assert fewest.refusal is None and fewest.rows


def test_a_pension_is_not_a_benefit_and_the_answer_says_so(gateway: Gateway, mart: dict[str, Any]) -> None:
    """"Pensioners receiving no benefit": a pension is not a state social benefit, so a pensioner on a pension
    alone counts; the interpretation says how "benefit" was read."""
    from tests.conftest import read_store

    answer = ask(gateway, ANALYST, "How many pensioners receive no benefit?", purpose=EVALUATION)
    assert "pensions excluded" in answer.understood
    con = read_store(mart["store"])
    try:
        pensioners = "alive AND ((sex = 'M' AND age >= 63) OR (sex = 'F' AND age >= 61))"
        without_allowance, without_anything = con.execute(
            f"SELECT count(*) FILTER (WHERE NOT list_has_any(benefits, ['targeted_social_assistance', "
            f"'large_family_allowance', 'childcare_allowance', 'disability_allowance', 'survivor_allowance', "
            f"'birth_allowance'])), count(*) FILTER (WHERE len(benefits) = 0) FROM mart.persons "
            f"WHERE {pensioners}").fetchone()
    finally:
        con.close()
    assert answer.rows == [(without_allowance,)] and without_allowance > without_anything
    asp = ask(gateway, ANALYST, "Сколько семей получают АСП?", purpose=EVALUATION)
    assert asp.sql and "targeted_social_assistance" in asp.sql, asp


@pytest.mark.parametrize(("question", "read"), [
    ("How many people are sixty-five or older in Astana?", "age ≥ 65"),
    ("How many residents are aged between eighteen and thirty?", "age ≥ 18, age ≤ 30"),
    ("How many people are aged twenty one?", "age = 21"),
])
def test_english_numbers_written_in_words_are_their_digits(question: str, read: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and read in compiled[2], compiled


def test_a_value_and_a_bound_said_of_one_column_are_declined_asking_which_is_meant() -> None:
    """A correction in passing (over sixty five, uh, sixty five and older) leaves two readings of one age: which
    the asker meant is not guessed, and the decline names both."""
    compiled = compile_question("how many people in Zhambyl region are over sixty five uh sixty five and older")
    assert isinstance(compiled, Answer) and compiled.sql is None and compiled.declined, compiled
    assert "age = 65" in compiled.declined and "age ≥ 65" in compiled.declined, compiled.declined


@pytest.mark.parametrize(("question", "condition"), [
    ("Сколько детей в возрасте ровно 6 лет?", "age = 6"),
    ("Елімізде дәл 6 жастағы балалар саны қанша?", "age = 6"),
    ("How many children aged 6?", "age = 6"),
    ("18 жасқа толмаған дәл үш баласы бар отбасылар саны қанша?", "children_under_18 = 3"),
    ("families with exactly 2 children under 18", "children_under_18 = 2"),
    ("Сколько в стране подростков, которым исполнилось ровно 16 лет?", "age = 16"),
])
def test_an_exact_value_inside_the_group_a_word_names_is_the_value(question: str, condition: str) -> None:
    """Children aged exactly 6: "children" bounds the age, and 6 keeps that bound, so the value is meant, not a
    second saying of it (as "over 65, uh, 65 and older" is)."""
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and condition in compiled[1], compiled


@pytest.mark.parametrize("question", ["teenagers aged 30", "подростки 30 лет", "girls aged 40"])
def test_an_exact_value_outside_the_group_a_word_names_is_a_contradiction(question: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, Answer) and compiled.sql is None and compiled.declined, compiled
    assert "30" in compiled.declined or "40" in compiled.declined, compiled.declined


@pytest.mark.parametrize(("question", "condition"), [
    ("Сколько детишек в Шымкенте?", "age < 18"),
    ("how many little ones under 5 are there in Almaty city?", "age < 5"),
    ("Жасөспірімдер саны қанша?", "age BETWEEN 13 AND 17"),
])
def test_everyday_words_for_children_and_teenagers_are_the_groups_they_name(question: str, condition: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and condition in compiled[1], compiled


@pytest.mark.parametrize(("question", "said"), [
    ("Сколько семей в Павлодарской области владеют недвижимостью или автомобилем?",
     "имеющие недвижимость или имеющие автомобиль"),
    ("Shymkent qalasynda сколько жителей владеют недвижимостью или машиной?",
     "Шымкент, имеющие недвижимость или имеющие автомобиль"),
])
def test_a_verb_said_once_for_two_things_joins_them_as_either_in_a_question_of_two_languages_too(
        question: str, said: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and said in compiled[2] and " OR " in compiled[1], compiled


@pytest.mark.parametrize(("question", "condition"), [
    ("үй шаруашылықтары, 5 және одан көп адам", "members >= 5"),
    ("Нұр-Сұлтанда 5 не одан көп адам тұратын пәтерлер қанша бар екен?", "residents >= 5"),
    ("65 жастан асқан адам саны", "age > 65"),
])
def test_a_number_of_people_said_of_a_household_or_a_home_is_its_members(question: str, condition: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and condition in compiled[1], compiled


@pytest.mark.parametrize("question", ["а чё по пенсиям, скока всего выплатили в декабре 25-го?",
                                      "пенсии выплаченные в декабре 25 года",
                                      "total pension payments in December '25"])
def test_a_year_of_two_digits_after_a_month_is_this_centurys(question: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and "= 2025" in compiled[1] and "= 12" in compiled[1], compiled


def test_a_number_after_a_month_without_a_year_word_is_no_year() -> None:
    from ukimet.apps.questions import _short_years

    assert _short_years("born on May 25") == "born on May 25"
    assert _short_years("в декабре 25-го") == "в декабре 2025-го"


@pytest.mark.parametrize("question", ["Сколько семей в Чимкенте получают хоть какое-нибудь пособие?",
                                      "Сколько семей получают какое-либо пособие?",
                                      "How many families get ASP in Aktobe region?"])
def test_families_receiving_any_allowance_or_tsa_are_the_families_filter(question: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and "FROM mart.families" in compiled[1], compiled


@pytest.mark.parametrize(("question", "said"), [
    ("How many residents receive an old-age pension but no state allowance?", "receiving no benefit"),
    ("families receiving a state social allowance", "receiving a benefit"),
    ("How many people receive state benefits?", "receiving a benefit"),
])
def test_a_state_allowance_is_an_allowance(question: str, said: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and said in compiled[2], compiled


@pytest.mark.parametrize(("question", "said"), [
    ("Какова у нас средняя численность семьи?", "средний размер семьи"),
    ("I'm a social worker in Zhambyl Region. How many families here have a working-age member who isn't employed?",
     "Jambyl Region, with a working-age member not employed"),
    ("Social worker, North Kazakhstan Region: how many of our families live without central heating?",
     "North Kazakhstan Region, without central heating"),
    ("please state the number of households in Zhambyl Region with two to four members", "members ≤ 4"),
    ("how many old-age pensioners receive no state allowance? Please note that the pension itself should not be "
     "counted as an allowance.", "receiving no benefit"),
    ("сколько жителей Şyğys Qazaqstan oblysy в возрасте 65 лет и старше?", "Восточно-Казахстанская область"),
])
def test_a_speakers_role_a_contraction_a_request_verb_and_a_kazakh_place_in_latin_are_read(question: str,
                                                                                          said: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and said in compiled[2], compiled


@pytest.mark.parametrize(("question", "said"), [
    ("Соцработник, ВКО: сколько семей по карте семьи живут в тесноте (перенаселённое жильё)?",
     "Восточно-Казахстанская область, живущие в тесноте"),
    ("Caseload note, Pavlodar Region: how many families have an income per person below 100,000 tenge a month?",
     "Pavlodar Region, income per person < 100000"),
    ("Патронаж жазбасы, Абай облысы: дәл екі баласы бар үй шаруашылықтары нешеу?", "Абай облысы, балалар саны = 2"),
    ("Депутатский запрос. Просим сообщить общую сумму выплат пенсий по возрасту жителям Актюбинской области за 2025 "
     "год.", "Актюбинская область"),
    ("On behalf of the akim of Aktobe Region: what is the average number of members per family in the region?",
     "average family size · families · Aktobe Region"),
    # a report's title before its colon is no label: "of" joins a label's words, never makes one
    ("Average Number of Residents per Dwelling: Zhambyl vs. Kyzylorda Regions", "average residents per dwelling"),
    ("Құрметті әріптестер! Газет тілшісімін. Қазақстан бойынша атаулы әлеуметтік көмек алатын отбасылар санын "
     "хабарлауыңызды сұраймын.", "атаулы әлеуметтік көмек алатын"),
])
def test_a_label_naming_who_writes_or_the_note_is_no_part_of_the_question(question: str, said: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and said in compiled[2], compiled


@pytest.mark.parametrize(("question", "said"), [
    ("ШҚО бойынша есеп дайындап жатырмын: өңіріміздегі 18 бен 29 жас аралығындағы жастар саны қанша?",
     "Шығыс Қазақстан облысы, жасы ≥ 18, жасы ≤ 29"),
    ("Мәслихат депутатының депутаттық сауалына байланысты Павлодар облысындағы ауданы 40 шаршы метрден аз тұрғын "
     "үйлердің санын беруіңізді сұраймыз.", "Павлодар облысы, ауданы, м² < 40"),
    ("Облыстық жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасының хатына сәйкес Жамбыл облысы "
     "бойынша отбасы картасында «орталық жылу жоқ» белгісі бар отбасылар санын ұсынуыңызды сұраймыз.",
     "Жамбыл облысы, орталық жылусыз"),
    ("Павлодар облысы бойынша средний доход семьи в месяц қанша?", "отбасының орташа табысы"),
    ("Каков медианный ежемесячный доход семей в Жамбылской области?", "медианный доход семьи"),
    ("Алматы облысында қанша зейнеткер тұрады?", "Алматы облысы, зейнеткерлер"),  # the region's word, no "our"
])
def test_a_long_preamble_our_region_and_a_familys_income_a_month_are_read(question: str, said: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and said in compiled[2], compiled


def test_a_word_of_its_own_after_a_short_word_is_no_form_of_it() -> None:
    """бала (a child) is no form of бал (a score): the average number of children is never the well-being score."""
    compiled = compile_question("Қостанай облысы | отбасылар | орташа бала саны")
    assert not (isinstance(compiled, tuple) and "әл-ауқат" in compiled[2]), compiled
    assert "әл-ауқат балы" in compile_question("орташа балы қанша Астанада")[2]  # type: ignore[index]


@pytest.mark.parametrize(("question", "said"), [
    ("сколько двушек в Астане", "комнат = 2"), ("сколько однушек в Шымкенте", "комнат = 1"),
    ("мне по Кустанайской области, ну сколько там трёшек, ну, спасибо", "комнат = 3"),
    ("Заметка соцработника, СКО: семьи, где есть трудоспособный безработный, — сколько?",
     "с неработающими членами трудоспособного возраста"),
])
def test_flats_and_members_as_people_call_them_are_read(question: str, said: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and said in compiled[2], compiled


@pytest.mark.parametrize("question", ["сколько жителей не в городе",
                                      "сколько жителей Карагандинской области не в городе"])
def test_a_negation_no_reading_could_place_is_never_dropped_by_reading_another_language(question: str) -> None:
    """Read as Kazakh with Russian words borrowed, не, в and городе are words without meaning: all residents, a
    wrong number; the negation makes the question declined instead."""
    compiled = compile_question(question)
    assert isinstance(compiled, Answer) and compiled.sql is None and "не" in (compiled.declined or ""), compiled


def test_our_region_beside_another_is_never_guessed() -> None:
    compiled = compile_question("Сравните нашу область с Карагандинской по числу семей")
    assert isinstance(compiled, Answer) and compiled.sql is None, compiled


@pytest.mark.parametrize("question", [
    "Оралманы, ВКО: сколько их?",  # a label of words that are the question's: never dropped
    "Журналист: сколько журналистов в Шымкенте?",
    "Атаулы әлеуметтік көмек: қанша отбасы алады, Гарвард бойынша?",
])
def test_a_labels_words_that_could_change_the_answer_are_still_read(question: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, Answer) and compiled.sql is None, compiled


@pytest.mark.parametrize("question", ["Region With The Oldest Population (Average Age)",
                                      "so which region's got the best average wage?"])
def test_the_oldest_and_the_best_rank_the_regions_from_the_highest(question: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and "GROUP BY region" in compiled[1], compiled
    assert " DESC, region LIMIT 1" in compiled[1], compiled[1]


@pytest.mark.parametrize("question", ["сколько семей получают пенсию по возрасту",
                                      "How many families receive an old-age pension?",
                                      "зейнетақы алатын отбасылар саны"])
def test_families_counted_by_a_pension_are_those_a_member_of_which_receives_one(question: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple), compiled
    assert "FROM mart.families" in compiled[1] and "old_age_pension" in compiled[1], compiled[1]


@pytest.mark.parametrize(("question", "criterion"), [
    ("Назовите три региона с наибольшим числом семей, у которых в карте семьи отмечен критерий «нет канализации».",
     "без канализации"),
    ("What percentage of families in Karaganda Region are flagged for overcrowding on the family card?", "crowded"),
])
def test_a_family_card_criterion_named_as_a_criterion_is_the_criterion(question: str, criterion: str) -> None:
    compiled = compile_question(question)
    understood = compiled[2] if isinstance(compiled, tuple) else getattr(compiled, "understood", "")
    assert criterion in understood, compiled


def test_a_regional_analyst_is_told_what_their_region_filter_did(gateway: Gateway) -> None:
    """The row filter that narrows an answer is said in it; a question only about another region is declined for
    that reason, never answered with the filter's empty count nor declined as a small cell."""
    shymkent = User("dana-79", "analyst", "Akimat of Shymkent", {"region": "79"})
    elsewhere = ask(gateway, shymkent, "Сколько семей в Алматы?")
    assert elsewhere.sql is None and elsewhere.rows == []
    assert elsewhere.declined and "Шымкент" in elsewhere.declined and "Алматы" in elsewhere.declined
    assert "менее 10" not in elsewhere.declined
    national = ask(gateway, shymkent, "How many families are there in Kazakhstan?")
    assert national.rows and "within your access: Shymkent only" in national.understood
    share = ask(gateway, shymkent, "Көпбалалы отбасылардың үлесі қанша?")
    assert "Шымкент" in share.understood
    levels = ask(gateway, shymkent, "Сколько семей по уровням благополучия?")
    assert not levels.rows or "группы менее чем из 10 человек не показаны" in levels.understood, levels
    unset = ask(gateway, User("no-region", "analyst", "Akimat"), "Сколько семей?")
    assert unset.sql is None and unset.declined and "не указан регион" in unset.declined


@pytest.mark.parametrize(("question", "conditions"), [
    ("Сколько людей в возрасте от 18 до 30 лет?", ["age >= 18", "age <= 30"]),
    ("How many people aged between 18 and 30?", ["age >= 18", "age <= 30"]),
    ("18 бен 30 жас аралығындағы адамдар саны", ["age >= 18", "age <= 30"]),
    ("18-ден 30-ға дейінгі жастағы адамдар саны", ["age >= 18", "age <= 30"]),
    ("Сколько человек 18-30 лет в Шымкенте?", ["age >= 18", "age <= 30", "region = '79'"]),
    ("Сколько семей с 2 или 3 детьми?", ["children_under_18 >= 2", "children_under_18 <= 3"]),
    ("How many people aged 30?", ["age = 30"]),
    ("Сколько человек без учёта пенсионеров?", ["NOT coalesce((((sex = 'M' AND age >= 63)"]),
    ("Зейнеткерлерден басқа адамдар саны", ["NOT coalesce((((sex = 'M' AND age >= 63)"]),
    ("How many people are not employed?", ["NOT coalesce((employed), FALSE)"]),
    ("Сколько семей кроме Алматы?", ["NOT coalesce((region = '75'), FALSE)"]),
    ("18 жасқа толған тұрғындар саны", ["age >= 18"]),  # who have reached 18
    ("Дәл 18 жасқа толған тұрғындар саны қанша?", ["age = 18"]),  # exactly: whatever the comparison says
    ("сколько людей, которым исполнилось ровно 16 лет", ["age = 16"]),
    ("Укажите количество неполных семей, где ребёнка воспитывает один родитель", ["spouses < 2 AND adults = 1"]),
    ("What is the average utility debt of families that have a debt?", ["avg(utility_debt)", "utility_debt > 0"]),
    ("Large-family allowance payments by month, 2025 (KZT)", ["sum(amount)", "large_family_allowance"]),
    ("Каков средний размер действующих пособий по уходу за ребенком?", ["avg(monthly_amount)", "(active)"]),
    ("Чем отличаются друг от друга Алматы и Астана по средней зарплате?", ["region IN ('75', '71')", "GROUP BY"]),
    ("Жамбыл және Түркістан облыстары бір-бірінен орташа жалақы бойынша қалай ерекшеленеді?",
     ["region IN ('31', '61')", "GROUP BY"]),  # бір-бірінен: from each other, no number one
    ("Job seekers, i.e. people looking for work, count in Aqtöbe", ["job_seeker", "region = '15'"]),  # an aside
    ("Алматыда жұмыс іздеп жүргендер көп пе, саны қанша?", ["job_seeker", "region = '75'"]),  # are there many: how many
    ("Жетісу облысында 18 жасқа дейін балалар саны", ["age < 18", "region = '33'"]),
])
def test_ranges_exact_values_and_negations_are_read_as_people_write_them(question: str,
                                                                        conditions: list[str]) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple), compiled
    assert all(c in compiled[1] for c in conditions), compiled[1]


def test_a_negated_filter_counts_those_the_data_says_nothing_of(gateway: Gateway) -> None:
    """"Not employed" is everyone but the employed, those with no record of work too (NULL is not employed)."""
    everyone = ask(gateway, ANALYST, "How many people are there?", purpose=EVALUATION).rows[0][0]
    employed = ask(gateway, ANALYST, "How many people are employed?", purpose=EVALUATION).rows[0][0]
    not_employed = ask(gateway, ANALYST, "How many people are not employed?", purpose=EVALUATION).rows[0][0]
    assert employed + not_employed == everyone and not_employed > 0


@pytest.mark.parametrize(("question", "conditions"), [
    ("Сколько выплат в 2025 году?", ["year(paid_on) = 2025"]),
    ("Сколько выплат АСП в марте 2025 года?", ["year(paid_on) = 2025", "month(paid_on) = 3",
                                              "kind = 'targeted_social_assistance'"]),
    ("2025 жылы наурызда қанша төлем жасалды?", ["year(paid_on) = 2025", "month(paid_on) = 3"]),
    ("How many payments in March 2025?", ["year(paid_on) = 2025", "month(paid_on) = 3"]),
])
def test_a_year_and_a_month_of_dated_rows_bound_the_answer(question: str, conditions: list[str]) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple), compiled
    assert all(c in compiled[1] for c in conditions), compiled[1]


@pytest.mark.parametrize("question", ["Сколько семей было в 2020 году?", "How many families in 2019?",
                                      "2018 жылы қанша адам тұрды?"])
def test_a_past_year_of_what_has_no_history_is_declined_saying_so_never_dropped(question: str) -> None:
    declined = compile_question(question)
    assert not isinstance(declined, tuple) and getattr(declined, "declined", None), declined
    assert any(w in str(declined.declined) for w in ("истории", "no history", "тарихы жоқ")), declined  # type: ignore[union-attr]


@pytest.mark.parametrize(("question", "either"), [
    ("Сколько семей без газа или без водопровода?", "((NOT gas) OR (NOT water))"),
    ("Газсыз немесе кәрізсіз отбасылар саны", "((NOT gas) OR (NOT sewerage))"),
    ("How many families have no gas or no running water?", "((NOT gas) OR (NOT water))"),
    ("Сколько пенсионеров или инвалидов в Шымкенте?", "OR (disability_group IS NOT NULL))"),
])
def test_or_between_filters_of_different_columns_counts_either_not_both(question: str, either: str) -> None:
    """"без газа или без воды" is a family lacking either; before, "или" was a word without meaning and the two
    filters were ANDed: a confident, smaller, wrong number."""
    compiled = compile_question(question)
    assert isinstance(compiled, tuple), compiled
    assert either in compiled[1], compiled[1]
    assert any(w in compiled[2] for w in (" или ", " немесе ", " or ")), compiled[2]


def test_or_joins_only_the_filters_beside_it_and_and_still_narrows() -> None:
    compiled = compile_question("Сколько семей без газа или без водопровода и с долгами за коммуналку?")
    assert isinstance(compiled, tuple), compiled
    assert "((NOT gas) OR (NOT water)) AND (utility_debt > 0)" in compiled[1], compiled[1]


@pytest.mark.parametrize(("question", "grouped"), [
    ("Сколько семей в Шымкенте или Алматы?", False), ("Сколько семей в Шымкенте и Алматы?", True),
    ("Families in Shymkent or Almaty", False), ("Шымкент или Алматы: где больше семей?", True),
])
def test_values_of_one_column_joined_by_or_are_one_number_and_by_and_each_a_row(question: str,
                                                                                 grouped: bool) -> None:
    """"crisis or unfavourable" is one group of families; "Shymkent and Almaty" asks for both side by side; a
    comparison always sets them side by side."""
    compiled = compile_question(question)
    assert isinstance(compiled, tuple), compiled
    assert "region IN ('79', '75')" in compiled[1], compiled[1]
    assert ("GROUP BY region" in compiled[1]) is grouped, compiled[1]


@pytest.mark.parametrize(("question", "excluded"), [
    ("сколько многодетных семей кроме алматы и астаны", ["'75'", "'71'"]),
    ("Number of families without sewerage, excluding Shymkent and Turkistan Region", ["'79'", "'61'"]),
    ("Алматы мен Астанадан басқа көпбалалы отбасылар саны", ["'75'", "'71'"]),
])
def test_a_negation_said_once_holds_for_every_value_listed_after_it(question: str, excluded: list[str]) -> None:
    """Before, only the first value was excluded and the second was asked for: "кроме Алматы и Астаны" counted
    Astana's families that are not Almaty's, a confident wrong number."""
    compiled = compile_question(question)
    assert isinstance(compiled, tuple), compiled
    assert all(f"NOT coalesce((region = {code}), FALSE)" in compiled[1] for code in excluded), compiled[1]
    assert "AND (region =" not in compiled[1], compiled[1]


@pytest.mark.parametrize(("question", "read"), [
    ("children under 18 by region", "(age < 18)"), ("men 40-50 not employed", "(age >= 40) AND (age <= 50)"),
])
def test_numbers_no_family_could_count_are_ages(question: str, read: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and read in compiled[1] and "mart.persons" in compiled[1], compiled


def test_a_number_read_as_nothing_is_an_unknown_word_not_dropped() -> None:
    declined = compile_question("Сколько семей в Шымкенте 5?")
    assert not isinstance(declined, tuple) and "5" in str(getattr(declined, "declined", "")), declined


@pytest.mark.parametrize(("question", "condition"), [
    ("выплаты АСП больше 100 тыс в 2025", "(amount > 100000)"),
    ("payments over 50,000 tenge in March 2025", "(amount > 50000)"),
    ("выплаты от 50 000 до 100 000 тенге", "(amount >= 50000) AND (amount <= 100000)"),
    ("100 мың теңгеден асатын төлемдер саны", "(amount > 100000)"),
])
def test_amounts_of_money_are_read_in_groups_of_three_and_with_thousands_and_millions(question: str,
                                                                                      condition: str) -> None:
    _reads(question, condition)


def test_an_amount_asked_of_what_has_none_is_declined() -> None:
    declined = compile_question("Сколько семей больше 100 тыс?")
    assert not isinstance(declined, tuple), declined


@pytest.mark.parametrize("question", ["Сколько было выплачено АСП в 2019 году?", "Pension payments by month in 2024",
                                      "2018 жылғы наурыздағы төлемдер саны"])
def test_a_period_the_data_do_not_cover_is_declined_not_answered_zero(gateway: Gateway, question: str) -> None:
    answer = ask(gateway, ANALYST, question, purpose=EVALUATION)
    assert answer.sql is None and answer.declined, answer
    assert any(w in answer.declined for w in ("период", "period", "кезең")), answer.declined


@pytest.mark.parametrize(("question", "step", "conditions"), [
    ("Динамика выплат АСП по месяцам в 2025 году", "strftime(paid_on, '%Y-%m')",
     ["kind = 'targeted_social_assistance'", "year(paid_on) = 2025"]),
    ("АӘК төлемдерінің серпіні 2025 жылы", "strftime(paid_on, '%Y-%m')", ["year(paid_on) = 2025"]),
    ("How did the number of TSA payments change by month?", "strftime(paid_on, '%Y-%m')", []),
    ("Total paid by year", "year(paid_on)", []),
    ("Сумма выплат по годам", "year(paid_on)", []),
])
def test_a_trend_splits_dated_rows_by_month_or_year_in_order(question: str, step: str,
                                                             conditions: list[str]) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple), compiled
    assert f"GROUP BY {step} ORDER BY {step}" in compiled[1], compiled[1]
    assert all(c in compiled[1] for c in conditions), compiled[1]


@pytest.mark.parametrize(("question", "why"), [
    ("Количество семей по месяцам", "без истории"),
    ("How did the number of families change?", "no history"),
    ("Выплаты по регионам по месяцам", "либо по"),
])
def test_a_trend_of_what_has_no_history_or_with_a_second_split_is_declined_saying_why(question: str,
                                                                                       why: str) -> None:
    declined = compile_question(question)
    assert not isinstance(declined, tuple) and why in str(getattr(declined, "declined", "")), declined


@pytest.mark.parametrize(("question", "kind", "step"), [
    ("Сколько человек получали пособие по потере кормильца в каждом месяце с апреля по август 2025 года?",
     "survivor_allowance", "strftime(paid_on, '%Y-%m')"),
    ("How many people received an old-age pension in each month from July to September 2025?", "old_age_pension",
     "strftime(paid_on, '%Y-%m')"),
    ("2025 жылғы қаңтар–наурыз айларында атаулы әлеуметтік көмекті ай сайын қанша адам алды?",
     "targeted_social_assistance", "strftime(paid_on, '%Y-%m')"),
    ("Сколько получателей пенсии было в 2025 году?", "old_age_pension", None),
])
def test_people_counted_in_a_period_by_what_they_were_paid_are_the_people_paid_each_once(
        question: str, kind: str, step: str | None) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple), compiled
    sql = compiled[1]
    assert "count(DISTINCT person_id)" in sql and "FROM mart.payments" in sql and f"kind = '{kind}'" in sql, sql
    assert step is None or f"GROUP BY {step}" in sql, sql


def test_how_much_was_paid_is_no_number_of_people_paid() -> None:
    compiled = compile_question("2025 жылы АӘК бойынша ай сайын қанша ақша төленді, айлар бойынша көрсетші")
    assert not isinstance(compiled, tuple) or "DISTINCT" not in compiled[1], compiled


@pytest.mark.parametrize(("question", "code"), [
    ("Целиноградская (қазір Ақмола) облысы: тұрғындар с недвижимостью сколько?", "'11'"),
    ("Сколько жителей Целиноградской области?", "'11'"),
    ("Сколько жителей в Целинограде?", "'71'"),
    ("Алматы облысында сколько жителей 60 лет и старше?", "'19'"),  # a Kazakh region's word in Russian
    ("How many people live in Алматинской области?", "'19'"),
    ("Алматы қаласында сколько жителей?", "'75'"),
])
def test_an_old_regions_name_is_the_region_and_its_old_centres_the_city(question: str, code: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple), compiled
    assert re.findall(r"'\d\d'", compiled[1]) == [code], compiled[1]


@pytest.mark.parametrize(("question", "fragments"), [
    ("Ұлытау облысының халқы туралы ақпарат жолдауыңызды сұраймын: облыс тұрғындарының жалпы саны қанша?",
     ["FROM mart.persons", "region = '62'"]),
    ("We would appreciate receiving the total old-age pension paid to residents of Zhambyl Region in 2025.",
     ["round(sum(amount))", "kind = 'old_age_pension'", "region = '31'"]),
    ("Pavlodar Region analyst here: how many of our families have a working-age member without a job?",
     ["working_age_not_employed >= 1", "region = '55'"]),
    ("Павлодар облысында отбасы мүшесіне шаққандағы айлық табыстың медианасы қандай?",
     ["median(income_per_person)", "region = '55'"]),
    ("Абай облысында сколько отбасы имеют коммунальный қарыз?", ["utility_debt > 0", "region = '10'"]),
    ("Ақмола облысы бойынша орталық жылуға қосылмаған тұрғын үйлер қанша?", ["NOT heating", "region = '11'"]),
    ("В каком регионе меньше всего учтённых жилых помещений?", ["FROM mart.dwellings", "ASC"]),
    ("How many new benefit and pension awards were made each year between 2021 and 2025?",
     ["FROM mart.benefits", "year(start_date) BETWEEN 2021 AND 2025"]),
    ("Monthly total of all benefit and pension payments, Q2 2025", ["round(sum(amount))", "FROM mart.payments"]),
    ("Талдамалы анықтама дайындау үшін 2025 жылы Ақтөбе облысының тұрғындарына төленген жасына байланысты "
     "зейнетақының жалпы сомасы туралы мәлімет беріңіз", ["round(sum(amount))", "region = '15'"]),
    ("Сколько в Атырауской области семей, у которых есть хотя бы один автомобиль?", ["vehicles >= 1"]),
    ("Сколько семей имеют хотя бы двух детей?", ["children_under_18 >= 2"]),
    ("средний возрвст тех кто получает пенсию по возрасту", ["avg(age)", "receives_pension"]),
    ("Kostanay Rgn | dwellings <50 m² | #", ["region = '39'", "area_m2 < 50"]),
    ("avg utilty debt per family in pavlodar regoin (only familes that have debt)", ["avg(utility_debt)"]),
    ("Which region has the lowest average social block score on the family card?", ["avg(social)", "ASC"]),
    ("Ақтөбе, Атырау және Батыс Қазақстан облыстарында өз көлігі бар тұрғындар санын салыстырыңыз.",
     ["vehicles, 0) >= 1", "region IN ('15', '23', '27')"]),
    ("2025 жылы бала бір жарым жасқа толғанға дейін оның күтімі бойынша жәрдемақы барлығы қанша сомаға төленді?",
     ["kind = 'childcare_allowance'", "sum(amount)"]),
    ("Отбасының цифрлық картасы бойынша «ауыз су жоқ» өлшеміне сәйкес келетін отбасылар саны туралы ақпарат "
     "ұсынуларыңызды өтінеміз.", ["NOT water"]),
])
def test_what_a_civil_servant_adds_in_passing_is_read_as_meant(question: str, fragments: list[str]) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple), compiled
    assert all(f in compiled[1] for f in fragments), compiled[1]


def test_a_regions_word_alone_is_the_region_named_not_a_guess_where_none_is() -> None:
    declined = compile_question("Облыс бойынша халық саны қанша?")
    assert not isinstance(declined, tuple), declined


@pytest.mark.parametrize(("question", "code"), [
    ("Abai region (the old Semipalatinsk oblast): how many families have utility debt?", "'10'"),
    ("old Guryev oblast i.e. Atyrau — average pension paid in 2025", "'23'"),
])
def test_old_before_a_regions_old_name_says_nothing_and_before_people_an_age_not_said(question: str,
                                                                                       code: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and f"region = {code}" in compiled[1], compiled
    for aged in ("How many old people live in Atyrau region?", "old people Atyrau region"):
        assert not isinstance(compile_question(aged), tuple)


def test_a_trend_is_answered_through_the_gateway_month_by_month(gateway: Gateway) -> None:
    answer = ask(gateway, ANALYST, "Payments by month in 2025", purpose=EVALUATION)
    assert answer.sql is not None, answer.declined
    months = [row[0] for row in answer.rows]
    assert months == sorted(months) and all(m.startswith("2025-") for m in months) and len(months) >= 6, months


SHARE_CORPUS = Path(__file__).parent / "data" / "questions_share_heldout.toml"
"""Shares and percentages written apart from the parser (by a helper given the issue and the mart's columns only),
in four voices; the "held" part is never used to tune it. Gold answers are read from the store directly (the gold
SQL uses functions the gateway's allow-list leaves out)."""


def _store_scores(gateway: Gateway, mart: dict[str, Any], corpus: Path) -> dict[str, dict[str, Any]]:
    """A corpus's scores with its gold answers read from the store directly (the gold SQL uses functions the
    gateway's allow-list leaves out); each split's counts printed, with its wrong answers."""
    from tests.conftest import read_store

    con = read_store(mart["store"])
    try:
        scores = _corpus_scores(gateway, corpus, lambda sql: con.execute(sql).fetchall())
    finally:
        con.close()
    for split, score in scores.items():
        print(split, {k: v if not isinstance(v, list) else len(v) for k, v in score.items()})
        for wrong in score["wrong"]:
            print("  WRONG", split, wrong)
    return scores


def _share_scores(gateway: Gateway, mart: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return _store_scores(gateway, mart, SHARE_CORPUS)


def test_shares_written_apart_are_answered_right_or_declined_never_wrong(gateway: Gateway,
                                                                         mart: dict[str, Any]) -> None:
    scores = _share_scores(gateway, mart)
    for split, score in scores.items():
        assert not score["wrong"], (split, score["wrong"])  # never a wrong number, held part included
    assert scores["tune"]["right"] + scores["tune"]["declined_right"] >= 0.8 * scores["tune"]["total"]


FILTER_CORPUS = Path(__file__).parent / "data" / "questions_filters_heldout.toml"
"""Filters, ranges, negation, "or", periods and trends, written apart from the parser (by a helper given the issue
and the mart's columns only), in four voices; the "held" part is never used to tune it."""


def test_filters_and_trends_written_apart_are_answered_right_or_declined_never_wrong(
        gateway: Gateway, mart: dict[str, Any]) -> None:
    scores = _store_scores(gateway, mart, FILTER_CORPUS)
    assert not scores["tune"]["wrong"] and not scores["held"]["wrong"], scores


@pytest.mark.parametrize(("negative", "positive"), [
    ("алмайтын", "алатын"), ("бармайтын", "баратын"), ("тұрмайтын", "тұратын"), ("істемейтін", "істейтін"),
    ("оқымайтын", "оқитын"), ("іздемейтін", "іздейтін"), ("қаламайтын", "қалайтын"), ("бармайды", "барады"),
    ("оқымайды", "оқиды"), ("төлемейтін", "төлейтін"), ("мектеп", None), ("алатын", None), ("майтын", None),
])
def test_a_negated_kazakh_verb_is_its_positive_form_on_the_paradigm(negative: str, positive: str | None) -> None:
    """The rule, not a list of forms: -майтын/-мейтін (and -байтын, -пайтын, -майды) after a consonant become
    -атын/-етін; after a vowel -йтын/-йтін, with ы or і before й written и."""
    from ukimet.apps.questions import kazakh_positive

    assert kazakh_positive(negative) == positive


@pytest.mark.parametrize(("question", "negated"), [
    ("Жәрдемақы алатын, бірақ зейнетақы алмайтын адамдардың саны", "NOT coalesce((receives_pension), FALSE)"),
    ("жұмыс істемейтін ерлер саны", "NOT coalesce((employed), FALSE)"),
])
def test_a_kazakh_filter_said_with_a_negated_verb_is_the_filter_negated(question: str, negated: str) -> None:
    _reads(question, negated)


REALWORLD_CORPUS = Path(__file__).parent / "data" / "questions_realworld_heldout.toml"
"""150 real-world phrasings (typos, abbreviations, mixed scripts, chat, official letters), written apart from the
parser by a helper given the issue and the mart's columns only; held apart until stop 34, used to tune since."""
REALWORLD2_CORPUS = Path(__file__).parent / "data" / "questions_realworld2_heldout.toml"
"""180 more (60 per language, 12 of them must-decline), written apart by another helper in stop 35; held apart
until then, used to tune since stop 36."""
REALWORLD3_CORPUS = Path(__file__).parent / "data" / "questions_realworld3_heldout.toml"
"""210 more (70 per language, 14 of them must-decline), written apart by a third helper in stop 36 from the issue
and the mart's schema alone: held apart until stop 37, used to tune since."""
REALWORLD4_CORPUS = Path(__file__).parent / "data" / "questions_realworld4_heldout.toml"
"""210 more, written apart by a fourth helper in stop 37 from the issue and the mart's schema alone: held apart in
stop 37 (first run kk 43/70, ru 49/70, en 45/70, 0 wrong), a tuning set from stop 38 (its split "tune" from
stop 39)."""


REALWORLD5_CORPUS = Path(__file__).parent / "data" / "questions_realworld5_heldout.toml"
"""210 more, written apart by a fifth helper in stop 38 from the issue and the mart's schema alone: held apart.
Its first run (the parser of stop 37): kk 46/70, ru 50/70, en 41/70 right or rightly declined, 7 wrong: one read
"total ... payments" as their number (fixed), six are the wage definition below."""


REALWORLD6_CORPUS = Path(__file__).parent / "data" / "questions_realworld6_heldout.toml"
"""150 more (50 per language, 10 of them must-decline), written apart by a sixth helper in stop 39 from the
conventions and the mart's schema alone. Its first run (stop 39's parser): kk 34/50, ru 41/50, en 38/50, 4 wrong;
those four were read and fixed in stop 40, and it is a tuning set since."""
REALWORLD7_CORPUS = Path(__file__).parent / "data" / "questions_realworld7_heldout.toml"
"""120 more (40 per language: 16 textbook, 16 real-world, 8 must-decline), written apart by a seventh helper in
stop 40 from the conventions and the demo store's schema alone: held apart. First run: textbook kk 10/16, ru 15/16,
en 13/16; real-world kk 11/16, ru 12/16, en 11/16; declines 24/24; 1 wrong, the wage definition below. Its misses were
read and tuned on in stop 42: a tuning set since."""
REALWORLD8_CORPUS = Path(__file__).parent / "data" / "questions_realworld8_heldout.toml"
"""120 more, written apart by an eighth helper in stop 41 like the seventh: held apart. First run (stop 40's parser):
textbook kk 12/16, ru 11/16, en 12/16; real-world kk 11/16, ru 12/16, en 12/16; declines 24/24; 1 wrong ("awards
and pensions" read as the pensions alone), read and fixed, that entry a tuning one since. Its misses were read and
tuned on in stop 42: a tuning set since."""
REALWORLD9_CORPUS = Path(__file__).parent / "data" / "questions_realworld9_heldout.toml"
"""120 more (40 per language: 14 textbook, 18 real-world, 8 must-decline; Kazakh typed without its letters and in
Latin), written apart by a ninth helper in stop 42 like the eighth: held apart. First run (stop 41's parser):
textbook kk 10/14, ru 10/14, en 13/14; real-world kk 9/18, ru 13/18, en 9/18; declines 24/24; 2 wrong, the
single-parent definition below. Its misses are read and tuned on since stop 43: a tuning set since."""
REALWORLD10_CORPUS = Path(__file__).parent / "data" / "questions_realworld10_heldout.toml"
"""120 more like the ninth, written apart by a tenth helper in stop 43: held apart. First run (stop 42's parser):
textbook kk 7/14, ru 8/14, en 8/14; real-world kk 9/18, ru 13/18, en 9/18; declines 24/24; 0 wrong."""


REALWORLD11_CORPUS = Path(__file__).parent / "data" / "questions_realworld11_heldout.toml"
"""120 more like the tenth (12 textbook, 20 real-world, 8 must-decline per language), written apart by an eleventh
helper in stop 44: held apart. First run (stop 43's parser): textbook kk 10/12, ru 10/12, en 7/12; real-world kk
12/20, ru 12/20, en 10/20; declines 24/24; 2 wrong, read and fixed (allowances awarded counted with the pensions;
"kids under 5" read as families with fewer than five children): those two entries are tuning ones since."""
REALWORLD14_CORPUS = Path(__file__).parent / "data" / "questions_realworld14_heldout.toml"
"""120 more like the eleventh, written apart by a fourteenth helper in stop 45 from the issue, the eleventh's
conventions and the demo store: held apart. First run (e2c18bf): textbook kk 11/12, ru 8/12, en 9/12; real-world
kk 15/20, ru 14/20, en 14/20; declines 24/24; 1 wrong, read and fixed (payments "(KZT)" by month counted, not
summed): that entry is a tuning one since. In stop 49 a second entry turned wrong as an asker's introduction was
first read ("у нас по области" a breakdown): fixed, a tuning entry since."""
REALWORLD15_CORPUS = Path(__file__).parent / "data" / "questions_realworld15_heldout.toml"
"""120 more, written apart by a fifteenth helper in stop 46 from the issue, the fourteenth's conventions and the demo
store: held apart. First run (1f9e363): textbook kk 10/12, ru 8/12, en 12/12; real-world kk 9/20, ru 9/20, en 5/20;
declines 24/24; 1 wrong, read and fixed (dwellings by number of residents counted all dwellings): that entry is a
tuning one since."""
REALWORLD16_CORPUS = Path(__file__).parent / "data" / "questions_realworld16_heldout.toml"
"""120 more (12 textbook, 20 real-world, 8 must-decline per language: teenagers, deaths, pension amounts, vehicles
and property, single parents, utility debt, income per member), written apart by a sixteenth helper in stop 47 from
the issue, the fifteenth's conventions and the demo store: held apart. First run (ad5509d): textbook kk 6/12, ru
6/12, en 11/12; real-world kk 9/20, ru 9/20, en 8/20; declines 24/24; 0 wrong. In stop 48 one entry was answered
wrong once "транспортных средства" was read ("имеющих в собственности" read as owning property too): read, fixed,
and a tuning entry since. In stop 49 another turned wrong while "облыс" after a letter's region was first read as
that region (the region's own word dropped: Алматы облысы read as Алматы): fixed, a tuning entry since."""
REALWORLD18_CORPUS = Path(__file__).parent / "data" / "questions_realworld18_heldout.toml"
"""120 more (12 textbook, 20 real-world, 8 must-decline per language: children under 7, girls, decades of birth,
disability allowance, quarters and half-years of payments, wages and incomes, dwellings and households), written
apart by an eighteenth helper in stop 48 from the issue, the sixteenth's conventions and the demo store: held
apart. First run (c68b639): textbook kk 9/12, ru 9/12, en 8/12; real-world kk 11/20, ru 8/20, en 7/20; declines
24/24; 3 wrong, read: "born in the 1980s" read as the year 1980 (fixed: a decade is its ten years), the region
unknown first among the fewest (the project's convention, every other corpus's golds: that entry's gold set to it),
and rooms per dwelling to one decimal where the corpus gives two (a precision, below). Those three entries are
tuning ones since; its misses were read and tuned on in stop 49: a tuning set since."""
REALWORLD19_CORPUS = Path(__file__).parent / "data" / "questions_realworld19_heldout.toml"
"""120 more (12 textbook, 20 real-world, 8 must-decline per language: each kind the issue lists, with subjects
and filters away from the eighteenth's), written apart by a nineteenth helper in stop 49 from the issue, the
eighteenth's conventions and the demo store: held apart. First run (1fc2bcc): textbook kk 8/12, ru 6/12, en 9/12;
real-world kk 12/20, ru 10/20, en 9/20; declines 24/24; 0 wrong. One entry, answered once the family card's words
were read (the region unknown first among the lowest: the convention below), was read and is a tuning one.
Since stop 50 a tuning set: the twentieth is held in its place."""
REALWORLD20_CORPUS = Path(__file__).parent / "data" / "questions_realworld20_heldout.toml"
"""120 more (12 textbook, 20 real-world, 8 must-decline per language: dwellings' water, sewerage and heating, families
without a car or property, the card's crowded and low-income criteria and its unfavourable and crisis levels,
households by size, age groups, births per year, survivor's, birth and childcare allowances, АСП recipients), written
apart by a twentieth helper in stop 50 from the issue, the nineteenth's conventions and the demo store: held apart.
First run (21a42b4): textbook kk 6/12, ru 7/12, en 8/12; real-world kk 7/20, ru 12/20, en 6/20; declines 24/24;
0 wrong. Since stop 51 a tuning set: the twenty-first is held in its place."""
REALWORLD21_CORPUS = Path(__file__).parent / "data" / "questions_realworld21_heldout.toml"
"""120 more (12 textbook, 20 real-world, 8 must-decline per language: regions away from the twentieth's, Astana,
Almaty and Shymkent only by their old names, each kind of the issue once per language in textbook phrasing),
written apart by a twenty-first helper in stop 51 from the issue, the twentieth's conventions and the demo store:
held apart. First run (efce977): textbook kk 9/12, ru 10/12, en 10/12; real-world kk 10/20, ru 10/20, en 11/20;
declines 24/24; 0 wrong but three definitions (below: two averages to two decimals where it rounds to one, one
pension's average as paid). Since stop 52 a tuning set: the twenty-second is held in its place."""
REALWORLD22_CORPUS = Path(__file__).parent / "data" / "questions_realworld22_heldout.toml"
"""120 more (12 textbook, 20 real-world, 8 must-decline per language: regions the twenty-first did not ask, Almaty
city against Almaty Region, old names and abbreviations; dwellings' amenities and rooms, households by size, the
card's criteria and blocks, age groups, births, legal entities, payments by kind and period), written apart by a
twenty-second helper in stop 52 from the issue, the twenty-first's conventions and the demo store: held apart. First
run (04eec4b): textbook kk 9/12, ru 9/12, en 10/12; real-world kk 13/20, ru 11/20, en 13/20; declines 24/24; 2
wrong, read: "(pensions not counted)" beside a mistyped "alowance" read as a pension filter (fixed); a year's
old-age pension payments by sex counted where this corpus sums them (a definition, below: the first corpus counts
"payments per month"). Those two entries are tuning ones since. Since stop 53 a tuning set: the twenty-third is held
in its place."""
REALWORLD23_CORPUS = Path(__file__).parent / "data" / "questions_realworld23_heldout.toml"
"""120 more (12 textbook, 20 real-world, 8 must-decline per language: the eleven regions the twenty-second did not
ask, by old names and abbreviations; dwellings without gas, households with children, families by members, children,
property, vehicles, utility debt and allowances, the card's criteria, levels and social block, age ranges, deaths and
births by year, pension awards), written apart by a twenty-third helper in stop 53 from the issue, the twenty-second's
conventions and the demo store: held apart. First run (7b5e7c6): textbook kk 9/12, ru 11/12, en 8/12; real-world kk
15/20, ru 15/20, en 12/20; declines 24/24; 1 wrong, read: "Целиноградская (қазір Ақмола) облысы" read as Astana (the
city Целиноград) and Akmola Region both (fixed: the adjective names the region); that entry is a tuning one since.
Since stop 54 a tuning set: the twenty-fourth is held in its place."""
REALWORLD24_CORPUS = Path(__file__).parent / "data" / "questions_realworld24_heldout.toml"
"""120 more (12 textbook, 20 real-world, 8 must-decline per language: the nine places the twenty-third did not ask,
Almaty city beside Almaty Region, old names and abbreviations (ОҚО, ЮКО, Чимкент, Жезқазған, Мангышлакская);
dwellings without sewerage, heating or water, households by size and children, families with a pensioner, a job
seeker or no income, the card's levels and criteria, age ranges and exact ages, births by year, pension amounts,
allowance payments, legal entities), written apart by a twenty-fourth helper in stop 54 from the issue, the
twenty-third's conventions and the demo store: held apart. First run (7d37af7): textbook kk 12/12, ru 6/12, en
12/12; real-world kk 13/20, ru 14/20, en 10/20; declines 24/24; 1 wrong, read: "Алматы облысында сколько жителей 60
лет и старше?" read as Almaty city (the Kazakh region's word in a Russian question was no word of it; fixed: a
name with its region's word names that region in a question of any language); that entry is a tuning one since.
Since stop 55 a tuning set: the twenty-fifth is held in its place."""
REALWORLD25_CORPUS = Path(__file__).parent / "data" / "questions_realworld25_heldout.toml"
"""120 more (12 textbook, 20 real-world, 8 must-decline per language: the eleven regions the twenty-fourth did not
ask, by abbreviations and old names (ШҚО, ЗКО, NKO, Семей, Гурьевская, Кустанайская, Dzhambul) and in Latin-script
Kazakh; dwellings without gas, households and families by size and children, the card's levels and criteria, TSA
and pensions of families, deaths and births by year, pension awards; declines for forecasts, personal data, periods
not held, opinions, data not held and small cells), written apart by a twenty-fifth helper in stop 55 from the
issue, the twenty-fourth's conventions and the demo store: held apart. First run (cd5e81b): textbook kk 10/12, ru
10/12, en 12/12; real-world kk 14/20, ru 14/20, en 15/20; declines 22/24 under the evaluation's purpose (the two
small cells answered exactly, as a purpose allows; asked as an analyst asks, without one, 24/24 once an answer
without groups over a small cell was withheld, which the gateway had released with noise); 1 wrong, read: "жан
басына шаққандағы орташа айлық табысы" (per head) read as the family's income (fixed); that entry is a tuning one
since. A tuning corpus since stop 56 (the twenty-sixth is held in its place)."""
REALWORLD26_CORPUS = Path(__file__).parent / "data" / "questions_realworld26_heldout.toml"
"""120 more (12 textbook, 20 real-world, 8 must-decline per language: the nine places the twenty-fifth did not ask,
Almaty city against Almaty Region in every script, old names (Чимкент, Алма-Ата, Нұр-Сұлтан, Талдыкорганская) and
Latin-script Kazakh; declines for forecasts, personal data, periods not held, future dates, opinions, data not held,
links to data not held and small cells), written apart by a twenty-sixth helper in stop 56 from the issue, the
twenty-fifth's conventions and the demo store: held apart. First run (06ae6a8): textbook kk 10/12, ru 10/12, en
8/12; real-world kk 14/20, ru 15/20, en 14/20; declines 24/24; 0 wrong. One entry answered wrong later in the stop,
by a change of the parser (the region, "not the city", read as a negation), was read, fixed and is a tuning one.
A tuning set since stop 57."""
REALWORLD27_CORPUS = Path(__file__).parent / "data" / "questions_realworld27_heldout.toml"
"""120 more (12 textbook, 20 real-world in seven voices, 8 must-decline per language: the eleven regions the
twenty-sixth did not ask, by abbreviations and old names (ШҚО, СКО, ЗКО, Кустанайская, Гурьевская, Dzhambul, the
old Semey lands for Abai), Akmola "not Astana" and Pavlodar "the region, not the city"; the childcare allowance,
deaths and pension awards ended by year, the card's levels, income per person; pensioners with no allowance;
declines for forecasts, a named person's data, periods not held, future dates, opinions, data not held, small cells
and contradictory filters), written apart by a twenty-seventh helper in stop 57 from the issue, the twenty-sixth's
conventions and the demo store: held apart. First run (f722cfe): textbook kk 11/12, ru 10/12, en 12/12; real-world
kk 15/20, ru 16/20, en 12/20; declines 24/24; 0 wrong. A tuning set since stop 58."""
REALWORLD28_CORPUS = Path(__file__).parent / "data" / "questions_realworld28_heldout.toml"
"""120 more (12 textbook, 20 real-world in seven voices, 8 must-decline per language: the nine places the
twenty-seventh did not ask, Almaty city against Almaty Region throughout, Нур-Султан, Чимкент, Latin-script Kazakh
in other languages; lone pensioners, low income, single parents, no water, the well-off; the old-age pension against
the survivor, large-family and birth allowances and TSA; declines for forecasts, a named person's data, periods not
held, future dates, contradictory filters, disability, data not held, opinions and unknown words that change the
answer), written apart by a twenty-eighth helper in stop 58 from the issue, the twenty-seventh's conventions and the
demo store: held apart. First run (fec981a): textbook kk 11/12, ru 12/12, en 10/12; real-world kk 16/20, ru 15/20,
en 17/20; declines 24/24; 1 wrong (children counted under 18 where the file counts all, the answer not saying so;
read and since said in the answer). A tuning set since stop 59."""
REALWORLD29_CORPUS = Path(__file__).parent / "data" / "questions_realworld29_heldout.toml"
"""120 more (12 textbook, 20 real-world in seven voices, 8 must-decline per language: the eleven regions the
twenty-eighth did not ask, СКО, ВКО, ЗКО, Кустанайская, Latin-script Kazakh and Kazakh inside Russian and English;
counts, sums, averages, medians, shares, comparisons, rankings, trends, ranges, negations, the family card's
criteria, pensions against allowances; declines for forecasts, a named person's data, periods not held, future
dates, contradictory filters, disability, data not held, opinions and unknown words), written apart by a
twenty-ninth helper in stop 59 from the issue, the twenty-eighth's conventions and the demo store: held apart. First
run (d495ca6): textbook kk 10/12, ru 11/12, en 11/12; real-world kk 9/20, ru 11/20, en 14/20; declines kk 8/8, ru
7/8, en 7/8; 3 wrong (a count of disability allowance recipients answered to a role that may not see special
categories; oralman, a returnee, read as Орал; families with many children read as with children), read and
fixed. A tuning set since stop 60."""
REALWORLD30_CORPUS = Path(__file__).parent / "data" / "questions_realworld30_heldout.toml"
"""120 more (12 textbook, 20 real-world in seven voices, 8 must-decline per language: the nine regions the
twenty-ninth did not ask, Almaty the city against Almaty Region, Нур-Султан, Алма-Ата, Чимкент, Latin-script
Kazakh, typos without Kazakh letters; counts, sums, averages, medians, shares, comparisons, rankings, top N, trends
by month and year, ranges, negations with "and", the family card's criteria, benefit kinds, vehicles, property,
pensions; declines for forecasts, a named person's data, periods not held, future dates, contradictory filters,
disability, data not held, opinions and unknown words), written apart by a thirtieth helper in stop 60 from the
issue, the twenty-ninth's conventions and the demo store: held apart. First run (9a0b3a4): textbook kk 12/12, ru
8/12, en 12/12; real-world kk 11/20, ru 12/20, en 14/20; declines 24/24; 0 wrong. A tuning set since stop 61."""


REALWORLD31_CORPUS = Path(__file__).parent / "data" / "questions_realworld31_heldout.toml"
"""120 more (12 textbook, 20 real-world in seven voices, 8 must-decline per language: the eleven regions the
thirtieth did not ask, Abai to East Kazakhstan; counts, sums, averages, medians, shares, comparisons, rankings, top
N, monthly and yearly trends, ranges, negations with "or", "neither ... nor" and "and", the family card's criteria,
pension vs allowance vs social assistance; declines for forecasts, a named person's data, periods not held, dates
after the data's day, contradictory filters, disability, data not held, opinions and an unknown word), written apart
by a thirty-first helper in stop 61 from the issue, the thirtieth's conventions and the demo store: held apart.
First run (d95a74a): textbook kk 12/12, ru 11/12, en 11/12; real-world kk 16/20, ru 12/20, en 15/20; declines
24/24; 1 wrong (a family's monthly income with "monthly" inside it read per person), mended."""
REALWORLD17_CORPUS = Path(__file__).parent / "data" / "questions_realworld17_tune.toml"
"""180 (20 textbook, 32 real-world in seven voices, 8 must-decline per language), written apart by a helper in stop
47 from the issue, the fifteenth's conventions and the demo store: a tuning set from the start. First run
(334aaba): textbook kk 15/20, ru 16/20, en 13/20; real-world kk 20/32, ru 20/32, en 15/32; declines 24/24; 5 wrong
(payments over time counted, not summed; the region unknown first among the fewest; utility arrears counted), read
and fixed."""
REALWORLD12_CORPUS = Path(__file__).parent / "data" / "questions_realworld12_tune.toml"
"""150 (60 kk, 45 ru, 45 en; textbook, real-world and must-decline), written apart by a helper in stop 44 from the
conventions and the demo store: a tuning set from the start. First run: textbook kk 23/27, ru 17/20, en 18/20;
real-world kk 18/27, ru 14/20, en 12/20; declines 16/16; 2 wrong (Семей, the city, read as Russian "of families";
income per capita read as the family's income), both fixed."""

REALWORLD13_CORPUS = Path(__file__).parent / "data" / "questions_realworld13_tune.toml"
"""150 (50 per language, in the voices of an analyst's search box, an akimat's Kazakh letters and a social worker's
Russian chat), written apart by a helper in stop 44: a tuning set from the start. First run: textbook kk 18/20,
ru 17/20, en 14/20; real-world kk 17/25, ru 18/25, en 16/25; declines 15/15; 2 wrong ("no. of pensioners" read as
"no pensioners"), fixed."""


KAZAKH10_CORPUS = Path(__file__).parent / "data" / "questions_kazakh10_tune.toml"
"""60 in Kazakh alone (36 textbook, 16 real-world, 8 must-decline), written apart by a helper in stop 42 from the
conventions and the demo store: a tuning set from the start. First run: textbook 25/36, real-world 9/16, declines
8/8, 1 wrong (the single-parent definition below)."""


KAZAKH11_CORPUS = Path(__file__).parent / "data" / "questions_kazakh11_tune.toml"
"""60 more in Kazakh alone (44 textbook of varied grammar, 10 real-world, 6 must-decline), written apart by a
helper in stop 43 like the tenth: a tuning set from the start. First run: textbook 28/44, real-world 7/10,
declines 6/6, 0 wrong."""


def _definition_disagreement(wrong: tuple[Any, ...]) -> bool:
    """A wrong answer that is a definition the corpus chose otherwise, said in the answer: the average or median
    wage of everyone paid one in the year (the layer's, as the first corpora count it) where the corpus counts
    only those employed on the day; a single parent as the family's one adult who has no spouse (the layer's)
    where the corpus counts every family of one adult, a couple whose one spouse is under 18 included; allowances
    (жәрдемақылар, пособия) without the old-age pension (the issue's definition: a pension is no benefit) where a
    corpus counts every award as one; a pension's average or median as paid (the payments, as the layer reads "the
    average pension") where a corpus takes the monthly amounts of the awards in payment; an average the layer gives
    to one decimal (rooms per dwelling: 2.2) where a corpus gives two, or to two (residents per dwelling: 2.81)
    where a corpus gives one; the records of no region ranked as a group
    of their own (the project's convention, which most corpora's golds follow) where a corpus leaves them out; a
    quarter of one year labelled by its number (1 to 4) where a corpus labels it by its first day; payments named
    with no number or sum asked (Выплаты пенсий за 2025 год: мужчины и женщины) counted, as the answer says, where
    a corpus sums them (the first corpus counts "payments per month", the twenty-second sums a year's by sex); a
    family's children counted under 18 (the layer's, said so in the answer: 18 жасқа толмаған балалар саны) where a
    corpus counts all of them (the twenty-eighth)."""
    if len(wrong) != 4:
        return False
    wage = "monthly_wage > 0" in wrong[1] and "employed" in wrong[2] and "employed" not in wrong[1]
    single = "spouses < 2 AND adults = 1" in wrong[1] and "adults = 1" in wrong[2] and "spouses" not in wrong[2]
    allowance = "kind <> 'old_age_pension'" in wrong[1] and "old_age_pension" not in wrong[2] and \
        wrong[1].replace("(kind <> 'old_age_pension') AND ", "").count("kind") == wrong[2].count("kind")
    pension = "FROM mart.payments" in wrong[1] and "FROM mart.benefits" in wrong[2] and "monthly_amount" in wrong[2]
    mean = re.search(r"round\(avg\((\w+)\), ([12])\)", wrong[1])
    precision = mean is not None and f"round(avg({mean.group(1)}), {3 - int(mean.group(2))})" in wrong[2]
    unknown_region = "region IS NOT NULL" in wrong[2] and "region IS NOT NULL" not in wrong[1] and \
        any(row[0] is None for row in wrong[3])  # first among the fewest, or tied among the most
    quarter = "quarter(paid_on) AS quarter" in wrong[1] and "date_trunc('quarter'" in wrong[2]
    counted = "count(*)" in wrong[1] and "FROM mart.payments" in wrong[1] and "sum(amount)" in wrong[2] and \
        "count(" not in wrong[2]
    minors = "children_under_18" in wrong[1] and "children_under_18" not in wrong[2] and \
        re.search(r"\bchildren\b", wrong[2]) is not None
    return wage or single or allowance or pension or precision or unknown_region or quarter or counted or minors


INTENT_CORPORA = sorted((Path(__file__).parent / "data").glob("questions_intents_*.toml"))
"""The developers' question sets: 100 intents each in kk, ru and en in textbook phrasing plus 20 to decline, by
two writers apart from the parser and each other (persons, benefits and payments; families, households, dwellings
and companies); intents 1-60 tune, the rest held."""


@pytest.mark.parametrize(("question", "typed", "read"), [
    ("How many famillies in Shymkent?", "famillies", "families"),
    ("Колличество многодетных семей", "Колличество", "количество"),
])
def test_a_word_one_letter_from_one_vocabulary_word_is_read_as_it_and_said_so(question: str, typed: str,
                                                                              read: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple), compiled
    assert f"{typed} → {read}" in compiled[2], compiled[2]


def test_a_short_or_ambiguous_unknown_word_is_not_guessed() -> None:
    """Words under six letters are too often other words a letter away: declined, naming the word."""
    declined = compile_question("Сколько симей в Шымкенте?")
    assert not isinstance(declined, tuple) and "симей" in str(getattr(declined, "declined", "")), declined


@pytest.mark.parametrize(("dictionary", "inflected"), [
    ("халық", "халқы"), ("халық", "халқының"), ("шаруашылығ", "шаруашылықтары"), ("шаруашылық", "шаруашылығы"),
    ("кітап", "кітабы"), ("жүрек", "жүрегі"), ("мұрын", "мұрны"),
])
def test_a_kazakh_stem_that_alternates_before_an_ending_is_found_by_the_rule(dictionary: str,
                                                                            inflected: str) -> None:
    """Voicing of a final consonant (қ/ғ, к/г, п/б) and the narrow vowel dropped before a possessive: the
    vocabulary's dictionary form, or one of its alternations, starts the inflected word."""
    from ukimet.model.kazakh import stem_variants
    from ukimet.model.semantic import fold, word_matches

    folded, word = fold(dictionary, "kk"), fold(inflected, "kk")
    assert any(word.startswith(form) for form in [folded, *stem_variants(folded)]) or \
        any(word_matches(form, word, anchored=True) for form in [folded, *stem_variants(folded)])


@pytest.mark.parametrize(("question", "sql"), [
    ("Павлодардың халқы қанша", "FROM mart.persons WHERE (alive) AND (region = '55')"),
    ("Үй шаруашылықтарының жалпы саны", "FROM mart.households"),
    ("Қарағанды обл. отбасылар саны", "FROM mart.families WHERE (region = '35')"),
    ("avg zp by region", "round(avg(monthly_wage))"),
    ("skolko semey poluchayut ASP", "targeted_social_assistance"),
    ("сколко человек живет в Мангыстау", "region = '47'"),
    ("ВКО халқы қанша", "region = '63'"),
    ("Түркістан облысындағы отбасылар санын хабарлауыңызды сұраймыз", "region = '61'"),
    ("Прошу направить количество семей в Шымкенте", "region = '79'"),
    ("Алматы қ. жұмыс істемейтіндер саны", "NOT coalesce((employed), FALSE)"),
    ("Сколько неработающих мужчин от 18 до 62 лет?", "NOT coalesce((employed), FALSE)"),
    ("Ақтөбе облысында сколько семей тұрады?", "FROM mart.families WHERE (region = '15')"),
    ("сколько неполных семей", "children_under_18 >= 1 AND spouses < 2 AND adults = 1"),
    ("Жалғыз тұратын зейнеткерлер саны", "members = 1 AND pensioners = 1"),
    ("families without housing in Astana", "dwelling_id IS NULL"),
    ("көпбалалы жәрдемақы алатын семьялар саны", "'large_family_allowance'"),
    ("газы немесе суы жоқ отбасылар қанша бар", "((NOT gas) OR (NOT water))"),
    ("семьи без газа или водопровода", "((NOT gas) OR (NOT water))"),
    ("families without gas or water", "((NOT gas) OR (NOT water))"),
    ("женщины с инвалидностью 1 или 2 группы", "(disability_group >= 1) AND (disability_group <= 2)"),
    ("мүгедектігінің 2 тобы бар адамдар саны", "(disability_group = 2)"),
    ("top3 regions w/ most employed people", "(employed)"),
    ("ск-ко выплат АСП больше 100 тыс в 2025", "(amount > 100000)"),
    ("сколько пенсионнеров в Павлодарской области", "FROM mart.persons"),
    ("Средний размер домохозяйства", "round(avg(members), 2) AS avg_household_size FROM mart.households"),
    ("сколько семей где есть пенсионеры", "FROM mart.families WHERE (pensioners > 0)"),
    ("где больше всего многодетных семей", "GROUP BY region ORDER BY count DESC, region LIMIT 1"),
    ("What is the number of families with children under 18 in Astana?", "(children_under_18 >= 1)"),
    ("Назовите регион с наименьшим количеством жилищ.", "ORDER BY count ASC, region LIMIT 1"),
    ("Сколько семей в Костанайской области не имеют газоснабжения?", "(NOT gas)"),
    ("Сомасы 100 000 теңгеден асатын төлемдердің саны қанша?", "SELECT count(*) AS count FROM mart.payments WHERE "
     "(amount > 100000)"),
    ("Сколько выплат произведено на сумму свыше 100 000 тенге?", "SELECT count(*) AS count FROM mart.payments WHERE "
     "(amount > 100000)"),
])
def test_real_phrasings_are_read_by_rules_not_lists(question: str, sql: str) -> None:
    """Abbreviations, Russian typed in Latin, Kazakh stem alternations, request wrappers of any verb, a region's
    other names in any language, negated participles with noun endings, не joined to a Russian word, Russian
    words in a Kazakh question, the family card's criteria as filters, a "without" said once for two things, a
    disability group's number, a Russian word no dictionary holds read as its one-edit neighbour before a prefix
    of another word (пенсионнеров is пенсионеров, not пенсион-: pension payments)."""
    _reads(question, sql)


def test_russian_typed_in_latin_is_said_as_read() -> None:
    compiled = compile_question("skolko naseleniya v Nur-Sultane")
    assert isinstance(compiled, tuple) and compiled[0] == "ru" and "region = '71'" in compiled[1]
    assert "skolko naseleniya v Nur-Sultane → сколко населения в Нур-Султане" in compiled[2]


@pytest.mark.parametrize("question", [
    "Көпбалалы отбасылардың қанша пайызы қолайсыз немесе дағдарыстық деңгейде?",
    "what share of large families are in crisis or unfavourable?",
])
def test_values_of_one_column_joined_by_or_after_the_whole_are_the_part_of_a_share(question: str) -> None:
    """Of large families, the share in crisis or unfavourable: the levels joined by "or" are the part, the large
    families the whole (the levels were put in the whole: the share of large families among the troubled ones)."""
    from ukimet.apps.questions import SharePlan

    plan = compile_question(question)
    assert isinstance(plan, SharePlan), plan
    assert "level IN" in plan.part_sql and "children_under_18 >= 4" in plan.part_sql
    assert "level" not in plan.whole_sql and "children_under_18 >= 4" in plan.whole_sql


@pytest.mark.parametrize(("question", "sql"), [
    ("Абай облысындағы отбасылардың әл-ауқатының орташа балы қанша?", "round(avg(score), 1) AS avg_score FROM "
     "mart.families WHERE (region = '10')"),
    ("Үй шаруашылықтары ең аз тіркелген өңір қайсы?", "ORDER BY count ASC, region LIMIT 1"),
])
def test_a_possessive_is_not_read_as_the_adjective_it_begins_and_which_asks_for_one(question: str, sql: str) -> None:
    """әл-ауқатының (its well-being) is not әл-ауқатты (well-off); қайсы (which) asks for one region."""
    _reads(question, sql)


@pytest.mark.parametrize(("question", "part", "whole"), [
    ("Түркістан облысы халқындағы 18 жасқа толмаған балалардың үлесі қанша?", "(age < 18)",
     "WHERE (alive) AND (region = '61')"),
    ("Какой процент лиц в возрасте от 18 до 29 лет ищет работу?", "(job_seeker)",
     "WHERE (alive) AND (age >= 18) AND (age <= 29)"),
])
def test_a_share_of_a_population_or_of_an_age_said_before_the_verb_takes_it_as_the_whole(question: str, part: str,
                                                                                       whole: str) -> None:
    """Түркістан облысы халқындағы (in Turkistan's population) names the whole in Kazakh; in Russian the first verb
    after the share's word (ищет работу) begins its part: what stands before it is the whole."""
    from ukimet.apps.questions import SharePlan

    plan = compile_question(question)
    assert isinstance(plan, SharePlan), plan
    assert part in plan.part_sql and plan.whole_sql.endswith(whole), (plan.part_sql, plan.whole_sql)


@pytest.mark.parametrize(("question", "metric"), [
    ("median monthly wage for women", "round(median(monthly_wage)) AS median_wage"),
    ("Жан басына шаққандағы табыстың медианасы, Алматы қ.", "round(median(income_per_person)) AS median_income"),
    ("Медиана суммы выплат пенсии по возрасту за 2025 год", "round(median(amount)) AS median_paid"),
    ("мүгедектік жәрдемақысы бір төлемнің орташа сомасы", "round(avg(amount)) AS avg_paid"),
    ("какая средняя сумма одной выплаты пособия многодетным?", "round(avg(amount)) AS avg_paid"),
])
def test_a_way_to_aggregate_said_apart_from_its_measure_finds_their_metric(question: str, metric: str) -> None:
    """"median" and "wage" apart (a word between, the other order, a case ending) make the median wage; the sum of
    payments with "медиана" or "орташа" is the median or average amount paid. "One payment" is no amount of one
    tenge."""
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and metric in compiled[1] and "amount =" not in compiled[1], compiled


def test_a_measure_with_no_way_to_aggregate_it_is_declined_not_counted() -> None:
    declined = compile_question("зарплата в Шымкенте")
    assert not isinstance(declined, tuple) and "зарплата" in str(getattr(declined, "declined", "")), declined


@pytest.mark.parametrize(("question", "condition"), [
    ("Нур-Султан: количество домохозяйств из 5 и более человек", "FROM mart.households WHERE (region = '71') AND "
     "(members >= 5)"),
    ("сколько домохозяйств, где живёт всего один человек?", "FROM mart.households WHERE (members = 1)"),
    ("how many families have exactly 5 members?", "FROM mart.families WHERE (members = 5)"),
    ("Каков средний доход на одного члена семьи в Атырауской области?", "FROM mart.families WHERE (region = '23')"),
    ("Түркістан облысында отбасыларда бір адамға орташа табыс қанша?", "FROM mart.families WHERE (region = '61')"),
    ("How many people over 65 are not receiving a pension?", "(age > 65)"),
])
def test_a_number_of_people_after_it_is_a_family_or_households_size_and_per_one_is_a_rate(question: str,
                                                                                         condition: str) -> None:
    """5 человек, 5 members: the size of a family or household; на одного члена семьи, бір адамға: per member, no
    count; people over 65: a bare number compared, said of people, is their age."""
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and compiled[1].endswith(condition), compiled


@pytest.mark.parametrize(("question", "sql"), [
    ("how many многодетные families in Shymkent?", "WHERE (children_under_18 >= 4) AND (region = '79')"),
    ("skolko pensionerov in Astana?", "AND (region = '71')"),
    ("Ақтөбе облысы бойынша получатели АСП саны", "FROM mart.persons WHERE (alive) AND (region = '15')"),
    ("АӘК алушылар Жамбыл обл", "FROM mart.persons"),
])
def test_russian_words_in_an_english_or_kazakh_question_are_read_and_recipients_are_people(question: str,
                                                                                         sql: str) -> None:
    """A Russian word in an English question is read as in a Russian one, typed in Cyrillic or in Latin letters;
    a benefit's recipients said with no entity are people."""
    _reads(question, sql)


@pytest.mark.parametrize(("question", "condition"), [
    ("people without disability", "NOT coalesce((disability_group IS NOT NULL), FALSE)"),
    ("Сколько людей старше 80 лет без инвалидности?", "NOT coalesce((disability_group IS NOT NULL), FALSE)"),
])
def test_without_is_a_negation_not_an_inflected_with(question: str, condition: str) -> None:
    """"without disability" once matched "with disability" (a word of the phrase begins "without"): the opposite
    number. без and without negate the filter after them."""
    _reads(question, condition)


def test_a_negation_before_nothing_it_can_turn_is_declined_not_dropped() -> None:
    """"not in 2025": "not" stands before a period it cannot turn; answering without it would count 2025 itself.
    (No children under 18 is now turned: families with none.)"""
    declined = compile_question("how many payments not in 2025?")
    assert not isinstance(declined, tuple), declined
    _reads("how many families in Astana have no children under 18?", "NOT coalesce((children_under_18 >= 1)")


@pytest.mark.parametrize(("question", "condition", "said"), [
    ("Алматыоблысындағы балалар саны", "(region = '19')", "Алматыоблысындағы → Алматы облысындағы"),
    ("количествоинвалидов вАктюбинской области", "(region = '15')", "вАктюбинской → в Актюбинской"),
    ("howmany disabledpeople in Almaty region", "(disability_group IS NOT NULL)", "howmany → how many"),
])
def test_two_words_typed_as_one_are_read_apart_and_said_so(question: str, condition: str, said: str) -> None:
    """An uppercase letter inside a word, or a word the vocabulary does not know made of a whole word and a known
    one: two words. Алматыоблысындағы is Алматы облысындағы (the region), never Алматыоблысын дағы (the city)."""
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and condition in compiled[1] and said in compiled[2], compiled


@pytest.mark.parametrize(("question", "sql"), [
    ("How many women receive the childcare allowance?", "FROM mart.persons WHERE (alive) AND (sex = 'F') AND "
     "(contains(CAST(benefits AS VARCHAR), 'childcare_allowance'))"),
    ("Break down dwellings without gas by region.", "FROM mart.dwellings WHERE (NOT gas) GROUP BY region"),
    ("Укажите общую сумму выплат женщинам.", "FROM mart.payments WHERE (sex = 'F')"),
    ("сколько было выплат пособия по уходу за ребенком в 2025 году", "FROM mart.payments WHERE "
     "(kind = 'childcare_allowance')"),
])
def test_a_filter_said_of_another_entity_means_the_same_there(question: str, sql: str) -> None:
    """The childcare allowance is a kind of payment, and the persons and families receiving it; without gas is
    said of families and of dwellings; women, of persons and of the payments made to them (the layer's
    ``carried``)."""
    _reads(question, sql)


@pytest.mark.parametrize(("question", "months"), [
    ("Какая сумма пособий по уходу за ребёнком выплачена с января по март 2025 года?", "BETWEEN 1 AND 3"),
    ("How much childcare allowance was paid from January to March 2025?", "BETWEEN 1 AND 3"),
    ("2025 жылдың қаңтар-наурыз айларында бала күтіміне арналған жәрдемақы бойынша қанша сома төленді?",
     "BETWEEN 1 AND 3"),
    ("Number of pension payments per month in the first half of 2025.", "BETWEEN 1 AND 6"),
    ("сколько выплат в третьем квартале 2025 года", "BETWEEN 7 AND 9"),
])
def test_a_range_of_months_or_a_part_of_the_year_is_read_with_its_year(question: str, months: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and f"(year(paid_on) = 2025) AND (month(paid_on) {months})" in compiled[1], \
        compiled


def test_two_months_said_with_and_are_not_the_months_between_them() -> None:
    """March and May is not March to May: declined rather than counting April."""
    assert not isinstance(compile_question("total paid in march and may 2025"), tuple)


@pytest.mark.parametrize("question", ["Астана қаласында бірінші топтағы мүгедектігі бар адамдар қанша?",
                                      "Сколько лиц с инвалидностью первой группы проживает в Астане?",
                                      "сколько инвалидов I группы в Астане"])
def test_a_disability_group_is_read_by_its_ordinal_or_roman_number(question: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and "(disability_group = 1)" in compiled[1], compiled


@pytest.mark.parametrize(("question", "sql"), [
    ("сколько семей не получают пособие по уходу за ребенком",
     "WHERE (NOT coalesce((contains(CAST(benefit_kinds AS VARCHAR), 'childcare_allowance')), FALSE))"),
    ("многодетные семьи которые не получают пособие многодетным",
     "AND (NOT coalesce((contains(CAST(benefit_kinds AS VARCHAR), 'large_family_allowance')), FALSE))"),
])
def test_a_benefit_named_by_its_kind_is_that_kind_not_any_benefit(question: str, sql: str) -> None:
    """"не получают пособие | пособие по уходу": the generic phrase yields to the kind that its last word begins,
    so the negation is of the childcare allowance; as (no benefit at all) AND (childcare) it was a confident 0."""
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and compiled[1].endswith(sql) and "receives_benefit" not in compiled[1], \
        compiled


@pytest.mark.parametrize(("question", "answered"), [
    ("сколько женщин и пенсионеров в Алматы", False),
    ("Qarağandy oblysynda zeinetkerler men mügedekterdiñ sany qanşa?", False),
    ("а в Шымкенте сколько всего пенсионеров и инвалидов вместе?", True),
    ("How many people are both pensioners and disabled?", True),
])
def test_two_groups_of_people_joined_by_and_are_answered_only_when_it_is_said_which(question: str,
                                                                                   answered: bool) -> None:
    """Pensioners and disabled people: those who are both, or the two groups together? Declined naming both
    unless the question says (одновременно, both: both at once; вместе, together: either)."""
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) == answered, compiled
    if answered and "вместе" in question:
        assert ") OR (disability_group IS NOT NULL)" in compiled[1]  # type: ignore[index]


@pytest.mark.parametrize(("question", "metric"), [
    ("средний доход семьи в Шымкенте", "round(avg(monthly_income))"),
    ("Total utility debt of families, Almaty city", "round(sum(utility_debt))"),
])
def test_a_familys_income_and_its_debt_are_measures_of_their_own(question: str, metric: str) -> None:
    """The average family income is of the family's monthly income, not per person; the total utility debt is
    a sum of the debts, not a count of families in debt."""
    _reads(question, metric)


@pytest.mark.parametrize(("question", "sql"), [
    ("Укажите число жилищ с четырьмя и более комнатами в Алматы.", "FROM mart.dwellings WHERE (region = '75') AND "
     "(rooms >= 4)"),
    ("how many people in Atyrau region have two vehicles?", "AND (vehicles = 2)"),
    ("families that own no property in Pavlodar region", "FROM mart.families WHERE (NOT coalesce((owns_property), "
     "FALSE))"),
    ("How many companies are inactive?", "FROM mart.companies WHERE (NOT active)"),
])
def test_rooms_vehicles_property_and_inactive_companies_are_read(question: str, sql: str) -> None:
    _reads(question, sql)


@pytest.mark.parametrize(("question", "sql"), [
    ("Total targeted social assistance paid in Turkistan Region.", "round(sum(amount)) AS total_paid"),
    ("What was the median pension payment in 2025?", "round(median(amount)) AS median_paid"),
    ("Укажите число семей с несовершеннолетними детьми в городе Астане.", "(children_under_18 >= 1)"),
    ("Каково среднее число жильцов в одном жилище?", "round(avg(residents), 2) AS avg_residents FROM mart.dwellings"),
])
def test_a_total_paid_a_median_of_payments_and_minors_are_read(question: str, sql: str) -> None:
    """"Total ... paid" is the sum paid ("paid" alone may be a count); a median said of payments is of their one
    measure, the amount; в одном жилище is per dwelling."""
    _reads(question, sql)


@pytest.mark.parametrize(("question", "sql"), [
    ("total old age pension payments in February 2025", "round(sum(amount)) AS total_paid"),
    ("Total payments by region", "round(sum(amount)) AS total_paid"),
    ("total number of payments in 2025", "count(*)"),
    ("how many payments in total in 2025", "count(*)"),
])
def test_english_total_payments_are_their_sum_unless_their_number_is_asked(question: str, sql: str) -> None:
    _reads(question, sql)


def test_paid_without_a_total_is_still_not_guessed_a_sum() -> None:
    assert not isinstance(compile_question("АӘК ең көп төленген өңір"), tuple)


@pytest.mark.parametrize(("question", "sql"), [
    ("Су құбырысыз тұратын отбасылар қанша?", "FROM mart.families WHERE (NOT water)"),
    ("газсыз отбасылар", "FROM mart.families WHERE (NOT gas)"),
])
def test_the_kazakh_suffix_without_negates_its_stem(question: str, sql: str) -> None:
    """-сыз/-сіз (without) on a word whose stem the layer knows is that stem and жоқ (no): су құбырысыз is су
    құбыры жоқ; a word the layer lists with the suffix (газсыз) is read as it is."""
    _reads(question, sql)


@pytest.mark.parametrize("question", [
    "Где в 2025 году выплачена большая сумма адресной социальной помощи: в Туркестанской области или в Шымкенте?",
    "Was a larger sum of targeted social assistance paid in 2025 in Turkistan Region or in Shymkent?",
])
def test_a_comparison_beside_a_year_compares_the_named_regions(question: str) -> None:
    """"большая сумма ... в 2025 году": a year beside the comparison's word is no condition it could be on."""
    _reads(question, "round(sum(amount)) AS total_paid", "(region IN ('61', '79'))", "GROUP BY region")


def test_an_english_share_whose_part_is_said_with_receive_takes_what_comes_before_as_the_whole() -> None:
    """What percentage of people with a disability receive the disability allowance: of those with a disability."""
    from ukimet.apps.questions import SharePlan

    plan = compile_question("What percentage of people with a disability receive the disability allowance?")
    assert isinstance(plan, SharePlan), plan
    assert "disability_allowance" in plan.part_sql and "disability_allowance" not in plan.whole_sql
    assert plan.whole_sql.endswith("(disability_group IS NOT NULL)")


@pytest.mark.parametrize("question", [
    "How many families in Almaty city have no member with a disability?",
    "Каково число семей в Алматы, в которых нет членов с инвалидностью?",
    "Алматы қаласында құрамында мүгедектігі бар адам жоқ отбасылар қанша?",
])
def test_families_with_no_disabled_member_are_the_filter_negated(question: str) -> None:
    _reads(question, "FROM mart.families WHERE (region = '75') AND (NOT coalesce((disabled >= 1), FALSE))")


def test_people_with_a_disability_are_people_not_families_with_a_disabled_member() -> None:
    """pymorphy reads люди as человек: a family phrase "человек с инвалидностью" would take "люди с инвалидностью"."""
    _reads("люди с инвалидностью которые не работают сколько их", "FROM mart.persons")


@pytest.mark.parametrize(("question", "region"), [
    ("Кустанайская область — сколько там семей в неблагополучном положении?", "39"),
    ("Гурьевская область: число домохозяйств", "23"),
    ("Кзыл-Орда, сколько молодёжи от 14 до 29 лет?", "43"),
    ("Aktyubinsk oblast: how many job seekers?", "15"),
    ("How many households in Ust-Kamenogorsk?", "63"),
    ("Сколько семей в Актау?", "47"),
    ("Жезқазған жақта, яғни Ұлытау облысында, неше отбасы бар?", "62"),
])
def test_a_regions_old_name_or_its_centre_is_the_region_said_once(question: str, region: str) -> None:
    """The mart holds regions: Кустанайская is Костанайская, Актау is Mangystau's centre; a region named twice
    (by its centre, then by its name) is one filter. "Семей" is no region's name: in Russian it is "of families"."""
    compiled = _reads(question, f"region = '{region}'")
    assert compiled[1].count("region = ") == 1, compiled


@pytest.mark.parametrize(("question", "condition"), [
    ("выплаты > 100 тыс., кол-во, окт. 2025", "amount > 100000"),
    ("payments >= 50000 in 2025", "amount >= 50000"),
    ("семьи с детьми ≥ 3", "children_under_18 >= 3"),
    ("сколько людей < 18 лет", "age < 18"),
    ("ск-ко чел. 18+ и без работы в ЗКО", "age >= 18"),
    ("Маңғыстауда 5+ баласы бар отбасылар", "children_under_18 >= 5"),
    ("disabled ppl w/o job, age 18-62", "age <= 62"),
])
def test_a_sign_typed_before_or_after_a_number_compares_it(question: str, condition: str) -> None:
    """>, <, ≥, ≤ and N+ are read in every language; before, a sign was dropped and "> 100 тыс" was read as
    exactly 100 000."""
    _reads(question, condition)


@pytest.mark.parametrize(("question", "fragment"), [
    ("тренд АСП: кол-во выплат помесячно, H2 2025", "BETWEEN 7 AND 12"),
    ("payments by month, Q1 2025", "BETWEEN 1 AND 3"),
    ("выплаты > 100 тыс., кол-во, окт. 2025", "month(paid_on) = 10"),
    ("сколько у нас мн-детн. семей в Карагандинской обл.?", "children_under_18 >= 4"),
    ("медиана з/п работающих, Алматы", "median(monthly_wage)"),
])
def test_abbreviations_of_periods_months_and_words_are_read(question: str, fragment: str) -> None:
    _reads(question, fragment)


@pytest.mark.parametrize(("question", "metric", "where"), [
    ("средний размер пенсии в 2025", "avg(amount)", "kind = 'old_age_pension'"),
    ("avg pension by region 2025", "avg(amount)", "kind = 'old_age_pension'"),
    ("орташа зейнетақы 2025", "avg(amount)", "kind = 'old_age_pension'"),
    ("медиана пенсии в Астане за 2025", "median(amount)", "region = '71'"),
    ("Ақмешіттегі, Қызылорда облысындағы отбасы табысының медианасы", "median(monthly_income)", "region = '43'"),
    ("Өңірлер бөлінісінде отбасылардың орташа айлық табысы", "avg(monthly_income)", "GROUP BY region"),
    ("Kindly provide the average monthly income per family member in North Kazakhstan region.",
     "avg(income_per_person)", "region = '59'"),
])
def test_an_aggregate_of_a_kind_of_payment_is_of_its_amount_and_size_is_said_of_what_it_measures(
        question: str, metric: str, where: str) -> None:
    """"Средний размер пенсии" is the average pension paid; before, "средний размер" alone was the average family
    size, and the question was answered as the size of families receiving a pension."""
    compiled = _reads(question, metric, where)
    assert "members" not in compiled[1], compiled


@pytest.mark.parametrize(("question", "fragments"), [
    ("Алматыда газ тартылмаған үйлер қанша?", ("mart.dwellings", "region = '75'", "NOT gas")),
    ("Костанайда жылу жок уйлер канша", ("mart.dwellings", "NOT heating")),
    ("Просим представить количество жилых помещений, не обеспеченных отоплением, в СКО.",
     ("mart.dwellings", "NOT heating", "region = '59'")),
    ("200 мыңнан асатын төлемдер саны 2025", ("amount > 200000",)),
    ("Мангыстауда 5тен коп адамы бар отбасылар", ("members > 5", "region = '47'")),
    ("выплаты больше 50к", ("amount > 50000",)),
    ("семьи с 3х детьми", ("children_under_18 = 3",)),
])
def test_kazakh_and_chat_forms_of_numbers_and_dwellings_are_read(question: str, fragments: tuple[str, ...]) -> None:
    """A letter alone in a phrase (г. for город) never starts another word: "Алматыда газ" lost "газ" to "Алматы
    г." before. A number takes its ending typed on (5тен, 3х, 50к) and a Kazakh multiplier its case (мыңнан);
    көп/аз compare; a family's lack of water or heating is said of dwellings too."""
    _reads(question, *fragments)


@pytest.mark.parametrize(("question", "fragments"), [
    ("Average monthly income of families that do not receive any benefits",
     ("avg(monthly_income)", "NOT receives_benefit")),
    ("median monthly wage in Astana", ("median(monthly_wage)",)),
    ("average monthly income per family member", ("avg(income_per_person)",)),
    ("hey, how many people are on an old age pension in Kostanay?", ("receives_pension", "region = '39'")),
    ("Джамбулская обл., кол-во получающих пенсию по возрасту", ("receives_pension", "region = '31'")),
    ("how many Astana families get some kind of benefit?", ("receives_benefit",)),
])
def test_a_qualifier_that_begins_a_phrase_of_the_layer_is_read_in_it(question: str,
                                                                      fragments: tuple[str, ...]) -> None:
    """"Monthly" before a measure is the measure's period (median monthly wage), unless it begins one of the
    layer's phrases (monthly income of families: the family's income, not the income per person)."""
    _reads(question, *fragments)


@pytest.mark.parametrize(("question", "fragment"), [
    ("сколько мужчин или женщин", "sex IN ('M', 'F')"),
    ("среди получателей АСП больше мужиков или женщин?", "GROUP BY sex"),
])
def test_a_short_russian_word_of_a_phrase_never_takes_the_start_of_the_next_word(question: str,
                                                                                  fragment: str) -> None:
    """"или же" (or) took "женщин" as "же" inflected, and "men or women" was answered for men alone."""
    _reads(question, fragment)


@pytest.mark.parametrize(("question", "negated"), [
    ("Қанша отбасы АӘК алмайды?", "NOT coalesce((contains(CAST(benefit_kinds AS VARCHAR), 'targeted_social"),
    ("Қанша адам жұмыс істемейді?", "NOT coalesce((employed), FALSE)"),
    ("бала күтімі бойынша жәрдемақы алмайтын отбасылар саны", "NOT coalesce((contains(CAST(benefit_kinds"),
])
def test_a_negated_kazakh_verb_after_its_filter_negates_it(question: str, negated: str) -> None:
    """"АӘК алмайды" (do not receive TSA): the verb follows what it is said of. Before, the negated verb was read
    as its positive form, a word without meaning, and the families receiving TSA were counted."""
    _reads(question, negated)


@pytest.mark.parametrize(("question", "period"), [
    ("How many companies have been registered since 2020?", "year(registered_on) >= 2020"),
    ("Сколько компаний зарегистрировано начиная с 2020 года?", "year(registered_on) >= 2020"),
    ("2020 жылдан бастап тіркелген компаниялар саны қанша?", "year(registered_on) >= 2020"),
    ("how many companies got registered between 2010 and 2019?", "year(registered_on) BETWEEN 2010 AND 2019"),
    ("Количество зарегистрированных компаний по годам, 2015–2025", "year(registered_on) BETWEEN 2015 AND 2025"),
    ("выплаты с 2024 по 2025 год", "year(paid_on) BETWEEN 2024 AND 2025"),
    ("выплаты с января по март 2025", "month(paid_on) BETWEEN 1 AND 3"),
])
def test_a_period_of_years_since_or_between_is_read(question: str, period: str) -> None:
    """Companies are dated by their registration; a year opens a period (since, начиная с, бастап) or a range of
    years (between ... and, с ... по, 2015–2025)."""
    _reads(question, period)


def test_a_second_year_listed_is_never_read_as_an_amount() -> None:
    """"Payments in 2023 and 2025" was answered as payments of 2025 tenge made in 2023; two years listed are
    declined naming the second (not the years between them either)."""
    declined = compile_question("payments in 2023 and 2025")
    assert not isinstance(declined, tuple) and "2025" in str(getattr(declined, "declined", "")), declined


def test_companies_are_dated_only_where_their_registration_is_said() -> None:
    """"Active companies in 2025" may mean the companies of 2025: declined as a period the data cannot answer, not
    read as those registered in 2025."""
    declined = compile_question("how many active companies were there in 2025")
    assert not isinstance(declined, tuple), declined
    _reads("2020 jyldan bastap tirkelgen kompaniialar sany", "year(registered_on) >= 2020")


@pytest.mark.parametrize(("question", "fragments"), [
    ("колличество женщин в Караганлинской области", ("region = '35'", "Караганлинской → карагандинской")),
    ("топ 3 регона по количеству ищущих работу", ("LIMIT 3", "регона → региона")),
    ("2025 жылы АӘК бойынша барлығы қанша ақша төленді?", ("sum(amount)", "targeted_social_assistance")),
    ("многодет семьи Туркестан обл", ("region = '61'",)),
])
def test_a_slip_inside_an_inflected_stem_and_money_paid_in_total_are_read(question: str,
                                                                          fragments: tuple[str, ...]) -> None:
    """A letter wrong in the stem of an inflected word (Караганлинской) is read as the stem with its ending, and
    said; "барлығы қанша ақша төленді" is the sum paid, while "барлығы қанша төлем төленді" counts payments."""
    compiled = _reads(question, *fragments[:1])
    assert all(f in compiled[1] + compiled[2] for f in fragments), compiled
    assert "count(*)" in _reads("Барлығы қанша төлем төленді 2025 жылы?")[1]


@pytest.mark.parametrize(("question", "fragments"), [
    ("бала кутими бойынша жардемакынын орташа молшери 2025 жылы", ("avg(amount)", "childcare_allowance")),
    ("орт. жан басына табыс Жетісу", ("avg(income_per_person)", "region = '33'")),
    ("2025 жылғы қаңтар–маусым айларындағы зейнетақы төлемдерінің айлық динамикасы (сомасы)",
     ("sum(amount)", "BETWEEN 1 AND 6", "%Y-%m")),
    ("Абай облысында жалғыз тұратын (бір адамнан тұратын) отбасылардың саны", ("members = 1", "region = '10'")),
    ("Гурьев, қазіргі Атырау облысында жұмыс іздеп тіркелгендер қанша?", ("job_seeker", "region = '23'")),
])
def test_kazakh_amounts_monthly_dynamics_and_people_living_alone_are_read(question: str,
                                                                          fragments: tuple[str, ...]) -> None:
    """мөлшері of a payment is its amount; айлық динамикасы is a trend by month; жалғыз тұратын is a family of one."""
    _reads(question, *fragments)


@pytest.mark.parametrize(("question", "read"), [
    ("numbr of familys with 3 childs in Almaty", "numbr → number"),
    ("peple over 75 in Mangistau", "peple → people"),
])
def test_a_five_letter_word_is_read_as_a_longer_word_with_a_letter_dropped(question: str, read: str) -> None:
    """Never as another five-letter word (симей stays declined: семей or сивей?)."""
    assert read in _reads(question)[2]


@pytest.mark.parametrize(("question", "fragments"), [
    ("familys with incom per person below 50 000 in Shymkent", ("income_per_person < 50000", "region = '79'")),
    ("скока семей с доходом на члена семьи меньше 100 тыс в Атырауской", ("income_per_person < 100000",)),
    ("Жан басына шаққандағы табысы 50 000 теңгеден төмен отбасылар қанша?", ("income_per_person < 50000",)),
    ("семьи с доходом на человека от 50 до 100 тыс", ("income_per_person >= 50000", "income_per_person <= 100000")),
    ("семьи из 5 человек с доходом на человека меньше 50 тыс", ("members = 5", "income_per_person < 50000")),
    ("выплаты 50-100 тыс", ("amount >= 50000", "amount <= 100000")),
    ("выплаты больше 1 500 000", ("amount > 1500000",)),
])
def test_income_per_person_limits_and_ranges_in_thousands_are_read(question: str,
                                                                   fragments: tuple[str, ...]) -> None:
    """Income is compared only with the words that say per person (the mart holds the income per person). "От 50 до
    100 тыс" is in thousands at both ends; "50-100" is a range, not 50 100 joined into 50100; a comparison word
    stands before its own number ("из 5 человек ... меньше 50 тыс" is 5 members, not fewer than 5)."""
    _reads(question, *fragments)


def test_income_without_per_person_is_not_read_as_a_limit() -> None:
    declined = compile_question("families with income below 100000")
    assert not isinstance(declined, tuple), declined


def test_a_kazakh_which_of_them_compares_the_named_groups() -> None:
    """"Қайсысында көп" (in which of them more) sets the named regions side by side."""
    _reads("Павлодар мен Қостанайдағы зейнеткерлерді салыстырып берші, қайсысында көп?",
           "region IN ('55', '39')", "GROUP BY region")


@pytest.mark.parametrize(("question", "fragment"), [
    ("Отбасының орташа мөлшері қанша адам?", "avg(members)"),
    ("Какой процент семей в Шымкенте получает хоть какое-то пособие?", "receives_benefit"),
])
def test_people_as_the_unit_of_a_size_and_any_benefit_at_all_are_read(question: str, fragment: str) -> None:
    compiled = compile_question(question)
    said = compiled[1] if isinstance(compiled, tuple) else getattr(compiled, "part_sql", "")
    assert fragment in said, compiled


@pytest.mark.parametrize(("question", "fragments"), [
    ("New old-age pension awards per year, 2015–2025",
     ("FROM mart.benefits", "kind = 'old_age_pension'", "GROUP BY year(start_date)", "BETWEEN 2015 AND 2025")),
    ("сколько назначений АСП в 2025 году", ("FROM mart.benefits", "year(start_date) = 2025")),
])
def test_awards_are_counted_by_their_start_over_years(question: str, fragments: tuple[str, ...]) -> None:
    """Awards (mart.benefits) are their own entity, dated by their start, named "pensions and allowances" so the
    reader sees pensions are in; "per year" before the years is the trend, not a word of the period."""
    _reads(question, *fragments)


@pytest.mark.parametrize(("question", "part", "whole"), [
    ("көп балалы отбасылардың барлық отбасылар ішіндегі үлесі", "children_under_18 >= 4", ""),
    ("Мүгедектігі бар адамдардың арасында жұмыс істейтіндердің үлесі қандай?", "employed",
     "disability_group IS NOT NULL"),
])
def test_a_kazakh_share_whose_part_is_in_the_genitive_before_its_whole(question: str, part: str,
                                                                        whole: str) -> None:
    """"X-тың барлық Y ішіндегі үлесі": X, in the genitive before the whole's words, is the part; a genitive right
    before арасында/ішіндегі is the whole's own noun."""
    from ukimet.apps.questions import SharePlan

    plan = compile_question(question)
    assert isinstance(plan, SharePlan), plan
    assert part in plan.part_sql and part not in plan.whole_sql and whole in plan.whole_sql, plan


@pytest.mark.parametrize(("question", "language", "sql"), [
    ("Almaty qalasynda targeted social assistance alatyn otbasylar qansha?", "kk",
     "contains(CAST(benefit_kinds AS VARCHAR), 'targeted_social_assistance')"),
    ("сколько мүгедектер в Алматы?", "kk", "(disability_group IS NOT NULL)"),
    ("how many көп балалы families in Almaty?", "en", "(children_under_18 >= 4)"),
    ("сколько people старше 80 лет in Kostanay region", "ru", "(age > 80)"),
    ("count of zeinetkerler in Astana", "en", "age >= 63"),
])
def test_a_question_in_two_languages_reads_each_words_in_their_own(question: str, language: str, sql: str) -> None:
    """A Kazakh or English phrase inside a question in another language is read as that phrase (borrowed where it
    cannot be mistaken for a word of the question's own language); where the question's language does not read
    every word, another one that does answers it, the one of the script most of the question is written in
    first."""
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and compiled[0] == language and sql in compiled[1], compiled


@pytest.mark.parametrize(("question", "reading"), [
    ("Астана мен Алматыда жұмыс іздеушілер қанша, салыстырып жіберші", "region IN ('71', '75')"),
    ("Түркістан облысында зейнеткерлер қанша, білесің бе?", "region = '61'"),
    ("Шымкентте көпбалалы отбасы қанша, айтыңызшы", "region = '79'"),
    ("скинь по месяцам, сколько было выплат АСП в 2025", "month"),
    ("слушайте, а где больше всего неблагополучных семей?", "LIMIT 1"),
    ("how many families with exactly 2 kids in Zhambyl region, roughly?", "children_under_18 = 2"),
])
def test_asking_verbs_and_asking_for_an_estimate_only_wrap_the_question(question: str, reading: str) -> None:
    """A verb of asking in any of its imperative forms (Kazakh көрсетші, айтыңызшы, салыстырып жіберші, білесің бе;
    Russian скинь, покажите, слушайте) and "roughly" wrap the question: it is answered, exactly."""
    _reads(question, reading)


@pytest.mark.parametrize("question", ["сколько семей с доходом примерно 100 тысяч", "исключи Алматы, сколько семей",
                                      "жаз айларында қанша төлем жасалды"])
def test_an_estimate_of_a_number_and_verbs_that_change_the_question_are_not_wrappers(question: str) -> None:
    """"About 100 thousand" is no exact filter, "exclude" no request, жаз (summer) no imperative of жаз- (write):
    each is declined, naming the word."""
    assert not isinstance(compile_question(question), tuple)


def test_a_borrowed_english_word_never_takes_a_kazakh_one_it_folds_to() -> None:
    """English "men" folds to Kazakh мен (and): borrowed words are five letters or more, so "Астана мен Алматы" is
    two regions, never men."""
    compiled = compile_question("Астана мен Алматыда жұмыс іздеушілер қанша")
    assert isinstance(compiled, tuple) and "sex" not in compiled[1] and "'71', '75'" in compiled[1], compiled


@pytest.mark.parametrize(("question", "sql"), [
    ("what % of families have a car?", "mart.families WHERE (coalesce(vehicles, 0) >= 1)"),
    ("how many families have exactly 2 kids and no car?", "(coalesce(vehicles, 0) = 0)"),
    ("көлігі бар адамдар саны Павлодар облысы", "mart.persons WHERE (alive) AND (coalesce(vehicles, 0) >= 1)"),
    ("сколько семей без машины в Астане", "mart.families WHERE (coalesce(vehicles, 0) = 0)"),
    ("екі көлігі бар адамдар саны", "(vehicles = 2)"),
])
def test_having_a_vehicle_or_none_is_a_filter_and_a_number_of_them_a_value(question: str, sql: str) -> None:
    """A person or family with no vehicle on record has none (the count is empty, not unknown)."""
    compiled = compile_question(question)
    text = compiled[1] if isinstance(compiled, tuple) else getattr(compiled, "part_sql", "")
    assert sql in text, compiled


def test_a_negated_kazakh_word_the_layer_holds_is_not_read_as_a_negation() -> None:
    """жылжымайтын мүлік is real estate ("immovable property"), not "property that does not move"; алмайды is
    still the negation of алады."""
    _reads("жылжымайтын мүлкі бар адамдар нешеу?", "(owns_property)")
    _reads("Қанша отбасы АӘК алмайды?", "NOT coalesce")


@pytest.mark.parametrize(("question", "sql"), [
    ("Families by number of children under 18", "SELECT children_under_18 AS children, count(*) AS count FROM "
     "mart.families GROUP BY children_under_18"),
    ("Распределение семей по числу детей до 18 лет", "FROM mart.families GROUP BY children_under_18"),
    ("Dwellings by number of rooms", "FROM mart.dwellings GROUP BY rooms"),
    ("families by family size", "FROM mart.families GROUP BY members"),
    ("Мүгедектігі бар адамдар саны бойынша алғашқы 3 өңір", "GROUP BY region"),
])
def test_a_breakdown_by_a_number_is_a_breakdown_not_a_filter(question: str, sql: str) -> None:
    """"By number of children under 18" groups all families (none, one, two ...); its "under 18" is the column's
    definition, not "families with children under 18". "Адамдар саны бойынша" ranks by the number of people."""
    _reads(question, sql)


@pytest.mark.parametrize(("question", "reading"), [
    ("Семей жағында (Абай облысы) қанша отбасы тұрады?", "region = '10'"),
    ("Жезқазған өңірінде (Ұлытау облысы) жұмыс істейтіндер саны", "region = '62'"),
    ("Какая доля детей в населении Семипалатинской области (нынешняя Абайская)?", "region = '10'"),
    ("How many people get an old-age pension around Ust-Kamenogorsk (East Kazakhstan region)?", "region = '63'"),
])
def test_words_that_place_a_region_loosely_only_scope_it(question: str, reading: str) -> None:
    compiled = compile_question(question)
    text = compiled[1] if isinstance(compiled, tuple) else getattr(compiled, "part_sql", "")
    assert reading in text, compiled


def test_a_capitalised_latin_name_in_english_is_not_read_as_a_russian_word() -> None:
    """Semey (the city) typed in an English question is not семей (families): declined, naming it."""
    declined = compile_question("How many children under 18 live around Semey?")
    assert not isinstance(declined, tuple) and "Semey" in str(getattr(declined, "declined", "")), declined


@pytest.mark.parametrize(("typed", "read"), [
    ("skolko semei s 4+ detmi", "семей"), ("mnogodetnye semyi", "многодетные семьи"),
    ("v Karagandinskoi oblasti", "Карагандинской"),
])
def test_russian_typed_in_latin_is_spelt_as_the_dictionary_knows_it(typed: str, read: str) -> None:
    """Latin typing writes и and й, ый and ьи, е and ые alike: a word the dictionary does not know as first read
    is spelt the other way where that makes a word (semei: семей, semyi: семьи)."""
    from ukimet.apps.questions import _from_latin

    assert read in _from_latin(typed)


@pytest.mark.parametrize(("question", "sql"), [
    ("Жұмыс іздеушілер қайда көп: Астанада ма, әлде Шымкент қаласында ма?", "(region IN ('71', '79')) GROUP BY region"),
    ("where are there more large families, Shymkent or Almaty?", "(region IN ('79', '75')) GROUP BY region"),
    ("Көп балалы отбасылар ең көп қайда?", "GROUP BY region ORDER BY count DESC, region LIMIT 1"),
])
def test_where_asks_for_the_place_in_a_comparison_and_in_a_ranking(question: str, sql: str) -> None:
    """Where (қайда) with more (көп) sets the places named side by side; with the most, it ranks the regions."""
    _reads(question, sql)


@pytest.mark.parametrize(("question", "part", "whole"), [
    ("Какую долю среди получателей пенсии составляют женщины?", "(receives_pension) AND (sex = 'F')",
     "WHERE (alive) AND (receives_pension)"),
    ("Among families with children under 18, what percentage are single-parent families?", "adults = 1",
     "WHERE (children_under_18 >= 1)"),
    ("доля женщин среди пенсионеров", "(sex = 'F')", "age >= 61)))"),
])
def test_the_whole_named_after_among_ends_where_the_part_begins(question: str, part: str, whole: str) -> None:
    """"Among X, what share are Y" and "долю среди X составляют Y": the whole runs from among to the share's word
    or its verb; what follows is the part."""
    plan = compile_question(question)
    assert part in getattr(plan, "part_sql", "") and getattr(plan, "whole_sql", "").endswith(whole), plan
    assert part not in getattr(plan, "whole_sql", ""), plan


@pytest.mark.parametrize(("question", "sql"), [
    ("How many dwellings have gas?", "FROM mart.dwellings WHERE (gas)"),
    ("How many dwellings have water, gas, heating and sewerage all together?",
     "WHERE (water) AND (gas) AND (heating) AND (sewerage)"),
    ("Су мен газы бар тұрғын үйлер саны", "WHERE (water) AND (gas)"),
    ("газы немесе суы жоқ отбасылар қанша бар", "((NOT gas) OR (NOT water))"),
    ("Сколько семей не имеют газа или водоснабжения?", "((NOT gas) OR (NOT water))"),
    ("families without gas or with water", "((NOT gas) OR (water))"),
    ("pensioners and disabled people together in Astana", ") OR (disability_group IS NOT NULL))"),
])
def test_utilities_had_are_filters_and_a_without_said_once_is_said_of_each(question: str, sql: str) -> None:
    """Having water, gas, heating or sewerage is a filter as its lack is; "не имеют газа или водоснабжения" lacks
    either; "all together" of things a dwelling has is all at once, while "together" of two groups is either."""
    _reads(question, sql)


@pytest.mark.parametrize(("question", "said"), [
    ("Алматыда қариялар қанша?", "қариялар"), ("how many young people in Almaty", "young"),
    ("сколько пожилых в Астане", "пожилых"),
])
def test_people_of_an_age_the_data_does_not_define_are_declined_asking_for_the_ages(question: str,
                                                                                     said: str) -> None:
    """Youth and the elderly are no one age: without the ages said they are declined, saying so, never read as
    everyone; with them they are the people of those ages."""
    declined = compile_question(question)
    assert not isinstance(declined, tuple) and said in str(getattr(declined, "declined", "")), declined
    _reads("young people aged 18-29 in Almaty", "(age >= 18) AND (age <= 29)")


@pytest.mark.parametrize(("question", "said"), [
    ("how many recipients in Almaty", "recipients"), ("сколько получателей в Астане", "получателей"),
    ("Алматыда алушылар қанша", "алушылар"),
])
def test_recipients_of_nothing_named_are_declined_asking_what_they_receive(question: str, said: str) -> None:
    """"Recipients" alone were read as everyone; with a payment named they are its recipients."""
    declined = compile_question(question)
    assert not isinstance(declined, tuple) and said in str(getattr(declined, "declined", "")), declined
    _reads("сколько получателей АСП в Астане", "targeted_social_assistance")


@pytest.mark.parametrize(("question", "sql"), [
    ("families with no children under 18 in Shymkent", "(region = '79') AND (NOT coalesce((children_under_18 >= 1)"),
    ("how many people not over 60", "(NOT coalesce((age > 60), FALSE))"),
    ("how many families don't receive TSA in Almaty", "(NOT coalesce((contains("),
    ("сколько пенсий ниже 100 тыс в 2025", "(amount < 100000)"),
])
def test_a_not_before_a_number_turns_that_number_and_nothing_after_it(question: str, sql: str) -> None:
    """"No children under 18" is families without children: the "not" turns the number it stands before; it was
    carried to the next filter (not Shymkent), a confident wrong answer. Where it cannot turn what follows it (a
    range, a year), the question is declined naming it."""
    _reads(question, sql)
    assert not isinstance(compile_question("people not in 2025"), tuple)


@pytest.mark.parametrize("question", ["Алматыда 70-тен асқан адамдар қанша?", "Алма-Атада 70-тен асқан қариялар қанша?",
                                      "Алматыда 70-тен жоғары адамдар қанша?"])
def test_a_kazakh_number_with_its_case_ending_written_apart_is_compared_as_an_age(question: str) -> None:
    """70-тен асқан: the ending -тен stands between the number and the word that compares it."""
    _reads(question, "(age > 70)")


@pytest.mark.parametrize("question", ["сколько школьников не учатся", "школьники которые не учатся в школе"])
def test_filters_that_contradict_each_other_are_declined_saying_so(question: str) -> None:
    """Pupils who are not in school: nobody, always. The answer would be 0 whatever the data: declined, naming the
    two filters, never answered."""
    declined = compile_question(question)
    assert not isinstance(declined, tuple), declined
    assert "0" in str(getattr(declined, "declined", "")), declined


@pytest.mark.parametrize(("question", "year"), [
    ("былтыр зейнетақы төлемінің медианасы", 2025),
    ("өткен жылы төленген зейнетақының орташа мөлшері", 2025),
    ("средняя пенсия в прошлом году", 2025),
    ("средняя пенсия в позапрошлом году", 2024),
    ("average pension last year", 2025),
    ("average pension the year before last", 2024),
    ("average pension this year", 2026),
    ("былтыр, яғни 2025 жылы зейнетақы төлемінің медианасы", 2025),  # said twice, one year
])
def test_a_year_said_from_this_one_is_that_year_and_said_so(question: str, year: int,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    import ukimet.apps.questions as questions

    monkeypatch.setattr(questions, "_today", lambda: dt.date(2026, 12, 5))
    _, _sql, understood = _reads(question, f"year(paid_on) = {year}")
    assert f"→ {year}" in understood, understood


def test_a_year_said_from_this_one_beside_another_year_is_not_chosen_between(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    import ukimet.apps.questions as questions

    monkeypatch.setattr(questions, "_today", lambda: dt.date(2026, 12, 5))
    declined = compile_question("average pension last year in 2023")
    assert not isinstance(declined, tuple) and "last" in str(getattr(declined, "declined", "")), declined


@pytest.mark.parametrize("question", ["зейнетақы орташа мөлшері 2025 жылдың 2-тоқсанында",
                                      "средняя пенсия во 2 квартале 2025", "средняя пенсия за 2 кв. 2025",
                                      "average pension in Q2 2025"])
def test_a_quarter_said_by_its_digit_is_its_three_months(question: str) -> None:
    _reads(question, "year(paid_on) = 2025", "month(paid_on) BETWEEN 4 AND 6")


def test_kv_before_a_metre_is_no_quarter() -> None:
    compiled = compile_question("Средняя площадь жилья в Атырау, кв. м, 2025")
    assert not isinstance(compiled, tuple) or "BETWEEN" not in compiled[1], compiled


@pytest.mark.parametrize(("question", "typed", "read"), [
    ("how many wmen in Kostanay region", "wmen", "women"),
    ("how mnay families in Shymkent", "mnay", "many"),
    ("totl amount of survivor allowance paid in 2025", "totl", "total"),
])
def test_a_four_letter_english_slip_is_read_as_its_word_and_said_so(question: str, typed: str, read: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and f"{typed} → {read}" in compiled[2], compiled


@pytest.mark.parametrize("question", ["how many people live here", "how many hens in Almaty"])
def test_a_short_english_word_is_not_guessed_from_a_changed_first_letter(question: str) -> None:
    compiled = compile_question(question)
    assert not isinstance(compiled, tuple), compiled


@pytest.mark.parametrize("question", [
    "Жәрдемақы алатын және алмайтын отбасылардың жан басына шаққандағы орташа табысын салыстырыңыз.",
    "Сравните средний доход на душу у семей, получающих пособия, и у семей, которые их не получают.",
    "Compare the average income per person of families that receive benefits with those that do not.",
    "average income per person: families receiving benefits vs families not receiving benefits",
])
def test_a_filter_beside_its_opposite_splits_the_rows_into_both(question: str) -> None:
    """Families receiving a benefit and those receiving none, said whole or with the second left out (those that do
    not; которые их не получают; алатын және алмайтын): one row each, not a contradiction answered 0."""
    _reads(question, "SELECT receives_benefit AS receives_benefit",
           "GROUP BY receives_benefit ORDER BY receives_benefit")


def test_a_filter_and_its_opposite_joined_by_and_count_each_side() -> None:
    _reads("families with gas and without gas", "GROUP BY gas", "FROM mart.families")



@pytest.mark.parametrize(("question", "condition"), [
    ("Количество семей, в которых есть инвалид или пенсионер, по Алматинской области",
     "((disabled >= 1) OR (pensioners > 0))"),
    ("сколько семей с детьми и пенсионерами", "(children_under_18 >= 1) AND (pensioners > 0)"),
    ("childless families in Astana", "NOT coalesce((children_under_18 >= 1), FALSE)"),
])
def test_a_filter_of_people_said_of_families_is_families_with_such_a_member(question: str, condition: str) -> None:
    _reads(question, "FROM mart.families", condition)


def test_how_many_said_of_each_group_answers_each_in_its_row() -> None:
    _reads("How many employed men and how many employed women are there in Almaty city?",
           "(employed)", "sex IN ('M', 'F')", "GROUP BY sex")


@pytest.mark.parametrize("question", ["Жұмыс іздеушілер саны бойынша алдыңғы үш өңірді атаңыз.",
                                      "leading 3 regions by number of job seekers"])
def test_leading_regions_are_a_top_n(question: str) -> None:
    _reads(question, "ORDER BY count DESC, region LIMIT 3")


@pytest.mark.parametrize("question", [
    "Сколько жилищ обеспечены всеми четырьмя видами удобств: водой, газом, отоплением и канализацией?",
    "We request data on the number of dwellings with all four utilities (water, gas, heating and sewerage).",
    "Су, газ, жылу және кәріз — төрт коммуналдық қызметтің барлығы бар тұрғын үйлер саны қанша?"])
def test_all_four_utilities_are_each_of_them(question: str) -> None:
    _reads(question, "FROM mart.dwellings", "water AND gas AND heating AND sewerage")


@pytest.mark.parametrize("question", ["childless families with 4 or more children", "children aged 70",
                                      "children older than 65"])
def test_bounds_no_number_meets_together_are_declined_as_a_contradiction(question: str) -> None:
    """No family is childless with four children, no child is 70: the answer would be 0 whatever the data."""
    declined = compile_question(question)
    assert not isinstance(declined, tuple) and "0" in str(getattr(declined, "declined", "")), declined


@pytest.mark.parametrize("question", ["Қарызы бар отбасылар саны", "Алматыда қарызы бар отбасылар"])
def test_a_kazakh_word_that_folds_like_another_is_not_read_as_it(question: str) -> None:
    """қарызы (debt) and кәрізі (sewerage) fold alike; typed with қ it is not кәріз: never families with sewerage."""
    compiled = compile_question(question)
    assert not isinstance(compiled, tuple) or "sewerage" not in compiled[1], compiled


@pytest.mark.parametrize("question", ["кәрізі бар тұрғын үйлер", "кариз бар уйлер"])
def test_a_kazakh_word_typed_with_russian_letters_is_still_read(question: str) -> None:
    _reads(question, "(sewerage)")


@pytest.mark.parametrize(("question", "condition"), [
    ("Кәріз жүйесіне қосылмаған тұрғын үйлер саны", "NOT sewerage"),
    ("сколько домов без отопления в Акмолинской области", "NOT heating"),
    ("Средняя площадь жилья в Уральске (ЗКО), кв. м", "avg(area_m2)"),
    ("Количество семей в Гурьевской области, живущих без газа", "NOT gas"),
    ("коммуналдық қарызы бар отбасылардың қарызы жалпы қанша теңге болады?", "sum(utility_debt)"),
])
def test_units_and_words_of_connection_and_living_are_read(question: str, condition: str) -> None:
    _reads(question, condition)


@pytest.mark.parametrize(("question", "fragment"), [
    ("Ауқатты отбасылар саны", "level = 'well_off'"),
    ("Кәмелетке толмаған балалары бар отбасылардың ішінде толық емес отбасылар қанша пайызды құрайды?", None),
    ("Сколько пенсионных выплат производилось ежемесячно в первом полугодии 2025 года?",
     "month(paid_on) BETWEEN 1 AND 6"),
    ("Каково количество семей, в составе которых есть человек с инвалидностью, в Карагандинской области?",
     "disabled >= 1"),
])
def test_fillers_of_official_letters_and_kazakh_level_words_are_read(question: str, fragment: str | None) -> None:
    compiled = compile_question(question)
    assert not isinstance(compiled, Answer), compiled
    assert fragment is None or fragment in (compiled[1] if isinstance(compiled, tuple) else compiled.part_sql), compiled


@pytest.mark.parametrize(("question", "part"), [
    ("Какой процент домохозяйств состоит из 1 человека?", "members = 1"),
    ("Түркістан облысы халқындағы 18 жасқа толмаған балалардың үлесі қанша?", "age < 18"),
])
def test_a_number_after_from_is_what_the_part_consists_of_not_its_whole(question: str, part: str) -> None:
    plan = compile_question(question)
    assert isinstance(plan, SharePlan) and part in plan.part_sql and part not in plan.whole_sql, plan


@pytest.mark.parametrize("question", ["how many one-person households",
                                      "kak mnogo domokhozyaistv iz odnogo cheloveka?"])
def test_one_person_households_are_households_of_one_member(question: str) -> None:
    _reads(question, "FROM mart.households", "members = 1")


@pytest.mark.parametrize(("question", "fragments"), [
    ("сколько человек с зарплатой выше 500 тыс в Астане", ["monthly_wage > 500000", "region = '71'"]),
    ("Жалақысы 200 мың теңгеден асатын адамдар саны", ["monthly_wage > 200000"]),
    ("скока работающих с зарплатой от 300 до 500 тыс в Астане", ["monthly_wage >= 300000", "monthly_wage <= 500000"]),
    ("average wage of people over 30", ["avg(monthly_wage)", "age > 30"]),
])
def test_a_wage_said_with_an_amount_bounds_the_wage(question: str, fragments: list[str]) -> None:
    _reads(question, *fragments)


def test_a_bound_on_an_average_said_once_is_declined_not_read_as_the_rows() -> None:
    """Average wage above 300 000 asks where the average is above it, not the average of the high wages."""
    declined = compile_question("средняя зарплата выше 300 тыс в Астане")
    assert isinstance(declined, Answer) and "среднее" in str(declined.declined), declined
    _reads("средний возраст людей с зарплатой выше 300 тыс", "avg(age)", "monthly_wage > 300000")


@pytest.mark.parametrize(("question", "fragment"), [
    ("Шымкенттегі тұрмысы төмен отбасылар", "income_per_person < "),
    ("малоимущие семьи в Астане", "income_per_person < "),
    ("how many low-income families nationwide", "income_per_person < "),
    ("Елімізде жалғыз тұратын зейнеткерлер саны қанша?", "pensioners = 1"),
])
def test_colloquial_names_of_low_income_and_the_scope_of_the_country_are_read(question: str, fragment: str) -> None:
    _reads(question, fragment)


@pytest.mark.parametrize(("question", "fragments"), [
    ("зейнетақы алған әйелдер саны", ["FROM mart.persons", "(receives_pension)", "sex = 'F'"]),
    ("Жәрдемақы алған отбасылар саны", ["FROM mart.families", "(receives_benefit)"]),
    ("Жәрдемақы алмаған отбасылар саны", ["FROM mart.families", "(NOT receives_benefit)"]),
    ("жұмыс істемеген ерлер саны", ["NOT coalesce((employed), FALSE)"]),
])
def test_a_kazakh_past_participle_is_read_as_the_present_one(question: str, fragments: list[str]) -> None:
    """зейнетақы алған әйелдер: women who received a pension (people, as the mart holds them now), never the
    pension payments made to women; алмаған, істемеген: the same negated."""
    _reads(question, *fragments)


@pytest.mark.parametrize("question", ["сколько многодетных семей отдельно в Шымкенте и Туркестанской области",
                                      "families in crisis or unfavourable separately in Astana"])
def test_separately_asks_for_a_row_each(question: str) -> None:
    _reads(question, "GROUP BY")


@pytest.mark.parametrize(("question", "words"), [
    ("Шымкентте жұмыссыздық бойынша жәрдемақы алатындар қанша?", "жұмыссыздық бойынша жәрдемақы"),
    ("Сколько получателей пособия по безработице в Шымкенте?", "пособия по безработице"),
    ("unemployment benefit recipients in Shymkent", "unemployment benefit"),
])
def test_a_payment_the_data_do_not_hold_is_declined_naming_those_held(question: str, words: str) -> None:
    """Unemployment benefit is not one of the state allowances held: never job seekers receiving any benefit."""
    declined = compile_question(question)
    assert isinstance(declined, Answer) and declined.declined is not None, declined
    assert words in declined.declined, declined.declined
    held = compile_question("unemployment benefit")
    assert isinstance(held, Answer) and "birth allowance" in str(held.declined), held


@pytest.mark.parametrize("question", ["zeinetkerler и мүгедектер вместе, Костанайская обл — jalpy sany",
                                      "pensioners and disabled together in Kostanay"])
def test_together_joins_two_groups_into_either_in_a_question_of_two_languages(question: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple), compiled
    assert ") OR (disability_group IS NOT NULL)" in compiled[1], compiled[1]


@pytest.mark.parametrize(("question", "school_only"), [
    ("Almaty oblysy: mektepte oqityn balalar sany", True),
    ("children in school in Astana", True),
    ("дети, не посещающие школу", False),
])
def test_children_in_school_are_the_pupils_but_children_out_of_school_keep_their_age(question: str,
                                                                                    school_only: bool) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple), compiled
    assert ("age < 18" not in compiled[1]) == school_only, compiled[1]


def test_a_share_of_a_filter_and_an_age_of_something_else_asks_which_is_the_whole() -> None:
    """доля занятых 18-62 лет: of everyone, or of those aged 18-62? Said, not guessed; a group's own age said
    again (доля детей до 18 лет) is no second filter."""
    declined = compile_question("Доля занятых 18-62 лет, Атырау, %")
    assert isinstance(declined, Answer) and declined.declined, declined
    assert isinstance(compile_question("Какова доля детей до 18 лет в населении Туркестанской области?"), SharePlan)


@pytest.mark.parametrize(("question", "sql"), [
    ("What is the average dwelling area?", "round(avg(area_m2), 1)"),
    ("средняя площадь жилья в Астане", "region = '71'"),
    ("persons aged 63 and over receiving an old-age pension", "(receives_pension) AND (age >= 63)"),
    ("older than 65 years old", "age > 65"),
    ("company registrations by year 2016-2025", "GROUP BY year(registered_on)"),
    ("Targeted social assistance paid per month, January-June 2025 (KZT)", "round(sum(amount))"),
    ("Сколько пенсионеров по возрасту живёт в Чимкенте?", "(sex = 'F' AND age >= 61)"),
])
def test_measures_units_and_ages_are_read_where_people_put_them(question: str, sql: str) -> None:
    """An average of a dwelling's area said apart ("average dwelling area"); an age said by "aged" before its
    number is not taken again from an old-age pension further on; a currency beside "paid" asks the sum."""
    compiled = compile_question(question)
    assert isinstance(compiled, tuple), compiled
    assert sql in compiled[1], compiled[1]


@pytest.mark.parametrize(("question", "sql"), [
    ("Түркістан облысындағы бірінші топтағы мүгедектігі бар адамдардың санын нақтылап беруіңізді өтінеміз.",
     "disability_group = 1"),
    ("Түркістан облысында жалғыз басты ата-анасы бар отбасылар қанша?", "adults = 1"),
])
def test_a_kazakh_converb_before_a_request_is_part_of_the_request(question: str, sql: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple), compiled
    assert sql in compiled[1], compiled[1]


def test_a_question_with_no_latin_letter_is_never_answered_in_english() -> None:
    """A Russian question whose every word only an English reading covered (a slip corrected there) was answered
    in English: the answer is in the asker's language or not at all."""
    answer = compile_question("получатели пособия по безработице в Шымкенте")
    assert isinstance(answer, Answer) and answer.language == "ru", answer


@pytest.mark.parametrize(("question", "sql"), [
    ("Average income per family member: Akmola, Kostanay and North Kazakhstan regions compared",
     "avg(income_per_person)"),
    ("Прошу представить сведения о медианном доходе на одного члена семьи по республике.",
     "median(income_per_person)"),
    ("Облыстар бөлінісінде отбасы мүшесіне шаққандағы орташа табыс", "avg(income_per_person)) AS avg_income FROM "
     "mart.families GROUP BY region"),
    ("Kindly provide the average monthly income per family member for families in North Kazakhstan region.",
     "avg(income_per_person)) AS avg_income FROM mart.families WHERE (region = '59')"),
    ("сколько семей с доходом меньше 50 тыс на человека", "income_per_person < 50000"),
    ("сколько семей с доходом ниже 50000 тенге на человека", "income_per_person < 50000"),
    ("семьи из 5 человек", "members = 5"),
])
def test_per_person_beside_income_says_what_the_mart_holds_and_changes_nothing(question: str, sql: str) -> None:
    """The mart's income is per person: "per family member", на одного члена семьи, отбасы мүшесіне шаққандағы
    beside the word for income are read, wherever the number of a limit stands ("50 тыс на человека" is money
    per person, not a family of 50 000 members)."""
    _reads(question, sql)


@pytest.mark.parametrize(("question", "sql"), [
    ("Ұлытау облысындағы көлігі бар азаматтардың саны жөнінде ақпарат ұсынуды сұраймыз.", "vehicles"),
    ("Астанадағы зейнеткерлер санын беруді өтінемін", "region = '71'"),
    ("2025 жылғы әлеуметтік төлемдер сомасының айлар бойынша серпіні", "sum(amount)"),
    ("сумма социальных выплат в 2025 году по месяцам", "FROM mart.payments"),
    ("total social payments in 2025 by month", "strftime(paid_on, '%Y-%m')"),
    ("Жилищный фонд по количеству комнат", "GROUP BY rooms"),
    ("housing stock by number of rooms", "FROM mart.dwellings"),
    ("Алматы vs Шымкент — где больше ищущих работу?", "region IN ('75', '79')"),
])
def test_requests_scopes_and_synonyms_people_write_are_read(question: str, sql: str) -> None:
    """A Kazakh verbal noun the asking verb governs (ұсынуды сұраймыз, беруді өтінемін) wraps the request; social
    payments are the payments (every payment held is a social one); the housing stock is the dwellings; "vs"
    compares in Russian as in English."""
    _reads(question, sql)


@pytest.mark.parametrize("question", [
    "2020-2025 жылдары тағайындалған жәрдемақылар мен зейнетақылардың саны жылдар бойынша қандай?",
    "число назначенных пособий и пенсий по годам с 2020 по 2025",
    "number of benefit awards and pensions by year 2020-2025",
])
def test_the_whole_and_a_part_of_it_are_the_whole(question: str) -> None:
    """Awards of allowances and pensions: the awards are the pensions and the allowances, so "awards and pensions"
    is every award. It was read as the pensions alone, a wrong number on a held corpus (realworld8's first run)."""
    _, sql, _ = _reads(question, "FROM mart.benefits", "BETWEEN 2020 AND 2025")
    assert "kind" not in sql, sql


@pytest.mark.parametrize(("question", "sql"), [
    ("average pension paid in 2025 in Atyrau region", "round(avg(amount)) AS avg_paid FROM mart.payments"),
    ("what was the avg pension payout in Dec 2025?", "month(paid_on) = 12"),
    ("persons who dont recieve any benfit in Astana", "NOT receives_benefit"),
    ("Көпбалалы отбасылар ең көп шоғырланған облыс қайсы?", "ORDER BY count DESC, region LIMIT 1"),
    ("Сравнительная таблица: получатели АСП в Кызылординской, Туркестанской и Жамбылской областях",
     "region IN ('43', '61', '31')"),
    ("Please furnish the number of job seekers aged 16 to 25 nationwide.", "(age >= 16) AND (age <= 25)"),
])
def test_words_of_chat_and_reports_that_change_nothing_are_read(question: str, sql: str) -> None:
    """"paid" after an average of a payment says no more ("average pension paid"); a payout is a payment; "dont"
    typed without its apostrophe is "don't"; шоғырланған (concentrated), a comparative table, "furnish" wrap what
    is asked."""
    _reads(question, sql)


@pytest.mark.parametrize(("question", "sql"), [
    ("how mny dwelings have no water and no gas", "(NOT water) AND (NOT gas)"),
    ("сумма выплат пособия на рожление ребенка за 2025 гд", "year(paid_on) = 2025"),
    ("average pension amount in 2025", "round(avg(amount)) AS avg_paid"),
    ("средняя pension amount в декабре 2025", "month(paid_on) = 12"),
    ("В рамках мониторинга просим представить медианный размер месячного дохода семей в разрезе регионов.",
     "median(monthly_income)"),  # размер of an income is no payment's
])
def test_chat_shorthand_and_amounts_said_apart_are_read(question: str, sql: str) -> None:
    """mny, гд typed for many and год; "amount" after a payment's kind (average pension amount) is the amount paid,
    while размер of a family's income stays the income."""
    _reads(question, sql)


@pytest.mark.parametrize(("question", "sql"), [
    ("ағайын, газсыз тұрғын үйлер барлық үйдің қанша пайызы?", None),
    ("Республика бойынша меншігінде жылжымайтын мүлкі бар отбасылардың үлесін (пайызбен) беруіңізді сұраймыз.", None),
    ("2025 жылғы көп балалы отбасыларға жәрдемақы төлемдерінің айлық динамикасы (сомасы)",
     "kind = 'large_family_allowance'"),
    ("сколько семей должны за коммуналку в Павлодаре", "utility_debt > 0"),
])
def test_kazakh_and_russian_forms_of_the_layers_words_are_read(question: str, sql: str | None) -> None:
    """үйдің (of a house), меншігінде (in ownership), көп балалы отбасыларға жәрдемақы written apart, должны за
    коммуналку: the first two are shares, the others answers."""
    compiled = compile_question(question)
    if sql is None:
        assert isinstance(compiled, SharePlan), compiled
    else:
        assert isinstance(compiled, tuple) and sql in compiled[1], compiled


@pytest.mark.parametrize(("question", "sql"), [
    ("В целях подготовки справки прошу указать число граждан старше 80 лет, получающих пенсию по возрасту, в "
     "Алматинской области.", "(receives_pension) AND (region = '19') AND (age > 80)"),
    ("отбасы құрамы орташа, Маңғыстау", "avg(members), 2) AS avg_members FROM mart.families WHERE (region = '47')"),
])
def test_an_official_letters_purpose_and_a_kazakh_word_order_change_nothing(question: str, sql: str) -> None:
    """"В целях подготовки справки" is the purpose of the letter, not of the count; отбасы құрамы орташа is the
    average family size said in a terse order."""
    _reads(question, sql)


@pytest.mark.parametrize(("converb", "auxiliary", "participles"), [
    ("алып", "жүрген", ["алитын", "алатын"]), ("оқып", "жүрген", ["оқитын", "оқатын"]),
    ("істеп", "жүргендер", ["істейтіндер"]), ("іздеп", "жүрген", ["іздейтін"]),
    ("келіп", "жүр", ["келитін", "келетін"]),
    ("алып", "барды", []), ("кеп", "жүрген", []),
])
def test_a_kazakh_converb_with_zhur_is_its_present_participle_on_the_paradigm(converb: str, auxiliary: str,
                                                                             participles: list[str]) -> None:
    """The rule, not a list: -ып/-іп/-п жүр- says an action goes on (алып жүрген, receiving); its stem takes the
    present participle's ending in its vowels' harmony; a stem in ы or і (оқы-п) and a consonant's (ал-ып) are both
    offered, and the vocabulary tells which."""
    from ukimet.apps.questions import kazakh_progressive

    assert kazakh_progressive(converb, auxiliary) == participles


@pytest.mark.parametrize(("question", "sql"), [
    ("бала күтімі бойынша жәрдемақы алып жүрген адамдар елде нешеу екен, білесіздер ме?",
     "'childcare_allowance'"),
    ("Түркістанда мектепте оқып жүрген балалар нешеу, айтып жіберші", "(region = '61') AND (in_school)"),
    ("жұмыс іздеп жүрген адамдар саны", "(job_seeker)"),
])
def test_a_kazakh_action_said_as_going_on_is_its_filter(question: str, sql: str) -> None:
    _reads(question, sql)


def test_a_latin_letter_typed_among_cyrillic_ones_is_the_cyrillic_letter_it_looks_like() -> None:
    """болee (two Latin e after a layout switch) is более; Aлматы with a Latin A is Алматы; a Latin word with a
    Cyrillic е is Latin; a word in one script is left alone."""
    from ukimet.apps.questions import one_script

    assert one_script("с 4 и болee комнатами") == "с 4 и более комнатами"
    assert one_script("Aлматы") == "Алматы" and one_script("pеnsioners") == "pensioners"
    assert one_script("ASP и АСП") == "ASP и АСП"
    _reads("количество жилья с 4 и болee комнатами в Туркестанскй обл", "(rooms >= 4)", "(region = '61')")


def test_a_disability_group_in_roman_numerals_is_its_number() -> None:
    from ukimet.apps.questions import arabic_groups

    assert arabic_groups("инвалиды I гр., II группы, group III, III топ") == \
        "инвалиды 1 гр., 2 группы, group 3, 3 топ"
    assert arabic_groups("I have II questions") == "I have II questions"
    _reads("кол-во инвалидов I гр. по РК", "(disability_group = 1)")


@pytest.mark.parametrize(("question", "sql"), [
    ("Кызылорда облысында коммуналдык карызы бар адамдар саны канша", "FROM mart.persons WHERE (alive) AND "
     "(region = '43') AND (utility_debt > 0)"),
    ("ребят, а сколько в Астане людей с долгами за коммуналку?", "FROM mart.persons"),
    ("Which region has the most people with utility debt?", "FROM mart.persons WHERE (alive) AND (utility_debt > 0)"),
    ("how many families with utility debt in Astana", "FROM mart.families WHERE (utility_debt > 0)"),
])
def test_people_with_utility_debt_are_persons_and_families_with_it_families(question: str, sql: str) -> None:
    """A person's own utility debt is in the mart: "people with utility debt" are those persons, not a clash of
    people and families."""
    _reads(question, sql)


@pytest.mark.parametrize(("question", "sql"), [
    ("Сколько пособий и пенсий назначалось ежегодно с 2010 по 2016 год?",
     "FROM mart.benefits WHERE (year(start_date) BETWEEN 2010 AND 2016) GROUP BY"),
    ("Сколько выплачено пособий и пенсий в 2025 году?", "FROM mart.payments WHERE (year(paid_on) = 2025)"),
])
def test_a_kind_and_every_other_kind_said_together_are_all_of_them(question: str, sql: str) -> None:
    """Allowances (every kind but the pension) and pensions: all awards or payments, never the contradiction of a
    kind that is both, which answered nothing."""
    _reads(question, sql)


@pytest.mark.parametrize(("question", "sql"), [
    ("Павлодар және Шығыс Қазақстан облыстарында жасына байланысты зейнетақы алатын адамдар санын салыстырыңыз.",
     "(receives_pension) AND (region IN ('55', '63')) GROUP BY region"),
    ("How many people receive both an old age pension and a disability allowance?",
     "(receives_pension) AND (contains(CAST(benefits AS VARCHAR), 'disability_allowance'))"),
    ("2015-2024 жылдар аралығында тағайындалған жәрдемақылар саны жыл сайын қалай өзгерді?",
     "BETWEEN 2015 AND 2024"),
    ("How many old-age pensions were awarded in each year from 2021 to 2025?",
     "FROM mart.benefits WHERE (kind = 'old_age_pension') AND (year(start_date) BETWEEN 2021 AND 2025)"),
    ("2025 жылғы бала күтімі жөніндегі жәрдемақы төлемдерінің саны, айлар бөлінісінде", "strftime(paid_on, '%Y-%m')"),
    ("Әрекет ететін компаниялар ең көп тіркелген облыс қайсы?", "WHERE (active) GROUP BY region"),
    ("hey, how many big families (4+ kids) are there in Almaty region?", "(children_under_18 >= 4)"),
])
def test_people_receiving_a_pension_awards_by_year_and_breakdowns_are_read(question: str, sql: str) -> None:
    """People who receive the old-age pension are persons (not its payments); awards "were awarded" and
    "назначались" by year; 2015-2024 жылдар аралығында is the period; айлар бөлінісінде is by month; әрекет ететін
    компаниялар are the active ones; big families are the large ones."""
    _reads(question, sql)


@pytest.mark.parametrize(("question", "sql"), [
    ("2025 жылдың бірінші жартысында атаулы әлеуметтік көмек бойынша барлығы қанша қаражат төленді?",
     "round(sum(amount)) AS total_paid"),
    ("Мүгедектігі бойынша жәрдемақы жылдар бойынша неше рет тағайындалды?", "FROM mart.benefits WHERE "
     "(kind = 'disability_allowance') GROUP BY year(start_date)"),
    ("2025 жылғы қазан айында неше төлем жүргізілді?", "(month(paid_on) = 10)"),
    ("Ақмола облысы бойынша есеп: тұрғындардың жалпы саны.", "FROM mart.persons WHERE (alive) AND (region = '11')"),
    ("уй шаруашылыгынын орташа мушеси неше адам", "round(avg(members), 2) AS avg_household_size"),
    ("Павлодарда семьи с долгом по коммуналке қанша?", "(region = '55') AND (utility_debt > 0)"),
])
def test_kazakh_report_wrappers_and_finite_verbs_are_read(question: str, sql: str) -> None:
    """қаражат (funds) paid is the sum paid; тағайындалды and жүргізілді, finite verbs, are the awards and payments;
    "есеп:" (a report) wraps the question; мүшесі typed without its letters; с долгом по коммуналке in a Kazakh
    question."""
    _reads(question, sql)


@pytest.mark.parametrize(("question", "sql"), [
    ("quick one - how many folks in Almaty got a birth allowance?", "FROM mart.persons WHERE (alive) AND "
     "(region = '75') AND (contains(CAST(benefits AS VARCHAR), 'birth_allowance'))"),
    ("ребят, а сколько в Алмате народу ищет работу?", "(region = '75') AND (job_seeker)"),
    ("В Чимкенте сколько ребятишек до 18 лет?", "(region = '79') AND (age < 18)"),
])
def test_colloquial_words_for_people_and_children_are_read(question: str, sql: str) -> None:
    _reads(question, sql)


@pytest.mark.parametrize(("question", "fragments"), [
    ("total no of cars owned by ppl in pavlodar region?", ("sum(vehicles)", "region = '55'")),
    ("Павлодар облысындағы тұрғындардың көліктерінің жалпы саны", ("sum(vehicles)", "region = '55'")),
    ("среднее количество комнат в жилищах", ("round(avg(rooms), 1)", "mart.dwellings")),
    ("Каков медианный годовой доход жителей Карагандинской области?",
     ("median(annual_income)", "region = '35'")),
    ("Астана қаласында жұмыс істейтін адамдардың айлық жалақысының медианасы қандай?",
     ("median(monthly_wage)", "employed")),
    ("2020-дан бастап тіркелген компаниялар саны", ("year(registered_on) >= 2020",)),
    ("2020 дан бери канша компания тиркелди", ("year(registered_on) >= 2020",)),
    ("Сколько жилых помещений в Астане или Алматы подключено к газу?", ("gas", "region IN ('71', '75')")),
    ("орталық жылытуы жоқ тұрғын үйлер саны", ("NOT heating", "mart.dwellings")),
    ("Monthly number of targeted social assistance payments in 2025.", ("strftime(paid_on, '%Y-%m')",)),
])
def test_totals_of_what_people_own_the_kinds_of_income_and_the_kazakh_ending_after_a_year_are_read(
        question: str, fragments: tuple[str, ...]) -> None:
    """Vehicles owned (a sum, not the owners), rooms, the persons' annual income, айлық жалақы, a year with its
    ending typed apart (2020-дан бастап) and a registration verb typed without Kazakh letters; "monthly" before
    a count is still a trend, not a wage."""
    _reads(question, *fragments)


@pytest.mark.parametrize("question", ["Сколько машин зарегистрировано в Астане?",
                                      "How many cars are registered in Astana?"])
def test_where_a_vehicle_is_registered_is_declined_saying_what_the_data_hold(question: str) -> None:
    declined = compile_question(question)
    assert isinstance(declined, Answer), declined
    assert "Astana" in str(declined.declined) or "Астан" in str(declined.declined)


@pytest.mark.parametrize(("question", "fragments"), [
    ("2015 жылдан кейін тіркелген компаниялар нешеу?", ("year(registered_on) >= 2016",)),
    ("сколько компаний зарегистрировано после 2015 года", ("year(registered_on) >= 2016",)),
    ("companies registered after 2015", ("year(registered_on) >= 2016",)),
    ("companies registered since 2015", ("year(registered_on) >= 2015",)),
    ("Жәрдемақы немесе зейнетақы алуы тоқтатылған тағайындаулардың саны қанша?", ("mart.benefits", "NOT active")),
    ("қолданыстағы тағайындаулар саны", ("mart.benefits", "(active)")),
    ("Жұмыс іздеушілердің санын жынысына қарай бөліп көрсетіңіз.", ("GROUP BY sex", "job_seeker")),
    ("Отбасылардың әл-ауқатын бағалаудағы орташа балл қандай?", ("avg(score)",)),
])
def test_a_year_after_which_a_period_starts_stopped_awards_and_kazakh_report_wordings_are_read(
        question: str, fragments: tuple[str, ...]) -> None:
    """After 2015 starts in 2016 (since 2015 in 2015); an award stopped is not active; жынысына қарай is by sex;
    the families' әл-ауқаты (their well-being, a score) is not the well-off level."""
    compiled = _reads(question, *fragments)
    assert "well_off" not in compiled[1]


@pytest.mark.parametrize("question", ["how many awards were stopped in 2024", "отбасылардың әл-ауқатын көрсетіңіз"])
def test_when_an_award_stopped_and_a_bare_well_being_are_declined_not_guessed(question: str) -> None:
    """The data hold whether an award is active now, not when it stopped; "show the families' well-being" names
    no level and no measure."""
    assert isinstance(compile_question(question), Answer)


@pytest.mark.parametrize(("question", "fragments"), [
    ("Жылытуы да, кәрізі де жоқ тұрғын үйлердің саны қанша?", ("(NOT heating) AND (NOT sewerage)",)),
    ("Газбен де, сумен де қамтылмаған тұрғын үйлердің саны қанша?", ("(NOT gas) AND (NOT water)",)),
    ("газы да, суы да бар үйлер саны", ("(gas) AND (water)",)),
    ("Жеке көлігі немесе жылжымайтын мүлкі бар тұрғындардың саны қанша?",
     ("(coalesce(vehicles, 0) >= 1) OR (owns_property)",)),
    ("almatyda orta zhalaqy kansha?", ("avg(monthly_wage)", "region = '75'")),
    ("Шымкентте орта есеппен жалақы қанша?", ("avg(monthly_wage)", "region = '79'")),
])
def test_kazakh_neither_nor_both_and_one_predicate_for_two_things_listed_are_read_for_each(
        question: str, fragments: tuple[str, ...]) -> None:
    """X да, Y де жоқ is neither (X жоқ, Y жоқ); X немесе Y бар with a word between is X бар or Y бар; орта
    есеппен and орта (colloquial) are the average."""
    _reads(question, *fragments)


@pytest.mark.parametrize(("question", "fragments"), [
    ("Во исполнение поручения просим направить информацию о количестве кризисных семей в разрезе регионов.",
     ["level = 'crisis'", "GROUP BY region"]),
    ("Для подготовки справки к заседанию прошу сообщить общую сумму выплаченных пенсий по возрасту за 2025 год.",
     ["kind = 'old_age_pension'", "year(paid_on) = 2025"]),
    ("Pursuant to the Ministry's request, please report the total targeted social assistance paid in 2025.",
     ["kind = 'targeted_social_assistance'", "year(paid_on) = 2025"]),
    ("Облыс әкімдігінің сұрау салуына сәйкес Жамбыл облысындағы 65 жастан асқан тұрғындар санын хабарлауыңызды "
     "өтінеміз.", ["region = '31'", "age > 65"]),
    ("Министрліктің тапсырмасы бойынша Шымкенттегі көп балалы отбасылар санын беруіңізді сұраймыз.",
     ["region = '79'", "children_under_18 >= 4"]),
])
def test_an_official_letters_preamble_says_who_asks_and_why_and_is_never_an_unknown_word(
        question: str, fragments: list[str]) -> None:
    """Во исполнение поручения, pursuant to the Ministry's request, әкімдіктің сұрау салуына сәйкес: the letter's
    words before its request; what follows the request is read as ever, and "облыс" in "облыс әкімдігінің" (the
    region's akimat) is no breakdown by region."""
    sql = _reads(question, *fragments)[1]
    assert "GROUP BY" not in sql or "GROUP BY" in " ".join(fragments)


def test_a_postposition_inside_the_question_is_no_preamble() -> None:
    """жасына байланысты зейнетақы (the old-age pension) holds байланысты, and its region and period still count."""
    _reads("2025 жылдың бірінші тоқсанында Алматы қаласында төленген жасына байланысты зейнетақының жалпы сомасы "
           "қанша?", "region = '75'", "kind = 'old_age_pension'", "month(paid_on) BETWEEN 1 AND 3")


@pytest.mark.parametrize(("question", "age"), [("How many kids under 5 in Shymkent?", "age < 5"),
                                               ("number of children over 10", "age > 10")])
def test_children_under_or_over_a_number_in_english_is_their_age_and_they_are_still_children(question: str,
                                                                                           age: str) -> None:
    sql = _reads(question, age, "age < 18", "mart.persons")[1]
    assert "children_under_18" not in sql


def test_a_count_of_children_said_before_the_noun_stays_a_count() -> None:
    _reads("families with under 3 children", "mart.families", "children_under_18 < 3")
    _reads("hey, quick one: how many kids under 18 have we got in Shymkent?", "mart.persons", "age < 18",
           "region = '79'")


@pytest.mark.parametrize(("question", "fragments"), [
    ("Семей жақта 18-ге толмаған балалар қанша тұрады?", ["mart.persons", "region = '10'", "age < 18"]),
    ("Семей қаласында қанша отбасы бар?", ["mart.families", "region = '10'"]),
    ("сколько многодетных семей в Семее", ["mart.families", "region = '10'"]),
    ("Шымкент қаласында сколько семей с долгом за коммуналку?", ["mart.families", "region = '79'"]),
    ("Сколько семей в Алматы?", ["mart.families", "region = '75'"]),
])
def test_semey_the_city_is_its_region_where_written_as_a_name_and_семей_the_word_is_families(
        question: str, fragments: list[str]) -> None:
    sql = _reads(question, *fragments)[1]
    assert sql.count("region") == (2 if "GROUP BY" in sql else 1)


def test_allowances_awarded_are_awards_without_the_old_age_pension() -> None:
    _reads("Количество назначенных пособий по году назначения за 2020-2025 гг.", "mart.benefits",
           "kind <> 'old_age_pension'")
    _reads("2020–2025 жылдары тағайындалған жәрдемақылар саны", "mart.benefits", "kind <> 'old_age_pension'")
    pensions_too = _reads("назначенные пособия и пенсии", "mart.benefits")[1]
    assert "old_age_pension" not in pensions_too


@pytest.mark.parametrize(("question", "fragments"), [
    ("no. of pensioners, Pavlodar", ["age >= 63", "region = '55'"]),
    ("# of families with no car", ["coalesce(vehicles, 0) = 0"]),
])
def test_no_dot_and_the_number_sign_are_a_number_never_a_no(question: str, fragments: list[str]) -> None:
    sql = _reads(question, *fragments)[1]
    assert "NOT coalesce(((" not in sql


def test_neither_nor_is_without_either() -> None:
    _reads("How many dwellings have neither running water nor sewerage?", "(NOT water) AND (NOT sewerage)")


@pytest.mark.parametrize(("question", "fragments"), [
    ("Қай облыстарда көлігі барлар көп, алғашқы үшеуін айтып жіберші", ["ORDER BY count DESC", "LIMIT 3"]),
    ("Көп балалы отбасылар қай облыста аз?", ["children_under_18 >= 4", "ORDER BY count ASC", "LIMIT 1"]),
])
def test_kazakh_many_or_few_asked_with_which_is_a_ranking_and_a_collective_numeral_its_length(
        question: str, fragments: list[str]) -> None:
    _reads(question, *fragments)


def test_kazakh_which_of_the_named_places_has_more_still_compares_them() -> None:
    sql = _reads("Павлодар мен Қостанайдағы зейнеткерлерді салыстырып берші, қайсысында көп?", "IN ('55', '39')")[1]
    assert "LIMIT" not in sql


def test_a_kazakh_age_range_from_one_age_to_another() -> None:
    _reads("Павлодар облысында 25 жастан 35 жасқа дейінгі тұрғындар саны қанша?", "age >= 25", "age <= 35")


@pytest.mark.parametrize(("question", "fragments"), [
    ("Қайырлы күн, атаулы әлеуметтік көмек алатындар жалпы қанша адам?", ["targeted_social_assistance"]),
    ("В рамках исполнения поручения акима области направляем запрос о численности детей до 18 лет, проживающих в "
     "Павлодарской области.", ["age < 18", "region = '55'"]),
    ("Further to the Ministry's request, please provide the number of single-parent families in Almaty city.",
     ["adults = 1", "region = '75'"]),
])
def test_a_greeting_or_a_letter_that_sends_its_request_is_no_unknown_word(question: str, fragments: list[str]
                                                                         ) -> None:
    _reads(question, *fragments)


def test_a_kind_and_the_whole_it_belongs_to_are_the_whole_but_a_property_and_its_rows_are_two_groups() -> None:
    every = _reads("How many new pension and benefit awards started in each year from 2020 to 2025?",
                   "mart.benefits", "GROUP BY year(start_date)")[1]
    assert "old_age_pension" not in every
    _reads("Compare the average well-being score of families that own property and families that do not.",
           "GROUP BY owns_property")


@pytest.mark.parametrize(("question", "fragments"), [
    ("Compare the average monthly amount of active awards of the disability allowance and the survivor allowance.",
     ["round(avg(monthly_amount))", "mart.benefits", "(active)", "GROUP BY kind"]),
    ("Қолданыстағы мүгедектік жәрдемақысының орташа айлық мөлшері қанша?",
     ["round(avg(monthly_amount))", "(active)", "kind = 'disability_allowance'"]),
    ("We kindly ask you to report the total area of dwellings in Astana.", ["round(sum(area_m2), 1)", "'71'"]),
    ("How many people receive the large family allowance?", ["mart.persons", "'large_family_allowance'"]),
])
def test_an_awards_monthly_amount_a_total_area_and_the_recipients_of_a_familys_allowance(
        question: str, fragments: list[str]) -> None:
    _reads(question, *fragments)


def test_active_said_of_companies_is_still_companies() -> None:
    _reads("кол-во действующих юрлиц", "mart.companies", "(active)")
    _reads("active companies in Almaty", "mart.companies", "(active)", "region = '75'")


@pytest.mark.parametrize(("question", "fragments"), [
    ("Маңғыстау облысындағы отбасылар орта есеппен неше адамнан тұрады?", ["mart.families", "avg(members)"]),
    ("Қостанай облысында бір үй шаруашылығы орта есеппен неше адамнан тұрады?", ["mart.households", "avg(members)"]),
    ("on average how many people live in a household in Almaty", ["mart.households", "avg(members)"]),
    ("Коммуналдық қарызы бар отбасылардың саны бойынша қай үш өңір алда тұр?", ["ORDER BY count DESC", "LIMIT 3"]),
])
def test_how_many_people_a_family_has_on_average_is_its_size_and_which_regions_lead_a_ranking(
        question: str, fragments: list[str]) -> None:
    _reads(question, *fragments)


def test_kazakh_one_before_a_household_is_a_not_a_count_but_households_of_one_person_are() -> None:
    _reads("бір адамнан тұратын үй шаруашылықтары саны", "members = 1")


@pytest.mark.parametrize(("question", "fragments"), [
    ("how many köp balaly otbasy in Almaty oblysy?", ("FROM mart.families", "children_under_18 >= 4", "'19'")),
    ("Shymkent-te how many otbasy get AӘK?", ("FROM mart.families", "'79'", "targeted_social_assistance")),
])
def test_english_fillers_typed_in_a_kazakh_question_are_dropped_as_its_own_would_be(question: str,
                                                                                   fragments: tuple[str, ...]) -> None:
    _reads(question, *fragments)


def test_an_english_filler_that_tells_something_is_kept_in_another_language() -> None:
    """Almaty city is not Almaty region: "city" is no filler to drop in a Kazakh question."""
    compiled = compile_question("compare semyi v krizise: Almaty city vs Almaty oblysy")
    assert not isinstance(compiled, tuple) or "'75'" in compiled[1], compiled


@pytest.mark.parametrize("question", ["Количество жилищ по числу проживающих", "Dwellings by number of residents",
                                      "Тұрғын үйлер тұратын адамдар саны бойынша"])
def test_dwellings_by_their_number_of_residents_are_a_breakdown_not_one_count(question: str) -> None:
    _reads(question, "FROM mart.dwellings", "GROUP BY residents")


def test_regions_by_their_residents_are_a_ranking_of_persons_not_of_dwellings() -> None:
    _reads("Тұрғындарының саны бойынша алғашқы бес өңірді атаңыз.", "FROM mart.persons", "GROUP BY region")


@pytest.mark.parametrize("question", ["How many dwellings in Astana have an area of more than 100 square metres?",
                                      "Алматы облысында ауданы 100 шаршы метрден асатын тұрғын үйлер саны қанша?",
                                      "Сколько жилищ площадью более 100 кв. м в Астане?"])
def test_a_dwellings_area_is_a_number_compared_in_square_metres(question: str) -> None:
    _reads(question, "FROM mart.dwellings", "area_m2 > 100")


@pytest.mark.parametrize(("question", "kept", "dropped"), [
    ("Which three regions have the most families receiving at least one social benefit, not counting pensions?",
     "receives_benefit", "old_age_pension"),
    ("Количество получателей пособий без учета пенсий в Шымкенте", "receives_benefit", "old_age_pension"),
])
def test_pensions_excluded_beside_an_allowance_is_its_definition_never_a_filter_of_pensions(
        question: str, kept: str, dropped: str) -> None:
    sql = _reads(question, kept)[1]
    assert dropped not in sql, sql


@pytest.mark.parametrize("question", ["How many pensioners, not counting Almaty?",
                                      "Сколько пенсионеров, не считая Алматы?",
                                      "Алматыны қоспағанда зейнеткерлер саны"])
def test_not_counting_a_place_leaves_it_out(question: str) -> None:
    _reads(question, "NOT coalesce((region = '75'), FALSE)")


@pytest.mark.parametrize(("question", "present", "absent"), [
    # a negation said once before two things had, joined by "or" (a phrase of two words too); not one said had
    ("Сколько жилых помещений в Алматинской области не имеют газа или центрального отопления?",
     "(NOT gas) OR (NOT heating)", None),
    ("How many families with no gas or with central heating?", "(NOT gas) OR (heating)", None),
    # each group its own bound: the women aged 60 and over and the men aged 63 and over, not both bounds on all
    ("Count the women aged 60 and over together with the men aged 63 and over.",
     "(sex = 'F' AND age >= 60) OR (sex = 'M' AND age >= 63)", "GROUP BY"),
    ("60 жастағы және одан үлкен әйелдер мен 63 жастағы және одан үлкен ер адамдар барлығы қанша?",
     "(sex = 'F' AND age >= 60) OR (sex = 'M' AND age >= 63)", "GROUP BY"),
    ("Сколько женщин старше 60 и мужчин старше 63?", "(sex = 'F' AND age > 60) OR (sex = 'M' AND age > 63)", None),
    ("How many men and women over 60?", "sex IN ('M', 'F')) AND (age > 60)", None),
    # a list of places the plural "regions" closes: Алматы is the oblast there
    ("Алматы, Түркістан және Маңғыстау облыстарындағы 65 жастағы және одан үлкен тұрғындар саны",
     "region IN ('19', '61', '47')", None),
    ("Численность населения в Алматы и Шымкенте", "region IN ('75', '79')", None),
    # a bracket that says what a word means is no further filter
    ("How many families are either large (four or more children) or single-parent families?",
     "((children_under_18 >= 4) OR (children_under_18 >= 1 AND spouses < 2 AND adults = 1))",
     "AND (children_under_18 >= 4)"),
    # "monthly" after "average" is the amount a month, not one average per month
    ("What is the average monthly old-age pension?", "avg(amount)", "strftime"),
    ("Average monthly income of families that do not receive any benefits", "avg(monthly_income)", "strftime"),
    # an award's median or average is of the awards in payment, where no period is said
    ("What is the median monthly amount of targeted social assistance?", "median(monthly_amount)", None),
    ("Жасына байланысты зейнетақының орташа айлық мөлшері қандай?", "(active)", None),
    # totals of money
    ("We kindly request the total utility arrears of families in East Kazakhstan Region.", "sum(utility_debt)", None),
    ("Сколько всего было выплачено адресной социальной помощи в 2025 году?", "sum(amount)", None),
    # the dynamics of payments is the money paid; payments by month, and how many, are counted
    ("Динамика выплат пенсий по возрасту за II квартал 2025 г. (помесячно)", "sum(amount)", None),
    ("Зейнетақы төлемдері айлар бойынша, 2025 ж.", "count(*)", None),
    ("Динамика количества выплат по месяцам за 2025 год", "count(*)", None),
    # births and deaths by the year of the event: the people who died are the deaths, the born children are births
    ("Сколько человек умерло в 2024 году?", "(death_date IS NOT NULL) AND (year(death_date) = 2024)", "alive"),
    ("2021-2025 жылдар аралығында жыл сайын қанша адам қайтыс болды?", "GROUP BY year(death_date)", "alive"),
    ("2024 жылы қанша бала туылды?", "WHERE (year(birth_date) = 2024)", "age"),
    ("How many babies were born in 2025?", "year(birth_date) = 2025", "alive"),
    # words people type: any allowance, ЖКУ, legal entities
    ("How many families with children do not receive any allowance?", "NOT receives_benefit", None),
    ("Целиноград | семьи с долгом за ЖКУ | кол-во", "utility_debt > 0", None),
    ("How many families in Almaty city do not own any real estate?", "NOT coalesce((owns_property), FALSE)", None),
    ("What is the median floor area of dwellings in Astana?", "median(area_m2)", None),
    ("Сколько выплат в 2025 году превысили 150 000 тенге?", "amount > 150000", None),
    ("2025 жылы жасалған төлемдердің қаншасы 150 000 теңгеден асты?", "amount > 150000", None),
    ("Газы да, орталық жылуы да жоқ тұрғын үйлер саны қанша?", "(NOT gas) AND (NOT heating)", None),  # neither, nor
    ("Газы да бар, орталық жылуы да бар үйлер саны", "(gas) AND (heating)", None),
    ("Какова медианная месячная заработная плата?", "median(monthly_wage)", None),
    # the region of a letter's sender, where the question names no other, is the one asked about
    ("On behalf of the Akimat of Turkestan Region, please provide the number of families with a satisfactory "
     "well-being level.", "region = '61'", None),
    ("В рамках подготовки отчёта Акимата Жамбылской области просим предоставить количество пенсионеров",
     "region = '31'", None),
    ("On behalf of the Akimat of Almaty, please provide the number of pensioners in Shymkent.", "region = '79'",
     "'75'"),
    # dynamics over several years is a step a year; ҚР, по Республике Казахстан: the whole country
    ("Динамика рождаемости за 2016–2025 годы", "GROUP BY year(birth_date)", None),
    ("Динамика выплат АСП за 2025 год", "strftime(paid_on, '%Y-%m')", None),
    ("ҚР, зейнетақы алушылар: ер / әйел", "GROUP BY sex", "region"),
])
def test_what_the_seventeenth_corpus_and_the_third_intents_showed_is_read_as_meant(
        question: str, present: str, absent: str | None) -> None:
    """Readings that were wrong answers on the corpora written apart in stop 47 (each a number that looked right)."""
    sql = _reads(question, present)[1]
    assert absent is None or absent not in sql, sql


@pytest.mark.parametrize(("question", "fragments"), [
    ("residents born between 2000 and 2009 in Turkestan", ["year(birth_date) BETWEEN 2000 AND 2009", "alive"]),
    ("Жители 1960–1969 г.р., РК, кол-во", ["year(birth_date) BETWEEN 1960 AND 1969"]),
    ("ҚР | 1980–1989 ж. туған тұрғындар | саны", ["year(birth_date) BETWEEN 1980 AND 1989"]),
    ("How many families in Almaty city live in overcrowded housing?", ["area_per_person < 15", "region = '75'"]),
    ("How many families are low-income according to the family card?", ["income_per_person < 50851"]),
    ("Отбасы картасы бойынша тұрғын үйде тығыз тұратын отбасылар саны ең көп үш өңір қайсы?",
     ["area_per_person < 15", "LIMIT 3"]),
    ("Динамика выплат АСП по кварталам 2025 года (сумма)", ["quarter(paid_on) AS quarter", "sum(amount)"]),
    ("pension payments by quarter", ["|| '-Q' || quarter(paid_on)"]),
    ("Я аналитик акимата Павлодарской области. Сколько у нас в области семей без автомобиля?",
     ["region = '55'", "coalesce(vehicles, 0) = 0"]),
    ("Мен Маңғыстау облысы әкімдігінің сарапшысымын. Облысымыздағы 65 жастан асқан тұрғындар саны қанша?",
     ["region = '47'", "age > 65"]),
    ("Astana akimat analyst here: how many families in the capital include at least one pensioner?",
     ["region = '71'", "pensioners > 0"]),
    ("What was the total amount of old-age pension payments to residents of Kyzylorda region in the third quarter "
     "of 2025?", ["sum(amount)", "region = '43'", "month(paid_on) BETWEEN 7 AND 9"]),
    ("Bottom 3 Regions by Average Dwelling Area", ["ORDER BY avg_area ASC", "LIMIT 3"]),
    ("Kindly provide the number of residents with a disability of group 1 or group 2.", ["disability_group <= 2"]),
    ("Which region has the most families with a member who has a disability?", ["disabled >= 1", "LIMIT 1"]),
])
def test_what_the_eighteenth_corpus_showed_is_read_as_meant(question: str, fragments: list[str]) -> None:
    """Births over a span of years (born, туған, г.р.); the family card's criteria named as the card's (crowded:
    under its area norm); quarters of a year as a trend's step; an asker who introduces themself by their region
    (Я аналитик акимата ..., ...сарапшысымын, ... analyst here) and then says "our region" of it; the sum paid to
    a region's residents; the bottom three; a noun said again before its second number; a member who has."""
    sql = _reads(question, *fragments)[1]
    assert "GROUP BY region" not in sql or "LIMIT" in sql  # "у нас в области" is no breakdown


def test_a_share_by_the_family_cards_criterion_is_its_filter_over_the_whole() -> None:
    plan = compile_question("Какой процент семей в Астане живёт в тесноте по критерию карты семьи?")
    assert isinstance(plan, SharePlan) and "area_per_person < 15" in plan.part_sql
    assert "area_per_person" not in plan.whole_sql and "region = '71'" in plan.whole_sql


def test_our_region_said_by_no_one_who_named_it_is_declined_not_the_country() -> None:
    declined = compile_question("Сколько семей в нашей области?")
    assert isinstance(declined, Answer) and declined.sql is None


def test_a_kazakh_asker_from_a_regions_akimat_is_asked_about_that_region() -> None:
    """әкімдігіненбіз, облысынанбыз (we are from ...): an introduction; облыстағы after it is that region."""
    _reads("Түркістан облысы әкімдігіненбіз: облысымыздағы жалғыз тұратын зейнеткерлер саны қанша?", "region = '61'")
    _reads("Біз Атырау облысынанбыз: облыстағы зейнеткерлер саны қанша?", "region = '23'")


@pytest.mark.parametrize(("question", "fragments"), [
    ("Пишу из акимата Атырауской области: сколько семей у нас в области?", ["region = '23'"]),
    ("Работаю в управлении занятости СКО. Какова численность пенсионеров в нашей области?", ["region = '59'"]),
    ("Writing from the Pavlodar region akimat: how many families are there in our region?", ["region = '55'"]),
    ("Маңғыстау облысы әкімдігінен жазып отырмыз: өңіріміздегі отбасылар саны қанша?", ["region = '47'"]),
    ("How many families have a working-age member who is not employed?", ["working_age_not_employed >= 1"]),
    ("Сколько семей с неработающими членами трудоспособного возраста в Актюбинской области?",
     ["working_age_not_employed >= 1", "region = '15'"]),
    ("Табысы өте төмен отбасылар саны қанша?", ["income_per_person < 50851 / 2"]),
    ("Сколько семей, в которых есть ищущие работу?", ["job_seekers >= 1"]),
    ("Сколько двухкомнатных квартир в Карагандинской области?", ["rooms = 2", "region = '35'"]),
    ("Жұмыс іздеуші еркектер саны қанша?", ["job_seeker", "sex = 'M'"]),
    ("Сколько жителей получают пособие (пенсия не считается)?", ["receives_benefit"]),
    ("Total of all social payments including pensions in 2025", ["sum(amount)", "mart.payments"]),
    ("Атырау облысындағы отбасылардың бір адамға шаққандағы орташа айлық табысы қанша?",
     ["avg(income_per_person)", "region = '23'"]),
])
def test_what_the_nineteenth_corpus_showed_is_read_as_meant(question: str, fragments: list[str]) -> None:
    """An asker who writes from an akimat (Пишу из ..., Writing from ..., ... әкімдігінен жазып отырмыз) or works in
    a region's office asks of it; the family card's criteria not_employed, very_low_income and job_seeker as filters
    (each the card's own condition); rooms counted in one Russian word (двухкомнатных); еркектер; a pension "not
    counted"; all payments "including pensions" (the payments hold them); the monthly income per person."""
    _reads(question, *fragments)


@pytest.mark.parametrize(("question", "fragments"), [
    ("Я ведущий специалист управления координации занятости и социальных программ Карагандинской области. Сколько "
     "у нас в области жителей в возрасте от 25 до 34 лет?", ["region = '35'", "age >= 25", "age <= 34"]),
    ("I'm a chief specialist at the Shymkent city department of employment and social programmes. How many "
     "families in our city don't have a car?", ["region = '79'", "vehicles"]),
    ("Greetings from the Almaty Region akimat, social protection division. How many residents of our region own "
     "real estate?", ["region = '19'", "owns_property"]),
    ("Мен Түркістан облысы жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасының бас маманымын. "
     "Облысымызда 5 және одан көп адамнан тұратын үй шаруашылықтары қанша?", ["region = '61'", "members >= 5"]),
    ("Сколько семей в Алматинской области не имеют ни автомобиля, ни недвижимости?",
     ["coalesce(vehicles, 0) = 0", "NOT coalesce((owns_property), FALSE)"]),
    ("Сколько пособий по уходу за ребенком было назначено в 2024 и 2025 годах, по годам?",
     ["BETWEEN 2024 AND 2025", "GROUP BY year"]),
    ("2020 жылдан 2024 жылға дейін әр жылы қанша бала туылды?", ["BETWEEN 2020 AND 2024"]),
    ("2025 жылғы наурыз бен маусым аралығында асыраушысынан айырылу жағдайы бойынша жәрдемақыға ай сайын қанша "
     "төленді?", ["BETWEEN 3 AND 6", "survivor_allowance"]),
    ("Регионы-лидеры по числу жилищ площадью от 100 кв. м: первая тройка", ["area_m2 >= 100", "LIMIT 3"]),
    ("Во исполнение протокольного поручения прошу в срок до 15:00 представить сведения о количестве семей, "
     "получающих пособие по случаю потери кормильца.", ["survivor_allowance"]),
    ("For the upcoming briefing, could you please share how many families nationwide receive the childcare "
     "allowance?", ["count(*)", "childcare_allowance"]),
    ("How many dwellings in Almaty Region lack running water or sewerage?", ["(NOT water) OR (NOT sewerage)"]),
    ("Каков средний размер действующего пособия по уходу за ребенком до полутора лет?", ["childcare_allowance"]),
    ("Elimizde zeinetaqy alatyn, biraq ali de jumys isteitin adamdar sany qansha?",
     ["(receives_pension) AND (employed)"]),
    ("Total пенсия по возрасту paid in Qaraghandy oblysy in 2025?", ["region = '35'", "sum(amount)"]),
    ("Орталық жылу жүйесіне қосылмаған отбасылар саны бойынша ТОП-3 өңір", ["NOT heating", "LIMIT 3"]),
    ("yo how many 2-room flats r there in Astana?", ["rooms = 2", "region = '71'"]),
    ("Almaty city | 3-person households | #", ["members = 3", "region = '75'"]),
    ("number of five-person families in Astana", ["members = 5", "region = '71'"]),
])
def test_what_the_twentieth_corpus_showed_is_read_as_meant(question: str, fragments: list[str]) -> None:
    """An introduction however long, as a sentence of its own (its offices' words are not the question's: only its
    region is kept); не имеют ни X, ни Y; two consecutive years joined by "and", a Kazakh range of years and months
    "between"; первая тройка; a letter's deadline; "share" as the request's verb; lack; "не имеет в собственности
    недвижимости" said once; the childcare allowance by its official name; "but still" (бірақ әлі де) the people in
    both; Qaraghandy oblysy; not connected to central heating; r for are."""
    _reads(question, *fragments)


def test_property_not_owned_said_with_its_verb_is_one_negated_filter_not_a_contradiction() -> None:
    from ukimet.apps.questions import SharePlan

    plan = compile_question("Какая доля семей города Шымкента не имеет в собственности недвижимости?")
    assert isinstance(plan, SharePlan) and "NOT coalesce((owns_property), FALSE)" in plan.part_sql, plan


def test_two_years_apart_joined_by_and_are_no_range() -> None:
    answer = compile_question("How many births in 2023 and 2025?")
    assert not isinstance(answer, tuple) or "BETWEEN 2023 AND 2025" not in answer[1], answer


def test_benefits_including_pensions_stay_unread_not_benefits_without_them() -> None:
    """"Including pensions" is dropped only after payments: said of an allowance, no answer is better than the
    allowances alone."""
    answer = compile_question("How many people receive benefits including pensions?")
    assert not isinstance(answer, tuple) or "receives_benefit" not in answer[1], answer


@pytest.mark.parametrize(("question", "aggregate"), [
    ("В каком регионе самый низкий средний балл карты семьи по экономическому блоку?", "round(avg(economic), 1)"),
    ("Отбасы картасының денсаулық блогы бойынша орташа балы ең жоғары үш облыс", "round(avg(health), 1)"),
    ("3 regions with the lowest average social score", "round(avg(social), 1)"),
    ("median education score by region", "round(median(education), 1)"),
    ("средний балл по жилищному блоку в ВКО", "round(avg(housing), 1)"),
    ("средний балл благополучия семей в Павлодарской области", "round(avg(score), 1)"),
])
def test_the_family_cards_blocks_are_measures_and_the_average_score_of_one_is_that_blocks(
        question: str, aggregate: str) -> None:
    _reads(question, aggregate, "FROM mart.families")


def test_a_blocks_average_by_region_is_the_family_cards_own(gateway: Gateway, mart: dict[str, Any]) -> None:
    from tests.conftest import read_store

    answer = ask(gateway, ANALYST, "Average housing score of families by region", purpose=EVALUATION)
    con = read_store(mart["store"])
    try:
        expected = dict(con.execute("SELECT region, round(avg(housing), 1) FROM mart.family_scores "
                                    "GROUP BY region").fetchall())
    finally:
        con.close()
    assert answer.sql is not None and "housing" in answer.understood, answer
    assert len(answer.rows) >= 10 and all(expected[region] == value for region, value in answer.rows), answer.rows


@pytest.mark.parametrize(("question", "sql"), [
    # a Kazakh month's stem alternates before its ending (қыркүйек: қыркүйегінен, from September)
    ("2025 жылдың қыркүйегінен желтоқсанына дейін төлемдер саны ай сайын", "BETWEEN 9 AND 12"),
    ("2024 жылдың тамызынан қазанына дейін төлемдер саны ай сайын", "BETWEEN 8 AND 10"),
    # an introduction that ends with a bracket is the asker's, its words not the question's
    ("Hi, I work for the Kyzylorda Region akimat (Kzyl-Orda in the old spelling). How many families live in our "
     "region?", "FROM mart.families WHERE (region = '43')"),
    # a negated verb that is a word of a long phrase of the layer is read as the phrase says, not negated
    ("Жұмыс істемейтін еңбекке қабілетті жастағы мүшесі бар отбасылар саны", "(working_age_not_employed >= 1)"),
    # Kazakh words in Latin letters in an English question, by the English name of what they name
    ("How many households in Soltüstik Qazaqstan oblysy have children?", "(region = '59')"),
    ("How many äielder live in Jambyl oblysy?", "(sex = 'F')"),
    # per head, said in Kazakh, is the income per person, not the family's
    ("Жамбыл облысындағы отбасылардың жан басына шаққандағы орташа айлық табысы қандай?",
     "avg(income_per_person)"),
    # "but" joins two filters as "and" does; a feminine numeral is a number; "larger than" compares
    ("Сколько семей в Шымкенте, где есть пенсионер, но нет автомобиля?", "(pensioners > 0) AND"),
    ("Сколько жителей, у которых ровно одна машина?", "(vehicles = 1)"),
    ("How many dwellings in Almaty Region are larger than 100 m²?", "(area_m2 > 100)"),
    # the card's economic criterion, and an introduction by an office's unit
    ("РК — семьи без дохода — кол-во", "(monthly_income = 0)"),
    ("Hello, this is the statistics unit of the Karaganda regional administration. How many households in our "
     "region have no children?", "(region = '35')"),
    # a dwelling's people are its residents; the card's crowding said of the housing is the families' criterion
    ("Сколько жилищ, где живут 5 и более человек?", "FROM mart.dwellings WHERE (residents >= 5)"),
    ("How many dwellings have 5 or more residents?", "FROM mart.dwellings WHERE (residents >= 5)"),
    ("Топ-3 региона по числу семей с перенаселённым жильём", "FROM mart.families WHERE (area_per_person < 15)"),
])
def test_forms_of_months_introductions_phrases_and_scripts_are_read_by_rule(question: str, sql: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple), compiled
    assert sql in compiled[1], compiled[1]


def test_a_negated_verb_outside_a_phrase_of_the_layer_is_still_negated() -> None:
    compiled = compile_question("Қанша адам жұмыс істемейді?")
    assert isinstance(compiled, tuple) and "NOT coalesce((employed), FALSE)" in compiled[1]


@pytest.mark.parametrize(("question", "sql"), [
    # the average number of members is the size of the unit the question names, a family's or a household's
    ("households, avg members, Kyzylorda obl.", "round(avg(members), 2) AS avg_household_size FROM mart.households"),
    ("Маңғыстау облысы бойынша үй шаруашылықтарының орташа мөлшері (мүшелер саны)", "FROM mart.households"),
    ("караганды облысындагы уй шаруашылыктарынын орташа мушелер саны", "FROM mart.households"),
    ("Шығыс Қазақстан облысында среднее число членов семьи қанша?", "AS avg_members FROM mart.families"),
    # Kazakh may say the members before their number
    ("Мүшелері төрт және одан көп үй шаруашылықтары саны бойынша ТОП-3 өңір", "(members >= 4)"),
    # a family's floor area per person, not a dwelling's area
    ("Какова средняя площадь жилья на одного человека в семьях Астаны?", "avg(area_per_person), 1)"),
    ("median floor area per person by region", "median(area_per_person), 1)"),
    # the utility debt of residents is the people's own, summed or its median
    ("What is the total utility debt owed by residents of Zhambyl Region?",
     "sum(utility_debt)) AS total_person_debt FROM mart.persons"),
    ("Какова медианная сумма задолженности по коммунальным услугам у жителей, имеющих такую задолженность?",
     "median(utility_debt)) AS median_person_debt FROM mart.persons WHERE (alive) AND (utility_debt > 0)"),
    # recipients of a benefit in a period are the people paid it in each month
    ("Как менялось число получателей адресной социальной помощи по месяцам с января по июнь 2025 года?",
     "count(DISTINCT person_id) AS recipients_paid FROM mart.payments WHERE (kind = 'targeted_social_assistance')"),
    # a pension, not an allowance: what the pension never is, said of it, is no filter
    ("Қостанай облысында зейнетақы алатындар нешеу өзі? жәрдемақы емес, тек зейнетақы 🙂", "(receives_pension)"),
    ("Could you kindly provide, for comparison, the number of old-age pension recipients (pensions only, not "
     "allowances) in Kostanay, Pavlodar and Aktobe regions?", "(receives_pension) AND (region IN ('39', '55', '15'))"),
    # a chat's asides and fillers; "the region, not the city" says which place, it negates nothing
    ("Слушай, а сколько в Шымкенте семей, где есть пенсионер, не в курсе?", "(region = '79') AND (pensioners > 0)"),
    ("слушай, а скока у нас по стране семей, которые получают АСП и при этом у них долг за коммуналку?",
     "AND (utility_debt > 0)"),
    ("okay so um how many families in Almaty Region uh I mean the region not the city have a pensioner living with "
     "them", "WHERE (region = '19') AND (pensioners > 0)"),
    # a letter's opening and the card's level said as its name
    ("I am writing to request the number of families in Atyrau Region whose family card level is 'satisfactory'.",
     "(region = '23') AND (level = 'satisfactory')"),
    # a Russian question naming a Kazakh place, an English one with a Kazakh word: read in their own language
    ("Қостанай облысы бойынша сколько жителей старше 70 лет?", "(region = '39') AND (age > 70)"),
    ("Shyghys Qazaqstan oblysy: how many residents get a зейнетақы (old-age pension)?", "(receives_pension)"),
    # two-room dwellings; property "в собственности" said after it; the card's criterion named in Kazakh
    ("Which region has the most two-room dwellings?", "WHERE (rooms = 2) GROUP BY region ORDER BY count DESC"),
    ("Сколько семей в Алматинской области не имеют недвижимости в собственности?",
     "(region = '19') AND (NOT coalesce((owns_property), FALSE))"),
    ("Республика бойынша отбасы картасында «коммуналдық қызметтер бойынша берешек» критерийі белгіленген отбасылар "
     "санын беруіңізді сұраймыз.", "FROM mart.families WHERE (utility_debt > 0)"),
    # Kazakh typed without its letters (э for ә), a colloquial average age, the card's overall score
    ("мангыстау облысындагы ер адамдар мен эйелдер саны", "GROUP BY sex"),
    ("Jambyl oblysyndağy tūrğyndardyñ orta jasy qanşa?", "avg(age)"),
    ("Жетісу облысы бойынша отбасы картасындағы жалпы балдың орташа мәнін жолдауыңызды сұраймыз.", "avg(score)"),
    ("скока в Жетысуской обл жилья с газом или центр. отоплением", "((gas) OR (heating))"),
    # a Kazakh word in Latin letters in an English question (sewerage); a registered job seeker
    ("Mangghystau oblysy: how many üiler (dwellings) have no kanalizatsiya?", "(NOT sewerage)"),
    ("Families With A Registered Job Seeker: National Total", "FROM mart.families WHERE (job_seekers >= 1)"),
])
def test_units_measures_periods_and_asides_are_read_as_their_askers_mean_them(question: str, sql: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple), compiled
    assert sql in compiled[1], compiled[1]


@pytest.mark.parametrize(("question", "months"), [
    ("2025 жылғы І тоқсанда АӘК төлемдері", "BETWEEN 1 AND 3"),  # a Kazakh І
    ("2025 жылғы I тоқсанда АӘК төлемдері", "BETWEEN 1 AND 3"),
    ("выплаты АСП за II полугодие 2025", "BETWEEN 7 AND 12"),
    ("выплаты АСП за III квартал 2025", "BETWEEN 7 AND 9"),
    ("TSA payments in the IV quarter of 2025", "BETWEEN 10 AND 12"),
])
def test_a_part_of_a_year_by_its_roman_numeral_is_that_part(question: str, months: str) -> None:
    """I, II and III folded are one letter: read before folding, the first quarter is not the third."""
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and f"month(paid_on) {months}" in compiled[1], compiled


def test_a_trend_word_before_a_count_is_still_a_trend() -> None:
    compiled = compile_question("Monthly number of old-age pension payments, 2025")
    assert isinstance(compiled, tuple) and "GROUP BY strftime(paid_on, '%Y-%m')" in compiled[1], compiled


@pytest.mark.parametrize("question", ["How many oralman families live in Atyrau oblysy?",
                                      "Атырау облысында оралман отбасылары қанша",
                                      "сколько семей оралманов в Атырауской области"])
def test_a_word_that_begins_with_a_places_name_but_is_a_word_of_its_own_is_no_place(question: str) -> None:
    """оралман (a returnee) is no form of Орал: the question is declined on the word the data does not hold, never
    answered for West Kazakhstan; Оралда (in Oral) still is the place."""
    compiled = compile_question(question)
    assert isinstance(compiled, Answer) and "оралман" in str(compiled.declined).lower().replace(
        "oralman", "оралман"), compiled
    in_oral = compile_question("Оралда отбасылар саны")
    assert isinstance(in_oral, tuple) and "region = '27'" in in_oral[1], in_oral


@pytest.mark.parametrize("question", ["families flagged 'many children' (family card)",
                                      "how many families have many children"])
def test_families_with_many_children_are_large_families_not_families_with_children(question: str) -> None:
    compiled = compile_question(question)
    assert isinstance(compiled, tuple) and "children_under_18 >= 4" in compiled[1], compiled
    children = compile_question("How many children live in Almaty?")
    assert isinstance(children, tuple) and "children_under_18 >= 4" not in children[1], children


def test_a_slip_inside_a_places_stem_is_read_by_the_longest_stem_it_is_in() -> None:
    """каргандинской: карагандинск with a letter dropped, then its ending; not курган with a tail of letters."""
    compiled = compile_question("Сколько семей в каргандинской облости")
    assert isinstance(compiled, tuple) and "region = '35'" in compiled[1], compiled


def test_recipients_of_the_disability_allowance_are_a_special_category_a_role_may_not_count(
        gateway: Gateway) -> None:
    """The allowance paid for a disability tells the disability: a role whose aggregates hide special categories is
    refused its count, saying why, whether asked in words or in SQL; with a purpose its role may see it for, a social
    worker is answered."""
    asked = ask(gateway, DECLINER, "а сколько всего по РК получателей пособия по инвалидности?")
    assert asked.refusal is not None and asked.refusal.id == "aggregate.special_value", asked
    with pytest.raises(Refused, match="special category"):
        gateway.query(DECLINER, "SELECT count(*) FROM mart.persons "
                                "WHERE contains(CAST(benefits AS VARCHAR), 'disability_allowance')")
    answered = ask(gateway, ANALYST, "How many people receive a disability allowance?", purpose=EVALUATION)
    assert answered.refusal is None and answered.rows, answered


def test_a_breakdown_by_benefit_kind_leaves_the_disability_allowance_out_for_a_role_that_may_not_see_it(
        gateway: Gateway) -> None:
    """The count of the disability allowance's recipients is refused to such a role, so a breakdown by kind does not
    show it either, and says so; a social worker under a purpose sees it."""
    hidden = ask(gateway, DECLINER, "number of payments by kind")
    assert hidden.rows and "disability_allowance" not in {r[0] for r in hidden.rows}, hidden
    assert "disability allowance is not shown" in hidden.understood, hidden.understood
    shown = ask(gateway, ANALYST, "number of payments by kind", purpose=EVALUATION)
    assert "disability_allowance" in {r[0] for r in shown.rows}, shown


@pytest.mark.parametrize(("question", "fragments"), [
    ("Median family monthly income, North Kazakhstan Region", ("median(monthly_income)", "region = '59'")),
    ("monthly family income in Pavlodar region, average", ("avg(monthly_income)",)),
    ("г. Алматы — семьи с 1 ребёнком до 18 лет — кол-во", ("children_under_18 = 1", "region = '75'")),
    ("families with 2 children under 18 years old", ("children_under_18 = 2",)),
    ("Чему равна медианная площадь жилья в Алматинской области?", ("median(area_m2)", "region = '19'")),
    ("Сколько семей не имеют ни автомобиля, ни собственной недвижимости?", ("owns_property", "vehicles")),
    ("Отдел анализа г. Астаны: какой средний балл по карте семьи?", ("avg(score)", "region = '71'")),
    ("Astana city analytics team here: how many households have exactly three members?", ("members = 3",)),
    ("the number of dwellings without central sewerage in Zhetysu Region", ("NOT sewerage", "region = '33'")),
])
def test_wordings_read_since_the_thirtieth_corpus(question: str, fragments: tuple[str, ...]) -> None:
    """A family's monthly income with "monthly" inside it, children counted under 18 with the years after the
    age, "what is it equal to", one's own property, a label with a place's abbreviated dot, a team's label, central
    sewerage: each read as meant."""
    _reads(question, *fragments)
