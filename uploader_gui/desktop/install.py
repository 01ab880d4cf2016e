"""``--install-desktop-entry`` / ``--uninstall-desktop-entry``: the app in the applications
menu and in "Open with" for images, for the current user, through the platform's
:class:`~uploader_gui.platform.menu_entry.MenuEntry` (on Linux a desktop entry and hicolor
icons: :mod:`uploader_gui.platform.linux.desktop_entry`). No window is opened.
"""

from __future__ import annotations

from ..platform.chooser import menu_entry
from ..platform.menu_entry import Printer
from . import APP_ID
from .icons import ensure_gui_application, png_bytes, render, svg_bytes
from .resources import read_text


class ShippedFiles:
    """:class:`~uploader_gui.platform.menu_entry.Shipped`: the files this installation
    ships, and the icon rendered from its SVG (with an offscreen ``QGuiApplication`` when
    there is none)."""

    app_id = APP_ID

    def read_text(self, name: str) -> str:
        return read_text(name)

    def icon_svg(self) -> bytes:
        return svg_bytes()

    def icon_png(self, size: int) -> bytes:
        ensure_gui_application()
        return png_bytes(render(self.icon_svg(), size))


SHIPPED = ShippedFiles()


def install(out: Printer = print) -> int:
    """Adds the menu entry and icon for this user; returns the exit status."""
    return menu_entry().install(SHIPPED, out)


def uninstall(out: Printer = print) -> int:
    """Removes what :func:`install` added; returns the exit status."""
    return menu_entry().uninstall(SHIPPED, out)
