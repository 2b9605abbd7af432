"""The second half of the questions written apart (``test_apps_question_corpora.SECOND``: the intents and the later
real-world corpora), as a specification: answered right or declined, never wrong, in their tuning part and in their
held part alike. A file of its own so that the suite's two workers share the corpora."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests import test_apps_question_corpora as corpora
from ukimet.gateway.api import Gateway

gateway = corpora.gateway
"""The questions' fixture: a role that may read as much as the corpora ask."""


@pytest.mark.parametrize("corpus", list(corpora.SECOND.values()), ids=list(corpora.SECOND))
def test_later_phrasings_written_apart_are_answered_right_or_declined_never_wrong(
        gateway: Gateway, mart: dict[str, Any], corpus: Path) -> None:
    corpora.answered_right_or_declined_never_wrong(gateway, mart, corpus)
