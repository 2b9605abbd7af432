"""Questions written apart from the parser, corpus by corpus, as a specification: every real-world, Kazakh and
intent corpus (``tests/data/questions_*.toml``; each described where its path is named, in
``test_apps_questions``) is answered right or declined, never wrong, in its tuning part and in its held part alike.
A file of its own so that the suite's two workers share the corpora and the parser's other specifications."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests import test_apps_questions as questions
from ukimet.gateway.api import Gateway

gateway = questions.gateway
"""The questions' fixture: a role that may read as much as the corpora ask."""
CORPORA = {"tuned": questions.REALWORLD_CORPUS, "tuned2": questions.REALWORLD2_CORPUS,
           "tuned3": questions.REALWORLD3_CORPUS, "tuned4": questions.REALWORLD4_CORPUS,
           "held": questions.REALWORLD5_CORPUS, "tuned6": questions.REALWORLD6_CORPUS,
           "tuned7": questions.REALWORLD7_CORPUS, "tuned8": questions.REALWORLD8_CORPUS,
           "tuned9": questions.REALWORLD9_CORPUS, "held10": questions.REALWORLD10_CORPUS,
           "held11": questions.REALWORLD11_CORPUS, "tuned12": questions.REALWORLD12_CORPUS,
           "held14": questions.REALWORLD14_CORPUS, "held15": questions.REALWORLD15_CORPUS,
           "held16": questions.REALWORLD16_CORPUS, "tuned17": questions.REALWORLD17_CORPUS,
           "tuned18": questions.REALWORLD18_CORPUS, "tuned19": questions.REALWORLD19_CORPUS,
           "tuned20": questions.REALWORLD20_CORPUS, "tuned21": questions.REALWORLD21_CORPUS,
           "tuned22": questions.REALWORLD22_CORPUS, "tuned23": questions.REALWORLD23_CORPUS,
           "tuned24": questions.REALWORLD24_CORPUS, "tuned25": questions.REALWORLD25_CORPUS,
           "tuned26": questions.REALWORLD26_CORPUS,
           "tuned27": questions.REALWORLD27_CORPUS, "tuned28": questions.REALWORLD28_CORPUS,
           "tuned29": questions.REALWORLD29_CORPUS, "tuned30": questions.REALWORLD30_CORPUS,
           "held31": questions.REALWORLD31_CORPUS,
           "tuned13": questions.REALWORLD13_CORPUS, "tuned_kk10": questions.KAZAKH10_CORPUS,
           "tuned_kk11": questions.KAZAKH11_CORPUS, **{c.stem: c for c in questions.INTENT_CORPORA}}


SECOND = {name: corpus for name, corpus in CORPORA.items() if name.startswith("questions_intents") or name in (
    "tuned17", "tuned18", "tuned19", "tuned20", "tuned21", "tuned22", "tuned23", "tuned24", "tuned25", "tuned26",
    "tuned27", "tuned28", "tuned29", "tuned30", "held31")}
"""The corpora ``test_apps_question_corpora_second`` checks: a file of their own, so that the suite's two workers
(``--dist loadfile``) share the corpora (each file about three minutes)."""
FIRST = {name: corpus for name, corpus in CORPORA.items() if name not in SECOND}


def answered_right_or_declined_never_wrong(gateway: Gateway, mart: dict[str, Any], corpus: Path) -> None:
    """Every split of ``corpus`` has no wrong answer (a definition the answer states is no wrong answer)."""
    scores = questions._store_scores(gateway, mart, corpus)
    for split, score in scores.items():
        wrong = [w for w in score["wrong"] if not questions._definition_disagreement(w)]
        assert not wrong, (split, [w[0] for w in wrong])


@pytest.mark.parametrize("corpus", list(FIRST.values()), ids=list(FIRST))
def test_real_world_phrasings_written_apart_are_answered_right_or_declined_never_wrong(
        gateway: Gateway, mart: dict[str, Any], corpus: Path) -> None:
    answered_right_or_declined_never_wrong(gateway, mart, corpus)
