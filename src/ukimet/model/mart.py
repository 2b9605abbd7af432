"""The analytics mart: one clean row per linked person, family, benefit, payment and dwelling, built from the
synced store and the linkage results as of a date, as the mapping file declares (model/data/mart.toml). It is a
pipeline stage like linkage (it reads the store directly and writes schema ``mart``); the mart's tables are
catalogued with the meaning and sensitivity of every column, so that every analyst's read of them goes through
the gateway like a read of any agency table. A person of the mart is an identified one: a linked entity with a
valid IIN (records that linkage could not resolve to anyone stay in its review queue, not in the statistics).

    build_mart(con, metadata, as_of=dt.date(2026, 1, 1))
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import duckdb
import sqlglot
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict, model_validator
from sqlalchemy import Engine
from sqlglot import exp

from ukimet.connect.catalog import SENSITIVITIES, DerivedColumn, publish_derived, table_keys
from ukimet.connect.classify import COLUMN_TYPES
from ukimet.core.config_files import FROZEN, TableName, Text, one_of, problem
from ukimet.core.errors import ConfigError
from ukimet.link.backend import Backend, DuckDBBackend, SparkBackend, local_spark
from ukimet.link.records import record_key_sql
from ukimet.model.data_files import load_data
from ukimet.model.family_card import DIMENSIONS, Card, load_card, scoring_sql
from ukimet.model.mart_spark import exchange, register_dates
from ukimet.model.source_stats import COLUMNS as SOURCE_STATS
from ukimet.model.source_stats import build_source_stats
from ukimet.sync.store import TABLES, ident, literal, publishing

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

SCHEMA = "mart"
PICKS = {"latest": "arg_max(__value, struct_pack(o := __order, v := __value))", "max": "max(__value)",
         "min": "min(__value)", "sum": "sum(__value)", "avg": "avg(__value)", "count": "count(__value)",
         "any": "min(__value)"}
"""How several rows reduce to one value; of rows equally late "latest" takes the largest value and "any" takes the
smallest, so that every run and engine takes the same."""
DATE_MACRO = """CREATE OR REPLACE TEMP MACRO ukimet_date(x) AS coalesce(
    TRY_CAST(x AS DATE), TRY_CAST(TRY_CAST(x AS TIMESTAMP) AS DATE),
    TRY_CAST(try_strptime(CAST(x AS VARCHAR), '%d.%m.%Y') AS DATE),
    TRY_CAST(try_strptime(CAST(x AS VARCHAR), '%d/%m/%Y') AS DATE),
    TRY_CAST(try_strptime(CAST(x AS VARCHAR), '%Y%m%d') AS DATE),
    TRY_CAST(try_strptime(CAST(x AS VARCHAR), '%d-%m-%Y') AS DATE))"""
PENSION_AGE = {"M": 63, "F": 61}
ADULT = 18


def _sql_type(name: str) -> str:
    try:
        exp.DataType.build(name, dialect="duckdb")
    except (sqlglot.errors.ParseError, ValueError):
        raise problem("config.sql_type", name=repr(name)) from None
    return name


class Source(BaseModel):
    """Where one person attribute is read: a SQL expression over a synced table's rows, how several rows
    reduce to one value, an optional condition and the party of the row."""

    model_config = FROZEN
    table: TableName
    value: Text
    pick: Annotated[str, one_of(PICKS)] = "any"
    order: Text | None = None
    where: Text | None = None
    party: Text = "subject"

    @model_validator(mode="after")
    def _ordered(self) -> Source:
        if self.pick == "latest" and not self.order:
            raise problem("config.latest_order")
        return self


class Attribute(BaseModel):
    """One column of mart.persons: its type, meaning, sensitivity and the sources it is read from, in order."""

    model_config = FROZEN
    name: Text
    type: Annotated[str, Strict(), AfterValidator(_sql_type)]
    sources: Annotated[tuple[Source, ...], Field(min_length=1)]
    semantic_type: Annotated[str, one_of(COLUMN_TYPES)] | None = None
    sensitivity: Annotated[str, one_of(SENSITIVITIES)] = "personal"


class Benefits(BaseModel):
    """The table of benefit awards, its columns, and the agency's words for each kind of benefit."""

    model_config = FROZEN
    table: TableName
    key: Text
    kind: Text
    start: Text
    end: Text
    amount: Text
    kinds: dict[str, Text] = {}
    """the kind as recorded -> the mart's kind (the rest are 'other')"""
    pensions: tuple[Text, ...] = ()
    """the mart's kinds that are pensions, not state social benefits (old_age_pension): a person or family on a
    pension alone receives no benefit (``receives_benefit``), and ``receives_pension`` says they have one"""


class Payments(BaseModel):
    model_config = FROZEN
    table: TableName
    benefit: Text
    amount: Text
    paid_on: Text


class Companies(BaseModel):
    """The business registry the mart's companies take their name, region and status from."""

    model_config = FROZEN
    table: TableName
    bin: Text
    name: Text
    region: Text
    status: Text
    active: Text
    """the status that means active"""
    registered: Text


class Dwellings(BaseModel):
    """The dwellings table, its key, and every other key a column of mart.dwellings as a SQL expression."""

    model_config = ConfigDict(extra="allow", frozen=True)
    __pydantic_extra__: dict[str, Text] = Field(init=False)
    table: TableName
    key: Text

    @property
    def columns(self) -> dict[str, str]:
        """column -> SQL expression over the dwellings table's row"""
        return dict(self.__pydantic_extra__)


class Mapping(BaseModel):
    """A mapping file: the person attributes, benefits, payments, dwellings (table, key, and any columns as SQL
    expressions) and, optionally, the business registry."""

    model_config = FROZEN
    person: Annotated[tuple[Attribute, ...], Field(min_length=1)]
    benefits: Benefits
    payments: Payments
    dwellings: Dwellings
    companies: Companies | None = None

    @property
    def attributes(self) -> tuple[Attribute, ...]:
        return self.person

    @property
    def kinds(self) -> dict[str, str]:
        return self.benefits.kinds


def load_mapping(path: Path | None = None) -> Mapping:
    """The mapping file (default: the one shipped for the synthetic country), every key checked."""
    return load_data(Mapping, "mart.toml", path)


def _table(name: str) -> tuple[str, str]:
    source, _, table = name.partition(".")
    if not table:
        raise ConfigError("mart.table_name", name=name)
    return source, table


def _source_sql(con: duckdb.DuckDBPyConnection, metadata: Engine, s: Source, as_of: dt.date) -> str | None:
    """person_id -> the value one source gives (None when the table is not in the store)."""
    source, table = _table(s.table)
    known = con.execute(f"SELECT count(*) FROM {TABLES} WHERE table_schema = ? AND table_name = ?",
                        [source, table]).fetchone()
    if not known or not known[0]:
        return None
    key = record_key_sql(table_keys(metadata, source).get(table) or [])
    day = f"DATE '{as_of.isoformat()}'"
    where = f"WHERE {s.where.format(as_of=day)}" if s.where else ""
    order = f", ({s.order}) AS __order" if s.order else ""
    rows = (f"SELECT {key} AS __key, ({s.value.format(as_of=day)}) AS __value{order} "
            f"FROM {ident(source)}.{ident(table)} {where}")
    return (f"SELECT e.entity_id AS person_id, {PICKS[s.pick]} AS v FROM ({rows}) t "
            f"JOIN link.person_records r ON r.source = '{source}' AND r.source_table = '{table}' "
            f"AND r.party = '{s.party}' AND r.record_key = t.__key JOIN link.entities e USING (record_id) "
            f"WHERE t.__value IS NOT NULL {'AND t.__order IS NOT NULL' if s.pick == 'latest' else ''} GROUP BY 1")


def _most_common(rows: str, key: str, column: str, alias: str) -> str:
    """``key`` -> the value of ``column`` that most of its rows hold, the smallest of equals (as ``alias``): the
    engines' own ``mode()`` break ties each its own way."""
    return (f"SELECT {key}, {column} AS {alias} FROM (SELECT {key}, {column}, row_number() OVER (PARTITION BY {key} "
            f"ORDER BY count(*) DESC, {column}) AS __n FROM {rows} WHERE {column} IS NOT NULL "
            f"GROUP BY {key}, {column}) ranked WHERE __n = 1")


def _cents(number: str) -> str:
    """``number`` rounded to two decimals, half up, in the same floating-point steps on both engines (Spark's
    round() goes through the decimal a double prints as, DuckDB's through the double itself: 33.425 -> 33.43 or
    33.42)."""
    return f"floor(({number}) * 100 + 0.5) / 100"


def _in_cents(number: str) -> str:
    """``number`` in whole cents (half up): money is summed in integers, which neither engine's order of
    addition changes."""
    return f"CAST(floor(({number}) * 100 + 0.5) AS BIGINT)"


def _age(born: str, day: str) -> str:
    """Whole years from ``born`` to ``day`` (both dates), in SQL both engines read alike."""
    return (f"year({day}) - year({born}) - CASE WHEN month({born}) * 100 + day({born}) > "
            f"month({day}) * 100 + day({day}) THEN 1 ELSE 0 END")


def _persons(db: Backend, con: duckdb.DuckDBPyConnection, metadata: Engine, mapping: Mapping,
             as_of: dt.date) -> None:
    golden = ", ".join(f"max(value) FILTER (WHERE attribute = '{a}') AS {a}"
                       for a in ("iin", "surname", "first_name", "patronymic", "birth_date", "sex", "phone"))
    joins, columns = [], []
    for n, attribute in enumerate(mapping.attributes):
        parts = [sql for sql in (_source_sql(con, metadata, s, as_of) for s in attribute.sources) if sql]
        if not parts:
            columns.append(f"CAST(NULL AS {attribute.type}) AS {attribute.name}")
            continue
        ranked = " UNION ALL ".join(f"SELECT person_id, v, {i} AS rank FROM ({sql})" for i, sql in enumerate(parts))
        joins.append(f"LEFT JOIN (SELECT person_id, arg_min(v, rank) AS v FROM ({ranked}) GROUP BY 1) a{n} "
                     f"USING (person_id)")
        columns.append(f"CAST(a{n}.v AS {attribute.type}) AS {attribute.name}")
    day = f"DATE '{as_of.isoformat()}'"
    db.create(f"{SCHEMA}.persons", f"""
        WITH g AS (SELECT entity_id AS person_id, {golden} FROM link.golden GROUP BY 1),
        base AS (SELECT g.person_id, g.iin, g.surname, g.first_name, g.patronymic,
                        TRY_CAST(g.birth_date AS DATE) AS birth_date, g.sex, g.phone, {", ".join(columns)}
                 FROM g {" ".join(joins)} WHERE g.iin IS NOT NULL)
        SELECT base.*, CAST({_age("birth_date", day)} AS BIGINT) AS age,
               death_date IS NULL OR death_date > {day} AS alive,
               f.family_id, f.role AS family_role, h.household_id
        FROM base LEFT JOIN link.families f ON f.entity_id = base.person_id
        LEFT JOIN link.households h ON h.entity_id = base.person_id""")


def _benefits(db: Backend, metadata: Engine, mapping: Mapping, as_of: dt.date) -> None:
    b, p = mapping.benefits, mapping.payments
    source, table = _table(b.table)
    key = record_key_sql(table_keys(metadata, source).get(table) or [])
    kinds = " ".join(f"WHEN {literal(raw)} THEN {literal(kind)}" for raw, kind in mapping.kinds.items())
    day = f"DATE '{as_of.isoformat()}'"
    db.create(f"{SCHEMA}.benefits", f"""
        WITH t AS (SELECT {key} AS __key, * FROM {ident(source)}.{ident(table)})
        SELECT CAST(t.{ident(b.key)} AS VARCHAR) AS benefit_id, e.entity_id AS person_id,
               CASE t.{ident(b.kind)} {kinds} ELSE 'other' END AS kind, t.{ident(b.kind)} AS kind_as_recorded,
               ukimet_date(t.{ident(b.start)}) AS start_date, ukimet_date(t.{ident(b.end)}) AS end_date,
               CAST(t.{ident(b.amount)} AS DOUBLE) AS monthly_amount,
               ukimet_date(t.{ident(b.start)}) <= {day} AND (ukimet_date(t.{ident(b.end)}) IS NULL
                   OR ukimet_date(t.{ident(b.end)}) > {day}) AS active
        FROM t JOIN link.person_records r ON r.source = '{source}' AND r.source_table = '{table}'
             AND r.party = 'subject' AND r.record_key = t.__key
        JOIN link.entities e USING (record_id)""")
    ps, pt = _table(p.table)
    db.create(f"{SCHEMA}.payments", f"""
        SELECT b.benefit_id, b.person_id, b.kind, CAST(t.{ident(p.amount)} AS DOUBLE) AS amount,
               ukimet_date(t.{ident(p.paid_on)}) AS paid_on
        FROM {ident(ps)}.{ident(pt)} t
        JOIN {SCHEMA}.benefits b ON b.benefit_id = CAST(t.{ident(p.benefit)} AS VARCHAR)""")




def _dwellings(db: Backend, mapping: Mapping) -> None:
    d = mapping.dwellings
    source, table = _table(d.table)
    key = d.key
    shown = ", ".join(f"({expression}) AS {name}" for name, expression in d.columns.items())
    db.create(f"{SCHEMA}.dwellings", f"""
        SELECT d.{ident(key)} AS dwelling_id, {shown}, count(p.person_id) FILTER (WHERE p.alive) AS residents
        FROM {ident(source)}.{ident(table)} d LEFT JOIN {SCHEMA}.persons p ON p.dwelling_id = d.{ident(key)}
        GROUP BY ALL""")


def _kinds(pensions: tuple[str, ...]) -> str:
    """Per person, the kinds of their active benefits, whether one is a social benefit (``allowance``) and whether
    one is a pension (``pension``)."""
    listed = ", ".join("'" + kind.replace("'", "''") + "'" for kind in pensions)
    pension = f"kind IN ({listed})" if pensions else "FALSE"
    return (f"SELECT person_id, list(DISTINCT kind) AS kinds, bool_or(NOT ({pension})) AS allowance, "
            f"bool_or({pension}) AS pension FROM {SCHEMA}.benefits WHERE active GROUP BY 1")


def _families(db: Backend, as_of: dt.date, pensions: tuple[str, ...]) -> None:
    """Families of living members: composition, income per person (wages or declared income, plus the benefits
    actually paid over the last twelve months, per month), benefits, property, the family's dwelling."""
    pension = " OR ".join(f"(sex = '{s}' AND age >= {a})" for s, a in PENSION_AGE.items())
    day = f"DATE '{as_of.isoformat()}'"
    db.create(f"{SCHEMA}.families", f"""
        WITH paid AS (SELECT person_id, sum({_in_cents("amount")}) / 12 AS benefit_cents FROM {SCHEMA}.payments
                      WHERE paid_on > {day} - INTERVAL 365 DAY AND paid_on <= {day} GROUP BY 1),
        kinds AS ({_kinds(pensions)}),
        members AS (SELECT p.*, {_in_cents("coalesce(p.monthly_wage, p.annual_income / 12, 0)")} AS earned_cents,
                           {_in_cents("coalesce(paid.benefit_cents, 0) / 100")} AS benefit_cents, kinds.kinds,
                           kinds.allowance
                    FROM {SCHEMA}.persons p LEFT JOIN paid USING (person_id) LEFT JOIN kinds USING (person_id)
                    WHERE p.family_id IS NOT NULL AND p.alive),
        regions AS ({_most_common("members", "family_id", "region", "__region")}),
        homes AS ({_most_common("members", "family_id", "dwelling_id", "__dwelling")})
        SELECT family_id, min(__region) AS region, count(*) AS members,
               count(*) FILTER (WHERE family_role = 'child') AS children,
               count(*) FILTER (WHERE age < {ADULT}) AS children_under_18,
               count(*) FILTER (WHERE age >= {ADULT}) AS adults,
               count(*) FILTER (WHERE family_role = 'spouse') AS spouses,
               count(*) FILTER (WHERE disability_group IS NOT NULL) AS disabled,
               count(*) FILTER (WHERE {pension}) AS pensioners,
               count(*) FILTER (WHERE age BETWEEN {ADULT} AND 62 AND NOT coalesce(employed, false)
                                AND disability_group IS NULL) AS working_age_not_employed,
               count(*) FILTER (WHERE job_seeker) AS job_seekers,
               count(*) FILTER (WHERE age BETWEEN 7 AND 17) AS school_age,
               count(*) FILTER (WHERE age BETWEEN 7 AND 17 AND coalesce(in_school, false)) AS school_age_in_school,
               (sum(earned_cents) + sum(benefit_cents)) / 100 AS monthly_income,
               {_cents('(sum(earned_cents) + sum(benefit_cents)) / count(*) / 100')} AS income_per_person,
               coalesce(bool_or(allowance), FALSE) AS receives_benefit,
               list_sort(list_distinct(flatten(list(coalesce(kinds, []))))) AS benefit_kinds,
               bool_or(coalesce(owns_property, false)) AS owns_property,
               CAST(sum(coalesce(vehicles, 0)) AS BIGINT) AS vehicles,
               sum(coalesce(utility_debt, 0)) AS utility_debt,
               min(__dwelling) AS dwelling_id
        FROM members LEFT JOIN regions USING (family_id) LEFT JOIN homes USING (family_id)
        GROUP BY family_id""")
    db.rebuild(f"{SCHEMA}.families", f"""
        SELECT f.*, d.area_m2, d.rooms, d.residents AS dwelling_residents,
               {_cents('d.area_m2 / greatest(d.residents, f.members)')} AS area_per_person,
               d.water, d.gas, d.heating, d.sewerage
        FROM {SCHEMA}.families f LEFT JOIN {SCHEMA}.dwellings d ON d.dwelling_id = f.dwelling_id""")


COLUMNS: dict[str, dict[str, tuple[str | None, str]]] = {
    "persons": {"person_id": ("person_id", "personal"), "iin": ("iin", "personal"),
                "surname": ("surname", "personal"), "first_name": ("first_name", "personal"),
                "patronymic": ("patronymic", "personal"), "birth_date": ("birth_date", "personal"),
                "sex": ("sex", "public"), "phone": ("phone", "personal"), "region": ("region", "public"),
                "age": (None, "public"),
                "alive": (None, "public"), "family_id": ("family_id", "personal"),
                "family_role": (None, "public"), "household_id": (None, "personal")},
    "families": {"family_id": ("family_id", "personal"), "region": ("region", "public")},
    "family_scores": {"family_id": ("family_id", "personal"), "region": ("region", "public"),
                      "level": (None, "public"), "card_version": (None, "public")},
    "benefits": {"person_id": ("person_id", "personal"), "kind": (None, "public"),
                 "kind_as_recorded": (None, "public"), "active": (None, "public"), "region": ("region", "public"),
                 "sex": (None, "public"), "age": (None, "public")},
    "payments": {"person_id": ("person_id", "personal"), "kind": (None, "public"), "region": ("region", "public"),
                 "sex": (None, "public"), "age": (None, "public")},
    "dwellings": {"region": ("region", "public")},
    "as_of": {"as_of": (None, "public")},
    "source_stats": dict.fromkeys(SOURCE_STATS, (None, "public")),
    "parents": {"child_id": ("person_id", "personal"), "parent_id": ("person_id", "personal"),
                "relation": (None, "public")},
}
"""Semantic types and sensitivities of the mart's columns; the rest are personal, except the person
attributes, which declare their own in the mapping."""
KEYS = {"persons": ["person_id"], "families": ["family_id"], "benefits": ["benefit_id"], "payments": [],
        "dwellings": ["dwelling_id"], "family_scores": ["family_id"], "parents": [], "as_of": [],
        "source_stats": ["source"], "households": ["household_id"], "companies": ["company_id"]}


def _publish(con: duckdb.DuckDBPyConnection, metadata: Engine, mapping: Mapping) -> dict[str, int]:
    declared = {a.name: (a.semantic_type, a.sensitivity) for a in mapping.attributes}
    tables: dict[str, tuple[list[str], list[DerivedColumn]]] = {}
    rows: dict[str, int] = {}
    for name in KEYS:
        described = con.execute(f"DESCRIBE {SCHEMA}.{name}").fetchall()
        known = COLUMNS.get(name, {})
        columns = []
        for column, data_type, *_ in described:
            kind, sensitivity = known.get(column) or (declared.get(column) if name == "persons" else None) or \
                (None, "personal")
            columns.append(DerivedColumn(column, data_type, kind, sensitivity))
        tables[name] = (KEYS[name], columns)
        counted = con.execute(f"SELECT count(*) FROM {SCHEMA}.{name}").fetchone()
        rows[name] = int(counted[0]) if counted else 0
    publish_derived(metadata, SCHEMA, tables, rows)
    return rows


def _households_and_companies(db: Backend, mapping: Mapping) -> None:
    """Households (people at one address, from linkage) and companies (linked by BIN, with the registry's region
    and status when the mapping names a registry)."""
    living = f"(SELECT * FROM {SCHEMA}.persons WHERE alive AND household_id IS NOT NULL) living"
    db.create(f"{SCHEMA}.households", f"""SELECT household_id, min(__region) AS region,
        count(*) AS members, count(*) FILTER (WHERE age < {ADULT}) AS children
        FROM {living} LEFT JOIN ({_most_common(living, "household_id", "region", "__region")}) r
        USING (household_id) GROUP BY household_id""")
    c = mapping.companies
    if c is None:
        db.create(f"{SCHEMA}.companies", """SELECT company_id, bin, name,
            CAST(NULL AS VARCHAR) AS region, CAST(NULL AS BOOLEAN) AS active FROM link.companies""")
        return
    source, table = _table(c.table)
    db.create(f"{SCHEMA}.companies", f"""
        SELECT l.company_id, l.bin, coalesce(min(r.{ident(c.name)}), l.name) AS name,
               min({c.region}) AS region, bool_or(r.{ident(c.status)} = {literal(c.active)}) AS active,
               min(ukimet_date(r.{ident(c.registered)})) AS registered_on
        FROM link.companies l LEFT JOIN {ident(source)}.{ident(table)} r ON r.{ident(c.bin)} = l.bin
        GROUP BY l.company_id, l.bin, l.name""")


def _denormalise(db: Backend, pensions: tuple[str, ...]) -> None:
    """What questions filter on kept on the row they count: analysts see identifiers masked, so the mart's
    tables cannot be joined by them (a join of masks would join everyone)."""
    blocks = "".join(f"s.{block}, " for block in DIMENSIONS)  # the card's five blocks' scores, 0-100 each
    db.rebuild(f"{SCHEMA}.families", f"""SELECT f.*, {blocks}s.score, s.level
        FROM {SCHEMA}.families f JOIN {SCHEMA}.family_scores s ON s.family_id = f.family_id""")
    db.rebuild(f"{SCHEMA}.persons", f"""SELECT p.*, coalesce(list_sort(b.kinds), []) AS benefits,
            coalesce(b.allowance, FALSE) AS receives_benefit, coalesce(b.pension, FALSE) AS receives_pension
        FROM {SCHEMA}.persons p LEFT JOIN ({_kinds(pensions)}) b ON b.person_id = p.person_id""")
    for table in ("benefits", "payments"):
        db.rebuild(f"{SCHEMA}.{table}", f"""SELECT t.*, p.region, p.sex, p.age
            FROM {SCHEMA}.{table} t LEFT JOIN {SCHEMA}.persons p ON p.person_id = t.person_id""")


MADE = ("persons", "benefits", "payments", "dwellings", "families", "parents", "family_scores", "households",
        "companies", "as_of")
"""The mart's tables an engine makes (``source_stats``, about the sources, is made from the store itself)."""
LINKED = ("person_records", "entities", "golden", "families", "households", "relations", "companies")
"""The linkage results the mart reads."""


def _compute(db: Backend, con: duckdb.DuckDBPyConnection, metadata: Engine, mapping: Mapping, as_of: dt.date,
             card: Card | None) -> None:
    """Every table of ``MADE`` on ``db``, in DuckDB's dialect (Spark's translated); ``con``: the store, asked which
    tables it has."""
    _persons(db, con, metadata, mapping, as_of)
    _benefits(db, metadata, mapping, as_of)
    _dwellings(db, mapping)
    _families(db, as_of, mapping.benefits.pensions)
    db.create(f"{SCHEMA}.parents", """SELECT DISTINCT entity_b AS child_id, entity_a AS parent_id, relation
        FROM link.relations WHERE relation IN ('mother', 'father')""")
    db.create(f"{SCHEMA}.family_scores", scoring_sql(card or load_card()))
    _denormalise(db, mapping.benefits.pensions)
    _households_and_companies(db, mapping)
    db.create(f"{SCHEMA}.as_of", f"SELECT DATE '{as_of.isoformat()}' AS as_of")


def _read(con: duckdb.DuckDBPyConnection, metadata: Engine, mapping: Mapping) -> dict[str, bool]:
    """The store's tables the mapping reads (``schema.name``), each with whether it has no key (its rows are
    named by the lake's row number)."""
    named = [s.table for a in mapping.attributes for s in a.sources]
    named += [mapping.benefits.table, mapping.payments.table, mapping.dwellings.table]
    named += [mapping.companies.table] if mapping.companies else []
    present = {f"{schema}.{table}" for schema, table in con.execute(f"SELECT * FROM {TABLES}").fetchall()}
    tables = {f"link.{t}": False for t in LINKED}
    for name in dict.fromkeys(named):
        if name in present:
            source, table = _table(name)
            tables[name] = not table_keys(metadata, source).get(table)
    return tables


def build_mart(con: duckdb.DuckDBPyConnection, metadata: Engine, as_of: dt.date,
               mapping: Mapping | None = None, card: Card | None = None,
               engine: Literal["duckdb", "spark"] = "duckdb", spark: SparkSession | None = None,
               exchange_folder: Path | None = None) -> dict[str, int]:
    """Build every mart table as of ``as_of`` (needs a linkage run), score the families by the family card and
    catalogue them all; rows per table. ``engine="spark"``: computed in Spark (``spark``, else a local session)
    from the store's tables, the same tables as on DuckDB, passed through ``exchange_folder`` (default: the store's
    temporary folder); published in the store all the same."""
    mapping = mapping or load_mapping()
    linked = con.execute(f"SELECT count(*) FROM {TABLES} WHERE table_schema = 'link' "
                         "AND table_name IN ('golden', 'entities', 'families')").fetchone()
    if not linked or linked[0] < 3:
        raise ConfigError("mart.not_linked")
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
    message = f"ukimet mart build --as-of {as_of.isoformat()}"
    if engine == "spark":
        db = SparkBackend(spark or local_spark())
        register_dates(db)
        with exchange(con, db, exchange_folder) as move:
            for table, keyless in _read(con, metadata, mapping).items():
                move.send(table, rowid=keyless)
            _compute(db, con, metadata, mapping, as_of, card)
            with publishing(con, message):  # the whole mart, one snapshot
                for name in MADE:
                    move.back(f"{SCHEMA}.{name}")
                build_source_stats(con, metadata)
    elif engine == "duckdb":
        con.execute(DATE_MACRO)
        with publishing(con, message):
            _compute(DuckDBBackend(con, temporary=True), con, metadata, mapping, as_of, card)  # no spill at 1 M
            build_source_stats(con, metadata)
    else:
        raise ConfigError("mart.engine", engine=engine)
    return _publish(con, metadata, mapping)
