"""The one governed path to citizen data. ``Gateway.query`` checks a query (guard), refuses what the role may
not combine, rewrites it with the role's masks and row filters (rewrite), keeps it to aggregates when no purpose
is declared, enforces export limits, runs it on a locked-down DuckDB connection and writes the audit entry
before the result is handed out (no entry, no result). Refused queries are audited too.

    gateway = Gateway(Settings())
    result = gateway.query(User("aigerim", "analyst", "Akimat of Shymkent", {"region": "79"}),
                           "SELECT count(*) FROM gbdfl.fl_persons")
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

import duckdb
from sqlalchemy import select
from sqlglot import exp
from sqlglot.schema import MappingSchema

from ukimet.core.errors import PolicyError
from ukimet.core.ids import decode_iin
from ukimet.core.metadata import catalog_columns, connect_metadata
from ukimet.core.settings import Settings
from ukimet.gateway import alerts, audit, policy_store, purposes
from ukimet.gateway.disclosure import aggregates_only
from ukimet.gateway.guard import Catalog, ColumnInfo, check, schema_of
from ukimet.gateway.keys import installation_secret
from ukimet.gateway.persons import with_persons
from ukimet.gateway.policy import Policy, RolePolicy
from ukimet.gateway.rewrite import PSEUDONYM, User, referenced_kinds, secure_views
from ukimet.sync.store import LOCKED_CONFIG

ENGINE_CONFIG = {**LOCKED_CONFIG, "enable_external_access": "false", "lock_configuration": "true"}
"""No file, network or extension access, and no setting can be changed by a query."""
PLAN_CACHE = 512
"""prepared plans kept per gateway (oldest dropped first)"""


@dataclass(frozen=True)
class Plan:
    """A checked query rewritten by policy, ready to run."""

    sql: str
    tree: exp.Query
    """the qualified query before the rewrite"""
    rewritten: str
    traced: bool
    """the rewritten query carries the hidden persons column last (gateway.persons)"""
    distinct: bool
    """a UNION (distinct): rows are deduplicated again once the hidden column is gone"""


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
    store = duckdb.connect(str(config.resolved_store_path()), read_only=True, config=dict(ENGINE_CONFIG))
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
        self._fixed_policy = policy
        self.policy = policy or policy_store.active(self.metadata)
        self._policy_checked = time.monotonic()
        self._plans_version = self.policy.version
        self.catalog = load_catalog(self.config)
        self.schema = MappingSchema(schema_of(self.catalog), dialect="duckdb")
        self.project = project
        self._connection: duckdb.DuckDBPyConnection | None = None
        self._lock = threading.RLock()
        self._views: dict[tuple[str, ...], exp.Select] = {}
        self._plans: dict[tuple[object, ...], Plan] = {}
        self._usage: dict[tuple[str, str], tuple[int, set[str]]] = {}
        """(user, day) -> rows read and persons touched, read from the log once, then kept up to date here (a
        second process serving the same users keeps its own count: run one gateway process per installation)"""
        self.audit = audit.AuditLog(self.metadata, self.config)
        self._key = hmac.new(installation_secret(self.config, "pseudonym"), project.encode(), hashlib.sha256).digest()
        # one function per key: gateways of several projects can share the engine, each with its own pseudonyms
        self._pseudonym = f"{PSEUDONYM}_{hashlib.sha256(self._key).hexdigest()[:12]}"

    @property
    def pseudonym(self) -> str:
        """The name of this project's keyed-pseudonym function on the engine."""
        return self._pseudonym

    @contextlib.contextmanager
    def trusted(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor on the locked engine for the gateway's own reads (linkage tables), never for users' SQL."""
        with self._lock:
            con = self._engine().cursor()
            try:
                yield con
            finally:
                con.close()

    def _engine(self) -> duckdb.DuckDBPyConnection:
        """The locked-down connection, opened once per gateway (read-only: queries cannot change the store)."""
        with self._lock:
            if self._connection is None:
                self._connection = self._open()
            return self._connection

    def __enter__(self) -> Gateway:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the engine's connection (the store file can then be opened with another configuration)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _open(self) -> duckdb.DuckDBPyConnection:
        con = duckdb.connect(str(self.config.resolved_store_path()), read_only=True, config=dict(ENGINE_CONFIG))
        key = self._key

        def pseudonym(value: str | None) -> str | None:
            return None if value is None else "p" + hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:15]

        with contextlib.suppress(duckdb.CatalogException):  # registered by a gateway with the same key already
            con.create_function(self._pseudonym, pseudonym, ["VARCHAR"], "VARCHAR")
        return con

    def refused(self, user: User, sql: str, purpose: str | None, error: PolicyError) -> PolicyError:
        seq = self.audit.append(audit.Access(user.name, user.organisation, user.role, purpose, "refused", sql,
                                             f"-- refused: {error.why}", 0, [], self.policy.version))
        alerts.check_probing(self.metadata, user.name, seq)
        return error

    def _current_policy(self) -> Policy:
        """The stored policy in force (looked up at most every two seconds), unless one was given."""
        if self._fixed_policy is None and time.monotonic() - self._policy_checked > 2:
            self.policy, self._policy_checked = policy_store.active(self.metadata), time.monotonic()
            if self.policy.version != self._plans_version:
                self._views.clear()
                self._plans.clear()
                self._plans_version = self.policy.version
        return self.policy

    def _persons(self, tree: exp.Query, user: User, role: RolePolicy, rows: list[tuple[Any, ...]]) -> set[str]:
        """For a result whose persons could not be traced (gateway.persons): every valid IIN in its cells. When
        the role does not see IINs in clear, the same query runs again with IIN columns left clear (and nothing
        else) to find them. Never shown; only their keyed hashes reach the audit log."""
        iin_masks = {role.mask_for(f"{t[0]}.{t[1]}.{c}", i.semantic_type, i.sensitivity)
                     for t, cols in self.catalog.items() for c, i in cols.items() if i.semantic_type == "iin"}
        if iin_masks - {"show"}:
            clear = replace(role, semantic_masks={**role.semantic_masks, "iin": "show"}, column_masks={})
            shadow = secure_views(tree, self.catalog, clear, user, self._pseudonym, self._views)
            shadow = shadow.limit(role.max_rows_per_query)
            with self.trusted() as con:
                rows = con.execute(shadow.sql(dialect="duckdb")).fetchall()
        return {v for row in rows for v in row
                if isinstance(v, str) and len(v) == 12 and v.isdigit() and decode_iin(v) is not None}

    def _used_today(self, user: str) -> tuple[int, set[str]]:
        day = dt.datetime.now(dt.UTC).date().isoformat()
        if (user, day) not in self._usage:
            self._usage = {k: v for k, v in self._usage.items() if k[1] == day}
            self._usage[(user, day)] = self.audit.used_today(user)
        return self._usage[(user, day)]

    def prepare(self, user: User, role: RolePolicy, sql: str, person_level: bool) -> Plan:
        """Check ``sql`` and rewrite it by the role's policy (or raise the refusal). Plans are kept for the same
        text, role, user attributes and policy version (a dashboard asks the same questions again and again);
        refusals are never kept, so every one is decided and audited anew."""
        key = (sql, repr(role), repr(sorted(user.attributes.items())), person_level, self.policy.version)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._prepare(user, role, sql, person_level)
            if len(self._plans) >= PLAN_CACHE:
                self._plans.pop(next(iter(self._plans)))
            self._plans[key] = plan
        return plan

    def forget_plans(self) -> None:
        """Drop the kept plans: the next queries are parsed, checked and rewritten anew (the secure views of
        each table, built once per role and user attributes, stay)."""
        self._plans.clear()

    def _prepare(self, user: User, role: RolePolicy, sql: str, person_level: bool) -> Plan:
        tree = check(sql, self.catalog, self.schema)
        kinds = referenced_kinds(tree, self.catalog)
        for combination in role.forbidden:
            if combination <= kinds:
                raise PolicyError("query refused", f"the role {role.name!r} may not combine "
                                  f"{' and '.join(sorted(combination))} in one query", "query them separately")
        secured = secure_views(tree, self.catalog, role, user, self._pseudonym, self._views, persons=person_level,
                               aggregate=not person_level)
        traced = with_persons(secured, role.small_cell) if person_level else None
        if not person_level:
            secured = aggregates_only(tree, secured, self.catalog, role)
        distinct = isinstance(secured, exp.SetOperation) and bool(secured.args.get("distinct"))
        return Plan(sql, tree, (traced or secured).sql(dialect="duckdb"), traced is not None, distinct)

    def admit(self, user: User, purpose: str | None, needed_for: str | None = None) -> tuple[RolePolicy, str | None]:
        """The user's role under the policy in force and the purpose as the log names it (or a refusal).
        ``needed_for``: what shows persons and so cannot go on without a purpose (person view, family card)."""
        purpose = purpose.strip() if purpose and purpose.strip() else None
        if needed_for and purpose is None:
            raise PolicyError(needed_for, "it shows persons and needs a declared purpose",
                              "give the purpose (a declared P-<number>, or where the role allows it a text)")
        role = self._current_policy().role(user.role)
        described = purposes.resolve(self.metadata, user, purpose, role.purpose).describe() if purpose else None
        if not role.may_query:
            raise PolicyError("query refused", f"the role {role.name!r} may not query", "use the role's own screens")
        done_rows, _ = self._used_today(user.name)
        if done_rows >= role.max_rows_per_day:
            error = PolicyError("query refused", f"{user.name} has read {done_rows} rows today, the daily limit of "
                                f"the role {role.name!r}", "wait until tomorrow or ask the security officer")
            alerts.raise_alert(self.metadata, user.name, "daily_rows", error.why, None)
            raise error
        return role, described

    def query(self, user: User, sql: str, purpose: str | None = None) -> Result:
        """Run ``sql`` as ``user``. With ``purpose`` (a declared purpose P-n, or where the role allows it a text)
        person-level rows are allowed; without one only protected aggregates."""
        purpose = purpose.strip() if purpose and purpose.strip() else None
        try:
            role, described = self.admit(user, purpose)
            plan = self.prepare(user, role, sql, described is not None or not role.purpose_for_person_level)
        except PolicyError as error:
            raise self.refused(user, sql, purpose, error) from None
        return self.run(user, role, described, "query", sql, [plan])[1][0]

    def run(self, user: User, role: RolePolicy, purpose: str | None, action: str, what: str,
            plans: list[Plan]) -> tuple[int, list[Result]]:
        """Execute prepared plans as one access: one audit entry (``action``, ``what``) naming every person
        behind their rows, written before any result is handed out, under the role's limits. The entry's
        number and the results."""
        policy = self.policy.version
        _, done_persons = self._used_today(user.name)
        access = partial(audit.Access, user.name, user.organisation, user.role, purpose)
        rewritten = "\n;\n".join(p.rewritten for p in plans)
        failure: PolicyError | None = None
        with self.audit.recording() as record:  # no log, no query: the lock is taken before the query runs
            outcomes, iins = [], set()
            try:
                for plan in plans:
                    columns, rows, truncated, found = self._execute(plan.rewritten, role.max_rows_per_query,
                                                                    plan.traced, plan.distinct)
                    if not plan.traced and purpose is not None:
                        found = self._persons(plan.tree, user, role, rows)
                    outcomes.append((columns, rows, truncated, plan.rewritten))
                    iins |= found
            except PolicyError as error:
                record(access("refused", what, f"-- refused: {error.why}", 0, [], policy))
                failure = error
            else:
                persons = sorted({self.audit.person(v) for v in iins})
                total = sum(len(o[1]) for o in outcomes)
                if len(done_persons | set(persons)) > role.max_persons_per_day:
                    blocked = record(access("blocked", what, rewritten, 0, persons, policy))
                    failure = PolicyError("query refused", f"it would take {user.name} past "
                                          f"{role.max_persons_per_day} persons today: bulk access is blocked and "
                                          "reported", "ask the security officer")
                else:
                    seq = record(access(action, what, rewritten, total, persons, policy))
        if failure is not None:
            if failure.why.endswith("blocked and reported"):
                alerts.raise_alert(self.metadata, user.name, "bulk_access", failure.why, blocked)
            raise failure
        done_rows, done_persons = self._used_today(user.name)
        self._usage[(user.name, dt.datetime.now(dt.UTC).date().isoformat())] = (done_rows + total,
                                                                              done_persons | set(persons))
        return seq, [Result(c, r, sql, seq, t) for c, r, t, sql in outcomes]

    def _execute(self, sql: str, limit: int, traced: bool, distinct: bool
                 ) -> tuple[list[str], list[tuple[Any, ...]], bool, set[str]]:
        """Run the rewritten query on the locked engine: columns, at most ``limit`` rows, whether more matched,
        and (``traced``) the clear IINs of the hidden last column, which is stripped."""
        with self._lock:  # one query at a time on the engine: DuckDB's Python connection is not thread-safe
            columns, rows = self._run(sql, limit)
        truncated, rows = len(rows) > limit, rows[:limit]
        return self._strip(columns, rows, truncated, traced, distinct)

    def _run(self, sql: str, limit: int) -> tuple[list[str], list[tuple[Any, ...]]]:
        con = self._engine().cursor()
        try:
            cursor = con.execute(sql)
            columns = [d[0] for d in cursor.description or []]
            rows = cursor.fetchmany(limit + 1)
        except duckdb.Error as error:
            raise PolicyError("query", f"the engine refused it ({str(error).splitlines()[0]})",
                              "check the query") from None
        finally:
            con.close()
        return columns, rows

    @staticmethod
    def _strip(columns: list[str], rows: list[tuple[Any, ...]], truncated: bool, traced: bool, distinct: bool
               ) -> tuple[list[str], list[tuple[Any, ...]], bool, set[str]]:
        """The hidden persons column taken off (its IINs returned), rows of a UNION made distinct again."""
        iins: set[str] = set()
        if traced:
            columns = columns[:-1]
            iins = {v for row in rows for v in (row[-1] or []) if v}
            rows = [row[:-1] for row in rows]
            if distinct:
                rows = list(dict.fromkeys(rows))
        return columns, rows, truncated, iins
