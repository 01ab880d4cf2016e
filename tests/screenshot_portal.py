"""A fake screenshot portal for tests, on a private session bus (``tests/private_bus.py``).

``org.freedesktop.portal.Desktop`` answering ``org.freedesktop.portal.Screenshot.Screenshot``
as xdg-desktop-portal does: it returns the request's path at once and later broadcasts that
request's ``Response``; ``Request.Close`` is recorded. Each call is recorded with its sender,
signature, parent window and options. What it answers is its :class:`Behaviour`.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageFlag,
    MessageType,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

from tests.images import png_bytes
from tests.private_bus import private_session_bus

SERVICE = "org.freedesktop.portal.Desktop"
SCREENSHOT = "org.freedesktop.portal.Screenshot"
REQUEST = "org.freedesktop.portal.Request"
REQUEST_ROOT = "/org/freedesktop/portal/desktop/request"
#: A screenshot's name as GNOME's portal writes it: a space and a non-ASCII letter.
SAVED_NAME = "Screenshot from 2025-01-31 14-25-01 é.png"


class Behaviour(enum.Enum):
    #: Saves a real PNG and answers with its file URI (after the reply, as portals do).
    SAVE = "save"
    #: Answers before its reply to the call: only a caller that subscribed first hears it.
    FAST = "fast"
    CANCEL = "cancel"
    FAIL = "fail"
    #: Returns the request but never answers (a person who walked away).
    SILENT = "silent"
    #: Ignores ``handle_token`` (portals before 0.9): its request is elsewhere, and it
    #: answers once a person has picked (a moment later).
    OTHER_HANDLE = "other-handle"
    #: Answers code 0 with a URI that is no local file.
    NOT_A_FILE = "not-a-file"
    #: A portal without the screenshot part (no backend for it).
    NO_SCREENSHOT = "no-screenshot"


@dataclass(frozen=True)
class Call:
    sender: str
    signature: str
    parent_window: str
    #: The options, unwrapped: ``{"interactive": True, "handle_token": "…"}``.
    options: dict[str, object]
    #: Where the request is (what the call returned).
    handle: str


def expected_request(sender: str, token: str) -> str:
    return f"{REQUEST_ROOT}/{sender.lstrip(':').replace('.', '_')}/{token}"


@dataclass
class FakePortal:
    address: str
    connection: DBusConnection
    folder: Path
    behaviour: Behaviour
    _calls: list[Call] = field(default_factory=list)
    _closed: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stop: threading.Event = field(default_factory=threading.Event)

    def calls(self) -> list[Call]:
        with self._lock:
            return list(self._calls)

    def closed(self) -> list[str]:
        """The requests closed with ``Request.Close``."""
        with self._lock:
            return list(self._closed)

    def serve(self) -> None:
        while not self._stop.is_set():
            try:
                message = self.connection.receive(timeout=0.1)
            except TimeoutError:
                continue
            except (OSError, ConnectionError):
                return
            header = message.header
            if header.message_type is not MessageType.method_call:
                continue
            interface = header.fields.get(HeaderFields.interface)
            member = header.fields.get(HeaderFields.member)
            if (interface, member) == (REQUEST, "Close"):
                with self._lock:
                    self._closed.append(header.fields[HeaderFields.path])
                if not header.flags & MessageFlag.no_reply_expected:
                    self.connection.send(new_method_return(message))
            elif (interface, member) == (SCREENSHOT, "Screenshot"):
                self._screenshot(message)
            else:
                self._refuse(message, "UnknownMethod", f"no {interface}.{member} here")

    def _refuse(self, message: Any, name: str, text: str) -> None:
        error = new_error(message, f"org.freedesktop.DBus.Error.{name}", "s", (text,))
        self.connection.send(error)

    def _screenshot(self, message: Any) -> None:
        header = message.header
        signature = header.fields.get(HeaderFields.signature, "")
        if self.behaviour is Behaviour.NO_SCREENSHOT:
            self._refuse(message, "UnknownMethod", "No such interface on object")
            return
        if signature != "sa{sv}":
            self._refuse(message, "InvalidArgs", f"wrong signature {signature}")
            return
        parent_window, options = message.body
        sender = header.fields[HeaderFields.sender]
        token = options.get("handle_token", ("s", "none"))[1]
        handle = expected_request(sender, token)
        if self.behaviour is Behaviour.OTHER_HANDLE:
            handle = f"{REQUEST_ROOT}/old/{len(self._calls) + 1}"
        unwrapped = {name: value for name, (_kind, value) in options.items()}
        with self._lock:
            self._calls.append(Call(sender, signature, parent_window, unwrapped, handle))
        reply = new_method_return(message, "o", (handle,))
        if self.behaviour is Behaviour.FAST:
            self._respond(handle)
            self.connection.send(reply)
            return
        self.connection.send(reply)
        if self.behaviour is Behaviour.OTHER_HANDLE:  # after a person's pick: its path is known
            threading.Timer(0.3, self._respond, (handle,)).start()
            return
        self._respond(handle)

    def _respond(self, handle: str) -> None:
        code: int
        results: dict[str, tuple[str, object]] = {}
        if self.behaviour is Behaviour.SILENT:
            return
        if self.behaviour is Behaviour.CANCEL:
            code = 1
        elif self.behaviour is Behaviour.FAIL:
            code = 2
        elif self.behaviour is Behaviour.NOT_A_FILE:
            code, results = 0, {"uri": ("s", "https://example.org/shot.png")}
        else:
            saved = self.folder / SAVED_NAME
            saved.write_bytes(png_bytes(8, 6))
            code, results = 0, {"uri": ("s", saved.as_uri())}
        emitter = DBusAddress(handle, interface=REQUEST)
        self.connection.send(new_signal(emitter, "Response", "ua{sv}", (code, results)))


@contextmanager
def portal_on(address: str, folder: Path, behaviour: Behaviour) -> Iterator[FakePortal]:
    """The fake portal on the bus at ``address`` while the ``with`` lasts."""
    connection = open_dbus_connection(bus=address)
    reply = connection.send_and_get_reply(message_bus.RequestName(SERVICE, 4), timeout=5)
    assert reply.body == (1,), reply.body  # primary owner
    portal = FakePortal(address, connection, folder, behaviour)
    thread = threading.Thread(target=portal.serve, daemon=True)
    thread.start()
    try:
        yield portal
    finally:
        portal._stop.set()
        thread.join(5)
        connection.close()


@contextmanager
def fake_portal(folder: Path, behaviour: Behaviour = Behaviour.SAVE) -> Iterator[FakePortal]:
    """A private session bus with the fake portal on it."""
    with private_session_bus() as address, portal_on(address, folder, behaviour) as portal:
        yield portal
