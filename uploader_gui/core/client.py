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

The parts live beside this module: :mod:`.client_transport` makes the ``httpx.Client``
(proxy, certificates, no redirects, nothing from the environment) and explains its failures;
:mod:`.client_reply` reads a reply bounded and turns its status into an error;
:mod:`.client_body` streams the file as the request body. The key, the retries and the
check that the file did not change stay here.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast
from urllib.parse import urlsplit

import httpx

from .client_body import ProgressCallback as ProgressCallback
from .client_body import ProgressReader, part_filename
from .client_reply import MAX_REPLY_BYTES as MAX_REPLY_BYTES
from .client_reply import raise_for_status, read_reply
from .client_transport import SEND_BUFFER as SEND_BUFFER
from .client_transport import default_timeout as default_timeout
from .client_transport import open_http, resolve_proxy, transport_error
from .config import check_api_key
from .destination import Destination
from .errors import FileChangedError, TransientError, UploadError
from .files import STABLE_INTERVAL, FileSignature, changed_since, wait_until_stable
from .network import deadline as deadlines
from .network import proxy as proxies
from .responses import UploadResult, parse_success
from .retry import CancelToken, RetryPolicy
from .sniff import open_upload

log = logging.getLogger(__name__)

RetryCallback = Callable[[int, float, UploadError], None]
"""Called with ``(retry_number, delay_seconds, error)`` before waiting to retry."""


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


@dataclass(frozen=True)
class SentFile:
    """A finished upload: the service's answer, and the signature of the file whose bytes
    were sent (unchanged from the moment it was opened to the answer)."""

    result: UploadResult
    signature: FileSignature


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
        # Loopback never; GNOME's settings are read here, on the worker making the client.
        self.proxy = resolve_proxy(destination.url, proxy)
        # Redirects are never followed; the key is added per request, never a default header.
        self._http = open_http(
            self.proxy, timeout=timeout, max_connections=max_connections, transport=transport
        )
        if self.proxy is not None:
            log.info("uploads to %s go through %r", self.host, self.proxy)

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
                body = read_reply(response)
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
        reader = ProgressReader(path, opened.file, size, progress, cancel)
        try:
            filename = part_filename(Path(name) if name is not None else path)
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
                body = read_reply(response)
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

    # -- failures ----------------------------------------------------------------------

    def _transport_error(self, exc: httpx.HTTPError) -> UploadError:
        return transport_error(
            exc, host=self.host, hostname=self._hostname, proxy=self.proxy, redact=self._redact
        )

    def _redact(self, text: str) -> str:
        key = self._key.reveal()
        return text.replace(key, "***") if key else text

    def _raise_for_status(self, status: int, headers: httpx.Headers, body: bytes) -> None:
        raise_for_status(status, headers, body, host=self.host, redact=self._redact)
