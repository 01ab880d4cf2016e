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

import contextlib
import logging
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, cast
from urllib.parse import urlsplit

import httpx

from .client_body import ProgressCallback as ProgressCallback
from .client_body import ProgressReader, part_filename
from .client_logs import LOG_REDACTION
from .client_reply import MAX_REPLY_BYTES as MAX_REPLY_BYTES
from .client_reply import raise_for_status, read_reply
from .client_transport import SEND_BUFFER as SEND_BUFFER
from .client_transport import default_timeout as default_timeout
from .client_transport import open_http, resolve_proxy, transport_error
from .client_types import Exchange as Exchange
from .client_types import RetryCallback as RetryCallback
from .client_types import Secret
from .client_types import SentFile as SentFile
from .config import check_api_key
from .destination import Destination
from .destinations.outgoing import Outgoing
from .errors import (
    ConfigurationError,
    FileChangedError,
    LocalFileError,
    TransientError,
    UploadError,
)
from .files import STABLE_INTERVAL, changed_since, wait_until_stable
from .i18n import translate
from .network import deadline as deadlines
from .network import proxy as proxies
from .responses import UploadResult, parse_success
from .retry import CancelToken, RetryPolicy
from .sniff import open_upload

if TYPE_CHECKING:  # a custom destination's parts are loaded by the first client for one
    from .destinations.contract import CustomContract
    from .destinations.syntax import Inputs, Reply
    from .destinations.uploader import Field

log = logging.getLogger(__name__)


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
        secrets: Mapping[Field, str] | None = None,
    ) -> None:
        """``api_key`` is ImagePipeline's; a custom destination has ``secrets`` instead."""
        if isinstance(destination, str):
            destination = Destination(destination)
        self.destination = destination
        self._deadline = (deadline_base, min_rate)
        custom = destination.custom
        self._key = Secret(check_api_key(api_key) if custom is None else "")
        self._contract: CustomContract | None = None
        if custom is not None:
            from .destinations.contract import CustomContract

            self._contract = CustomContract(custom, destination.url, secrets or {})
        self.retry = retry or RetryPolicy()
        self.host = destination.host
        self._hostname = urlsplit(destination.url).hostname or self.host
        # Loopback never; GNOME's settings are read here, on the worker making the client.
        self.proxy = resolve_proxy(destination.url, proxy)
        # Redirects are never followed; the key is added per request, never a default header.
        self._http = open_http(
            self.proxy, timeout=timeout, max_connections=max_connections, transport=transport
        )
        LOG_REDACTION.add(self)
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
        LOG_REDACTION.discard(self)

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

    def delete(self, deletion_url: str) -> None:
        """Send the custom destination's deletion request for the upload whose reply gave
        ``deletion_url`` (on the destination's origin only); raise an UploadError."""
        if self._contract is None:
            raise ConfigurationError(
                translate("Destinations", "{destination} has no deletion request").format(
                    destination=self.destination.name
                )
            )
        from .destinations.syntax import Inputs, Reply

        outgoing = self._contract.deletion(deletion_url)
        status, headers, body = self._exchange(outgoing, 0)
        reply = Reply(status, headers, body.decode("utf-8", "replace"), deletion_url)
        self._raise_for_custom(status, headers, body, reply, Inputs(""))

    def exchange(self, path: Path) -> Exchange:
        """Send ``path`` once and return the reply whatever it says (Settings' Test):
        nothing is retried and no status is an error; a transport failure raises."""
        opened = open_upload(path)
        reader = ProgressReader(path, opened.file, opened.size, None, None)
        filename = part_filename(path)
        try:
            outgoing = self._request(
                filename, (filename, cast(BinaryIO, reader), opened.image_type.mime)
            )
            status, headers, body = self._exchange(outgoing, opened.size)
        finally:
            reader.close()
        from .destinations.syntax import Reply

        text = body.decode("utf-8", "replace")
        return Exchange(Reply(status, headers, text, outgoing.url), filename, self._redact)

    def result_of(self, exchange: Exchange) -> UploadResult:
        """What an :meth:`exchange` means, as an upload would take it (raises for a failure)."""
        reply = exchange.reply
        body = reply.body.encode()
        return self._result(
            reply.status, httpx.Headers(reply.headers), body, reply.url, exchange.filename
        )

    def _exchange(self, outgoing: Outgoing, size: int) -> tuple[int, httpx.Headers, bytes]:
        try:
            with (
                deadlines.deadline(deadlines.seconds_for(size, *self._deadline)),
                self._stream(outgoing) as response,
            ):
                return response.status_code, response.headers, read_reply(response)
        except httpx.HTTPError as exc:
            raise self._transport_error(exc) from None

    # -- one attempt -------------------------------------------------------------------

    def _upload_once(
        self,
        path: Path,
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
        name: str | None = None,
    ) -> SentFile:
        opened = open_upload(path)
        try:
            self._check_accepted(path, opened.image_type.mime, opened.image_type.name)
        except LocalFileError:
            opened.file.close()
            raise
        size = opened.size
        reader = ProgressReader(path, opened.file, size, progress, cancel)
        try:
            filename = part_filename(Path(name) if name is not None else path)
            outgoing = self._request(
                filename, (filename, cast(BinaryIO, reader), opened.image_type.mime)
            )
            with (
                deadlines.deadline(deadlines.seconds_for(size, *self._deadline)),
                self._stream(outgoing) as response,
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
        result = self._result(status, reply_headers, body, outgoing.url, filename)
        log.info("uploaded %s (%d bytes)", path.name, size)
        return SentFile(result, opened.signature)

    def _check_accepted(self, path: Path, mime: str, type_name: str) -> None:
        custom = self.destination.custom
        if custom is not None and mime not in custom.accepts:
            message = translate("Destinations", "{destination} does not take {type} images")
            message = message.format(destination=self.destination.name, type=type_name)
            raise LocalFileError(path, message, retry_helps=False)

    def _request(self, filename: str, part: tuple[str, BinaryIO, str]) -> Outgoing:
        if self._contract is not None:
            from .destinations.syntax import Inputs

            return self._contract.request(Inputs(filename), part)
        destination = self.destination
        return Outgoing(
            "POST",
            destination.upload_url,
            headers={destination.key_header: self._key.reveal()},
            files={destination.file_field: part},
            sends_file=True,
        )

    def _stream(self, outgoing: Outgoing) -> contextlib.AbstractContextManager[httpx.Response]:
        return self._http.stream(
            outgoing.method,
            outgoing.url,
            params=tuple(outgoing.params) if outgoing.params else None,
            headers=outgoing.headers,
            files=outgoing.files,
            data=outgoing.data,
            content=outgoing.content,
        )

    def _result(
        self, status: int, headers: httpx.Headers, body: bytes, url: str, filename: str
    ) -> UploadResult:
        contract = self._contract
        if contract is None:
            self._raise_for_status(status, headers, body)
            return parse_success(body, self.destination.url_key)
        from .destinations.syntax import Inputs, Reply

        reply = Reply(status, headers, body.decode("utf-8", "replace"), url)
        inputs = Inputs(filename)
        self._raise_for_custom(status, headers, body, reply, inputs)
        found = contract.result(reply, inputs)
        return UploadResult(found.url, filename, -1, found.thumbnail_url, found.deletion_url)

    # -- failures ----------------------------------------------------------------------

    def _raise_for_custom(
        self, status: int, headers: httpx.Headers, body: bytes, reply: Reply, inputs: Inputs
    ) -> None:
        """A custom destination's refusal, named, with its error reader's words."""
        if 200 <= status < 300 or self._contract is None:
            return
        name = self.destination.name
        rejected = translate(
            "Destinations", "{destination} refused the credentials (HTTP {{status}})"
        ).format(destination=name)
        try:
            raise_for_status(
                status,
                headers,
                body,
                host=self.host,
                redact=self._redact,
                detail=self._contract.error_detail(reply, inputs),
                rejected=rejected,
            )
        except UploadError as exc:
            if not exc.message.startswith(name):
                exc.message = f"{name}: {exc.message}"
            raise

    def _transport_error(self, exc: httpx.HTTPError) -> UploadError:
        return transport_error(
            exc, host=self.host, hostname=self._hostname, proxy=self.proxy, redact=self._redact
        )

    def redact_text(self, text: str) -> str:
        """``text`` without the key or any of the secrets (for what httpx logs)."""
        return self._redact(text)

    def _redact(self, text: str) -> str:
        key = self._key.reveal()
        text = text.replace(key, "***") if key else text
        return self._contract.redact(text) if self._contract is not None else text

    def _raise_for_status(self, status: int, headers: httpx.Headers, body: bytes) -> None:
        raise_for_status(status, headers, body, host=self.host, redact=self._redact)
