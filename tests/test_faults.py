"""Faults appear at the rates they are configured with: measured on the data itself, not only on the log."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tests.conftest import read_table, truth
from ukimet.core.errors import ConfigError
from ukimet.core.ids import has_valid_check_digit
from ukimet.core.scripts import has_kazakh_letters
from ukimet.synth import Manifest, SynthConfig, build_country, load_fault_file
from ukimet.synth.config import FaultRates

PERSONS = 6_000
RATES = {"missing_iin": 0.08, "mistyped_iin": 0.06, "upper_case": 0.15, "russian_letters": 0.3, "typo": 0.1,
         "duplicate": 0.05, "stale_address": 0.2}


def _within(observed: int, trials: int, rate: float) -> bool:
    """Observed count within four standard deviations of the binomial expectation."""
    sd = math.sqrt(trials * rate * (1 - rate))
    return abs(observed - trials * rate) <= 4 * sd + 1


@pytest.fixture(scope="module")
def faulted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("faulted")
    fault_file = out.parent / "faults.toml"
    fault_file.write_text("[gbdfl]\n" + "".join(f"{k} = {v}\n" for k, v in RATES.items()), encoding="utf-8")
    build_country(SynthConfig(persons=PERSONS, seed=11, fault_overrides=load_fault_file(fault_file)), out)
    return out


def test_iin_faults_match_their_rates_in_the_data(faulted: Path) -> None:
    rows = read_table(faulted / "agencies" / "gbdfl.sqlite", "fl_persons")
    missing = sum(1 for r in rows if r["iin"] is None)
    assert _within(missing, len(rows), RATES["missing_iin"])
    # a mistyped IIN fails its check digit ten times in eleven
    failing = sum(1 for r in rows if r["iin"] is not None and not has_valid_check_digit(r["iin"]))
    assert _within(failing, len(rows), RATES["mistyped_iin"] * 10 / 11)


def test_upper_case_and_duplicates_match_their_rates_in_the_data(faulted: Path) -> None:
    rows = read_table(faulted / "agencies" / "gbdfl.sqlite", "fl_persons")
    upper = sum(1 for r in rows if r["imya"].isupper())
    assert _within(upper, len(rows), RATES["upper_case"])
    # the registry holds each person once, plus a second entry at the duplicate rate
    assert _within(len(rows) - PERSONS, PERSONS, RATES["duplicate"])


def test_russian_letters_replace_kazakh_ones_at_their_rate_among_names_that_have_them(faulted: Path) -> None:
    persons = {p["person_id"]: p for p in truth(faulted, "persons")}
    subject = {int(r["record_key"]): r["person_id"] for r in truth(faulted, "records")
               if r["source"] == "gbdfl" and r["table"] == "fl_persons"}
    rows = read_table(faulted / "agencies" / "gbdfl.sqlite", "fl_persons")
    eligible = lost = 0
    for r in rows:
        p = persons[subject[r["id_fl"]]]
        if has_kazakh_letters(f"{p['surname']} {p['first_name']} {p['patronymic'] or ''}"):
            eligible += 1
            lost += not has_kazakh_letters(f"{r['familiya']} {r['imya']} {r['otchestvo'] or ''}")
    assert eligible > 1000
    assert _within(lost, eligible, RATES["russian_letters"])


def test_every_configured_fault_is_logged_at_its_rate(faulted: Path) -> None:
    log = [f for f in truth(faulted, "faults") if f["source"] == "gbdfl" and f["table"] == "fl_persons"]
    rows = len(read_table(faulted / "agencies" / "gbdfl.sqlite", "fl_persons"))
    for fault in ("missing_iin", "upper_case", "typo"):
        assert _within(sum(1 for f in log if f["fault"] == fault), rows, RATES[fault]), fault


def test_stale_addresses_are_the_households_previous_ones(faulted: Path) -> None:
    log = [f for f in truth(faulted, "faults") if f["source"] == "gbdfl" and f["table"] == "fl_addresses"]
    rows = len(read_table(faulted / "agencies" / "gbdfl.sqlite", "fl_addresses"))
    assert _within(sum(1 for f in log if f["fault"] == "stale_address"), rows, RATES["stale_address"])


def test_clean_data_when_faults_are_scaled_to_zero(tmp_path: Path) -> None:
    manifest = build_country(SynthConfig(persons=800, seed=2, fault_scale=0.0), tmp_path)
    assert all(s.faulted_records == 0 and not s.faults for s in manifest.sources)


def test_unknown_fault_names_and_impossible_rates_are_refused_with_the_fix(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[gbdfl]\ntypos = 0.1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown fault .typos.*typo"):
        build_country(SynthConfig(persons=100, fault_overrides=load_fault_file(bad)), tmp_path / "c")
    with pytest.raises(ConfigError, match="between 0 and 1"):
        FaultRates().merged({"typo": 2}, "gbdfl")
    scripts = tmp_path / "scripts.toml"
    scripts.write_text("[default]\nrussian_letters = 0.7\nlatin_2021 = 0.6\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="add up to"):
        build_country(SynthConfig(persons=100, fault_overrides=load_fault_file(scripts)), tmp_path / "d")


def test_every_source_gets_each_fault_at_its_configured_rate(country: tuple[Path, Manifest]) -> None:
    _, manifest = country
    checked = 0
    for source in manifest.sources:
        for fault, observed in source.observed_rates().items():
            trials = source.opportunities[fault]
            rate = source.rates.get(fault, 0.0)
            assert _within(source.faults.get(fault, 0), trials, rate), (source.code, fault, observed, rate)
            checked += rate > 0 and trials > 0
    assert checked > 60
