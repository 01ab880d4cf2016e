"""The one place that knows which system this is and picks each interface's implementation.

Nothing else in the package reads ``sys.platform`` or ``os.name``, and nothing else imports
an implementation (``tests/test_platform_seam.py``, ``tests/test_import_layers.py``). Each
implementation is imported inside its function, so importing this module is cheap and loads
no Qt: the core asks it for locations, the proxy source and memory tuning; the Qt layer and
the desktop integration for the rest.

A port is a folder beside :mod:`.linux` and a branch in each function below
(``packaging/PORTING.md``). Until then macOS and Windows get :mod:`.fallback`, or the Linux
implementation where it worked there before this seam (folders under the home folder, the
private socket folder on macOS, POSIX signals).
"""

from __future__ import annotations

import functools
import os
import sys
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from .activation import Activation
    from .instance import InstanceChannel
    from .locations import Locations
    from .memory import MemoryTuning
    from .menu_entry import MenuEntry
    from .notifications import Clicked, DesktopNotifications, Submit
    from .proxy_source import ProxySource
    from .screenshot import Screenshots
    from .termination import QuitRequests

#: A desktop of the freedesktop.org family (Linux, the BSDs): D-Bus, XDG folders and
#: activation, desktop entries.
FREEDESKTOP: Final = not sys.platform.startswith(("darwin", "win32", "cygwin"))
#: Windows: local sockets are named pipes.
WINDOWS: Final = os.name == "nt"
#: Files have POSIX owners and modes, and file names are bytes (not on Windows, where the
#: profile folder is the user's and names are Unicode).
POSIX: Final = os.name == "posix"


@functools.cache
def locations() -> Locations:
    from .linux.xdg_locations import XdgLocations

    return XdgLocations()  # every system until its port: folders under the home folder


@functools.cache
def proxy_source() -> ProxySource:
    if FREEDESKTOP:
        from .linux.gnome_proxy import GnomeProxy

        return GnomeProxy()
    from .fallback.inert import NoProxySource

    return NoProxySource()


@functools.cache
def memory() -> MemoryTuning:
    if FREEDESKTOP:
        from .linux.glibc_memory import GlibcMalloc

        return GlibcMalloc()
    from .fallback.inert import NoMemoryTuning

    return NoMemoryTuning()


def notifications(
    icon_name: str, submit: Submit, clicked: Clicked, parent: QObject | None = None
) -> DesktopNotifications:
    """A new notifier (it holds a connection and the notifications it showed)."""
    if FREEDESKTOP:
        from .linux.dbus_notifications import FreedesktopNotifications

        return FreedesktopNotifications(icon_name, submit, clicked, parent)
    from .fallback.tray_notifications import TrayNotifications

    return TrayNotifications(icon_name, clicked, parent)


@functools.cache
def menu_entry() -> MenuEntry:
    if FREEDESKTOP:
        from .linux.desktop_entry import DesktopEntry

        return DesktopEntry()
    from .fallback.inert import NoMenuEntry

    return NoMenuEntry()


@functools.cache
def instance_channel() -> InstanceChannel:
    if WINDOWS:
        from .fallback.named_pipe import NamedPipeChannel

        return NamedPipeChannel()
    from .linux.private_socket import PrivateSocketChannel

    return PrivateSocketChannel()


@functools.cache
def activation() -> Activation:
    if FREEDESKTOP:
        from .linux.xdg_activation import XdgActivation

        return XdgActivation()
    from .fallback.inert import NoActivation

    return NoActivation()


@functools.cache
def quit_requests() -> QuitRequests:
    from .linux.signals import Signals

    return Signals()  # Python's signals: on Windows too (Ctrl+C), until its port


@functools.cache
def screenshots() -> Screenshots:
    """Asks the desktop for a screenshot (never a grab of the screen by the app itself)."""
    if FREEDESKTOP:
        from .linux.screenshot_portal import PortalScreenshots

        return PortalScreenshots()
    from .fallback.no_screenshots import NoScreenshots

    return NoScreenshots()
