"""The analytics commands end to end on the linked country: mart, family card, entitlements, cases."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import MART_AS_OF
from ukimet.cli.main import app
from ukimet.sync.store import open_store


def test_from_mart_to_an_assigned_case_on_the_command_line(mart: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    home = tmp_path / "home"  # a copy: the commands write users, purposes and cases
    shutil.copytree(mart["country"].config.home, home)
    monkeypatch.setenv("UKIMET_HOME", str(home))
    runner = CliRunner()

    tokens: dict[str, str] = {}

    def run(*args: str, given: str | None = None) -> str:
        named = args[args.index("--as") + 1] if "--as" in args else "worker"
        result = runner.invoke(app, list(args), input=given, env={"UKIMET_TOKEN": tokens.get(named)})
        assert result.exit_code == 0, (args, result.output)
        return result.output

    run("user", "add", "svc", "--role", "case_service", "--org", "Ministry of Labour")
    run("user", "add", "worker", "--role", "social_worker", "--org", "Ministry of Labour")
    run("user", "add", "nurlan", "--role", "analyst", "--org", "Akimat", "--region", "19")
    tokens.update({name: run("user", "token", name).strip() for name in ("svc", "worker", "nurlan")})
    assert "families" in run("mart", "build", "--as-of", MART_AS_OF)
    con = open_store(home / "store.ducklake", read_only=True)
    try:
        (family,) = con.execute("SELECT family_id FROM mart.family_scores ORDER BY score, family_id LIMIT 1"
                                ).fetchall()[0]
    finally:
        con.close()
    shown = run("family", "show", family, "--as", "worker", "--purpose", "case 1", "--lang", "ru")
    assert "audit entry" in shown and "Экономическое" in shown
    assert "chart:" in run("family", "regions", "--as", "nurlan", "--lang", "kk", "--out", str(tmp_path))
    assert (tmp_path / "family_card_kk.png").exists()
    declared = run("purpose", "declare", "--as", "svc", "--text", "proactive benefits", "--legal-basis",
                   "Social Code, Art. 7")
    purpose = declared.split()[0]
    opened = run("entitlements", "run", "--as", "svc", "--purpose", purpose)
    assert "new cases opened" in opened and "targeted_social_assistance" in opened
    listed = run("cases", "list", "--as", "worker", "--status", "notified")
    case = next(line.split()[1] for line in listed.splitlines() if line.strip().startswith("│"))
    assert "SMS" in run("cases", "show", case, "--as", "worker", "--purpose", f"case {case}")
    assert "consented" in run("cases", "consent", case, "yes", "--as", "worker", "--note", "by SMS")
    assert "assigned" in run("cases", "assign", case, "--to", "worker", "--as", "worker")
    assert "queued" in run("cases", "outbox", "--as", "svc")  # under the purpose the cases were opened for
    bad = runner.invoke(app, ["cases", "consent", case, "maybe"], env={"UKIMET_TOKEN": tokens["worker"]})
    assert bad.exit_code != 0
    asked = run("ask", "--as", "nurlan", "Алматы облысында қанша отбасы бар?", "--chart", str(tmp_path))
    assert "mart.families" in asked and "region = '19'" in asked
    declined = runner.invoke(app, ["ask", "--as", "nurlan", "How many unicorns live in Astana?"],
                             env={"UKIMET_TOKEN": tokens["nurlan"]})
    assert declined.exit_code == 3 and "unicorns" in declined.output
    assert "verified" in run("audit", "verify")
