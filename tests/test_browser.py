"""The workplaces in a real browser (Debian's headless Chromium driven by Selenium), against the app served by
uvicorn on 127.0.0.1: an analyst signs in and asks a question in Kazakh; opens a person, is asked for the purpose,
declares it and sees what policy then allows (masked); an auditor finds that access in the audit viewer and
verifies the log; the citizen signs in and sees it in the tracker. Screenshots are kept in test-artifacts/."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
ARTIFACTS = Path(__file__).parent.parent / "test-artifacts" / "browser"
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="no chromium and chromedriver here "
                                "(apt-get install chromium chromium-driver; .ci/run installs them)")


@pytest.fixture(scope="module")
def server(web_country: dict[str, Any]) -> Iterator[str]:
    import uvicorn

    from ukimet.api.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(web_country["config"])
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(100):
        if running.started:
            break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)
    app.state.gateway.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                 "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--dns-prefetch-disable"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    driver.set_page_load_timeout(30)
    driver.implicitly_wait(10)  # elements of the next page are waited for, not raced
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def _sign_in(browser: Any, server: str, name: str, password: str) -> None:
    from selenium.webdriver.common.by import By

    browser.delete_all_cookies()
    browser.get(f"{server}/login?lang=kk")
    browser.find_element(By.ID, "name").send_keys(name)
    browser.find_element(By.ID, "password").send_keys(password)
    _submit(browser, "sign-in")


def _submit(browser: Any, button: str) -> None:
    """Click and wait until the next page has replaced this one."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.expected_conditions import staleness_of
    from selenium.webdriver.support.ui import WebDriverWait

    element = browser.find_element(By.ID, button)
    element.click()

    def replaced(driver: Any) -> bool:
        try:
            gone = bool(staleness_of(element)(driver))
        except WebDriverException:  # chromedriver may say "node does not belong to the document" instead
            gone = True
        return gone and driver.execute_script("return document.readyState") == "complete"

    WebDriverWait(browser, 15).until(replaced)


def _shot(browser: Any, name: str) -> None:
    browser.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def test_from_a_kazakh_question_to_the_citizens_tracker(browser: Any, server: str,
                                                        web_country: dict[str, Any]) -> None:
    from selenium.webdriver.common.by import By

    users, passwords, iin = web_country["users"], web_country["password"], web_country["iin"]
    _sign_in(browser, server, users["analyst"].name, passwords["analyst"])
    assert "Қош келдіңіз" in browser.page_source  # the start page, in Kazakh
    _shot(browser, "1-analyst-home")

    browser.get(f"{server}/ask")
    box = browser.find_element(By.ID, "q")
    box.send_keys("Шымкентте қанша отбасы бар?")
    _submit(browser, "ask")
    answer = browser.find_element(By.ID, "answer")
    assert answer.find_elements(By.TAG_NAME, "td"), "no answer"
    assert "mart.families" in browser.find_element(By.ID, "sql").get_attribute("textContent")
    _shot(browser, "2-question-in-kazakh")

    browser.get(f"{server}/person?iin={iin}")
    assert browser.find_element(By.ID, "need-purpose").is_displayed()  # asked for the purpose first
    _shot(browser, "3-purpose-prompt")
    browser.find_element(By.ID, "purpose").send_keys("Regional study 2026/7")
    _submit(browser, "open")
    golden = browser.find_element(By.ID, "golden").text
    assert iin not in golden and "***" in golden  # the analyst sees a pseudonym and partial names
    assert iin not in browser.page_source.replace(f"iin={iin}", "").replace(f'value="{iin}"', "")
    _shot(browser, "4-person-masked")

    _sign_in(browser, server, users["auditor"].name, passwords["auditor"])
    browser.get(f"{server}/audit?verify=1&lang=en")
    assert "Verified" in browser.find_element(By.ID, "verdict").text
    rows = browser.find_element(By.ID, "entries").text
    assert "Regional study 2026/7" in rows and users["analyst"].name in rows
    _shot(browser, "5-audit-viewer")

    _sign_in(browser, server, users["citizen"].name, passwords["citizen"])
    browser.get(f"{server}/tracker?lang=ru")
    tracked = browser.find_element(By.ID, "accesses").text
    assert "Akimat of Shymkent" in tracked and "Regional study 2026/7" in tracked and "✓" in tracked
    _shot(browser, "6-citizen-tracker")


def test_a_wrong_password_is_refused_in_the_users_language(browser: Any, server: str,
                                                          web_country: dict[str, Any]) -> None:
    from selenium.webdriver.common.by import By

    _sign_in(browser, server, web_country["users"]["worker"].name, "not-the-password")
    assert "Аты немесе құпиясөз қате" in browser.find_element(By.ID, "failed").text
    _shot(browser, "7-wrong-password")


def test_the_api_reference_works_offline_under_the_content_security_policy(browser: Any, server: str) -> None:
    """Swagger UI comes from the app itself (no CDN: the machine has no internet and the policy allows none) and
    lists the API's operations."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{server}/api/v1/docs")
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".opblock-summary-path"))
    paths = {e.text.replace("\u200b", "") for e in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
    assert "/api/v1/query" in paths and "ukimet" in browser.find_element(By.CSS_SELECTOR, ".info .title").text
    scripts = browser.execute_script("return [...document.scripts].map(s => s.src)")
    assert scripts and all(src.startswith(server) for src in scripts)
    _shot(browser, "8-api-reference")


def test_an_analyst_saves_a_question_to_the_dashboard_and_a_colleague_finds_it_there(
        browser: Any, server: str, web_country: dict[str, Any]) -> None:
    """The analyst's day: a question asked in Kazakh is saved to the dashboard, shared with the organisation, and
    taken away as a file from its tile; a colleague of the same akimat opens the dashboard in Russian and finds it
    there, asked again in the colleague's name."""
    from selenium.webdriver.common.by import By

    from ukimet.core.metadata import connect_metadata
    from ukimet.gateway.rewrite import User
    from ukimet.gateway.users import add_user

    users, passwords = web_country["users"], web_country["password"]
    colleague = User("browser-colleague", "analyst", users["analyst"].organisation, dict(users["analyst"].attributes))
    add_user(connect_metadata(web_country["config"]), colleague, "browser-colleague-pass",
             config=web_country["config"])

    _sign_in(browser, server, users["analyst"].name, passwords["analyst"])
    browser.get(f"{server}/ask?lang=kk")
    browser.find_element(By.ID, "q").send_keys("Шымкентте қанша отбасы бар?")
    _submit(browser, "ask")
    browser.find_element(By.ID, "title").send_keys("Шымкент отбасылары")
    browser.find_element(By.ID, "shared").click()
    _submit(browser, "save-button")
    assert browser.current_url.endswith("/dashboard")
    tile = browser.find_element(By.CSS_SELECTOR, ".tile")
    assert tile.find_element(By.CLASS_NAME, "tile-title").text == "Шымкент отбасылары"
    assert "Ұйымыңызбен бөлісілген" in tile.text  # shared, said in Kazakh
    assert tile.find_element(By.CLASS_NAME, "figure").text.isdigit()  # one number, shown as a figure
    link = tile.find_element(By.PARTIAL_LINK_TEXT, "CSV").get_attribute("href")
    fetched = browser.execute_async_script(
        "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text().then(t => "
        "done([r.status, r.headers.get('content-disposition'), t])));", link)
    assert fetched[0] == 200 and "attachment" in fetched[1] and len(fetched[2].splitlines()) >= 2
    _shot(browser, "8-analyst-dashboard")

    _sign_in(browser, server, colleague.name, "browser-colleague-pass")
    browser.get(f"{server}/dashboard?lang=ru")
    shared = browser.find_element(By.CSS_SELECTOR, ".tile.shared")
    assert "Шымкент отбасылары" in shared.text and f"Поделился(-ась) {users['analyst'].name}" in shared.text
    assert not shared.find_elements(By.CSS_SELECTOR, "button[value=remove]")  # only its owner may remove it
    assert shared.find_element(By.CLASS_NAME, "figure").text.isdigit()
    _shot(browser, "9-colleague-dashboard")


def test_a_social_worker_works_ten_cases_from_the_queue_to_closure(browser: Any, server: str,
                                                                   web_country: dict[str, Any]) -> None:
    """The social worker's day in Kazakh: ten citizens' answers recorded case by case (each confirmed), the ten
    taken at once by ticking "select all" on the consented queue, then closed at once with the decision; the
    queue's columns sort on a click."""
    import datetime as dt

    from selenium.webdriver.common.by import By

    from tests.conftest import MART_AS_OF, read_store
    from ukimet.apps import cases
    from ukimet.gateway import purposes
    from ukimet.gateway.api import Gateway
    from ukimet.gateway.rewrite import User
    from ukimet.gateway.users import add_user
    from ukimet.model.entitlements import evaluate

    config = web_country["config"]
    con = read_store(config.resolved_store_path())
    try:
        findings = evaluate(con, as_of=dt.date.fromisoformat(MART_AS_OF))
    finally:
        con.close()
    gateway = Gateway(config)
    service = User("browser-proactive", "case_service", "Ministry of Labour")
    add_user(gateway.metadata, service)
    basis = purposes.declare(gateway.audit, service, "proactive benefits", legal_basis="Social Code, Art. 7", days=1)
    opened = cases.open_cases(gateway, service, findings, purpose=f"P-{basis.id}")
    gateway.close()
    assert len(opened) >= 10
    worker = web_country["users"]["worker"]
    _sign_in(browser, server, worker.name, web_country["password"]["worker"])
    for case_id in opened[:10]:
        browser.get(f"{server}/cases/{case_id}?lang=kk")
        browser.find_element(By.ID, "note").send_keys("телефон арқылы")
        browser.find_element(By.ID, "confirm").click()
        _submit(browser, "consent")
    browser.get(f"{server}/cases?status=consented")
    browser.find_element(By.ID, "select-all").click()
    ticked = [b.get_attribute("value") for b in browser.find_elements(By.CSS_SELECTOR, "input[name=case]")
              if b.is_selected()]
    assert sorted(map(int, ticked)) == sorted(opened[:10])
    _shot(browser, "10-worker-takes-ten")
    _submit(browser, "bulk-assign")
    assert "10" in browser.find_element(By.ID, "bulk-result").text
    browser.get(f"{server}/cases?status=assigned")
    browser.find_element(By.ID, "select-all").click()
    browser.find_element(By.ID, "bulk-note").send_keys("№ 17 бұйрық")
    _submit(browser, "bulk-close")
    assert "10" in browser.find_element(By.ID, "bulk-result").text
    browser.get(f"{server}/cases?status=closed")
    numbers = [int(a.text) for a in browser.find_elements(By.CSS_SELECTOR, "#cases tbody td a")]
    assert sorted(numbers) == sorted(opened[:10])
    header = browser.find_elements(By.CSS_SELECTOR, "#cases thead th button.sort")[0]  # the case number
    header.click()
    header.click()
    shown = [int(a.text) for a in browser.find_elements(By.CSS_SELECTOR, "#cases tbody td a")]
    assert shown == sorted(opened[:10], reverse=True)
    assert browser.find_elements(By.CSS_SELECTOR, "#cases thead th")[1].get_attribute("aria-sort") == "descending"
    _shot(browser, "11-worker-closed-ten")


def test_a_family_card_prints_without_the_menus_and_names_who_printed_it(browser: Any, server: str,
                                                                         web_country: dict[str, Any]) -> None:
    """The card's print view: labelled members in the reader's language, the menus and forms gone, and a line
    that says who printed it, under which purpose and audit entry (a printout is traceable to its access)."""
    from selenium.webdriver.common.by import By

    from tests.conftest import read_store

    con = read_store(web_country["config"].resolved_store_path())
    try:
        family = con.execute("SELECT family_id FROM mart.families ORDER BY family_id LIMIT 1").fetchone()[0]
    finally:
        con.close()
    worker = web_country["users"]["worker"]
    _sign_in(browser, server, worker.name, web_country["password"]["worker"])
    browser.get(f"{server}/family/{family}?lang=ru")
    browser.find_element(By.ID, "purpose").send_keys("Проверка условий семьи")
    _submit(browser, "open")
    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#members thead th")]
    assert "роль в семье" in headers and "family_role" not in headers
    assert browser.find_element(By.ID, "print").is_displayed()
    assert not browser.find_element(By.ID, "printed").is_displayed()
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.TAG_NAME, "nav").is_displayed()
        assert not browser.find_element(By.ID, "print").is_displayed()
        printed = browser.find_element(By.ID, "printed")
        assert printed.is_displayed() and worker.name in printed.text and "Проверка условий семьи" in printed.text
        _shot(browser, "12-family-card-print")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


CONTRAST_SCRIPT = (Path(__file__).parent / "data" / "wcag_check.js").read_text(encoding="utf-8")
"""Text contrast and field labels, measured in the page (returns [low contrast, unlabelled fields])."""


def test_every_page_has_readable_contrast_and_every_field_a_label(browser: Any, server: str,
                                                                   web_country: dict[str, Any]) -> None:
    """WCAG 2.1 AA, measured in the browser: every visible text's contrast with what is behind it is at least
    4.5:1 (3:1 for large text), and every field has a label a screen reader can say."""
    users, passwords = web_country["users"], web_country["password"]
    pages = {"analyst": ["/", "/ask?q=Сколько+человек+проживает+по+регионам%3F", "/dashboard", "/families", "/sql"],
             "worker": ["/cases", "/person", "/password"], "auditor": ["/audit?verify=1", "/findings", "/sources"],
             "admin": ["/policy", "/users"], "citizen": ["/tracker"]}
    problems: dict[str, Any] = {}
    browser.get(f"{server}/login?lang=ru")
    low, unlabelled = browser.execute_script(CONTRAST_SCRIPT)
    if low or unlabelled:
        problems["/login"] = (low, unlabelled)
    for who, listed in pages.items():
        _sign_in(browser, server, users[who].name, passwords[who])
        for page in listed:
            browser.get(f"{server}{page}")
            low, unlabelled = browser.execute_script(CONTRAST_SCRIPT)
            if low or unlabelled:
                problems[f"{who} {page}"] = (low[:5], unlabelled[:5])
    assert not problems, problems


def test_a_data_engineer_checks_the_sources_and_an_administrator_resets_their_password_in_english(
        browser: Any, server: str, web_country: dict[str, Any]) -> None:
    """The data engineer's morning (every connected system, named in English, with its quality and last sync)
    and the administrator's reset: the temporary password is shown once, and the engineer must choose their own
    before anything else opens."""
    from selenium.webdriver.common.by import By

    from ukimet.core.metadata import connect_metadata
    from ukimet.gateway.rewrite import User
    from ukimet.gateway.users import add_user

    engineer = User("web-engineer", "data_engineer", "National data operator")
    add_user(connect_metadata(web_country["config"]), engineer, "web-engineer-pass", config=web_country["config"])
    _sign_in(browser, server, engineer.name, "web-engineer-pass")
    browser.get(f"{server}/sources?lang=en")
    systems = browser.find_element(By.ID, "sources").text
    assert "Population registry" in systems and "%" in systems  # each system by its English name, shares in %
    assert "succeeded" in systems or "done" in systems, systems[:400]
    _shot(browser, "13-engineer-sources")

    admin = web_country["users"]["admin"]
    _sign_in(browser, server, admin.name, web_country["password"]["admin"])
    browser.get(f"{server}/users?lang=en")
    reset = browser.find_element(By.CSS_SELECTOR, f'button[aria-label="Reset the password of {engineer.name}"]')
    reset.click()
    temporary = browser.find_element(By.ID, "temporary-password").text
    assert len(temporary) >= 12 and temporary not in browser.current_url
    _shot(browser, "14-admin-reset")

    _sign_in(browser, server, engineer.name, temporary)
    assert browser.find_element(By.ID, "reset").is_displayed()  # sent to choose a password first
    browser.get(f"{server}/sources?lang=en")  # nothing else opens before it
    assert not browser.find_elements(By.ID, "sources")
    browser.get(f"{server}/password?lang=en")
    browser.find_element(By.ID, "current").send_keys(temporary)
    browser.find_element(By.ID, "new").send_keys("engineer-own-2026")
    browser.find_element(By.ID, "repeat").send_keys("engineer-own-2026")
    _submit(browser, "change-button")
    _sign_in(browser, server, engineer.name, "engineer-own-2026")
    browser.get(f"{server}/sources?lang=en")
    assert browser.find_elements(By.ID, "sources")


def test_an_auditor_finds_every_access_to_one_citizen_in_russian(browser: Any, server: str,
                                                                  web_country: dict[str, Any]) -> None:
    """Three views of one citizen by an analyst; the auditor types the citizen's IIN into the audit viewer's
    search, in Russian, and every one of them is listed, with who looked and why."""
    from selenium.webdriver.common.by import By

    users, passwords, iin = web_country["users"], web_country["password"], web_country["iin"]
    analyst = users["analyst"]
    _sign_in(browser, server, analyst.name, passwords["analyst"])
    for n in range(3):
        browser.get(f"{server}/person?iin={iin}&purpose=Проверка+обращения+{n}")
        assert browser.find_elements(By.ID, "golden")
    _sign_in(browser, server, users["auditor"].name, passwords["auditor"])
    browser.get(f"{server}/audit?lang=ru")
    browser.find_element(By.ID, "iin").send_keys(iin)
    _submit(browser, "find")
    listed = browser.find_element(By.ID, "entries").text
    assert all(f"Проверка обращения {n}" in listed for n in range(3)), listed[:500]
    assert analyst.name in listed and iin not in listed  # the log names the citizen by a keyed hash only
    _shot(browser, "15-auditor-finds-a-citizen")
