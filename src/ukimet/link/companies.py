"""Companies across agencies: every BIN column of every synced table (an employer in the pension fund, a
taxpayer, a founder in the business registry ...) is a company record, with the company's name and address
when the same table gives them.

A valid BIN identifies its company. A BIN that fails its check digit is a typo: the record joins the company
whose valid BIN it is one digit away from, or, failing that, the only company with the same standardised name
(legal forms such as ТОО/ЖШС/LLP, quotes and case do not matter); otherwise it stays a company of its own.
Results: ``link.company_records`` (source, source_table, party, record_key, bin, bin_valid, name, address,
company_id) and ``link.companies`` (company_id, bin, name, address, records, sources)."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

import duckdb
import pyarrow as pa
from sqlalchemy import Engine

from ukimet.connect.catalog import CatalogColumn, columns_of, table_keys
from ukimet.connect.sources import list_sources
from ukimet.link.identifiers import bin_evidence
from ukimet.link.names import name_key
from ukimet.link.records import party_of
from ukimet.sync.store import ident, store_tables

LEGAL_FORMS = frozenset({"тоо", "жшс", "ао", "ақ", "ооо", "ип", "жк", "гу", "мм", "ргп", "ркп", "кгп", "llp", "jsc",
                         "too", "ao", "ip", "ltd", "llc", "ooo", "zhshs", "jshs"})
_WORDS = re.compile(r"[^\W_]+")
NAME_WORDS = ("naimen", "наимен", "атау", "name", "company", "организац", "uiym", "ұйым")


def company_name_key(name: str | None) -> str | None:
    """A company name without legal form, quotes or case, folded like a person's name."""
    if not name:
        return None
    words = [w for w in _WORDS.findall(name.lower()) if w not in LEGAL_FORMS]
    return " ".join(name_key(w) for w in words) or None


def _one_digit_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def build_companies(con: duckdb.DuckDBPyConnection, engine: Engine) -> int:
    """Find the company records in the store and link them; returns the number of companies."""
    selects = []
    for spec in list_sources(engine):
        synced = store_tables(con, spec.name)
        keys = table_keys(engine, spec.name)
        by_table: dict[str, list[CatalogColumn]] = defaultdict(list)
        for catalogued in columns_of(engine, spec.name):
            by_table[catalogued.table].append(catalogued)
        for table, cols in by_table.items():
            bins = [c.column for c in cols if c.semantic_type == "bin"]
            if table not in synced or not bins:
                continue
            key = keys.get(table) or []
            record_key = ("concat_ws('|', " + ", ".join(f"CAST({ident(k)} AS VARCHAR)" for k in key) + ")"
                          if key else "CAST(rowid AS VARCHAR)")
            for column in bins:
                prefix = party_of(column)
                near = [c for c in cols if c.column != column and (len(bins) == 1 or party_of(c.column) == prefix)]
                # (the name and address of this BIN's company: same table, same column prefix)
                name = next((c.column for c in near if any(w in c.column.lower() for w in NAME_WORDS)
                             and c.semantic_type in ("full_name", "text", "other")), None)
                address = next((c.column for c in near if c.semantic_type == "address"), None)
                party = "company" if len(bins) == 1 else prefix
                selects.append(
                    f"SELECT '{spec.name}' AS source, '{table}' AS source_table, '{party}' AS party, "
                    f"{record_key} AS record_key, CAST({ident(column)} AS VARCHAR) AS bin_raw, "
                    f"{f'CAST({ident(name)} AS VARCHAR)' if name else 'NULL::VARCHAR'} AS name, "
                    f"{f'CAST({ident(address)} AS VARCHAR)' if address else 'NULL::VARCHAR'} AS address "
                    f"FROM {ident(spec.name)}.{ident(table)} WHERE {ident(column)} IS NOT NULL")
    con.execute("CREATE SCHEMA IF NOT EXISTS link")
    if not selects:
        con.execute("CREATE OR REPLACE TABLE link.company_records (source VARCHAR, source_table VARCHAR, "
                    "party VARCHAR, record_key VARCHAR, bin VARCHAR, bin_valid BOOLEAN, name VARCHAR, "
                    "address VARCHAR, company_id VARCHAR)")
        con.execute("CREATE OR REPLACE TABLE link.companies AS SELECT company_id, bin, name, address, "
                    "0 AS records, 0 AS sources FROM link.company_records")
        return 0
    con.execute("CREATE OR REPLACE TEMP TABLE company_raw AS " + " UNION ALL ".join(selects))
    raws = [r[0] for r in con.execute("SELECT DISTINCT bin_raw FROM company_raw").fetchall()]
    evidence = {raw: bin_evidence(raw) for raw in raws}
    valid = {number for number, ok in evidence.values() if number and ok}
    names: dict[str, set[str]] = defaultdict(set)
    named = con.execute("SELECT DISTINCT bin_raw, name FROM company_raw WHERE name IS NOT NULL").fetchall()
    for bin_raw, name in named:
        number, ok = evidence[bin_raw]
        folded = company_name_key(name)
        if ok and number and folded:
            names[folded].add(number)
    resolved: dict[tuple[str, str | None], str] = {}
    for bin_raw, name in con.execute("SELECT DISTINCT bin_raw, name FROM company_raw").fetchall():
        number, ok = evidence[bin_raw]
        if ok and number:
            resolved[(bin_raw, name)] = number
            continue
        typo_of = sorted(v for v in valid if number and _one_digit_apart(number, v))
        same_name = sorted(names.get(company_name_key(name) or "", set()))
        if len(typo_of) == 1:
            resolved[(bin_raw, name)] = typo_of[0]
        elif len(same_name) == 1:
            resolved[(bin_raw, name)] = same_name[0]
        else:
            resolved[(bin_raw, name)] = "u" + hashlib.md5(f"{bin_raw}|{name}".encode()).hexdigest()[:11]
    pairs = sorted(resolved.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))
    con.register("_resolved", pa.table({
        "bin_raw": [k[0] for k, _ in pairs], "name": [k[1] for k, _ in pairs], "company_id": [v for _, v in pairs],
        "bin": [evidence[k[0]][0] for k, _ in pairs], "bin_valid": [evidence[k[0]][1] for k, _ in pairs]}))
    con.execute("""CREATE OR REPLACE TABLE link.company_records AS SELECT c.source, c.source_table, c.party,
        c.record_key, r.bin, r.bin_valid, c.name, c.address, r.company_id FROM company_raw c
        JOIN _resolved r ON r.bin_raw = c.bin_raw AND r.name IS NOT DISTINCT FROM c.name""")
    con.unregister("_resolved")
    con.execute("""CREATE OR REPLACE TABLE link.companies AS SELECT company_id,
        max(bin) FILTER (WHERE bin_valid) AS bin, mode(name) AS name, mode(address) AS address,
        count(*) AS records, count(DISTINCT source) AS sources FROM link.company_records GROUP BY company_id""")
    row = con.execute("SELECT count(*) FROM link.companies").fetchone()
    return int(row[0]) if row else 0
