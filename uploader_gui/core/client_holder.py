"""The one :class:`UploadClient` of a destination, made on first use (no Qt here).

httpx is slow to import, so the client is created by the first upload, on a worker thread.
A new destination, key or proxy retires the old client (uploads under way keep it until they
end);
an upload that has not begun when the destination changes is told so, and starts again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from .errors import DestinationChangedError
from .network.proxy import ProxyMode, ProxySettings
from .retry import RetryPolicy

if TYPE_CHECKING:  # the client imports httpx, which the start-up path must not load
    from .client import UploadClient

log = logging.getLogger(__name__)


class ClientHolder:
    """Creates the :class:`UploadClient` on first use, in a worker; thread-safe."""

    def __init__(self, proxy_password: Callable[[str], str | None] | None = None) -> None:
        """``proxy_password(url)`` looks up a manual proxy's password (the keyring); it is
        called on the worker that makes the client, never on the GUI thread."""
        self._lock = threading.Lock()
        # Workers wait for each other here while one makes the client (the keyring, GNOME's
        # settings, importing httpx): the GUI thread, which only takes _lock, never does.
        self._building = threading.Lock()
        #: Bumped by every change: a client made for older settings is not used.
        self._generation = 0
        self._closed = False
        self._settings: tuple[str, str, RetryPolicy] | None = None
        self._proxy = ProxySettings()
        self._proxy_password = proxy_password
        self._client: UploadClient | None = None
        self._retired: list[UploadClient] = []

    def set_proxy(self, proxy: ProxySettings) -> None:
        """Uploads not yet begun use ``proxy`` (a password in it is used as it is; without
        one, a manual proxy's user gets the password kept for it)."""
        with self._lock:
            if proxy == self._proxy:
                return
            self._proxy = proxy
            self._generation += 1
            if self._client is not None:
                self._retired.append(self._client)
                self._client = None

    def allow_plain_password(self, address: str) -> None:
        """The proxy at ``address`` may now receive its password in clear text."""
        with self._lock:
            proxy = self._proxy
        self.set_proxy(replace(proxy, plain_password_ok=proxy.plain_password_ok | {address}))

    def configure(self, api_url: str, api_key: str, retry: RetryPolicy) -> None:
        with self._lock:
            if self._settings == (api_url, api_key, retry):
                return
            self._settings = (api_url, api_key, retry)
            self._generation += 1
            if self._client is not None:
                # Uploads under way keep using it; closed at shutdown.
                self._retired.append(self._client)
                self._client = None

    @property
    def target(self) -> str | None:
        """The API URL uploads go to now (``None`` while there is no key)."""
        with self._lock:
            return None if self._settings is None else self._settings[0]

    def forget(self) -> None:
        """No destination until :meth:`configure`: uploads not yet begun start again."""
        with self._lock:
            self._settings = None
            self._generation += 1
            if self._client is not None:
                self._retired.append(self._client)
                self._client = None

    def get(self, api_url: str | None = None) -> UploadClient:
        """The client; with ``api_url``, only if uploads still go there. Made outside the
        lock the GUI thread takes, so a slow keyring or ``gsettings`` never blocks it."""
        while True:
            with self._building:
                with self._lock:
                    settings = self._current(api_url)
                    if self._client is not None:
                        return self._client
                    generation, proxy = self._generation, self._proxy
                from .client import UploadClient

                made = UploadClient(
                    settings[0], settings[1], retry=settings[2], proxy=self._with_password(proxy)
                )
                with self._lock:
                    closed = self._closed
                    if generation == self._generation and not closed:
                        self._client = made
                        return made
                    if not closed:
                        self._retired.append(made)  # the settings changed meanwhile: again
                if closed:
                    made.close()
                    raise DestinationChangedError()

    def probe(self, api_url: str, api_key: str) -> UploadClient:
        """A client of its own for one check (Test key) of ``api_url`` with ``api_key``,
        through exactly the network settings uploads use (the proxy chosen, its password).
        No retries; the caller closes it. Call it on a worker, as :meth:`get`."""
        with self._lock:
            proxy = self._proxy
        from .client import UploadClient

        return UploadClient(
            api_url, api_key, retry=RetryPolicy(retries=0), proxy=self._with_password(proxy)
        )

    def _current(self, api_url: str | None) -> tuple[str, str, RetryPolicy]:
        if (
            self._closed
            or self._settings is None
            or (api_url is not None and self._settings[0] != api_url)
        ):
            raise DestinationChangedError()
        return self._settings

    def _with_password(self, proxy: ProxySettings) -> ProxySettings:
        if (
            proxy.mode is not ProxyMode.MANUAL
            or proxy.password is not None
            or self._proxy_password is None
            or "@" not in proxy.url
        ):
            return proxy
        try:
            password = self._proxy_password(proxy.url)
        except Exception as exc:  # the keyring failed: the proxy will say what it wants
            log.warning("the proxy's password could not be read from the keyring: %s", exc)
            return proxy
        return replace(proxy, password=password)

    def close(self) -> None:
        """Close every client; uploads still running fail fast and are reported cancelled."""
        with self._lock:
            self._closed = True
            clients = [*self._retired, *([self._client] if self._client else [])]
            self._client = None
            self._retired.clear()
        for client in clients:
            try:
                client.close()
            except Exception:  # closing must not stop the shutdown
                log.debug("closing a client failed", exc_info=True)
