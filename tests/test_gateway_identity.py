"""Who may ask: local accounts with a second factor (RFC 6238 codes), and sign-in through an OpenID Connect
provider with every check a relying party owes (state, PKCE, signature, issuer, audience, expiry, nonce,
the subject bound to one account)."""

from __future__ import annotations

import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import Engine

from ukimet.core.errors import ConfigError, PolicyError, Unauthenticated, Unavailable
from ukimet.core.metadata import connect_metadata
from ukimet.core.settings import Settings
from ukimet.gateway import mfa
from ukimet.gateway.oidc import OIDCClient
from ukimet.gateway.rewrite import User
from ukimet.gateway.users import add_user, authenticate

from .oidc_provider import Provider, serve

REDIRECT = "https://ukimet.example.kz/auth/callback"


@pytest.fixture
def accounts(tmp_path: Path) -> tuple[Settings, Engine]:
    config = Settings(home=tmp_path)
    engine = connect_metadata(config)
    add_user(engine, User("aigerim", "analyst", "Akimat of Shymkent", {"region": "79"}), "long-pass-phrase")
    add_user(engine, User("bolat", "auditor", "Data protection agency"), "another-pass")
    return config, engine


def test_an_account_with_a_second_factor_needs_a_fresh_code(accounts: tuple[Settings, Engine]) -> None:
    config, engine = accounts
    uri = mfa.enrol(engine, config, "aigerim")
    secret = urllib.parse.parse_qs(urllib.parse.urlsplit(uri).query)["secret"][0]
    assert uri.startswith("otpauth://totp/ukimet:aigerim")
    with pytest.raises(Unauthenticated, match="second factor"):
        authenticate(engine, "aigerim", "long-pass-phrase", config=config)
    with pytest.raises(Unauthenticated, match="wrong, expired"):
        authenticate(engine, "aigerim", "long-pass-phrase", "000000", config)
    code = pyotp.TOTP(secret).now()
    assert authenticate(engine, "aigerim", "long-pass-phrase", code, config).name == "aigerim"
    with pytest.raises(Unauthenticated, match="already used"):
        authenticate(engine, "aigerim", "long-pass-phrase", code, config)
    old = pyotp.TOTP(secret).at(time.time() - 300)
    with pytest.raises(Unauthenticated, match="wrong, expired"):
        authenticate(engine, "aigerim", "long-pass-phrase", old, config)
    with pytest.raises(Unauthenticated, match="password is wrong"):  # the code never stands in for the password
        authenticate(engine, "aigerim", "guess", pyotp.TOTP(secret).now(), config)
    assert authenticate(engine, "bolat", "another-pass").name == "bolat"  # accounts without MFA unchanged


@pytest.fixture
def provider() -> Iterator[Provider]:
    given = Provider()
    server = serve(given)
    yield given
    server.shutdown()


def _sign_in(provider: Provider, engine: Engine, tamper_state: bool = False, client_secret: str | None = None
             ) -> User:
    client = OIDCClient(provider.url, provider.client_id, client_secret or provider.client_secret, REDIRECT)
    start = client.start()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(start.url)
    except urllib.error.HTTPError as answer:  # the provider's 302 back to ukimet, as a browser would follow
        callback = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(answer.headers["Location"]).query))
    state = "forged" if tamper_state else callback["state"]
    return client.finish(engine, callback["code"], state, start)


def test_a_person_signs_in_through_the_provider_as_their_account(provider: Provider,
                                                                 accounts: tuple[Settings, Engine]) -> None:
    _, engine = accounts
    assert _sign_in(provider, engine).name == "aigerim"
    assert _sign_in(provider, engine).name == "aigerim"  # bound: the same subject, the same account


@pytest.mark.parametrize(("change", "message"), [
    (lambda p: setattr(p, "token_lifetime", -120), "not valid.*expired"),
    (lambda p: setattr(p, "audience", "another-client"), "not valid.*audience"),
    (lambda p: setattr(p, "sign_with", rsa.generate_private_key(public_exponent=65537, key_size=2048)),
     "not valid.*[Ss]ignature"),
    (lambda p: setattr(p, "nonce_override", "replayed"), "nonce"),
    (lambda p: setattr(p, "client_secret", "rotated"), "401"),  # the provider refuses ukimet: Unavailable
    (lambda p: p.person.update(preferred_username="nobody"), "no account 'nobody'"),
    (lambda p: p.person.pop("preferred_username"), "has no 'preferred_username' claim"),
], ids=["expired", "audience", "forged-signature", "replayed-nonce", "client-secret", "unknown-account",
        "no-username"])
def test_a_sign_in_that_fails_any_check_is_refused(provider: Provider, accounts: tuple[Settings, Engine],
                                                    change: object, message: str) -> None:
    _, engine = accounts
    change(provider)  # type: ignore[operator]
    with pytest.raises((Unauthenticated, Unavailable), match=f"(?i){message}"):
        _sign_in(provider, engine, client_secret="client-secret-for-tests")


def test_a_forged_state_and_a_second_person_with_the_same_name_are_refused(
        provider: Provider, accounts: tuple[Settings, Engine]) -> None:
    _, engine = accounts
    with pytest.raises(Unauthenticated, match="state does not match"):
        _sign_in(provider, engine, tamper_state=True)
    _sign_in(provider, engine)
    provider.person = {"sub": "kc-2002", "preferred_username": "aigerim"}  # the name reassigned at the IdP
    with pytest.raises(PolicyError, match="bound to another person"):
        _sign_in(provider, engine)


def test_an_issuer_must_be_https_and_settings_complete() -> None:
    with pytest.raises(ConfigError, match="https"):
        OIDCClient("http://idp.example.kz", "ukimet", None, REDIRECT)
    with pytest.raises(ConfigError, match="must all be set"):
        OIDCClient.from_settings(Settings(oidc_issuer="https://idp.example.kz"))
