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
from typing import Annotated, TypeVar

import typer
from sqlalchemy import Engine

from ukimet.core.errors import UkimetError
from ukimet.core.settings import Settings
from ukimet.gateway.rewrite import User

TOKEN_VARIABLE = "UKIMET_TOKEN"
OPERATOR_TRUST = ("Runs with the operating-system trust of whoever can read the home: no account, no sign-in "
                  "(the home is 0700, its files 0600).")
HOW_TO_SIGN_IN = (f"set {TOKEN_VARIABLE} to an API token of your account (an operator issues one: ukimet user "
                  "token NAME), or run the command in a terminal with --as NAME to be asked for the password")

AsUser = Annotated[str | None, typer.Option(
    "--as", help=f"The account you act as. It names the account, it never proves it: the proof is the token in "
                 f"{TOKEN_VARIABLE} (which alone names the account) or the password asked for at a terminal.")]
F = TypeVar("F", bound=Callable[..., object])


class NotSignedInError(UkimetError):
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
        user = _proved(lambda: user_of_token(engine, token), f"the token in {TOKEN_VARIABLE}")
        if named is not None and named != user.name:
            raise NotSignedInError(f"not signed in as {named!r}", f"the token in {TOKEN_VARIABLE} is not {named}'s",
                              f"unset {TOKEN_VARIABLE} to sign in as {named} with the password, or leave out "
                              "--as to act as the token's account")
        return user
    if named is None:
        raise NotSignedInError("not signed in", f"{TOKEN_VARIABLE} is not set and no --as names an account",
                          HOW_TO_SIGN_IN)
    if not is_terminal():
        raise NotSignedInError("not signed in", f"{TOKEN_VARIABLE} is not set and standard input is not a terminal "
                          f"to ask {named}'s password", HOW_TO_SIGN_IN)
    password = ask_secret(f"password for {named}: ")
    code = ask_secret("second factor code: ") if _enrolled(engine, named) else None
    log = AuditLog(engine, config)  # throttled and audited like the web's sign-in, from the OS account's "address"
    return _proved(lambda: sign_in_checked(log, named, password, code, address=f"cli:{getpass.getuser()}",
                                           channel="cli"), f"the password of {named}")


def sign_in(named: str | None, config: Settings | None = None) -> User:
    """``signed_in`` on the metadata store of the installation the settings name: the first thing a command
    acting as a user does, before it opens any store."""
    from ukimet.core.metadata import connect_metadata

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


def _proved(check: Callable[[], User], proof: str) -> User:
    try:
        return check()
    except NotSignedInError:
        raise
    except UkimetError as exc:
        raise NotSignedInError("not signed in", f"{proof} was not accepted ({exc.what}: {exc.why})", exc.fix) from None
