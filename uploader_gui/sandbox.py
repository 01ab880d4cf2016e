"""A strict local implementation of the ImagePipeline upload service.

``SandboxServer`` is a real HTTP/1.1 server on loopback that answers ``POST /upload/image/v1``
and ``GET /health`` the way the contract in ``shared/api`` describes: API key first, then the
request framing, then exactly one ``file`` part whose declared image type must be allowed and
must match the bytes. Accepted images are stored on disk and served back from ``GET /u/<name>``.
The tests, the benchmarks and the app's ``--sandbox`` mode use it instead of the real service.

It is strict on purpose and can inject the faults a real network service shows (latency,
failures with ``Retry-After``, dropped connections, non-JSON answers, redirects, slow reads),
so that clients get tested against them. Bodies are streamed in 64 KiB reads through
python-multipart's streaming parser to a temporary file; no body is ever held in memory.

Standalone: ``python -m uploader_gui.sandbox --help``.
"""

from __future__ import annotations

import argparse
import contextlib
import enum
import hashlib
import hmac
import io
import json
import os
import re
import secrets
import shutil
import signal
import socket
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from email.message import Message
from email.utils import collapse_rfc2231_value
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import IO, NamedTuple, TypeAlias
from urllib.parse import urlsplit

from python_multipart import MultipartParser
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import parse_options_header

_UPLOAD_PATH = "/upload/image/v1"
_HEALTH_PATH = "/health"
_FILES_PREFIX = "/u/"
_DEFAULT_MAX_BYTES = 100 * 1024 * 1024
_CHUNK_SIZE = 64 * 1024
# Allowance for boundaries and part headers on top of max_bytes when judging Content-Length.
_MULTIPART_OVERHEAD = 64 * 1024
_MAX_BOUNDARY_LENGTH = 70  # RFC 2046, section 5.1.1
_LINGER_SECONDS = 2.0
_STOP_TIMEOUT_SECONDS = 5.0
_POLL_SECONDS = 0.05  # how soon serve_forever notices stop()


class _ImageType(NamedTuple):
    extension: str
    signature: re.Pattern[bytes]


_IMAGE_TYPES = {
    "image/png": _ImageType("png", re.compile(rb"\x89PNG\r\n\x1a\n")),
    "image/jpeg": _ImageType("jpg", re.compile(rb"\xff\xd8\xff")),
    "image/webp": _ImageType("webp", re.compile(rb"RIFF.{4}WEBP", re.DOTALL)),
    "image/gif": _ImageType("gif", re.compile(rb"GIF8[79]a")),
}
_SIGNATURE_LENGTH = 12
# What HTML5 form encoding (httpx, browsers) escapes in a quoted filename: '"' and controls.
_FORM_ESCAPE = re.compile(r"%(22|[01][0-9A-Fa-f])")

_Detail: TypeAlias = "str | list[dict[str, object]]"
_ParamValue: TypeAlias = "str | tuple[str | None, str | None, str]"


@dataclass
class Faults:
    """Faults injected into ``POST /upload/image/v1``; change fields while the server runs.

    Per distinct part filename, attempts are numbered from 1: the first ``drop_count`` are
    dropped, the next ``fail_count`` fail, the next ``non_json_count`` get a non-JSON 200.
    """

    latency: float = 0.0
    fail_status: int = 503
    fail_count: int = 0
    retry_after: str | None = None
    drop_count: int = 0
    non_json_count: int = 0
    redirect_to: str | None = None
    throttle_bps: int = 0


@dataclass(frozen=True)
class StoredUpload:
    """An accepted upload."""

    filename: str
    content_type: str
    size: int
    sha256: str
    path: Path
    url: str


@dataclass(frozen=True)
class RequestRecord:
    """A request as received; header names are lower-cased."""

    method: str
    path: str
    headers: dict[str, str]


class _Fault(enum.Enum):
    NONE = enum.auto()
    DROP = enum.auto()
    FAIL = enum.auto()
    NON_JSON = enum.auto()


class _Reject(Exception):
    """Ends a request with a JSON error response ``{"detail": ...}``."""

    def __init__(
        self, status: int, detail: _Detail, headers: Sequence[tuple[str, str]] = ()
    ) -> None:
        super().__init__(status, detail)
        self.status = status
        self.detail = detail
        self.headers = headers


class _Dropped(Exception):
    """The drop fault fired: the connection is closed without a response."""


def _error_entry(loc: Sequence[str], msg: str, kind: str) -> dict[str, object]:
    """One entry of a FastAPI-style validation error list."""
    return {"loc": list(loc), "msg": msg, "type": kind}


def _too_large(max_bytes: int) -> _Reject:
    return _Reject(413, f"File too large: limit is {max_bytes} bytes")


def _shutdown_socket(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def _body_length(headers: Message) -> int | None:
    """The request body's length, or None when its end cannot be known (chunked, bad value)."""
    if "Transfer-Encoding" in headers:
        return None
    value = headers.get("Content-Length")
    if value is None:
        return 0
    value = value.strip()
    return int(value) if value.isascii() and value.isdigit() else None


def _boundary(content_type: str | None) -> bytes | None:
    """The boundary of a ``multipart/form-data`` Content-Type, else None."""
    media_type, params = parse_options_header(content_type)
    boundary = params.get(b"boundary", b"")
    if media_type != b"multipart/form-data" or not 0 < len(boundary) <= _MAX_BOUNDARY_LENGTH:
        return None
    return boundary


def _media_type(content_type: str | None) -> str:
    """``image/png`` from ``image/PNG; x=y``; empty when there is no Content-Type."""
    return parse_options_header(content_type)[0].decode("latin-1")


def _decode_form_filename(raw: str) -> str:
    """Undo HTML5 form encoding of a quoted filename (raw is the latin-1 view of the bytes)."""
    text = raw.encode("latin-1").decode("utf-8", errors="replace")
    return _FORM_ESCAPE.sub(lambda match: chr(int(match[1], 16)), text)


def _disposition(value: str) -> tuple[str | None, str | None]:
    """The ``name`` and decoded ``filename`` of a part's Content-Disposition (latin-1 view).

    The stdlib MIME parameter parser is used here rather than python-multipart's
    parse_options_header, which drops ``filename*`` and cuts Windows-looking filenames such as
    ``C:\\a\\b.png`` down to ``b.png``. ``filename*`` (RFC 5987/2231) wins over ``filename``.
    """
    message = Message()
    message["Content-Disposition"] = value
    params: Sequence[tuple[str, _ParamValue]] = message.get_params([], header="content-disposition")
    name: str | None = None
    filename: str | None = None
    extended: str | None = None
    for key, param in params[1:]:
        if isinstance(param, tuple):
            if key == "filename":
                extended = collapse_rfc2231_value(param)
        elif key == "name":
            name = param
        elif key == "filename":
            filename = _decode_form_filename(param)
    return name, filename if extended is None else extended


@contextlib.contextmanager
def _spool_file(directory: Path) -> Iterator[IO[bytes]]:
    """A temporary file in ``directory``, deleted on exit unless it was moved away."""
    with tempfile.NamedTemporaryFile(dir=directory, prefix=".incoming-", delete=False) as spool:
        try:
            yield spool
        finally:
            spool.close()
            Path(spool.name).unlink(missing_ok=True)


def _read_chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as stored:
        while chunk := stored.read(_CHUNK_SIZE):
            yield chunk


@dataclass
class _FilePart:
    filename: str
    content_type: str
    size: int = 0
    head: bytes = b""
    sha256: str = ""


class _FormReceiver:
    """Takes a multipart body through python-multipart's streaming parser.

    The first ``file`` part (a part named ``file`` with a filename) is spooled to ``spool``, up
    to ``max_bytes``, and hashed; further parts are only counted or named.
    """

    def __init__(self, boundary: bytes, spool: IO[bytes], max_bytes: int) -> None:
        self.file: _FilePart | None = None
        self.file_parts = 0
        self.unexpected: list[str] = []
        self.malformed = False
        self.complete = False
        self._spool = spool
        self._max_bytes = max_bytes
        self._digest = hashlib.sha256()
        self._headers: dict[str, str] = {}
        self._header_field = bytearray()
        self._header_value = bytearray()
        self._receiving: _FilePart | None = None
        self._parser = MultipartParser(
            boundary,
            callbacks={
                "on_part_begin": self._headers.clear,
                "on_header_field": self._on_header_field,
                "on_header_value": self._on_header_value,
                "on_header_end": self._on_header_end,
                "on_headers_finished": self._on_headers_finished,
                "on_part_data": self._on_part_data,
                "on_part_end": self._on_part_end,
                "on_end": self._on_end,
            },
        )

    def feed(self, chunk: bytes) -> None:
        if self.malformed:
            return
        try:
            self._parser.write(chunk)
        except MultipartParseError:
            self.malformed = True

    def _on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def _on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _on_header_end(self) -> None:
        name = self._header_field.decode("latin-1").strip().lower()
        self._headers[name] = self._header_value.decode("latin-1").strip()
        self._header_field.clear()
        self._header_value.clear()

    def _on_headers_finished(self) -> None:
        name, filename = _disposition(self._headers.get("content-disposition", ""))
        if name != "file" or filename is None:
            self.unexpected.append(name or "")
            return
        self.file_parts += 1
        if self.file is None:
            content_type = _media_type(self._headers.get("content-type"))
            self.file = self._receiving = _FilePart(filename, content_type)

    def _on_part_data(self, data: bytes, start: int, end: int) -> None:
        part = self._receiving
        if part is None:
            return
        chunk = data[start:end]
        if len(part.head) < _SIGNATURE_LENGTH:
            part.head += chunk[: _SIGNATURE_LENGTH - len(part.head)]
        part.size += len(chunk)
        if part.size <= self._max_bytes:
            self._spool.write(chunk)
            self._digest.update(chunk)

    def _on_part_end(self) -> None:
        if self._receiving is not None:
            self._receiving.sha256 = self._digest.hexdigest()
            self._receiving = None

    def _on_end(self) -> None:
        self.complete = True


def _accepted_file(form: _FormReceiver, max_bytes: int) -> tuple[_FilePart, _ImageType]:
    """The upload's file part and its image type; raises _Reject in the contract's order."""
    if form.malformed or not form.complete:
        raise _Reject(422, [_error_entry(["body"], "malformed multipart body", "value_error")])
    if form.file is None:
        raise _Reject(
            422, [_error_entry(["body", "file"], "field required", "value_error.missing")]
        )
    if form.file_parts > 1:
        msg = "expected exactly one file part"
        raise _Reject(422, [_error_entry(["body", "file"], msg, "value_error")])
    if form.unexpected:
        msg = "extra field not permitted"
        raise _Reject(
            422,
            [_error_entry(["body", name], msg, "value_error.extra") for name in form.unexpected],
        )
    part = form.file
    if part.size > max_bytes:
        raise _too_large(max_bytes)
    image_type = _IMAGE_TYPES.get(part.content_type)
    if image_type is None:
        declared = part.content_type or "(none)"
        allowed = ", ".join(_IMAGE_TYPES)
        raise _Reject(415, f"Unsupported media type: {declared}; allowed: {allowed}")
    if part.size == 0:
        raise _Reject(422, "File is empty")
    if not image_type.signature.match(part.head):
        raise _Reject(422, f"File content does not match declared type {part.content_type}")
    return part, image_type


class _RequestBody:
    """One request's body, read in chunks of at most 64 KiB.

    After each chunk, ``pace(bytes read so far, seconds since the body was opened)`` runs.
    """

    def __init__(
        self, rfile: io.BufferedIOBase, length: int | None, pace: Callable[[int, float], None]
    ) -> None:
        self.length = length
        self.consumed = 0
        self._rfile = rfile
        self._pace = pace
        self._opened = time.monotonic()

    @property
    def framed(self) -> bool:
        """Whether the body's end is known (else the connection must close after the reply)."""
        return self.length is not None

    def chunks(self) -> Iterator[bytes]:
        """The rest of the body."""
        while self.length is not None and self.consumed < self.length:
            chunk = self._rfile.read(min(_CHUNK_SIZE, self.length - self.consumed))
            if not chunk:
                raise ConnectionResetError("client closed the connection mid-body")
            self.consumed += len(chunk)
            self._pace(self.consumed, time.monotonic() - self._opened)
            yield chunk

    def discard(self) -> None:
        for _ in self.chunks():
            pass


class _HTTPServer(ThreadingHTTPServer):
    """The HTTP server behind a SandboxServer; it knows its open connections to close them."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], sandbox: SandboxServer) -> None:
        self.sandbox = sandbox
        self.stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._connections_changed = threading.Condition()
        super().__init__(address, _Handler)

    def track(self, connection: socket.socket) -> None:
        with self._connections_changed:
            self._connections.add(connection)
            if self.stopping.is_set():
                _shutdown_socket(connection)

    def untrack(self, connection: socket.socket) -> None:
        with self._connections_changed:
            self._connections.discard(connection)
            self._connections_changed.notify_all()

    def close_connections(self, timeout: float) -> None:
        """Cut every open connection (idle keep-alive ones too), wait for handlers to end."""
        with self._connections_changed:
            self.stopping.set()
            for connection in self._connections:
                _shutdown_socket(connection)
            self._connections_changed.wait_for(lambda: not self._connections, timeout)


#: Receive buffer of a throttled connection (bytes).
_SLOW_LINK_WINDOW = 64 * 1024


class _Handler(BaseHTTPRequestHandler):
    """Serves one connection: keep-alive requests, each routed, answered in JSON."""

    protocol_version = "HTTP/1.1"
    server: _HTTPServer
    _body: _RequestBody
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
        sandbox._record(RequestRecord(self.command, self.path, headers))
        path = urlsplit(self.path).path
        self._is_upload = self.command == "POST" and path == _UPLOAD_PATH
        self._body = _RequestBody(self.rfile, _body_length(self.headers), self._pace)
        try:
            self._route(path)
        except _Reject as reject:
            self._send_json(reject.status, {"detail": reject.detail}, reject.headers)
        except _Dropped:
            self.close_connection = True
            _shutdown_socket(self.connection)
            self.connection.close()

    def _route(self, path: str) -> None:
        if path == _UPLOAD_PATH:
            self._require_method("POST")
            self._upload()
        elif path == _HEALTH_PATH:
            self._require_method("GET")
            self._check_key()
            self._send_json(200, {"status": "ok"})
        elif path.startswith(_FILES_PREFIX):
            self._require_method("GET")
            self._serve_stored(path.removeprefix(_FILES_PREFIX))
        else:
            raise _Reject(404, "Not Found")

    def _require_method(self, method: str) -> None:
        if self.command != method:
            raise _Reject(405, "Method Not Allowed", [("Allow", method)])

    def _check_key(self) -> None:
        given = self.headers.get("X-API-Key")
        expected = self.server.sandbox.key.encode()
        if given is None or not hmac.compare_digest(given.encode("latin-1"), expected):
            raise _Reject(401, "Invalid or missing API key")

    def _upload(self) -> None:
        sandbox = self.server.sandbox
        self._check_key()
        length = self._body.length
        if length is None or "Content-Length" not in self.headers:
            self.close_connection = True
            raise _Reject(411, "Content-Length required")
        max_bytes = sandbox.max_bytes
        if length > max_bytes + _MULTIPART_OVERHEAD:
            raise _too_large(max_bytes)
        redirect_to = sandbox.faults.redirect_to
        if redirect_to is not None:
            self._send_json(307, {"detail": "Temporary Redirect"}, [("Location", redirect_to)])
            return
        boundary = _boundary(self.headers.get("Content-Type"))
        if boundary is None:
            msg = "expected multipart/form-data with a boundary"
            raise _Reject(422, [_error_entry(["header", "content-type"], msg, "value_error")])
        with _spool_file(sandbox._storage) as spool:
            form, fault = self._receive_form(boundary, spool, length, max_bytes)
            self._answer_upload(form, fault, spool, max_bytes)

    def _receive_form(
        self, boundary: bytes, spool: IO[bytes], length: int, max_bytes: int
    ) -> tuple[_FormReceiver, _Fault]:
        """Reads the whole body into ``spool``, deciding the fault once the file part shows."""
        form = _FormReceiver(boundary, spool, max_bytes)
        fault: _Fault | None = None
        for chunk in self._body.chunks():
            form.feed(chunk)
            if fault is None and form.file is not None:
                fault = self.server.sandbox._next_fault(form.file.filename)
            if fault is _Fault.DROP and 2 * self._body.consumed >= length:
                raise _Dropped
        return form, _Fault.NONE if fault is None else fault

    def _answer_upload(
        self, form: _FormReceiver, fault: _Fault, spool: IO[bytes], max_bytes: int
    ) -> None:
        sandbox = self.server.sandbox
        faults = sandbox.faults
        if fault is _Fault.FAIL:
            retry_after = (
                [] if faults.retry_after is None else [("Retry-After", faults.retry_after)]
            )
            raise _Reject(faults.fail_status, "Injected failure", retry_after)
        if fault is _Fault.NON_JSON:
            self._send(200, "text/html", b"<html>oops</html>")
            return
        part, image_type = _accepted_file(form, max_bytes)
        upload = sandbox._store(part, image_type, spool)
        answer = {"url": upload.url, "filename": upload.filename, "size_bytes": upload.size}
        self._send_json(200, answer)

    def _serve_stored(self, name: str) -> None:
        upload = self.server.sandbox._stored_upload(name)
        if upload is None:
            raise _Reject(404, "Not Found")
        self._respond(200, upload.content_type, upload.size, _read_chunks(upload.path))

    def _pace(self, consumed: int, elapsed: float) -> None:
        """Throttle fault: upload bodies are read no faster than ``throttle_bps``.

        Like a slow link, a throttled connection also keeps a small receive window, so the
        client's progress follows what the server has really read.
        """
        bps = self.server.sandbox.faults.throttle_bps
        if self._is_upload and bps > 0:
            if not self._small_window:
                self._small_window = True
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, _SLOW_LINK_WINDOW)
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
            while time.monotonic() < deadline and self.connection.recv(_CHUNK_SIZE):
                pass


class SandboxServer:
    """The sandbox upload service on ``host:port`` (0: any free port), served from a thread.

    ``key`` defaults to a random one. ``faults`` and ``max_bytes`` may be changed while it runs.
    Accepted images are stored in ``storage_dir``, by default a temporary directory removed by
    ``stop()``.
    """

    def __init__(
        self,
        key: str | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        max_bytes: int = _DEFAULT_MAX_BYTES,
        storage_dir: Path | None = None,
        faults: Faults | None = None,
    ) -> None:
        self.key = secrets.token_urlsafe(24) if key is None else key
        self.faults = Faults() if faults is None else faults
        self.max_bytes = max_bytes
        self.uploads: list[StoredUpload] = []
        self.requests: list[RequestRecord] = []
        self._host = host
        self._port = port
        self._storage_dir = storage_dir
        self._lock = threading.Lock()
        self._attempts: dict[str, int] = {}
        self._stored: dict[str, StoredUpload] = {}
        self._httpd: _HTTPServer | None = None
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
        return f"http://{self._host}:{self.port}"

    @property
    def _storage(self) -> Path:
        if self._storage_dir is not None:
            return self._storage_dir
        if self._created_storage is None:
            raise RuntimeError("the sandbox server is not running")
        return self._created_storage

    def start(self) -> SandboxServer:
        """Bind and serve in a daemon thread."""
        if self._httpd is not None:
            raise RuntimeError("the sandbox server is already running")
        httpd = _HTTPServer((self._host, self._port), self)
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

    def _record(self, record: RequestRecord) -> None:
        with self._lock:
            self.requests.append(record)

    def _next_fault(self, filename: str) -> _Fault:
        """Counts an attempt for ``filename`` and says which fault, if any, it gets."""
        with self._lock:
            attempt = self._attempts[filename] = self._attempts.get(filename, 0) + 1
        faults = self.faults
        if attempt <= faults.drop_count:
            return _Fault.DROP
        if attempt <= faults.drop_count + faults.fail_count:
            return _Fault.FAIL
        if attempt <= faults.drop_count + faults.fail_count + faults.non_json_count:
            return _Fault.NON_JSON
        return _Fault.NONE

    def _store(self, part: _FilePart, image_type: _ImageType, spool: IO[bytes]) -> StoredUpload:
        name = f"{secrets.token_hex(8)}.{image_type.extension}"
        path = self._storage / name
        spool.close()
        os.replace(spool.name, path)
        upload = StoredUpload(
            part.filename, part.content_type, part.size, part.sha256, path, f"{self.url}/u/{name}"
        )
        with self._lock:
            self.uploads.append(upload)
            self._stored[name] = upload
        return upload

    def _stored_upload(self, name: str) -> StoredUpload | None:
        with self._lock:
            return self._stored.get(name)


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    defaults = Faults()
    parser = argparse.ArgumentParser(
        prog="python -m uploader_gui.sandbox",
        description="Serve the sandbox upload service until SIGINT or SIGTERM.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 (default): any free port")
    parser.add_argument("--key", help="the API key to accept (default: random, printed)")
    parser.add_argument("--max-bytes", type=int, default=_DEFAULT_MAX_BYTES)
    parser.add_argument("--latency", type=float, default=defaults.latency, metavar="SECONDS")
    parser.add_argument("--fail-status", type=int, default=defaults.fail_status)
    parser.add_argument("--fail-count", type=int, default=defaults.fail_count)
    parser.add_argument("--retry-after", default=defaults.retry_after)
    parser.add_argument("--drop-count", type=int, default=defaults.drop_count)
    parser.add_argument("--non-json-count", type=int, default=defaults.non_json_count)
    parser.add_argument("--throttle-bps", type=int, default=defaults.throttle_bps)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the sandbox in the foreground; prints its URL and key on one line."""
    args = _parse_args(argv)
    faults = Faults(
        latency=args.latency,
        fail_status=args.fail_status,
        fail_count=args.fail_count,
        retry_after=args.retry_after,
        drop_count=args.drop_count,
        non_json_count=args.non_json_count,
        throttle_bps=args.throttle_bps,
    )
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda _signum, _frame: stop.set())
    server = SandboxServer(
        args.key, host=args.host, port=args.port, max_bytes=args.max_bytes, faults=faults
    )
    with server:
        print(f"sandbox listening on {server.url} key={server.key}", flush=True)
        while not stop.wait(0.5):  # a timed wait lets the signal handlers run on any platform
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
