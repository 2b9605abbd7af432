"""Addresses, phones and e-mails as linkage evidence: weaker than a name or an IIN (people move, share phones),
but they tell namesakes apart and carry a match when the date of birth is mistyped.

An address becomes the sorted set of its words and numbers, each word folded like a name and the markers that
differ between languages and agencies (ул., көшесі, д., үй, кв., пәтер, street ...) dropped, so
"г. Алматы, ул. Абая, д. 5, кв. 12" and "Алматы қ., Абай көшесі, 5 үй, 12 пәтер" come out close."""

from __future__ import annotations

import re

from ukimet.link.names import name_key

ADDRESS_MARKERS = frozenset({
    # Russian
    "г", "город", "ул", "улица", "д", "дом", "кв", "квартира", "пр", "просп", "проспект", "мкр", "микрорайон",
    "обл", "область", "р", "район", "с", "село", "пос", "поселок", "пер", "переулок", "корп", "стр",
    # Kazakh
    "қ", "қала", "қаласы", "көше", "көшесі", "үй", "пәтер", "даңғылы", "ш", "шағынаудан", "облысы", "ауданы",
    "ауыл", "ауылы", "а", "к", "сі", "даң",  # к-сі, даң.: көшесі, даңғылы shortened
    # English and transliterated
    "st", "str", "street", "ul", "kv", "apt", "flat", "unit", "no", "city", "kosh", "koshesi",
})
_TOKEN = re.compile(r"[^\W_]+")
_NOT_DIGIT = re.compile(r"\D")


STREET_STEM = 5
"""the letters of a folded word of an address that name it whatever its ending: a street named in the genitive
(ул. Жамбыла, БАЙТУРСЫНОВА) and in Kazakh (Жамбыл көшесі, Байтұрсынұлы) is one street"""


def address_key(text: str | None) -> str | None:
    """The address as sorted, folded tokens, each word by its stem: order, case, script, markers and the case a
    street's name is declined in do not matter."""
    if not text:
        return None
    tokens = []
    for token in _TOKEN.findall(text.lower()):
        if token in ADDRESS_MARKERS:
            continue
        tokens.append(token if token.isdigit() else name_key(token)[:STREET_STEM])
    tokens = sorted(t for t in tokens if t)
    return " ".join(tokens) or None


def phone_key(text: str | None) -> str | None:
    """The last 10 digits (+7 701 ..., 8 (701) ..., 7701... are one number) of the first number written (a
    profile's phones joined: +77713124576; +77783059786); None when fewer than 10."""
    if not text:
        return None
    for number in _SEVERAL.split(text):
        digits = _NOT_DIGIT.sub("", number)
        if len(digits) >= 10:
            return digits[-10:]
    return None


_SEVERAL = re.compile(r"[;,/]")
"""What separates the numbers of a value holding several"""


def email_key(text: str | None) -> str | None:
    if not text or "@" not in text:
        return None
    return text.strip().lower()
