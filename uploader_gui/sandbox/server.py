"""``SandboxServer``: the sandbox upload service on loopback, served from a daemon thread,
with the uploads it accepted and the requests it received on record."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import ssl
import sys
import tempfile
import threading
import weakref
from http.server import ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from .contract import DEFAULT_MAX_BYTES, FilePart, ImageType
from .faults import Fault, Faults, fault_for
from .handler import Handler, shutdown_socket
from .hosts import Hosts, HostsAuth
from .service import RequestRecord, StoredUpload

_STOP_TIMEOUT_SECONDS = 5.0
_POLL_SECONDS = 0.05  # how soon serve_forever notices stop()


class SandboxHTTPServer(ThreadingHTTPServer):
    """The HTTP server behind a SandboxServer; it knows its open connections to close them."""

    daemon_threads = True

    def __init__(
        self, address: tuple[str, int], sandbox: SandboxServer, tls: ssl.SSLContext | None
    ) -> None:
        self.sandbox = sandbox
        self.tls = tls
        self.stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._connections_changed = threading.Condition()
        super().__init__(address, Handler)

    def get_request(self) -> tuple[socket.socket, Any]:
        connection, address = super().get_request()
        if self.tls is None:
            return connection, address
        # The handshake happens in the handler's thread, on its first read: a client that
        # refuses the certificate never gets as far as a request.
        wrapped = self.tls.wrap_socket(connection, server_side=True, do_handshake_on_connect=False)
        return wrapped, address

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], (ssl.SSLError, ConnectionError)):
            return  # a client that refused the certificate: nothing to report
        super().handle_error(request, client_address)

    def track(self, connection: socket.socket) -> None:
        with self._connections_changed:
            self._connections.add(connection)
            if self.stopping.is_set():
                shutdown_socket(connection)

    def untrack(self, connection: socket.socket) -> None:
        with self._connections_changed:
            self._connections.discard(connection)
            self._connections_changed.notify_all()

    def close_connections(self, timeout: float) -> None:
        """Cut every open connection (idle keep-alive ones too), wait for handlers to end."""
        with self._connections_changed:
            self.stopping.set()
            for connection in self._connections:
                shutdown_socket(connection)
            self._connections_changed.wait_for(lambda: not self._connections, timeout)


class SandboxServer:
    """The sandbox upload service on ``host:port`` (0: any free port), served from a thread.

    ``key`` defaults to a random one. ``faults`` and ``max_bytes`` may be changed while it runs.
    Accepted images are stored in ``storage_dir``, by default a temporary directory removed by
    ``stop()``. ``hosts`` (``True``, or the :class:`HostsAuth` they require) also serves the
    generic test hosts under ``/hosts/``; their state is :attr:`hosts` (else None).
    """

    def __init__(
        self,
        key: str | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        storage_dir: Path | None = None,
        faults: Faults | None = None,
        tls: ssl.SSLContext | None = None,
        url_host: str | None = None,
        hosts: bool | HostsAuth = False,
    ) -> None:
        """``tls`` serves HTTPS with that context's certificate; ``url_host`` is the name
        :attr:`url` gives (one the certificate names, resolving to ``host``)."""
        self.key = secrets.token_urlsafe(24) if key is None else key
        self.faults = Faults() if faults is None else faults
        self.max_bytes = max_bytes
        self.uploads: list[StoredUpload] = []
        self.requests: list[RequestRecord] = []
        self.hosts: Hosts | None = None
        if hosts is not False:
            self.hosts = Hosts(hosts if isinstance(hosts, HostsAuth) else None)
        self._host = host
        self._url_host = url_host or host
        self._tls = tls
        self._port = port
        self._storage_dir = storage_dir
        self._lock = threading.Lock()
        self._attempts: dict[str, int] = {}
        self._stored: dict[str, StoredUpload] = {}
        self._httpd: SandboxHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._created_storage: Path | None = None
        self._remove_storage: weakref.finalize[..., SandboxServer] | None = None

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the sandbox server is not running")
        return self._httpd.server_port

    @property
    def url(self) -> str:
        scheme = "https" if self._tls is not None else "http"
        return f"{scheme}://{self._url_host}:{self.port}"

    @property
    def storage(self) -> Path:
        if self._storage_dir is not None:
            return self._storage_dir
        if self._created_storage is None:
            raise RuntimeError("the sandbox server is not running")
        return self._created_storage

    def start(self) -> SandboxServer:
        """Bind and serve in a daemon thread."""
        if self._httpd is not None:
            raise RuntimeError("the sandbox server is already running")
        httpd = SandboxHTTPServer((self._host, self._port), self, self._tls)
        if self._storage_dir is None:
            created = self._created_storage = Path(tempfile.mkdtemp(prefix="uploader-sandbox-"))
            # stop() removes it; so does this finalizer, at exit, if stop() never comes.
            self._remove_storage = weakref.finalize(
                self, shutil.rmtree, created, ignore_errors=True
            )
        else:
            self._storage_dir.mkdir(parents=True, exist_ok=True)
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": _POLL_SECONDS},
            name=f"sandbox-{httpd.server_port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, cut open connections, remove the storage it created. Idempotent."""
        httpd, thread = self._httpd, self._thread
        if httpd is None or thread is None:
            return
        httpd.shutdown()
        httpd.close_connections(_STOP_TIMEOUT_SECONDS)
        httpd.server_close()
        thread.join()
        self._httpd = self._thread = None
        if self._remove_storage is not None:
            self._remove_storage()
            self._remove_storage = self._created_storage = None

    def reset_faults(self) -> None:
        """Back to no faults, with every filename's attempt count cleared."""
        with self._lock:
            self.faults = Faults()
            self._attempts.clear()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self.url if self._httpd is not None else "not running"
        return f"SandboxServer({where}, uploads={len(self.uploads)}, faults={self.faults!r})"

    # -- for the request handler (its Service) ---------------------------------------------

    def record(self, method: str, path: str, headers: dict[str, str]) -> None:
        with self._lock:
            self.requests.append(RequestRecord(method, path, headers))

    def next_fault(self, filename: str) -> Fault:
        """Counts an attempt for ``filename`` and says which fault, if any, it gets."""
        with self._lock:
            attempt = self._attempts[filename] = self._attempts.get(filename, 0) + 1
        return fault_for(self.faults, attempt)

    def store(self, part: FilePart, image_type: ImageType, spool: IO[bytes]) -> StoredUpload:
        name = f"{secrets.token_hex(8)}.{image_type.extension}"
        path = self.storage / name
        spool.close()
        os.replace(spool.name, path)
        upload = StoredUpload(
            part.filename, part.content_type, part.size, part.sha256, path, f"{self.url}/u/{name}"
        )
        with self._lock:
            self.uploads.append(upload)
            self._stored[name] = upload
        return upload

    def stored_upload(self, name: str) -> StoredUpload | None:
        with self._lock:
            return self._stored.get(name)
