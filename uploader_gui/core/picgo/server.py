"""``PicGoServer``: PicGo's local upload server (``POST http://127.0.0.1:36677/upload``), for
the editors that upload through PicGo (Obsidian's "Image auto upload", SiYuan's PicGo plugin,
scripts written for PicGo or PicList).

It listens on loopback only, serves each connection on a thread of its own, and hands each
accepted request to the window as a :class:`~.batch.Batch` through the :class:`UploadBatch`
it was given; what real clients send, and what is refused, is in the package's docstring.

``stop()`` closes the listening socket at once and refuses new requests. A batch the window
is uploading is not cancelled: it is seen through (nothing is lost: the window keeps it in
its history). Its request is answered with its URLs if it finishes within ``grace`` seconds,
else at once with ``{"success": false, "message": "uploader-gui is stopping"}``.
"""

from __future__ import annotations

import errno
import threading
from pathlib import Path

from ..i18n import translate
from .batch import DEFAULT_MAX_BODY, MAX_FILE_BYTES
from .batch import UploadBatch as UploadBatch
from .connections import shutdown_socket
from .handler import PicGoHTTPServer, Settings, send_stopping

#: PicGo's port, which editors are set up for.
DEFAULT_PORT = 36677
HOST = "127.0.0.1"
_POLL_SECONDS = 0.1  # how soon the accepting loop notices stop()


class ServerStartError(OSError):
    """The server could not listen; :attr:`message` says why, for the person."""

    def __init__(self, number: int, message: str, port: int) -> None:
        super().__init__(number, message)
        self.message = message
        self.port = port

    def __str__(self) -> str:
        return self.message


class PortInUseError(ServerStartError):
    """Another program (PicGo itself, PicList, a second uploader-gui) has the port."""


def _start_error(error: OSError, port: int) -> ServerStartError:
    if error.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1)):
        text = translate(
            "PicGo",
            "port {port} is already in use (is PicGo or PicList running?): "
            "quit it or choose another port",
        )
        return PortInUseError(errno.EADDRINUSE, text.format(port=port), port)
    text = translate("PicGo", "cannot listen on port {port}: {reason}")
    reason = error.strerror or str(error)
    return ServerStartError(error.errno or 0, text.format(port=port, reason=reason), port)


class PicGoServer:
    """PicGo's upload endpoint on ``127.0.0.1:port`` (0: any free port, for tests).

    ``token``: when set, every upload must carry it (``?key=`` as PicList asks, or
    ``?secret=``, ``Authorization: Bearer``, ``X-PicGo-Secret`` as PicGo 3 does).
    ``upload`` is called on a server thread with each batch and waits for its outcomes.
    ``max_body`` bounds a multipart body, ``max_file_bytes`` each image in it (a larger one
    is answered with its reason, the others upload). ``local_pages`` accepts the ``Origin``
    of a page served from this computer (SiYuan's window is one). ``spool_dir`` is where
    received images are kept while they upload (in a private folder made there; default:
    the system's temporary folder).
    """

    def __init__(
        self,
        port: int = DEFAULT_PORT,
        *,
        token: str | None,
        upload: UploadBatch,
        max_body: int = DEFAULT_MAX_BODY,
        max_file_bytes: int = MAX_FILE_BYTES,
        local_pages: bool = True,
        spool_dir: Path | None = None,
    ) -> None:
        if token == "":
            raise ValueError("an empty token: pass None for none")
        self._port = port
        self._settings = Settings(token, upload, max_body, max_file_bytes, local_pages, spool_dir)
        self._httpd: PicGoHTTPServer | None = None
        self._last: PicGoHTTPServer | None = None  # for wait_idle after stop
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self._httpd is not None

    @property
    def port(self) -> int:
        """The port it listens on (the one chosen, with 0); the one asked before start."""
        return self._httpd.server_port if self._httpd is not None else self._port

    @property
    def url(self) -> str:
        """What to enter in the editor: ``http://127.0.0.1:36677/upload``."""
        return f"http://{HOST}:{self.port}/upload"

    def start(self) -> PicGoServer:
        """Listen on loopback and serve from a daemon thread.

        Raises :class:`PortInUseError` (or :class:`ServerStartError`) with a ``message``.
        """
        with self._lock:
            if self._httpd is not None:
                raise RuntimeError("the PicGo server is already running")
            try:
                httpd = PicGoHTTPServer((HOST, self._port), self._settings)
            except OSError as error:
                raise _start_error(error, self._port) from error
            self._httpd = self._last = httpd
            self._thread = threading.Thread(
                target=httpd.serve_forever,
                kwargs={"poll_interval": _POLL_SECONDS},
                name=f"picgo-server-{httpd.server_port}",
                daemon=True,
            )
            self._thread.start()
            return self

    def stop(self, grace: float = 0.0) -> None:
        """Stop listening and answer what is left (see the module). Idempotent.

        With ``grace`` > 0 it waits up to that long for batches being uploaded: never call it
        so from a thread the ``upload`` callable waits on (the window's, through its bridge).
        """
        with self._lock:
            httpd, thread = self._httpd, self._thread
            self._httpd = self._thread = None
        if httpd is None or thread is None:
            return
        httpd.live.refuse_new()
        httpd.shutdown()  # no more accepting
        httpd.server_close()  # the port is free again
        thread.join()
        pending, idle = httpd.live.stop(grace)
        for exchange in pending:
            send_stopping(exchange)
        for connection in idle:
            shutdown_socket(connection)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until no request is being served (after ``stop`` too: its batches seen
        through); False if ``timeout`` passed first."""
        httpd = self._last
        return True if httpd is None else httpd.live.wait_idle(timeout)

    def __repr__(self) -> str:
        return f"PicGoServer({self.url if self.running else 'stopped'})"
