"""The server's open connections and the request each is serving, for ``stop``.

A client is one connection: its requests are served one after the other on the connection's
own thread (a request sent before the previous one is answered waits, and the answers come
in order); two connections are served at the same time.

Every answer is *claimed* before it is written, by the handler or by ``stop``: a request is
answered once, by whichever comes first, and ``stop`` never cuts an answer being written.
"""

from __future__ import annotations

import contextlib
import socket
import threading


def shutdown_socket(connection: socket.socket) -> None:
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_RDWR)


class Exchange:
    """One request on a connection, from its first byte to its answer."""

    def __init__(self, connection: socket.socket) -> None:
        self.connection = connection
        self.answered = False
        self.uploading = False


class Live:
    """Open connections, each with the request it is serving (None while idle)."""

    def __init__(self) -> None:
        self.stopping = False
        self._changed = threading.Condition()
        self._connections: dict[socket.socket, Exchange | None] = {}

    def refuse_new(self) -> None:
        """From now on every request is answered "stopping"."""
        with self._changed:
            self.stopping = True

    def opened(self, connection: socket.socket) -> None:
        with self._changed:
            self._connections[connection] = None
            if self.stopping:
                shutdown_socket(connection)

    def closed(self, connection: socket.socket) -> None:
        with self._changed:
            self._connections.pop(connection, None)
            self._changed.notify_all()

    def begin(self, connection: socket.socket) -> Exchange | None:
        """A request starts; None once the server is stopping."""
        with self._changed:
            if self.stopping:
                return None
            exchange = self._connections[connection] = Exchange(connection)
            return exchange

    def start_upload(self, exchange: Exchange) -> bool:
        """The batch is about to be handed over; False if ``stop`` answered it already."""
        with self._changed:
            if exchange.answered or self.stopping:
                return False
            exchange.uploading = True
            return True

    def end(self, exchange: Exchange) -> None:
        with self._changed:
            if self._connections.get(exchange.connection) is exchange:
                self._connections[exchange.connection] = None
            self._changed.notify_all()

    def claim(self, exchange: Exchange) -> bool:
        """Whether the caller is the one to answer ``exchange``."""
        with self._changed:
            if exchange.answered:
                return False
            exchange.answered = True
            return True

    def wait_idle(self, timeout: float | None) -> bool:
        """Wait until no request is being served; False if ``timeout`` passed first."""
        with self._changed:
            return self._changed.wait_for(
                lambda: all(exchange is None for exchange in self._connections.values()),
                timeout,
            )

    def stop(self, grace: float) -> tuple[list[Exchange], list[socket.socket]]:
        """Refuse new requests, wait up to ``grace`` seconds for the batches being uploaded,
        and claim the requests still unanswered. Returns them, and the idle connections."""
        with self._changed:
            self.stopping = True
            self._changed.wait_for(self._no_upload, grace)
            pending: list[Exchange] = []
            idle: list[socket.socket] = []
            for connection, exchange in self._connections.items():
                if exchange is None:
                    idle.append(connection)
                elif not exchange.answered:
                    exchange.answered = True
                    pending.append(exchange)
            return pending, idle

    def _no_upload(self) -> bool:
        return not any(
            exchange is not None and exchange.uploading and not exchange.answered
            for exchange in self._connections.values()
        )
