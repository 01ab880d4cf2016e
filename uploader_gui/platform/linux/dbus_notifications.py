"""Desktop notifications on Linux: ``org.freedesktop.Notifications`` over D-Bus.

The ``Notify`` call goes out on a worker (``jeepney``, which marshals its ``u`` argument as
the specification wants; PySide6 can only send a signed ``i``, which GNOME Shell refuses), so
the GUI thread never waits on D-Bus. The clicks come back through QtDBus on the GUI thread:
``ActionInvoked`` with the ``default`` action, with the activation token the server sent just
before (Wayland lets a window take the focus only with one).

No session bus, no notifications, and no tray either: Linux's tray is a D-Bus service too,
and asking Qt for it without a bus would have libdbus try to start one (``dbus-launch``) on
the GUI thread.
"""

from __future__ import annotations

import html
import logging
import os

from PySide6.QtCore import SLOT, QObject, Slot

from ... import APP_NAME
from ...core.i18n import translate
from ..notifications import Clicked, Submit

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
#: How long the server shows it (ms); -1 would leave it to the server.
EXPIRE_MS = 8000
#: Only recent notifications are clicked: the ids kept to recognise them.
_KEPT_IDS = 100


def _send(address: str, icon: str, summary: str, body: str) -> int:
    """``Notify`` on the bus at ``address``; the notification's id. Blocks: a worker's job."""
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


class FreedesktopNotifications(QObject):
    """:class:`~uploader_gui.platform.notifications.DesktopNotifications` on the session bus
    (``$DBUS_SESSION_BUS_ADDRESS`` when it is made, or ``address``)."""

    def __init__(
        self,
        icon_name: str,
        submit: Submit,
        clicked: Clicked,
        parent: QObject | None = None,
        address: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._icon_name = icon_name
        self._submit = submit
        self._clicked = clicked
        self._address = (
            os.environ.get("DBUS_SESSION_BUS_ADDRESS", "") if address is None else address
        )
        self._ids: set[int] = set()
        self._tokens: dict[int, str] = {}
        self._listening = False

    def show(self, summary: str, body: str) -> None:
        if not self._address:
            return
        self._listen()
        address, icon = self._address, self._icon_name

        def delivered(result: int | None, error: BaseException | None) -> None:
            if error is not None or result is None:
                log.info("no desktop notification (%s)", error)
                return
            if len(self._ids) > _KEPT_IDS:
                self._ids.clear()
                self._tokens.clear()
            self._ids.add(result)

        self._submit(lambda: _send(address, icon, summary, body), delivered)

    def clickable(self) -> bool:
        return bool(self._ids)

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
            self._clicked(self._tokens.pop(notification, ""))
