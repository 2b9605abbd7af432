"""The languages ukimet speaks, Kazakh first: every name, word and message is given in each of them."""

from __future__ import annotations

LANGUAGES = ("kk", "ru", "en")
