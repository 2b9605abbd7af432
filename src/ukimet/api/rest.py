"""The REST API, version 1: every operation of the governed path for other state systems and the web app.
Authenticated by API token (``Authorization: Bearer``) or the web session; every read of citizen data goes
through the gateway and is audited; every error has one shape: ``{"error": {"status", "what", "why", "fix"}}``.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from ukimet.api.problems import say
from ukimet.api.session import TOKEN_PREFIX, client_address, close_session, current_user, open_session, presented
from ukimet.apps.saved import QUESTION_CHARACTERS, TITLE_CHARACTERS
from ukimet.core.errors import Refused
from ukimet.core.languages import LANGUAGES
from ukimet.gateway.rewrite import User

router = APIRouter(prefix="/api/v1")
OFFICERS = ("auditor", "admin")


class Problem(BaseModel):
    id: str = Field(description="The message's stable id (core/data/messages.toml); decide by it, not by the text.")
    status: int
    what: str
    why: str
    fix: str


class ErrorBody(BaseModel):
    error: Problem


ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody} for code in (401, 403, 404, 422, 429, 503)}


class Login(BaseModel):
    name: str = Field(min_length=1, max_length=128)
    password: str = Field(min_length=1, max_length=1024)
    code: str | None = Field(None, max_length=12, description="The second factor's code, if the account has one.")


class SessionOut(BaseModel):
    token: str
    """the session, for the Authorization header or the cookie"""
    name: str
    role: str
    organisation: str


class Ended(BaseModel):
    sessions_ended: int
    tokens_revoked: int = 0


class PasswordIn(BaseModel):
    old: str = Field(min_length=1, max_length=1024)
    new: str = Field(min_length=8, max_length=1024, description="At least 8 characters.")


class Me(BaseModel):
    name: str
    role: str
    organisation: str
    attributes: dict[str, str]


class QueryIn(BaseModel):
    sql: str = Field(min_length=1, max_length=20_000)
    purpose: str | None = Field(None, max_length=1000)


class Table(BaseModel):
    columns: list[str]
    rows: list[list[Any]]
    audit_seq: int | None = None


class QueryOut(Table):
    rewritten: str
    truncated: bool
    epsilon: float = Field(0.0, description="the privacy budget this answer spent (a differentially private answer "
                           "without a purpose; 0 for person-level rows or an answer released before)")
    snapshot: int = Field(0, description="the store's snapshot the answer was read from (ukimet query --as-of)")


class AskIn(BaseModel):
    question: str = Field(min_length=1, max_length=2000)


class AskOut(Table):
    language: str
    understood: str
    sql: str | None
    declined: str | None
    declined_id: str | None = Field(None, description="The refusal's message id, when the gateway refused it.")
    suppressed: bool


class Consent(BaseModel):
    consent: bool
    note: str | None = Field(None, max_length=1000)


class Assign(BaseModel):
    worker: str = Field(min_length=1, max_length=128)


class Sent(BaseModel):
    ids: list[int] = Field(min_length=1, max_length=10_000)
    delivered: bool = True


class PolicyIn(BaseModel):
    text: str = Field(min_length=1, max_length=200_000)
    note: str | None = Field(None, max_length=1000)


def _gateway(request: Request) -> Any:
    return request.app.state.gateway


def _officer(user: User) -> None:
    if user.role not in OFFICERS:
        raise Refused("surface.audit_log", role=user.role)


def _plain(value: Any) -> Any:
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return str(value)


@router.get("/health", summary="Is the service up")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.post("/auth/login", responses=ERRORS, summary="Sign in with name, password and second factor")
def login(request: Request, response: Response, body: Login) -> SessionOut:
    """A new server-side session (also set as the cookie). Too many failures lock the account or the address
    out: 429 with Retry-After."""
    from ukimet.gateway.signin import sign_in

    user = sign_in(_gateway(request).audit, body.name, body.password, body.code, client_address(request), "api")
    return SessionOut(token=open_session(request, response, user, "password"), name=user.name, role=user.role,
                      organisation=user.organisation)


@router.post("/auth/logout", responses=ERRORS, summary="End this session at once")
def logout(request: Request, response: Response, user: User = Depends(current_user)) -> Ended:
    if str(presented(request)).startswith(TOKEN_PREFIX):
        raise Refused("signout.token", name=user.name)
    return Ended(sessions_ended=int(close_session(request, response)))


@router.post("/auth/password", responses=ERRORS, summary="Change your password; every session of yours ends")
def change_password(request: Request, response: Response, body: PasswordIn,
                    user: User = Depends(current_user)) -> Ended:
    from ukimet.gateway.signin import record, sign_in
    from ukimet.gateway.users import set_password

    log = _gateway(request).audit
    sign_in(log, user.name, body.old, None, client_address(request), "password change", second_factor=False)
    ended = set_password(log.engine, user.name, body.new)
    record(log, "password_changed", user.name, f"password changed by {user.name} (api); {ended} sessions ended",
           user)
    close_session(request, response)
    return Ended(sessions_ended=ended)


@router.post("/users/{name}/revoke", responses=ERRORS, summary="End every session and API token of an account "
             "(administrators)")
def revoke_user(request: Request, name: str, user: User = Depends(current_user)) -> Ended:
    from ukimet.gateway.signin import record
    from ukimet.gateway.users import get_user, revoke

    if user.role != "admin":
        raise Refused("surface.revoke", role=user.role)
    log = _gateway(request).audit
    ended, tokens = revoke(log.engine, name)
    record(log, "revoked", name, f"sessions and API tokens revoked by {user.name} (api): {ended} sessions, "
           f"{tokens} tokens", get_user(log.engine, name))
    return Ended(sessions_ended=ended, tokens_revoked=tokens)


@router.get("/me", responses=ERRORS, summary="Who is signed in")
def me(user: User = Depends(current_user)) -> Me:
    return Me(name=user.name, role=user.role, organisation=user.organisation, attributes=dict(user.attributes))


@router.post("/query", responses=ERRORS, summary="Run one SELECT through the gateway")
def query(request: Request, body: QueryIn, user: User = Depends(current_user)) -> QueryOut:
    result = _gateway(request).query(user, body.sql, body.purpose)
    return QueryOut(columns=result.columns, rows=[[_plain(v) for v in r] for r in result.rows],
                    audit_seq=result.audit_seq, rewritten=result.rewritten, truncated=result.truncated,
                    epsilon=result.epsilon, snapshot=result.snapshot)


@router.post("/ask", responses=ERRORS, summary="Ask a question in Kazakh, Russian or English")
def ask(request: Request, body: AskIn, user: User = Depends(current_user)) -> AskOut:
    return _asked(request, user, body.question)


def _asked(request: Request, user: User, question: str) -> AskOut:
    """``question`` answered through the gateway as ``user`` (a refusal said in the question's language)."""
    from ukimet.apps.questions import ask as answer

    a = answer(_gateway(request), user, question)
    declined = a.declined
    if a.refusal is not None:  # said in the question's language
        said = say(a.refusal, a.language if a.language in LANGUAGES else "en")
        declined = f"{said.what}: {said.why}"
    return AskOut(columns=a.columns, rows=[[_plain(v) for v in r] for r in a.rows], audit_seq=a.audit_seq,
                  language=a.language, understood=a.understood, sql=a.sql, declined=declined,
                  declined_id=a.refusal.id if a.refusal else None, suppressed=a.suppressed)


class SavedIn(BaseModel):
    question: str = Field(min_length=1, max_length=QUESTION_CHARACTERS, description="The question, as on /ask.")
    title: str = Field("", max_length=TITLE_CHARACTERS, description="The title (the question itself when empty).")
    shared: bool = Field(False, description="Shared with the users of your organisation.")


class SavedOut(BaseModel):
    id: int
    title: str
    question: str
    shared: bool
    mine: bool = Field(description="Whether you saved it (only its owner may share, unshare or remove it).")
    owner: str
    created_at: str


class SavedChange(BaseModel):
    action: Literal["share", "unshare", "remove"]


class TileOut(BaseModel):
    saved: SavedOut
    answer: AskOut = Field(description="The question asked again now, as you, through the gateway (audited).")


def _saved_out(saved: Any, user: User) -> SavedOut:
    return SavedOut(id=saved.id, title=saved.title, question=saved.question, shared=saved.shared,
                    mine=saved.owned_by(user), owner=saved.owner, created_at=saved.created_at.isoformat())


@router.get("/saved", responses=ERRORS, summary="Your saved questions and those your organisation shares")
def saved_list(request: Request, user: User = Depends(current_user)) -> list[SavedOut]:
    from ukimet.apps.saved import dashboard

    return [_saved_out(s, user) for s in dashboard(_gateway(request).metadata, user)]


@router.post("/saved", responses=ERRORS, status_code=201, summary="Save a question to your dashboard")
def saved_add(request: Request, body: SavedIn, user: User = Depends(current_user)) -> SavedOut:
    from ukimet.apps.saved import save

    return _saved_out(save(_gateway(request).metadata, user, body.question, body.title, body.shared), user)


@router.post("/saved/{saved_id}", responses=ERRORS, summary="Share, unshare or remove one of your saved questions")
def saved_change(request: Request, saved_id: int, body: SavedChange,
                 user: User = Depends(current_user)) -> dict[str, Any]:
    from ukimet.apps.saved import change

    change(_gateway(request).metadata, user, saved_id, body.action)
    return {"id": saved_id, "action": body.action}


@router.get("/dashboard", responses=ERRORS, summary="Your dashboard: each saved question answered again as you")
def dashboard_tiles(request: Request, user: User = Depends(current_user)) -> list[TileOut]:
    from ukimet.apps.saved import dashboard

    return [TileOut(saved=_saved_out(s, user), answer=_asked(request, user, s.question))
            for s in dashboard(_gateway(request).metadata, user)]


@router.get("/persons/{iin}", responses=ERRORS, summary="Person 360: linked records as policy shows them")
def person(request: Request, iin: str, purpose: str = Query(..., min_length=1, max_length=1000),
           explain: bool = Query(False, description="Also why each table's records are this person: the "
                                 "strongest match weight and the fields that agreed (a read of the pair scores)"),
           user: User = Depends(current_user)) -> dict[str, Any]:
    from ukimet.gateway.person import person_view

    view = person_view(_gateway(request), user, iin, purpose, explain)
    return {"entity_id": view.entity_id, "golden": {k: _plain(v) for k, v in view.golden.items()},
            "records": [{"source": r.source, "table": r.table, "parties": r.parties, "columns": r.columns,
                         "rows": [[_plain(v) for v in row] for row in r.rows],
                         **({"match": {"weight": r.match[0], "fields": r.match[1]}} if r.match else {})}
                        for r in view.records],
            "withheld": [{"source": s, "table": t, "why": w.why, "id": w.id} for s, t, w in view.withheld],
            "audit_seq": view.audit_seq, "snapshot": view.snapshot}


@router.get("/families/regions", responses=ERRORS, summary="Families by well-being level in each region")
def family_regions(request: Request, user: User = Depends(current_user)) -> list[dict[str, Any]]:
    from ukimet.apps.family_card import distribution

    return [{"region": r, "level": lv, "families": n} for r, lv, n in distribution(_gateway(request), user)]


@router.get("/families/{family_id}", responses=ERRORS, summary="One family's card")
def family(request: Request, family_id: str, purpose: str = Query(..., min_length=1, max_length=1000),
           lang: str = Query("kk", pattern="^(kk|ru|en)$"), user: User = Depends(current_user)) -> dict[str, Any]:
    from ukimet.apps.family_card import family_card

    card = family_card(_gateway(request), user, family_id, purpose, lang)
    return {"family_id": card.family_id, "scores": card.scores, "score": card.score, "level": card.level,
            "level_name": card.level_name, "reasons": card.reasons,
            "members": [{k: _plain(v) for k, v in m.items()} for m in card.members], "audit_seq": card.audit_seq}


@router.get("/cases", responses=ERRORS, summary="Proactive cases (no personal data; the read is audited)")
def cases_list(request: Request, status: str | None = Query(None, max_length=16),
               user: User = Depends(current_user)) -> list[dict[str, Any]]:
    from ukimet.apps.cases import listed

    return [{"id": c.id, "rule": c.rule, "as_of": c.as_of, "region": c.region, "status": c.status,
             "assigned_to": c.assigned_to, "person_id": c.person_id}
            for c in listed(_gateway(request).audit, status, reader=user)]


@router.get("/cases/outbox", responses=ERRORS, summary="The consent SMS, rendered for the SMS gateway (audited)")
def case_outbox(request: Request, purpose: str = Query(..., min_length=1, max_length=1000),
                status: str = Query("queued", max_length=16),
                user: User = Depends(current_user)) -> list[dict[str, Any]]:
    from ukimet.apps.cases import outbox

    return [{"id": m.id, "case_id": m.case_id, "phone": m.phone, "texts": m.texts, "status": m.status}
            for m in outbox(_gateway(request), user, purpose, status)]


@router.post("/cases/outbox/sent", responses=ERRORS, summary="Record what the SMS gateway did with messages")
def case_outbox_sent(request: Request, body: Sent, user: User = Depends(current_user)) -> dict[str, int]:
    from ukimet.apps.cases import mark_sent

    return {"changed": mark_sent(_gateway(request).audit, user, body.ids, body.delivered)}


@router.get("/cases/{case_id}", responses=ERRORS, summary="One case: its person and the values its rule read")
def case_show(request: Request, case_id: int, purpose: str = Query(..., min_length=1, max_length=1000),
              user: User = Depends(current_user)) -> dict[str, Any]:
    from ukimet.apps.cases import show

    shown = show(_gateway(request), user, case_id, purpose)
    case = shown.case
    return {"id": case.id, "rule": case.rule, "rule_version": case.rule_version, "as_of": case.as_of,
            "region": case.region, "status": case.status, "assigned_to": case.assigned_to,
            "person": {k: _plain(v) for k, v in shown.person.items()},
            "evidence": {k: _plain(v) for k, v in shown.evidence.items()}, "basis_changed": shown.basis_changed,
            "events": [{"at": at.isoformat(), "actor": actor, "action": action, "note": note}
                       for at, actor, action, note in shown.events],
            "sms": [m["status"] for m in shown.messages], "audit_seq": shown.audit_seq}


@router.get("/findings", responses=ERRORS, summary="Consistency findings; with a purpose, their values (audited)")
def findings_list(request: Request, purpose: str | None = Query(None, max_length=1000),
                  rule: str | None = Query(None, max_length=64), status: str | None = Query("open", max_length=16),
                  user: User = Depends(current_user)) -> list[dict[str, Any]]:
    from ukimet.apps.findings import listed, with_values

    kept = listed(_gateway(request).audit, rule, status, reader=user)
    valued = {v.kept.id: v for v in with_values(_gateway(request), user, kept, purpose)} \
        if purpose and purpose.strip() else {}
    return [{"id": k.id, "rule": k.rule, "subject_kind": k.subject_kind, "subject": k.subject, "as_of": k.as_of,
             "records": k.records, "status": k.status, "reviewer": k.reviewer,
             **({"values": {n: _plain(v) for n, v in valued[k.id].values.items()},
                 "evidence": valued[k.id].evidence, "basis_changed": valued[k.id].basis_changed}
                if k.id in valued else {})} for k in kept]


@router.post("/cases/{case_id}/consent", responses=ERRORS, summary="Record the citizen's answer")
def case_consent(request: Request, case_id: int, body: Consent, user: User = Depends(current_user)) -> dict[str, Any]:
    from ukimet.apps.cases import record_consent

    case = record_consent(_gateway(request).audit, user, case_id, body.consent, body.note)
    return {"id": case.id, "status": case.status}


@router.post("/cases/{case_id}/assign", responses=ERRORS, summary="Assign a consented case")
def case_assign(request: Request, case_id: int, body: Assign, user: User = Depends(current_user)) -> dict[str, Any]:
    from ukimet.apps.cases import assign

    case = assign(_gateway(request).audit, user, case_id, body.worker)
    return {"id": case.id, "status": case.status, "assigned_to": case.assigned_to}


@router.get("/audit/entries", responses=ERRORS, summary="The newest audit entries (officers)")
def audit_entries(request: Request, user_name: str | None = Query(None, alias="user", max_length=128),
                  limit: int = Query(50, ge=1, le=1000), user: User = Depends(current_user)) -> list[dict[str, Any]]:
    _officer(user)
    return [{k: _plain(v) for k, v in e.items()} for e in _gateway(request).audit.entries(user_name, limit=limit)]


@router.get("/audit/verify", responses=ERRORS, summary="Verify the hash chain and every signed checkpoint")
def audit_verify(request: Request, user: User = Depends(current_user)) -> dict[str, Any]:
    _officer(user)
    verdict = _gateway(request).audit.verify()
    return {"ok": verdict.ok, "entries": verdict.entries, "checkpoints": verdict.checkpoints,
            "first_bad": verdict.first_bad, "reason": verdict.reason, "kind": verdict.kind,
            "anchored": verdict.anchored}


@router.get("/tracker", responses=ERRORS, summary="A citizen's own data tracker, with inclusion proofs")
def tracker(request: Request, user: User = Depends(current_user)) -> dict[str, Any]:
    from ukimet.gateway.tracker import my_accesses

    report = my_accesses(_gateway(request).audit, user)
    return {"verified": report.verified, "reason": report.reason, "public_key": report.public_key,
            "anchored_head": asdict(report.anchored) if report.anchored else None,
            "accesses": [{"seq": a.seq, "at": a.at, "user_name": a.user_name, "organisation": a.organisation,
                          "role": a.role, "purpose": a.purpose, "action": a.action,
                          "proof": a.proof.to_json() if a.proof else None} for a in report.accesses]}


@router.get("/sources/audit", responses=ERRORS, summary="What each connected system delivers")
def sources_audit(request: Request, user: User = Depends(current_user)) -> list[dict[str, Any]]:
    from dataclasses import asdict

    from ukimet.apps.source_audit import audit_sources

    _officer(user)
    return [asdict(r) for r in audit_sources(_gateway(request), user)]


@router.get("/policy", responses=ERRORS, summary="The policy in force, as TOML")
def policy_get(request: Request, user: User = Depends(current_user)) -> dict[str, str]:
    from ukimet.gateway import policy_store
    from ukimet.gateway.policy import to_toml

    _officer(user)
    stored = policy_store.history(_gateway(request).metadata)
    return {"version": f"v{stored[-1].version}" if stored else "built-in",
            "text": stored[-1].text if stored else to_toml(_gateway(request).policy)}


@router.put("/policy", responses=ERRORS, summary="Load a new policy version (administrators)")
def policy_put(request: Request, body: PolicyIn, user: User = Depends(current_user)) -> dict[str, str]:
    from ukimet.gateway import policy_store

    version = policy_store.load(_gateway(request).audit, user, body.text, body.note)
    return {"version": f"v{version}"}
