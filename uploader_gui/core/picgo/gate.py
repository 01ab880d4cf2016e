"""What a request must show before its body is read: who it is for, who sent it, the key,
and how its body is framed. Each check raises :class:`Refusal`; none reads the body.

A web page in the person's browser can reach a loopback port, so the gate refuses what a
page could send:

- a ``Host`` other than ``127.0.0.1:PORT`` or ``localhost:PORT`` (DNS rebinding: the page's
  own name resolved to 127.0.0.1);
- an ``Origin`` other than the editors' own (browsers put the page's origin on every POST,
  and a page cannot choose it); without an ``Origin``, a ``Sec-Fetch-Site`` that says the
  request crossed sites;
- a body that is not JSON, multipart or empty (``text/plain`` is what a page may send
  without asking the server first), or one that does not give its length.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass
from email.message import Message
from urllib.parse import parse_qs

from python_multipart.multipart import parse_options_header

from . import messages
from .batch import MAX_JSON_BYTES

#: Origins editors send: Obsidian's window (its ``requestUrl`` adds it, and so does a fetch
#: from its renderer).
APP_ORIGINS = frozenset({"app://obsidian.md"})
#: Pages served from this computer (SiYuan's window is ``http(s)://127.0.0.1:6806``, or the
#: port its kernel chose); only when the server is told to accept them.
_LOOPBACK_ORIGIN = re.compile(r"https?://(?:127\.0\.0\.1|localhost|\[::1\])(?::[0-9]{1,5})?")
#: ``Sec-Fetch-Site`` values a request without an ``Origin`` may carry (a browser sends an
#: ``Origin`` with every POST; without one, anything but these is a page that lost it).
_UNCROSSED = frozenset({"none", "same-origin"})
_MAX_BOUNDARY = 70  # RFC 2046, section 5.1.1


class Refusal(Exception):
    """Ends a request with ``{"success": false, "message": …}`` and this HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(status, message)
        self.status = status
        self.message = message


def _one(headers: Message, name: str, status: int, message: str) -> str | None:
    """The one value of header ``name``; a repeated one is refused (which one would count?)."""
    values = headers.get_all(name) or []
    if len(values) > 1:
        raise Refusal(status, message)
    return values[0].strip() if values else None


def check_host(headers: Message, port: int) -> None:
    """The request is addressed to this server by its loopback name, with its port."""
    values = headers.get_all("Host") or []
    allowed = {f"127.0.0.1:{port}", f"localhost:{port}"}
    if port == 80:
        allowed |= {"127.0.0.1", "localhost"}
    if len(values) != 1 or values[0].strip().lower() not in allowed:
        raise Refusal(403, messages.wrong_host())


def check_origin(headers: Message, *, local_pages: bool) -> str | None:
    """The request comes from an editor, not a web page; returns its ``Origin`` if any."""
    origin = _one(headers, "Origin", 403, messages.from_web_page())
    if origin is not None:
        trusted = origin.lower() in APP_ORIGINS or (
            local_pages and _LOOPBACK_ORIGIN.fullmatch(origin.lower()) is not None
        )
        if not trusted:
            raise Refusal(403, messages.from_web_page())
        return origin
    sites = headers.get_all("Sec-Fetch-Site") or []
    if any(site.strip().lower() not in _UNCROSSED for site in sites):
        raise Refusal(403, messages.from_web_page())
    return None


def presented_keys(headers: Message, query: str) -> list[str]:
    """Every key the request carries: ``?key=`` (PicList), ``?secret=``, ``Authorization:
    Bearer …`` and ``X-PicGo-Secret`` (PicGo 3)."""
    params = parse_qs(query, keep_blank_values=True)
    keys = [*params.get("key", []), *params.get("secret", [])]
    for value in headers.get_all("Authorization") or []:
        scheme, _, credential = value.strip().partition(" ")
        keys.append(credential.strip() if scheme.lower() == "bearer" else "")
    keys.extend(value.strip() for value in headers.get_all("X-PicGo-Secret") or [])
    return keys


def check_key(headers: Message, query: str, key: str | None) -> None:
    """With a key set, the request carries it, and every key it carries is that one."""
    if key is None:
        return
    given = presented_keys(headers, query)
    expected = key.encode("utf-8")
    # Every comparison runs (no early exit on the first mismatch), each in constant time.
    matches = [hmac.compare_digest(value.encode("utf-8"), expected) for value in given]
    if not matches or not all(matches):
        raise Refusal(401, messages.wrong_key())


@dataclass(frozen=True)
class Framing:
    """How the body is sent: ``kind`` is ``"empty"``, ``"json"`` or ``"multipart"``."""

    kind: str
    length: int
    boundary: bytes = b""


def _content_length(headers: Message) -> int | None:
    values = {value.strip() for value in headers.get_all("Content-Length") or []}
    if not values:
        return None
    if len(values) > 1 or not all(value.isascii() and value.isdigit() for value in values):
        raise Refusal(400, messages.length_required())
    return int(values.pop())


def framing(headers: Message, max_body: int) -> Framing:
    """The body's kind and length, checked against the limits before a byte of it is read."""
    if headers.get_all("Transfer-Encoding"):
        raise Refusal(411, messages.length_required())  # chunked: no length to bound it by
    length = _content_length(headers)
    content_type = _one(headers, "Content-Type", 415, messages.wrong_content_type())
    if content_type is None and not length:
        return Framing("empty", 0)  # no body: PicGo's "upload the clipboard"
    if content_type is None:
        raise Refusal(415, messages.wrong_content_type())
    media, params = parse_options_header(content_type)
    if media == b"application/json":
        # Without Content-Length (or Transfer-Encoding) a request has no body (RFC 9112,
        # 6.3): SiYuan's plugin sends the clipboard request so, typed JSON.
        length = length or 0
        if length > MAX_JSON_BYTES:
            raise Refusal(413, messages.too_large(MAX_JSON_BYTES))
        return Framing("json" if length else "empty", length)
    if media != b"multipart/form-data":
        raise Refusal(415, messages.wrong_content_type())
    boundary = params.get(b"boundary", b"")
    if length is None:
        raise Refusal(411, messages.length_required())
    if not 0 < len(boundary) <= _MAX_BOUNDARY or not length:
        raise Refusal(400, messages.bad_multipart())
    if length > max_body:
        raise Refusal(413, messages.too_large(max_body))
    return Framing("multipart", length, boundary)


def split_target(target: str) -> tuple[str, str]:
    """``/upload?key=x`` → ``("/upload", "key=x")``."""
    path, _, query = target.partition("?")
    return path, query
