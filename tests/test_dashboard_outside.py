"""Saved questions and the per-user dashboard, tested from the outside (HTTP only, as a browser would): a question
is saved private or shared within the organisation, a colleague of the exact same organisation sees the shared
tile and never the private one, every tile is asked again as its viewer (their row filters, audited in their
name), hostile titles are escaped, every refusal is a clear page with the status the feature promises."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from .conftest import read_store

HTML = {"accept": "text/html"}
ORG = "Akimat of Shymkent"
OWNER_Q = "Сколько семей в Шымкенте?"
KK_Q = "Шымкентте қанша отбасы бар?"
HOSTILE_TITLE = 'outside hostile <script>alert("t")</script> " onmouseover="alert(3)" <img src=x onerror=alert(4)>'
TITLES = {"private": "outside private tile", "shared": "outside shared tile", "hostile": HOSTILE_TITLE,
          "cycle": "outside lifecycle tile"}
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


# --- reading pages ------------------------------------------------------------------------------------------


@dataclass
class Tile:
    id: str
    classes: set[str]
    text: str = ""
    title: str = ""
    table: str = ""
    links: list[str] = field(default_factory=list)
    alts: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)

    @property
    def title_text(self) -> str:
        return " ".join(self.title.split())


class _Page(HTMLParser):
    """The tiles of a page (elements of class ``tile`` with a ``data-id``), the links of its ``nav`` and every
    event-handler attribute anywhere (there must be none coming from user text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, list[Any]]] = []
        self.tiles: list[Tile] = []
        self.current: Tile | None = None
        self.depth = {"title": 0, "table": 0, "nav": 0}
        self.nav_links: list[str] = []
        self.handlers: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []
        self.in_script = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.handlers += [(tag, k, v) for k, v in values.items() if k.startswith("on")]
        classes = set(values.get("class", "").split())
        marks: list[Any] = []
        if "tile" in classes and "data-id" in values:
            if self.current is not None:  # an unclosed tile ends where the next one begins
                self.tiles.append(self.current)
            self.current = Tile(values["data-id"], classes)
            marks.append(("tile", self.current))
        tile = self.current
        if tile is not None:
            if "tile-title" in classes:
                marks.append("title")
            if tag == "table" or "figure" in classes:  # a one-number answer is shown as a figure
                marks.append("table")
            if tag == "a":
                tile.links.append(values.get("href", ""))
            if tag == "img":
                tile.alts.append(values.get("alt", ""))
            if tag == "form":
                tile.forms.append(values.get("action", ""))
            if tag in ("input", "button", "select") and values.get("name"):
                tile.fields.append((values["name"], values.get("value", "")))
        if tag == "nav":
            marks.append("nav")
        if tag == "a" and self.depth["nav"]:
            self.nav_links.append(values.get("href", ""))
        if tag == "script":
            marks.append("script")
        if tag in VOID:
            return
        for mark in marks:
            self._count(mark, 1)
        self.stack.append((tag, marks))

    def _count(self, mark: Any, step: int) -> None:
        if mark == "script":
            self.in_script += step
        elif isinstance(mark, str):
            self.depth[mark] += step

    def handle_endtag(self, tag: str) -> None:
        if tag not in (t for t, _ in self.stack):
            return
        while self.stack:
            name, marks = self.stack.pop()
            for mark in marks:
                if isinstance(mark, tuple):
                    if self.current is not None and mark[1] is self.current:
                        self.tiles.append(self.current)
                        self.current = None
                else:
                    self._count(mark, -1)
            if name == tag:
                return

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.scripts.append(data)
        if self.current is not None:
            self.current.text += data
            if self.depth["title"]:
                self.current.title += data
            if self.depth["table"]:
                self.current.table += data + " "


def _read(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    if page.current is not None:
        page.tiles.append(page.current)
    return page


def _tiles(html: str) -> dict[str, Tile]:
    found: dict[str, Tile] = {}
    for tile in _read(html).tiles:
        found.setdefault(tile.id, tile)
    return found


def _q_of(href: str) -> str | None:
    values = parse_qs(urlsplit(href).query).get("q")
    return values[0] if values else None


# --- people and requests ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def people(web_country: dict[str, Any]) -> dict[str, tuple[Any, str]]:
    """Accounts of this file only (prefix outside-): an owner with the web analyst's organisation and region, a
    colleague of that organisation filtered to another region, analysts of another organisation and of a
    look-alike one, a social worker, a data engineer, and two analysts alone in their organisations."""
    from ukimet.core.metadata import connect_metadata
    from ukimet.gateway.rewrite import User
    from ukimet.gateway.users import add_user

    config = web_country["config"]
    region = web_country["region"]
    assert web_country["users"]["analyst"].organisation == ORG
    con = read_store(config.resolved_store_path())
    try:
        others = [r for (r,) in con.execute("SELECT region FROM mart.families WHERE region IS NOT NULL GROUP BY "
                                            "region ORDER BY count(*) DESC").fetchall()]
    finally:
        con.close()
    other = next(r for r in others if not str(r).startswith(str(region)) and not str(region).startswith(str(r)))
    accounts = {
        "owner": User("outside-owner", "analyst", ORG, {"region": region}),
        "colleague": User("outside-colleague", "analyst", ORG, {"region": other}),
        "stranger": User("outside-stranger", "analyst", "Akimat of Turkistan region", {"region": region}),
        "lookalike": User("outside-lookalike", "analyst", ORG.upper(), {"region": region}),
        "worker": User("outside-worker", "social_worker", "Ministry of Labour"),
        "engineer": User("outside-engineer", "data_engineer", "National data operator"),
        "many": User("outside-many", "analyst", "Outside test org: many", {"region": region}),
        "limits": User("outside-limits", "analyst", "Outside test org: limits", {"region": region}),
    }
    engine = connect_metadata(config)
    for user in accounts.values():
        add_user(engine, user, f"{user.name}-pass", config=config)
    return {key: (user, f"{user.name}-pass") for key, user in accounts.items()}


def _sign_in(client: TestClient, name: str, password: str) -> None:
    client.cookies.clear()
    signed = client.post("/login", data={"name": name, "password": password, "next": "/"}, follow_redirects=False)
    assert signed.status_code == 303, (name, signed.status_code, signed.text[:300])


def _as(client: TestClient, people: dict[str, tuple[Any, str]], who: str) -> None:
    user, password = people[who]
    _sign_in(client, user.name, password)


def _as_web(client: TestClient, web_country: dict[str, Any], who: str) -> None:
    _sign_in(client, web_country["users"][who].name, web_country["password"][who])


def _csrf(client: TestClient, *pages: str) -> str | None:
    for page in pages:
        found = CSRF.search(client.get(page, headers=HTML).text)
        if found:
            return found.group(1)
    return None


def _ask_page(q: str = OWNER_Q) -> str:
    from urllib.parse import urlencode

    return "/ask?" + urlencode({"q": q})


def _token(client: TestClient) -> str:
    """The session's CSRF token, from the questions page (its save form carries it). A colleague filtered to
    another region has OWNER_Q declined (it is outside their region), so a question about the whole country, which
    every analyst gets an answer to within their region, is the fallback."""
    token = _csrf(client, _ask_page(), "/dashboard", _ask_page("Сколько семей?"))
    assert token, "no CSRF token on /ask (the save form) nor on /dashboard"
    return token


def _save(client: TestClient, csrf: str | None, q: str, title: str = "", shared: bool = False) -> Any:
    data = {"q": q, "title": title}
    if csrf is not None:
        data["csrf"] = csrf
    if shared:
        data["shared"] = "1"
    return client.post("/ask/save", data=data, headers=HTML, follow_redirects=False)


def _act(client: TestClient, csrf: str | None, tile_id: str, action: str) -> Any:
    data = {"action": action}
    if csrf is not None:
        data["csrf"] = csrf
    return client.post(f"/dashboard/{tile_id}", data=data, headers=HTML, follow_redirects=False)


def _to_dashboard(response: Any) -> None:
    assert response.status_code == 303, (response.status_code, response.text[:500])
    assert urlsplit(response.headers["location"]).path == "/dashboard", response.headers["location"]


def _refused(response: Any, status: int) -> None:
    """A clear HTML error page with the status, never a traceback."""
    assert response.status_code == status, (status, response.status_code, response.text[:500])
    assert "text/html" in response.headers.get("content-type", ""), response.headers.get("content-type")
    assert "Traceback" not in response.text and 'File "' not in response.text
    assert "<html" in response.text


def _dashboard(client: TestClient, **params: str) -> tuple[Any, dict[str, Tile]]:
    response = client.get("/dashboard", params=params, headers=HTML)
    assert response.status_code == 200, (response.status_code, response.text[:500])
    return response, _tiles(response.text)


def _api(client: TestClient, name: str, password: str) -> dict[str, str]:
    client.cookies.clear()
    answer = client.post("/api/v1/auth/login", json={"name": name, "password": password})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def _answer(client: TestClient, name: str, password: str, q: str) -> Any:
    """The first cell of the answer to ``q`` as this account gets it from the API (None when declined)."""
    asked = client.post("/api/v1/ask", json={"question": q}, headers=_api(client, name, password))
    if asked.status_code != 200:
        return None
    body = asked.json()
    return body["rows"][0][0] if body.get("rows") else None


@pytest.fixture(scope="module")
def saved(client: TestClient, people: dict[str, tuple[Any, str]]) -> dict[str, str]:
    """The owner saves four questions (one private, three shared); their ids, read off the owner's dashboard."""
    _as(client, people, "owner")
    page = client.get(_ask_page(), headers=HTML)
    assert page.status_code == 200 and 'action="/ask/save"' in page.text, "an answered question offers the save form"
    csrf = _token(client)
    _to_dashboard(_save(client, csrf, OWNER_Q, TITLES["private"]))
    _to_dashboard(_save(client, csrf, OWNER_Q, TITLES["shared"], shared=True))
    _to_dashboard(_save(client, csrf, KK_Q, TITLES["hostile"], shared=True))
    _to_dashboard(_save(client, csrf, KK_Q, TITLES["cycle"], shared=True))
    _, tiles = _dashboard(client)
    ids: dict[str, str] = {}
    for key, marker in (("private", "outside private"), ("shared", "outside shared"),
                        ("hostile", "outside hostile"), ("cycle", "outside lifecycle")):
        matching = [t.id for t in tiles.values() if t.title_text.startswith(marker)]
        assert len(matching) == 1, (key, [t.title_text for t in tiles.values()])
        ids[key] = matching[0]
    assert len(set(ids.values())) == 4
    return ids


# --- the tests -----------------------------------------------------------------------------------------------


def test_the_owner_sees_each_saved_question_as_a_tile_with_its_answer_links_and_forms(
        client: TestClient, people: dict[str, tuple[Any, str]], saved: dict[str, str]) -> None:
    _as(client, people, "owner")
    _, tiles = _dashboard(client)
    assert set(saved.values()) <= set(tiles)
    questions = {"private": OWNER_Q, "shared": OWNER_Q, "hostile": KK_Q, "cycle": KK_Q}
    for key, tile_id in saved.items():
        tile = tiles[tile_id]
        q = questions[key]
        asked = [h for h in tile.links if urlsplit(h).path == "/ask"]
        assert any(_q_of(h) == q for h in asked), (key, tile.links)
        exports = [h for h in tile.links if urlsplit(h).path == "/export/ask" and _q_of(h) == q]
        formats = {parse_qs(urlsplit(h).query).get("format", [""])[0] for h in exports}
        assert {"csv", "xlsx"} <= formats, (key, tile.links)
        assert f"/dashboard/{tile_id}" in tile.forms, (key, tile.forms)
        assert ("action", "remove") in tile.fields and any(name == "csrf" for name, _ in tile.fields), tile.fields
    assert ("action", "share") in tiles[saved["private"]].fields
    assert ("action", "unshare") in tiles[saved["shared"]].fields
    assert tiles[saved["private"]].title_text == TITLES["private"]
    assert tiles[saved["shared"]].title_text == TITLES["shared"]
    owner, password = people["owner"]
    expected = _answer(client, owner.name, password, OWNER_Q)
    assert isinstance(expected, int) and expected > 0
    shared = tiles[saved["shared"]]
    assert str(expected) in re.findall(r"\d+", shared.table), ("the tile shows its answer table", shared.table)
    alts = [a.strip() for a in shared.alts]
    assert alts or len(re.findall(r"\d+", shared.table)) == 1, "a tile with rows shows its chart (one number: a figure)"
    for alt in alts:
        said = re.sub(r"^(chart|diagram|graph|image|диаграмма|график|сурет|кесте)\b\W*", "", alt, flags=re.I)
        assert said.strip(), f"the chart's alt text says what it shows, not just that it is a chart: {alt!r}"


def test_a_colleague_sees_the_shared_tiles_and_never_the_private_one(
        client: TestClient, people: dict[str, tuple[Any, str]], saved: dict[str, str]) -> None:
    _as(client, people, "colleague")
    response, tiles = _dashboard(client)
    assert saved["shared"] in tiles and saved["hostile"] in tiles and saved["cycle"] in tiles
    assert saved["private"] not in tiles and TITLES["private"] not in response.text
    owner = people["owner"][0].name
    for key in ("shared", "hostile"):
        tile = tiles[saved[key]]
        assert "shared" in tile.classes, tile.classes
        assert owner in tile.text, "a colleague's shared tile says who shared it"
        assert f"/dashboard/{tile.id}" not in tile.forms, "no share/unshare/remove on someone else's tile"
        assert ("action", "remove") not in tile.fields and ("action", "unshare") not in tile.fields
    assert tiles[saved["shared"]].title_text == TITLES["shared"]


@pytest.mark.parametrize("who", ["stranger", "lookalike"])
def test_another_organisation_sees_neither_tile(client: TestClient, people: dict[str, tuple[Any, str]],
                                                saved: dict[str, str], who: str) -> None:
    _as(client, people, who)
    response, tiles = _dashboard(client)
    assert not set(saved.values()) & set(tiles), (who, sorted(tiles))
    for title in (TITLES["private"], TITLES["shared"], TITLES["cycle"], "outside hostile"):
        assert title not in response.text
    assert people["owner"][0].name not in response.text


def test_a_non_owner_can_neither_remove_nor_unshare_nor_share(client: TestClient,
                                                             people: dict[str, tuple[Any, str]],
                                                             saved: dict[str, str]) -> None:
    _as(client, people, "colleague")
    csrf = _token(client)
    _refused(_act(client, csrf, saved["shared"], "remove"), 403)
    _refused(_act(client, csrf, saved["shared"], "unshare"), 403)
    _refused(_act(client, csrf, saved["private"], "share"), 403)
    _refused(_act(client, csrf, saved["private"], "remove"), 403)
    _as(client, people, "stranger")
    csrf = _token(client)
    _refused(_act(client, csrf, saved["private"], "remove"), 403)
    _refused(_act(client, csrf, saved["shared"], "unshare"), 403)
    _as(client, people, "owner")
    _, tiles = _dashboard(client)
    assert set(saved.values()) <= set(tiles), "every tile is still there"
    _as(client, people, "colleague")
    _, tiles = _dashboard(client)
    assert saved["shared"] in tiles, "the shared tile is still shared"
    assert saved["private"] not in tiles, "the private tile is still private"


def test_an_unknown_id_is_404(client: TestClient, people: dict[str, tuple[Any, str]],
                              saved: dict[str, str]) -> None:
    _as(client, people, "owner")
    csrf = _token(client)
    for action in ("remove", "share", "unshare"):
        _refused(_act(client, csrf, "987654321", action), 404)


def test_a_form_without_the_sessions_csrf_token_is_refused(client: TestClient, people: dict[str, tuple[Any, str]],
                                                           saved: dict[str, str]) -> None:
    _as(client, people, "colleague")
    colleagues = _token(client)
    _as(client, people, "owner")
    own = _token(client)
    assert own != colleagues
    for forged in ("guess", None, colleagues, ""):
        _refused(_save(client, forged, OWNER_Q, "outside forged save", shared=True), 403)
        _refused(_act(client, forged, saved["private"], "remove"), 403)
        _refused(_act(client, forged, saved["private"], "share"), 403)
    response, tiles = _dashboard(client)
    assert "outside forged save" not in response.text
    assert saved["private"] in tiles
    _as(client, people, "colleague")
    _, tiles = _dashboard(client)
    assert saved["private"] not in tiles


def test_html_in_a_title_is_shown_as_text_never_run(client: TestClient, people: dict[str, tuple[Any, str]],
                                                    saved: dict[str, str]) -> None:
    for who in ("owner", "colleague"):
        _as(client, people, who)
        response, tiles = _dashboard(client)
        tile = tiles[saved["hostile"]]
        assert tile.title_text == " ".join(HOSTILE_TITLE.split()), (who, tile.title_text)
        lowered = response.text.lower()
        assert '<script>alert("t")' not in lowered
        assert "<img src=x onerror" not in lowered
        page = _read(response.text)
        assert not [h for h in page.handlers if "alert" in h[2]], page.handlers
        assert not [s for s in page.scripts if "alert" in s]


def test_questions_and_titles_beyond_their_limits_are_refused(client: TestClient,
                                                              people: dict[str, tuple[Any, str]]) -> None:
    _as(client, people, "limits")
    csrf = _token(client)
    longest = OWNER_Q + " " + "а" * (500 - len(OWNER_Q) - 1)
    assert len(longest) == 500
    _refused(_save(client, csrf, ""), 422)
    _refused(_save(client, csrf, "   "), 422)
    _refused(_save(client, csrf, longest + "а"), 422)
    _refused(_save(client, csrf, OWNER_Q, "т" * 121), 422)
    _refused(_save(client, csrf, OWNER_Q, "outside " + "т" * 113), 422)
    _to_dashboard(_save(client, csrf, longest, "outside longest question"))
    widest = "outside " + "т" * 112
    assert len(widest) == 120
    _to_dashboard(_save(client, csrf, OWNER_Q, widest))
    untitled = OWNER_Q[:-1] + " по данным реестра населения на первое января, включая неполные семьи?"
    assert len(untitled) > 90 and not untitled[79].isspace() and not untitled[80].isspace()
    _to_dashboard(_save(client, csrf, untitled))
    _, tiles = _dashboard(client)
    assert len(tiles) == 3, [t.title_text for t in tiles.values()]
    titles = sorted(t.title_text for t in tiles.values())
    assert widest in titles and "outside longest question" in titles
    cut = next(t for t in titles if t not in (widest, "outside longest question"))
    assert cut.startswith(untitled[:80]) and len(cut.rstrip("…").rstrip(".")) <= 80, cut
    assert untitled not in titles


def test_the_thirty_first_saved_question_is_refused(client: TestClient, people: dict[str, tuple[Any, str]]) -> None:
    _as(client, people, "many")
    csrf = _token(client)
    for n in range(30):
        _to_dashboard(_save(client, csrf, OWNER_Q, f"outside many {n}"))
    _refused(_save(client, csrf, OWNER_Q, "outside many 30"), 422)
    _refused(_save(client, csrf, KK_Q, "outside many 31", shared=True), 422)


@pytest.mark.parametrize("who", ["auditor", "admin", "citizen"])
def test_roles_without_questions_have_no_dashboard(client: TestClient, web_country: dict[str, Any],
                                                   saved: dict[str, str], who: str) -> None:
    _as_web(client, web_country, who)
    _refused(client.get("/dashboard", headers=HTML), 403)
    csrf = _csrf(client, "/", "/policy", "/audit", "/tracker", "/findings") or "none-found"
    _refused(_save(client, csrf, OWNER_Q, f"outside {who}"), 403)
    _refused(_act(client, csrf, saved["shared"], "remove"), 403)


def test_a_stranger_is_not_shown_a_dashboard(client: TestClient, saved: dict[str, str]) -> None:
    client.cookies.clear()
    response = client.get("/dashboard", headers=HTML, follow_redirects=False)
    assert response.status_code in (302, 303, 307, 401, 403), response.status_code
    assert not _tiles(response.text)
    if response.status_code in (302, 303, 307):
        assert urlsplit(response.headers["location"]).path == "/login"
    posted = _save(client, "guess", OWNER_Q, "outside anonymous")
    assert posted.status_code in (302, 303, 307, 401, 403)
    if posted.status_code in (302, 303, 307):
        assert urlsplit(posted.headers["location"]).path != "/dashboard"


@pytest.mark.parametrize("who", ["worker", "engineer"])
def test_social_workers_and_data_engineers_have_a_dashboard(client: TestClient,
                                                            people: dict[str, tuple[Any, str]], who: str) -> None:
    _as(client, people, who)
    response, tiles = _dashboard(client)
    assert not tiles
    assert "/dashboard" in _read(response.text).nav_links
    assert "/dashboard" in _read(client.get("/", headers=HTML).text).nav_links


def test_the_analysts_menu_links_to_the_dashboard(client: TestClient, web_country: dict[str, Any]) -> None:
    _as_web(client, web_country, "analyst")
    home = client.get("/", headers=HTML)
    assert home.status_code == 200
    assert "/dashboard" in _read(home.text).nav_links


def test_a_shared_tile_is_asked_again_as_the_colleague(client: TestClient, web_country: dict[str, Any],
                                                       people: dict[str, tuple[Any, str]],
                                                       saved: dict[str, str]) -> None:
    """The colleague's region differs from the owner's: the shared tile shows the colleague's answer (their row
    filter), never the owner's, and the query is in the audit log in the colleague's name, not the owner's."""
    auditor = web_country["users"]["auditor"]
    audit = _api(client, auditor.name, web_country["password"]["auditor"])
    before = client.get("/api/v1/audit/entries", params={"limit": 5}, headers=audit).json()
    mark = max(e["seq"] for e in before)
    owner, owner_password = people["owner"]
    colleague, colleague_password = people["colleague"]
    _as(client, people, "colleague")
    _, tiles = _dashboard(client)
    seen = tiles[saved["shared"]]
    client.cookies.clear()
    entries = client.get("/api/v1/audit/entries", params={"limit": 50}, headers=audit).json()
    after = [e for e in entries if e["seq"] > mark]
    mine = [e for e in after if e["user_name"] == colleague.name and e["action"] == "query"]
    # asked as the colleague: either answered through the gateway in the colleague's name, or (the question names
    # only the owner's region, outside the colleague's row filter) declined for that reason before any data is read
    outside = any(w in seen.text for w in ("вне его", "вне региона", "outside it", "outside the region", "тыс"))
    assert outside or (mine and any("mart.families" in (e["query"] or "") for e in mine)), (after, seen.text)
    assert all(e["organisation"] == ORG and e["role"] == "analyst" for e in mine)
    assert not [e for e in after if e["user_name"] == owner.name], "the tile was not asked in the owner's name"
    owners = _answer(client, owner.name, owner_password, OWNER_Q)
    colleagues = _answer(client, colleague.name, colleague_password, OWNER_Q)
    assert isinstance(owners, int) and owners > 0 and owners != colleagues, (owners, colleagues)
    shown = re.findall(r"\d+", seen.table + " " + " ".join(seen.alts))
    assert str(owners) not in shown, ("the colleague is shown the owner's answer", seen.table, seen.alts)
    if colleagues is not None and seen.table.strip():
        assert str(colleagues) in re.findall(r"\d+", seen.table), (colleagues, seen.table)


def test_a_tiles_export_links_give_the_files(client: TestClient, people: dict[str, tuple[Any, str]],
                                             saved: dict[str, str]) -> None:
    _as(client, people, "owner")
    _, tiles = _dashboard(client)
    tile = tiles[saved["shared"]]
    links = {parse_qs(urlsplit(h).query).get("format", [""])[0]: h for h in tile.links
             if urlsplit(h).path == "/export/ask"}
    csv_file = client.get(links["csv"], headers=HTML)
    assert csv_file.status_code == 200, csv_file.text[:300]
    assert "attachment" in csv_file.headers["content-disposition"]
    lines = csv_file.content.decode("utf-8-sig").splitlines()
    assert len(lines) >= 2, lines
    excel = client.get(links["xlsx"], headers=HTML)
    assert excel.status_code == 200 and "attachment" in excel.headers["content-disposition"]
    assert excel.content[:2] == b"PK"
    again = client.get(next(h for h in tile.links if urlsplit(h).path == "/ask"), headers=HTML)
    assert again.status_code == 200 and OWNER_Q in again.text


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_dashboard_renders_in_each_language(client: TestClient, people: dict[str, tuple[Any, str]],
                                                saved: dict[str, str], lang: str) -> None:
    _as(client, people, "owner")
    response, tiles = _dashboard(client, lang=lang)
    assert f'<html lang="{lang}">' in response.text
    assert saved["shared"] in tiles and saved["private"] in tiles
    assert "/dashboard" in _read(response.text).nav_links


def test_the_owner_unshares_shares_and_removes(client: TestClient, people: dict[str, tuple[Any, str]],
                                               saved: dict[str, str]) -> None:
    cycle = saved["cycle"]
    _as(client, people, "owner")
    csrf = _token(client)
    _to_dashboard(_act(client, csrf, cycle, "unshare"))
    _as(client, people, "colleague")
    assert cycle not in _dashboard(client)[1], "an unshared tile leaves the colleague's dashboard"
    _as(client, people, "owner")
    csrf = _token(client)
    assert cycle in _dashboard(client)[1]
    _to_dashboard(_act(client, csrf, cycle, "share"))
    _as(client, people, "colleague")
    assert cycle in _dashboard(client)[1]
    _as(client, people, "owner")
    csrf = _token(client)
    _to_dashboard(_act(client, csrf, cycle, "remove"))
    response, tiles = _dashboard(client)
    assert cycle not in tiles and TITLES["cycle"] not in response.text
    _refused(_act(client, csrf, cycle, "remove"), 404)
    _as(client, people, "colleague")
    response, tiles = _dashboard(client)
    assert cycle not in tiles and TITLES["cycle"] not in response.text
