"""The command line starts fast: ``ukimet --help``, every command's ``--help`` and the start of any command import
no engine, data or web library. Each command imports what it uses when it runs (issue 14, point 5). Checked as
the modules a fresh interpreter has loaded, which is deterministic where a timing is not
(bench/bench_startup.py measures the time)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import ukimet

HEAVY = ("duckdb", "pyarrow", "sqlalchemy", "fastapi", "starlette", "uvicorn", "matplotlib", "opendp", "sqlglot",
         "numpy", "pandas", "pyspark", "cryptography", "argon2", "pydantic_settings", "openpyxl", "psycopg",
         "pymysql")
"""what a command may import when it runs, never at start (pydantic itself is typer's: not ours to spare)"""

EVERY_HELP = """
import json, sys
import click, typer.main
from ukimet.cli.main import app

def helps(command, path):
    yield [*path, "--help"]
    for name, sub in getattr(command, "commands", {}).items():
        yield from helps(sub, [*path, name])

asked = 0
for args in helps(typer.main.get_command(app), []):
    try:
        app(args, prog_name="ukimet")
    except SystemExit as exit:
        assert exit.code in (0, None), (args, exit.code)
    asked += 1
heavy = set(sys.argv[1:])
print(json.dumps({"asked": asked, "loaded": sorted(m for m in sys.modules if m.split(".")[0] in heavy)}))
"""


def _run(code: str) -> dict[str, object]:
    source = str(Path(ukimet.__file__).parents[1])  # this checkout's package, whatever is installed
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", code, *HEAVY], capture_output=True, text=True, env=env, check=True,
                          timeout=120)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_importing_the_command_line_loads_no_heavy_module() -> None:
    loaded = _run("import json, sys\nimport ukimet.cli.main\n"
                  "print(json.dumps({'loaded': sorted(m for m in sys.modules if m.split('.')[0] in sys.argv[1:])}))")
    assert loaded["loaded"] == []


def test_every_help_text_is_printed_without_a_heavy_module() -> None:
    result = _run(EVERY_HELP)
    assert isinstance(result["asked"], int) and result["asked"] > 40  # every command and group, not just the top
    assert result["loaded"] == [], "import these inside the command that uses them"
