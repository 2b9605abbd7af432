"""The linkage clerk's review queue through the gateway: only a role whose policy allows linkage review sees it,
only with a purpose, and every queue shown is an audit entry naming the persons on it."""

from __future__ import annotations

from ukimet.core.errors import Refused, UkimetError
from ukimet.core.ids import decode_iin
from ukimet.gateway import audit
from ukimet.gateway.api import Gateway
from ukimet.gateway.rewrite import User
from ukimet.link.review import ReviewPair, queue
from ukimet.sync.store import open_store


def review_queue(gateway: Gateway, user: User, purpose: str, threshold: float, margin: float = 4.0,
                 limit: int = 20) -> list[ReviewPair]:
    """The undecided pairs closest to the threshold, for ``user`` (a role with ``linkage_review``)."""
    what = f"linkage review queue (threshold {threshold}, margin {margin}, limit {limit})"
    try:
        role, described = gateway.admit(user, purpose, needs_purpose="linkage.purpose_needed")
        if not role.linkage_review:
            raise Refused("linkage.may_not_review", role=role.name)
    except UkimetError as error:
        raise gateway.refused(user, what, purpose, error) from None
    with gateway.audit.recording() as record:
        con = open_store(gateway.config.resolved_store_path())
        try:
            pairs = queue(con, threshold, margin, limit)
        finally:
            con.close()
        iins = {v for p in pairs for v in (*p.left_shown, *p.right_shown)
                if v and len(v) == 12 and v.isdigit() and decode_iin(v) is not None}
        record(audit.Access(user.name, user.organisation, user.role, described, "review", what, None, len(pairs),
                            sorted(gateway.audit.person(v) for v in iins), gateway.policy.version))
    return pairs
