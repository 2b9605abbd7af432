"""The web application: server-rendered pages for the analyst, the social worker, the auditor, the
administrator and the citizen, in Kazakh, Russian and English, every asset bundled (no internet needed). Every
page that shows citizen data gets it through the gateway as the signed-in user; person-level pages ask for the
purpose first."""

from __future__ import annotations

import base64
import datetime as dt
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from babel.numbers import format_decimal, format_percent
from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ukimet.api.exports import table_file
from ukimet.api.i18n import NAMES, pick, translate
from ukimet.api.problems import say, status_of
from ukimet.api.session import (
    COOKIE,
    client_address,
    close_session,
    current_user,
    open_session,
    optional_user,
    over_tls,
)
from ukimet.core.errors import InvalidInput, NotFound, Refused, UkimetError, Unauthenticated
from ukimet.core.languages import LANGUAGES, in_language
from ukimet.gateway.audit import AuditLog
from ukimet.gateway.rewrite import User
from ukimet.gateway.signin import SigninLockedError, record, sign_in
from ukimet.gateway.users import must_change_password

router = APIRouter(include_in_schema=False)
TEMPLATES = Environment(loader=FileSystemLoader(str(resources.files("ukimet.api").joinpath("templates"))),
                        autoescape=select_autoescape(["html"]))
OIDC_COOKIE = "ukimet_oidc"
SQL_ROLES = frozenset({"analyst", "social_worker", "data_engineer", "auditor", "admin"})
MENU = {  # role -> (path, label) of its workplace
    "analyst": [("/ask", "Questions"), ("/dashboard", "Dashboard"), ("/families", "Family card"),
                ("/sql", "SQL console")],
    "social_worker": [("/cases", "Cases"), ("/person", "Person"), ("/families", "Family card"), ("/ask", "Questions"),
                      ("/dashboard", "Dashboard")],
    "data_engineer": [("/sources", "Sources"), ("/ask", "Questions"), ("/dashboard", "Dashboard"),
                      ("/sql", "SQL console")],
    "case_service": [("/cases", "Cases")],
    "auditor": [("/audit", "Audit log"), ("/findings", "Findings"), ("/sources", "Sources"), ("/sql", "SQL console")],
    "admin": [("/policy", "Policy"), ("/audit", "Audit log"), ("/sources", "Sources"), ("/users", "Accounts")],
    "citizen": [("/tracker", "My data tracker")],
}


def language(request: Request) -> str:
    return pick(request.query_params.get("lang") or request.cookies.get("ukimet_lang"),
                request.headers.get("accept-language"))


def render(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    lang = language(request)
    user = values.pop("user", None) or optional_user(request)
    cookie = request.cookies.get(COOKIE, "")
    html = TEMPLATES.get_template(template).render(
        t=lambda text: translate(lang, text), say=lambda error: say(error, lang),
        region_name=lambda code: _region_name(code, lang), shown=lambda value: _shown(value, lang),
        percent=lambda share: _percent(share, lang),
        header=lambda column: _header(column, lang), organisation=_organisation_namer(request, lang),
        lang=lang, languages=[(code, NAMES[code], _in_language(request, code)) for code in LANGUAGES],
        user=user, menu=MENU.get(user.role, []) if user else [], path=request.url.path,
        csrf=request.app.state.sessions.csrf(cookie) if cookie else "", **values)
    response = HTMLResponse(html, status_code=status)
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie("ukimet_lang", lang, max_age=365 * 86400, samesite="strict")
    return response


def _organisation_namer(request: Request, lang: str) -> Callable[[str | None], str]:
    """An organisation as accounts record it -> its name in ``lang`` (ukimet user organisation), or as recorded;
    the names are read once a page, when it first names one."""
    names: dict[str, dict[str, str]] | None = None

    def named(recorded: str | None) -> str:
        nonlocal names
        if not recorded:
            return ""
        if names is None:
            from ukimet.gateway.organisations import organisation_names

            gateway = getattr(request.app.state, "gateway", None)
            names = organisation_names(gateway.metadata) if gateway is not None else {}
        return in_language(names.get(recorded, {}), lang) or recorded

    return named


def _in_language(request: Request, code: str) -> str:
    """This page, with what it was asked (its question, filters, page), in the language ``code``."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    return request.url.path + "?" + urlencode([*kept, ("lang", code)])


def _shown(value: Any, lang: str) -> str:
    """A cell as the reader's locale writes it (Babel): fractions with the locale's separators and two decimals at
    most (551 793,76), moments to the minute; whole numbers as they are (they may be years or numbers of things
    named by number)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(format_decimal(round(value, 2), format="#,##0.##", locale=lang))
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def _percent(share: float | None, lang: str) -> str:
    """A share (0.975) as the reader's locale writes a percentage, to one decimal at most (97,5 %; 97.5%)."""
    return "" if share is None else str(format_percent(round(share, 3), locale=lang, decimal_quantization=False))


@cache
def _headers() -> dict[str, dict[str, str]]:
    """A column named by a metric or group of the semantic layer -> its name in each language."""
    from ukimet.model.semantic import load_layer

    return {item.id: item.name for item in load_layer().items if item.kind in ("metric", "group") and item.name}


def _header(column: str, lang: str) -> str:
    """A table's column header in the reader's language: the semantic layer's name for a metric or group, the
    interface's word for a known column (surname, region ...), else the column as it is named."""
    named = _headers().get(column)
    if named:
        return named.get(lang, column)
    unnamed = re.fullmatch(r"_?col_?(\d+)", column)  # a column the query left unnamed (count(*) without AS)
    return f"{translate(lang, 'column')} {int(unnamed.group(1)) + 1}" if unnamed else translate(lang, column)


def _region_name(code: str | None, lang: str) -> str:
    """A KATO region code as the region's name in the reader's language (empty when there is none)."""
    from ukimet.apps.family_card import region_name

    return region_name(code, lang) if code else ""


def error_page(request: Request, error: UkimetError, status: int) -> HTMLResponse:
    return render(request, "error.html", status=status, error=error, code=status)


def _check_csrf(request: Request, token: str) -> None:
    cookie = request.cookies.get(COOKIE, "")
    if not cookie or token != request.app.state.sessions.csrf(cookie):
        raise Refused("surface.csrf")


def _chart(draw: Any, *args: Any) -> str | None:
    """A chart as an inline data URI (SVG), drawn into a temporary folder."""
    with tempfile.TemporaryDirectory() as folder:
        paths = draw(*args, Path(folder))
        svg = [p for p in paths if p.suffix == ".svg"]
        return "data:image/svg+xml;base64," + base64.b64encode(svg[0].read_bytes()).decode() if svg else None


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    user = optional_user(request)
    if user is None:
        return RedirectResponse("/login", status_code=303)
    return render(request, "home.html", user=user)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    return render(request, "login.html", next=request.query_params.get("next", "/"),
                  oidc=bool(request.app.state.gateway.config.oidc_issuer))


@router.post("/login")
def login(request: Request, name: str = Form(...), password: str = Form(...), code: str = Form(""),
          next_page: str = Form("/", alias="next")) -> Response:
    gateway = request.app.state.gateway
    try:
        user = sign_in(gateway.audit, name, password, code or None, client_address(request), "web")
    except SigninLockedError as locked:
        response = render(request, "login.html", status=429, next=next_page, locked=locked.minutes,
                          name=name)
        response.headers["Retry-After"] = str(locked.retry_after)
        return response
    except Unauthenticated as error:  # anything else (an unreadable MFA key ...) is said as what it is
        return render(request, "login.html", status=status_of(error), next=next_page, failed=error.why, name=name)
    target = next_page if next_page.startswith("/") and not next_page.startswith("//") else "/"
    if must_change_password(gateway.metadata, user.name):  # an administrator reset it: a new one first
        target = "/password"
    return _signed_in(request, user, target, "password")


@router.get("/password", response_class=HTMLResponse)
def password_page(request: Request, user: User = Depends(current_user)) -> Response:
    """Choose a new password (after an administrator's reset, nothing else can be opened before)."""
    return render(request, "password.html", user=user,
                  reset=must_change_password(request.app.state.gateway.metadata, user.name))


@router.post("/password", response_class=HTMLResponse)
def password_change(request: Request, current: str = Form(""), new: str = Form(""), repeat: str = Form(""),
                    csrf: str = Form(""), user: User = Depends(current_user)) -> Response:
    """The current password checked as a sign-in is (throttled, audited), the new one set: every session of the
    account ends, and this browser gets a new one."""
    from ukimet.gateway.users import set_password

    _check_csrf(request, csrf)
    log = request.app.state.gateway.audit
    try:
        sign_in(log, user.name, current, None, client_address(request), "password change", second_factor=False)
    except (Unauthenticated, SigninLockedError) as error:
        return render(request, "password.html", status=status_of(error), user=user, failed=error,
                      reset=must_change_password(log.engine, user.name))
    if new != repeat:
        raise InvalidInput("user.password_repeat")
    ended = set_password(log.engine, user.name, new)
    record(log, "password_changed", user.name, f"password changed by {user.name} (web); {ended} sessions ended",
           user)
    return _signed_in(request, user, "/", "password")


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request, user: User = Depends(current_user)) -> Response:
    """The accounts, for the administrator: each one's role and organisation, whether it awaits a new password,
    and a password reset."""
    _administrator(user)
    return _users(request, user)


def _administrator(user: User) -> None:
    if user.role != "admin":
        raise Refused("surface.accounts", role=user.role)


def _users(request: Request, user: User, temporary: tuple[str, str] | None = None) -> HTMLResponse:
    """The accounts page, for an administrator already checked (with a temporary password to show once)."""
    from ukimet.gateway.users import awaiting_new_password, list_users

    engine = request.app.state.gateway.metadata
    return render(request, "users.html", user=user, accounts=[a for a, _ in list_users(engine)],
                  awaiting=awaiting_new_password(engine), temporary=temporary)


@router.post("/users/{name}/reset", response_class=HTMLResponse)
def user_reset(request: Request, name: str, csrf: str = Form(""), user: User = Depends(current_user)) -> Response:
    """An administrator's reset: a temporary password shown here once (never kept, never in a URL or a log), the
    account's sessions and API tokens ended, and a new password demanded at its next sign-in; audited."""
    from ukimet.gateway.users import get_user, reset_password

    _check_csrf(request, csrf)
    _administrator(user)
    log = request.app.state.gateway.audit
    account = get_user(log.engine, name)
    temporary = reset_password(log.engine, name)
    record(log, "password_reset", name, f"password reset by {user.name} (web); sessions and API tokens ended",
           account)
    return _users(request, user, (name, temporary))


def _signed_in(request: Request, user: User, target: str, method: str) -> Response:
    """Where a signed-in user goes next, with a new session's cookie."""
    response = RedirectResponse(target, status_code=303)
    open_session(request, response, user, method)
    return response


@router.get("/login/oidc")
def login_oidc(request: Request) -> Response:
    """Send the browser to the configured OpenID Connect provider (state, nonce and PKCE kept in a signed,
    short-lived cookie)."""
    from ukimet.gateway.oidc import OIDCClient

    client = OIDCClient.from_settings(request.app.state.gateway.config)
    start = client.start()
    response = RedirectResponse(start.url, status_code=303)
    sealed = request.app.state.sessions.signer.dumps(
        {"state": start.state, "nonce": start.nonce, "verifier": start.verifier, "url": start.url})
    response.set_cookie(OIDC_COOKIE, sealed, max_age=600, httponly=True, samesite="lax", secure=over_tls(request))
    return response


@router.get("/auth/callback")
def oidc_callback(request: Request, code: str = "", state: str = "") -> Response:
    """The provider's answer: the ID token checked, the account it names signed in."""
    from itsdangerous import BadSignature

    from ukimet.gateway.oidc import OIDCClient, Start

    gateway = request.app.state.gateway
    address = client_address(request)
    try:
        try:
            kept = request.app.state.sessions.signer.loads(request.cookies.get(OIDC_COOKIE, ""), max_age=600)
        except BadSignature:
            raise Unauthenticated("oidc.not_started") from None
        user = OIDCClient.from_settings(gateway.config).finish(
            gateway.metadata, code, state, Start(kept["url"], kept["state"], kept["nonce"], kept["verifier"]))
    except UkimetError:  # a failed sign-in through the provider is audited as any other (the account unknown)
        record(gateway.audit, "signin_failed", "-", f"sign-in (oidc) from {address}: the provider's answer "
               "did not pass the checks")
        raise
    record(gateway.audit, "signin", user.name, f"sign-in (oidc) from {address}", user)
    response = _signed_in(request, user, "/", "oidc")
    response.delete_cookie(OIDC_COOKIE)
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    """End the session at once (on the server: the cookie is worth nothing after), then the sign-in page."""
    response = RedirectResponse("/login", status_code=303)
    close_session(request, response)
    return response


EXAMPLES = {  # questions the questions page offers to start from, one of each kind it answers (tests/test_web.py)
    "kk": ["Шымкентте қанша отбасы бар?", "Облыстар бойынша қанша адам тұрады?", "Шымкентте орташа жалақы қанша?",
           "Шымкентте қанша көпбалалы отбасы бар?", "Дағдарыстағы қанша отбасы бар?",
           "Қанша зейнеткер жәрдемақы алады?"],
    "ru": ["Сколько семей в Шымкенте?", "Сколько человек проживает по регионам?", "Какая средняя зарплата в Шымкенте?",
           "Сколько многодетных семей в Шымкенте?", "Сколько кризисных семей?",
           "Сколько пенсионеров получают пособие?"],
    "en": ["How many families are there in Shymkent?", "How many people live in each region?",
           "What is the average wage in Shymkent?", "How many large families are there in Shymkent?",
           "How many families in crisis are there?", "How many pensioners receive a benefit?"],
}


@router.get("/ask", response_class=HTMLResponse)
def ask_page(request: Request, q: str = "", user: User = Depends(current_user)) -> Response:
    from ukimet.apps.questions import ask, draw_answer
    from ukimet.apps.saved import DASHBOARD_ROLES

    answer = ask(request.app.state.gateway, user, q) if q.strip() else None
    chart = _chart(lambda out: draw_answer(answer, out)) if answer and answer.rows else None
    return render(request, "ask.html", user=user, q=q, answer=answer, chart=chart,
                  saves=user.role in DASHBOARD_ROLES, examples=EXAMPLES[language(request)])


@router.post("/ask/save")
def ask_save(request: Request, q: str = Form(""), title: str = Form(""), shared: str = Form(""),
             csrf: str = Form(""), user: User = Depends(current_user)) -> Response:
    """Keep the question on the user's dashboard (shared with their organisation when ``shared`` is 1)."""
    from ukimet.apps.saved import save

    _check_csrf(request, csrf)
    save(request.app.state.gateway.metadata, user, q, title, shared == "1")
    return RedirectResponse("/dashboard", status_code=303)


TILE_ROWS = 12
"""Rows of an answer a dashboard tile shows (the whole answer is a click away, and in its exports)."""


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(request: Request, user: User = Depends(current_user)) -> Response:
    """The user's saved questions and those shared in their organisation, each asked again as this user (through
    the gateway, audited in their name) with its chart."""
    from ukimet.apps.questions import ask, draw_answer
    from ukimet.apps.saved import dashboard

    tiles = []
    for saved in dashboard(request.app.state.gateway.metadata, user):
        answer = ask(request.app.state.gateway, user, saved.question)
        figure = len(answer.rows) == 1 and len(answer.columns) == 1  # one number: shown as itself, not a bar
        chart = _chart(lambda out, answer=answer: draw_answer(answer, out)) if answer.rows and not figure else None
        tiles.append((saved, answer, chart, figure))
    return render(request, "dashboard.html", user=user, tiles=tiles, most=TILE_ROWS)


@router.post("/dashboard/{saved_id}")
def dashboard_action(request: Request, saved_id: int, action: str = Form(""), csrf: str = Form(""),
                     user: User = Depends(current_user)) -> Response:
    from ukimet.apps.saved import change

    _check_csrf(request, csrf)
    change(request.app.state.gateway.metadata, user, saved_id, action)
    return RedirectResponse("/dashboard", status_code=303)


@router.get("/sql", response_class=HTMLResponse)
def sql_page(request: Request, sql: str = "", purpose: str = "", user: User = Depends(current_user)) -> Response:
    if user.role not in SQL_ROLES:
        raise Refused("surface.sql", role=user.role)
    result, failed = None, None
    if sql.strip():
        try:
            result = request.app.state.gateway.query(user, sql, purpose or None)
        except (Refused, NotFound) as error:
            failed = error
    return render(request, "sql.html", user=user, sql=sql, purpose=purpose, result=result, failed=failed)


@router.get("/export/sql")
def sql_export(request: Request, sql: str, purpose: str = "", fmt: str = Query("csv", alias="format"),
               user: User = Depends(current_user)) -> Response:
    """A console query's answer as CSV or Excel: the same query through the gateway, within the role's export
    limits, audited as any query."""
    if user.role not in SQL_ROLES:
        raise Refused("surface.sql", role=user.role)
    result = request.app.state.gateway.query(user, sql, purpose or None)
    return table_file("query", result.columns, result.rows, fmt)


@router.get("/export/ask")
def ask_export(request: Request, q: str, fmt: str = Query("csv", alias="format"),
               user: User = Depends(current_user)) -> Response:
    """A question's answer as CSV or Excel, asked again through the gateway (audited)."""
    from ukimet.apps.questions import ask

    answer = ask(request.app.state.gateway, user, q)
    if answer.refusal is not None:
        raise answer.refusal
    return table_file("answer", answer.columns, answer.rows, fmt)


LABELLED = frozenset({"iin", "bin", "surname", "first_name", "patronymic", "full_name", "birth_date", "sex", "phone",
                      "email", "address", "region", "person_id", "family_id"})
"""semantic types precise enough to name a column by (money, date, text say what a value is, not what it means)"""


@router.get("/person", response_class=HTMLResponse)
def person_page(request: Request, iin: str = "", purpose: str = "", user: User = Depends(current_user)) -> Response:
    from ukimet.gateway.person import person_view

    gateway = request.app.state.gateway
    view = person_view(gateway, user, iin, purpose) if iin and purpose.strip() else None
    if view is None:
        return render(request, "person.html", user=user, iin=iin, purpose=purpose, view=None, labelled=LABELLED)
    from ukimet.connect.table_titles import table_names_in

    lang = language(request)
    return render(request, "person.html", user=user, iin=iin, purpose=purpose, view=view, labelled=LABELLED,
                  source_titles=_source_titles(gateway, lang), table_titles=table_names_in(gateway.metadata, lang))


def _source_titles(gateway: Any, lang: str) -> dict[str, str]:
    """Each source's name in ``lang`` (or another language it has one in), by code; sources without one left out."""
    from ukimet.connect.sources import list_sources

    return {spec.name: title for spec in list_sources(gateway.metadata) if (title := spec.title(lang))}


@router.get("/families", response_class=HTMLResponse)
def families_page(request: Request, user: User = Depends(current_user)) -> Response:
    from ukimet.apps.family_card import distribution, draw_distribution, region_name
    from ukimet.model.family_card import load_card

    lang = language(request)
    rows = distribution(request.app.state.gateway, user)
    chart = _chart(lambda out: draw_distribution(rows, out, lang)) if rows else None
    severity = {level.id: n for n, level in enumerate(load_card().levels)}  # the card's order, not the alphabet's
    shown = [(region_name(r, lang), lv, n) for r, lv, n in
             sorted(rows, key=lambda row: (region_name(row[0], lang), severity.get(row[1], len(severity))))]
    return render(request, "families.html", user=user, rows=shown, chart=chart)


@router.get("/family/{family_id}", response_class=HTMLResponse)
def family_page(request: Request, family_id: str, purpose: str = "", user: User = Depends(current_user)) -> Response:
    from ukimet.apps.family_card import family_card

    card = family_card(request.app.state.gateway, user, family_id, purpose, language(request)) \
        if purpose.strip() else None
    printed_at = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return render(request, "family.html", user=user, family_id=family_id, purpose=purpose, card=card,
                  printed_at=printed_at)


CASES_PER_PAGE = 50


def _queue(request: Request, user: User, status: str, rule: str, region: str, q: str) -> tuple[list[Any], list[Any]]:
    """The cases of a benefit and region the role may read (the read audited), and those of them of ``status``
    whose number or assignee is ``q``."""
    from ukimet.apps.cases import listed

    every = listed(request.app.state.gateway.audit, None, rule or None, region or None, reader=user)
    wanted = q.strip().lstrip("#").lower()
    return every, [c for c in every if (not status or c.status == status)
                   and (not wanted or str(c.id) == wanted or wanted in (c.assigned_to or "").lower())]


@router.get("/export/cases")
def cases_export(request: Request, status: str = "", rule: str = "", region: str = "", q: str = "",
                 fmt: str = Query("csv", alias="format"), user: User = Depends(current_user)) -> Response:
    """The queue as the page filters it, every page, as CSV or Excel (workflow only: no value of a person)."""
    _, chosen = _queue(request, user, status, rule, region, q)
    return table_file("cases", ["case", "benefit", "as_of", "region", "status", "assignee"],
                      [(c.id, c.rule, c.as_of, c.region, c.status, c.assigned_to) for c in chosen], fmt)


@router.get("/cases", response_class=HTMLResponse)
def cases_page(request: Request, status: str = "", rule: str = "", region: str = "", q: str = "", page: int = 1,
               done: int | None = None, failed: int = 0, user: User = Depends(current_user)) -> Response:
    """The queue: counts per status (each a filter), filters by benefit and region, a search by case number or
    assignee, 50 cases a page; a case's number opens its page. Only a role that works cases sees actions."""
    from ukimet.apps.cases import WORKERS, messages

    log = request.app.state.gateway.audit
    every, chosen = _queue(request, user, status, rule, region, q)
    counts: dict[str, int] = {}
    for case in every:
        counts[case.status] = counts.get(case.status, 0) + 1
    pages = max(1, -(-len(chosen) // CASES_PER_PAGE))
    page = min(max(page, 1), pages)
    shown = chosen[(page - 1) * CASES_PER_PAGE:page * CASES_PER_PAGE]
    sms = {m["case_id"]: m["status"] for m in messages(log)}
    return render(request, "cases.html", user=user, cases=shown, sms=sms, chosen=status, rule=rule, region=region,
                  q=q, page=page, pages=pages, total=len(chosen), counts=counts, all_count=len(every),
                  rules=sorted({c.rule for c in every}), regions=sorted({c.region for c in every if c.region}),
                  works=user.role in WORKERS, bulk={"done": done, "failed": failed} if done is not None else None)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(request: Request, case_id: int, purpose: str = "", user: User = Depends(current_user)) -> Response:
    """One case: its rule and legal reference, status, assignee, the history of its events and its SMS; the person
    and the values the rule read only once a purpose is declared (read through the gateway, audited)."""
    from ukimet.apps.cases import WORKERS, events, messages, one, show
    from ukimet.model.entitlements import load_rules

    log = request.app.state.gateway.audit
    case = one(log, case_id, user)  # the role checked, the read audited
    rule = next((r for r in load_rules().rules if r.id == case.rule), None)
    opened = show(request.app.state.gateway, user, case_id, purpose) if purpose.strip() else None
    return render(request, "case.html", user=user, case=case, rule=rule, opened=opened, purpose=purpose,
                  history=events(log, case_id), sms=messages(log, case_id), works=user.role in WORKERS)


@router.post("/cases/bulk")
def cases_bulk(request: Request, action: str = Form(""), case: list[int] = Form(default=[]), note: str = Form(""),
               csrf: str = Form(""), back: str = Form("/cases"), user: User = Depends(current_user)) -> Response:
    """Take or close the ticked cases at once, each on its own (its move audited): one whose status no longer
    allows it (another worker took it meanwhile) is counted and the rest go on. A citizen's answer is recorded case
    by case, on the case's page, with its confirmation."""
    from ukimet.apps.cases import WORKERS, assign, close

    _check_csrf(request, csrf)
    if user.role not in WORKERS:
        raise Refused("cases.may_not_work", case="*", role=user.role)
    if action not in ("assign", "close"):
        raise InvalidInput("cases.bulk_action", action=action)
    if not case:
        raise InvalidInput("cases.none_selected")
    closing = _closing_note(note, ", ".join(map(str, case))) if action == "close" else None
    log = request.app.state.gateway.audit
    done = failed = 0
    for case_id in dict.fromkeys(case):
        try:
            if closing is not None:
                close(log, user, case_id, closing)
            else:
                assign(log, user, case_id, user.name, note.strip() or None)
            done += 1
        except (Refused, NotFound):
            failed += 1
    target = back if back.startswith("/cases") and not back.startswith("/cases/") else "/cases"
    separator = "&" if "?" in target else "?"
    return RedirectResponse(f"{target}{separator}done={done}&failed={failed}", status_code=303)


@router.post("/cases/{case_id}")
def case_action(request: Request, case_id: int, action: str = Form(...), csrf: str = Form(...),
                note: str = Form(""), confirm: str = Form(""), back: str = Form("/cases"),
                user: User = Depends(current_user)) -> Response:
    from ukimet.apps.cases import assign, close, record_consent

    _check_csrf(request, csrf)
    if action in ("consent", "refuse") and back.startswith("/cases/") and not confirm:
        raise InvalidInput("cases.unconfirmed", case=case_id)
    log = request.app.state.gateway.audit
    if action == "assign":
        assign(log, user, case_id, user.name, note or None)
    elif action == "close":
        close(log, user, case_id, _closing_note(note, case_id))
    else:
        record_consent(log, user, case_id, action == "consent", note or None)
    return RedirectResponse(back if back.startswith("/cases") else "/cases", status_code=303)


def _closing_note(note: str, case: int | str) -> str:
    """A case is closed with its decision or the reason it ends, never silently."""
    if not note.strip():
        raise InvalidInput("cases.close_note", case=case)
    return note.strip()


@router.get("/findings", response_class=HTMLResponse)
def findings_page(request: Request, purpose: str = "", user: User = Depends(current_user)) -> Response:
    """The work list; with a purpose, each finding's values and records read through the gateway (audited)."""
    from ukimet.apps.findings import listed, with_values
    from ukimet.model.consistency import explain, load_rules

    rules = {r.id: r for r in load_rules()}
    lang = language(request)
    kept = listed(request.app.state.gateway.audit, reader=user)
    rows: list[tuple[Any, str, list[dict[str, str]]]]
    if not purpose.strip():
        rows = [(k, rules[k.rule].name[lang] if k.rule in rules else k.rule, []) for k in kept]
    else:
        rows = [(v.kept, explain(rules[v.kept.rule], v.finding(), lang) if v.kept.rule in rules and v.values
                 else rules[v.kept.rule].name[lang] if v.kept.rule in rules else v.kept.rule, v.evidence)
                for v in with_values(request.app.state.gateway, user, kept, purpose)]
    return render(request, "findings.html", user=user, findings=rows, purpose=purpose)


AUDIT_PER_PAGE = 100
AUDIT_EXPORTED = 10_000
"""The most entries one export of an audit search holds (the newest)."""
AUDIT_ACTIONS = ("query", "view", "refused", "blocked", "case", "purpose", "policy", "tracker", "audit")


@dataclass
class AuditSearch:
    """What an officer searches the audit log for (the query parameters of the viewer and of its export)."""

    iin: str = ""
    who: str = ""
    organisation: str = ""
    purpose: str = ""
    action: str = ""
    start: str = ""
    end: str = ""


def _audit_search(request: Request, user: User, asked: AuditSearch, limit: int,
                  before: int | None = None) -> list[dict[str, Any]]:
    """The entries an officer's search asks for, newest first; a search that names a citizen is itself an entry
    naming them (their tracker shows who looked at who looked at them)."""
    from ukimet.gateway.audit import Access

    if user.role not in ("auditor", "admin"):
        raise Refused("surface.audit_log", role=user.role)
    log: AuditLog = request.app.state.gateway.audit
    citizen = "".join(ch for ch in asked.iin if ch.isdigit())
    if asked.iin and len(citizen) != 12:
        raise InvalidInput("audit.iin", iin=asked.iin)
    found = log.entries(asked.who or None, citizen or None, limit=limit, organisation=asked.organisation or None,
                        purpose=asked.purpose or None, action=asked.action or None, start=asked.start or None,
                        end=asked.end or None, before=before)
    if citizen:
        log.append(Access(user.name, user.organisation, user.role, "audit investigation", "audit",
                          "who looked at a citizen: audit log search", None, len(found), [log.person(citizen)]))
    return found


@router.get("/export/audit")
def audit_export(request: Request, asked: AuditSearch = Depends(), fmt: str = Query("csv", alias="format"),
                 user: User = Depends(current_user)) -> Response:
    """An audit search's entries (the newest ``AUDIT_EXPORTED``) as CSV or Excel, for the investigation's file."""
    columns = ["seq", "at", "user_name", "organisation", "role", "purpose", "action", "rows", "query"]
    return table_file("audit", [*columns, "persons"],
                      [[e[c] for c in columns] + [len(e["persons"] or [])]
                       for e in _audit_search(request, user, asked, AUDIT_EXPORTED)], fmt)


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, verify: int = 0, asked: AuditSearch = Depends(), before: int | None = None,
               user: User = Depends(current_user)) -> Response:
    """The audit log for an investigation: who looked at a citizen (by IIN, through the person index), what a
    user or an organisation did, under which purpose, which action, between two days; 100 entries a page, older
    ones on the next. A search that names a citizen is itself an entry naming them (their tracker shows it)."""
    found = _audit_search(request, user, asked, AUDIT_PER_PAGE + 1, before)  # the role checked first
    verdict = request.app.state.gateway.audit.verify() if verify else None
    shown = found[:AUDIT_PER_PAGE]
    return render(request, "audit.html", user=user, entries=shown, verdict=verdict, asked=asked,
                  actions=AUDIT_ACTIONS, older=shown[-1]["seq"] if len(found) > AUDIT_PER_PAGE else None)


@router.get("/policy", response_class=HTMLResponse)
def policy_page(request: Request, user: User = Depends(current_user)) -> Response:
    from ukimet.gateway import policy_store
    from ukimet.gateway.policy import to_toml

    if user.role != "admin":
        raise Refused("surface.policy", role=user.role)
    gateway = request.app.state.gateway
    stored = policy_store.history(gateway.metadata)
    text = stored[-1].text if stored else to_toml(gateway.policy)
    return render(request, "policy.html", user=user, text=text, history=stored)


@router.post("/policy")
def policy_save(request: Request, text: str = Form(...), note: str = Form(""), csrf: str = Form(...),
                user: User = Depends(current_user)) -> Response:
    from ukimet.gateway import policy_store

    _check_csrf(request, csrf)
    try:
        policy_store.load(request.app.state.gateway.audit, user, text, note or None)
    except UkimetError as error:
        return render(request, "policy.html", status=status_of(error), user=user, text=text, history=[],
                      failed=error)
    return RedirectResponse("/policy", status_code=303)


@router.get("/tracker", response_class=HTMLResponse)
def tracker_page(request: Request, user: User = Depends(current_user)) -> Response:
    from ukimet.gateway.tracker import my_accesses

    report = my_accesses(request.app.state.gateway.audit, user)
    return render(request, "tracker.html", user=user, report=report)


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, user: User = Depends(current_user)) -> Response:
    from ukimet.apps.source_audit import audit_sources, sync_health

    if user.role not in ("auditor", "admin", "data_engineer"):
        raise Refused("surface.sources", role=user.role)
    gateway = request.app.state.gateway
    return render(request, "sources.html", user=user, reports=audit_sources(gateway, user),
                  syncs=sync_health(gateway), source_titles=_source_titles(gateway, language(request)))
