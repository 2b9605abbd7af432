"""Several persons written in one cell: a baptism book's parents (``Иванов Сергей Николаевич и Иванова (урожд.
Макарова) Екатерина``), its godparents (``Кузнецов Пётр Валерьевич, 1960 г.р.; Орлова Ирина``), a register's
spouses. Each person is a name of two to four words, a date or year of birth after it allowed; they are joined by
"и", "және", "and", a semicolon, a line break, or a comma before the next name (not before a year of birth).

A pair is written a man first, as the registers of the region write a couple (father and mother, godfather and
godmother): a person written alone takes the place their sex holds in a pair (``link.records.person_in_cell``, by
the sex the name's endings tell)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ukimet.core.dates import name_alone

SEPARATOR = re.compile(r"\s*(?:\n|;|\s(?:и|және|and|&)\s|,\s*(?=[^\W\d_]))\s*", re.IGNORECASE)
HONORIFIC = re.compile(r"\b(?:раб(?:а)?\s+Божи(?:й|я)|р\.\s*Б\.)\s*", re.IGNORECASE)
"""a church book's "servant of God" before a name"""
ROLE = re.compile(r"^(?P<role>мать|отец|анасы|әкесі|mother|father|м\.|о\.)\s*[:\-–—]?\s+", re.IGNORECASE)
FEMALE_ROLES = ("мать", "анасы", "mother", "м.")
BRACKETS = re.compile(r"\([^)]*\)")
NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*\.?")
SAYS_NOTHING = r"[\s.,_―—–-]*"
"""A cell that says nothing: empty, or a dash or dots alone (``—``: a book's "no parents written")"""
SAMPLE = 200
"""the filled cells of a column read to tell whether it holds lists of persons"""
PLACES = 2
"""the persons of a cell read: a pair (a cell of three names has its third unread), unless it numbers them"""
NUMBERED = re.compile(r"^\s*\d{1,2}\s*[.)]\s*")
"""a person's number in a numbered list (``1) Каршина Татьяна – жена, 1964 г.р.``, ``2. ...``): the place they
hold, whatever their sex"""
MOST_PLACES = 12
"""the most persons of a numbered list read (a family's members)"""
RELATIONS = ("жена", "супруга", "муж", "супруг", "мама", "мать", "папа", "отец", "сын", "дочь", "брат", "сестра",
             "бабушка", "дедушка", "тётя", "тетя", "дядя", "внук", "внучка", "невестка", "зять", "сноха", "әйелі",
             "жұбайы", "күйеуі", "анасы", "апасы", "әкесі", "ағасы", "ұлы", "қызы", "інісі", "қарындасы", "әпкесі",
             "сіңлісі", "келіні", "немересі", "атасы", "әжесі", "бауыры", "wife", "husband", "mother", "mom", "mum",
             "father", "dad", "son", "daughter", "brother", "sister")
"""the words of a relation written beside a contact's name, in lower case"""
_LOWER = "|".join(RELATIONS)
_UPPER = "|".join(r.upper() for r in RELATIONS)
RELATION_IN_BRACKETS = re.compile(r"\s*\((?:[a-zа-яёәғқңөұүһі]+|" + _UPPER + r")\)")
"""a relation or role word in brackets after a name, in lower case (``Гульмира (жена)``, ``Асем (стажёр)``), or a
relation's in capitals after a name in capitals (``ҚҰЛМАХАНОВА ҚАРЛЫҒАШ (АНАСЫ)``)"""
RELATION_BEFORE = re.compile(r"^\s*(?:(?:" + _LOWER + r")\s*[:,–—-]?\s+(?=[^\W\d_a-zа-яёәғқңөұүһі])|(?:" + _UPPER
                             + r")\s*[:,–—-]?\s+(?=[^\W\d_]))")
"""a relation word in lower case before a capitalised name (``жена Гульмира``, ``мама Жазира``: the payer of a
member's card, by their relation to the member), or in capitals before a name in capitals (``ӘПКЕСІ ГУЛЬНАР``)"""
SELF = frozenset({"сам", "сама", "сам(а)", "сами", "self", "өзі", "өзім"})
"""what a column of another person writes where that person is the row's own (a club card's payer: ``сам``)"""
RELATION_DASH = re.compile(r"\s+[–—-]\s*(?:" + _LOWER + "|" + _UPPER + r")\s*$")
"""a relation word after a name past a dash (``Загипа - мать``, ``РУСТАМ - БРАТ``)"""
PHONE_AFTER_NAME = re.compile(r"(?<=[^\W\d_])[\s,;]+(?:тел\.?:?\s*)?(?:\+?7|8)?[\s(-]*7\d{2}[\s)-]*\d{3}"
                              r"[\s-]*\d{2}[\s-]*\d{2}\s*$")
"""a mobile phone written after a name in one cell (``Жанысбаева Балнур 7082700512``, ``ГАУХАР +77024842580``)"""


def name_in_cell(text: str, gap: str = "") -> str:
    """A contact's cell without what is written beside the name: the relation in brackets (replaced by ``gap``),
    after a dash or before the name, and a phone after it (``Гульмира (жена)``, ``Загипа - мать``, ``ЖЕНА ГАУХАР
    +77024842580``, ``Ержан - муж 7083750131``: the name alone)."""
    text = RELATION_IN_BRACKETS.sub(gap, text) if "(" in text else text
    return RELATION_BEFORE.sub("", RELATION_DASH.sub("", PHONE_AFTER_NAME.sub("", RELATION_DASH.sub("", text))))
RELATION_AFTER = re.compile(r"\s+[–—-]\s*[^\W\d_]+\.?(?=\s*(?:,|$))|" + RELATION_IN_BRACKETS.pattern)
"""a relation word after the name, past a dash or in brackets, in lower case (``Каршина Татьяна – жена``,
``Қабдешова Сымбат (қызы)``; not a maiden name, ``(урожд. Макарова)``)"""
DOCUMENT = re.compile(r"(?:ИИН|ЖСН|IIN|ЖСН/ИИН)\s*:?\s*\d{12}|(?:св\.?|свид\w*|куәлік|№)\s*[\w№ ]{3,20}",
                      re.IGNORECASE)
"""a person's number written after their name in a list (``ИИН 640918494365``): theirs, no name"""
PLACES_SAID = re.compile(r"numbered list of up to (\d+) persons")
"""how the classifier's evidence says how many persons a column's numbered lists hold"""


def _is_name(part: str) -> bool:
    found = NAME_WORD.findall(BRACKETS.sub(" ", name_alone(part)))
    words = [w for w in found if not w.endswith(".") or len(w) > 2]
    initials = [w for w in found if len(w) <= 2]
    return 2 <= len(words) + len(initials) <= 4 and len(words) >= 1 and all(w[0].isupper() for w in words)


DASHED = re.compile(r"\s+[–—-]\s+")
"""a dash between spaces: what a list's line writes after a person's name (``Султанов Бауыржан — 30.03.1988 —
взрывник``)"""
BIRTH_WRITTEN = re.compile(r"[\d.\s]*(?:г\.?\s?р\.?|ж\.?\s?т\.?)?", re.IGNORECASE)
"""a date of birth or a year alone, perhaps with "born" (``1979 г.р.``)"""


def _dashed(part: str) -> str:
    """A list's line without what it writes after the name past dashes but a date of birth (``Султанов Бауыржан —
    30.03.1988 — взрывник``: ``Султанов Бауыржан, 30.03.1988``; a job, a relation: no part of the name)."""
    if not DASHED.search(part):
        return part
    first, *rest = DASHED.split(part)
    births = [r.strip(" ,.") for r in rest if any(ch.isdigit() for ch in r) and BIRTH_WRITTEN.fullmatch(r.strip(" ,"))]
    return ", ".join([first, *births])


def people_in_cell(text: str | None) -> list[tuple[str, str | None]]:
    """Each person a cell names, as written (with the date of birth after the name), and the sex its role word
    says ("F", "M" or None, as ``link.names`` says a name's); empty where the cell is no list of names."""
    if text is None:
        return []
    out: list[tuple[str, str | None]] = []
    for part in SEPARATOR.split(HONORIFIC.sub("", text.strip())):
        part = RELATION_AFTER.sub("", NUMBERED.sub("", part)).strip(" ,.")
        role = ROLE.match(part)
        if role:
            part = part[role.end():]
        part = _dashed(part)  # мать - Сергеева Марина: the role before a dash is read first
        if out and DOCUMENT.fullmatch(part):
            continue  # ИИН 640918494365 after a member's name: their number, no one else
        if not part:
            continue
        if not _is_name(part):
            if re.fullmatch(r"[\d.\s]*(?:г\.?\s?р\.?|ж\.?\s?т\.?)?", part, re.IGNORECASE) and out:
                out[-1] = (f"{out[-1][0]}, {part}", out[-1][1])  # Кузнецов Пётр, 1960 г.р.: the name's birth
                continue
            return []
        said = None if role is None else "F" if role.group("role").lower() in FEMALE_ROLES else "M"
        out.append((part, said))
    return out


def numbered(text: str | None) -> bool:
    """Whether a cell is a numbered list of persons (each holds the place of their number)."""
    return text is not None and NUMBERED.match(text) is not None


def places_of(values: Sequence[str]) -> int:
    """How many persons a column of lists of persons (``holds_people``) is read for: a pair, or as many as its
    numbered lists hold (up to ``MOST_PLACES``)."""
    filled = [v for v in values if v and numbered(v)][:SAMPLE]
    if not filled:
        return PLACES
    return min(MOST_PLACES, max(PLACES, *(len(people_in_cell(v)) for v in filled)))


def holds_people(values: Sequence[str]) -> bool:
    """Whether a column's cells are lists of persons: most filled cells name one or more persons, and at least
    a fifth of them two or more (a column of single names is a full name's)."""
    filled = [v for v in values if v and not re.fullmatch(SAYS_NOTHING, v)][:SAMPLE]
    if len(filled) < 5 or sum(1 for v in filled if SEPARATOR.search(v) or numbered(v)) < 0.2 * len(filled):
        return False  # most columns hold no list at all: told without reading their names
    counts = [len(people_in_cell(v)) for v in filled]
    listed = sum(1 for v, c in zip(filled, counts, strict=True) if c >= 2 or (c and numbered(v)))
    return sum(1 for c in counts if c) >= 0.8 * len(filled) and listed >= 0.2 * len(filled)
