"""Screenshots on Linux: the desktop portal's ``org.freedesktop.portal.Screenshot``.

``Screenshot(s parent_window, a{sv} options) → o handle`` on ``org.freedesktop.portal.Desktop``
at ``/org/freedesktop/portal/desktop`` returns at once with a request object; the answer comes
later, once the person has picked, as that object's ``org.freedesktop.portal.Request``
``Response(u code, a{sv} results)``: 0 taken (``results["uri"]``, a ``file://`` URI), 1
cancelled, 2 failed.

The request's path is known before the call (``…/request/SENDER/TOKEN``, from this
connection's unique name and the ``handle_token`` option), and a fast portal may answer before
its reply to the call has even arrived. So the bus is asked for that signal (``AddMatch``)
before the call is sent, and every message that comes while waiting for the reply is looked
at: a ``Response`` that came first is kept. A portal older than the ``handle_token`` option
returns another path: that one is subscribed to as well, when the reply comes (so such a
portal's answer is heard once a person has picked, not an immediate one). Only the portal's
own connection (the one that replied) is believed.

One blocking ``jeepney`` connection per screenshot, opened and closed by :meth:`take`, on the
worker that calls it; the wait is cut in short slices to look at ``cancel``. A cancel or a
portal that never answers closes the request (``Request.Close``), which closes the dialog.
"""

from __future__ import annotations

import logging
import math
import os
import secrets
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, HeaderFields, MessageFlag, MessageType, new_method_call
from jeepney.bus_messages import MatchRule, message_bus
from jeepney.io.blocking import open_dbus_connection

from ...core.i18n import translate
from ...core.text import printable
from ..screenshot import Cancel, Outcome, Shot

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
INTERFACE = "org.freedesktop.portal.Screenshot"
REQUEST = "org.freedesktop.portal.Request"
REQUEST_ROOT = "/org/freedesktop/portal/desktop/request"
#: How long a person may take to pick what to share before the app gives up (seconds).
ANSWER_TIMEOUT = 600.0
#: How long the call itself may take (the bus may start the portal first; seconds).
REPLY_TIMEOUT = 30.0
#: How often ``cancel`` is looked at while waiting (seconds).
_SLICE = 0.2
#: The bus's errors that mean there is no portal, or no screenshot part in it.
_NO_PORTAL = frozenset(
    f"org.freedesktop.DBus.Error.{name}"
    for name in (
        "ServiceUnknown",
        "NameHasNoOwner",
        "UnknownMethod",
        "UnknownInterface",
        "UnknownObject",
        "Spawn.ServiceNotFound",
        "Spawn.ExecFailed",
        "Spawn.ChildExited",
    )
)
#: Response codes.
TAKEN, CANCELLED = 0, 1


def request_path(unique_name: str, token: str) -> str:
    """Where the portal puts the request for ``token`` asked by ``unique_name``
    (``:1.42`` → ``…/request/1_42/<token>``)."""
    sender = unique_name.lstrip(":").replace(".", "_")
    return f"{REQUEST_ROOT}/{sender}/{token}"


def local_path(uri: str) -> Path | None:
    """The local file a ``file://`` URI names (any bytes in the name), else ``None``."""
    parts = urllib.parse.urlsplit(uri)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost") or parts.query:
        return None
    path = Path(os.fsdecode(urllib.parse.unquote_to_bytes(parts.path)))
    return path if path.is_absolute() else None


def _no_portal() -> Shot:
    message = translate(
        "Sources",
        "no screenshot portal on this desktop: install xdg-desktop-portal and your desktop's "
        "backend",
    )
    return Shot(Outcome.NO_PORTAL, message=message)


def _failed(detail: str) -> Shot:
    message = translate("Sources", "the screenshot failed: {detail}")
    return Shot(Outcome.FAILED, message=message.format(detail=printable(detail)))


def _cancelled() -> Shot:
    return Shot(Outcome.CANCELLED, message=translate("Sources", "the screenshot was cancelled"))


def _no_answer(timeout: float) -> Shot:
    if timeout >= 60:
        minutes = math.ceil(timeout / 60)
        text = translate(
            "Sources", "the screenshot portal did not answer in %n minute(s)", None, minutes
        )
    else:
        seconds = math.ceil(timeout)
        text = translate(
            "Sources", "the screenshot portal did not answer in %n second(s)", None, seconds
        )
    return Shot(Outcome.FAILED, message=text)


class PortalScreenshots:
    """:class:`~uploader_gui.platform.screenshot.Screenshots` through the desktop portal on
    the session bus (``$DBUS_SESSION_BUS_ADDRESS`` at each :meth:`take`, or ``address``)."""

    def __init__(
        self,
        address: str | None = None,
        timeout: float = ANSWER_TIMEOUT,
        reply_timeout: float = REPLY_TIMEOUT,
    ) -> None:
        self._address = address
        self._timeout = timeout
        self._reply_timeout = reply_timeout

    def take(
        self, interactive: bool = True, parent_window: str = "", cancel: Cancel | None = None
    ) -> Shot:
        address = self._address
        if address is None:
            address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
        if not address:
            return _no_portal()
        try:
            connection = open_dbus_connection(bus=address)
        except (OSError, ValueError) as error:  # (jeepney's TimeoutError is an OSError)
            log.info("no session bus at %s: %s", address, error)
            return _no_portal()
        with connection:
            request = _Request(connection, cancel)
            try:
                return request.run(interactive, parent_window, self._reply_timeout, self._timeout)
            except OSError as error:  # the bus went away (the session is ending)
                return _failed(str(error) or type(error).__name__)


class _Request:
    """One ``Screenshot`` call on ``connection`` and the wait for its ``Response``."""

    def __init__(self, connection: Any, cancel: Cancel | None) -> None:
        self.connection = connection
        self.cancel = cancel
        self.token = f"uploader_gui_{secrets.token_hex(8)}"
        #: Where the answer comes: the predicted path, then the one the portal returned.
        self.handle = request_path(connection.unique_name, self.token)
        self.paths = {self.handle}
        self.serial = 0
        self.reply: Any = None
        self.responses: list[Any] = []

    def run(
        self, interactive: bool, parent_window: str, reply_timeout: float, timeout: float
    ) -> Shot:
        self._subscribe(self.handle, wait=True)  # before the call: a fast portal is heard
        self._call(interactive, parent_window)
        if not self._wait(lambda: self.reply is not None, reply_timeout):
            return self._give_up(_no_answer(reply_timeout))
        refused = self._check_reply()
        if refused is not None:
            return refused
        if not self._wait(self._answered, timeout):
            return self._give_up(_no_answer(timeout))
        return self._outcome(self._answered_with())

    def _subscribe(self, path: str, *, wait: bool) -> None:
        rule = MatchRule(
            type="signal", sender=SERVICE, interface=REQUEST, member="Response", path=path
        )
        if wait:
            self.connection.send_and_get_reply(message_bus.AddMatch(rule), timeout=REPLY_TIMEOUT)
        else:  # its reply is one more message the wait skips
            self.connection.send(message_bus.AddMatch(rule))

    def _call(self, interactive: bool, parent_window: str) -> None:
        options = {
            "handle_token": ("s", self.token),
            "interactive": ("b", interactive),
            "modal": ("b", True),
        }
        portal = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)
        call = new_method_call(portal, "Screenshot", "sa{sv}", (parent_window, options))
        self.serial = next(self.connection.outgoing_serial)
        self.connection.send(call, serial=self.serial)

    def _wait(self, done: Callable[[], bool], timeout: float) -> bool:
        """Reads messages until ``done()``; ``False`` when ``timeout`` passed or
        ``cancel`` was set first (the caller tells which)."""
        deadline = time.monotonic() + timeout
        while not done():
            left = deadline - time.monotonic()
            if left <= 0 or self._cancelled():
                return False
            try:
                message = self.connection.receive(timeout=min(_SLICE, left))
            except TimeoutError:
                continue
            header = message.header
            if header.fields.get(HeaderFields.reply_serial) == self.serial:
                self.reply = message
            elif (
                header.message_type is MessageType.signal
                and header.fields.get(HeaderFields.member) == "Response"
                and header.fields.get(HeaderFields.interface) == REQUEST
                and header.fields.get(HeaderFields.path) in self.paths
            ):
                self.responses.append(message)
        return True

    def _check_reply(self) -> Shot | None:
        """The refusal the call's reply says, if it is an error; else follow its handle."""
        if self.reply.header.message_type is MessageType.error:
            name = str(self.reply.header.fields.get(HeaderFields.error_name, ""))
            if name in _NO_PORTAL:
                return _no_portal()
            said = " ".join(str(part) for part in self.reply.body)
            return _failed(f"{name} {said}".strip())
        handle = str(self.reply.body[0])
        if handle not in self.paths:  # a portal from before handle_token
            log.info("the portal answers at %s, not %s", handle, self.handle)
            self.paths.add(handle)
            self.handle = handle
            self._subscribe(handle, wait=False)
        return None

    def _answered(self) -> bool:
        return self._answered_with() is not None

    def _answered_with(self) -> Any:
        """The first ``Response`` the portal itself sent (not another connection)."""
        portal = self.reply.header.fields.get(HeaderFields.sender)
        for message in self.responses:
            if message.header.fields.get(HeaderFields.sender) == portal:
                return message
        return None

    def _outcome(self, response: Any) -> Shot:
        code, results = response.body
        if code == CANCELLED:
            return _cancelled()
        if code != TAKEN:
            return _failed(
                translate("Sources", "the portal answered with code {code}").format(code=code)
            )
        signature, uri = results.get("uri", ("s", ""))
        path = local_path(uri) if signature == "s" and isinstance(uri, str) else None
        if path is None:
            detail = translate("Sources", "the portal gave no local file ({uri})")
            return _failed(detail.format(uri=str(uri)))
        return Shot(Outcome.TAKEN, path=path)

    def _give_up(self, timed_out: Shot) -> Shot:
        """Closes the request (and so the dialog); cancelled or timed out."""
        request = DBusAddress(self.handle, bus_name=SERVICE, interface=REQUEST)
        close = new_method_call(request, "Close")
        close.header.flags |= MessageFlag.no_reply_expected
        try:
            self.connection.send(close)
        except OSError as error:
            log.info("could not close the screenshot request: %s", error)
        return _cancelled() if self._cancelled() else timed_out

    def _cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.cancelled
