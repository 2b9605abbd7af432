"""The metadata store: sources, catalog, classification overrides, profiles, sync runs and lineage, accounts,
policies, the audit log and the workflow of cases and findings. SQLite by default, PostgreSQL when configured,
always through SQLAlchemy. It never holds citizen data: the values behind cases and findings, names and phones
live in the integrated store behind the gateway (model.evidence); here a case or finding names its person only
by the mart's pseudonymous id and its basis only by keyed hashes (apps.seal)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
)
from sqlalchemy.engine import make_url

from ukimet.core.files import make_private
from ukimet.core.migrate import upgrade
from ukimet.core.settings import Settings

metadata = MetaData()

sources = Table(
    "sources", metadata,
    Column("name", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("location", Text, nullable=False, doc="URL without password, or file path"),
    Column("schema_name", String(128), doc="PostgreSQL schema or MySQL database to read"),
    Column("options", JSON, nullable=False, default=dict),
    Column("password_env", String(128), doc="environment variable holding the password"),
    Column("password_secret", String(128), doc="key in the secrets file holding the password"),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("titles", JSON, doc="language code (kk, ru, en) -> the source's name as its readers know it"),
)

organisations = Table(
    "organisations", metadata,
    Column("name", String(256), primary_key=True, doc="as accounts and audit entries record it"),
    Column("titles", JSON, nullable=False, doc="language code (kk, ru, en) -> its name as readers know it"),
)

table_titles = Table(
    "table_titles", metadata,
    Column("source", String(64), primary_key=True),
    Column("table_name", String(256), primary_key=True, doc="as the store names it"),
    Column("titles", JSON, nullable=False, doc="language code (kk, ru, en) -> its name as readers know it"),
)

catalog_tables = Table(
    "catalog_tables", metadata,
    Column("source", String(64), primary_key=True),
    Column("table_name", String(256), primary_key=True),
    Column("row_count", Integer),
    Column("primary_key", JSON, nullable=False, default=list),
    Column("updated_column", String(256)),
    Column("introspected_at", DateTime(timezone=True), nullable=False),
    Column("source_table", String(256)),
    # the table's name in the source when its store name differs (migration 0010)
)

catalog_columns = Table(
    "catalog_columns", metadata,
    Column("source", String(64), primary_key=True),
    Column("table_name", String(256), primary_key=True),
    Column("column_name", String(256), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("data_type", String(64), nullable=False),
    Column("nullable", Integer, nullable=False, default=1),
    Column("semantic_type", String(32)),
    Column("confidence", Float),
    Column("sensitivity", String(16)),
    Column("labelled_by", String(16), doc="auto or user"),
    Column("evidence", Text),
)

overrides = Table(
    "column_overrides", metadata,
    Column("source", String(64), primary_key=True),
    Column("table_name", String(256), primary_key=True),
    Column("column_name", String(256), primary_key=True),
    Column("semantic_type", String(32)),
    Column("sensitivity", String(16)),
    Column("set_by", String(128), nullable=False),
    Column("set_at", DateTime(timezone=True), nullable=False),
)

profiles = Table(
    "profiles", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(64), nullable=False, index=True),
    Column("table_name", String(256), nullable=False),
    Column("column_name", String(256), doc="empty for table-level metrics"),
    Column("metrics", JSON, nullable=False),
    Column("profiled_at", DateTime(timezone=True), nullable=False),
)

sync_runs = Table(
    "sync_runs", metadata,
    Column("run_id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(64), nullable=False, index=True),
    Column("mode", String(16), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(16), nullable=False, doc="running, done, failed"),
    Column("pid", Integer, doc="process that ran it: a running run whose process is gone was interrupted"),
    Column("error", Text),
)

lineage = Table(
    "lineage", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, nullable=False, index=True),
    Column("source", String(64), nullable=False),
    Column("source_table", String(256), nullable=False),
    Column("store_table", String(512), nullable=False),
    Column("mode", String(16), nullable=False),
    Column("rows_read", Integer, nullable=False, default=0),
    Column("rows_written", Integer, nullable=False, default=0),
    Column("rows_quarantined", Integer, nullable=False, default=0),
    Column("inserted", Integer), Column("updated", Integer), Column("deleted", Integer),
    Column("watermark", Text, doc="highest updated-at value synced, for the next incremental run"),
    Column("drift", JSON, doc="columns added, dropped, retyped since the previous sync"),
    Column("state", String(16), nullable=False, doc="staged (complete, not yet visible) or published"),
    Column("finished_at", DateTime(timezone=True), nullable=False),
    Column("fingerprint", Text, doc="the source's table as it was read (a file: a hash of its bytes)"),
)

users = Table(
    "users", metadata,
    Column("name", String(128), primary_key=True),
    Column("role", String(64), nullable=False),
    Column("organisation", String(256), nullable=False),
    Column("attributes", JSON, nullable=False, default=dict, doc="what row filters read, e.g. region"),
    Column("person_hash", String(64), doc="a citizen account's own person, as the audit log names persons (the "
           "keyed hash of their IIN, gateway.audit.person_hash): the data tracker finds their accesses by it; "
           "the IIN itself is not kept"),
    Column("password_hash", Text, doc="argon2id; NULL for accounts that sign in through OIDC or tokens only"),
    Column("totp_secret", Text, doc="second factor (RFC 6238), encrypted with the installation's MFA key"),
    Column("totp_last_step", Integer, doc="the last time step a code was accepted for (no replay)"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("must_change_password", Boolean, doc="an administrator reset the password: the account may do nothing "
           "but choose a new one (NULL: no)"),
)
api_tokens = Table(
    "api_tokens", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_name", String(128), nullable=False, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True)),
)
sessions = Table(
    "sessions", metadata,
    Column("id_hash", String(64), primary_key=True, doc="SHA-256 of the session id; the id itself is never kept"),
    Column("user_name", String(128), nullable=False, index=True),
    Column("method", String(16), nullable=False, doc="how the user signed in: password or oidc"),
    Column("address", String(64), nullable=False, doc="the client's address at sign-in"),
    Column("created_at", DateTime(timezone=True), nullable=False, doc="for the absolute timeout"),
    Column("last_seen_at", DateTime(timezone=True), nullable=False, doc="for the idle timeout"),
    Column("ended_at", DateTime(timezone=True)),
    Column("end_reason", String(16), doc="logout, password, revoked, idle, absolute"),
)
signin_attempts = Table(
    "signin_attempts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("user_name", String(128), nullable=False, index=True, doc="the name given (an account or not)"),
    Column("address", String(64), nullable=False, index=True),
    Column("ok", Integer, nullable=False, doc="1 signed in, 0 failed"),
)
signin_lockouts = Table(
    "signin_lockouts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("scope", String(16), nullable=False, doc="account or address"),
    Column("subject", String(128), nullable=False, index=True, doc="the account name or the client address"),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("until", DateTime(timezone=True), nullable=False),
)
policies = Table(
    "policies", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("text", Text, nullable=False, doc="the policy as TOML, exactly as loaded"),
    Column("sha256", String(64), nullable=False),
    Column("author", String(128), nullable=False),
    Column("note", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
purposes = Table(
    "purposes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_name", String(128), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("case_ref", String(128), doc="the case the access serves"),
    Column("legal_basis", Text, doc="the law or order that allows it"),
    Column("declared_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)
alerts = Table(
    "alerts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user_name", String(128), nullable=False, index=True),
    Column("kind", String(32), nullable=False, doc="bulk_access, daily_rows, probing, signin_lockout"),
    Column("detail", Text, nullable=False),
    Column("audit_seq", Integer, doc="the audit entry that raised it"),
    Column("status", String(16), nullable=False, default="open", doc="open or acknowledged"),
    Column("handled_by", String(128)),
    Column("handled_at", DateTime(timezone=True)),
    Column("note", Text),
)
identities = Table(
    "identities", metadata,
    Column("issuer", String(512), primary_key=True),
    Column("subject", String(256), primary_key=True),
    Column("user_name", String(128), nullable=False, unique=True),
    Column("bound_at", DateTime(timezone=True), nullable=False),
)
cases = Table(
    "cases", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("rule", String(64), nullable=False, index=True),
    Column("rule_version", String(32), nullable=False),
    Column("as_of", String(10), nullable=False, doc="the date the entitlement was decided for"),
    Column("person_id", String(32), nullable=False, index=True, doc="the linked person (mart.persons)"),
    Column("family_id", String(32)),
    Column("region", String(8)),
    Column("evidence_hash", String(64), nullable=False,
           doc="keyed hash of the values the rule's condition read (the values: evidence.entitlements, in the "
               "store)"),
    Column("evidence_keys", JSON, nullable=False, default=dict,
           doc="value name -> keyed hash of its value: which value changed, without the values"),
    Column("status", String(16), nullable=False, doc="found, notified, consented, refused, assigned, closed"),
    Column("purpose", Text, doc="the purpose the case was opened under (a declared P-n): its SMS is sent under it"),
    Column("assigned_to", String(128)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
case_events = Table(
    "case_events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(128), nullable=False),
    Column("action", String(32), nullable=False),
    Column("note", Text),
)
outbox = Table(
    "outbox", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, nullable=False, index=True),
    Column("template", String(64), nullable=False, doc="the entitlement rule whose SMS text it is"),
    Column("template_version", String(32), nullable=False, doc="the rules file's version"),
    Column("languages", String(16), nullable=False, doc="the texts' languages, e.g. kk,ru; rendered when sent"),
    Column("status", String(16), nullable=False,
           doc="queued, sent, failed, no_phone (the case needs a visit), withdrawn (answered before it was sent)"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("sent_at", DateTime(timezone=True)),
)
saved_questions = Table(
    "saved_questions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("owner", String(128), nullable=False, index=True, doc="the user who saved it"),
    Column("organisation", String(256), nullable=False, index=True,
           doc="the owner's organisation when it was saved: who a shared question is shown to"),
    Column("title", String(120), nullable=False),
    Column("question", Text, nullable=False, doc="as typed; asked again as each viewer, with the viewer's rights"),
    Column("shared", Boolean, nullable=False, default=False, doc="shown on the dashboards of the organisation"),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
findings = Table(
    "findings", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("rule", String(64), nullable=False, index=True),
    Column("subject_kind", String(16), nullable=False),
    Column("subject", String(64), nullable=False, doc="a linked person, a BIN, a dwelling, a region"),
    Column("as_of", String(10), nullable=False),
    Column("values_hash", String(64), nullable=False,
           doc="keyed hash of the finding's values and records (those: evidence.findings, in the store)"),
    Column("records", Integer, nullable=False, default=0, doc="how many evidence records it names"),
    Column("status", String(16), nullable=False, doc="open, confirmed, dismissed"),
    Column("reviewer", String(128)),
    Column("note", Text),
    Column("found_at", DateTime(timezone=True), nullable=False),
    Column("reviewed_at", DateTime(timezone=True)),
)
audit_entries = Table(
    "audit_entries", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(32), nullable=False, doc="UTC, ISO 8601"),
    Column("user_name", String(128), nullable=False, index=True),
    Column("organisation", String(256), nullable=False),
    Column("role", String(64), nullable=False),
    Column("purpose", Text),
    Column("action", String(32), nullable=False, doc="query, view, refused, blocked, policy, purpose, tracker ..."),
    Column("policy", String(32), nullable=False, default="", doc="the policy version in force"),
    Column("query", Text, nullable=False),
    Column("rewritten", Text),
    Column("rows", Integer, nullable=False),
    Column("persons", JSON, nullable=False, doc="keyed hashes of the IINs of the persons the access touched"),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("hash_format", Integer, nullable=False, server_default="1",
           doc="which fields the hash covers: 1 before the format was recorded, 2 with the format itself"),
    # a user's entries of one day, read at every access for the daily limits
    Index("ix_audit_entries_user_at", "user_name", "at"),
)
audit_frontier = Table(
    "audit_frontier", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False, doc="always 1: one row"),
    Column("seq", Integer, nullable=False, doc="the last entry the frontier covers"),
    Column("hash", String(64), nullable=False, doc="that entry's hash"),
    Column("nodes", JSON, nullable=False, doc="[size, root] of each perfect Merkle subtree over entries 1..seq"),
)
# Who was touched by which entry, written in the entry's own transaction: the citizen's tracker reads it (its key
# leads with the person) instead of scanning the log.
audit_persons = Table(
    "audit_persons", metadata,
    Column("person_hash", String(64), primary_key=True, doc="a keyed person hash the entry's persons name"),
    Column("seq", Integer, primary_key=True, autoincrement=False, index=True, doc="the entry"),
)
# Every perfect Merkle subtree over the entries above the leaves (the leaves are the entries' hashes), kept as it is
# completed: an inclusion proof reads O(log n) of them instead of rebuilding the tree.
audit_nodes = Table(
    "audit_nodes", metadata,
    Column("level", Integer, primary_key=True, autoincrement=False, doc="the subtree has 2**level leaves (>= 1)"),
    Column("idx", Integer, primary_key=True, autoincrement=False, doc="it covers entries idx*2**level+1 on"),
    Column("hash", String(64), nullable=False, doc="its Merkle hash (RFC 6962), hex"),
)
# What each user has read each day, kept with the entries that count towards the daily limits: the limits are
# decided by reading one row (migration 0009).
audit_usage = Table(
    "audit_usage", metadata,
    Column("user_name", String(128), primary_key=True),
    Column("day", String(10), primary_key=True, doc="UTC date of the entries counted"),
    Column("rows", BigInteger, nullable=False, doc="rows read that day by accesses that count (query, view)"),
    Column("persons", BigInteger, nullable=False, doc="distinct persons those accesses touched that day"),
)
audit_day_persons = Table(
    "audit_day_persons", metadata,
    Column("user_name", String(128), primary_key=True),
    Column("day", String(10), primary_key=True),
    Column("person_hash", String(64), primary_key=True, doc="a person the user's counted accesses touched that day"),
)
privacy_spend = Table(
    "privacy_spend", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False, doc="the audit entry of the answer"),
    Column("day", String(10), nullable=False, index=True, doc="UTC date the budget is counted on"),
    Column("user_name", String(128), nullable=False, index=True),
    Column("role", String(64), nullable=False, index=True),
    Column("epsilon", Float, nullable=False),
    Column("delta", Float, nullable=False),
)
privacy_releases = Table(
    "privacy_releases", metadata,
    Column("key", String(64), primary_key=True, doc="hash of the question as run, the role's view and the data"),
    Column("released", LargeBinary, nullable=False, doc="the released (noisy) statistics, Arrow IPC"),
    Column("seq", Integer, nullable=False, doc="the audit entry that spent the budget for them"),
)
audit_checkpoints = Table(
    "audit_checkpoints", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False, doc="the last entry the checkpoint covers"),
    Column("hash", String(64), nullable=False, doc="the chain's head at seq"),
    Column("root", String(64), nullable=False, doc="Merkle root (RFC 6962) over the entry hashes 1..seq"),
    Column("signature", String(128), nullable=False, doc="Ed25519 over seq, head and root, hex"),
    Column("public_key", String(64), nullable=False, doc="the signer's key, hex"),
    Column("at", String(32), nullable=False),
)


@contextmanager
def writing(bind: Engine | Connection) -> Iterator[Connection]:
    """A connection to write with: a transaction of its own on an engine, or the caller's own connection (a
    migration's, whose transaction the writes join)."""
    if isinstance(bind, Engine):
        with bind.begin() as con:
            yield con
    else:
        yield bind


def connect_metadata(config: Settings, throwaway: bool = False) -> Engine:
    """An engine on the metadata store, its schema at the newest revision (core.migrate: created, or upgraded from
    an earlier release). The home is made private first (core.files): every file the process then creates is its
    owner's alone. ``throwaway``: a new home deleted at the end of the run (``ukimet link --out``), whose tables are
    made as the models say rather than migrated there (what the migrations give, as tests/test_migrations.py
    holds), without loading Alembic: half a second of a run of a few seconds."""
    make_private(config.home, config.resolved_store_path())
    url = make_url(config.resolved_metadata_url())
    if url.drivername.startswith("sqlite") and url.database:
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    if url.password is None and os.environ.get("UKIMET_METADATA_PASSWORD"):
        url = url.set(password=os.environ["UKIMET_METADATA_PASSWORD"])
    engine = create_engine(url, future=True)
    if url.drivername.startswith("sqlite"):
        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            dbapi_connection.execute("PRAGMA journal_mode=WAL")
            dbapi_connection.execute("PRAGMA busy_timeout=60000")  # a sync waits behind busy servers, not fails
            dbapi_connection.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable across crashes of ukimet
    if throwaway:
        metadata.create_all(engine)
    else:
        upgrade(engine, config.home / "backups", config)
    _append_only(engine)
    return engine


APPEND_ONLY = ("audit_entries", "audit_checkpoints", "privacy_spend", "audit_persons", "audit_nodes")
_GUARDS = {
    "sqlite": ["CREATE TRIGGER IF NOT EXISTS {t}_no_{op} BEFORE {op} ON {t} "
               "BEGIN SELECT RAISE(ABORT, '{t} is append-only'); END"],
    "postgresql": ["CREATE OR REPLACE FUNCTION ukimet_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                   "$$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$",
                   "CREATE OR REPLACE TRIGGER {t}_no_{op} BEFORE {op} ON {t} "
                   "FOR EACH ROW EXECUTE FUNCTION ukimet_append_only()"],
}


def _append_only(engine: Engine) -> None:
    """The audit tables refuse UPDATE and DELETE: only a database superuser who drops the triggers can change
    them, and the hash chain and signed checkpoints still show it."""
    statements = _GUARDS.get(engine.dialect.name, [])
    with engine.begin() as con:
        for table in APPEND_ONLY:
            for op in ("update", "delete"):
                for sql in statements:
                    con.exec_driver_sql(sql.format(t=table, op=op))
