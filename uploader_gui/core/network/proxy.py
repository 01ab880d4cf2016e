"""Which proxy, if any, carries the uploads to the API host (no Qt here).

Three choices, the same in the window (Settings ▸ Network) and in ``--headless``:

- ``system`` (the default): ``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY`` and ``NO_PROXY``,
  upper or lower case; when none is set, the desktop's own proxy settings (the platform's
  :class:`~uploader_gui.platform.proxy_source.ProxySource`: GNOME's on Linux, read by the
  caller off the GUI thread);
- ``manual``: one proxy URL (``http://``, ``https://``, ``socks5://`` or ``socks5h://``);
  its password is kept in the keyring, never in the settings file;
- ``none``.

Loopback hosts (the sandbox) are never proxied. HTTPS goes through a CONNECT tunnel (or a
SOCKS connection), so the key never crosses the proxy in clear text. A proxy's own password
does, to an ``http://`` or SOCKS proxy (Basic authentication, SOCKS5's user and password):
unless the proxy is on this computer, :func:`resolve` refuses that until the person allows
it for that proxy (:attr:`ProxySettings.plain_password_ok`).
"""

from __future__ import annotations

import enum
import ipaddress
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..urls import is_loopback_host

PROXY_SCHEMES: Final = ("http", "https", "socks5", "socks5h")
_DEFAULT_PORTS: Final = {"http": 80, "https": 443, "socks5": 1080, "socks5h": 1080}
#: :attr:`Proxy.source` of the proxy the person typed in Settings ▸ Network.
SETTINGS_SOURCE: Final = QT_TRANSLATE_NOOP("Network", "the proxy set in Settings")
_BAD_PORT: Final = QT_TRANSLATE_NOOP("Network", "the proxy's port must be a number from 1 to 65535")


class ProxyMode(enum.Enum):
    SYSTEM = "system"
    MANUAL = "manual"
    NONE = "none"


class ProxyURLError(ValueError):
    """A proxy URL a person typed is not usable; the message says why."""


@dataclass(frozen=True)
class ProxySettings:
    """What the person chose. ``url`` never holds a password (see :func:`split_password`)."""

    mode: ProxyMode = ProxyMode.SYSTEM
    url: str = ""
    password: str | None = None
    #: Proxies (``host:port``, or ``*`` for any) the person allowed to receive a password in
    #: clear text (an ``http://`` or SOCKS proxy that is not on this computer).
    plain_password_ok: frozenset[str] = frozenset()

    def __repr__(self) -> str:  # the password never appears in logs or messages
        secret = ", password=***" if self.password else ""
        return f"ProxySettings(mode={self.mode.value!r}, url={self.url!r}{secret})"


class PlainPasswordError(ProxyURLError):
    """The proxy would receive its password in clear text, and the person has not allowed
    it. :attr:`address` is the proxy's ``host:port``."""

    def __init__(self, address: str) -> None:
        message = translate(
            "Network",
            "the proxy at {address} would receive its password in clear text (its address "
            "starts with http:// or socks5://): only an https:// proxy keeps it private. To "
            "send it anyway, allow it for this proxy in Settings ▸ Network (or give "
            "--allow-plain-proxy-password)",
        )
        super().__init__(message.format(address=address))
        self.address = address


@dataclass(frozen=True)
class Proxy:
    """The proxy one destination's connections go through."""

    #: What httpx is given: scheme, user and password, host and port.
    url: str
    #: For messages: ``host:port``, no user or password.
    address: str
    #: Where the choice came from, for messages: "HTTPS_PROXY", "the GNOME proxy settings", …
    #: (in English; shown with ``translate("Network", source)``).
    source: str
    has_credentials: bool

    def __repr__(self) -> str:
        return f"Proxy(address={self.address!r}, source={self.source!r})"


def check_proxy_url(url: str) -> str:
    """``url`` normalised (scheme added, no trailing slash); raises :class:`ProxyURLError`."""
    text = url.strip()
    if not text:
        raise ProxyURLError(
            translate("Network", "enter the proxy's address, for example http://proxy.example:3128")
        )
    if "://" not in text:
        text = "http://" + text
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise ProxyURLError(translate("Network", _BAD_PORT)) from None
    scheme = parts.scheme.lower()
    if scheme not in PROXY_SCHEMES:
        message = translate(
            "Network",
            "a proxy address starts with http://, https://, socks5:// or socks5h:// "
            "(not {scheme}://)",
        )
        raise ProxyURLError(message.format(scheme=scheme))
    if not parts.hostname:
        raise ProxyURLError(translate("Network", "the proxy address has no host name"))
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ProxyURLError(
            translate("Network", "a proxy address is only a host and a port, with no path")
        )
    if any(ord(char) < 0x21 or char == "\x7f" for char in text):
        raise ProxyURLError(
            translate("Network", "the proxy address contains spaces or control characters")
        )
    if port == 0:
        raise ProxyURLError(translate("Network", _BAD_PORT))
    return urlunsplit((scheme, parts.netloc, "", "", ""))


def split_password(url: str) -> tuple[str, str | None]:
    """``url`` without its password (for the settings file) and the password (for the
    keyring). The user name stays in the URL: it says whose password to look up.

    An address that does not parse (a ``/`` or ``#`` in the password, a bad port) loses all
    its user information instead: nothing after ``://`` and before the last ``@`` is kept.
    """
    try:
        parts = urlsplit(url)
        password = parts.password
        parts.port  # noqa: B018 - raises for a port that is not a number
    except ValueError:
        return without_credentials(url), None
    if "@" in url and "@" not in parts.netloc:
        return without_credentials(url), None  # an "@" past the host: do not guess
    if password is None:
        return url, None
    host = _host_port(parts.hostname or "", parts.port)
    user = quote(unquote(parts.username or ""), safe="")
    netloc = f"{user}@{host}" if user else host
    return urlunsplit((parts.scheme, netloc, "", "", "")), unquote(password)


def without_credentials(text: str) -> str:
    """``text`` with everything between the scheme and the last ``@`` removed."""
    scheme, separator, rest = text.rpartition("://")
    if "@" not in rest:
        return text
    return f"{scheme}{separator}{rest.rpartition('@')[2]}"


def with_password(url: str, password: str | None) -> str:
    """``url`` with ``password`` put back beside its user name."""
    if not password:
        return url
    parts = urlsplit(url)
    host = _host_port(parts.hostname or "", parts.port)
    user = quote(unquote(parts.username or ""), safe="")
    netloc = f"{user}:{quote(password, safe='')}@{host}"
    return urlunsplit((parts.scheme, netloc, "", "", ""))


def keyring_user(url: str) -> str:
    """The keyring entry's user name for a proxy's password: ``proxy user@host:port``."""
    parts = urlsplit(url)
    address = _host_port(parts.hostname or "", parts.port or _default_port(parts.scheme))
    return f"proxy {unquote(parts.username or '')}@{address}"


def describe(url: str) -> str:
    """``host:port`` of a proxy URL, for messages."""
    parts = urlsplit(url)
    return _host_port(parts.hostname or "", parts.port or _default_port(parts.scheme))


def resolve(
    api_url: str,
    settings: ProxySettings,
    environ: Mapping[str, str] | None = None,
    desktop: Callable[[str], Proxy | None] | None = None,
) -> Proxy | None:
    """The proxy for ``api_url`` under ``settings``, or None for a direct connection.

    ``desktop(api_url)`` is asked in ``system`` mode when no variable is set (GNOME's
    settings: it runs a program, so call this off the GUI thread).
    """
    parts = urlsplit(api_url)
    host = parts.hostname or ""
    if is_loopback_host(host) or settings.mode is ProxyMode.NONE:
        return None
    if settings.mode is ProxyMode.MANUAL:
        url = check_proxy_url(settings.url)
        return _allowed(_proxy(with_password(url, settings.password), SETTINGS_SOURCE), settings)
    env = os.environ if environ is None else environ
    found = from_environment(parts.scheme or "https", host, env)
    if found is None and not _any_proxy_variable(env) and desktop is not None:
        found = desktop(api_url)
    return None if found is None else _allowed(found, settings)


def sends_plain_password(proxy: Proxy) -> bool:
    """Whether connecting through ``proxy`` sends its password in clear text on the network:
    an ``http://`` or SOCKS proxy with a password, not on this computer."""
    parts = urlsplit(proxy.url)
    return (
        parts.scheme.lower() != "https"
        and bool(parts.password)
        and not is_loopback_host(parts.hostname or "")
    )


def _allowed(proxy: Proxy, settings: ProxySettings) -> Proxy:
    if sends_plain_password(proxy) and not {"*", proxy.address} & settings.plain_password_ok:
        raise PlainPasswordError(proxy.address)
    return proxy


def from_environment(scheme: str, host: str, environ: Mapping[str, str]) -> Proxy | None:
    """The proxy the ``*_PROXY`` variables give for ``scheme://host``, honouring
    ``NO_PROXY``. Lower-case names win over upper-case ones, as curl and Python do."""
    proxies: dict[str, tuple[str, str]] = {}
    for name, value in environ.items():
        lower = name.lower()
        if value and lower.endswith("_proxy"):
            key = lower[: -len("_proxy")]
            if name == lower or key not in proxies:
                proxies[key] = (value, name)
    no_proxy = proxies.get("no", ("", ""))[0]
    if no_proxy and _bypassed(host, no_proxy):
        return None
    for key in (scheme, "all"):
        if key in proxies:
            value, name = proxies[key]
            try:
                url = check_proxy_url(value)
            except ProxyURLError as exc:
                message = translate("Network", "{variable} is not a usable proxy address: {reason}")
                raise ProxyURLError(message.format(variable=name, reason=exc)) from None
            return _proxy(url, name)
    return None


def _bypassed(host: str, no_proxy: str) -> bool:
    """Whether ``NO_PROXY`` (comma or space separated) names ``host``: ``*``, a name, a
    domain suffix (``.corp``, ``corp``, ``*.corp``), an address or an address range
    (``10.0.0.0/8``, ``[::1]``); a ``:port`` on an entry is ignored, as curl does."""
    host = host.strip("[]").lower().removesuffix(".")
    try:
        address: ipaddress.IPv4Address | ipaddress.IPv6Address | None = ipaddress.ip_address(host)
    except ValueError:
        address = None
    for raw in no_proxy.replace(",", " ").split():
        entry = raw.lower()
        if entry == "*":
            return True
        if entry.startswith("["):
            entry = entry[1:].partition("]")[0]
        elif entry.count(":") == 1:
            entry = entry.partition(":")[0]
        if address is not None:
            try:
                if address in ipaddress.ip_network(entry, strict=False):
                    return True
            except ValueError:
                pass
            continue
        domain = entry.lstrip("*").lstrip(".").removesuffix(".")
        if domain and (host == domain or host.endswith("." + domain)):
            return True
    return False


def _any_proxy_variable(environ: Mapping[str, str]) -> bool:
    names = {"https_proxy", "http_proxy", "all_proxy", "no_proxy"}
    return any(name.lower() in names and value for name, value in environ.items())


def _proxy(url: str, source: str) -> Proxy:
    parts = urlsplit(url)
    return Proxy(
        url=url,
        address=describe(url),
        source=source,
        has_credentials=parts.username is not None,
    )


def _default_port(scheme: str) -> int:
    return _DEFAULT_PORTS.get(scheme.lower(), 80)


def _host_port(host: str, port: int | None) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"{shown}:{port}" if port else shown


def explain_refusal(proxy: Proxy, detail: str) -> str:
    """What a proxy's refusal (httpx's ``ProxyError`` text) means, naming the proxy:
    "the proxy at proxy.corp:3128 refused the connection (HTTP 407: it wants a user name
    and password)"."""
    address = proxy.address
    status = detail.split(" ", 1)[0]
    # 407 asks for credentials; some proxies (tinyproxy) answer wrong ones with 401.
    if status in ("407", "401") or "NO ACCEPTABLE METHODS" in detail.upper():
        kind = f"HTTP {status}" if status.isdigit() else "SOCKS"
        if proxy.has_credentials:
            return _credentials_rejected(address, kind)
        message = translate(
            "Network",
            "the proxy at {address} refused the connection ({kind}: it wants a user name and "
            "password)",
        )
        return message.format(address=address, kind=kind)
    if detail.startswith("Invalid username/password"):
        return _credentials_rejected(address, "SOCKS")
    if status.isdigit():
        reason = detail[len(status) :].strip()
        if not reason:
            message = translate(
                "Network", "the proxy at {address} refused the connection (HTTP {status})"
            )
            return message.format(address=address, status=status)
        message = translate(
            "Network", "the proxy at {address} refused the connection (HTTP {status}: {reason})"
        )
        return message.format(address=address, status=status, reason=reason)
    if detail.startswith("Proxy Server could not connect"):
        reason = detail.partition(":")[2].strip().rstrip(".")
        if not reason:
            message = translate(
                "Network", "the proxy at {address} could not reach the API host (no reason given)"
            )
            return message.format(address=address)
        message = translate(
            "Network", "the proxy at {address} could not reach the API host ({reason})"
        )
        return message.format(address=address, reason=reason.lower())
    if not detail:
        return translate("Network", "the proxy at {address} failed").format(address=address)
    message = translate("Network", "the proxy at {address} failed: {reason}")
    return message.format(address=address, reason=detail)


def _credentials_rejected(address: str, kind: str) -> str:
    message = translate(
        "Network",
        "the proxy at {address} refused the connection ({kind}: it did not accept the user "
        "name and password)",
    )
    return message.format(address=address, kind=kind)


def explain_unreachable(proxy: Proxy, detail: str) -> str:
    """A connection to the proxy itself failed."""
    message = translate(
        "Network", "could not connect to the proxy at {address} (from {source}): {reason}"
    )
    # The source is a variable's name, or a phrase marked for translation where it is made.
    source = translate("Network", proxy.source)
    return message.format(address=proxy.address, source=source, reason=detail)
