"""Policies as versioned records: each version kept whole (its TOML text and hash) with who loaded it and why,
and each change written to the audit log, so that any past decision can be explained by the policy then in
force. Only an administrator may load a policy; nobody can change a version once stored."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlalchemy import Engine, insert, select

from ukimet.core.errors import Refused
from ukimet.core.metadata import policies
from ukimet.gateway import audit
from ukimet.gateway.policy import DEFAULT, Policy, parse_policy
from ukimet.gateway.rewrite import User

ADMIN_ROLES = frozenset({"admin"})


@dataclass(frozen=True)
class Version:
    version: int
    sha256: str
    author: str
    note: str | None
    created_at: dt.datetime
    text: str


def active(engine: Engine) -> Policy:
    """The newest stored policy, or the built-in one while none has been loaded."""
    with engine.connect() as con:
        row = con.execute(select(policies).order_by(policies.c.version.desc()).limit(1)).first()
    if row is None:
        return DEFAULT
    return parse_policy(row.text, version=f"v{row.version}")


def load(log: audit.AuditLog, admin: User, text: str, note: str | None = None) -> int:
    """Validate and store a new version; its number. The change is an audit entry holding the whole text."""
    if admin.role not in ADMIN_ROLES:
        raise Refused("policy.change_not_admin", user=admin.name, role=admin.role)
    parse_policy(text, version="new")  # refuse what would not load, before anything is stored
    digest = hashlib.sha256(text.encode()).hexdigest()
    with log.engine.begin() as con:
        last = con.execute(select(policies.c.version, policies.c.sha256)
                           .order_by(policies.c.version.desc()).limit(1)).first()
        if last is not None and last.sha256 == digest:
            return int(last.version)
        version = (last.version if last else 0) + 1
        con.execute(insert(policies).values(version=version, text=text, sha256=digest, author=admin.name,
                                            note=note, created_at=dt.datetime.now(dt.UTC)))
    log.append(audit.Access(admin.name, admin.organisation, admin.role, note, "policy",
                            f"-- policy v{version} sha256 {digest}\n{text}", None, 0, [], policy=f"v{version}"))
    return version


def history(engine: Engine) -> list[Version]:
    with engine.connect() as con:
        return [Version(r.version, r.sha256, r.author, r.note, r.created_at, r.text)
                for r in con.execute(select(policies).order_by(policies.c.version))]
