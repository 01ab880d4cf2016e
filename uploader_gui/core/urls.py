"""Checks on URLs: which API URLs may carry the key, and which returned URLs may be shown.

The key travels only over HTTPS, except to a loopback host (the sandbox, a local proxy).
A URL that came from the server is shown, copied or opened only when it is an absolute
``http``/``https`` URL with a host and no control characters or spaces. Bidirectional
formatting characters (raw, not percent-encoded) count as control characters: they can make a
URL display as another address.
"""

from __future__ import annotations

import ipaddress
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
    """Validate an API base URL and return it without a trailing slash.

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
    return f"{scheme}://{parts.netloc}{parts.path}".rstrip("/")


def api_host(url: str) -> str:
    """``host[:port]`` of an API URL, the name its key is stored under."""
    parts = urlsplit(url)
    return parts.netloc.lower()


#: Characters that reorder how text around them is displayed (embeddings, overrides,
#: isolates and the directional marks), plus C0/C1 controls and DEL.
_UNSHOWABLE = frozenset(
    [chr(code) for code in range(0x20)]
    + [chr(code) for code in range(0x7F, 0xA0)]
    + ["\u061c", "\u200e", "\u200f"]
    + [chr(code) for code in range(0x202A, 0x202F)]
    + [chr(code) for code in range(0x2066, 0x206A)]
)


def is_web_url(url: object) -> bool:
    """True for an absolute ``http``/``https`` URL with a host, safe to show and open.

    Refused: white space, control characters and bidirectional formatting characters, which
    could make the URL display as a different address. (Percent-encoded, they are shown
    encoded and harmless.)
    """
    if not isinstance(url, str) or not url or len(url) > 8192:
        return False
    if any(ch.isspace() or ch in _UNSHOWABLE for ch in url):
        return False
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host)
