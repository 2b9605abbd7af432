"""Numbers written in words, Russian and Kazakh, as a document's dates write them (a translation bureau's birth
certificate: Седьмое марта тысяча девятьсот семьдесят первого года; бір мың тоғыз жүз тоқсан үшінші жылғы үшінші
ақпан): each run of number words made its digits, an ordinal ending a run (первого, үшінші), so that the date's
day and year are numbers its other readers know."""

from __future__ import annotations

import re

_RU_CARDINALS = {
    "один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
    "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20,
    "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80,
    "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600,
    "семьсот": 700, "восемьсот": 800, "девятьсот": 900}
_RU_ORDINAL_STEMS = (  # longest first where one begins another (девятнадцат before девят)
    ("двухтысячн", 2000), ("тысячн", 1000), ("одиннадцат", 11), ("двенадцат", 12), ("тринадцат", 13),
    ("четырнадцат", 14), ("пятнадцат", 15), ("шестнадцат", 16), ("семнадцат", 17), ("восемнадцат", 18),
    ("девятнадцат", 19), ("двадцат", 20), ("тридцат", 30), ("сороков", 40), ("пятидесят", 50), ("шестидесят", 60),
    ("семидесят", 70), ("восьмидесят", 80), ("девяност", 90), ("десят", 10), ("перв", 1), ("втор", 2), ("трет", 3),
    ("четверт", 4), ("пят", 5), ("шест", 6), ("седьм", 7), ("восьм", 8), ("девят", 9), ("сот", 100))
_RU_ORDINAL_ENDINGS = frozenset({"ое", "ого", "ый", "ой", "ая", "ую", "ом", "ому", "ье", "ьего", "ий", "ья", "ьей",
                                 "ьем", "ем", "его", "ей"})
"""a Russian ordinal's endings after its stem (первого, третье, двадцатое)"""
_KK_CARDINALS = {"бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9,
                 "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "қырқ": 40, "елу": 50, "алпыс": 60, "жетпіс": 70,
                 "сексен": 80, "тоқсан": 90}
_MULTIPLIERS = {"жүз": 100, "мың": 1000, "тысяча": 1000, "тысячи": 1000, "тысяч": 1000}
"""words that multiply the number before them (тоғыз жүз: 900; две тысячи: 2000); Russian hundreds are words of
their own (девятьсот)"""
_KK_ORDINAL = ("сыншы", "сінші", "ыншы", "інші", "ншы", "нші")
_WORD = re.compile(r"\S+")


def _value(word: str) -> tuple[int, bool, bool] | None:
    """A word's number, whether it multiplies, and whether it is an ordinal (ends the number), or None."""
    w = word.lower().replace("ё", "е").strip(".,;:")
    if w in _MULTIPLIERS:
        return _MULTIPLIERS[w], True, False
    if w in _RU_CARDINALS:
        return _RU_CARDINALS[w], False, False
    if w in _KK_CARDINALS:
        return _KK_CARDINALS[w], False, False
    for ending in _KK_ORDINAL:
        stem = w[:-len(ending)]
        if w.endswith(ending) and (stem in _KK_CARDINALS or stem in ("жүз", "мың")):
            return (_KK_CARDINALS.get(stem) or _MULTIPLIERS[stem]), stem in ("жүз", "мың"), True
    for stem, value in _RU_ORDINAL_STEMS:
        if w.startswith(stem) and len(w) > len(stem) and w[len(stem):] in _RU_ORDINAL_ENDINGS:
            return value, value >= 1000, True
    return None



def said_in_digits(text: str) -> str:
    """``text`` with each run of number words written as its digits (two words apart stay two numbers: a run ends at
    an ordinal, or at a word that is no number)."""
    out: list[str] = []
    total = current = 0
    running = False

    def close() -> None:
        nonlocal total, current, running
        if running:
            out.append(str(total + current))
        total = current = 0
        running = False

    for word in _WORD.findall(text):
        found = _value(word)
        if found is None:
            close()
            out.append(word)
            continue
        value, multiplies, ordinal = found
        running = True
        if multiplies and value == 100:
            current = (current or 1) * 100
        elif multiplies:
            total += (current or 1) * value
            current = 0
        else:
            current += value
        if ordinal:
            close()
    close()
    return " ".join(out)
