"""The citizen's data tracker: every access to a citizen's records (which organisation, which role, which civil
servant, when, why), each with a proof that it is in the signed audit log. A citizen signs in as themselves;
looking is itself recorded, and those look-ups are not shown back to them as accesses."""

from __future__ import annotations

from dataclasses import dataclass

from ukimet.core.errors import Refused
from ukimet.gateway import anchor, audit
from ukimet.gateway.rewrite import User
from ukimet.gateway.users import citizen_person

SHOWN = ("query", "view", "blocked")
"""actions that reached (or tried to reach, and were blocked from) the citizen's records"""


@dataclass(frozen=True)
class TrackedAccess:
    seq: int
    at: str
    user_name: str
    organisation: str
    role: str
    purpose: str | None
    action: str
    proof: audit.Proof | None
    """None only when the log does not verify (then ``verified`` of the report is False)"""


@dataclass(frozen=True)
class Report:
    accesses: list[TrackedAccess]
    verified: bool
    reason: str
    public_key: str
    """the key the proofs' checkpoint is signed with"""
    anchored: anchor.Head | None = None
    """the log's newest head anchored outside the database (covering the look-up itself): a citizen who keeps it
    can later show that the log was cut or rewritten after it"""


def my_accesses(log: audit.AuditLog, citizen: User, limit: int = 1000) -> Report:
    """Every access to the records of ``citizen`` (an authenticated citizen account), newest first."""
    person = citizen_person(log.engine, citizen.name)
    if citizen.role != "citizen" or not person:
        raise Refused("tracker.not_citizen", name=citizen.name)
    found = [e for e in log.entries(person=person, limit=limit + 1000) if e["action"] in SHOWN][:limit]
    log.append(audit.Access(citizen.name, citizen.organisation, citizen.role, "own data tracker", "tracker",
                            "data tracker", None, len(found), []))
    verdict = log.verify(since_checkpoint=True)
    proofs = log.proofs([e["seq"] for e in found]) if verdict.ok else {}
    accesses = [TrackedAccess(e["seq"], e["at"], e["user_name"], e["organisation"], e["role"], e["purpose"],
                              e["action"], proofs.get(e["seq"])) for e in found]
    return Report(accesses, verdict.ok, verdict.reason, log.public_key(), log.latest_anchored())
