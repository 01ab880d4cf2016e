"""A notification server for tests: a private D-Bus session bus (its own ``dbus-daemon``)
and, on it, ``org.freedesktop.Notifications`` answering ``Notify`` and recording each call
with its D-Bus signature; it can click a notification (``ActivationToken`` then
``ActionInvoked``) as a desktop would."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

from tests.private_bus import private_session_bus

PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"


@dataclass
class Notification:
    id: int
    signature: str
    app_name: str
    replaces_id: int
    icon: str
    summary: str
    body: str
    actions: list[str]
    hints: dict[str, object]
    timeout: int


@dataclass
class NotificationServer:
    address: str
    connection: DBusConnection
    received: list[Notification] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stop: threading.Event = field(default_factory=threading.Event)

    def serve(self) -> None:
        next_id = 0
        while not self._stop.is_set():
            try:
                message = self.connection.receive(timeout=0.2)
            except TimeoutError:
                continue
            except (OSError, ConnectionError):
                return
            header = message.header
            if header.message_type is not MessageType.method_call:
                continue
            member = header.fields.get(HeaderFields.member)
            signature = header.fields.get(HeaderFields.signature, "")
            if member == "Notify":
                if signature != "susssasa{sv}i":  # what GNOME Shell and others insist on
                    self.connection.send(
                        new_error(
                            message,
                            "org.freedesktop.DBus.Error.InvalidArgs",
                            "s",
                            (f"wrong signature {signature}",),
                        )
                    )
                    continue
                next_id += 1
                app, replaces, icon, summary, body, actions, hints, timeout = message.body
                with self._lock:
                    self.received.append(
                        Notification(
                            next_id,
                            signature,
                            app,
                            replaces,
                            icon,
                            summary,
                            body,
                            list(actions),
                            dict(hints),
                            timeout,
                        )
                    )
                self.connection.send(new_method_return(message, "u", (next_id,)))
            elif member == "GetCapabilities":
                self.connection.send(new_method_return(message, "as", (["actions", "body"],)))
            else:
                self.connection.send(new_method_return(message, "", ()))

    def notifications(self) -> list[Notification]:
        with self._lock:
            return list(self.received)

    def click(self, notification: Notification, token: str = "activation-1") -> None:  # noqa: S107
        """What a desktop does when the notification is clicked."""
        where = DBusAddress(PATH, interface=INTERFACE)
        self.connection.send(new_signal(where, "ActivationToken", "us", (notification.id, token)))
        self.connection.send(new_signal(where, "ActionInvoked", "us", (notification.id, "default")))


@contextmanager
def notification_server() -> Iterator[NotificationServer]:
    with private_session_bus() as address:
        connection = open_dbus_connection(bus=address)
        reply = connection.send_and_get_reply(
            message_bus.RequestName("org.freedesktop.Notifications", 4), timeout=5
        )
        assert reply.body == (1,), reply.body  # primary owner
        server = NotificationServer(address, connection)
        thread = threading.Thread(target=server.serve, daemon=True)
        thread.start()
        try:
            yield server
        finally:
            server._stop.set()
            thread.join(5)
            connection.close()
