"""The upload client's connection: the ``httpx.Client`` it sends through, and its failures.

The client never follows a redirect (the API key goes only to the validated API origin; the
key itself is added per request by :class:`.client.UploadClient`, never as a default header
here), and takes nothing from the environment (no ``.netrc``, no proxy variables): the proxy
and the certificates are chosen here. Certificates are verified against the operating
system's trust store before any request is written, an ``https://`` proxy's own included. A
proxy, when one is chosen (:mod:`.network.proxy`), carries HTTPS in a CONNECT tunnel or a
SOCKS connection, never loopback traffic. Every wait of a request ends at its deadline
(:mod:`.network.deadline`).

A transport failure becomes an :class:`.errors.UploadError` whose message names the host
(and the proxy by its address, never its URL with a password) and never the API key.
"""

from __future__ import annotations

import socket
from collections.abc import Callable

import httpx

from .. import APP_NAME, __version__
from .errors import (
    CertificateError,
    ConnectionFailedError,
    PlainProxyPasswordError,
    ProxyRefusedError,
    ProxySettingError,
    ProxyUnreachableError,
    UploadError,
    UploadTimeoutError,
)
from .i18n import translate
from .network import causes, tls
from .network import deadline as deadlines
from .network import proxy as proxies

#: Kernel send buffer per connection. The default grows to several MB, so progress would
#: reach 100 % long before the server has the bytes; 256 KiB keeps it honest and still
#: fills a 40 Mbit/s link at 100 ms round trip per connection.
SEND_BUFFER = 256 * 1024


def default_timeout() -> httpx.Timeout:
    # Each write or read may stall at most this long; the whole request also has a
    # deadline that grows with the body (:mod:`.network.deadline`).
    return httpx.Timeout(connect=10.0, write=60.0, read=120.0, pool=None)


def _desktop_proxy(api_url: str) -> proxies.Proxy | None:
    from ..platform.chooser import proxy_source

    return proxy_source().proxy_for(api_url)


def resolve_proxy(api_url: str, settings: proxies.ProxySettings | None) -> proxies.Proxy | None:
    """The proxy for ``api_url`` under ``settings`` (the system's, by default), or None.

    Raises :class:`.errors.ProxySettingError` (or its
    :class:`.errors.PlainProxyPasswordError`) for a proxy that cannot be used.
    """
    try:
        # Loopback never; GNOME's settings are read here, on the worker making the client.
        return proxies.resolve(api_url, settings or proxies.ProxySettings(), desktop=_desktop_proxy)
    except proxies.PlainPasswordError as exc:
        message = translate("Errors", "the proxy cannot be used: {reason}")
        raise PlainProxyPasswordError(message.format(reason=exc), exc.address) from None
    except proxies.ProxyURLError as exc:
        message = translate("Errors", "the proxy cannot be used: {reason}")
        raise ProxySettingError(message.format(reason=exc)) from None


def _make_transport(proxy: proxies.Proxy | None, limits: httpx.Limits) -> httpx.HTTPTransport:
    """A transport that verifies certificates against the system's store, through ``proxy``."""
    context = tls.ssl_context()
    try:
        # An https:// proxy's own certificate is checked against the system's store too.
        proxy_config = None
        if proxy is not None:
            tls_proxy = proxy.url.startswith("https://")
            proxy_config = httpx.Proxy(proxy.url, ssl_context=context if tls_proxy else None)
        transport = httpx.HTTPTransport(
            verify=context,
            proxy=proxy_config,
            limits=limits,
            retries=0,  # retries are ours, with backoff and a fresh file
            socket_options=[(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)],
        )
        deadlines.install(transport._pool)  # every wait ends at the request's deadline
    except (httpx.InvalidURL, ValueError):
        address = proxy.address if proxy else ""
        raise ProxySettingError(
            translate(
                "Network", "the proxy cannot be used: {address} is not a valid address"
            ).format(address=address)
        ) from None
    return transport


def open_http(
    proxy: proxies.Proxy | None,
    *,
    timeout: httpx.Timeout | None,
    max_connections: int,
    transport: httpx.BaseTransport | None,
) -> httpx.Client:
    """The ``httpx.Client`` for one :class:`.client.UploadClient`: no redirects followed,
    nothing taken from the environment, through ``proxy`` unless a ``transport`` is given."""
    limits = httpx.Limits(
        max_connections=max_connections, max_keepalive_connections=max_connections
    )
    if transport is None:
        transport = _make_transport(proxy, limits)
    return httpx.Client(
        follow_redirects=False,
        timeout=timeout or default_timeout(),
        limits=limits,
        headers={"User-Agent": f"{APP_NAME}/{__version__}", "Accept-Encoding": "identity"},
        # Proxies and certificates are chosen in this module (resolve_proxy, _make_transport);
        # no .netrc, no variables here.
        trust_env=False,
        transport=transport,
    )


def _refused_by_proxy_host(exc: BaseException) -> bool:
    """A connection that failed before any tunnel existed: to the proxy itself."""
    return any(isinstance(e, (ConnectionRefusedError, socket.gaierror)) for e in causes(exc))


def transport_error(
    exc: httpx.HTTPError,
    *,
    host: str,
    hostname: str,
    proxy: proxies.Proxy | None,
    redact: Callable[[str], str],
) -> UploadError:
    """The :class:`.errors.UploadError` a failed request to ``host`` means.

    ``hostname`` is the name its certificate must carry; ``redact`` takes the API key out
    of httpx's text; the proxy is named by its address, never by its URL.
    """
    reason = redact(str(exc)) or type(exc).__name__
    certificate = tls.verification_error(exc)
    if certificate is not None:
        explained = tls.explain(certificate, hostname)
        if proxy is not None and proxy.url.startswith("https://"):
            # The refused certificate may be the proxy's own (its TLS leg) as well.
            explained += " " + translate(
                "Network",
                "The proxy at {proxy} is reached over HTTPS too: its own certificate may be "
                "the one refused.",
            ).format(proxy=proxy.address)
        return CertificateError(explained)
    if proxy is not None:
        reason = reason.replace(proxy.url, proxy.address)
        if isinstance(exc, httpx.ProxyError):
            return ProxyRefusedError(proxies.explain_refusal(proxy, reason))
        if isinstance(exc, httpx.ConnectError) and _refused_by_proxy_host(exc):
            return ProxyUnreachableError(proxies.explain_unreachable(proxy, reason))
    if isinstance(exc, httpx.TimeoutException):
        if proxy is not None:
            message = translate(
                "Errors",
                "{host} did not answer in time through the proxy at {proxy} ({reason})",
            )
            return UploadTimeoutError(message.format(host=host, proxy=proxy.address, reason=reason))
        message = translate("Errors", "{host} did not answer in time ({reason})")
        return UploadTimeoutError(message.format(host=host, reason=reason))
    if isinstance(exc, httpx.ConnectError):
        message = translate("Errors", "could not connect to {host}: {reason}")
        return ConnectionFailedError(message.format(host=host, reason=reason))
    if isinstance(exc, httpx.TransportError):
        message = translate("Errors", "the connection to {host} broke: {reason}")
        return ConnectionFailedError(message.format(host=host, reason=reason))
    message = translate("Errors", "request to {host} failed: {reason}")
    return ConnectionFailedError(message.format(host=host, reason=reason))
