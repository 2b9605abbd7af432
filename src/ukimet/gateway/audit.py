"""The audit log: one entry per access (who, organisation, role, when, purpose, query, rewritten query, rows,
persons touched), each entry's hash covering the previous one's, and signed checkpoints (Ed25519) over the
chain. ``verify`` detects an edited, deleted, inserted or reordered entry and names the first bad one; a
checkpoint signed with a key the database's administrator does not hold proves the log up to it.

Persons are kept as hashes of their IINs (the citizen's tracker finds them; the log itself holds no IIN)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from sqlalchemy import Engine, func, insert, select

from ukimet.core.errors import PolicyError
from ukimet.core.metadata import audit_checkpoints, audit_entries

GENESIS = "0" * 64
FIELDS = ("seq", "at", "user_name", "organisation", "role", "purpose", "action", "query", "rewritten", "rows",
          "persons")


def person_hash(iin: str) -> str:
    """How the log names a person: a hash of the IIN (the tracker computes the same from the citizen's IIN)."""
    return hashlib.sha256(f"ukimet-person:{iin.strip()}".encode()).hexdigest()


def entry_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    body = json.dumps({k: entry[k] for k in FIELDS}, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256((prev_hash + body).encode()).hexdigest()


@dataclass(frozen=True)
class Access:
    user_name: str
    organisation: str
    role: str
    purpose: str | None
    action: str
    query: str
    rewritten: str | None
    rows: int
    persons: list[str]
    """person hashes"""


def append(engine: Engine, access: Access) -> int:
    """Write one entry (in one transaction, chained to the last); its sequence number. Raises if it cannot be
    written: the caller must then not hand out the result."""
    try:
        with engine.begin() as con:
            last = con.execute(select(audit_entries.c.seq, audit_entries.c.hash)
                               .order_by(audit_entries.c.seq.desc()).limit(1)).first()
            seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
            entry = {"seq": seq, "at": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
                     "user_name": access.user_name, "organisation": access.organisation, "role": access.role,
                     "purpose": access.purpose, "action": access.action, "query": access.query,
                     "rewritten": access.rewritten, "rows": access.rows, "persons": sorted(access.persons)}
            con.execute(insert(audit_entries).values(**entry, prev_hash=prev, hash=entry_hash(prev, entry)))
    except Exception as error:  # any failure to record means the access must not happen
        raise PolicyError("audit log", f"the entry could not be written ({error})",
                          "the access was not carried out; check the metadata store") from error
    return int(seq)


def _key(path: Path) -> Ed25519PrivateKey:
    if path.exists():
        return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(path.read_text().strip()))
    key = Ed25519PrivateKey.generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()).hex()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(raw)
    return key


def _public_hex(key: Ed25519PrivateKey) -> str:
    return str(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex())


def checkpoint(engine: Engine, key_path: Path) -> int | None:
    """Sign the chain up to its last entry; the sequence number covered (None for an empty log)."""
    key = _key(key_path)
    with engine.begin() as con:
        last = con.execute(select(audit_entries.c.seq, audit_entries.c.hash)
                           .order_by(audit_entries.c.seq.desc()).limit(1)).first()
        if last is None:
            return None
        done = con.execute(select(audit_checkpoints.c.seq).where(audit_checkpoints.c.seq == last[0])).first()
        if done is None:
            signature = key.sign(f"{last[0]}:{last[1]}".encode()).hex()
            con.execute(insert(audit_checkpoints).values(seq=last[0], hash=last[1], signature=signature,
                                                         public_key=_public_hex(key),
                                                         at=dt.datetime.now(dt.UTC).isoformat()))
    return int(last[0])


@dataclass(frozen=True)
class Verdict:
    ok: bool
    entries: int
    checkpoints: int
    first_bad: int | None
    """the sequence number of the first entry that fails"""
    reason: str


def verify(engine: Engine, trusted_keys: set[str] | None = None) -> Verdict:
    """Recompute the chain and check every checkpoint. ``trusted_keys`` (hex public keys): checkpoints signed
    by any other key are rejected; by default the keys the checkpoints carry are believed."""
    with engine.connect() as con:
        rows = [dict(r._mapping) for r in con.execute(select(audit_entries).order_by(audit_entries.c.seq))]
        points = [dict(r._mapping) for r in con.execute(select(audit_checkpoints).order_by(audit_checkpoints.c.seq))]
    prev, hashes = GENESIS, {}
    for expected, row in enumerate(rows, start=1):
        if row["seq"] != expected:
            return Verdict(False, len(rows), len(points), expected,
                           f"entry {expected} is missing (the next one is {row['seq']}): deleted")
        if row["prev_hash"] != prev:
            return Verdict(False, len(rows), len(points), row["seq"],
                           f"entry {row['seq']} does not follow entry {expected - 1}: inserted, deleted or reordered")
        if entry_hash(prev, row) != row["hash"]:
            return Verdict(False, len(rows), len(points), row["seq"], f"entry {row['seq']} was edited")
        prev = hashes[row["seq"]] = row["hash"]
    for point in points:
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(point["public_key"])).verify(
                bytes.fromhex(point["signature"]), f"{point['seq']}:{point['hash']}".encode())
        except (InvalidSignature, ValueError):
            return Verdict(False, len(rows), len(points), point["seq"],
                           f"the checkpoint at entry {point['seq']} has a bad signature")
        if trusted_keys is not None and point["public_key"] not in trusted_keys:
            return Verdict(False, len(rows), len(points), point["seq"],
                           f"the checkpoint at entry {point['seq']} is signed by an untrusted key")
        if point["seq"] > len(rows):
            return Verdict(False, len(rows), len(points), len(rows) + 1,
                           f"entries {len(rows) + 1} to {point['seq']}, which a signed checkpoint covers, are missing")
        if hashes.get(point["seq"]) != point["hash"]:
            return Verdict(False, len(rows), len(points), point["seq"],
                           f"the log no longer matches the checkpoint signed at entry {point['seq']}: "
                           "entries up to it were changed, removed or rewritten")
    return Verdict(True, len(rows), len(points), None, "the chain and every checkpoint verify")


def entries(engine: Engine, user: str | None = None, person: str | None = None,
            limit: int = 50) -> list[dict[str, Any]]:
    """The newest entries, optionally of one user or touching one person (by IIN)."""
    query = select(audit_entries).order_by(audit_entries.c.seq.desc())
    if user:
        query = query.where(audit_entries.c.user_name == user)
    with engine.connect() as con:
        rows = [dict(r._mapping) for r in con.execute(query)]
    if person:
        wanted = person_hash(person)
        rows = [r for r in rows if wanted in (r["persons"] or [])]
    return rows[:limit]


def used_today(engine: Engine, user: str) -> tuple[int, set[str]]:
    """Rows and the persons a user has read today (UTC): for the daily export limits."""
    day = dt.datetime.now(dt.UTC).date().isoformat()
    with engine.connect() as con:
        found = con.execute(select(func.coalesce(func.sum(audit_entries.c.rows), 0))
                            .where(audit_entries.c.user_name == user, audit_entries.c.at >= day)).scalar()
        persons = con.execute(select(audit_entries.c.persons)
                              .where(audit_entries.c.user_name == user, audit_entries.c.at >= day)).fetchall()
    return int(found or 0), {p for (listed,) in persons for p in (listed or [])}
