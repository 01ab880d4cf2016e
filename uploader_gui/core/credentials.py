"""The API key: where it comes from and where it is kept, in the OS keyring only.

Precedence: ``$IMAGEPIPELINE_API_KEY`` (shown as "from the environment", not editable in the
app) > a key kept for this session only > the OS keyring > ask. The keyring entry is service
``uploader-gui``, user name the destination's :attr:`.destination.Destination.keyring_user`
(an API URL's ``host[:port]``), so production, staging and the sandbox each keep their own.

``keyring`` is imported lazily (it costs ~150 ms) and only off the GUI thread. Every keyring
failure becomes a :class:`CredentialError` with a message a person can act on, and there is
no fallback to plain text: without a secure backend the key is kept in memory for the session
only, and the message says so.
"""

from __future__ import annotations

import enum
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from .config import ENV_API_KEY, check_api_key, key_from_environment
from .destination import Destination
from .i18n import QT_TRANSLATE_NOOP, translate
from .network.proxy import keyring_user

SERVICE = "uploader-gui"


class KeySource(enum.Enum):
    ENVIRONMENT = "environment"
    SESSION = "session"
    KEYRING = "keyring"
    NONE = "none"

    def describe(self, backend: str) -> str:
        if self is KeySource.ENVIRONMENT:
            text = translate("Keyring", "from the environment ({variable})")
            return text.format(variable=ENV_API_KEY)
        if self is KeySource.SESSION:
            return translate("Keyring", "for this session only (kept in memory)")
        if self is KeySource.KEYRING:
            return translate("Keyring", "stored in {keyring}").format(keyring=backend)
        return translate("Keyring", "not set")


@dataclass(frozen=True)
class KeyLookup:
    key: str | None
    source: KeySource
    #: Why the keyring could not be read, if it could not; the key may still be ``None``.
    problem: str | None = None

    def __repr__(self) -> str:  # never show the key
        return f"KeyLookup(source={self.source.value}, problem={self.problem!r})"


class CredentialError(Exception):
    """A keyring operation failed; the message says what to do."""


class NoSecureBackendError(CredentialError):
    """There is no secure keyring on this system (the key can be used for this session)."""


_NO_BACKEND = QT_TRANSLATE_NOOP(
    "Keyring",
    "No secure keyring is available on this system (Secret Service, macOS Keychain or Windows "
    "Credential Locker), and uploader-gui never stores keys in plain text. The key can be "
    "used for this session only; to keep it, set {variable} in your environment.",
)
#: The message in English; what a person is shown is :func:`no_backend_message`.
NO_BACKEND_MESSAGE = _NO_BACKEND.format(variable=ENV_API_KEY)


def no_backend_message() -> str:
    """Why there is no keyring to keep a key in, in the language chosen."""
    return translate("Keyring", _NO_BACKEND).format(variable=ENV_API_KEY)


# Friendly names for the backends the keyring package ships.
_BACKEND_NAMES = {
    "keyring.backends.SecretService.Keyring": "GNOME Keyring (Secret Service)",
    "keyring.backends.libsecret.Keyring": "GNOME Keyring (Secret Service, libsecret)",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet",
    "keyring.backends.macOS.Keyring": "macOS Keychain",
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Locker",
}
# Backends that do not protect the secret (or do not store it at all).
_INSECURE_PREFIXES = (
    "keyring.backends.fail.",
    "keyring.backends.null.",
    "keyrings.alt.",
)


def _qualified(backend: object) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"


def _leaves(backend: Any) -> list[Any]:
    """The real backends behind a chainer."""
    inner = getattr(backend, "backends", None)
    if isinstance(inner, (list, tuple)) and _qualified(backend).endswith("ChainerBackend"):
        return [leaf for child in inner for leaf in _leaves(child)]
    return [backend]


def _is_secure(backend: Any) -> bool:
    name = _qualified(backend)
    return not name.startswith(_INSECURE_PREFIXES) and "Plaintext" not in name


def _describe(exc: BaseException, backend: str) -> str:
    """A message for a person from any keyring failure (keys are never part of these)."""
    kind = type(exc).__name__
    text = str(exc).strip()
    reason = text or kind
    if kind == "NoKeyringError":
        return no_backend_message()
    if kind in ("KeyringLocked", "InitError") or "locked" in text.lower() or "dismissed" in text:
        message = translate(
            "Keyring",
            "{keyring} is locked or could not be opened ({reason}). Unlock it (for example by "
            "logging in to your desktop session) and try again.",
        )
    elif "AccessDenied" in kind or "denied" in text.lower():
        message = translate("Keyring", "{keyring} refused access to the key ({reason}).")
    elif "DBus" in kind or "dbus" in text.lower():
        message = translate(
            "Keyring",
            "Could not talk to {keyring} over D-Bus ({reason}). Is the keyring service running?",
        )
    else:
        message = translate("Keyring", "{keyring} failed: {reason}")
    return message.format(keyring=backend, reason=reason)


class Credentials:
    """Finds, saves and removes API keys. Thread-safe; keyring calls may block (D-Bus)."""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        self._env = os.environ if env is None else env
        self._lock = threading.RLock()
        self._session: dict[str, str] = {}

    # -- the keyring module and backend ------------------------------------------------

    @staticmethod
    def _keyring() -> ModuleType:
        import keyring  # lazily: ~150 ms, off the start-up path

        return keyring

    def _backend(self) -> Any:
        return self._keyring().get_keyring()

    def backend_name(self) -> str:
        """A name for the backend in use, e.g. "GNOME Keyring (Secret Service)"."""
        with self._lock:
            try:
                leaves = [leaf for leaf in _leaves(self._backend()) if _is_secure(leaf)]
            except Exception:
                return translate("Keyring", "the system keyring")
            if not leaves:
                return translate("Keyring", "no secure keyring")
            names = [
                _BACKEND_NAMES.get(_qualified(leaf), getattr(leaf, "name", "")) for leaf in leaves
            ]
            return names[0] or translate("Keyring", "the system keyring")

    def has_secure_backend(self) -> bool:
        with self._lock:
            try:
                return any(_is_secure(leaf) for leaf in _leaves(self._backend()))
            except Exception:
                return False

    # -- lookups -----------------------------------------------------------------------

    @staticmethod
    def username(destination: Destination | str) -> str:
        """The keyring entry's user name for ``destination`` (a bare API URL is one)."""
        if isinstance(destination, str):
            destination = Destination(destination)
        return destination.keyring_user

    def environment_key(self) -> str | None:
        return key_from_environment(self._env)

    def lookup(self, destination: Destination | str) -> KeyLookup:
        """The key to use for ``destination`` and where it came from. Never raises."""
        env_key = self.environment_key()
        if env_key is not None:
            return KeyLookup(env_key, KeySource.ENVIRONMENT)
        user = self.username(destination)
        with self._lock:
            if user in self._session:
                return KeyLookup(self._session[user], KeySource.SESSION)
            if not self.has_secure_backend():
                return KeyLookup(None, KeySource.NONE)
            backend = self.backend_name()
            try:
                stored = self._keyring().get_password(SERVICE, user)
            except Exception as exc:
                return KeyLookup(None, KeySource.NONE, _describe(exc, backend))
        if stored:
            return KeyLookup(stored, KeySource.KEYRING)
        return KeyLookup(None, KeySource.NONE)

    # -- changes -----------------------------------------------------------------------

    def save(self, destination: Destination | str, key: str) -> None:
        """Keep ``key`` for ``destination`` in the OS keyring (replacing any other).

        Raises :class:`NoSecureBackendError` when there is no secure keyring, and
        :class:`CredentialError` when the keyring fails.
        """
        key = check_api_key(key)
        user = self.username(destination)
        with self._lock:
            if not self.has_secure_backend():
                raise NoSecureBackendError(no_backend_message())
            backend = self.backend_name()
            try:
                self._keyring().set_password(SERVICE, user, key)
            except Exception as exc:
                raise CredentialError(_describe(exc, backend)) from None
            self._session.pop(user, None)

    def use_for_session(self, destination: Destination | str, key: str) -> None:
        """Keep ``key`` in memory only, until the app quits."""
        with self._lock:
            self._session[self.username(destination)] = check_api_key(key)

    def delete(self, destination: Destination | str) -> None:
        """Forget the key for ``destination`` (session and keyring). Missing is not an error."""
        self._forget(self.username(destination))

    def _forget(self, user: str) -> None:
        """Remove the entry ``user`` (session and keyring); missing is not an error."""
        with self._lock:
            self._session.pop(user, None)
            if not self.has_secure_backend():
                return
            keyring = self._keyring()
            backend = self.backend_name()
            try:
                if keyring.get_password(SERVICE, user) is not None:
                    keyring.delete_password(SERVICE, user)
            except Exception as exc:
                raise CredentialError(_describe(exc, backend)) from None

    # -- a proxy's password ---------------------------------------------------------

    def proxy_password(self, proxy_url: str) -> str | None:
        """The password kept for the user named in ``proxy_url`` (entry ``proxy user@host:port``
        of service ``uploader-gui``); None if there is none or no secure keyring."""
        return self.secret(keyring_user(proxy_url))

    def save_proxy_password(self, proxy_url: str, password: str) -> None:
        """Keep a proxy's password in the keyring; without a secure keyring, for this
        session only (it is never written anywhere else)."""
        self.save_secret(keyring_user(proxy_url), password)

    def delete_proxy_password(self, proxy_url: str) -> None:
        self._forget(keyring_user(proxy_url))

    # -- any other secret: a proxy's password, a custom destination's fields ------------

    def secret(self, user: str) -> str | None:
        """The secret kept as entry ``user`` of service ``uploader-gui`` (this session's
        first); None if there is none or no secure keyring."""
        with self._lock:
            if user in self._session:
                return self._session[user]
            if not self.has_secure_backend():
                return None
            backend = self.backend_name()
            try:
                stored: str | None = self._keyring().get_password(SERVICE, user)
            except Exception as exc:
                raise CredentialError(_describe(exc, backend)) from None
        return stored or None

    def save_secret(self, user: str, value: str) -> None:
        """Keep ``value`` as entry ``user`` in the keyring; without a secure keyring, or when
        the keyring fails, for this session only (it is never written anywhere else), and
        the error says so."""
        with self._lock:
            if not self.has_secure_backend():
                self._session[user] = value
                raise NoSecureBackendError(no_backend_message())
            backend = self.backend_name()
            try:
                self._keyring().set_password(SERVICE, user, value)
            except Exception as exc:
                self._session[user] = value  # "used until you quit", as the message says
                raise CredentialError(_describe(exc, backend)) from None
            self._session.pop(user, None)

    def delete_secret(self, user: str) -> None:
        """Forget entry ``user`` (session and keyring); missing is not an error."""
        self._forget(user)

    def __repr__(self) -> str:
        return f"Credentials(session_hosts={sorted(self._session)})"
