"""The app in the applications menu and in "Open with" for images, for the current user
(``uploader-gui --install-desktop-entry`` / ``--uninstall-desktop-entry``).

The files the entry is made of (the icon, each system's entry template) are the desktop
integration's (:mod:`uploader_gui.desktop.install` hands them over as :class:`Shipped`).
Both methods say what they did through ``out``, write errors to stderr and return the exit
status; neither opens a window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

Printer = Callable[[str], None]


class Shipped(Protocol):
    """What the app ships for its menu entry."""

    @property
    def app_id(self) -> str:
        """The reverse-DNS application id: the entry's and the icon's name."""
        ...

    def read_text(self, name: str) -> str:
        """A shipped text file by name (an entry template)."""
        ...

    def icon_svg(self) -> bytes:
        """The app icon's SVG."""
        ...

    def icon_png(self, size: int) -> bytes:
        """The app icon drawn at ``size`` x ``size`` pixels, as PNG."""
        ...


class MenuEntry(Protocol):
    def install(self, shipped: Shipped, out: Printer) -> int:
        """Adds the entry and its icon for this user, starting this very installation
        (a venv or a bundle works without being on ``PATH``)."""
        ...

    def uninstall(self, shipped: Shipped, out: Printer) -> int:
        """Removes what :meth:`install` added (nothing there is not an error)."""
        ...
