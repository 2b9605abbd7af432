"""One exception tree for ukimet. Every message names what failed, why, and what to do about it.

An error is raised by its kind and a message id with the values it names::

    raise Refused("gateway.function_not_allowed", function="md5")

The kind is the class (``NotFound``, ``Unauthenticated``, ``Refused``, ``LimitExceeded``, ``Unavailable``,
``InvalidInput``): callers decide by it, and the web surfaces take the HTTP status from it (api.app.STATUS), never
from the wording. The id names the message in ``core/data/messages.toml``, where its English templates (what, why,
fix; ``{name}`` the values) and, for a refusal, its stable ``reason`` code are declared once; ``what``, ``why`` and
``fix`` are those templates filled in. The surfaces translate by the id: each template is a msgid of the gettext
catalogues (api/locale/errors/<lang>.po), filled in with the same values, so no code reads the English text back.

The earlier English-only form, ``SourceError(what, why, fix)``, is still accepted for code written before ids:
such an error has the id ``unclassified`` and is never said in another language. tests/test_errors.py keeps every
package of ukimet free of that form. A subclass raised in one place keeps its kind and says its message by id too
(``SigninLockedError`` is a ``LimitExceeded``, the command line's ``NotSignedInError`` an ``Unauthenticated``,
``ConfigFileError`` a ``ConfigError``, whose messages, ``config.*``, are declared with all the others).
"""

from __future__ import annotations

from typing import Any

from ukimet.core.messages import UNCLASSIFIED, message


class UkimetError(Exception):
    """Base of every error ukimet raises on purpose; the CLI prints these as one clean line."""

    def __init__(self, message_id: str, *english: str, **params: Any) -> None:
        if english:  # the English-only form: (what, why, fix)
            if len(english) != 2:
                raise TypeError("an English-only error is (what, why, fix)")
            self.id, self.what, (self.why, self.fix) = UNCLASSIFIED, message_id, english
            self.reason = str(params.pop("reason", "policy"))
            self.params: dict[str, Any] = {}
        else:
            said = message(message_id)
            self.id, self.params, self.reason = message_id, params, said.reason
            self.what, self.why, self.fix = said.fill(params)
        super().__init__(f"{self.what}: {self.why}. {self.fix}")

    def __reduce__(self) -> tuple[Any, ...]:  # pickled as its state (a worker process's error reaches the parent)
        return _restore, (type(self), dict(self.__dict__))


def _restore(kind: type[UkimetError], state: dict[str, Any]) -> UkimetError:
    error = kind.__new__(kind)
    error.__dict__.update(state)
    Exception.__init__(error, f"{error.what}: {error.why}. {error.fix}")
    return error


class NotFound(UkimetError):  # noqa: N818 - the kinds' names are the interface agreed (C5)
    """What was asked for does not exist, or not within what the caller may see (said the same either way)."""


class Unauthenticated(UkimetError):  # noqa: N818 - the kinds' names are the interface agreed (C5)
    """The caller has not proven who they are: no session, a wrong password or code, an unknown token."""


class Refused(UkimetError):  # noqa: N818 - the kinds' names are the interface agreed (C5)
    """The gateway's policy refuses the query or the access (``reason``: the stable code of the kind of refusal:
    syntax, function, table, forbidden ...)."""


PolicyError = Refused
"""the gateway's refusals, by their earlier name"""


class LimitExceeded(Refused):
    """A refusal because a limit is reached: a budget, a daily quota, a size, sign-in attempts. ``retry_after``:
    seconds until asking again can succeed, where that is known."""

    def __init__(self, message_id: str, *english: str, retry_after: int | None = None, **params: Any) -> None:
        super().__init__(message_id, *english, **params)
        self.retry_after = retry_after


class Unavailable(UkimetError):  # noqa: N818 - the kinds' names are the interface agreed (C5)
    """Something ukimet needs cannot be reached or written now (the audit store, a model, a provider): nothing
    was decided about the caller's request, and it was not carried out."""


class InvalidInput(UkimetError):  # noqa: N818 - the kinds' names are the interface agreed (C5)
    """A value given to ukimet cannot be used: a policy or configuration file, a setting, a field of a request."""


class ConfigError(InvalidInput):
    """A setting, option or configuration file has a value ukimet cannot use."""


class SinkError(UkimetError):
    """A database or file that generated data is written to refused it or could not be reached."""


class SourceError(UkimetError):
    """An agency source cannot be reached, read or understood."""


class StoreError(UkimetError):
    """The integrated store refused an operation."""


class LinkError(UkimetError):
    """Linkage cannot run on what it was given: no person evidence, an unknown engine, a bad model override."""


KINDS: tuple[type[UkimetError], ...] = (NotFound, Unauthenticated, Refused, LimitExceeded, Unavailable, InvalidInput)
