"""Docs that cannot drift: every option of the commands and every fault kind is in the README."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from ukimet.cli.main import app
from ukimet.synth import FAULT_NAMES
from ukimet.synth.agencies import AGENCIES

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_synth_option_is_documented() -> None:
    command = typer.main.get_command(app).commands["synth"]  # type: ignore[attr-defined]
    options = {opt for param in command.params for opt in param.opts if opt.startswith("--")}
    missing = {opt for opt in options if f"`{opt}`" not in README}
    assert not missing, f"document these options of `ukimet synth` in README.md: {sorted(missing)}"


def test_every_fault_kind_is_documented() -> None:
    missing = [fault for fault in FAULT_NAMES if not re.search(rf"^\| `{fault}` \|", README, re.MULTILINE)]
    assert not missing, f"document these faults in README.md: {missing}"


def test_every_source_is_documented() -> None:
    missing = [s.code for s, _ in AGENCIES if f"| `{s.code}` |" not in README]
    assert not missing, f"document these sources in README.md: {missing}"


def test_every_command_is_documented() -> None:
    group = typer.main.get_command(app)
    names = set(group.commands)  # type: ignore[attr-defined]
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        names |= {f"{name} {n}" for n in getattr(command, "commands", {})}
    missing = sorted(n for n in names if f"ukimet {n}" not in README)
    assert not missing, f"document these commands in README.md: {missing}"


def test_every_setting_is_documented() -> None:
    from ukimet.core.settings import Settings

    missing = [name for name in Settings.model_fields if f"`{name}`" not in README]
    assert not missing, f"document these settings in README.md: {missing}"
