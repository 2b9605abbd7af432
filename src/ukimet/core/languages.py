"""The languages ukimet speaks, Kazakh first: every name, word and message is given in each of them."""

from __future__ import annotations

LANGUAGES = ("kk", "ru", "en")


def in_language(titles: dict[str, str], language: str) -> str | None:
    """What ``titles`` (language code -> a name) calls a thing in ``language``, else in another language it has a
    name in (Kazakh, Russian, English first), else None."""
    for code in (language, *LANGUAGES):
        if titles.get(code):
            return titles[code]
    return None


def parse_titles(given: list[str]) -> dict[str, str]:
    """``LANG=TEXT`` texts (a command line's) as language -> text; a text without ``=`` is a ValueError."""
    titles: dict[str, str] = {}
    for text in given:
        language, sep, title = text.partition("=")
        if not sep:
            raise ValueError(text)
        titles[language.strip().lower()] = title.strip()
    return titles


def merged_titles(titles: dict[str, str], changes: dict[str, str]) -> dict[str, str]:
    """``titles`` with ``changes`` made (an empty text removes that language's name); a language ukimet does not
    speak is a ValueError naming it."""
    merged = {code: text.strip() for code, text in {**titles, **changes}.items() if text.strip()}
    for code in merged:
        if code not in LANGUAGES:
            raise ValueError(code)
    return merged
