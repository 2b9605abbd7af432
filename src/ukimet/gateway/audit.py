"""The audit log: one entry per access (who, organisation, role, when, purpose, action, query, rewritten query,
rows, persons touched). Each entry's hash covers the previous one's (a chain), and signed checkpoints (Ed25519)
commit to the chain's head and to a Merkle tree over all entries up to it, so that

- ``verify`` detects an edited, deleted, inserted or reordered entry and names the first bad one, and a chain
  rewritten from some point on no longer matches the checkpoints signed before;
- an inclusion proof shows one entry is in the signed log without revealing the others (the citizen's tracker);
- the store refuses UPDATE and DELETE on the log (append-only triggers), so changing it takes a database
  superuser, and the chain and the signatures still show what they did;
- after every write the signed head is appended to the anchor, a file outside the database (``gateway.anchor``),
  so that deleting the newest entries, editing them or rewriting the whole chain and deleting every checkpoint
  no longer matches the heads anchored when the entries were written.

Each entry records its hash format. Format 1 (the entries of releases before the format was recorded) hashes the
header below; format 2 adds the format number to the hashed fields, so that an entry cannot be re-read under
another format's rules. Both verify, byte for byte as written.

An entry's hash covers digests of its query, rewritten query and persons, so that a proof can show who, when
and why without showing the query text. Persons are kept as keyed hashes of their IINs: the log holds no IIN,
and without the installation's key the hashes cannot be recomputed from the small space of possible IINs.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import hmac
import json
import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import BigInteger, Connection, Engine, bindparam, case, func, insert, or_, select, text, update

from ukimet.core.errors import ConfigError, InvalidInput, UkimetError, Unavailable
from ukimet.core.metadata import (
    audit_checkpoints,
    audit_day_persons,
    audit_entries,
    audit_frontier,
    audit_nodes,
    audit_persons,
    audit_usage,
    policies,
    privacy_spend,
)
from ukimet.core.settings import Settings
from ukimet.gateway import anchor, merkle
from ukimet.gateway.keys import installation_secret

GENESIS = "0" * 64
HEADER = ("seq", "at", "user_name", "organisation", "role", "purpose", "action", "policy", "rows")
DIGESTED = ("query", "rewritten", "persons")
HASH_FORMAT = 2
"""the hash format new entries are written in; every earlier one still verifies"""


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def header(entry: dict[str, Any]) -> dict[str, Any]:
    """What an entry's hash covers: its fields, with the query, rewritten query and persons as digests (and, from
    format 2 on, the format)."""
    fields = {**{k: entry[k] for k in HEADER}, **{f"{k}_sha256": _digest(entry[k]) for k in DIGESTED}}
    form = entry.get("hash_format") or 1
    return fields if form == 1 else {**fields, "hash_format": form}


def entry_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    """The entry's hash from the previous entry's hash and its header (or the entry itself)."""
    fields = entry if "query_sha256" in entry else header(entry)
    body = json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256((prev_hash + body).encode()).hexdigest()


@dataclass(frozen=True)
class Access:
    user_name: str
    organisation: str
    role: str
    purpose: str | None
    action: str
    """query, refused, blocked, view, policy, purpose, tracker ..."""
    query: str
    rewritten: str | None
    rows: int
    persons: list[str]
    """keyed person hashes (AuditLog.person)"""
    policy: str = ""
    """the policy version in force"""


@dataclass(frozen=True)
class Usage:
    """What a user has read on one day (UTC), counted towards the daily limits."""

    rows: int
    persons: int
    """distinct persons"""


COUNTED = ("query", "view")
"""the actions whose rows and persons count towards the daily limits"""


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# The statements every access runs under the log's lock, built once: building a SQLAlchemy expression costs more
# than SQLite takes to run it, and every other access waits meanwhile.
_USED = select(audit_usage.c.rows, audit_usage.c.persons).where(
    audit_usage.c.user_name == bindparam("of_user"), audit_usage.c.day == bindparam("of_day"))
_COUNT = update(audit_usage).where(audit_usage.c.user_name == bindparam("of_user"),
                                   audit_usage.c.day == bindparam("of_day")).values(
    rows=audit_usage.c.rows + bindparam("add_rows", type_=BigInteger),
    persons=audit_usage.c.persons + bindparam("add_persons", type_=BigInteger))
_LAST = select(audit_entries.c.seq, audit_entries.c.hash).order_by(audit_entries.c.seq.desc()).limit(1)
_LAST_SEQ = select(func.max(audit_entries.c.seq))
_FRONTIER = select(audit_frontier).where(audit_frontier.c.id == 1)
_KEEP_FRONTIER = update(audit_frontier).where(audit_frontier.c.id == 1)


def used_on(con: Connection, user: str, day: dt.date) -> Usage:
    """Rows and distinct persons a user read on ``day``: one row, kept with the entries (``count_usage``)."""
    row = con.execute(_USED, {"of_user": user, "of_day": day.isoformat()}).first()
    return Usage(int(row[0]), int(row[1])) if row else Usage(0, 0)


def count_usage(con: Connection, user: str, day: dt.date, rows: int, new: list[str]) -> None:
    """Add an entry's rows, and the persons new to the user that day (``new``: not ``seen_on``), to the user's
    day (in the entry's transaction, under the log's lock)."""
    added = con.execute(_COUNT, {"of_user": user, "of_day": day.isoformat(), "add_rows": rows,
                                 "add_persons": len(new)})
    if not added.rowcount:
        con.execute(insert(audit_usage), {"user_name": user, "day": day.isoformat(), "rows": rows,
                                          "persons": len(new)})
    if new:
        con.execute(insert(audit_day_persons), [{"user_name": user, "day": day.isoformat(), "person_hash": p}
                                                for p in new])


def seen_on(con: Connection, user: str, day: dt.date, persons: list[str]) -> set[str]:
    """Which of ``persons`` the user already read on ``day`` (they count once a day): looked up by key."""
    wanted, seen = sorted(set(persons)), set()
    for start in range(0, len(wanted), 500):
        seen |= {p for (p,) in con.execute(select(audit_day_persons.c.person_hash).where(
            audit_day_persons.c.user_name == user, audit_day_persons.c.day == day.isoformat(),
            audit_day_persons.c.person_hash.in_(wanted[start:start + 500])))}
    return seen


@dataclass(frozen=True)
class Verdict:
    ok: bool
    entries: int
    checkpoints: int
    first_bad: int | None
    """the sequence number of the first entry that fails"""
    reason: str
    kind: str | None = None
    """what was done, when it fails: deleted, reordered, edited, rewritten, truncated, anchor_missing, anchor,
    checkpoint, untrusted, format"""
    anchored: int = 0
    """the newest entry whose head is anchored outside the database"""
    since: int = 0
    """the checkpoint the check started from (entries after it were re-hashed), 0 when the whole log was"""


@dataclass(frozen=True)
class Proof:
    """That one entry is in the log a checkpoint signed: checkable by anyone with the signer's public key."""

    header: dict[str, Any]
    prev_hash: str
    entry_hash: str
    tree_size: int
    path: list[str]
    root: str
    head: str
    """the chain's hash at the checkpoint"""
    signature: str
    public_key: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def check_proof(proof: Proof | dict[str, Any], trusted_keys: set[str] | None = None) -> str | None:
    """None when the proof holds, else what is wrong with it."""
    p = proof if isinstance(proof, Proof) else Proof(**proof)
    if entry_hash(p.prev_hash, p.header) != p.entry_hash:
        return "the entry does not match its hash"
    index = int(p.header["seq"]) - 1
    if not merkle.verify_inclusion(merkle.leaf_hash(p.entry_hash), index, p.tree_size,
                                   [bytes.fromhex(h) for h in p.path], bytes.fromhex(p.root)):
        return "the entry is not in the signed tree"
    if trusted_keys is not None and p.public_key not in trusted_keys:
        return "the checkpoint is signed by an untrusted key"
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(p.public_key)).verify(
            bytes.fromhex(p.signature), anchor.signed_message(p.tree_size, p.head, p.root))
    except (InvalidSignature, ValueError):
        return "the checkpoint's signature is bad"
    return None


def _lock(con: Connection) -> None:
    """Take the log's write lock before anything runs: appends are serialised, and a log that cannot be
    written stops the access before it starts."""
    if con.dialect.name == "postgresql":
        con.execute(text("SELECT pg_advisory_xact_lock(7294816301)"))
    else:  # an empty write begins SQLite's write transaction (and fails now if the file cannot be written)
        con.execute(text("UPDATE audit_entries SET seq = seq WHERE 1 = 0"))


IIN_LITERAL = re.compile(r"(?<![0-9])[0-9]{12}(?![0-9])")


def _failed(stage: str, error: Exception) -> Unavailable:
    """The log cannot take the entry: the access is not carried out (no entry, no result), and the caller is told
    the log is unavailable, not that the policy refused them."""
    return Unavailable(f"audit.{stage}", kind=type(error).__name__)


def _not_anchored(path: Path, error: OSError) -> Unavailable:
    """The entry was committed but its head could not be anchored: the result is not handed out, and the next
    checkpoint anchors the head."""
    return Unavailable("audit.not_anchored", path=str(path), kind=type(error).__name__)


class Recorder:
    """Writes the entries of one access while the log is locked; ``recorder(access)`` is ``record``."""

    def __init__(self, log: AuditLog, con: Connection) -> None:
        self.log = log
        self.con = con
        self.written: list[int] = []
        self.heads: list[anchor.Head] = []
        self._new: dict[tuple[str, frozenset[str]], list[str]] = {}

    def __call__(self, access: Access, epsilon: float = 0.0, delta: float = 0.0) -> int:
        return self.record(access, epsilon, delta)

    def record(self, access: Access, epsilon: float = 0.0, delta: float = 0.0) -> int:
        """Write the entry (and, for a private answer, what it spent of the budgets, and for an access that counts
        towards the daily limits, what it adds to the user's day); its number."""
        try:
            if access.action in COUNTED:
                count_usage(self.con, access.user_name, self.log.clock().date(), access.rows,
                            self._unseen(access.user_name, access.persons))
            seq = self.log._insert(self.con, access, self.heads)
            self._new.clear()  # its persons are seen now
            if epsilon:
                self.con.execute(insert(privacy_spend).values(
                    seq=seq, day=self.log.clock().date().isoformat(), user_name=access.user_name,
                    role=access.role, epsilon=epsilon, delta=delta))
        except Exception as error:
            raise _failed("not_written", error) from error
        self.written.append(seq)
        return seq

    def spent_today(self, user: str, role: str) -> tuple[float, float]:
        """Epsilon the user and the whole role have spent today (UTC), read under the log's lock."""
        day = self.log.clock().date().isoformat()
        mine = case((privacy_spend.c.user_name == user, privacy_spend.c.epsilon), else_=0.0)
        theirs = case((privacy_spend.c.role == role, privacy_spend.c.epsilon), else_=0.0)
        row = self.con.execute(select(func.coalesce(func.sum(mine), 0.0), func.coalesce(func.sum(theirs), 0.0))
                               .where(privacy_spend.c.day == day, or_(privacy_spend.c.user_name == user,
                                                                      privacy_spend.c.role == role))).one()
        return float(row[0]), float(row[1])

    def used_today(self, user: str) -> Usage:
        """Rows and persons the user has read today (UTC), read under the log's lock: no other access of theirs,
        in this process or another, can be recorded between this count and this access's entry."""
        return used_on(self.con, user, self.log.clock().date())

    def new_persons(self, user: str, persons: list[str]) -> int:
        """How many of ``persons`` the user has not read today (what this access adds to the day's count)."""
        return len(self._unseen(user, persons))

    def _unseen(self, user: str, persons: list[str]) -> list[str]:
        """Which of ``persons`` the user has not read today: looked up once for the limits and the entry's count
        (both under the same lock, before the entry is written)."""
        key = (user, frozenset(persons))
        if key not in self._new:
            self._new[key] = sorted(set(persons) - seen_on(self.con, user, self.log.clock().date(), persons))
        return self._new[key]


def person_hash(key: bytes, iin: str) -> str:
    """How the log names a person: a keyed hash of the IIN (``key``: the installation's person key)."""
    return hmac.new(key, f"ukimet-person:{iin.strip()}".encode(), hashlib.sha256).hexdigest()


def person_key(config: Settings) -> bytes:
    """The installation's person key (home/keys/person.key), which ``person_hash`` is keyed with."""
    return installation_secret(config, "person")


class AuditLog:
    """The log of one installation (its metadata store, its person key and checkpoint signing key)."""

    def __init__(self, engine: Engine, config: Settings, clock: Callable[[], dt.datetime] = utc_now) -> None:
        self.engine = engine
        self.config = config
        self.clock = clock
        """the time entries are written at and the daily limits are counted by (UTC)"""
        self._person_key = person_key(config)
        self._turn = threading.RLock()
        self._queued: int | None = None
        """the host queue's lock file descriptor, while this process holds it (under ``_turn``)"""
        self._depth = 0
        """how deep the thread holding ``_turn`` is in ``recording``"""
        self._key: Ed25519PrivateKey | None = None

    def redact(self, text: str) -> str:
        """Query and purpose text as the log keeps it: every 12-digit number (an IIN or BIN it names) replaced by
        its keyed hash, so that the log shows which person was named without holding the number."""
        return IIN_LITERAL.sub(lambda m: f"iin:{self.person(m.group(0))[:16]}", text)

    def person(self, iin: str) -> str:
        """How the log names a person: a keyed hash of the IIN (a citizen account keeps the same, users)."""
        return person_hash(self._person_key, iin)

    @contextmanager
    def recording(self) -> Iterator[Recorder]:
        """The log locked for one access: run it inside, then record it with the recorder given (which also reads
        and spends privacy budgets under the same lock). If the lock cannot be taken the access does not start;
        if the entry cannot be written or committed the block fails and the caller hands nothing out."""
        self._turn.acquire()  # this process's accesses queue here, so the store's own lock is never fought over
        try:
            self._host_queue()
            con = self.engine.connect()
        except Exception as error:
            self._leave_queue()
            self._turn.release()
            raise _failed("unreachable", error) from error
        recorder = Recorder(self, con)
        try:
            with con.begin():
                try:
                    _lock(con)
                except Exception as error:  # nothing may run while the log cannot be written
                    raise _failed("unwritable", error) from error
                self._anchor_present(con)
                yield recorder
            try:  # after the commit (a head that was never committed must not be anchored), before the result
                anchor.append(self.anchor_path, recorder.heads)
            except OSError as error:
                raise _not_anchored(self.anchor_path, error) from error
        except UkimetError:
            raise
        except Exception as error:
            if not recorder.written:
                raise
            raise _failed("not_committed", error) from error
        finally:
            con.close()
            self._leave_queue()
            self._turn.release()
        every = self.config.audit_checkpoint_every
        if recorder.written and every and recorder.written[-1] % every == 0:
            self.checkpoint()

    def _host_queue(self) -> None:
        """The processes of this host writing a SQLite log queue on a lock file beside it, which wakes the next
        writer the moment the last one is done; SQLite's own lock is then taken uncontended. Without it, a writer
        that finds SQLite's lock taken sleeps in steps of up to 100 ms before it looks again, and a few busy
        processes write a few dozen entries a second. (PostgreSQL queues writers on its advisory lock itself.)
        A thread that holds the queue already (``recording`` inside ``recording``) takes nothing more."""
        self._depth += 1
        if self._depth > 1 or self.engine.dialect.name != "sqlite" or not self.engine.url.database or \
                self.engine.url.database == ":memory:":
            return
        fd = os.open(f"{self.engine.url.database}.audit-lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            os.close(fd)
            raise
        self._queued = fd

    def _leave_queue(self) -> None:
        self._depth -= 1
        if self._depth > 0:
            return
        fd, self._queued = self._queued, None
        if fd is not None:
            os.close(fd)  # closing the descriptor releases its lock

    def append(self, access: Access) -> int:
        """Write one entry on its own; its sequence number."""
        with self.recording() as record:
            return record(access)

    def _insert(self, con: Connection, access: Access, heads: list[anchor.Head]) -> int:
        last = con.execute(_LAST).first()
        seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
        entry = {"seq": seq, "at": self.clock().isoformat(timespec="microseconds"),
                 "user_name": access.user_name, "organisation": access.organisation, "role": access.role,
                 "purpose": None if access.purpose is None else self.redact(access.purpose),
                 "action": access.action, "query": self.redact(access.query),
                 "rewritten": None if access.rewritten is None else self.redact(access.rewritten),
                 "rows": access.rows, "persons": sorted(access.persons),
                 "policy": access.policy or self._policy_in_force(con), "hash_format": HASH_FORMAT}
        hashed = entry_hash(prev, entry)
        con.execute(insert(audit_entries), {**entry, "prev_hash": prev, "hash": hashed})
        if access.persons:
            con.execute(insert(audit_persons), [{"person_hash": p, "seq": seq} for p in sorted(set(access.persons))])
        tree = self._frontier(con, seq - 1, prev)
        made = tree.add(merkle.leaf_hash(hashed))
        if made:
            con.execute(insert(audit_nodes), [{"level": lv, "idx": ix, "hash": h.hex()} for lv, ix, h in made])
        self._keep_frontier(con, tree, seq, hashed)
        heads.append(anchor.Head.sign(self._signing_key(), seq, hashed, tree.root().hex(), str(entry["at"])))
        return int(seq)

    @staticmethod
    def _frontier(con: Connection, seq: int, head: str) -> merkle.Accumulator:
        """The Merkle accumulator over entries 1..seq: from the stored frontier when it is at that entry, else
        rebuilt from the log (once, after an upgrade or when the frontier does not match the log)."""
        kept = con.execute(_FRONTIER).first()
        if kept is not None and kept.seq == seq and kept.hash == head:
            return merkle.Accumulator.restore(kept.nodes)
        tree = merkle.Accumulator()
        for (hashed,) in con.execute(select(audit_entries.c.hash).where(audit_entries.c.seq <= seq)
                                     .order_by(audit_entries.c.seq)):
            tree.add(merkle.leaf_hash(hashed))
        return tree

    @staticmethod
    def _keep_frontier(con: Connection, tree: merkle.Accumulator, seq: int, head: str) -> None:
        values = {"seq": seq, "hash": head, "nodes": tree.state()}
        if not con.execute(_KEEP_FRONTIER, values).rowcount:
            con.execute(insert(audit_frontier), {"id": 1, **values})

    @property
    def anchor_path(self) -> Path:
        return self.config.resolved_audit_anchor_path()

    def _anchor_present(self, con: Connection) -> None:
        """Refuse to write when the anchor is gone while the log holds entries anchored in it (writing on would
        start a new anchor and hide what happened to the old one), or when the log ends before the newest head
        anchored (its tail was deleted: new entries would take the deleted ones' numbers)."""
        last = con.execute(_LAST_SEQ).scalar() or 0
        if self.anchor_path.exists():
            anchored = anchor.newest_seq(self.anchor_path)
            if anchored > last:
                raise Unavailable("audit.cut", path=str(self.anchor_path), last=last, anchored=anchored)
            return
        first = con.execute(select(func.min(audit_entries.c.seq)).where(audit_entries.c.hash_format >= 2)).scalar()
        if first is not None:
            raise Unavailable("audit.anchor_missing", path=str(self.anchor_path), first=first)

    @staticmethod
    def _policy_in_force(con: Connection) -> str:
        """The policy version an entry was decided under when its writer did not say: the newest stored one (as
        the gateway names it), or the built-in policy while none is stored."""
        newest = con.execute(select(func.max(policies.c.version))).scalar()
        return f"v{newest}" if newest else "built-in"

    # --- checkpoints and verification -----------------------------------------------------------------------
    def _signing_key(self) -> Ed25519PrivateKey:
        if self._key is None:
            path = self.config.audit_signing_key or None
            raw = installation_secret(self.config, "audit_signing", path=path, size=32)
            self._key = Ed25519PrivateKey.from_private_bytes(raw)
        return self._key

    def public_key(self) -> str:
        return str(self._signing_key().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex())

    def checkpoint(self, new_anchor: bool = False) -> int | None:
        """Sign the chain's head and the Merkle root over every entry, and anchor that head unless its entry's write
        did; the sequence number covered. ``new_anchor``: start a new anchor file when the old one is lost
        (refused while it exists)."""
        if new_anchor and self.anchor_path.exists():
            raise InvalidInput("audit.anchor_exists", path=str(self.anchor_path))
        with self.engine.begin() as con:
            _lock(con)
            if not new_anchor:
                self._anchor_present(con)
            last = con.execute(select(audit_entries.c.seq, audit_entries.c.hash)
                               .order_by(audit_entries.c.seq.desc()).limit(1)).first()
            if last is None:
                return None
            seq, hashed = int(last.seq), str(last.hash)
            tree = self._frontier(con, seq, hashed)
            head = anchor.Head.sign(self._signing_key(), seq, hashed, tree.root().hex(),
                                    dt.datetime.now(dt.UTC).isoformat(), checkpoint=True)
            if con.execute(select(audit_checkpoints.c.seq).where(audit_checkpoints.c.seq == seq)).first() is None:
                con.execute(insert(audit_checkpoints).values(seq=seq, hash=hashed, root=head.root, at=head.at,
                                                              signature=head.signature, public_key=head.public_key))
        path = self.anchor_path
        try:  # anchored even when the entry's own write anchored its head: the line says a checkpoint was made
            anchor.append(path, [head])
        except OSError as error:
            raise _not_anchored(path, error) from error
        return seq

    def verify(self, trusted_keys: set[str] | None = None, since_checkpoint: bool = False) -> Verdict:
        """Recompute the chain and the tree, check every checkpoint and every anchored head; name the first bad
        entry and what was done to it. ``trusted_keys`` (hex public keys): checkpoints and heads signed by any
        other key are rejected, and a log that no trusted key signed fails; by default the keys they carry are
        believed. ``since_checkpoint``: trust the newest checkpoint once its signature and the anchor's copy of it
        hold, and re-hash only the entries after it (the whole log when there is none to start from)."""
        if since_checkpoint:
            quick = self._verify_since_checkpoint(trusted_keys)
            if quick is not None:
                return quick
        path = self.anchor_path
        try:  # read before the log: every head in it was committed before it was anchored
            heads = anchor.read(path) if path.exists() else None
        except (OSError, ConfigError) as error:
            return Verdict(False, 0, 0, None, f"the anchor {path} cannot be read: {error}", "anchor")
        with self.engine.connect() as con:
            rows = [dict(r._mapping) for r in con.execute(select(audit_entries).order_by(audit_entries.c.seq))]
            points = {r.seq: dict(r._mapping) for r in con.execute(select(audit_checkpoints))}
        anchored: dict[int, list[anchor.Head]] = {}
        for head in heads or []:
            anchored.setdefault(head.seq, []).append(head)
        newest = max(anchored, default=0)

        def bad(seq: int | None, kind: str, why: str) -> Verdict:
            return Verdict(False, len(rows), len(points), seq, why, kind, newest)

        def forged(head: anchor.Head) -> Verdict:
            return bad(head.seq, "anchor", f"the head anchored for entry {head.seq} has a bad signature: the anchor "
                                           f"{path} was altered")

        # A signature is checked where it decides something (a head that disagrees with the log, the newest one),
        # not on every line: a forged line that agrees with the log changes nothing, and verifying a million
        # signatures would make every check of a large log take a minute.
        for head in heads or []:
            if trusted_keys is not None and head.public_key not in trusted_keys:
                return bad(head.seq, "untrusted", f"the head anchored for entry {head.seq} is signed by an "
                                                  "untrusted key")
        latest = max(heads or [], key=lambda h: h.seq, default=None)
        if latest is not None and not latest.signature_ok():
            return forged(latest)
        prev, tree = GENESIS, merkle.Accumulator()
        for expected, row in enumerate(rows, start=1):
            problem = _entry_problem(expected, row, prev)
            if problem:
                return bad(expected, *problem)
            prev = row["hash"]
            tree.add(merkle.leaf_hash(prev))
            disagreement = _anchored_problem(expected, prev, tree.root().hex(), anchored.get(expected, []), path)
            if disagreement:
                return bad(expected, *disagreement)
            point = points.get(expected)
            if point is None and any(h.checkpoint and h.signature_ok() for h in anchored.get(expected, [])):
                return bad(expected, "checkpoint_deleted", f"the checkpoint signed at entry {expected} is anchored "
                                                           "but no longer in the database: it was deleted")
            if point is not None:
                found = self._check_point(point, prev, tree.root().hex(), trusted_keys)
                if found:
                    return bad(expected, *found)
        beyond = max([seq for seq in points if seq > len(rows)] + [newest if newest > len(rows) else 0])
        if beyond:
            return bad(len(rows) + 1, "truncated", f"the log ends at entry {len(rows)}, but entries up to {beyond} "
                                                   "were signed or anchored: entries were deleted from its end")
        first_anchored = next((r["seq"] for r in rows if (r.get("hash_format") or 1) >= 2), None)
        if first_anchored is not None and not heads:
            return bad(first_anchored, "anchor_missing", f"the anchor {path} is missing or empty, though entries "
                                                         f"from {first_anchored} on were anchored in it: the newest "
                                                         "entries cannot be checked; restore it from its copy")
        if trusted_keys is not None and rows and not points and not heads:
            return bad(1, "untrusted", "no checkpoint and no anchored head is signed by a trusted key: the whole "
                                       "chain may have been rewritten")
        reason = "the chain, every checkpoint and every anchored head verify"
        if rows and heads is None:
            reason += ("; the log has no anchor yet (written by an earlier release): its next entry anchors it, "
                       "and --trusted-key checks the checkpoints")
        elif len(rows) > newest:
            reason += (f"; entries {newest + 1} to {len(rows)} were written after the newest anchored head (being "
                       "anchored now, or the anchor could not be written: `ukimet audit checkpoint` anchors them)")
        return Verdict(True, len(rows), len(points), None, reason, None, newest)

    def _verify_since_checkpoint(self, trusted_keys: set[str] | None) -> Verdict | None:
        """``verify`` from the newest checkpoint: its signature checked, the anchor holding the same signed head,
        the entry it names unchanged, its Merkle tree rebuilt from the stored subtrees (O(log n)) and equal to the
        signed root; then the entries after it as ``verify`` checks them. None when there is nothing to start
        from (no checkpoint, no anchor, a checkpoint older than the anchor, subtrees not stored)."""
        path = self.anchor_path
        if not path.exists():
            return None
        with self.engine.connect() as con:
            found = con.execute(select(audit_checkpoints).order_by(audit_checkpoints.c.seq.desc()).limit(1)).first()
            if found is None:
                return None
            point = dict(found._mapping)
            since = int(point["seq"])
            points = int(con.execute(select(func.count()).select_from(audit_checkpoints)).scalar() or 0)
            last = int(con.execute(select(func.max(audit_entries.c.seq))).scalar() or 0)
            rows = [dict(r._mapping) for r in con.execute(
                select(audit_entries).where(audit_entries.c.seq >= since).order_by(audit_entries.c.seq))]
            node = self._nodes(con, merkle.frontier(since))
        try:
            if anchor.first_seq(path) > since:
                return None
            heads = anchor.read_tail(path, since)
        except (OSError, ConfigError) as error:
            return Verdict(False, last, points, None, f"the anchor {path} cannot be read: {error}", "anchor",
                           since=since)
        anchored: dict[int, list[anchor.Head]] = {}
        for head in heads:
            anchored.setdefault(head.seq, []).append(head)
        newest = max(anchored, default=0)

        def bad(seq: int | None, kind: str, why: str) -> Verdict:
            return Verdict(False, last, points, seq, why, kind, newest, since)

        for head in heads:
            if trusted_keys is not None and head.public_key not in trusted_keys:
                return bad(head.seq, "untrusted", f"the head anchored for entry {head.seq} is signed by an "
                                                  "untrusted key")
        signed = self._check_point(point, point["hash"], point["root"], trusted_keys)
        if signed:
            return bad(since, *signed)
        if not any(h.hash == point["hash"] and h.root == point["root"] and h.public_key == point["public_key"]
                   and h.signature_ok()
                   for h in anchored.get(since, [])):
            return bad(since, "checkpoint", f"the checkpoint at entry {since} is not the head anchored for that entry: "
                                            "it was forged or the log rewritten up to it")
        if not rows or rows[0]["seq"] != since:
            return bad(since, "truncated" if last < since else "deleted",
                       f"entry {since}, which the checkpoint signed, is gone: entries were deleted")
        start = rows.pop(0)
        if start["hash"] != point["hash"] or entry_hash(start["prev_hash"], start) != start["hash"]:
            return bad(since, "rewritten", f"entry {since} is not the one the checkpoint signed")
        if any(key not in node for key in merkle.frontier(since)):
            return None
        tree = merkle.Accumulator.at(since, node)
        if tree.root().hex() != point["root"]:
            return None  # the stored subtrees do not give the signed root: check the whole log instead
        latest = max(heads, key=lambda h: h.seq)
        if not latest.signature_ok():
            return bad(latest.seq, "anchor", f"the head anchored for entry {latest.seq} has a bad signature: the "
                                             f"anchor {path} was altered")
        prev = start["hash"]
        for expected, row in enumerate(rows, start=since + 1):
            problem = _entry_problem(expected, row, prev)
            if problem:
                return bad(expected, *problem)
            prev = row["hash"]
            tree.add(merkle.leaf_hash(prev))
            disagreement = _anchored_problem(expected, prev, tree.root().hex(), anchored.get(expected, []), path)
            if disagreement:
                return bad(expected, *disagreement)
                if head.checkpoint and head.signature_ok():
                    return bad(expected, "checkpoint_deleted", f"the checkpoint signed at entry {expected} is "
                                                               "anchored but no longer in the database: it was deleted")
        if newest > last:
            return bad(last + 1, "truncated", f"the log ends at entry {last}, but entries up to {newest} were "
                                              "anchored: entries were deleted from its end")
        reason = (f"the checkpoint signed at entry {since} and anchored holds, and entries {since + 1} to {last} "
                  "verify from it (entries up to it are trusted as signed: `ukimet audit verify` checks them all)")
        if last > newest:
            reason += (f"; entries {newest + 1} to {last} were written after the newest anchored head (being "
                       "anchored now, or the anchor could not be written: `ukimet audit checkpoint` anchors them)")
        return Verdict(True, last, points, None, reason, None, newest, since)

    def latest_anchored(self) -> anchor.Head | None:
        """The newest head in the anchor (what the citizen's tracker shows), or None before the first."""
        path = self.anchor_path
        heads = anchor.read(path) if path.exists() else []
        return max(heads, key=lambda h: h.seq, default=None)

    @staticmethod
    def _check_point(point: dict[str, Any], head: str, root: str,
                     trusted_keys: set[str] | None) -> tuple[str, str] | None:
        """What is wrong with a checkpoint (its kind and why), or None."""
        seq = point["seq"]
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(point["public_key"])).verify(
                bytes.fromhex(point["signature"]), anchor.signed_message(seq, point["hash"], point["root"]))
        except (InvalidSignature, ValueError):
            return "checkpoint", f"the checkpoint at entry {seq} has a bad signature"
        if trusted_keys is not None and point["public_key"] not in trusted_keys:
            return "untrusted", f"the checkpoint at entry {seq} is signed by an untrusted key"
        if point["hash"] != head or point["root"] != root:
            return "checkpoint", (f"the log no longer matches the checkpoint signed at entry {seq}: entries up to "
                                  "it were changed, removed or rewritten")
        return None

    # --- reading --------------------------------------------------------------------------------------------
    def entries(self, user: str | None = None, person_iin: str | None = None, since: int = 0,
                limit: int = 50, person: str | None = None, *, organisation: str | None = None,
                purpose: str | None = None, action: str | None = None, start: str | None = None,
                end: str | None = None, before: int | None = None) -> list[dict[str, Any]]:
        """The newest entries, optionally of one user or touching one person (by IIN, or by ``person``: the
        log's hash of it); of an organisation, with ``purpose`` in their purpose, of one action, written from the
        day ``start`` to the day ``end`` (ISO dates, both included); older than entry ``before`` (the next page)."""
        query = select(audit_entries).where(audit_entries.c.seq > since).order_by(audit_entries.c.seq.desc())
        if before is not None:
            query = query.where(audit_entries.c.seq < before)
        for column, value in ((audit_entries.c.user_name, user), (audit_entries.c.organisation, organisation),
                              (audit_entries.c.action, action)):
            if value:
                query = query.where(column == value)
        if purpose:
            query = query.where(audit_entries.c.purpose.contains(purpose, autoescape=True))
        if start:
            query = query.where(audit_entries.c.at >= start)
        if end:
            query = query.where(audit_entries.c.at < end + "T99")  # every time of that day
        wanted = self.person(person_iin) if person_iin else person
        if wanted is not None:  # through the person index, newest first, never a scan of the log
            touched = (select(audit_persons.c.seq).where(audit_persons.c.person_hash == wanted,
                                                         audit_persons.c.seq > since)
                       .order_by(audit_persons.c.seq.desc()))
            if before is not None:
                touched = touched.where(audit_persons.c.seq < before)
            if not (user or organisation or purpose or action or start or end):
                touched = touched.limit(limit)
            query = query.where(audit_entries.c.seq.in_(touched.scalar_subquery()))
        with self.engine.connect() as con:
            return [dict(r._mapping) for r in con.execute(query.limit(limit))]

    def proofs(self, seqs: list[int]) -> dict[int, Proof]:
        """Inclusion proofs of entries against the newest checkpoint (signed now when entries came after it)."""
        if not seqs:
            return {}
        self.checkpoint()
        with self.engine.connect() as con:
            point = con.execute(select(audit_checkpoints).order_by(audit_checkpoints.c.seq.desc()).limit(1)).first()
            if point is None:
                return {}
            wanted = sorted({seq for seq in seqs if 1 <= seq <= point.seq})
            rows = {r.seq: dict(r._mapping) for r in con.execute(
                select(audit_entries).where(audit_entries.c.seq.in_(wanted)))}
            paths = self._paths(con, wanted, point.seq, bytes.fromhex(point.root))
        return {seq: Proof(header(rows[seq]), rows[seq]["prev_hash"], rows[seq]["hash"], point.seq,
                           [h.hex() for h in paths[seq]], point.root, point.hash, point.signature, point.public_key)
                for seq in wanted}

    @staticmethod
    def _paths(con: Connection, seqs: list[int], size: int, root: bytes) -> dict[int, list[bytes]]:
        """The audit paths of entries in the tree of the first ``size`` entries, from the stored subtrees
        (``audit_nodes``, O(log n) each); rebuilt from the whole log only when a stored subtree is missing or the
        paths do not lead to the signed root (a store written before the subtrees were kept, or altered)."""
        keys = {key: None for seq in seqs for element in merkle.path_keys(seq - 1, size) for key in element}
        keys.update({(0, seq - 1): None for seq in seqs})
        node = AuditLog._nodes(con, list(keys))
        if all(key in node for key in keys):
            paths = {seq: merkle.proof_from_nodes(seq - 1, size, node) for seq in seqs}
            if all(merkle.verify_inclusion(node[(0, seq - 1)], seq - 1, size, paths[seq], root) for seq in seqs):
                return paths
        tree = merkle.Tree([merkle.leaf_hash(h) for (h,) in con.execute(
            select(audit_entries.c.hash).where(audit_entries.c.seq <= size).order_by(audit_entries.c.seq))])
        return {seq: tree.proof(seq - 1) for seq in seqs}

    @staticmethod
    def _nodes(con: Connection, keys: list[merkle.Key]) -> dict[merkle.Key, bytes]:
        """Stored subtree hashes by (level, index); level 0 is read from the entries' own hashes."""
        leaves = sorted({idx + 1 for level, idx in keys if level == 0})
        upper = [(level, idx) for level, idx in keys if level > 0]
        node: dict[merkle.Key, bytes] = {}
        for start in range(0, len(leaves), 500):
            for seq, hashed in con.execute(select(audit_entries.c.seq, audit_entries.c.hash)
                                           .where(audit_entries.c.seq.in_(leaves[start:start + 500]))):
                node[(0, seq - 1)] = merkle.leaf_hash(hashed)
        for level in {level for level, _ in upper}:
            wanted = sorted(idx for lv, idx in upper if lv == level)
            for start in range(0, len(wanted), 500):
                for idx, hashed in con.execute(select(audit_nodes.c.idx, audit_nodes.c.hash).where(
                        audit_nodes.c.level == level, audit_nodes.c.idx.in_(wanted[start:start + 500]))):
                    node[(level, idx)] = bytes.fromhex(hashed)
        return node

    def used_today(self, user: str) -> Usage:
        """Rows and distinct persons a user has read today (UTC), as the log holds them now (for a check before
        the lock is taken; the decision is made under it: ``Recorder.used_today``)."""
        with self.engine.connect() as con:
            return used_on(con, user, self.clock().date())


def _entry_problem(expected: int, row: dict[str, Any], prev: str) -> tuple[str, str] | None:
    """What is wrong with the entry found where entry ``expected`` should be, after an entry hashed ``prev``: the
    kind of tampering and the sentence that says it; None when it is the entry the chain needs."""
    if row["seq"] != expected:
        return "deleted", f"entry {expected} is missing (the next one is {row['seq']}): deleted"
    if row["prev_hash"] != prev:
        return "reordered", f"entry {expected} does not follow entry {expected - 1}: inserted, deleted or reordered"
    if not 1 <= (row.get("hash_format") or 1) <= HASH_FORMAT:
        return "format", (f"entry {expected} has hash format {row['hash_format']}, which this release does not "
                          "know: it was altered or written by a newer one")
    if entry_hash(prev, row) != row["hash"]:
        return "edited", f"entry {expected} was edited"
    return None


def _anchored_problem(expected: int, prev: str, root: str, heads: list[anchor.Head],
                      path: Path) -> tuple[str, str] | None:
    """What the heads anchored for entry ``expected`` say against the log's hash ``prev`` and Merkle ``root``
    there: a forged line of the anchor, or a log rewritten up to that entry; None when they agree."""
    for head in heads:
        if head.hash != prev or head.root != root:
            if not head.signature_ok():
                return "anchor", (f"the head anchored for entry {expected} has a bad signature: the anchor {path} "
                                  "was altered")
            return "rewritten", (f"entry {expected} is not the one anchored when it was written ({head.at}): the log "
                                 "was edited, reordered or rewritten up to it and its hashes recomputed")
    return None
