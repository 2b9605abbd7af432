"""Purposes of access. Person-level results need a declared purpose: a text, the case it serves or its legal
basis, and an expiry. A user declares one once (``ukimet purpose declare``) and cites it by its number
(``--purpose P-12``) until it expires; a role's policy may accept a one-off text instead (``purpose = "text"``)
or demand a declared purpose with a case or a legal basis (``purpose = "declared"``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import Engine, insert, select

from ukimet.core.errors import InvalidInput, Refused
from ukimet.core.metadata import purposes
from ukimet.gateway import audit
from ukimet.gateway.rewrite import User

REFERENCE = re.compile(r"^\s*P-(\d+)\s*$", re.IGNORECASE)
KINDS = ("text", "declared")


@dataclass(frozen=True)
class Purpose:
    id: int | None
    text: str
    case_ref: str | None
    legal_basis: str | None
    expires_at: dt.datetime | None

    def describe(self) -> str:
        """How the audit log and the citizen's tracker name it."""
        parts = [f"P-{self.id}: {self.text}" if self.id else self.text]
        if self.case_ref:
            parts.append(f"case {self.case_ref}")
        if self.legal_basis:
            parts.append(f"basis {self.legal_basis}")
        if self.expires_at:
            parts.append(f"until {self.expires_at.date().isoformat()}")
        return "; ".join(parts)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


PURPOSE_LETTERS = 4
"""letters a purpose's text needs at least: "x", "-" or "123" says no reason, and the citizen reads it"""


def _says_why(text: str) -> None:
    """Refuse a purpose text that says no reason (fewer than ``PURPOSE_LETTERS`` letters)."""
    if sum(c.isalpha() for c in text) < PURPOSE_LETTERS:
        raise Refused("purpose.too_vague", given=text.strip()[:40], least=PURPOSE_LETTERS)


def declare(log: audit.AuditLog, user: User, text: str, case_ref: str | None = None,
            legal_basis: str | None = None, days: int = 30) -> Purpose:
    if not text.strip():
        raise InvalidInput("purpose.no_text")
    _says_why(text)
    if not 1 <= days <= 366:
        raise InvalidInput("purpose.term", days=days)
    now = dt.datetime.now(dt.UTC)
    expires = now + dt.timedelta(days=days)
    with log.engine.begin() as con:
        key = con.execute(insert(purposes).values(
            user_name=user.name, text=text.strip(), case_ref=case_ref, legal_basis=legal_basis, declared_at=now,
            expires_at=expires)).inserted_primary_key
    assert key is not None
    purpose = Purpose(int(key[0]), text.strip(), case_ref, legal_basis, expires)
    log.append(audit.Access(user.name, user.organisation, user.role, purpose.describe(), "purpose",
                            "declare purpose", None, 0, []))
    return purpose


def resolve(engine: Engine, user: User, given: str, kind: str) -> Purpose:
    """The purpose a query cites: a declared one (P-n, the user's own, not expired) or, where the role's policy
    allows it, a one-off text."""
    match = REFERENCE.match(given)
    if match is None:
        if kind == "declared":
            raise Refused("purpose.declared_needed", role=user.role)
        _says_why(given)
        return Purpose(None, given.strip(), None, None, None)
    with engine.connect() as con:
        row = con.execute(select(purposes).where(purposes.c.id == int(match.group(1)))).first()
    if row is None or row.user_name != user.name:
        raise Refused("purpose.not_yours", number=match.group(1), user=user.name)
    if _aware(row.expires_at) < dt.datetime.now(dt.UTC):
        raise Refused("purpose.expired", number=row.id, day=row.expires_at.date().isoformat())
    if kind == "declared" and not (row.case_ref or row.legal_basis):
        raise Refused("purpose.no_basis", number=row.id)
    return Purpose(row.id, row.text, row.case_ref, row.legal_basis, _aware(row.expires_at))


def of_user(engine: Engine, user: str) -> list[Purpose]:
    with engine.connect() as con:
        return [Purpose(r.id, r.text, r.case_ref, r.legal_basis, _aware(r.expires_at))
                for r in con.execute(select(purposes).where(purposes.c.user_name == user)
                                     .order_by(purposes.c.id.desc()))]
