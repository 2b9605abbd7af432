"""What the gateway agrees to run: exactly one read-only query (SELECT, WITH, UNION ...) over catalogued tables,
with known columns and harmless functions. Anything else is refused with the reason: file readers and other
table functions, ATTACH, COPY, INSTALL, LOAD, PRAGMA, SET, several statements, system tables, unknown tables or
columns, and any function outside the allow-list. What is not understood is refused (fail closed)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlglot
from sqlglot import exp
from sqlglot.errors import OptimizeError, SqlglotError
from sqlglot.optimizer.qualify import qualify
from sqlglot.schema import MappingSchema

from ukimet.core.errors import PolicyError


@dataclass(frozen=True)
class ColumnInfo:
    data_type: str
    semantic_type: str | None
    sensitivity: str | None


Catalog = dict[tuple[str, str], dict[str, ColumnInfo]]
"""(schema, table) -> column -> what the catalog knows of it"""

ALLOWED_FUNCTIONS = frozenset({
    "abs", "ceil", "ceiling", "floor", "round", "sign", "sqrt", "power", "pow", "ln", "log", "log10", "log2",
    "exp", "greatest", "least", "mod", "lower", "upper", "length", "char_length", "trim", "ltrim", "rtrim",
    "left", "right", "substr", "substring", "replace", "concat", "concat_ws", "strpos", "position", "contains",
    "starts_with", "ends_with", "lpad", "rpad", "reverse", "repeat", "split_part", "regexp_matches",
    "regexp_replace", "strip_accents", "translate", "initcap", "coalesce", "ifnull", "nullif", "if", "iif",
    "year", "month", "day", "quarter", "week", "dayofweek", "dayofyear", "date_part", "datepart", "date_trunc",
    "datetrunc", "date_diff", "datediff", "date_add", "age", "current_date", "today", "make_date", "strftime",
    "strptime", "extract", "epoch", "last_day", "count", "count_if", "sum", "avg", "mean", "min", "max", "median",
    "mode", "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop", "quantile", "quantile_cont",
    "quantile_disc", "percentile_cont", "percentile_disc", "approx_count_distinct", "string_agg", "listagg",
    "list", "array_agg", "bool_and", "bool_or", "any_value", "arg_max", "arg_min", "first", "last", "corr",
    "covar_pop", "covar_samp", "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag",
    "lead", "first_value", "last_value", "nth_value", "cast", "try_cast",
})
"""Functions a query may call (lower-case names). Everything else (file readers, settings, environment,
system catalogue functions) is refused."""
DANGEROUS = re.compile(r"read|glob|file|setting|env|pragma|attach|copy|install|load|import|export|http|s3|"
                       r"parquet|csv|json_|scan|sniff|query_table|duckdb_|sqlite|postgres|mysql|version|user|role|"
                       r"current_(database|schema|catalog|setting)|session|variable|secret", re.IGNORECASE)


def _refuse(why: str, fix: str = "rewrite the query within what the gateway allows") -> PolicyError:
    return PolicyError("query refused", why, fix)


def _function_name(node: exp.Func) -> str:
    if isinstance(node, exp.Anonymous):
        return str(node.name).lower()
    return node.sql_name().lower()


def _check_node(node: exp.Expr, ctes: set[str], catalog: Catalog) -> None:
    if isinstance(node, exp.Table):
        if not isinstance(node.this, exp.Identifier):
            raise _refuse(f"{node.sql(dialect='duckdb')} is a table function; only catalogued tables can be read")
        if node.args.get("catalog") is not None:
            raise _refuse(f"{node.sql(dialect='duckdb')} names another database")
        if any(node.args.get(k) is not None for k in ("version", "when", "changes", "sample")):
            raise _refuse(f"{node.sql(dialect='duckdb')}: time travel and sampling clauses are not allowed")
        schema, name = node.db.lower(), node.name.lower()
        if not schema and name in ctes:
            return
        if (schema, name) not in catalog:
            raise _refuse(f"table {node.sql(dialect='duckdb')} is not in the catalog",
                          "read catalogued tables as source.table (ukimet catalog lists them)")
    elif isinstance(node, exp.Func) and not isinstance(node, exp.Cast | exp.TryCast | exp.Extract):
        name = _function_name(node)
        suspicious = isinstance(node, exp.Anonymous) or DANGEROUS.search(name) or DANGEROUS.search(type(node).__name__)
        if suspicious and (name not in ALLOWED_FUNCTIONS or DANGEROUS.search(name)):
            raise _refuse(f"function {name}() is not allowed")
    elif isinstance(node, exp.Command | exp.Pragma | exp.Set | exp.Use | exp.Insert | exp.Update | exp.Delete |
                    exp.Create | exp.Drop | exp.Alter | exp.Copy | exp.Attach | exp.Detach | exp.Merge):
        raise _refuse(f"{type(node).__name__.upper()} is not a query")
    elif isinstance(node, exp.Parameter | exp.Placeholder | exp.SessionParameter):
        raise _refuse("parameters and settings cannot appear in a query")


def schema_of(catalog: Catalog) -> dict[str, object]:
    out: dict[str, dict[str, dict[str, str]]] = {}
    for (schema, table), columns in catalog.items():
        out.setdefault(schema, {})[table] = {c: info.data_type for c, info in columns.items()}
    return dict(out)


def check(sql: str, catalog: Catalog, schema: MappingSchema | None = None) -> exp.Query:
    """The query, parsed, checked and qualified (every column bound to its table, stars expanded). ``schema``:
    the catalog as sqlglot's schema, built once by the caller (building it is most of the cost)."""
    try:
        statements = [s for s in sqlglot.parse(sql, read="duckdb") if s is not None]
    except (SqlglotError, ValueError) as error:
        raise _refuse(f"it is not SQL ukimet understands ({str(error).splitlines()[0]})") from error
    if len(statements) != 1:
        raise _refuse(f"{len(statements)} statements; the gateway runs exactly one query at a time")
    tree = statements[0]
    if not isinstance(tree, exp.Query):
        raise _refuse(f"{type(tree).__name__.upper()} is not a query; only SELECT is allowed")
    ctes = {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}
    for node in tree.walk():
        _check_node(node, ctes, catalog)
    try:
        qualified = qualify(tree, schema=schema or MappingSchema(schema_of(catalog), dialect="duckdb"),
                            dialect="duckdb", validate_qualify_columns=True,
                            quote_identifiers=True, identify=True)
    except (OptimizeError, ValueError, KeyError) as error:
        raise _refuse(f"it could not be resolved against the catalog ({error})",
                      "check table and column names (ukimet catalog SOURCE)") from error
    assert isinstance(qualified, exp.Query)
    return qualified
