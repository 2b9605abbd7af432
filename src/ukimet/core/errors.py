"""One exception tree for ukimet. Every message names what failed, why, and what to do about it."""

from __future__ import annotations


class UkimetError(Exception):
    """Base of every error ukimet raises on purpose; the CLI prints these as one clean line."""

    def __init__(self, what: str, why: str, fix: str) -> None:
        self.what = what
        self.why = why
        self.fix = fix
        super().__init__(f"{what}: {why}. {fix}")


class ConfigError(UkimetError):
    """A setting, option or configuration file has a value ukimet cannot use."""


class SinkError(UkimetError):
    """A database or file that generated data is written to refused it or could not be reached."""


class SourceError(UkimetError):
    """An agency source cannot be reached, read or understood."""


class StoreError(UkimetError):
    """The integrated store refused an operation."""


class LinkError(UkimetError):
    """Linkage cannot run on what it was given: no person evidence, an unknown engine, a bad model override."""


class PolicyError(UkimetError):
    """The gateway refuses a query or an access: not understood, not allowed by policy, or over a limit.
    ``reason`` is a stable code of the kind of refusal (syntax, function, table, budget ...), for tests and
    callers that must not read the English text."""

    def __init__(self, what: str, why: str, fix: str, reason: str = "policy") -> None:
        super().__init__(what, why, fix)
        self.reason = reason
