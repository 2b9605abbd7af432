"""The interface's words in Kazakh, Russian and English: gettext catalogs (locale/<lang>.po, read with
Babel), keyed by the English text; the errors' messages in their own catalogs (locale/errors/<lang>.po, keyed by
the English templates of core/data/messages.toml). A word missing from a catalog is a failing test, not an
English word on a Kazakh page."""

from __future__ import annotations

from functools import cache
from importlib import resources

from babel.messages.pofile import read_po

from ukimet.core.languages import LANGUAGES

NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
DYNAMIC = (
    "analyst", "social_worker", "data_engineer", "case_service", "auditor", "admin", "citizen",
    "well_off", "satisfactory", "unfavourable", "crisis", "emergency",
    "economic", "social", "housing", "health", "education",
    "iin", "surname", "first_name", "patronymic", "birth_date", "sex", "address", "phone", "age", "region",
    "found", "notified", "consented", "refused", "assigned", "closed", "queued", "sent", "failed", "no_phone",
    "withdrawn", "query", "view", "blocked", "case", "purpose", "policy", "tracker", "audit",
    "birth_allowance", "childcare_allowance", "large_family_allowance", "disability_allowance", "survivor_allowance",
    "targeted_social_assistance", "done", "running", "interrupted", "completeness", "validity", "linkage",
    "duplication", "freshness", "use", "unknown", "person_id", "family_role", "disability_group", "employed",
    "yes", "no", "single", "child", "spouse", "F", "M",
    "finding", "password_changed", "password_reset", "revoked", "signin", "signin_failed", "signin_locked",
    "audit investigation", "own data tracker", "column", "bin", "full_name", "email", "family_id", "person",
    "mother", "father", "first", "child", "spouse", "holder", "director", "owner", "employee", "subject", "relative",
)
"""words the pages translate from data (roles, levels, statuses, rules ...), not from the templates' text"""



@cache
def catalog(language: str, domain: str = "") -> dict[str, str]:
    """msgid -> translation for ``language`` (English: the msgid itself, unless the catalog says otherwise).
    ``domain``: "" for the interface's words, "errors" for the errors' messages."""
    path = resources.files("ukimet.api").joinpath(f"locale/{domain + '/' if domain else ''}{language}.po")
    with path.open("rb") as f:
        po = read_po(f, locale=language)
    return {str(m.id): str(m.string) for m in po if m.id and m.string}


def translate(language: str, text: str) -> str:
    return catalog(language).get(text, text)


def pick(language: str | None, accept: str | None = None) -> str:
    """The language asked for (query or cookie), else the browser's first one we speak, else Kazakh."""
    if language in LANGUAGES:
        return str(language)
    for part in (accept or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return "kk"
