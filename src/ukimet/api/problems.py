"""How an error is said to whoever called: the HTTP status from its kind (the one table of it), its message in the
caller's language by its id (the gettext catalogs locale/errors/<lang>.po), and the one JSON shape of every
error the API answers::

    {"error": {"id": "guard.function", "status": 403, "what": ..., "why": ..., "fix": ...}}
"""

from __future__ import annotations

from typing import NamedTuple

from fastapi.responses import JSONResponse

from ukimet.api.i18n import catalog
from ukimet.core.errors import (
    InvalidInput,
    LimitExceeded,
    NotFound,
    Refused,
    UkimetError,
    Unauthenticated,
    Unavailable,
)
from ukimet.core.languages import LANGUAGES
from ukimet.core.messages import UNCLASSIFIED, message

STATUS: dict[type[UkimetError], int] = {
    NotFound: 404, Unauthenticated: 401, Refused: 403, LimitExceeded: 429, Unavailable: 503, InvalidInput: 422,
}
"""HTTP status by kind; an error of no kind here is the server's own failure (500)"""


class Said(NamedTuple):
    what: str
    why: str
    fix: str


def status_of(error: UkimetError) -> int:
    """The status of ``error``'s kind (the nearest kind it derives from)."""
    return next((STATUS[kind] for kind in type(error).__mro__ if kind in STATUS), 500)


def say(error: UkimetError, language: str) -> Said:
    """``error``'s message in ``language``: each English template of its id translated by the catalog, then filled
    with the error's values (a template with no translation yet stays English; tests/test_errors.py fails on it).
    An English-only error (id ``unclassified``) is said as it is."""
    if language == "en" or error.id == UNCLASSIFIED:
        return Said(error.what, error.why, error.fix)
    said = message(error.id)
    words = catalog(language, "errors")
    what, why, fix = said.templates()
    return Said(*said.fill(error.params, (words.get(what, what), words.get(why, why), words.get(fix, fix))))


def api_language(accept: str | None) -> str:
    """The language an API client asks for with Accept-Language (the first we speak), English otherwise."""
    for part in (accept or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return "en"


def problem(error: UkimetError, language: str = "en", status: int | None = None) -> JSONResponse:
    """The JSON answer for ``error`` (``status``: when the surface answers another than the kind's)."""
    status = status or status_of(error)
    said = say(error, language)
    body = {"id": error.id, "status": status, "what": said.what, "why": said.why, "fix": said.fix}
    retry = getattr(error, "retry_after", None)
    headers = {"Retry-After": str(retry)} if retry is not None else None
    return JSONResponse({"error": body}, status_code=status, headers=headers)
