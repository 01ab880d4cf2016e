"""One window per user and upload target: a second start hands its files to the first.

The first ``uploader-gui`` to start listens on a local socket (``QLocalServer``). A later
``uploader-gui FILE...`` run by the same user for the same target connects, sends the absolute
paths, waits for the answer and exits; the first window adds the files and comes to the front.

Where: the platform's :class:`~uploader_gui.platform.instance.InstanceChannel` says (on
Linux a folder only this user can enter: ``$XDG_RUNTIME_DIR`` when it is private, else
``$XDG_CACHE_HOME/uploader-gui/instance``; never the shared temporary folder; see
:mod:`uploader_gui.platform.linux.private_socket`). The name carries a digest of the upload
target (``--sandbox``, an explicit API URL, or the URL in Settings), so files meant for
production never land in a sandbox window and vice versa. Each side checks that the other is
this user before it sends or reads anything.

Robustness: the lock is taken first (a ``QLockFile`` in that folder), and the connect and the
``listen`` run under it, so two simultaneous starts do not both become the first. A socket
file nobody listens on (a crash) is removed; a server that accepts but does not greet within a
short timeout (a hung first instance) loses the name to the new one, which starts normally.
Nothing is sent to a server before its greeting, so a hung instance that wakes up later finds
no files to add twice.

Protocol (one connection per hand-off, UTF-8 lines): the server greets with ``GREETING``; the
client sends one JSON object ``{"paths": [...], "activation_token": "..."}`` and a newline; the
server answers ``ACK`` and closes. Anything else (not UTF-8 JSON of that shape, nested too
deep, longer than ``MAX_MESSAGE_BYTES``) is dropped at once, with at most a debug log line.

When another user's file is in the way, or the folder is not private, the start says so
(:attr:`Claim.obstacle`: the window shows it once) and opens its own window.

Light on purpose: it runs on every start, so it imports only QtCore, QtNetwork and the
standard library.
"""

from __future__ import annotations

import enum
import json
import logging
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from .. import APP_NAME
from ..platform.chooser import instance_channel
from ..platform.instance import MeetingPlace, Obstacle, ObstacleError, Refusal

log = logging.getLogger(__name__)

GREETING = b"uploader-gui 1\n"
ACK = b"ok\n"
#: How long a start waits for the first instance at each step before deciding it is hung.
CONNECT_TIMEOUT_MS = 1000
GREETING_TIMEOUT_MS = 1500
ACK_TIMEOUT_MS = 5000
LOCK_TIMEOUT_MS = 10_000
#: A peer that says nothing for this long is dropped; a message larger than this is refused.
PEER_TIMEOUT_MS = 10_000
MAX_MESSAGE_BYTES = 16 * 1024 * 1024

SANDBOX_TARGET = "sandbox"
SETTINGS_TARGET = "settings"


def target_for(sandbox: bool, api_url: str | None) -> str:
    """What a window uploads to, as far as is known before it starts: ``--sandbox``, an API URL
    from ``--api-url`` or ``$IMAGEPIPELINE_API_URL``, else whatever Settings say."""
    if sandbox:
        return SANDBOX_TARGET
    if api_url and api_url.strip():
        from ..core.destination import Destination
        from ..core.errors import InsecureURLError

        try:  # spelled any way, one destination is one target
            return "url:" + Destination(api_url).url
        except InsecureURLError:  # refused: the window that opens says why
            return "url:" + api_url.strip()
    return SETTINGS_TARGET


def _file_name(target: str) -> str:
    """The socket's file name for this user and ``target`` (the lock adds ``.lock``)."""
    user = instance_channel().user()
    # Only a short, stable name is needed (zlib is already loaded; hashlib costs start-up).
    key = f"{user}\0{target}".encode()
    return f"{APP_NAME}-{user}-{zlib.crc32(key):08x}"


def socket_name(target: str) -> str:
    """The local socket's name for this user and ``target``: a full path on Linux."""
    return instance_channel().socket_name(_file_name(target))


@dataclass
class Claim:
    """The outcome of :func:`claim`: the files went to a running window (``forwarded``), or
    this process is the first and ``server`` listens (``None`` if that was not possible).
    ``obstacle``: what stopped the hand-off, for the window to say once."""

    forwarded: bool
    server: InstanceServer | None = None
    obstacle: Obstacle | None = None


def claim(target: str, paths: list[str], activation_token: str = "") -> Claim:
    """Hands ``paths`` to the running instance for ``target``, or becomes that instance.

    Needs a ``QCoreApplication``. Paths are made absolute here, against this process's folder.
    """
    absolute = [os.path.abspath(path) for path in paths]
    try:
        place = instance_channel().open()
    except ObstacleError as error:
        return _alone(error.obstacle)
    outcome = _claim_at(place.address(_file_name(target)), place, absolute, activation_token)
    if outcome.server is None:
        place.close()  # (a server holds it open while it listens)
    return outcome


def _alone(obstacle: Obstacle) -> Claim:
    log.warning("%s: this window works on its own", obstacle.describe())
    return Claim(forwarded=False, obstacle=obstacle)


def _claim_at(name: str, place: MeetingPlace, paths: list[str], activation_token: str) -> Claim:
    """:func:`claim` at socket ``name``: lock first, then hand over or listen."""
    lock = QLockFile(name + ".lock")
    if not lock.tryLock(LOCK_TIMEOUT_MS):
        log.warning("could not lock %s.lock; not using single-instance mode", name)
        return Claim(forwarded=False)
    try:
        outcome = _hand_off(name, paths, activation_token)
        if outcome is HandOff.DELIVERED:
            return Claim(forwarded=True)
        if outcome is HandOff.FOREIGN:
            return _alone(Obstacle(place.shown(name), Refusal.FOREIGN))
        # Nobody answered: a socket file left by a crash, or a hung instance. Take the name.
        QLocalServer.removeServer(name)
        server = InstanceServer()
        if not server.listen(name, place):
            log.warning("cannot listen on %s: %s", name, server.error_string())
            return Claim(forwarded=False)
        if not place.unchanged():  # swapped since it was checked
            server.close()
            return _alone(Obstacle(place.where, Refusal.FOREIGN))
        return Claim(forwarded=False, server=server)
    finally:
        lock.unlock()


class HandOff(enum.Enum):
    DELIVERED = "delivered"
    #: Nobody listens, or it did not answer in time (a crash, a hung instance).
    NO_ANSWER = "no answer"
    #: Another user's process listens at the name: it was sent nothing.
    FOREIGN = "foreign"


def forward(name: str, paths: list[str], activation_token: str = "") -> bool:
    """Sends ``paths`` to the server at ``name``; ``True`` once it has confirmed them."""
    return _hand_off(name, paths, activation_token) is HandOff.DELIVERED


def _hand_off(name: str, paths: list[str], activation_token: str) -> HandOff:
    sock = QLocalSocket()
    try:
        sock.connectToServer(name)
        if not sock.waitForConnected(CONNECT_TIMEOUT_MS):
            return HandOff.NO_ANSWER
        if not instance_channel().same_user(int(sock.socketDescriptor())):
            log.warning("%s is served by another user; nothing was sent to it", name)
            return HandOff.FOREIGN
        if _read_line(sock, GREETING_TIMEOUT_MS) != GREETING:
            log.warning("the running %s did not answer; starting a new window", APP_NAME)
            return HandOff.NO_ANSWER
        message = json.dumps({"paths": paths, "activation_token": activation_token})
        sock.write(message.encode() + b"\n")
        if not sock.waitForBytesWritten(ACK_TIMEOUT_MS):
            return HandOff.NO_ANSWER
        return HandOff.DELIVERED if _read_line(sock, ACK_TIMEOUT_MS) == ACK else HandOff.NO_ANSWER
    finally:
        sock.abort()


def _read_line(sock: QLocalSocket, timeout_ms: int) -> bytes:
    while not sock.canReadLine():
        if not sock.waitForReadyRead(timeout_ms):
            return b""
    return bytes(sock.readLine(1024).data())


def _file_identity(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


class InstanceServer(QObject):
    """Listens for later starts; emits what they hand over."""

    #: ``(paths: list[Path], activation_token: str)`` from a later start.
    files_received = Signal(object, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._peers: set[_Peer] = set()
        self._socket_file: tuple[int, int] | None = None
        self._place: MeetingPlace | None = None

    def listen(self, name: str, place: MeetingPlace | None = None) -> bool:
        """Listens at ``name``; holds ``place`` (the folder ``name`` is in, which it may be
        named through) open until :meth:`close`."""
        if not self._server.listen(name):
            return False
        self._socket_file = _file_identity(self._server.fullServerName())
        self._place = place
        return True

    def error_string(self) -> str:
        return self._server.errorString()

    @property
    def name(self) -> str:
        """The socket's path, as a person would find it (not through ``/proc/self/fd``)."""
        name = self._server.fullServerName()
        return name if self._place is None else self._place.shown(name)

    def close(self) -> None:
        """Stops listening, removes the socket file and drops connections in progress.

        If a later start took the name over while this instance was hung, the file at the
        path is that instance's, and Qt would delete it (the next start would then open a
        second window). It is moved aside, under the start lock, while Qt closes.
        """
        path = self._server.fullServerName()
        identity = _file_identity(path) if path else None
        if identity is not None and self._socket_file is not None and identity != self._socket_file:
            self._close_beside(path)
        else:
            self._server.close()
        self._socket_file = None
        for peer in list(self._peers):
            peer.close(abort=True)
        if self._place is not None:
            self._place.close()
            self._place = None

    def _close_beside(self, path: str) -> None:
        lock = QLockFile(path + ".lock")
        if not lock.tryLock(LOCK_TIMEOUT_MS):
            log.warning("could not lock %s.lock; leaving the socket to its new owner", path)
            self._server.close()  # (rare: it then removes the new owner's file)
            return
        aside = f"{path}.{os.getpid()}.closing"
        try:
            os.replace(path, aside)
        except OSError:
            self._server.close()
            lock.unlock()
            return
        try:
            self._server.close()  # finds nothing to delete at the path
        finally:
            try:
                os.replace(aside, path)
            finally:
                lock.unlock()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            if not instance_channel().same_user(int(sock.socketDescriptor())):  # before any byte
                log.warning("refused a connection from another user to %s", self.name)
                sock.abort()
                sock.deleteLater()
                continue
            self._peers.add(_Peer(sock, self))

    def _deliver(self, paths: list[Path], token: str) -> None:
        self.files_received.emit(paths, token)

    def _forget(self, peer: _Peer) -> None:
        self._peers.discard(peer)


class _Peer:
    """One connection to :class:`InstanceServer`: greet, read one message, answer, close."""

    def __init__(self, sock: QLocalSocket, server: InstanceServer) -> None:
        self._sock = sock
        self._server = server
        self._buffer = bytearray()
        self._closed = False
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self.close(abort=True))
        self._timer.start(PEER_TIMEOUT_MS)
        sock.readyRead.connect(self._read)
        sock.disconnected.connect(self.close)
        sock.write(GREETING)
        sock.flush()

    def _read(self) -> None:
        if self._closed:
            return
        searched = len(self._buffer)
        self._buffer += bytes(self._sock.readAll().data())
        end = self._buffer.find(b"\n", searched)
        if end < 0:
            # Incomplete: wait for the rest, unless it can already not be a hand-off.
            first = bytes(self._buffer[:64].lstrip()[:1])
            if len(self._buffer) > MAX_MESSAGE_BYTES or first not in (b"", b"{"):
                self._drop("not a hand-off")
            return
        if end > MAX_MESSAGE_BYTES:
            self._drop("too long")
            return
        try:
            paths, token = _parse(bytes(self._buffer[:end]))
        except Exception as exc:  # whatever a peer sends, nothing escapes
            self._drop(f"{type(exc).__name__}: {exc}")
            return
        self._sock.write(ACK)
        self._sock.flush()
        self.close()
        self._server._deliver(paths, token)

    def _drop(self, why: str) -> None:
        """A message that is not a hand-off: hang up at once, say nothing to the user."""
        log.debug("dropped a malformed hand-off from another start (%.200s)", why)
        self.close(abort=True)

    def close(self, abort: bool = False) -> None:
        """Done with this connection: hang up (after sending what is queued, unless
        ``abort``) and let the socket go."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self._server._forget(self)
        if abort:
            self._sock.abort()
        else:
            self._sock.disconnectFromServer()
        self._sock.deleteLater()


class MalformedMessageError(ValueError):
    """A hand-off that is not ``{"paths": [absolute path, ...], "activation_token": str}``."""


def _parse(line: bytes) -> tuple[list[Path], str]:
    """The paths and activation token of one message; raises for anything else.

    Raises :class:`MalformedMessageError`, ``ValueError`` (not UTF-8, not JSON) or
    ``RecursionError`` (nested too deep for the decoder).
    """
    message = json.loads(line.decode("utf-8"))  # only UTF-8 (json would guess UTF-16/32)
    if not isinstance(message, dict):
        raise MalformedMessageError("not a JSON object")
    paths = message.get("paths")
    token = message.get("activation_token", "")
    if not isinstance(paths, list) or not isinstance(token, str):
        raise MalformedMessageError("no list of paths, or a token that is not text")
    for path in paths:
        if not isinstance(path, str) or not os.path.isabs(path) or "\0" in path:
            raise MalformedMessageError("a path that is not absolute")
    return [Path(p) for p in paths], token
