"""The desktop's own proxy settings, asked when no proxy variable is set (see
:func:`uploader_gui.core.network.proxy.resolve`, which passes :meth:`ProxySource.proxy_for`
as its ``desktop``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..core.network.proxy import Proxy


class ProxySource(Protocol):
    def proxy_for(self, api_url: str) -> Proxy | None:
        """The proxy the system's settings give for ``api_url`` (an ``https://`` URL), or
        ``None`` for a direct connection. It may run a program or wait on a service: call
        it off the GUI thread. A setting it cannot use (a PAC file) is logged, not raised."""
        ...
