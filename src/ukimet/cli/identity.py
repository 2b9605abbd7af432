"""Who is at the command line. A command that reads citizen data or acts as a user proves who runs it, as the web
does: with an API token in ``UKIMET_TOKEN``, or else with the account's password (and second factor) typed at a
terminal. ``--as`` names the account; it never proves it. Where neither proof is at hand the command stops with
one line saying how to sign in.

Every other command (source add, sync, link, mart build, demo, serve, doctor, user add/token, audit verify ...)
is the operator's: it needs no account, because whoever can read the home (0700) can read everything in it
anyway. Those commands say so in their help (``operator_only``)."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from ukimet.core.errors import UkimetError, Unauthenticated

if TYPE_CHECKING:  # imported where used, so that the command line starts without them (tests/test_startup.py)
    from sqlalchemy import Engine

    from ukimet.core.settings import Settings
    from ukimet.gateway.rewrite import User

TOKEN_VARIABLE = "UKIMET_TOKEN"
OPERATOR_TRUST = ("Runs with the operating-system trust of whoever can read the home: no account, no sign-in "
                  "(the home is 0700, its files 0600).")
AsUser = Annotated[str | None, typer.Option(
    "--as", help=f"The account you act as. It names the account, it never proves it: the proof is the token in "
                 f"{TOKEN_VARIABLE} (which alone names the account) or the password asked for at a terminal.")]
F = TypeVar("F", bound=Callable[..., object])


class NotSignedInError(Unauthenticated):
    """The caller has not proved who they are: no credential, a wrong or expired one, or one of another account.
    The command line prints it as one line and exits with status 1."""


def signed_in(engine: Engine, config: Settings, named: str | None) -> User:
    """The account the caller proved: the token's user (``named``, when given, must be that user), or ``named``
    signed in with a password and, where enrolled, a second factor typed at a terminal."""
    from ukimet.gateway.audit import AuditLog
    from ukimet.gateway.signin import sign_in as sign_in_checked
    from ukimet.gateway.users import user_of_token

    token = os.environ.get(TOKEN_VARIABLE, "").strip()
    if token:
        user = _proved(lambda: user_of_token(engine, token), "cli.token_not_accepted", variable=TOKEN_VARIABLE)
        if named is not None and named != user.name:
            raise NotSignedInError("cli.token_of_another", named=named, variable=TOKEN_VARIABLE)
        return user
    if named is None:
        raise NotSignedInError("cli.no_account", variable=TOKEN_VARIABLE)
    if not is_terminal():
        raise NotSignedInError("cli.no_terminal", named=named, variable=TOKEN_VARIABLE)
    password = ask_secret(f"password for {named}: ")
    code = ask_secret("second factor code: ") if _enrolled(engine, named) else None
    log = AuditLog(engine, config)  # throttled and audited like the web's sign-in, from the OS account's "address"
    return _proved(lambda: sign_in_checked(log, named, password, code, address=f"cli:{getpass.getuser()}",
                                           channel="cli"), "cli.password_not_accepted", named=named)


def sign_in(named: str | None, config: Settings | None = None) -> User:
    """``signed_in`` on the metadata store of the installation the settings name: the first thing a command
    acting as a user does, before it opens any store."""
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings

    config = config or Settings()
    return signed_in(connect_metadata(config), config, named)


def operator_only(func: F) -> F:
    """Mark a command as the operator's: its help says whose trust it runs with."""
    func.__doc__ = f"{(func.__doc__ or '').rstrip()}\n\n{OPERATOR_TRUST}"
    return func


def is_terminal() -> bool:
    """Whether a person can be asked: standard input is a terminal (tests replace this)."""
    return sys.stdin.isatty()


def ask_secret(prompt: str) -> str:
    """Ask without echo, on the terminal, never on standard output (tests replace this)."""
    return getpass.getpass(prompt)


def _enrolled(engine: Engine, name: str) -> bool:
    from ukimet.gateway import mfa

    return mfa.enrolled(engine, name)


def _proved(check: Callable[[], User], message_id: str, **proof: str) -> User:
    """The user ``check`` proves, or NotSignedInError ``message_id`` saying what the proof's check said."""
    try:
        return check()
    except NotSignedInError:
        raise
    except UkimetError as exc:
        raise NotSignedInError(message_id, **proof, said=f"{exc.what}: {exc.why}", then=exc.fix) from None
