"""Credentials: precedence, the keyring entry, every failure mapped, no plain-text fallback."""

from __future__ import annotations

import keyring
import keyring.backends.fail
import keyring.errors
import pytest

from tests.conftest import MemoryKeyring
from uploader_gui.core.credentials import (
    NO_BACKEND_MESSAGE,
    SERVICE,
    CredentialError,
    Credentials,
    KeySource,
    NoSecureBackendError,
)

PROD = "https://api.imagepipeline.io"
STAGING = "https://staging.imagepipeline.io:8443/base"


def test_the_entry_is_service_uploader_gui_and_user_host_port(
    memory_keyring: MemoryKeyring,
) -> None:
    creds = Credentials(env={})
    creds.save(PROD, "prod-key")
    creds.save(STAGING, "staging-key")
    creds.save("http://127.0.0.1:8123", "sandbox-key")
    assert memory_keyring.secrets == {
        (SERVICE, "api.imagepipeline.io"): "prod-key",
        (SERVICE, "staging.imagepipeline.io:8443"): "staging-key",
        (SERVICE, "127.0.0.1:8123"): "sandbox-key",
    }
    fresh = Credentials(env={})
    assert fresh.lookup(PROD).key == "prod-key"
    assert fresh.lookup(PROD).source is KeySource.KEYRING
    assert fresh.lookup(STAGING).key == "staging-key"


def test_environment_wins_over_the_keyring(memory_keyring: MemoryKeyring) -> None:
    Credentials(env={}).save(PROD, "stored")
    lookup = Credentials(env={"IMAGEPIPELINE_API_KEY": " from-env "}).lookup(PROD)
    assert lookup.key == "from-env"
    assert lookup.source is KeySource.ENVIRONMENT
    assert "from-env" not in repr(lookup)


def test_replace_and_delete(memory_keyring: MemoryKeyring) -> None:
    creds = Credentials(env={})
    creds.save(PROD, "one")
    creds.save(PROD, "two")
    assert creds.lookup(PROD).key == "two"
    creds.delete(PROD)
    assert creds.lookup(PROD).key is None
    assert creds.lookup(PROD).source is KeySource.NONE
    creds.delete(PROD)  # deleting what is not there is fine


def test_no_backend_says_so_and_the_session_key_works() -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    creds = Credentials(env={})
    assert not creds.has_secure_backend()
    assert creds.backend_name() == "no secure keyring"
    with pytest.raises(NoSecureBackendError) as info:
        creds.save(PROD, "k")
    assert str(info.value) == NO_BACKEND_MESSAGE
    assert "IMAGEPIPELINE_API_KEY" in NO_BACKEND_MESSAGE
    assert "plain text" in NO_BACKEND_MESSAGE
    creds.use_for_session(PROD, "session-key")
    lookup = creds.lookup(PROD)
    assert (lookup.key, lookup.source) == ("session-key", KeySource.SESSION)
    assert Credentials(env={}).lookup(PROD).key is None  # memory only


class PlaintextKeyring(MemoryKeyring):
    """Stands for keyrings.alt's PlaintextKeyring (stores the key in a file)."""


def test_a_plain_text_backend_is_never_used(memory_keyring: MemoryKeyring) -> None:
    plaintext = PlaintextKeyring()
    keyring.set_keyring(plaintext)
    creds = Credentials(env={})
    assert not creds.has_secure_backend()
    with pytest.raises(NoSecureBackendError):
        creds.save(PROD, "k")
    assert plaintext.secrets == {}


class Broken(MemoryKeyring):
    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (keyring.errors.KeyringLocked("collection is locked"), "is locked"),
        (keyring.errors.InitError("Failed to unlock the collection!"), "Unlock it"),
        (keyring.errors.InitError("Prompt dismissed"), "is locked or could not be opened"),
        (keyring.errors.PasswordSetError("Access denied"), "refused access"),
        (RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown"), "over D-Bus"),
        (keyring.errors.NoKeyringError("none"), "No secure keyring"),
    ],
)
def test_keyring_failures_become_messages_a_person_can_act_on(
    error: Exception, message: str
) -> None:
    keyring.set_keyring(Broken(error))
    creds = Credentials(env={})
    lookup = creds.lookup(PROD)
    assert lookup.key is None
    assert lookup.problem is not None
    assert message in lookup.problem
    with pytest.raises(CredentialError, match=message):
        creds.save(PROD, "secret-value")
    assert "secret-value" not in str(lookup.problem)


def test_keys_that_cannot_be_sent_are_not_saved(memory_keyring: MemoryKeyring) -> None:
    from uploader_gui.core.errors import ConfigurationError

    with pytest.raises(ConfigurationError):
        Credentials(env={}).save(PROD, "has space")
    assert memory_keyring.secrets == {}


def test_a_proxy_password_has_its_own_entry(memory_keyring: MemoryKeyring) -> None:
    creds = Credentials(env={})
    creds.save("https://api.imagepipeline.io", "k" * 32)
    creds.save_proxy_password("http://alice@proxy.corp:3128", "s3cret")
    assert memory_keyring.secrets[(SERVICE, "proxy alice@proxy.corp:3128")] == "s3cret"
    assert creds.proxy_password("http://alice@proxy.corp:3128") == "s3cret"
    assert creds.proxy_password("http://bob@proxy.corp:3128") is None
    creds.delete_proxy_password("http://alice@proxy.corp:3128")
    assert creds.proxy_password("http://alice@proxy.corp:3128") is None
    assert (SERVICE, "api.imagepipeline.io") in memory_keyring.secrets  # the key stays


def test_without_a_keyring_a_proxy_password_lasts_the_session_only() -> None:
    creds = Credentials(env={})
    with pytest.raises(NoSecureBackendError):
        creds.save_proxy_password("socks5://alice@socks.corp:1080", "s3cret")
    assert creds.proxy_password("socks5://alice@socks.corp:1080") == "s3cret"
    assert "s3cret" not in repr(creds)


def test_a_proxy_password_the_keyring_refused_is_still_used_this_session(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("locked")

    monkeypatch.setattr(memory_keyring, "set_password", refuse)
    creds = Credentials(env={})
    with pytest.raises(CredentialError):
        creds.save_proxy_password("http://alice@proxy.corp:3128", "s3cret")
    assert creds.proxy_password("http://alice@proxy.corp:3128") == "s3cret"
