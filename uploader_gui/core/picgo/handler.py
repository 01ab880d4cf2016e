"""Serving one connection: each request through the gate, its body read within its limits,
the batch handed to the window, the answer in PicGo's shape.

The order of the checks: ``Host`` (403) before anything else, so a rebound page learns
nothing; then the address (404) and the method (405); then ``Origin``/``Sec-Fetch-Site``
(403) and the key (401); then the framing (411, 413, 415, 400) — all before a byte of the
body is read. A refused request is answered and its connection closed (its body unread).
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import socketserver
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ...platform.chooser import WINDOWS
from . import answer, messages
from .answer import Body, Entry
from .batch import MAX_FILES, MAX_PATHS, Batch, Client, LocalFile, Outcome, Source
from .batch import UploadBatch as UploadBatch
from .connections import Exchange, Live, shutdown_socket
from .gate import Framing, Refusal, check_host, check_key, check_origin, framing, split_target
from .paths import check_path, parse_list
from .receive import FormReceiver, private_folder, remove_folder

log = logging.getLogger(__name__)

UPLOAD_PATH = "/upload"
#: PicGo's "is a PicGo server there?" (PicGo and PicList ask it before starting their own).
HEARTBEAT_PATH = "/heartbeat"
#: How long a client may take to send a request line, its headers, or the next piece of body.
REQUEST_TIMEOUT = 60.0
_CHUNK = 64 * 1024
#: After a refusal: how long, and how much, of what the client still sends is let go.
_LINGER_SECONDS = 1.0
_LINGER_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    token: str | None
    upload: UploadBatch
    max_body: int
    max_file_bytes: int
    local_pages: bool
    spool_dir: Path | None


class PicGoHTTPServer(ThreadingHTTPServer):
    """The HTTP server behind :class:`~.server.PicGoServer`: its settings and connections."""

    daemon_threads = True  # stop() never waits for a batch the window is still uploading
    # On Windows SO_REUSEADDR would let a second program bind the port too (and take its
    # connections): there the port is taken exclusively instead.
    allow_reuse_address = not WINDOWS

    def __init__(self, address: tuple[str, int], settings: Settings) -> None:
        self.settings = settings
        self.live = Live()
        super().__init__(address, Handler)

    def server_bind(self) -> None:
        # HTTPServer's own looks the host's name up (a DNS query): not needed for loopback.
        exclusive = getattr(socket, "SO_EXCLUSIVEADDRUSE", None)
        if exclusive is not None:
            self.socket.setsockopt(socket.SOL_SOCKET, exclusive, 1)
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = "127.0.0.1", self.server_address[1]


class Handler(BaseHTTPRequestHandler):
    """One connection's requests, one after the other."""

    protocol_version = "HTTP/1.1"
    timeout = REQUEST_TIMEOUT
    server: PicGoHTTPServer
    _exchange: Exchange | None = None
    _origin: str | None = None  # a trusted Origin, once checked

    def setup(self) -> None:
        super().setup()
        self.server.live.opened(self.connection)

    def finish(self) -> None:
        try:
            with contextlib.suppress(OSError):
                super().finish()
        finally:
            self.server.live.closed(self.connection)

    def handle(self) -> None:
        with contextlib.suppress(OSError):  # the client went away, or was too slow
            super().handle()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: a request line may carry the key (``?key=``)."""

    def handle_expect_100(self) -> bool:
        """``100 Continue`` is sent only once the request passed the gate (see _continue)."""
        return True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A request line or headers too broken to route: PicGo's failure shape too."""
        text = messages.method_not_allowed() if code == 501 else messages.malformed()
        self._send(code, answer.failure(text), close=True)

    def do_POST(self) -> None:
        exchange = self.server.live.begin(self.connection)
        if exchange is None:
            self._send(503, answer.failure(messages.stopping()), close=True)
            return
        self._exchange = exchange
        try:
            self._route()
        except Refusal as refusal:
            extra = (("Allow", "POST"),) if refusal.status == 405 else ()
            self._send(refusal.status, answer.failure(refusal.message), close=True, extra=extra)
        except OSError:
            self.close_connection = True  # the client went away: no one to answer
        except Exception as error:  # a bug: still answered, and logged
            log.exception("the PicGo request failed")
            reason = messages.internal(type(error).__name__)
            self._send(500, answer.failure(reason), close=True)
        finally:
            self._exchange = self._origin = None
            self.server.live.end(exchange)

    do_GET = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = do_TRACE = do_POST

    def _route(self) -> None:
        settings = self.server.settings
        path, query = split_target(self.path)
        check_host(self.headers, self.server.server_port)
        if path not in (UPLOAD_PATH, HEARTBEAT_PATH):
            raise Refusal(404, messages.not_found())
        if self.command == "OPTIONS" and self.headers.get("Origin"):
            self._preflight(check_origin(self.headers, local_pages=settings.local_pages))
            return
        if self.command != "POST":
            raise Refusal(405, messages.method_not_allowed())
        origin = self._origin = check_origin(self.headers, local_pages=settings.local_pages)
        if path == HEARTBEAT_PATH:
            self._send(200, {"success": True, "result": "alive"})
            return
        check_key(self.headers, query, settings.token)
        frame = framing(self.headers, settings.max_body)
        client = Client(
            f"{self.client_address[0]}:{self.client_address[1]}",
            origin,
            self.headers.get("User-Agent"),
        )
        self._continue(frame)
        if frame.kind == "multipart":
            self._serve_received(frame, client)
        elif frame.kind == "json":
            self._serve_paths(self._read_all(frame.length), client)
        else:
            self._serve_clipboard(client)

    def _preflight(self, origin: str | None) -> None:
        """An editor's own window asking before a fetch (a trusted ``Origin`` only: any
        other was refused): it may POST, with the headers PicGo's clients set."""
        lines = [
            "HTTP/1.1 204 No Content",
            f"Access-Control-Allow-Origin: {origin}",
            "Access-Control-Allow-Methods: POST",
            "Access-Control-Allow-Headers: Content-Type, Authorization, X-PicGo-Secret",
            "Access-Control-Max-Age: 600",
            "Vary: Origin",
        ]
        if self.headers.get("Access-Control-Request-Private-Network", "").lower() == "true":
            lines.append("Access-Control-Allow-Private-Network: true")
        if self._exchange is not None and self.server.live.claim(self._exchange):
            self.connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))

    def _continue(self, frame: Framing) -> None:
        expect = self.headers.get("Expect", "").strip().lower()
        if frame.length and expect == "100-continue":
            self.connection.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")

    def _serve_clipboard(self, client: Client) -> None:
        outcomes = self._upload(Batch(Source.CLIPBOARD, (), client))
        if outcomes is not None:
            self._send(200, answer.clipboard(outcomes))

    def _serve_paths(self, body: bytes, client: Client) -> None:
        try:
            paths = parse_list(json.loads(body))
        except (ValueError, RecursionError):
            paths = None
        if paths is None:
            raise Refusal(400, messages.bad_json())
        if not paths:
            self._serve_clipboard(client)
            return
        if len(paths) > MAX_PATHS:
            raise Refusal(413, messages.too_many(MAX_PATHS))
        entries: list[Entry] = [(Path(raw).name or raw, check_path(raw)) for raw in paths]
        self._serve_files(Source.PATHS, entries, client)

    def _serve_received(self, frame: Framing, client: Client) -> None:
        folder = private_folder(self.server.settings.spool_dir)
        limit = self.server.settings.max_file_bytes
        receiver = FormReceiver(frame.boundary, folder, MAX_FILES, limit)
        try:
            for chunk in self._read(frame.length):
                receiver.feed(chunk)
            entries = receiver.finish()
            # Until the window is done with them (the upload returned), whatever the client does.
            self._serve_files(Source.RECEIVED, entries, client)
        finally:
            receiver.close()
            remove_folder(folder)

    def _serve_files(self, source: Source, entries: Sequence[Entry], client: Client) -> None:
        files = tuple(checked for _, checked in entries if isinstance(checked, LocalFile))
        outcomes: Sequence[Outcome] | None = ()
        if files:
            outcomes = self._upload(Batch(source, files, client))
        if outcomes is not None:
            self._send(200, answer.merge(entries, outcomes))

    def _upload(self, batch: Batch) -> Sequence[Outcome] | None:
        """The window's outcomes; None when the request was answered meanwhile (``stop``)."""
        exchange = self._exchange
        if exchange is None or not self.server.live.start_upload(exchange):
            raise Refusal(503, messages.stopping())
        try:
            outcomes = list(self.server.settings.upload(batch))
        except Exception as error:
            log.exception("the PicGo batch could not be uploaded")
            self._send(500, answer.failure(messages.internal(str(error) or type(error).__name__)))
            return None
        return outcomes

    def _read(self, length: int) -> Iterator[bytes]:
        """The body, piece by piece: exactly ``length`` bytes, never more."""
        remaining = length
        while remaining:
            try:
                chunk = self.rfile.read1(min(remaining, _CHUNK))
            except TimeoutError:
                raise Refusal(408, messages.too_slow()) from None
            if not chunk:
                raise ConnectionError("the request body was cut short")
            remaining -= len(chunk)
            yield chunk

    def _read_all(self, length: int) -> bytes:
        return b"".join(self._read(length))

    def _send(
        self, status: int, body: Body, *, close: bool = False, extra: Sequence[tuple[str, str]] = ()
    ) -> None:
        """Answer the request, unless ``stop`` did already; close when asked or stopping."""
        live = self.server.live
        exchange = self._exchange
        if exchange is not None and not live.claim(exchange):
            self.close_connection = True
            return
        close = close or live.stopping
        if self._origin is not None:  # an editor's window reads the answer (CORS)
            extra = (*extra, ("Access-Control-Allow-Origin", self._origin), ("Vary", "Origin"))
        try:
            self.connection.sendall(answer.response(status, body, close=close, extra=extra))
        except OSError:
            close = True  # the client left: the batch was seen through all the same
        if close:
            self.close_connection = True
            linger(self.connection)


def linger(connection: socket.socket) -> None:
    """Close our side, then let what the client is still sending arrive (and drop it) for a
    moment: closing on unread data resets the connection, and the client may lose the answer
    it has not read yet. Bounded in time and bytes: the body is not read, only let go."""
    deadline = time.monotonic() + _LINGER_SECONDS
    drained = 0
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_WR)
        while drained < _LINGER_BYTES and (left := deadline - time.monotonic()) > 0:
            connection.settimeout(left)
            chunk = connection.recv(_CHUNK)
            if not chunk:
                break
            drained += len(chunk)


def send_stopping(exchange: Exchange) -> None:
    """``stop``'s answer to a request it claimed, then the connection is cut."""
    with contextlib.suppress(OSError):
        exchange.connection.sendall(
            answer.response(503, answer.failure(messages.stopping()), close=True)
        )
    shutdown_socket(exchange.connection)
