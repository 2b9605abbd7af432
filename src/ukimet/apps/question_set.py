"""The question set (apps/data/questions.toml) and its evaluation: every question asked in Kazakh, Russian and
English through the gateway, and compared with its hand-written SQL run through the same gateway (so both see
the same protected aggregates). A question is right when its answer equals the gold answer (or both are withheld
as small cells), or when a question that must be declined is declined; it is wrong when an answer differs, or
when a question that must be declined gets a number. Declining an answerable question is a miss, not an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, model_validator

from ukimet.apps.questions import ask
from ukimet.core.config_files import FROZEN, Bool, Text, problem, texts_in
from ukimet.core.languages import LANGUAGES
from ukimet.gateway.api import Gateway
from ukimet.gateway.rewrite import User
from ukimet.model.data_files import load_data


@dataclass(frozen=True)
class Question:
    number: int
    texts: dict[str, str]
    sql: str | None
    """None: the question must be declined"""


@dataclass
class Score:
    right: int = 0
    wrong: int = 0
    missed: int = 0
    """answerable but declined"""
    misses: list[tuple[int, str, str]] = field(default_factory=list)
    """(number, question, what happened) of every question not right"""

    @property
    def total(self) -> int:
        return self.right + self.wrong + self.missed

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


class QuestionSpec(BaseModel):
    """A question (or a template asked for each of its regions) in kk, ru and en, with its gold SQL or
    decline = true."""

    model_config = FROZEN
    regions: tuple[Text, ...] | None = None
    """the regions a template is asked for ({kk}, {ru}, {en}: how each language says \"in\" it; {code}: its code)"""
    kk: Text
    ru: Text
    en: Text
    sql: Text | None = None
    decline: Bool = False

    @model_validator(mode="after")
    def _answer_or_decline(self) -> QuestionSpec:
        if (self.sql is None) != self.decline:
            raise problem("config.answer_or_decline")
        return self


class QuestionFile(BaseModel):
    model_config = FROZEN
    regions: dict[str, Annotated[dict[str, Text], texts_in(LANGUAGES)]] = {}
    """region code -> how each language says "in" the region"""
    questions: tuple[QuestionSpec, ...]

    @model_validator(mode="after")
    def _declared(self) -> QuestionFile:
        for n, spec in enumerate(self.questions):
            unknown = [code for code in spec.regions or () if code not in self.regions]
            if unknown:
                raise problem("config.undeclared_regions", n=n, unknown=unknown)
        return self


def load_questions(path: Path | None = None) -> list[Question]:
    data = load_data(QuestionFile, "questions.toml", path, package="ukimet.apps")
    out: list[Question] = []
    for spec in data.questions:
        for code in spec.regions if spec.regions is not None else (None,):
            fill: dict[str, str] = dict(data.regions[code]) if code else {}
            texts = {lang: getattr(spec, lang).format(**fill) for lang in LANGUAGES}
            sql = None if spec.decline or spec.sql is None else spec.sql.format(code=code)
            out.append(Question(len(out) + 1, texts, sql))
    return out


def _rows(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [tuple(float(v) if isinstance(v, int | float) else v for v in r) for r in rows if r[-1] is not None]


EVALUATION = "evaluation of the semantic layer against the question set's gold answers"
"""the purpose the evaluation runs under: answers are compared exactly, so they are computed without noise"""


def evaluate(gateway: Gateway, user: User, questions: list[Question] | None = None,
             purpose: str = EVALUATION) -> dict[str, Score]:
    """Each question in each language, its answer against the gold SQL's, both computed exactly under
    ``purpose`` (a user whose role has person-level rights: the differentially private answers users get would
    differ by their noise)."""
    scores = {lang: Score() for lang in LANGUAGES}
    for q in questions or load_questions():
        gold = _rows(gateway.query(user, q.sql, purpose).rows) if q.sql else None
        for lang in LANGUAGES:
            answer = ask(gateway, user, q.texts[lang], purpose=purpose)
            score = scores[lang]
            if q.sql is None:
                if answer.sql is None:
                    score.right += 1
                else:
                    score.wrong += 1
                    score.misses.append((q.number, q.texts[lang], f"answered, should decline: {answer.sql}"))
            elif answer.sql is None or (answer.declined and not answer.suppressed):
                score.missed += 1
                score.misses.append((q.number, q.texts[lang], f"declined: {answer.declined}"))
            elif _rows(answer.rows) == gold:
                score.right += 1
            else:
                score.wrong += 1
                score.misses.append((q.number, q.texts[lang], f"{answer.sql} gave {answer.rows[:3]}, gold {gold}"))
    return scores
