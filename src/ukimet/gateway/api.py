"""The one governed path to citizen data. ``Gateway.query`` checks a query (guard), refuses what the role may
not combine, rewrites it with the role's masks and row filters (rewrite), keeps it to aggregates when no purpose
is declared, enforces export limits, runs it on a locked-down DuckDB connection and writes the audit entry
before the result is handed out (no entry, no result). Refused queries are audited too.

    gateway = Gateway(Settings())
    result = gateway.query(User("aigerim", "analyst", "Akimat of Shymkent", {"region": "79"}),
                           "SELECT count(*) FROM gbdfl.fl_persons")
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

import duckdb
from sqlalchemy import select
from sqlglot import exp
from sqlglot.errors import SqlglotError
from sqlglot.lineage import lineage

from ukimet.core.errors import PolicyError
from ukimet.core.metadata import catalog_columns, connect_metadata
from ukimet.core.settings import Settings
from ukimet.gateway import audit
from ukimet.gateway.guard import Catalog, ColumnInfo, check, schema_of
from ukimet.gateway.policy import DEFAULT, Policy, RolePolicy
from ukimet.gateway.rewrite import PSEUDONYM, User, aggregates_only, referenced_kinds, secure_views
from ukimet.sync.store import LOCKED_CONFIG

ENGINE_CONFIG = {**LOCKED_CONFIG, "enable_external_access": "false", "lock_configuration": "true"}
"""No file, network or extension access, and no setting can be changed by a query."""


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    rewritten: str
    audit_seq: int
    truncated: bool
    """more rows matched than the role may export in one query"""


def load_catalog(config: Settings) -> Catalog:
    """The store's tables as the gateway knows them: the store's column types, the catalog's semantic types and
    sensitivities (a column the catalog does not know is treated as special: hidden)."""
    known: dict[tuple[str, str, str], tuple[str | None, str | None]] = {}
    with connect_metadata(config).connect() as con:
        for source, table, column, kind, sensitivity in con.execute(select(
                catalog_columns.c.source, catalog_columns.c.table_name, catalog_columns.c.column_name,
                catalog_columns.c.semantic_type, catalog_columns.c.sensitivity)):
            known[(source.lower(), table.lower(), column.lower())] = (kind, sensitivity)
    sources = {s for s, _, _ in known}
    store = duckdb.connect(str(config.resolved_store_path()), read_only=True, config=dict(LOCKED_CONFIG))
    try:
        rows = store.execute("SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns "
                             "ORDER BY table_schema, table_name, ordinal_position").fetchall()
    finally:
        store.close()
    catalog: Catalog = {}
    for schema, table, column, data_type in rows:
        if schema.lower() not in sources or table.startswith("__"):
            continue
        kind, sensitivity = known.get((schema.lower(), table.lower(), column.lower()), (None, None))
        catalog.setdefault((schema.lower(), table.lower()), {})[column.lower()] = ColumnInfo(data_type, kind,
                                                                                             sensitivity)
    return catalog


class Gateway:
    def __init__(self, config: Settings | None = None, policy: Policy | None = None,
                 project: str = "default") -> None:
        self.config = config or Settings()
        self.metadata = connect_metadata(self.config)
        self.policy = policy or DEFAULT
        self.catalog = load_catalog(self.config)
        self.project = project
        self._key = hashlib.sha256(f"{self._secret()}:{project}".encode()).digest()

    def _secret(self) -> str:
        """The pseudonym secret of this installation (a file beside the store, created once, mode 0600)."""
        path = self.config.home / "pseudonym.key"
        if not path.exists():
            import os
            import secrets

            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_hex(32))
        return path.read_text().strip()

    def _engine(self) -> duckdb.DuckDBPyConnection:
        con = duckdb.connect(str(self.config.resolved_store_path()), read_only=True, config=dict(ENGINE_CONFIG))
        key = self._key

        def pseudonym(value: str | None) -> str | None:
            return None if value is None else "p" + hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:15]

        con.create_function(PSEUDONYM, pseudonym, ["VARCHAR"], "VARCHAR")
        return con

    def _refused(self, user: User, sql: str, purpose: str | None, error: PolicyError) -> PolicyError:
        audit.append(self.metadata, audit.Access(user.name, user.organisation, user.role, purpose, "refused",
                                                 sql, f"-- refused: {error.why}", 0, []))
        return error

    def _iin_outputs(self, tree: exp.Query) -> list[str]:
        """Output columns that carry an IIN from a catalogued table (to know which persons a result touched)."""
        found = []
        for name in tree.named_selects:
            try:
                node = lineage(name, tree, schema=schema_of(self.catalog), dialect="duckdb")
            except (SqlglotError, KeyError, ValueError):
                continue
            for leaf in node.walk():
                if isinstance(leaf.source, exp.Table):
                    info = self.catalog.get((leaf.source.db.lower(), leaf.source.name.lower()), {}).get(
                        leaf.name.split(".")[-1].strip('"').lower())
                    if info is not None and info.semantic_type == "iin":
                        found.append(name)
                        break
        return found

    def _persons(self, con: duckdb.DuckDBPyConnection, tree: exp.Query, user: User, role: RolePolicy) -> list[str]:
        outputs = self._iin_outputs(tree)
        if not outputs:
            return []
        clear = RolePolicy(role.name, masks={"public": "show", "personal": "show", "special": "show"},
                           row_filter=role.row_filter)
        shadow = secure_views(tree, self.catalog, clear, user)
        inner = shadow.subquery("touched")
        sql = (exp.select(*[exp.column(o, quoted=True) for o in outputs]).from_(inner)
               .limit(role.max_rows_per_query).sql(dialect="duckdb"))
        values = {str(v) for row in con.execute(sql).fetchall() for v in row if v is not None}
        return sorted(audit.person_hash(v) for v in values)

    def query(self, user: User, sql: str, purpose: str | None = None) -> Result:
        """Run ``sql`` as ``user``; with ``purpose`` (text, case or legal basis) person-level rows are allowed."""
        purpose = purpose.strip() if purpose and purpose.strip() else None
        try:
            role = self.policy.role(user.role)
            if not role.may_query:
                raise PolicyError("query refused", f"the role {role.name!r} may not query",
                                  "use the role's own screens")
            tree = check(sql, self.catalog)
            kinds = referenced_kinds(tree, self.catalog)
            for combination in role.forbidden:
                if combination <= kinds:
                    raise PolicyError("query refused", f"the role {role.name!r} may not combine "
                                      f"{' and '.join(sorted(combination))} in one query", "query them separately")
            secured = secure_views(tree, self.catalog, role, user)
            if purpose is None and role.purpose_for_person_level:
                secured = aggregates_only(secured, role)
            done_rows, done_persons = audit.rows_today(self.metadata, user.name)
            if done_rows >= role.max_rows_per_day:
                raise PolicyError("query refused", f"{user.name} has read {done_rows} rows today, the daily limit "
                                  f"of the role {role.name!r}", "wait until tomorrow or ask the security officer")
        except PolicyError as error:
            raise self._refused(user, sql, purpose, error) from None
        rewritten = secured.sql(dialect="duckdb")
        con = self._engine()
        try:
            cursor = con.execute(rewritten)
            columns = [d[0] for d in cursor.description or []]
            rows = cursor.fetchmany(role.max_rows_per_query + 1)
            persons = self._persons(con, tree, user, role) if purpose else []
        except duckdb.Error as error:
            raise self._refused(user, sql, purpose, PolicyError(
                "query", f"the engine refused it ({str(error).splitlines()[0]})", "check the query")) from None
        finally:
            con.close()
        truncated = len(rows) > role.max_rows_per_query
        rows = rows[:role.max_rows_per_query]
        if done_persons + len(persons) > role.max_persons_per_day:
            audit.append(self.metadata, audit.Access(user.name, user.organisation, user.role, purpose, "blocked",
                                                     sql, rewritten, 0, persons))
            raise PolicyError("query refused", f"it would take {user.name} past {role.max_persons_per_day} persons "
                              "today: bulk access is blocked and reported", "ask the security officer")
        seq = audit.append(self.metadata, audit.Access(user.name, user.organisation, user.role, purpose, "query",
                                                       sql, rewritten, len(rows), persons))
        return Result(columns, rows, rewritten, seq, truncated)
