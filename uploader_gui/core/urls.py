"""Checks on URLs: which API URLs may carry the key, and which returned URLs may be shown.

The key travels only over HTTPS, except to a loopback host (the sandbox, a local proxy).
A URL that came from the server is shown, copied or opened only when it is a plain absolute
``http``/``https`` URL (:func:`url_problem` says why one is not).
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from .errors import InsecureURLError
from .i18n import translate


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower().removesuffix(".")
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:127.0.0.1
    return address.is_loopback or (mapped is not None and mapped.is_loopback)


def normalize_api_url(url: str) -> str:
    """Validate an API base URL and return it with its scheme and host in lower case and
    without a trailing slash.

    Raises :class:`InsecureURLError` for anything the key must not be sent to: a scheme other
    than https (http only for a loopback host), no host, user info, a query or fragment.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        message = translate("Errors", "not a valid API URL: {url}")
        raise InsecureURLError(message.format(url=repr(text))) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not host:
        message = translate(
            "Errors", "the API URL must start with https:// and name a host (got {url})"
        )
        raise InsecureURLError(message.format(url=repr(text)))
    if parts.username is not None or parts.password is not None:
        raise InsecureURLError(
            translate("Errors", "the API URL must not contain a user name or password")
        )
    if parts.query or parts.fragment:
        raise InsecureURLError(
            translate("Errors", "the API URL must not contain a query or fragment")
        )
    if scheme == "http" and not is_loopback_host(host):
        message = translate(
            "Errors",
            "refusing to send the API key over plain http to {host}: use https:// "
            "(plain http is allowed only for localhost)",
        )
        raise InsecureURLError(message.format(host=host))
    # Host names are case-insensitive: one service is one URL however it was typed.
    return f"{scheme}://{parts.netloc.lower()}{parts.path}".rstrip("/")


def api_host(url: str) -> str:
    """``host[:port]`` of an API URL, the name its key is stored under."""
    parts = urlsplit(url)
    return parts.netloc.lower()


#: What a URL to show, copy or open may not contain, raw: white space and controls (C0, DEL,
#: C1), the line and paragraph separators, zero-width characters and the byte-order mark,
#: bidirectional marks, embeddings, overrides and isolates (they can make the URL display as
#: another address), quotes, angle brackets, the backtick and the backslash (they end a
#: string, an attribute or a tag where the URL is pasted). Percent-encoded, all are harmless.
_REFUSED = re.compile(
    "[\\s\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\"'<>`\\\\]"
)
#: A host name (ASCII labels; a punycode name is ASCII too) or an IPv4 address; an IPv6
#: literal is in brackets and checked by the parser.
_HOST_NAME = re.compile(
    r"^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)*\.?$"
)
_MAX_URL = 8192


def url_problem(url: object) -> str | None:
    """Why ``url`` (from a server) may not be shown, copied or opened; ``None`` when it is a
    plain absolute ``http``/``https`` URL that a URL parser and a strict character check
    agree on: a host, no user name or password, and none of :data:`_REFUSED`."""
    if not isinstance(url, str):
        return translate("Errors", "it is not text")
    if not url:
        return translate("Errors", "it is empty")
    if len(url) > _MAX_URL:
        return translate("Errors", "it is far too long")
    bad = _REFUSED.search(url)
    if bad is not None:
        char = bad.group()
        code = f"U+{ord(char):04X}"
        shown = f"{char} ({code})" if char.isprintable() and not char.isspace() else code
        message = translate("Errors", "it contains {character}, which a URL never holds raw")
        return message.format(character=shown)
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return translate("Errors", "it cannot be read as a URL")
    if parts.scheme.lower() not in ("http", "https"):
        return translate("Errors", "it is not an http(s) address")
    if "@" in parts.netloc:
        return translate("Errors", "it carries a user name or password")
    if not host or not (parts.netloc.startswith("[") or _HOST_NAME.match(host)):
        return translate("Errors", "it names no valid host")
    return None


def is_web_url(url: object) -> bool:
    """True for a plain absolute ``http``/``https`` URL, safe to show, copy and open (see
    :func:`url_problem`)."""
    return url_problem(url) is None
