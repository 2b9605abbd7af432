"""A sheet of cards: each record printed as a block of label and value rows (``Абонент | КРАВЧЕНКО ГРИГОРИЙ``,
``ИИН | 500308390986``, ``Дата рождения | 08.03.1950``), one block after another, as a billing system or a
registry prints a card per client. The labels are the table's columns and each card one row; a card begins at the
label that begins the first (``Карточка абонента``), or after a blank row. Rows above the first card (a title, when
it was made) are no card."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

SAMPLE_ROWS = 400
"""rows looked at to tell a sheet of cards"""
LEAST_CARDS = 3
"""the fewest cards a sheet must hold in its first rows to be read as cards"""
MOST_LABELS = 60
LABELLED_SHARE = 0.8
"""the least share of the filled rows (past the title) that must be a label and its value, or a label alone"""


@dataclass(frozen=True)
class Plan:
    first: str
    """the label that begins each card"""
    labels: list[str]
    """every label, in the order the cards write them: the table's columns"""


def _pair(row: Sequence[object]) -> tuple[str, object] | None:
    """A row's label and value (None for a label alone), or None where the row is no label's."""
    filled = [v for v in row if v is not None and str(v).strip()]
    label = row[0] if row else None
    if label is None or not isinstance(label, str) or not label.strip() or len(filled) > 2 or \
            any(c.isdigit() for c in label):
        return None
    value = next((v for v in row[1:] if v is not None and str(v).strip()), None)
    return label.strip(), value


def plan(rows: Sequence[Sequence[object]]) -> Plan | None:
    """How a sheet's rows (its first) make cards, or None where they do not."""
    width = max((sum(1 for v in r if v is not None and str(v).strip()) for r in rows), default=0)
    if width > 2:
        return None
    pairs = [(n, _pair(r)) for n, r in enumerate(rows) if any(v is not None and str(v).strip() for v in r)]
    counts = Counter(p[0] for _, p in pairs if p is not None)
    repeated = {label for label, c in counts.items() if c >= LEAST_CARDS}
    if not repeated or len(counts) > MOST_LABELS:
        return None
    start = next((n for n, (_, p) in enumerate(pairs) if p is not None and p[0] in repeated), None)
    if start is None:
        return None
    body = pairs[start:]
    if sum(1 for _, p in body if p is not None and p[0] in repeated) < LABELLED_SHARE * len(body):
        return None
    first = body[0][1][0]  # type: ignore[index]
    labels: list[str] = []
    for _, p in body:
        if p is not None and p[0] in repeated and p[0] not in labels:
            labels.append(p[0])
    return Plan(first, labels) if counts[first] >= LEAST_CARDS and len(labels) >= 2 else None


def records(rows: Iterable[Sequence[object]], how: Plan) -> Iterator[list[object]]:
    """Each card as a row of the table: its values under their labels (a label written twice in a card keeps the
    first); a card ends at the next card's first label or at a blank row."""
    card: dict[str, object] | None = None
    for row in rows:
        if not any(v is not None and str(v).strip() for v in row):
            if card:
                yield [card.get(label) for label in how.labels]
            card = None
            continue
        pair = _pair(row)
        if pair is None or pair[0] not in how.labels:
            continue
        label, value = pair
        if label == how.first:
            if card:
                yield [card.get(label_) for label_ in how.labels]
            card = {}
        if card is not None:
            card.setdefault(label, value)
    if card:
        yield [card.get(label) for label in how.labels]
