"""The upload client's side of a reply: read it bounded, and turn its status into an error.

A reply's body is read at most :data:`MAX_REPLY_BYTES` of it once decompressed, and never
decompressed (nor read) past that: we ask for no encoding (``Accept-Encoding: identity``),
and a server that compresses anyway is still bounded. Redirects are never followed, so the
API key stays with the validated API origin: a 3xx reply becomes
:class:`.errors.RedirectRefusedError`, which names where it pointed. Whatever the server
says about a failure is shown with the API key redacted out of it.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx

from .errors import (
    BadResponseError,
    FileTooLargeError,
    KeyRejectedError,
    RateLimitedError,
    RedirectRefusedError,
    RequestRejectedError,
    ServerError,
    TypeRejectedError,
    UploadTimeoutError,
    ValidationError,
)
from .i18n import translate
from .responses import parse_error_detail
from .retry import parse_retry_after

#: Largest reply body we read, after decompression: the service's replies are a few hundred
#: bytes (an upload's, the key check's, an error's).
MAX_REPLY_BYTES = 1 << 20
#: Reply encodings we decompress ourselves, a bounded piece at a time (we ask for none:
#: ``Accept-Encoding: identity``; a server that compresses anyway is still bounded).
_DECOMPRESSED = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": 47}

#: The words a 413's detail usually starts with, all of them already in our message.
_ALREADY_SAID_413 = re.compile(
    r"^\W*(?:(?:the|your)\s+)?(?:(?:file|payload|request(?:\s+entity)?|content|upload|image)\s+)?"
    r"(?:is\s+)?too\s+large\b",
    re.IGNORECASE,
)


def read_reply(response: httpx.Response) -> bytes:
    """The reply's body, at most :data:`MAX_REPLY_BYTES` of it once decompressed:
    never decompressed (nor read) past that."""
    if response.is_stream_consumed:  # (a reply made in memory, by a test's transport)
        if len(response.content) > MAX_REPLY_BYTES:
            raise BadResponseError(translate("Errors", "the server's reply was far too long"))
        return response.content
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("", "identity", *_DECOMPRESSED):
        message = translate("Errors", "the server's reply is in an encoding it was not asked for")
        raise BadResponseError(message)
    decoder = zlib.decompressobj(_DECOMPRESSED[encoding]) if encoding in _DECOMPRESSED else None
    body = bytearray()
    try:
        for raw in response.iter_raw():
            room = MAX_REPLY_BYTES + 1 - len(body)
            body += raw if decoder is None else decoder.decompress(raw, room)
            if len(body) > MAX_REPLY_BYTES or (decoder is not None and decoder.unconsumed_tail):
                raise BadResponseError(translate("Errors", "the server's reply was far too long"))
    except zlib.error:
        raise BadResponseError(translate("Errors", "the server's reply is damaged")) from None
    return bytes(body)


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


def raise_for_status(
    status: int,
    headers: httpx.Headers,
    body: bytes,
    *,
    host: str,
    redact: Callable[[str], str],
    detail: str | None = None,
    rejected: str | None = None,
) -> None:
    """Return for a 2xx reply; else raise the :class:`.errors.UploadError` it means.

    ``redact`` takes the API key out of what the server said; ``host`` is the API's.
    ``detail`` is what the server said, when the caller read it (a custom destination's
    error reader); ``rejected`` the message for a 401 or 403.
    """
    if 200 <= status < 300:
        return
    if detail is None:
        detail = parse_error_detail(body, redact)
    if 300 <= status < 400:
        message = redact(_redirect_message(status, headers, host))
        raise RedirectRefusedError(message, status=status)
    retry_after = parse_retry_after(headers.get("retry-after"))
    if status in (401, 403):
        message = rejected or translate("Errors", "the API key was rejected (HTTP {status})")
        raise KeyRejectedError(
            _with_detail(message.format(status=status), detail if rejected else None),
            status=status,
        )
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


def _redirect_message(status: int, headers: httpx.Headers, host: str) -> str:
    """Where a redirect pointed, and that it was not followed (the key stays with ``host``)."""
    location = headers.get("location", "")
    try:
        # Where, not as whom: a user name or password in the address is not repeated.
        target = urlsplit(location).netloc.rpartition("@")[2] or host
    except ValueError:
        message = translate(
            "Errors",
            "the server redirected to an invalid address (HTTP {status}); redirects are "
            "not followed so the API key stays with {host}",
        )
        return message.format(status=status, host=host)
    message = translate(
        "Errors",
        "the server redirected to {target} (HTTP {status}); redirects are not followed so "
        "the API key stays with {host}",
    )
    return message.format(target=target, status=status, host=host)
