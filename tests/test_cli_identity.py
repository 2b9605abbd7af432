"""Who the command line trusts, as a specification: a command that reads citizen data or acts as a user runs only
for a caller who proved who they are, with an API token in UKIMET_TOKEN or the password (and second factor) typed
at a terminal. ``--as`` names an account; it never proves it. The operator's verbs say whose trust they run with."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyotp
import pytest
import typer.main
from sqlalchemy import Engine, func, select, update
from typer.testing import CliRunner, Result

from tests.conftest import signed_in_as
from ukimet.cli import identity
from ukimet.cli.identity import OPERATOR_TRUST, TOKEN_VARIABLE
from ukimet.cli.main import app
from ukimet.core.metadata import api_tokens, audit_entries, connect_metadata
from ukimet.core.settings import Settings
from ukimet.gateway import mfa
from ukimet.gateway.rewrite import User
from ukimet.gateway.users import add_user, issue_token, revoke_tokens

runner = CliRunner()
QUERY = "SELECT iin, familiya FROM reg.persons ORDER BY id LIMIT 1"

ACTING_AS_A_USER = [
    ["query", QUERY],
    ["ask", "How many families live in Astana?"],
    ["person", "900101300123", "--purpose", "case 1"],
    ["family", "show", "F1", "--purpose", "case 1"],
    ["family", "regions"],
    ["entitlements", "run", "--purpose", "P-1"],
    ["cases", "list"],
    ["cases", "show", "1", "--purpose", "case 1"],
    ["cases", "consent", "1", "yes"],
    ["cases", "assign", "1", "--to", "someone"],
    ["cases", "close", "1", "--note", "done"],
    ["cases", "outbox"],
    ["findings", "run"],
    ["findings", "list"],
    ["findings", "review", "1", "confirmed", "--note", "seen"],
    ["findings", "months"],
    ["link-review", "--purpose", "weekly review"],
    ["link-decide", "a/b/c/1", "a/b/c/2", "same"],
    ["source-audit"],
    ["tracker"],
    ["policy", "load", "policy.toml"],
    ["purpose", "declare", "--text", "a review"],
    ["purpose", "list"],
    ["alerts", "ack", "1", "--note", "seen"],
    ["audit", "show"],
    ["audit", "prove", "proofs.json"],
]
OPERATOR_VERBS = ["source add", "source list", "source remove", "sync", "link", "mart build", "demo", "serve",
                  "doctor", "user add", "user token", "audit verify", "audit checkpoint"]


@pytest.fixture(scope="module")
def installation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An installation with an administrator and a social worker, and no store yet: a command refused for want of
    a sign-in stops before it opens anything."""
    home = tmp_path_factory.mktemp("identity") / "home"
    engine = connect_metadata(Settings(home=home))
    add_user(engine, User("admin", "admin", "National data operator"), "admin-pass")
    add_user(engine, User("dana", "social_worker", "Ministry of Labour"), "dana-pass")
    return home


@pytest.fixture
def home(installation: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    monkeypatch.setenv("UKIMET_HOME", str(installation))
    monkeypatch.delenv(TOKEN_VARIABLE, raising=False)
    return connect_metadata(Settings())


def _entries(engine: Engine) -> int:
    with engine.connect() as con:
        return int(con.execute(select(func.count()).select_from(audit_entries)).scalar_one())


def _refused_as_not_signed_in(result: Result) -> str:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    assert lines[0].startswith("error: not signed in"), lines[0]
    return lines[0]


@pytest.mark.parametrize("args", ACTING_AS_A_USER, ids=" ".join)
def test_without_a_token_or_a_terminal_every_command_acting_as_a_user_refuses_in_one_line(
        home: Engine, args: list[str]) -> None:
    before = _entries(home)
    line = _refused_as_not_signed_in(runner.invoke(app, [*args, "--as", "admin"]))
    assert TOKEN_VARIABLE in line and "ukimet user token" in line and "terminal" in line
    assert _entries(home) == before


def test_a_password_on_standard_input_is_no_proof(home: Engine) -> None:
    """`ukimet query --as admin` is the attack of the issue: naming an account, even with its password piped in
    where no person types it, signs nobody in."""
    before = _entries(home)
    _refused_as_not_signed_in(runner.invoke(app, ["query", "--as", "admin", QUERY], input="admin-pass\n"))
    _refused_as_not_signed_in(runner.invoke(app, ["query", QUERY]))
    assert _entries(home) == before


def test_a_wrong_token_is_refused(home: Engine) -> None:
    line = _refused_as_not_signed_in(runner.invoke(app, ["query", QUERY],
                                                   env={TOKEN_VARIABLE: "ukt_" + "x" * 43}))
    assert "UKIMET_TOKEN" in line and "not accepted" in line


def test_a_token_does_not_sign_in_another_account_named_by_as(home: Engine) -> None:
    line = _refused_as_not_signed_in(runner.invoke(app, ["query", "--as", "admin", QUERY],
                                                   env=signed_in_as(home, "dana")))
    assert "not signed in as 'admin'" in line and "is not admin's" in line


def test_an_expired_token_is_refused(home: Engine) -> None:
    add_user(home, User("expiring", "social_worker", "Ministry of Labour"))
    token = issue_token(home, "expiring")
    with home.begin() as con:
        con.execute(update(api_tokens).where(api_tokens.c.user_name == "expiring").values(
            expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)))
    line = _refused_as_not_signed_in(runner.invoke(app, ["cases", "list"], env={TOKEN_VARIABLE: token}))
    assert "expired" in line


def test_a_revoked_token_is_refused(home: Engine) -> None:
    add_user(home, User("revoked", "social_worker", "Ministry of Labour"))
    env = signed_in_as(home, "revoked")
    assert revoke_tokens(home, "revoked") == 1
    _refused_as_not_signed_in(runner.invoke(app, ["purpose", "list"], env=env))


def test_a_token_signs_its_account_in_and_as_may_name_it(registry: dict[str, Any],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UKIMET_HOME", str(registry["config"].home))
    engine = connect_metadata(registry["config"])
    add_user(engine, User("token-worker", "social_worker", "Ministry of Labour"))
    env = signed_in_as(engine, "token-worker")
    for args in (["query", "--purpose", "case 5", QUERY], ["query", "--as", "token-worker", "--purpose", "case 5",
                                                          QUERY]):
        result = runner.invoke(app, args, env=env)
        assert result.exit_code == 0 and registry["rows"][0][1] in result.output, result.output
    entries = registry["gateway"].audit.entries(user="token-worker", limit=5)
    assert len(entries) == 2 and {e["role"] for e in entries} == {"social_worker"}


class Terminal:
    """A person at a terminal: answers each prompt from a script, in order, and remembers what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: str) -> None:
        self.answers, self.asked = list(answers), list[str]()
        monkeypatch.setattr(identity, "is_terminal", lambda: True)
        monkeypatch.setattr(identity, "ask_secret", self.ask)

    def ask(self, prompt: str) -> str:
        self.asked.append(prompt)
        return self.answers.pop(0)


def test_at_a_terminal_the_password_is_asked_for_the_account_as_names(registry: dict[str, Any],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UKIMET_HOME", str(registry["config"].home))
    monkeypatch.delenv(TOKEN_VARIABLE, raising=False)
    engine = connect_metadata(registry["config"])
    add_user(engine, User("typing-worker", "social_worker", "Ministry of Labour"), "typed-pass")
    terminal = Terminal(monkeypatch, "typed-pass")
    result = runner.invoke(app, ["query", "--as", "typing-worker", "--purpose", "case 6", QUERY])
    assert result.exit_code == 0, result.output
    assert terminal.asked == ["password for typing-worker: "] and "typed-pass" not in result.output
    Terminal(monkeypatch, "guessed")
    _refused_as_not_signed_in(runner.invoke(app, ["query", "--as", "typing-worker", "--purpose", "case 6", QUERY]))
    Terminal(monkeypatch, "typed-pass")
    _refused_as_not_signed_in(runner.invoke(app, ["query", "--as", "nobody", "--purpose", "case 6", QUERY]))
    # the sign-in, the query, and the wrong guess: a terminal's sign-in is audited (and throttled) like the web's
    actions = sorted(e["action"] for e in registry["gateway"].audit.entries(user="typing-worker", limit=5))
    assert actions == ["query", "signin", "signin_failed"]


def test_an_account_with_a_second_factor_is_asked_for_its_code(home: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    add_user(home, User("erlan", "social_worker", "Ministry of Labour"), "erlan-pass")
    totp = pyotp.parse_uri(mfa.enrol(home, Settings(), "erlan"))
    assert isinstance(totp, pyotp.TOTP)
    terminal = Terminal(monkeypatch, "erlan-pass", totp.now())
    result = runner.invoke(app, ["purpose", "list", "--as", "erlan"])
    assert result.exit_code == 0, result.output
    assert terminal.asked == ["password for erlan: ", "second factor code: "]
    Terminal(monkeypatch, "erlan-pass", "000000" if totp.now() != "000000" else "111111")
    _refused_as_not_signed_in(runner.invoke(app, ["purpose", "list", "--as", "erlan"]))


def test_without_as_or_a_token_nobody_is_asked_for_a_password(home: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal(monkeypatch)
    line = _refused_as_not_signed_in(runner.invoke(app, ["cases", "outbox"]))
    assert "no --as names an account" in line and terminal.asked == []


def test_a_signed_in_account_still_needs_its_roles_leave(home: Engine) -> None:
    """Signing in proves who acts, not that they may: a citizen's own token does not open the SMS outbox."""
    add_user(home, User("aruzhan", "citizen", "-"), iin="900101300123", config=Settings())
    refused = runner.invoke(app, ["cases", "outbox"], env=signed_in_as(home, "aruzhan"))
    assert refused.exit_code == 2 and "does not work cases" in refused.output, refused.output


@pytest.mark.parametrize("verb", OPERATOR_VERBS)
def test_the_operators_verbs_say_whose_trust_they_run_with(verb: str) -> None:
    command: Any = typer.main.get_command(app)
    for word in verb.split():
        command = command.commands[word]
    assert OPERATOR_TRUST in " ".join((command.help or "").split()), command.help


@pytest.mark.parametrize("args", ACTING_AS_A_USER, ids=" ".join)
def test_as_names_an_account_and_never_proves_it(args: list[str]) -> None:
    command: Any = typer.main.get_command(app)
    words = [a for a in args if not a.startswith("-")]
    while words and hasattr(command, "commands") and words[0] in command.commands:
        command = command.commands[words.pop(0)]
    (option,) = [p for p in command.params if "--as" in p.opts]
    assert not option.required and "never proves it" in option.help
