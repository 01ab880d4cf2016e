"""The implementations that do nothing, for systems without a port (no Qt here)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from ... import APP_NAME

if TYPE_CHECKING:
    from ...core.network.proxy import Proxy
    from ..menu_entry import Printer, Shipped


class NoProxySource:
    """No desktop proxy settings are read: the proxy variables and Settings ▸ Network still
    apply."""

    def proxy_for(self, api_url: str) -> Proxy | None:
        return None


class NoMemoryTuning:
    """The allocator is left as it is."""

    def return_freed_memory(self) -> None:
        return None


class NoActivation:
    """No activation tokens: the window comes forward as the window system allows."""

    def launch_token(self) -> str:
        return ""

    def before_raising(self, token: str, window_system: str) -> None:
        return None


class NoMenuEntry:
    """No menu entry: said so, with a failing exit status."""

    def install(self, shipped: Shipped, out: Printer) -> int:
        return self._unsupported()

    def uninstall(self, shipped: Shipped, out: Printer) -> int:
        return self._unsupported()

    def _unsupported(self) -> int:
        sys.stderr.write(
            f"{APP_NAME}: the menu entry is made on Linux and other freedesktop.org "
            "desktops only, so far (see packaging/PORTING.md in the source)\n"
        )
        return 1
