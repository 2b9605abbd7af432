"""Schema-aware attacks on the gateway, each with its exact outcome, over the registry of tests/gateway_registry.py
(reg.persons: id, iin, familiya, data_rozhdeniya, kato, diagnoz (special), dohod; reg.payments: id, iin, kato,
summa, data_vyplaty). Outcomes:

- a refusal reason (PolicyError.reason): "syntax", "function", "table", "scope", "resolve", "parse",
  "statement", "aggregate", "shape", "bounds", "hidden", "identifying", "untraced", "engine", "forbidden";
- ("rows", [...]): exactly these rows (person-level, with a purpose);
- ("same", SQL): exactly the rows of another, plainly written query (a trick that must see no more than it);
- ("private", None): a differentially private answer (noise, budget spent, audited as such);
- ("private", []): a differentially private answer that releases no group;
- ("traced", N): answered, and the audit entry names exactly N persons.

Users: analyst (region 79, pseudonyms and years), worker (social worker), auditor, admin. A purpose is "case 1".
"""

from __future__ import annotations

from typing import Any

Attack = tuple[str, str, bool, str, Any]
"""(class, user, with a purpose, SQL, outcome)"""

HIDDEN_COLUMNS: list[Attack] = [
    *[("hidden_columns", user, True, sql, outcome) for user in ("analyst", "worker", "auditor", "admin")
      for sql, outcome in [
          ("SELECT p FROM reg.persons p", "syntax"),  # a whole-row reference
          ("SELECT persons FROM reg.persons", "syntax"),
          ("SELECT p.persons FROM reg.persons p", "resolve"),
          ("SELECT * EXCLUDE (familiya) FROM reg.persons", "syntax"),
          ("SELECT * REPLACE (1 AS familiya) FROM reg.persons", "syntax"),
          ("SELECT COLUMNS('.*') FROM reg.persons", "function"),
          ("SELECT COLUMNS(*) FROM reg.persons", "function"),
          ("SELECT #1 FROM reg.persons", "syntax"),
          ("SELECT struct_pack(a := iin) FROM reg.persons", "function"),
          ("SELECT {'a': iin} FROM reg.persons", "function"),
          ("SELECT [iin, familiya] FROM reg.persons", "function"),
          ("SELECT list_value(iin) FROM reg.persons", "function"),
          ("SELECT row(iin, familiya) FROM reg.persons", "function"),
          ("SELECT to_json(p) FROM reg.persons p", "function"),
          ('SELECT "__ukimet_person_iin" FROM reg.persons', "resolve"),
          ('SELECT t."__ukimet_person_iin" FROM reg.persons t', "resolve"),
          ('SELECT "__ukimet_unit" FROM reg.persons', "resolve"),
          ("SELECT p.iin.x FROM reg.persons p", "syntax"),  # a struct field path
          ("SELECT iin[1] FROM reg.persons", "syntax"),
          ("SELECT iin->>'$' FROM reg.persons", "function"),
          ("SELECT unnest([iin]) FROM reg.persons", "function"),
          ("SELECT (iin, familiya) FROM reg.persons", "syntax"),
          ("SELECT CAST(p AS VARCHAR) FROM reg.persons p", "syntax"),
          ("SELECT CAST(iin AS STRUCT(a VARCHAR)) FROM reg.persons", "syntax"),
          ("SELECT CAST(iin AS JSON) FROM reg.persons", "syntax"),
          ("SELECT CAST(iin AS BLOB) FROM reg.persons", "syntax"),
          ("SELECT * FROM reg.persons AT (VERSION => 1)", "syntax"),
          ("SELECT * FROM reg.persons TABLESAMPLE 10%", "syntax"),
          ("SELECT * FROM reg.persons POSITIONAL JOIN reg.payments", "syntax"),
          ("SELECT * FROM reg.persons p ASOF JOIN reg.payments q ON p.id >= q.id", "syntax"),
          ("SELECT * FROM reg.persons NATURAL JOIN reg.payments", "syntax"),
          ("SELECT * FROM reg.persons p SEMI JOIN reg.payments q ON p.iin = q.iin", "syntax"),
          ("SELECT * FROM reg.persons p ANTI JOIN reg.payments q ON p.iin = q.iin", "syntax"),
          ("SELECT DISTINCT ON (kato) * FROM reg.persons", "syntax"),
          ("SELECT id FROM reg.persons QUALIFY row_number() OVER () = 1", "syntax"),
          ("SELECT * FROM reg.persons, unnest([1, 2])", "function"),
          ("SELECT id FROM reg.persons ORDER BY ALL", "syntax"),
      ]],
    ("hidden_columns", "analyst", True, "SELECT p.* FROM reg.persons p WHERE p.id = 1",
     ("same", "SELECT id, iin, familiya, data_rozhdeniya, kato, diagnoz, dohod FROM reg.persons WHERE id = 1")),
    ("hidden_columns", "auditor", True, "SELECT * FROM reg.persons WHERE id = 2",
     ("same", "SELECT id, iin, familiya, data_rozhdeniya, kato, diagnoz, dohod FROM reg.persons WHERE id = 2")),
    ("hidden_columns", "auditor", True, "SELECT iin, familiya FROM reg.persons WHERE id = 1", ("rows", [[None, None]])),
    ("hidden_columns", "admin", True, "SELECT iin, dohod FROM reg.persons WHERE id = 1", ("rows", [[None, None]])),
    ("hidden_columns", "worker", True, "SELECT diagnoz FROM reg.persons WHERE id = 1", ("rows", [["J***"]])),
    ("hidden_columns", "analyst", True, "WITH t AS (SELECT * FROM reg.persons) SELECT t.* FROM t WHERE id = 2",
     ("same", "SELECT id, iin, familiya, data_rozhdeniya, kato, diagnoz, dohod FROM reg.persons WHERE id = 2")),
]

SCOPE: list[Attack] = [
    ("scope", "worker", True, "WITH pg_settings AS (SELECT 1 AS x) SELECT x FROM pg_settings", ("rows", [[1]])),
    ("scope", "worker", True, "SELECT * FROM (WITH pg_settings AS (SELECT 1 AS x) SELECT x FROM pg_settings) t, "
     "pg_settings", "table"),
    ("scope", "worker", True, "SELECT * FROM (WITH duckdb_tables AS (SELECT 1 AS x) SELECT x FROM duckdb_tables) t "
     "JOIN duckdb_tables ON true", "table"),
    ("scope", "worker", True, "WITH a AS (SELECT * FROM b), b AS (SELECT 1 AS x) SELECT * FROM a", "table"),
    ("scope", "worker", True, "SELECT * FROM information_schema.tables", "table"),
    ("scope", "worker", True, "SELECT * FROM information_schema.columns WHERE table_schema = 'reg'", "table"),
    ("scope", "worker", True, "SELECT * FROM duckdb_settings()", "table"),
    ("scope", "worker", True, "SELECT * FROM pg_catalog.pg_class", "table"),
    ("scope", "worker", True, "SELECT * FROM main.persons", "table"),
    ("scope", "worker", True, "SELECT * FROM persons", "table"),
    ("scope", "worker", True, "SELECT * FROM store.reg.persons", "table"),
    ("scope", "worker", True, "SELECT * FROM reg.__staging", "table"),
    ("scope", "worker", True, "SELECT * FROM reg.persons x, reg.payments x", "scope"),
    ("scope", "worker", True, "SELECT x.diagnoz FROM reg.persons x JOIN reg.payments x ON true", "scope"),
    ("scope", "worker", True, "SELECT 1 FROM (SELECT 1 AS a) t, (SELECT 2 AS a) t", "scope"),
    ("scope", "worker", True, "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) "
     "SELECT n FROM r", "syntax"),
    ("scope", "worker", True, "WITH duckdb_settings AS (SELECT 1 AS x) SELECT * FROM duckdb_settings()", "table"),
    ("scope", "worker", True, "SELECT * FROM read_csv('/etc/passwd')", "table"),
    ("scope", "worker", True, "SELECT * FROM 'store.duckdb'", "table"),
    ("scope", "worker", True, "SELECT * FROM glob('*')", "table"),
    ("scope", "worker", True, "ATTACH 'x.db' AS x", "statement"),
    ("scope", "worker", True, "SELECT 1; SELECT 2", "statement"),
    ("scope", "worker", True, "PRAGMA database_list", "statement"),
    ("scope", "worker", True, "SET memory_limit = '100GB'", "statement"),
    ("scope", "worker", True, "SELECT $1 FROM reg.persons", "syntax"),
    ("scope", "worker", True, "SELECT getvariable('x')", "function"),
]

FUNCTIONS: list[Attack] = [
    ("functions", "worker", True, f"SELECT {call} FROM reg.persons WHERE id = 1", outcome)
    for call, outcome in [
        ("md5(familiya)", "function"), ("sha256(familiya)", "function"), ("sha1(familiya)", "function"),
        ("hash(familiya)", "function"), ("random()", "function"), ("uuid()", "function"),
        ("gen_random_uuid()", "function"), ("levenshtein(familiya, 'Ким')", "function"),
        ("jaro_winkler_similarity(familiya, 'Ким')", "function"), ("regexp_extract(iin, '\\d+')", "function"),
        ("hex(iin)", "function"), ("encode(iin)", "function"), ("to_base64(encode(iin))", "function"),
        ("getenv('HOME')", "function"), ("current_setting('threads')", "function"), ("version()", "function"),
        ("current_database()", "function"), ("current_schema()", "function"), ("repeat('x', 2000000000)", "function"),
        ("lpad('x', 2000000000, 'y')", "function"), ("rpad('x', 2000000000, 'y')", "function"),
        ("string_split(familiya, 'a')", "function"), ("json_extract(iin, '$')", "function"),
        ("json_object('a', iin)", "function"), ("map([1], [iin])", "function"), ("list_pack(iin)", "function"),
        ("array_length([1])", "function"), ("typeof(iin)", "function"), ("stats(iin)", "function"),
        ("error('x')", "function"), ("setseed(0.5)", "function"), ("nextval('s')", "function"),
        ("bit_count(id)", "function"), ("ascii(familiya)", "function"), ("unicode(familiya)", "function"),
        ("printf('%s', iin)", "function"), ("format('{}', iin)", "function"), ("base64(iin)", "function"),
        ("sqrt(dohod) IS NULL", ("rows", [[False]])), ("upper(familiya)", ("rows", [["АХМЕТОВ"]])),
    ]
]

AGGREGATE_ISOLATION: list[Attack] = [
    ("aggregate_isolation", "worker", False, sql, outcome) for sql, outcome in list[tuple[str, Any]]([
        ("SELECT sum(CASE WHEN id = 3 THEN dohod END) FROM reg.persons", "aggregate"),
        ("SELECT sum(CASE WHEN data_rozhdeniya = '1952-03-03' THEN dohod ELSE 0 END) FROM reg.persons", "aggregate"),
        ("SELECT avg(dohod) FILTER (WHERE id = 3) FROM reg.persons", "aggregate"),
        ("SELECT count(*) FILTER (WHERE dohod > 120000) FROM reg.persons", "aggregate"),
        ("SELECT sum(floor(dohod / 1000) % 10 * 1000000) FROM reg.persons WHERE id = 3", "aggregate"),
        ("SELECT sum(dohod * 1) FROM reg.persons", "aggregate"),
        ("SELECT sum(dohod + 0) FROM reg.persons", "aggregate"),
        ("SELECT sum(CAST(dohod AS DOUBLE)) FROM reg.persons", "aggregate"),
        ("SELECT avg(-dohod) FROM reg.persons", "aggregate"),
        ("SELECT sum(abs(dohod)) FROM reg.persons", "aggregate"),
        ("SELECT bool_or(id = 3 AND dohod > 102000) FROM reg.persons", "aggregate"),
        ("SELECT bool_and(dohod > 100000) FROM reg.persons", "aggregate"),
        ("SELECT quantile_cont(dohod, 1.0) FROM reg.persons", "aggregate"),
        ("SELECT quantile_cont(dohod, 0.0) FROM reg.persons", "aggregate"),
        ("SELECT quantile_disc(dohod, 0.5) FROM reg.persons", "aggregate"),
        ("SELECT median(dohod) FROM reg.persons", "private"),
        ("SELECT median(dohod) FROM reg.persons WHERE id = 3", "private"),
        ("SELECT median(dohod + 0) FROM reg.persons", "aggregate"),
        ("SELECT median(id) FROM reg.persons", "bounds"),
        ("SELECT stddev(dohod) FROM reg.persons", "aggregate"),
        ("SELECT variance(dohod) FROM reg.persons", "aggregate"),
        ("SELECT corr(dohod, id) FROM reg.persons", "aggregate"),
        ("SELECT count_if(dohod > 150000) FROM reg.persons", "aggregate"),
        ("SELECT max(dohod) - min(dohod) FROM reg.persons", "aggregate"),
        ("SELECT arg_max(familiya, dohod) FROM reg.persons", "aggregate"),
        ("SELECT string_agg(familiya, ',') FROM reg.persons", "aggregate"),
        ("SELECT list(dohod) FROM reg.persons", "aggregate"),
        ("SELECT first(iin) FROM reg.persons", "aggregate"),
        ("SELECT count(DISTINCT dohod + 1) FROM reg.persons", "aggregate"),
        ("SELECT count(dohod > 1) FROM reg.persons", "aggregate"),
        ("SELECT sum(id) FROM reg.persons", "bounds"),
        ("SELECT avg(summa) FROM reg.payments", "private"),
        ("SELECT sum(dohod) FROM reg.persons WHERE id = 3", "private"),
        ("SELECT avg(dohod) FROM reg.persons WHERE data_rozhdeniya = '1952-03-03' AND kato = '790100100'",
         "private"),
        ("SELECT count(*) FROM reg.persons WHERE id = 3 AND dohod > 102000", "private"),
        ("SELECT sum(dohod) * 2, sum(dohod) / count(*) FROM reg.persons", "private"),
        ("SELECT count(DISTINCT familiya) FROM reg.persons", "private"),
        ("SELECT count(DISTINCT iin) FROM reg.payments", "private"),
        ("SELECT data_rozhdeniya, count(*) FROM reg.persons GROUP BY data_rozhdeniya", ("private", [])),
        ("SELECT id, count(*) FROM reg.persons GROUP BY id", ("private", [])),
        ("SELECT dohod, count(*) FROM reg.persons GROUP BY dohod", ("private", [])),
        ("SELECT familiya, count(*) FROM reg.persons GROUP BY familiya", ("private", [])),
        ("SELECT familiya, data_rozhdeniya, count(*) FROM reg.persons GROUP BY ALL", ("private", [])),
        ("SELECT dohod % 7, count(*) FROM reg.persons GROUP BY dohod % 7", ("private", [])),
        ("SELECT iin, count(*) FROM reg.payments GROUP BY iin", "identifying"),
        ("SELECT upper(iin), count(*) FROM reg.payments GROUP BY upper(iin)", "identifying"),
        ("SELECT count(*), dohod FROM reg.persons", "shape"),
        ("SELECT dohod FROM reg.persons", "shape"),
        ("SELECT DISTINCT familiya FROM reg.persons", "shape"),
        ("SELECT kato, count(*) FROM reg.persons GROUP BY kato HAVING count(*) < 30", "shape"),
        ("SELECT count(*) OVER () FROM reg.persons", "shape"),
        ("SELECT count(*) FROM reg.persons UNION ALL SELECT count(*) FROM reg.payments", "shape"),
        ("SELECT count(*) FROM reg.persons p JOIN reg.payments q ON p.iin = q.iin", "shape"),
        ("SELECT count(*) FROM reg.persons, reg.payments", "shape"),
        ("WITH t AS (SELECT * FROM reg.persons) SELECT count(*) FROM t", "shape"),
        ("SELECT count(*) FROM (SELECT * FROM reg.persons WHERE id = 3) t", "shape"),
        ("SELECT count(*) FROM reg.persons WHERE dohod > (SELECT avg(dohod) FROM reg.persons)", "shape"),
        ("SELECT count(*) FROM reg.persons WHERE iin IN (SELECT iin FROM reg.payments)", "shape"),
        ("SELECT count(*) FROM reg.persons WHERE EXISTS (SELECT 1 FROM reg.payments)", "shape"),
        ("SELECT count(*), (SELECT list(iin) FROM reg.persons) FROM reg.persons", "shape"),
        ("SELECT count(*) FROM reg.persons WHERE count(*) > 1", "shape"),
        ("SELECT kato, count(*) FROM reg.persons GROUP BY kato ORDER BY max(dohod)", "shape"),
        ("SELECT avg(diagnoz) FROM reg.persons", "hidden"),
        ("SELECT count(*) FROM reg.persons WHERE diagnoz LIKE 'J45%'", "hidden"),
        ("SELECT diagnoz, count(*) FROM reg.persons GROUP BY diagnoz", "hidden"),
    ])
]

ERROR_ORACLES: list[Attack] = [
    *[("error_oracle", "worker", False, sql, "private") for sql in [
        "SELECT count(*) FROM reg.persons WHERE CAST(CAST(data_rozhdeniya AS VARCHAR) || '|' || CAST(dohod AS "
        "VARCHAR) AS INT) > 0",
        "SELECT count(*) FROM reg.persons WHERE 1 // (dohod - 102000) > 0",
        "SELECT count(*) FROM reg.persons WHERE dohod * 9223372036854775807 > 0",
        "SELECT count(*) FROM reg.persons WHERE CAST(familiya AS INT) = 1",
        "SELECT count(*) FROM reg.persons WHERE id = 3 AND CAST(dohod AS TINYINT) = 1",
        "SELECT count(*) FROM reg.persons WHERE CAST(data_rozhdeniya AS DATE) + INTERVAL 5877000 YEAR > "
        "DATE '2000-01-01'",
        "SELECT count(*) FROM reg.persons WHERE make_date(CAST(dohod AS BIGINT), 1, 1) IS NOT NULL",
        "SELECT count(*) FROM reg.persons WHERE strptime(familiya, '%Y') IS NULL",
        "SELECT count(*) FROM reg.persons WHERE ln(dohod - 150000) > 0",
        "SELECT count(*) FROM reg.persons WHERE dohod % (id - 3) = 0",
        "SELECT kato, count(*) FROM reg.persons WHERE CAST(familiya AS DATE) IS NULL GROUP BY kato",
        "SELECT sum(dohod) FROM reg.persons WHERE CAST(iin AS BIGINT) > 0",
    ]],
    *[("error_oracle", user, True, sql, "engine") for user in ("worker", "analyst") for sql in [
        "SELECT CAST(familiya AS INT) FROM reg.persons WHERE id = 1",
        "SELECT CAST(CAST(data_rozhdeniya AS VARCHAR) || '|' || CAST(dohod AS VARCHAR) AS INT) FROM reg.persons",
        "SELECT CAST(dohod AS TINYINT) FROM reg.persons",
        "SELECT CAST(iin AS BIGINT) * 9223372036854775807 FROM reg.persons WHERE id = 2",
    ]],
]

UNTRACED: list[Attack] = [
    ("untraced_persons", "worker", True,
     "SELECT * FROM (SELECT familiya, data_rozhdeniya, count(*) AS n FROM reg.persons GROUP BY ALL) t LIMIT 200",
     ("traced", 60)),
    ("untraced_persons", "worker", True,
     "SELECT familiya, count(*) FROM (SELECT familiya, data_rozhdeniya, count(*) AS n FROM reg.persons "
     "GROUP BY ALL) t GROUP BY familiya", ("traced", 60)),
    ("untraced_persons", "worker", True,
     "WITH c AS (SELECT familiya, count(*) AS n FROM reg.persons GROUP BY familiya) SELECT * FROM c", ("traced", 60)),
    ("untraced_persons", "worker", True, "SELECT string_agg(familiya, ',') FROM reg.persons", ("traced", 60)),
    ("untraced_persons", "worker", True, "SELECT list(iin) FROM reg.persons WHERE kato = '750000000'",
     ("traced", 20)),
    ("untraced_persons", "worker", True, "SELECT min(familiya) FROM reg.persons", ("traced", 60)),
    ("untraced_persons", "worker", True, "SELECT count(*) FROM reg.persons", ("traced", 60)),
    ("untraced_persons", "worker", True, "SELECT kato, count(*) FROM reg.persons GROUP BY kato", ("traced", 60)),
    ("untraced_persons", "worker", True, "SELECT avg(dohod) FROM reg.persons WHERE kato = '790100100' AND id <> 3",
     ("traced", 39)),
    ("untraced_persons", "worker", True, "SELECT familiya, count(*) FROM reg.persons GROUP BY familiya",
     ("traced", 60)),
    ("untraced_persons", "worker", True, "SELECT familiya FROM reg.persons WHERE id = 3", ("traced", 1)),
    ("untraced_persons", "worker", True, "SELECT DISTINCT familiya FROM reg.persons WHERE id <= 3",
     ("traced", 3)),
    ("untraced_persons", "worker", True,
     "SELECT familiya FROM reg.persons WHERE id = 1 UNION SELECT familiya FROM reg.persons WHERE id = 9",
     ("traced", 2)),
    ("untraced_persons", "worker", True,
     "SELECT x FROM (SELECT familiya AS x FROM reg.persons WHERE id = 1 UNION ALL SELECT familiya FROM reg.persons "
     "WHERE id = 2) t", ("traced", 2)),
    ("untraced_persons", "worker", True, "SELECT p.familiya, q.summa FROM reg.persons p JOIN reg.payments q "
     "ON p.iin = q.iin WHERE p.id = 2", ("traced", 1)),
    ("untraced_persons", "worker", True, "SELECT familiya, row_number() OVER (ORDER BY id) FROM reg.persons "
     "WHERE id <= 4", ("traced", 4)),
    ("untraced_persons", "worker", True, "SELECT count(*) FROM reg.payments WHERE iin = (SELECT iin FROM "
     "reg.persons WHERE id = 5)", "untraced"),
    ("untraced_persons", "worker", True, "SELECT familiya FROM reg.persons WHERE id IN (SELECT id FROM reg.persons "
     "WHERE dohod > 150000)", "untraced"),
    ("untraced_persons", "worker", True, "SELECT (SELECT max(familiya) FROM reg.persons) AS x", "untraced"),
    ("untraced_persons", "worker", True, "SELECT EXISTS (SELECT 1 FROM reg.persons WHERE id = 3 AND dohod > 1)",
     "untraced"),
    ("untraced_persons", "worker", True, "SELECT id FROM reg.persons p WHERE dohod > (SELECT avg(dohod) FROM "
     "reg.persons q WHERE q.kato = p.kato)", "untraced"),
    ("untraced_persons", "worker", True, "SELECT * FROM (SELECT familiya FROM reg.persons UNION SELECT familiya "
     "FROM reg.payments p JOIN reg.persons q ON p.iin = q.iin) t", "untraced"),
    ("untraced_persons", "worker", True, "SELECT x FROM (SELECT DISTINCT familiya AS x FROM reg.persons) t",
     "untraced"),
]

ADMIN_AUDITOR: list[Attack] = [
    ("admin_auditor", user, False, sql, outcome) for user in ("admin", "auditor") for sql, outcome in [
        ("SELECT avg(dohod) FROM reg.persons", "hidden"),
        ("SELECT sum(dohod) FROM reg.persons WHERE id = 3", "hidden"),
        ("SELECT count(*) FROM reg.persons WHERE dohod > 150000", "hidden"),
        ("SELECT count(*) FROM reg.persons WHERE familiya = 'Ким'", "hidden"),
        ("SELECT data_rozhdeniya, count(*) FROM reg.persons GROUP BY data_rozhdeniya", "hidden"),
        ("SELECT count(*) FROM reg.persons WHERE diagnoz IS NOT NULL", "hidden"),
        ("SELECT kato, count(*) FROM reg.persons GROUP BY kato", "private"),
        ("SELECT max(dohod) FROM reg.persons", "hidden"),
    ]
]

ATTACKS: list[Attack] = [*HIDDEN_COLUMNS, *SCOPE, *FUNCTIONS, *AGGREGATE_ISOLATION, *ERROR_ORACLES, *UNTRACED,
                         *ADMIN_AUDITOR]
