"""The command line: builds with progress and a summary, and fails with one clean line that says the fix."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from typer.testing import CliRunner

from ukimet.cli.main import app

runner = CliRunner()


def test_synth_builds_a_country_and_prints_a_summary(tmp_path: Path) -> None:
    result = runner.invoke(app, ["synth", "--persons", "1500", "--out", str(tmp_path / "kz"), "--seed", "3"])
    assert result.exit_code == 0, result.output
    assert "Synthetic Kazakhstan: 1,500 persons" in result.output
    assert "Planted cases" in result.output
    manifest = json.loads((tmp_path / "kz" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["persons"] == 1500 and manifest["seed"] == 3
    assert (tmp_path / "kz" / "overview.png").read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in (tmp_path / "kz" / "overview.svg").read_bytes()[:500]


def test_synth_rebuilds_its_own_folder_but_never_overwrites_foreign_files(tmp_path: Path) -> None:
    target = tmp_path / "kz"
    assert runner.invoke(app, ["synth", "-n", "300", "--out", str(target)]).exit_code == 0
    assert runner.invoke(app, ["synth", "-n", "300", "--out", str(target)]).exit_code == 0
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "thesis.docx").write_text("precious", encoding="utf-8")
    result = runner.invoke(app, ["synth", "-n", "300", "--out", str(foreign)])
    assert result.exit_code == 2
    assert "holds no synthetic country" in result.output and "fix:" in result.output
    assert "Traceback" not in result.output
    assert (foreign / "thesis.docx").read_text(encoding="utf-8") == "precious"


def test_bad_options_are_named_with_their_fix(tmp_path: Path) -> None:
    result = runner.invoke(app, ["synth", "-n", "0", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2 and "--persons" in result.output
    result = runner.invoke(app, ["synth", "-n", "10", "--out", str(tmp_path / "y"), "--as-of", "01.01.2026"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    result = runner.invoke(app, ["synth", "-n", "10", "--out", str(tmp_path / "z"), "--faults", "nope.toml"])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_an_unreachable_database_is_named_without_its_password(tmp_path: Path) -> None:
    url = "postgresql://analyst:s3cret@127.0.0.1:1/nowhere"
    result = runner.invoke(app, ["synth", "-n", "10", "--out", str(tmp_path / "p"), "--postgres", url])
    assert result.exit_code == 2
    assert "cannot connect" in result.output
    assert "s3cret" not in result.output
    assert not (tmp_path / "p" / "manifest.json").exists()


def test_demo_builds_the_country_syncs_every_source_and_links_twice_over(tmp_path: Path) -> None:
    target = tmp_path / "demo"
    first = runner.invoke(app, ["demo", "--out", str(target), "--persons", "800", "--no-serve"])
    assert first.exit_code == 0, first.output
    assert "15 of 15 sources synced" in first.output and "(15 new)" in first.output
    assert "persons," in first.output and "families" in first.output and "companies" in first.output
    assert (target / "linkage.png").stat().st_size > 10_000 and (target / "linkage.svg").exists()
    again = runner.invoke(app, ["demo", "--out", str(target), "--persons", "800", "--no-serve"])
    assert again.exit_code == 0, again.output
    assert "(0 new)" in again.output and "0/0/0" in again.output
    credentials = target / ".ukimet" / "demo"
    passwords = dict(line.split() for line in (credentials / "passwords").read_text().splitlines())
    tokens = sorted((credentials / "tokens").iterdir())
    assert {t.name for t in tokens} == set(passwords) >= {"social-worker", "auditor", "analyst-79"}
    assert {stat.S_IMODE(p.stat().st_mode) for p in [credentials / "passwords", *tokens]} == {0o600}
    assert stat.S_IMODE(credentials.stat().st_mode) == 0o700
    assert not any(p in again.output for p in passwords.values()), "a password was printed"
    assert not any(t.read_text().strip() in again.output for t in tokens), "a token was printed"
    assert f"export UKIMET_TOKEN=$(cat {credentials / 'tokens' / 'social-worker'})" in again.output
    env = {"UKIMET_HOME": str(target / ".ukimet"), "UKIMET_TOKEN": (credentials / "tokens" / "auditor").read_text()}
    assert runner.invoke(app, ["cases", "list"], env=env).exit_code == 0
    assert runner.invoke(app, ["cases", "list", "--as", "auditor"], env=env).exit_code == 0
    assert runner.invoke(app, ["cases", "list", "--as", "admin"], env=env).exit_code == 1
