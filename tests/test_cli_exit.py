"""How the ``ukimet`` process ends: with its command's status and every word it printed, after what Python
registered for the end (atexit) has run, and never by a native library's teardown (``cli.main.run``)."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path


def _run(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, "UKIMET_HOME": str(home), "COLUMNS": "200"})


def test_the_installed_command_is_the_entry_that_ends_the_process_itself() -> None:
    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "ukimet"]
    assert script.value == "ukimet.cli.main:run"


def test_a_command_that_succeeds_ends_with_status_0_its_output_whole_and_atexit_run(tmp_path: Path) -> None:
    ran = tmp_path / "atexit-ran"
    done = _run("import atexit, pathlib, sys\n"
                f"atexit.register(pathlib.Path({str(ran)!r}).write_text, 'yes')\n"
                "sys.argv = ['ukimet', '--version']\n"
                "from ukimet.cli.main import run\n"
                "print('x' * 70000, end='', flush=False)\n"  # more than a pipe's buffer, still unflushed
                "run()\n", tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("x" * 70000) and "ukimet " in done.stdout[70000:]
    assert ran.read_text() == "yes"


def test_a_command_that_fails_on_purpose_keeps_its_status_and_its_one_line(tmp_path: Path) -> None:
    done = _run("import sys\nsys.argv = ['ukimet', 'source', 'add', 'people', '--kind', 'csv']\n"
                "from ukimet.cli.main import run\nrun()\n", tmp_path / "home")
    assert done.returncode == 2, done.stderr
    assert "error:" in done.stderr and "fix:" in done.stderr and "Traceback" not in done.stderr


def test_a_command_line_mistake_keeps_clicks_status_2_and_usage(tmp_path: Path) -> None:
    done = _run("import sys\nsys.argv = ['ukimet', 'no-such-command']\n"
                "from ukimet.cli.main import run\nrun()\n", tmp_path / "home")
    assert done.returncode == 2 and "No such command" in done.stderr


def test_a_file_read_with_arrow_then_the_command_ends_cleanly_every_time(tmp_path: Path) -> None:
    """The case that aborted once in CI: a CSV source added (read by Arrow's threads), then the process's end."""
    source = tmp_path / "people.csv"
    source.write_text("id,name\n1,Айгүл\n2,Болат\n", encoding="utf-8")
    for attempt in range(5):
        done = _run(f"import sys\nsys.argv = ['ukimet', 'source', 'add', 'p{attempt}', '--kind', 'csv', "
                    f"'--path', {str(source)!r}]\nfrom ukimet.cli.main import run\nrun()\n", tmp_path / "home")
        assert done.returncode == 0 and "added: 1 tables, 2 rows" in done.stdout, done.stdout + done.stderr
