"""The upload client: one file in, one hosted URL out.

One :class:`UploadClient` holds one ``httpx.Client`` (connection reuse) and is safe to call
from several worker threads at once. Each upload streams the file from disk with a known
``Content-Length``, reports progress, can be cancelled from another thread mid-body, and
retries transient failures with backoff.

A file written to or replaced while it is sent is never reported as uploaded: its signature
(device, inode, size, modification time) when opened is compared with the open file's and
the path's after sending; if either differs, the upload waits for the file to settle and
sends it again, within the same retry budget.

The API key is sent only to the validated API origin: redirects are never followed, the key
is added per request (never a default header), and it appears in no message, log record or
``repr``. Certificates are verified against the operating system's trust store before any
request is written; a proxy, when one is chosen (:mod:`.network.proxy`), carries HTTPS in a
CONNECT tunnel or a SOCKS connection, never loopback traffic.
"""

from __future__ import annotations

import io
import logging
import re
import socket
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast
from urllib.parse import urlsplit

import httpx

from .. import APP_NAME, __version__
from .config import check_api_key
from .destination import Destination
from .errors import (
    BadResponseError,
    CertificateError,
    ConnectionFailedError,
    FileChangedError,
    FileTooLargeError,
    KeyRejectedError,
    PlainProxyPasswordError,
    ProxyRefusedError,
    ProxySettingError,
    ProxyUnreachableError,
    RateLimitedError,
    RedirectRefusedError,
    RequestRejectedError,
    ServerError,
    TransientError,
    TypeRejectedError,
    UploadError,
    UploadTimeoutError,
    ValidationError,
)
from .files import STABLE_INTERVAL, FileSignature, changed_since, wait_until_stable
from .i18n import translate
from .network import causes, tls
from .network import deadline as deadlines
from .network import proxy as proxies
from .responses import UploadResult, parse_error_detail, parse_success
from .retry import CancelToken, RetryPolicy, parse_retry_after
from .sniff import open_upload

log = logging.getLogger(__name__)

#: Largest reply body we read, after decompression: the service's replies are a few hundred
#: bytes (an upload's, the key check's, an error's).
MAX_REPLY_BYTES = 1 << 20
#: Reply encodings we decompress ourselves, a bounded piece at a time (we ask for none:
#: ``Accept-Encoding: identity``; a server that compresses anyway is still bounded).
_DECOMPRESSED = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": 47}
#: Kernel send buffer per connection. The default grows to several MB, so progress would
#: reach 100 % long before the server has the bytes; 256 KiB keeps it honest and still
#: fills a 40 Mbit/s link at 100 ms round trip per connection.
SEND_BUFFER = 256 * 1024

ProgressCallback = Callable[[int, int], None]
"""Called with ``(bytes_sent, total_bytes)`` as the body is written."""

RetryCallback = Callable[[int, float, UploadError], None]
"""Called with ``(retry_number, delay_seconds, error)`` before waiting to retry."""


def default_timeout() -> httpx.Timeout:
    # Each write or read may stall at most this long; the whole request also has a
    # deadline that grows with the body (:mod:`.network.deadline`).
    return httpx.Timeout(connect=10.0, write=60.0, read=120.0, pool=None)


class _Secret:
    """Holds the key so that no ``repr``/``vars`` dump shows it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "<secret>"

    __str__ = __repr__


class _ProgressReader(io.RawIOBase):
    """A file wrapper that counts bytes read, checks for cancellation, and stops at ``total``.

    Its ``seek``/``tell`` span exactly ``total`` bytes, so httpx takes the length from them
    (and sends ``Content-Length`` rather than chunked encoding) and can rewind it. It has no
    ``fileno``: httpx would take the length from ``fstat``, and a file that grew since it was
    opened would then declare more bytes than are sent.
    """

    def __init__(
        self,
        path: Path,
        file: BinaryIO,
        total: int,
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
    ) -> None:
        super().__init__()
        self._path = path
        self._file = file
        self._total = total
        self._sent = 0
        self._progress = progress
        self._cancel = cancel

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._sent

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._sent, io.SEEK_END: self._total}[whence]
        position = max(0, base + offset)
        self._file.seek(position)
        self._sent = position
        return position

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int = -1) -> bytes:
        if self._cancel is not None:
            self._cancel.raise_if_cancelled()
        remaining = max(0, self._total - self._sent)
        if size < 0 or size > remaining:
            size = remaining
        data = self._file.read(size) if size else b""
        if len(data) < size:
            raise FileChangedError(self._path)  # it shrank since it was opened
        self._sent += len(data)
        if self._progress is not None and data:
            self._progress(self._sent, self._total)
        return data

    def close(self) -> None:
        self._file.close()
        super().close()


#: The words a 413's detail usually starts with, all of them already in our message.
_ALREADY_SAID_413 = re.compile(
    r"^\W*(?:(?:the|your)\s+)?(?:(?:file|payload|request(?:\s+entity)?|content|upload|image)\s+)?"
    r"(?:is\s+)?too\s+large\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SentFile:
    """A finished upload: the service's answer, and the signature of the file whose bytes
    were sent (unchanged from the moment it was opened to the answer)."""

    result: UploadResult
    signature: FileSignature


def _too_large_detail(detail: str) -> str:
    """What a 413's ``detail`` adds to "the file is too large for the service", if anything.

    Services say "File too large: limit is N bytes", "Payload Too Large" or the like: the
    words we already said are dropped, what remains (the limit) is kept.
    """
    return _ALREADY_SAID_413.sub("", detail, count=1).strip(" \t.:;,-()")


def _with_detail(message: str, detail: str | None) -> str:
    """``message``, then what the server said about it (if it said anything)."""
    if not detail:
        return message
    return translate(
        "Errors",
        "{message}: {detail}",
        "an error message, then the explanation the server gave (in its own words)",
    ).format(message=message, detail=detail)


def _desktop_proxy(api_url: str) -> proxies.Proxy | None:
    from ..platform.chooser import proxy_source

    return proxy_source().proxy_for(api_url)


def _refused_by_proxy_host(exc: BaseException) -> bool:
    """A connection that failed before any tunnel existed: to the proxy itself."""
    return any(isinstance(e, (ConnectionRefusedError, socket.gaierror)) for e in causes(exc))


def _part_filename(path: Path) -> str:
    # Names that are not valid UTF-8 on disk would break header encoding.
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


class UploadClient:
    """Uploads files to a :class:`.destination.Destination` (a bare URL is made into one).
    Thread-safe; close when done."""

    def __init__(
        self,
        destination: Destination | str,
        api_key: str,
        *,
        retry: RetryPolicy | None = None,
        timeout: httpx.Timeout | None = None,
        max_connections: int = 16,
        transport: httpx.BaseTransport | None = None,
        proxy: proxies.ProxySettings | None = None,
        deadline_base: float = deadlines.BASE_SECONDS,
        min_rate: float = deadlines.MIN_RATE,
    ) -> None:
        if isinstance(destination, str):
            destination = Destination(destination)
        self.destination = destination
        self._deadline = (deadline_base, min_rate)
        self._key = _Secret(check_api_key(api_key))
        self.retry = retry or RetryPolicy()
        self.host = destination.host
        self._hostname = urlsplit(destination.url).hostname or self.host
        try:
            # Loopback never; GNOME's settings are read here, on the worker making the client.
            self.proxy = proxies.resolve(
                destination.url, proxy or proxies.ProxySettings(), desktop=_desktop_proxy
            )
        except proxies.PlainPasswordError as exc:
            message = translate("Errors", "the proxy cannot be used: {reason}")
            raise PlainProxyPasswordError(message.format(reason=exc), exc.address) from None
        except proxies.ProxyURLError as exc:
            message = translate("Errors", "the proxy cannot be used: {reason}")
            raise ProxySettingError(message.format(reason=exc)) from None
        limits = httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=max_connections
        )
        if transport is None:
            context = tls.ssl_context()
            try:
                # An https:// proxy's own certificate is checked against the system's store too.
                proxy_config = None
                if self.proxy is not None:
                    tls_proxy = self.proxy.url.startswith("https://")
                    proxy_config = httpx.Proxy(
                        self.proxy.url, ssl_context=context if tls_proxy else None
                    )
                transport = httpx.HTTPTransport(
                    verify=context,
                    proxy=proxy_config,
                    limits=limits,
                    retries=0,  # retries are ours, with backoff and a fresh file
                    socket_options=[(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)],
                )
                deadlines.install(transport._pool)  # every wait ends at the request's deadline
            except (httpx.InvalidURL, ValueError):
                address = self.proxy.address if self.proxy else ""
                raise ProxySettingError(
                    translate(
                        "Network", "the proxy cannot be used: {address} is not a valid address"
                    ).format(address=address)
                ) from None
        if self.proxy is not None:
            log.info("uploads to %s go through %r", self.host, self.proxy)
        self._http = httpx.Client(
            follow_redirects=False,
            timeout=timeout or default_timeout(),
            limits=limits,
            headers={"User-Agent": f"{APP_NAME}/{__version__}", "Accept-Encoding": "identity"},
            # Proxies and certificates are chosen above; no .netrc, no variables here.
            trust_env=False,
            transport=transport,
        )

    def __repr__(self) -> str:
        return f"UploadClient(destination={self.destination.url!r})"

    def __enter__(self) -> UploadClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    # -- public operations -------------------------------------------------------------

    def upload(
        self,
        path: Path | str,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        on_retry: RetryCallback | None = None,
        name: str | None = None,
    ) -> UploadResult:
        """Upload one file; retry transient failures; raise an :class:`UploadError`."""
        return self.upload_file(
            path, progress=progress, cancel=cancel, on_retry=on_retry, name=name
        ).result

    def upload_file(
        self,
        path: Path | str,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        on_retry: RetryCallback | None = None,
        name: str | None = None,
    ) -> SentFile:
        """Like :meth:`upload`, and also says which version of the file was sent.

        A file that changed while it was sent is sent again once it has settled; each time
        counts as a retry. With no retries left, :class:`FileChangedError` is raised.
        """
        path = Path(path)
        attempt = 0
        while True:
            if cancel is not None:
                cancel.raise_if_cancelled()
            try:
                return self._upload_once(path, progress, cancel, name)
            except FileChangedError as error:
                if attempt >= self.retry.retries:
                    raise
                attempt += 1
                log.info("retry %d of %s: %s", attempt, path.name, error)
                if on_retry is not None:
                    on_retry(attempt, STABLE_INTERVAL, error)
                wait_until_stable(path, cancel)
            except TransientError as error:
                delay = self.retry.delay_for(attempt, error)
                if delay is None:
                    raise
                attempt += 1
                log.info("retry %d of %s in %.1f s: %s", attempt, path.name, delay, error)
                if on_retry is not None:
                    on_retry(attempt, delay, error)
                if cancel is not None:
                    cancel.sleep(delay)
                else:
                    time.sleep(delay)

    def check_key(self) -> None:
        """``GET /health``: return if the key is accepted, else raise an UploadError. Its
        reply is bounded like an upload's, and so is the wait."""
        headers = {self.destination.key_header: self._key.reveal()}
        try:
            with (
                deadlines.deadline(deadlines.seconds_for(0, *self._deadline)),
                self._http.stream("GET", self.destination.health_url, headers=headers) as response,
            ):
                body = self._read_reply(response)
                status, reply_headers = response.status_code, response.headers
        except httpx.HTTPError as exc:
            raise self._transport_error(exc) from None
        self._raise_for_status(status, reply_headers, body)

    # -- one attempt -------------------------------------------------------------------

    def _upload_once(
        self,
        path: Path,
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
        name: str | None = None,
    ) -> SentFile:
        opened = open_upload(path)
        size = opened.size
        reader = _ProgressReader(path, opened.file, size, progress, cancel)
        try:
            filename = _part_filename(Path(name) if name is not None else path)
            part = (filename, cast(BinaryIO, reader), opened.image_type.mime)
            destination = self.destination
            headers = {destination.key_header: self._key.reveal()}
            with (
                deadlines.deadline(deadlines.seconds_for(size, *self._deadline)),
                self._http.stream(
                    "POST",
                    destination.upload_url,
                    files={destination.file_field: part},
                    headers=headers,
                ) as response,
            ):
                body = self._read_reply(response)
                status, reply_headers = response.status_code, response.headers
            # Accepted bytes count only if they are still the file's: not written to (the
            # descriptor), not replaced (the path) since it was opened.
            changed = 200 <= status < 300 and changed_since(path, opened.file, opened.signature)
        except httpx.HTTPError as exc:
            if cancel is not None:
                cancel.raise_if_cancelled()
            raise self._transport_error(exc) from None
        finally:
            reader.close()
        if changed:
            log.info("%s changed while it was being uploaded", path.name)
            raise FileChangedError(path)
        self._raise_for_status(status, reply_headers, body)
        result = parse_success(body, self.destination.url_key)
        log.info("uploaded %s (%d bytes)", path.name, size)
        return SentFile(result, opened.signature)

    @staticmethod
    def _read_reply(response: httpx.Response) -> bytes:
        """The reply's body, at most :data:`MAX_REPLY_BYTES` of it once decompressed:
        never decompressed (nor read) past that."""
        if response.is_stream_consumed:  # (a reply made in memory, by a test's transport)
            if len(response.content) > MAX_REPLY_BYTES:
                raise BadResponseError(translate("Errors", "the server's reply was far too long"))
            return response.content
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        if encoding not in ("", "identity", *_DECOMPRESSED):
            message = translate(
                "Errors", "the server's reply is in an encoding it was not asked for"
            )
            raise BadResponseError(message)
        decoder = zlib.decompressobj(_DECOMPRESSED[encoding]) if encoding in _DECOMPRESSED else None
        body = bytearray()
        try:
            for raw in response.iter_raw():
                room = MAX_REPLY_BYTES + 1 - len(body)
                body += raw if decoder is None else decoder.decompress(raw, room)
                if len(body) > MAX_REPLY_BYTES or (decoder is not None and decoder.unconsumed_tail):
                    raise BadResponseError(
                        translate("Errors", "the server's reply was far too long")
                    )
        except zlib.error:
            raise BadResponseError(translate("Errors", "the server's reply is damaged")) from None
        return bytes(body)

    def _transport_error(self, exc: httpx.HTTPError) -> UploadError:
        reason = self._redact(str(exc)) or type(exc).__name__
        certificate = tls.verification_error(exc)
        if certificate is not None:
            explained = tls.explain(certificate, self._hostname)
            if self.proxy is not None and self.proxy.url.startswith("https://"):
                # The refused certificate may be the proxy's own (its TLS leg) as well.
                explained += " " + translate(
                    "Network",
                    "The proxy at {proxy} is reached over HTTPS too: its own certificate may be "
                    "the one refused.",
                ).format(proxy=self.proxy.address)
            return CertificateError(explained)
        if self.proxy is not None:
            reason = reason.replace(self.proxy.url, self.proxy.address)
            if isinstance(exc, httpx.ProxyError):
                return ProxyRefusedError(proxies.explain_refusal(self.proxy, reason))
            if isinstance(exc, httpx.ConnectError) and _refused_by_proxy_host(exc):
                return ProxyUnreachableError(proxies.explain_unreachable(self.proxy, reason))
        if isinstance(exc, httpx.TimeoutException):
            if self.proxy is not None:
                message = translate(
                    "Errors",
                    "{host} did not answer in time through the proxy at {proxy} ({reason})",
                )
                return UploadTimeoutError(
                    message.format(host=self.host, proxy=self.proxy.address, reason=reason)
                )
            message = translate("Errors", "{host} did not answer in time ({reason})")
            return UploadTimeoutError(message.format(host=self.host, reason=reason))
        if isinstance(exc, httpx.ConnectError):
            message = translate("Errors", "could not connect to {host}: {reason}")
            return ConnectionFailedError(message.format(host=self.host, reason=reason))
        if isinstance(exc, httpx.TransportError):
            message = translate("Errors", "the connection to {host} broke: {reason}")
            return ConnectionFailedError(message.format(host=self.host, reason=reason))
        message = translate("Errors", "request to {host} failed: {reason}")
        return ConnectionFailedError(message.format(host=self.host, reason=reason))

    def _redact(self, text: str) -> str:
        key = self._key.reveal()
        return text.replace(key, "***") if key else text

    def _raise_for_status(self, status: int, headers: httpx.Headers, body: bytes) -> None:
        if 200 <= status < 300:
            return
        detail = parse_error_detail(body, self._redact)
        if 300 <= status < 400:
            raise RedirectRefusedError(self._redirect_message(status, headers), status=status)
        retry_after = parse_retry_after(headers.get("retry-after"))
        if status in (401, 403):
            message = translate("Errors", "the API key was rejected (HTTP {status})")
            raise KeyRejectedError(message.format(status=status), status=status)
        if status == 408:
            message = _with_detail(translate("Errors", "the server timed out (HTTP 408)"), detail)
            raise UploadTimeoutError(message, status=status, retry_after=retry_after)
        if status == 413:
            message = translate("Errors", "the file is too large for the service (HTTP 413)")
            extra = _too_large_detail(detail) if detail else ""
            raise FileTooLargeError(_with_detail(message, extra), status=status)
        if status == 415:
            message = translate("Errors", "the service refused the file type")
            raise TypeRejectedError(_with_detail(message, detail), status=status)
        if status == 422:
            message = translate("Errors", "the service rejected the upload")
            raise ValidationError(_with_detail(message, detail), status=status)
        if status == 429:
            if retry_after is None:
                message = translate("Errors", "too many requests (HTTP 429)")
            else:
                message = translate(
                    "Errors", "too many requests (HTTP 429); it asks to wait {seconds} s"
                ).format(seconds=f"{retry_after:.0f}")
            raise RateLimitedError(message, status=status, retry_after=retry_after)
        if status >= 500:
            message = translate("Errors", "the server failed (HTTP {status})")
            raise ServerError(
                _with_detail(message.format(status=status), detail),
                status=status,
                retry_after=retry_after,
            )
        message = translate("Errors", "the server refused the upload (HTTP {status})")
        raise RequestRejectedError(_with_detail(message.format(status=status), detail))

    def _redirect_message(self, status: int, headers: httpx.Headers) -> str:
        location = headers.get("location", "")
        try:
            target = urlsplit(location).netloc or self.host
        except ValueError:
            message = translate(
                "Errors",
                "the server redirected to an invalid address (HTTP {status}); redirects are "
                "not followed so the API key stays with {host}",
            )
            return message.format(status=status, host=self.host)
        message = translate(
            "Errors",
            "the server redirected to {target} (HTTP {status}); redirects are not followed so "
            "the API key stays with {host}",
        )
        return message.format(target=target, status=status, host=self.host)
