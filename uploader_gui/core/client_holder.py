"""The one :class:`UploadClient` of the current access, made on first use (no Qt here).

httpx is slow to import, so the client is created by the first upload, on a worker thread.
A new destination, key (a new :class:`.destination.Access`) or proxy retires the old client
(uploads under way keep it until they end).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from .destination import Access, Destination
from .destinations.uploader import Field
from .errors import DestinationChangedError
from .network.proxy import ProxyMode, ProxySettings
from .retry import RetryPolicy

if TYPE_CHECKING:  # the client imports httpx, which the start-up path must not load
    from .client import UploadClient

log = logging.getLogger(__name__)


class ClientHolder:
    """Makes the :class:`UploadClient` of an :class:`.destination.Access` on first use, in a
    worker; thread-safe. It keeps no destination of its own: each call says which access
    (and retry policy) it wants, and a client made for another (or for an older proxy) is
    retired, not used."""

    def __init__(self, proxy_password: Callable[[str], str | None] | None = None) -> None:
        """``proxy_password(url)`` looks up a manual proxy's password (the keyring); it is
        called on the worker that makes the client, never on the GUI thread."""
        self._lock = threading.Lock()
        # Workers wait for each other here while one makes the client (the keyring, GNOME's
        # settings, importing httpx): the GUI thread, which only takes _lock, never does.
        self._building = threading.Lock()
        #: Bumped by every change of the network settings: a client made before is retired.
        self._proxy_version = 0
        self._closed = False
        self._proxy = ProxySettings()
        self._proxy_password = proxy_password
        self._client: UploadClient | None = None
        self._made_for: tuple[int, RetryPolicy, int] | None = None
        self._retired: list[UploadClient] = []

    def set_proxy(self, proxy: ProxySettings) -> None:
        """Uploads not yet begun use ``proxy`` (a password in it is used as it is; without
        one, a manual proxy's user gets the password kept for it)."""
        with self._lock:
            if proxy == self._proxy:
                return
            self._proxy = proxy
            self._proxy_version += 1
            self._retire()

    def get(self, access: Access, retry: RetryPolicy) -> UploadClient:
        """The client for ``access`` with ``retry``. Made outside the lock the GUI thread
        takes, so a slow keyring or ``gsettings`` never blocks it."""
        while True:
            with self._building:
                with self._lock:
                    if self._closed:
                        raise DestinationChangedError()
                    wanted = (access.generation, retry, self._proxy_version)
                    if self._client is not None and self._made_for == wanted:
                        return self._client
                    proxy = self._proxy
                from .client import UploadClient

                made = UploadClient(
                    access.destination,
                    access.key,
                    retry=retry,
                    proxy=self._with_password(proxy),
                    secrets=access.secrets,
                )
                with self._lock:
                    closed = self._closed
                    if not closed and self._proxy_version == wanted[2]:
                        self._retire()
                        self._client, self._made_for = made, wanted
                        return made
                    if not closed:
                        self._retired.append(made)  # the proxy changed meanwhile: again
                if closed:
                    made.close()
                    raise DestinationChangedError()

    def probe(
        self,
        destination: Destination,
        api_key: str,
        secrets: Mapping[Field, str] | None = None,
    ) -> UploadClient:
        """A client of its own for one check (Test key) of ``destination`` with ``api_key``,
        through exactly the network settings uploads use (the proxy chosen, its password).
        No retries; the caller closes it. Call it on a worker, as :meth:`get`."""
        with self._lock:
            proxy = self._proxy
        from .client import UploadClient

        return UploadClient(
            destination,
            api_key,
            retry=RetryPolicy(retries=0),
            proxy=self._with_password(proxy),
            secrets=secrets,
        )

    def _retire(self) -> None:
        """(Under the lock.) Uploads under way keep the current client; closed at shutdown."""
        if self._client is not None:
            self._retired.append(self._client)
            self._client = self._made_for = None

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
