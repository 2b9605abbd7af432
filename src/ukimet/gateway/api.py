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
import copy
import datetime as dt
import hashlib
import heapq
import hmac
import itertools
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, TypeVar, cast

import duckdb
from sqlalchemy import Connection, Row, insert, select
from sqlglot import exp
from sqlglot.schema import MappingSchema

from ukimet.core.errors import LimitExceeded, Refused, UkimetError, Unavailable
from ukimet.core.metadata import catalog_columns, connect_metadata, privacy_releases
from ukimet.core.settings import Settings
from ukimet.gateway import alerts, audit, policy_store, purposes, serving
from ukimet.gateway.guard import Catalog, ColumnInfo, check, schema_of
from ukimet.gateway.keys import installation_secret
from ukimet.gateway.linked_scope import LinkedScope, linked_scope
from ukimet.gateway.persons import with_persons
from ukimet.gateway.policy import Policy, RolePolicy
from ukimet.gateway.privacy import DELTA
from ukimet.gateway.private_aggregate import (
    PrivatePlan,
    plan_private,
    post_process,
    read_released,
    refuse_special_values,
    release,
    write_released,
)
from ukimet.gateway.rewrite import (
    PSEUDONYM,
    User,
    referenced_kinds,
    refuse_masked_comparisons,
    secure_views,
)
from ukimet.sync.store import (
    LAKE,
    PublishedWatch,
    cursor,
    literal,
    newest_snapshot,
    open_store,
    schema_version,
)

T = TypeVar("T")
SERVED = 8
"""serving catalogs kept per gateway: a query still reading an older snapshot keeps its catalog for a while"""
PLAN_CACHE = 512
"""prepared plans kept per gateway (oldest dropped first)"""
ENGINE_ERRORS = {
    duckdb.ConversionException: "engine.conversion",
    duckdb.OutOfRangeException: "engine.out_of_range",
    duckdb.InvalidInputException: "engine.invalid_input",
    duckdb.InterruptException: "engine.timeout",
    duckdb.OutOfMemoryException: "engine.memory",
    duckdb.BinderException: "engine.binder",
}
"""The message of the engine's failure, by its kind: never the engine's own message, which can quote values."""
ALERTS = {"gateway.bulk": "bulk_access", "gateway.daily_rows": "daily_rows"}
"""the refusals that alert the officers, by message id: the alert's kind"""


@dataclass(frozen=True)
class Plan:
    """A checked query rewritten by policy, ready to run."""

    sql: str
    tree: exp.Query
    """the qualified query before the rewrite"""
    rewritten: str
    """what runs: the caller's query over the role's views (person-level), or the gateway's statistics query
    (a private aggregate)"""
    trace: str | None = None
    """person-level: the gateway's own query finding the persons behind the same rows (gateway.persons)"""
    distinct: bool = False
    """a UNION (distinct): rows are deduplicated again once the hidden column is gone"""
    private: PrivatePlan | None = None
    """an aggregate without a purpose: how it is released (gateway.private_aggregate)"""


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    rewritten: str
    audit_seq: int
    truncated: bool
    """more rows matched than the role may export in one query"""
    epsilon: float = 0.0
    """the privacy budget this answer spent (0: person-level, or released before)"""
    snapshot: int = 0
    """the store's snapshot the answer was read from (every query of one access reads the same one): the answer
    is read again as it was with ``Gateway(as_of=snapshot)``"""


def load_catalog(config: Settings, store: duckdb.DuckDBPyConnection | None = None) -> Catalog:
    """The store's tables as the gateway knows them: the store's column types, the catalog's semantic types and
    sensitivities (a column the catalog does not know is treated as special: hidden)."""
    known: dict[tuple[str, str, str], tuple[str | None, str | None]] = {}
    with connect_metadata(config).connect() as con:
        for source, table, column, kind, sensitivity in con.execute(select(
                catalog_columns.c.source, catalog_columns.c.table_name, catalog_columns.c.column_name,
                catalog_columns.c.semantic_type, catalog_columns.c.sensitivity)):
            known[(source.lower(), table.lower(), column.lower())] = (kind, sensitivity)
    sources = {s for s, _, _ in known}
    if store is None:
        with contextlib.closing(open_store(config.resolved_store_path(), read_only=True, locked=True)) as own:
            return load_catalog(config, own)
    rows = store.execute("SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns "
                         "WHERE table_catalog = ? ORDER BY table_schema, table_name, ordinal_position",
                         [LAKE]).fetchall()
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
                 project: str = "default", clock: Callable[[], dt.datetime] | None = None,
                 as_of: int | None = None) -> None:
        self.config = config or Settings()
        self.as_of = as_of
        """the store's snapshot this gateway answers from (None: the newest, followed as it is published)"""
        self.metadata = connect_metadata(self.config)
        self._fixed_policy = policy
        self.policy = policy or policy_store.active(self.metadata)
        self._policy_checked = time.monotonic()
        self.refresh_seconds = 2.0
        """how often the stored policy and the store's tables are looked up again"""
        self._plans_version = self.policy.version
        self.project = project
        self._connection: duckdb.DuckDBPyConnection | None = None
        self._local = threading.local()
        """per thread: the cursor of the snapshot its access reads (one_snapshot), if one is pinned"""
        self._lock = threading.RLock()
        """guards the engine's opening, the plans and the catalog; queries of several threads run side by side,
        each on a cursor of its own"""
        self._published = PublishedWatch(self.config.resolved_store_path())
        self._served: list[int] = []
        """the snapshots whose serving catalogs are attached, oldest first (gateway.serving)"""
        self._views: dict[tuple[str, ...], exp.Select] = {}
        self._plans: dict[tuple[object, ...], Plan | Refused] = {}
        self._kept: dict[tuple[object, ...], Any] = {}
        self._shown_kept: dict[tuple[int, str], tuple[list[str], list[tuple[Any, ...]]]] = {}
        """what callers see of each release (``_shown``)"""
        """what ``kept`` made, until the next look at the policy and the store"""
        # the daily limits are counted from the log, under its lock, at every access: gateways in any number of
        # processes on the same metadata store share them
        self.audit = audit.AuditLog(self.metadata, self.config, clock or audit.utc_now)
        self._key = hmac.new(installation_secret(self.config, "pseudonym"), project.encode(), hashlib.sha256).digest()
        # one function per key: gateways of several projects can share the engine, each with its own pseudonyms
        self._pseudonym = f"{PSEUDONYM}_{hashlib.sha256(self._key).hexdigest()[:12]}"
        with self.trusted() as con:
            self._schema_version = schema_version(con)
            self.catalog = load_catalog(self.config, con)
        self.schema = MappingSchema(schema_of(self.catalog), dialect="duckdb")
        self._scope: LinkedScope | None = None
        """how rows of tables without a row-filter column are placed through linkage: read on the first plan of
        a role with a row filter (a scan of the linkage's records, which no other access needs), again after the
        store's tables change"""

    @property
    def scope(self) -> LinkedScope:
        """The tables whose rows linkage placed on persons, and where the mart keeps their region."""
        scope = self._scope
        if scope is None:
            with self.trusted() as con:
                scope = linked_scope(con, self.metadata, self.catalog)
            self._scope = scope
        return scope

    @property
    def pseudonym(self) -> str:
        """The name of this project's keyed-pseudonym function on the engine."""
        return self._pseudonym

    @property
    def _pinned(self) -> duckdb.DuckDBPyConnection | None:
        return getattr(self._local, "pinned", None)

    @contextlib.contextmanager
    def trusted(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor on the locked engine for the gateway's own reads (linkage tables), never for users' SQL: the
        thread's pinned snapshot inside ``one_snapshot``, else a cursor of its own on the newest."""
        if self._pinned is not None:
            yield self._pinned
            return
        con = cursor(self._engine())
        try:
            yield con
        finally:
            con.close()

    @contextlib.contextmanager
    def one_snapshot(self) -> Iterator[int]:
        """Every read of the gateway inside (in this thread) reads one snapshot of the store, whatever is published
        meanwhile: an answer and the persons traced behind it cannot come from two snapshots. The snapshot's
        number. Threads pin snapshots of their own and run side by side.

        The newest snapshot is looked up in the lake's catalog database itself, and the cursor reads it
        through that snapshot's serving catalog (gateway.serving), whose views name fixed files or the lake table
        at that very version: no lake transaction is opened, which would cost a catalog round trip per access."""
        if self._pinned is not None:
            yield self._local.snapshot
            return
        try:
            snapshot = self._newest()
            con = self._engine().cursor()
        except duckdb.Error as error:
            raise _engine_refusal(error) from None
        try:
            con.execute(f"USE {self._serving(snapshot)}")
        except duckdb.Error as error:
            con.close()
            raise _engine_refusal(error) from None
        self._local.pinned, self._local.snapshot = con, snapshot
        try:
            yield snapshot
        finally:
            self._local.pinned = None
            con.close()

    def _newest(self) -> int:
        """The snapshot the next access reads: ``as_of``, or the newest published."""
        if self.as_of is not None:
            return self.as_of
        return self._published(self._look_up_newest)

    def _look_up_newest(self) -> int:
        con = self._engine().cursor()
        try:
            return newest_snapshot(con)
        finally:
            con.close()

    def _serving(self, snapshot: int) -> str:
        """The catalog this process reads ``snapshot`` through (gateway.serving), made on its first access; the
        oldest are dropped beyond ``SERVED`` (a snapshot is served again by the lake itself once its catalog is
        gone)."""
        with self._lock:
            if snapshot not in self._served:
                with contextlib.closing(cursor(self._engine())) as con:
                    serving.attach(con, snapshot)
                    self._served.append(snapshot)
                    while len(self._served) > SERVED:
                        serving.detach(con, self._served.pop(0))
            return serving.name(snapshot)

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
        con = open_store(self.config.resolved_store_path(), read_only=True, as_of=self.as_of, locked=True)
        con.execute(f"SET memory_limit = {literal(self.config.query_memory_limit)}")
        con.execute(f"SET threads = {int(self.config.query_threads)}")
        con.execute("SET parquet_metadata_cache = true")
        con.execute("SET lock_configuration = true")
        key = self._key

        def pseudonym(value: str | None) -> str | None:
            return None if value is None else "p" + hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:15]

        with contextlib.suppress(duckdb.CatalogException):  # registered by a gateway with the same key already
            con.create_function(self._pseudonym, pseudonym, ["VARCHAR"], "VARCHAR")
        return con

    def refused(self, user: User, sql: str, purpose: str | None, error: UkimetError) -> UkimetError:
        """``error`` after its refusal is audited (and counted towards the probing alert). An ``Unavailable``
        is no refusal (nothing was decided, and the log may be what is unavailable): it is handed back as it is."""
        if isinstance(error, Unavailable):
            return error
        seq = self.audit.append(audit.Access(user.name, user.organisation, user.role, purpose, "refused", sql,
                                             f"-- refused: {error.why}", 0, [], self.policy.version))
        alerts.check_probing(self.metadata, user.name, seq)
        return error

    def _current_policy(self) -> Policy:
        """The stored policy in force (looked up at most every two seconds), unless one was given; at the same
        pace, the store's tables as published since (a sync or the mart build adds and retypes tables while the
        gateway serves: its catalog follows without a restart)."""
        if time.monotonic() - self._policy_checked > self.refresh_seconds:
            self._policy_checked = time.monotonic()
            self._kept = {}
            if self._fixed_policy is None:
                self.policy = policy_store.active(self.metadata)
            if self.as_of is None:
                self._follow_store()
            if self.policy.version != self._plans_version:
                self._views.clear()
                self._plans.clear()
                self._plans_version = self.policy.version
        return self.policy

    def kept(self, key: tuple[object, ...], make: Callable[[], T]) -> T:
        """``make()``, kept until the gateway next looks up the policy and the store (every ``refresh_seconds``):
        for what every access would otherwise read from the metadata store or build from the policy again (a
        table's key, a role's golden-record query)."""
        kept = self._kept
        if key not in kept:
            kept[key] = make()
        return cast(T, kept[key])

    def _follow_store(self) -> None:
        with self.trusted() as con:
            version = schema_version(con)
            if version == self._schema_version:
                return
            catalog = load_catalog(self.config, con)
        with self._lock:
            self.catalog, self._scope, self._schema_version = catalog, None, version
            self.schema = MappingSchema(schema_of(catalog), dialect="duckdb")
            self._views.clear()
            self._plans.clear()

    def prepare(self, user: User, role: RolePolicy, sql: str, person_level: bool) -> Plan:
        """Check ``sql`` and rewrite it by the role's policy (or raise the refusal). Plans are kept for the same
        text, role, user attributes, policy version and store tables (a dashboard asks the same questions again
        and again, a person view reads the same tables for every person); so are the policy's refusals, which
        depend on nothing else: each is raised anew (a copy), and every caller audits it as it always does."""
        key = (sql, repr(role), repr(sorted(user.attributes.items())), person_level, self.policy.version)
        plan = self._plans.get(key)
        if plan is None:
            try:
                plan = self._prepare(user, role, sql, person_level)
            except Refused as error:
                plan = error
            with self._lock:
                if len(self._plans) >= PLAN_CACHE:
                    self._plans.pop(next(iter(self._plans)), None)
                self._plans[key] = plan
        if isinstance(plan, Refused):
            raise copy.copy(plan)
        return plan

    def forget_plans(self) -> None:
        """Drop the kept plans: the next queries are parsed, checked and rewritten anew (the secure views of
        each table, built once per role and user attributes, stay)."""
        self._plans.clear()

    def _prepare(self, user: User, role: RolePolicy, sql: str, person_level: bool) -> Plan:
        tree = check(sql, self.catalog, self.schema)
        scope = self.scope if role.row_filter else None  # only a filtered role places rows through linkage
        kinds = referenced_kinds(tree, self.catalog)
        for combination in role.forbidden:
            if combination <= kinds:
                raise Refused("gateway.forbidden", role=role.name, kinds=" and ".join(sorted(combination)))
        if not person_level:
            private, statistics = plan_private(tree, self.catalog, role, self.policy.privacy)
            secured = secure_views(statistics, self.catalog, role, user, self._pseudonym, self._views,
                                   aggregate=True, units={private.table: private.unit}, scope=scope)
            rewritten = secured.sql(dialect="duckdb")
            return Plan(sql, tree, rewritten, private=replace(private, statistics=rewritten))
        refuse_masked_comparisons(tree, self.catalog, role)  # (an aggregate's hidden columns: aggregate.hidden)
        if role.mask_for("", None, "special") == "hide":
            refuse_special_values(tree, role)
        secured = secure_views(tree, self.catalog, role, user, self._pseudonym, self._views, scope=scope)
        tracing = secure_views(tree, self.catalog, role, user, self._pseudonym, self._views, persons=True,
                               scope=scope)
        traced = with_persons(tracing, tree)
        distinct = isinstance(secured, exp.SetOperation) and bool(secured.args.get("distinct"))
        return Plan(sql, tree, secured.sql(dialect="duckdb"), traced.sql(dialect="duckdb"), distinct)

    def admit(self, user: User, purpose: str | None, needs_purpose: str | None = None, limits_later: bool = False
              ) -> tuple[RolePolicy, str | None]:
        """The user's role under the policy in force and the purpose as the log names it (or a refusal).
        ``needs_purpose``: for what shows persons and so cannot go on without a purpose (person view, family
        card ...), the id of the message that refuses it without one. ``limits_later``: the caller decides the
        day's limits under the log's lock (``run``, a private answer), so no early look at them is needed."""
        purpose = purpose.strip() if purpose and purpose.strip() else None
        if needs_purpose and purpose is None:
            raise Refused(needs_purpose)
        role = self._current_policy().role(user.role)
        described = purposes.resolve(self.metadata, user, purpose, role.purpose).describe() if purpose else None
        if not role.may_query:
            raise Refused("gateway.may_not_query", role=role.name)
        if limits_later:
            return role, described
        try:  # a check before anything runs, for a caller that does not decide under the log's lock
            self._within_daily_rows(self.audit.used_today(user.name), user, role)
        except LimitExceeded as error:
            self._alert(user, error, None)
            raise
        return role, described

    def _within_daily_rows(self, used: audit.Usage, user: User, role: RolePolicy) -> None:
        """Refuse once the user has read the role's rows of the day (``used``: counted from the log)."""
        if used.rows >= role.max_rows_per_day:
            raise LimitExceeded("gateway.daily_rows", user=user.name, rows=used.rows, role=role.name,
                                retry_after=_until_tomorrow(self.audit.clock()))

    def _alert(self, user: User, failure: UkimetError, seq: int | None) -> None:
        """Alert the officers when ``failure`` is a refusal they must see (ALERTS); once a day per user and kind."""
        kind = ALERTS.get(failure.id)
        if kind is not None:
            alerts.raise_alert(self.metadata, user.name, kind, failure.why, seq)

    def query(self, user: User, sql: str, purpose: str | None = None) -> Result:
        """Run ``sql`` as ``user``. With ``purpose`` (a declared purpose P-n, or where the role allows it a text)
        person-level rows are allowed, every person behind them traced; without one only differentially private
        aggregates (gateway.private_aggregate). Every outcome is audited; a failure of any stage is a refusal that
        quotes no data."""
        purpose = purpose.strip() if purpose and purpose.strip() else None
        try:
            role, described = self.admit(user, purpose, limits_later=True)
            plan = self.prepare(user, role, sql, described is not None or not role.purpose_for_person_level)
        except UkimetError as error:
            raise self.refused(user, sql, purpose, error) from None
        except Exception as error:  # a stage failed in a way nobody foresaw: refused, audited, nothing quoted
            raise self.refused(user, sql, purpose, internal_refusal(error)) from None
        if plan.private is not None:
            return self._answer_privately(user, role, sql, plan.private)
        return self.run(user, role, described, "query", sql, [plan])[1][0]

    def _answer_privately(self, user: User, role: RolePolicy, sql: str, plan: PrivatePlan) -> Result:
        """A private aggregate: released before (the same answer, nothing spent) or measured now within the
        user's and the role's budgets; one audit entry naming what it spent, written before the answer is out.

        The true statistics are read first, on one snapshot and without the log's lock (they never leave the
        gateway); the log is then locked only to find a release of the same statistics, decide on the budgets,
        draw the noise and write the entry, so that two processes asking at once cannot both spend or draw."""
        epsilon, delta = plan.epsilon(role.epsilon_per_count, role.epsilon_per_value), DELTA if plan.keys else 0.0
        access = partial(audit.Access, user.name, user.organisation, user.role, None)
        failure: UkimetError | None = None
        statistics: Any = None
        shown: tuple[list[str], list[tuple[Any, ...]]] | None = None
        seen = 0
        try:
            with self.one_snapshot() as snapshot:
                key = hashlib.sha256("\x1f".join([role.name, repr(sorted(user.attributes.items())),
                                                   plan.statistics, self.policy.version, str(snapshot)]).encode()
                                     ).hexdigest()
                before = self._released(key)
                if before is not None:  # what the caller sees of it, worked out here and not under the lock
                    seen, shown = int(before[1]), self._shown(plan, int(before[1]), before[0])
                elif epsilon <= role.epsilon_per_query + 1e-9:
                    statistics = self._statistics(plan.statistics)
        except Exception as error:  # a refusal as it is; anything unforeseen said by its kind only
            failure = error if isinstance(error, UkimetError) else internal_refusal(error)
        with self.audit.recording() as record:
            try:
                if failure is not None:
                    raise failure
                released = self._released(key, record.con)
                self._within_daily_rows(record.used_today(user.name), user, role)
                if released is not None:
                    spent, note = 0.0, f"released before (entry {released[1]})"
                    if shown is None or int(released[1]) != seen:
                        shown = self._shown(plan, int(released[1]), released[0])
                elif epsilon > role.epsilon_per_query + 1e-9:
                    raise LimitExceeded("gateway.answer_epsilon", epsilon=epsilon, most=role.epsilon_per_query)
                else:
                    mine, theirs = record.spent_today(user.name, user.role)
                    if mine + epsilon > role.epsilon_per_day + 1e-9:
                        raise LimitExceeded("gateway.user_budget", epsilon=epsilon, user=user.name,
                                            left=max(role.epsilon_per_day - mine, 0), total=role.epsilon_per_day,
                                            retry_after=_until_tomorrow(self.audit.clock()))
                    if theirs + epsilon > role.role_epsilon_per_day + 1e-9:
                        raise LimitExceeded("gateway.role_budget", epsilon=epsilon, role=role.name,
                                            total=role.role_epsilon_per_day,
                                            retry_after=_until_tomorrow(self.audit.clock()))
                    if statistics is None:  # a release seen before the lock and gone under it: never deleted
                        raise LookupError("a kept release disappeared")
                    table = release(plan, statistics, role.epsilon_per_count, role.epsilon_per_value, role.small_cell)
                    spent = epsilon
                    note = f"epsilon {epsilon:g}, delta {delta:g}"
                    shown = post_process(plan, table)
                columns, rows = list(shown[0]), list(shown[1])
            except Exception as error:  # a refusal as it is; anything unforeseen said by its kind only
                failure = error if isinstance(error, UkimetError) else internal_refusal(error)
                refused_seq = record(access("refused", sql, f"-- refused: {failure.why}", 0, [],
                                            self.policy.version))
            else:
                rewritten = f"{plan.statistics}\n-- differential privacy: {note}; rows per person " \
                            f"{plan.rows_per_unit}; outputs: {plan.outputs}\n{_read_from(snapshot)}"
                seq = record.record(access("query", sql, rewritten, len(rows), [], self.policy.version),
                                    spent, delta if spent else 0.0)
                if released is None:
                    record.con.execute(insert(privacy_releases).values(key=key, released=write_released(table),
                                                                       seq=seq))
        if failure is not None:
            self._alert(user, failure, None)
            alerts.check_probing(self.metadata, user.name, refused_seq)
            raise failure
        return Result(columns, rows, rewritten, seq, False, spent, snapshot)

    def _shown(self, plan: PrivatePlan, seq: int, blob: bytes) -> tuple[list[str], list[tuple[Any, ...]]]:
        """What the caller sees of the release entry ``seq`` wrote (``blob``): its outputs, order and limit
        (post_process), kept per release and question, since a release never changes once written."""
        key = (seq, plan.outputs)
        shown = self._shown_kept.get(key)
        if shown is None:
            shown = post_process(plan, read_released(blob))
            with self._lock:
                if len(self._shown_kept) >= PLAN_CACHE:
                    self._shown_kept.pop(next(iter(self._shown_kept)), None)
                self._shown_kept[key] = shown
        return shown

    def _released(self, key: str, con: Connection | None = None) -> Row[Any, Any] | None:
        """The kept release of the statistics named ``key`` (its blob and entry), if any; read under the log's
        lock when ``con`` is the recorder's connection."""
        query = select(privacy_releases.c.released, privacy_releases.c.seq).where(privacy_releases.c.key == key)
        if con is not None:
            return con.execute(query).first()
        with self.metadata.connect() as own:
            return own.execute(query).first()

    def snapshot(self) -> int:
        """The store's snapshot the next answer reads (the one given as ``as_of``, or the newest published)."""
        return self._local.snapshot if self._pinned is not None else self._newest()

    def _statistics(self, sql: str) -> Any:
        """The true statistics of a private aggregate (an Arrow table): they never leave the gateway."""
        with self._limited() as con:
            return con.sql(sql).to_arrow_table()

    @contextlib.contextmanager
    def _limited(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor on the engine (the thread's pinned one, or one of its own: a DuckDB cursor serves one thread),
        interrupted after ``query_timeout`` seconds; the engine's failures said by their kind."""
        pinned = self._pinned
        con = pinned or cursor(self._engine())
        alarm = WATCHDOG.arm(self.config.query_timeout, con.interrupt)
        try:
            yield con
        except duckdb.Error as error:
            raise _engine_refusal(error) from None
        finally:
            WATCHDOG.disarm(alarm)
            if pinned is None:
                con.close()

    def run(self, user: User, role: RolePolicy, purpose: str | None, action: str, what: str,
            plans: list[Plan]) -> tuple[int, list[Result]]:
        """Execute prepared person-level plans as one access: one audit entry (``action``, ``what``) naming every
        person behind their rows, written before any result is handed out, under the role's limits. The entry's
        number and the results.

        The plans run first, on one snapshot and without the log's lock (nothing leaves before the entry is
        written); then the log is locked only to decide on the day's limits from every process's usage and to
        write the entry. A long query thus never holds up the accesses of others, nor a sync's bookkeeping."""
        policy = self.policy.version
        access = partial(audit.Access, user.name, user.organisation, user.role, purpose)
        failure: UkimetError | None = None
        outcomes, iins = [], set()
        snapshot = 0
        try:
            with self.one_snapshot() as snapshot:
                for plan in plans:
                    if plan.trace is None:
                        raise Refused("gateway.untraced_plan")
                    columns, rows, truncated = self._execute(plan.rewritten, role.max_rows_per_query)
                    iins |= self._traced(plan, rows, role.max_rows_per_query)
                    outcomes.append((columns, rows, truncated, plan.rewritten))
        except UkimetError as error:
            failure = error
        except Exception as error:  # nothing unforeseen escapes unaudited, and nothing of it is quoted
            failure = internal_refusal(error)
        persons = sorted({self.audit.person(v) for v in iins})
        total = sum(len(o[1]) for o in outcomes)
        rewritten = "\n;\n".join(p.rewritten for p in plans) + f"\n{_read_from(snapshot)}"
        with self.audit.recording() as record:  # no entry, no result: nothing is handed out before this commits
            if failure is None:
                # the day's usage of every process, read where no other access of the user can be recorded
                used = record.used_today(user.name)
                try:
                    self._within_daily_rows(used, user, role)
                except LimitExceeded as error:
                    failure = error
                else:
                    if used.persons + record.new_persons(user.name, persons) > role.max_persons_per_day:
                        blocked = record(access("blocked", what, rewritten, 0, persons, policy))
                        failure = LimitExceeded("gateway.bulk", user=user.name, persons=role.max_persons_per_day)
                    else:
                        seq = record(access(action, what, rewritten, total, persons, policy))
            if failure is not None and failure.id != "gateway.bulk":
                record(access("refused", what, f"-- refused: {failure.why}", 0, [], policy))
        if failure is not None:
            self._alert(user, failure, blocked if failure.id == "gateway.bulk" else None)
            raise failure
        return seq, [Result(c, r, sql, seq, t, snapshot=snapshot) for c, r, t, sql in outcomes]

    def _execute(self, sql: str, limit: int) -> tuple[list[str], list[tuple[Any, ...]], bool]:
        """Run a rewritten query on the locked engine: columns, at most ``limit`` rows, whether more matched."""
        columns, rows = self._run(sql, limit)
        size = sum(len(repr(v)) for row in rows for v in row)
        if size > self.config.max_result_bytes:
            raise LimitExceeded("gateway.size", size=size, most=self.config.max_result_bytes)
        return columns, rows[:limit], len(rows) > limit

    def _traced(self, plan: Plan, rows: list[tuple[Any, ...]], limit: int) -> set[str]:
        """The clear IINs behind ``rows``: the plan's trace query run on its own, its rows (without the persons
        column) matched against the answer's. When they differ the persons are not known: refused."""
        assert plan.trace is not None
        _, traced = self._run(plan.trace, limit)
        traced = traced[:limit]
        found: dict[str, list[Any]] = {}
        for row in traced:
            found.setdefault(repr(row[:-1]), []).append(row[-1] or [])
        if plan.distinct:  # the answer's UNION merged rows that the persons column kept apart
            found = {k: [[v for listed in lists for v in listed]] for k, lists in found.items()}
        answer: dict[str, int] = {}
        for row in rows:
            answer[repr(row)] = answer.get(repr(row), 0) + 1
        if {k: len(v) for k, v in found.items()} != answer:
            raise Refused("gateway.unmatched_rows")
        return {v for lists in found.values() for listed in lists for v in listed if v}

    def _run(self, sql: str, limit: int) -> tuple[list[str], list[tuple[Any, ...]]]:
        with self._limited() as con:
            cursor = con.execute(sql)
            return [d[0] for d in cursor.description or []], cursor.fetchmany(limit + 1)


class Watchdog:
    """Calls what is armed once its time is up, unless it was disarmed first: one thread for every query's
    timeout, where a timer per query started a thread per query (about 0.7 ms each)."""

    def __init__(self) -> None:
        self._due: list[tuple[float, int, Callable[[], object]]] = []
        self._armed: set[int] = set()
        self._count = itertools.count()
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None

    def arm(self, seconds: float, call: Callable[[], object]) -> int:
        """Call ``call`` after ``seconds``; the alarm's number, for ``disarm``."""
        with self._changed:
            alarm = next(self._count)
            heapq.heappush(self._due, (time.monotonic() + seconds, alarm, call))
            self._armed.add(alarm)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._watch, name="ukimet-query-timeouts", daemon=True)
                self._thread.start()
            self._changed.notify()
        return alarm

    def disarm(self, alarm: int) -> None:
        with self._changed:
            self._armed.discard(alarm)

    def _watch(self) -> None:
        while True:
            with self._changed:
                while self._due and self._due[0][1] not in self._armed:
                    heapq.heappop(self._due)  # disarmed: dropped when it reaches the front
                if not self._due:
                    self._changed.wait()
                    continue
                due, alarm, call = self._due[0]
                if due > time.monotonic():
                    self._changed.wait(due - time.monotonic())
                    continue
                heapq.heappop(self._due)
                self._armed.discard(alarm)
            with contextlib.suppress(Exception):  # a connection closed meanwhile has nothing to interrupt
                call()


WATCHDOG = Watchdog()
"""the process's query timeouts"""


def _read_from(snapshot: int) -> str:
    """How an entry names the store's snapshot its answer was read from (``ukimet query --as-of N`` reads it
    again): part of the entry's text, so its hash covers it."""
    return f"-- store snapshot {snapshot}"


def _until_tomorrow(now: dt.datetime) -> int:
    """Seconds from ``now`` until the day's limits start again (midnight UTC, the day they are counted by)."""
    return int((dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), dt.UTC) - now).total_seconds()) + 1


def _engine_refusal(error: duckdb.Error) -> Refused:
    """The engine's failure said by its kind, never by its message (which can quote the values it failed on)."""
    return Refused(next((said for kind, said in ENGINE_ERRORS.items() if isinstance(error, kind)), "engine.other"))


def internal_refusal(error: Exception) -> Refused:
    """A failure nobody foresaw, said without its message (logged by kind only)."""
    logging.getLogger("ukimet.gateway").error("gateway failure: %s", type(error).__name__)
    return Refused("gateway.internal", kind=type(error).__name__)
