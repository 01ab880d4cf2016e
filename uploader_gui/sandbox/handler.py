"""The HTTP request handler: routes each request, checks it against the contract, injects
the configured faults and answers in JSON."""

from __future__ import annotations

import contextlib
import hmac
import json
import socket
import time
from collections.abc import Iterable, Sequence
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from typing import IO, TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from . import contract, hosts_routes
from .body import CHUNK_SIZE, RequestBody, body_length, read_chunks, spool_file
from .contract import FILES_PREFIX, HEALTH_PATH, UPLOAD_PATH, ReceivedForm, Reject
from .faults import SLOW_LINK_WINDOW, Dropped, Fault
from .hosts import HOSTS_PREFIX, HostExchange, Hosts
from .multipart import FormReceiver, boundary

if TYPE_CHECKING:
    from .service import Connections

_LINGER_SECONDS = 2.0


def shutdown_socket(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class Handler(BaseHTTPRequestHandler):
    """Serves one connection: keep-alive requests, each routed, answered in JSON."""

    protocol_version = "HTTP/1.1"
    server: Connections  # type: ignore[assignment]
    _body: RequestBody
    _is_upload: bool

    def setup(self) -> None:
        super().setup()
        self._small_window = False
        self.server.track(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.untrack(self.connection)

    def handle(self) -> None:
        try:
            super().handle()
        except ConnectionError:  # the client went away; nothing to answer
            self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        """Silenced: tests and benchmarks stay quiet, and nothing can leak the key."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors found before dispatch (bad request line or headers, unknown method) are JSON
        too; the request's framing is unknown then, so the connection closes."""
        body = json.dumps({"detail": message or HTTPStatus(code).phrase}).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._dispatch()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = do_GET

    def _dispatch(self) -> None:
        sandbox = self.server.sandbox
        headers = {name.lower(): value for name, value in self.headers.items()}
        sandbox.record(self.command, self.path, headers)
        path = urlsplit(self.path).path
        self._is_upload = self.command == "POST" and path == UPLOAD_PATH
        self._body = RequestBody(self.rfile, body_length(self.headers), self._pace)
        try:
            self._route(path)
        except Reject as reject:
            self._send_json(reject.status, {"detail": reject.detail}, reject.headers)
        except Dropped:
            self.close_connection = True
            shutdown_socket(self.connection)
            self.connection.close()

    def _route(self, path: str) -> None:
        if path == UPLOAD_PATH:
            self._require_method("POST")
            self._upload()
        elif path == HEALTH_PATH:
            self._require_method("GET")
            self._check_key()
            self._send_json(200, {"status": "ok"})
        elif path.startswith(FILES_PREFIX):
            self._require_method("GET")
            self._serve_stored(path.removeprefix(FILES_PREFIX))
        elif path.startswith(HOSTS_PREFIX) and self.server.sandbox.hosts is not None:
            self._serve_host(self.server.sandbox.hosts, path)
        else:
            raise contract.not_found()

    def _require_method(self, method: str) -> None:
        if self.command != method:
            raise contract.method_not_allowed(method)

    def _check_key(self) -> None:
        given = self.headers.get("X-API-Key")
        expected = self.server.sandbox.key.encode()
        if given is None or not hmac.compare_digest(given.encode("latin-1"), expected):
            raise contract.invalid_key()

    def _upload(self) -> None:
        sandbox = self.server.sandbox
        self._check_key()
        length = self._body.length
        if length is None or "Content-Length" not in self.headers:
            self.close_connection = True
            raise contract.length_required()
        max_bytes = sandbox.max_bytes
        if length > max_bytes + contract.MULTIPART_OVERHEAD:
            raise contract.too_large(max_bytes)
        redirect_to = sandbox.faults.redirect_to
        if redirect_to is not None:
            self._send_json(307, {"detail": "Temporary Redirect"}, [("Location", redirect_to)])
            return
        form_boundary = boundary(self.headers.get("Content-Type"))
        if form_boundary is None:
            raise contract.not_multipart()
        with spool_file(sandbox.storage) as spool:
            form, fault = self._receive_form(form_boundary, spool, length, max_bytes)
            self._answer_upload(form, fault, spool, max_bytes)

    def _receive_form(
        self, form_boundary: bytes, spool: IO[bytes], length: int, max_bytes: int
    ) -> tuple[ReceivedForm, Fault]:
        """Reads the whole body into ``spool``, deciding the fault once the file part shows."""
        receiver = FormReceiver(form_boundary, spool, max_bytes)
        form = receiver.form
        fault: Fault | None = None
        for chunk in self._body.chunks():
            receiver.feed(chunk)
            if fault is None and form.file is not None:
                fault = self.server.sandbox.next_fault(form.file.filename)
            if fault is Fault.DROP and 2 * self._body.consumed >= length:
                raise Dropped
        return form, Fault.NONE if fault is None else fault

    def _answer_upload(
        self, form: ReceivedForm, fault: Fault, spool: IO[bytes], max_bytes: int
    ) -> None:
        sandbox = self.server.sandbox
        faults = sandbox.faults
        if fault is Fault.FAIL:
            retry_after = (
                [] if faults.retry_after is None else [("Retry-After", faults.retry_after)]
            )
            raise Reject(faults.fail_status, "Injected failure", retry_after)
        if fault is Fault.NON_JSON:
            self._send(200, "text/html", b"<html>oops</html>")
            return
        part, image_type = contract.accepted_file(form, max_bytes)
        upload = sandbox.store(part, image_type, spool)
        answer = {"url": upload.url, "filename": upload.filename, "size_bytes": upload.size}
        self._send_json(200, answer)

    def _serve_stored(self, name: str) -> None:
        upload = self.server.sandbox.stored_upload(name)
        if upload is None:
            raise contract.not_found()
        self._respond(200, upload.content_type, upload.size, read_chunks(upload.path))

    def _serve_host(self, hosts: Hosts, path: str) -> None:
        """A generic test host's route (:mod:`.hosts_routes`), answered in its own shapes."""
        sandbox = self.server.sandbox
        query = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        exchange = HostExchange(
            self.command,
            self.path,
            path,
            query,
            self.headers,
            self._body,
            sandbox.url,
            sandbox.storage,
            sandbox.max_bytes,
        )
        answer = hosts_routes.serve(hosts, exchange)
        if answer.close:
            self.close_connection = True
        self._respond(
            answer.status, answer.content_type, answer.length, answer.chunks, answer.headers
        )

    def _pace(self, consumed: int, elapsed: float) -> None:
        """Throttle fault: upload bodies are read no faster than ``throttle_bps``.

        Like a slow link, a throttled connection also keeps a small receive window, so the
        client's progress follows what the server has really read.
        """
        bps = self.server.sandbox.faults.throttle_bps
        if self._is_upload and bps > 0:
            if not self._small_window:
                self._small_window = True
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, SLOW_LINK_WINDOW)
            self.server.stopping.wait(consumed / bps - elapsed)

    def _send_json(
        self, status: int, payload: object, headers: Sequence[tuple[str, str]] = ()
    ) -> None:
        self._send(status, "application/json", json.dumps(payload).encode(), headers)

    def _send(
        self, status: int, content_type: str, body: bytes, headers: Sequence[tuple[str, str]] = ()
    ) -> None:
        self._respond(status, content_type, len(body), [body], headers)

    def _respond(
        self,
        status: int,
        content_type: str,
        length: int,
        chunks: Iterable[bytes],
        headers: Sequence[tuple[str, str]] = (),
    ) -> None:
        """Answer, after reading the rest of the body: a client that writes its whole body
        before reading then gets this answer rather than a broken pipe."""
        self._body.discard()
        if self._is_upload:
            self.server.stopping.wait(self.server.sandbox.faults.latency)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        for name, value in headers:
            self.send_header(name, value)
        if self.close_connection or not self._body.framed:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            for chunk in chunks:
                self.wfile.write(chunk)
        if not self._body.framed:
            self._linger_close()

    def _linger_close(self) -> None:
        """Half-close, then drop what the client still sends for a while, so that closing
        with unread data does not reset the connection before the client reads the answer."""
        deadline = time.monotonic() + _LINGER_SECONDS
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_WR)
            self.connection.settimeout(_LINGER_SECONDS)
            while time.monotonic() < deadline and self.connection.recv(CHUNK_SIZE):
                pass
