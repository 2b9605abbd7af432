"""An installation's home is its owner's alone: the store, the metadata store and the keys are 0600 in a 0700
folder, however they were made, and whatever the process's umask was."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ukimet.core.files import exposed
from ukimet.core.metadata import connect_metadata
from ukimet.core.settings import Settings


def test_a_home_and_everything_in_it_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    old = home / "store.duckdb"
    old.write_text("made by an earlier version")
    old.chmod(0o644)
    previous = os.umask(0o022)
    try:
        config = Settings(home=home)
        connect_metadata(config).dispose()
        from ukimet.gateway.keys import installation_secret

        installation_secret(config, "person")
        import duckdb

        (home / "other.duckdb").unlink(missing_ok=True)
        duckdb.connect(str(home / "other.duckdb")).close()  # a file made later by the same process
    finally:
        os.umask(previous)
    assert exposed(home) == []
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "metadata.sqlite").stat().st_mode) == 0o600
    assert stat.S_IMODE(old.stat().st_mode) == 0o600


def test_the_doctor_names_a_file_open_to_others_and_the_signing_keys_place(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ukimet.cli.main import app

    home = tmp_path / "home"
    connect_metadata(Settings(home=home)).dispose()
    leaked = home / "export.csv"
    leaked.write_text("iin;name\n")
    leaked.chmod(0o644)
    runner = CliRunner()
    env = {"UKIMET_HOME": str(home), "COLUMNS": "400"}
    result = runner.invoke(app, ["doctor"], env=env)
    assert result.exit_code == 1 and "export.csv" in result.output and "fail" in result.output
    leaked.chmod(0o600)
    result = runner.invoke(app, ["doctor"], env=env)
    assert result.exit_code == 0, result.output
    assert "signing" in result.output and "warn" in result.output  # the key beside the log is named


def test_what_a_command_writes_outside_the_home_is_its_owners_alone(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ukimet.cli.main import app

    records = tmp_path / "records.csv"
    records.write_text("id,surname,first_name,birth_date\n1,Ахметов,Ерлан,1980-01-02\n2,Ahmetov,Erlan,1980-01-02\n")
    previous = os.umask(0o022)
    try:
        result = CliRunner().invoke(app, ["link", str(records), "--out", str(tmp_path / "clusters.csv")])
    finally:
        os.umask(previous)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE((tmp_path / "clusters.csv").stat().st_mode) == 0o600
