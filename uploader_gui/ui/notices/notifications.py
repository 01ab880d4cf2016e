"""Desktop notifications: when a drop finishes while the window is in the background.

``org.freedesktop.Notifications`` over D-Bus. The ``Notify`` call goes out on a worker
(``jeepney``, which marshals its ``u`` argument as the specification wants; PySide6 can only
send a signed ``i``, which GNOME Shell refuses), so the GUI thread never waits on D-Bus. The
clicks come back through QtDBus on the GUI thread: ``ActionInvoked`` with the ``default``
action brings the window forward, with the activation token the server sent just before
(Wayland lets a window take the focus only with one). On macOS and Windows, which have
no such service, a tray icon's message is used instead.
"""

from __future__ import annotations

import html
import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import SLOT, QObject, Signal, Slot

from ... import APP_NAME
from ...core.i18n import translate
from ...core.text import printable
from ..base.workers import Workers

if TYPE_CHECKING:  # QtDBus and the tray are loaded by the first notification, not at start
    from PySide6.QtWidgets import QSystemTrayIcon

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
#: How long the server shows it (ms); -1 would leave it to the server.
EXPIRE_MS = 8000
#: Desktops whose notifications (and tray) are D-Bus services: no tray fallback there.
_FREEDESKTOP = not sys.platform.startswith(("darwin", "win32", "cygwin"))
#: At most this many failed files are named.
NAMED_FAILURES = 3


def message(
    done: int, failed: int, copied: bool, failures: list[tuple[str, str]]
) -> tuple[str, str]:
    """The notification's summary and body for a finished drop."""
    uploaded = translate("Notifications", "%n image(s) uploaded", None, done)
    if failed:
        summary = translate("Notifications", "{uploaded}, {failed}").format(
            uploaded=uploaded, failed=translate("Notifications", "%n failed", None, failed)
        )
        lines = [
            # One line each: a newline in a name must not make a line of its own.
            translate("Notifications", "{name}: {reason}").format(
                name=printable(name), reason=printable(reason)
            )
            for name, reason in failures[:NAMED_FAILURES]
        ]
        more = failed - len(lines)
        if more > 0:
            lines.append(translate("Notifications", "and %n more", None, more))
        return summary, "\n".join(lines)
    if copied:
        return translate("Notifications", "{uploaded}; links copied").format(uploaded=uploaded), ""
    return uploaded, ""


def _send(address: str, icon: str, summary: str, body: str) -> int:
    """``Notify`` on the bus at ``address``; the notification's id. Runs on a worker."""
    from jeepney import DBusAddress, MessageType, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    body = html.escape(body, quote=False)  # "body-markup" servers read <, > and & as markup
    target = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)
    call = new_method_call(
        target,
        "Notify",
        "susssasa{sv}i",
        (
            APP_NAME,
            0,
            icon,
            summary,
            body,
            ["default", translate("Notifications", "Show")],
            {"desktop-entry": ("s", icon)},
            EXPIRE_MS,
        ),
    )
    with open_dbus_connection(bus=address) as connection:
        reply = connection.send_and_get_reply(call, timeout=5)
    if reply.header.message_type is MessageType.error:
        raise RuntimeError(f"the notification service refused it: {reply.body}")
    return int(reply.body[0])


class Notifier(QObject):
    """Says that a drop finished, unless the window is active or notifications are off."""

    #: The person clicked a notification: bring the window forward (with this token).
    activated = Signal(str)

    def __init__(
        self,
        workers: Workers,
        window_active: Callable[[], bool],
        enabled: Callable[[], bool],
        icon_name: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = workers.pool("notifications", 1)
        self._window_active = window_active
        self._enabled = enabled
        self._icon_name = icon_name
        self._address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
        self._ids: set[int] = set()
        self._tokens: dict[int, str] = {}
        self._tray: QSystemTrayIcon | None = None
        self._listening = False

    def drop_finished(
        self, done: int, failed: int, copied: bool, failures: list[tuple[str, str]]
    ) -> None:
        if not self._enabled() or self._window_active() or done + failed == 0:
            return
        summary, body = message(done, failed, copied, failures)
        if not self._address:
            self._tray_message(summary, body)
            return
        self._listen()
        address, icon = self._address, self._icon_name

        def delivered(result: int | None, error: BaseException | None) -> None:
            if error is not None or result is None:
                log.info("no desktop notification (%s); trying the system tray", error)
                self._tray_message(summary, body)
                return
            if len(self._ids) > 100:
                self._ids.clear()  # only recent notifications are clicked
            self._ids.add(result)

        self._pool.submit(lambda: _send(address, icon, summary, body), delivered)

    # -- clicks ------------------------------------------------------------------------

    def _listen(self) -> None:
        if self._listening:
            return
        from PySide6.QtDBus import QDBusConnection

        # Named after the address: a connection of that name to another bus is reused by Qt.
        bus = QDBusConnection.connectToBus(self._address, f"{APP_NAME}-notify-{self._address}")
        if not bus.isConnected():
            return
        for name, slot in (
            ("ActionInvoked", "_action_invoked(uint,QString)"),
            ("ActivationToken", "_activation_token(uint,QString)"),
        ):
            # The stubs say bytes; PySide6 takes the str SLOT() makes.
            bus.connect("", PATH, INTERFACE, name, self, SLOT(slot))  # type: ignore[call-overload]
        self._listening = True

    @Slot("uint", str)
    def _activation_token(self, notification: int, token: str) -> None:
        if notification in self._ids:
            self._tokens[notification] = token

    @Slot("uint", str)
    def _action_invoked(self, notification: int, action: str) -> None:
        if notification in self._ids and action == "default":
            self.activated.emit(self._tokens.pop(notification, ""))

    # -- elsewhere ---------------------------------------------------------------------

    def _tray_message(self, summary: str, body: str) -> None:
        if _FREEDESKTOP:
            # Linux's tray is a D-Bus service too: without the bus there is none, and asking
            # Qt would have libdbus try to start a bus (dbus-launch) on the GUI thread.
            return
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QSystemTrayIcon

        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            self._tray = QSystemTrayIcon(QIcon.fromTheme(self._icon_name), self)
            self._tray.messageClicked.connect(lambda: self.activated.emit(""))
        self._tray.show()
        self._tray.showMessage(summary, body or summary, QSystemTrayIcon.MessageIcon.Information)
