"""A server on loopback that answers as badly as it is told to: huge, endless or compressed
bodies, one byte at a time, silence, markup and terminal escapes. For tests of what the
client does with a server (or a proxy) that is hostile or broken.

Each connection reads the request head, then runs the behaviour, a function of the
connected socket. The server stops (and closes every connection) when the ``with`` ends.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator

Behaviour = Callable[[socket.socket], None]


def _read_head(connection: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


class HostileServer:
    def __init__(self, behaviour: Behaviour, *, read_request: bool = True) -> None:
        self._behaviour = behaviour
        self._read_request = read_request
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        self._connections: list[socket.socket] = []
        self.requests: list[bytes] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for connection in self._connections:
            with contextlib.suppress(OSError):
                connection.close()
        self._listener.close()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _address = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._connections.append(connection)
            threading.Thread(target=self._handle, args=(connection,), daemon=True).start()

    def _handle(self, connection: socket.socket) -> None:
        with contextlib.suppress(OSError):
            if self._read_request:
                self.requests.append(_read_head(connection))
            self._behaviour(connection)


# --- behaviours ------------------------------------------------------------------------------


def reply(status: int, body: bytes, headers: str = "Content-Type: application/json") -> Behaviour:
    def answer(connection: socket.socket) -> None:
        connection.sendall(
            f"HTTP/1.1 {status} X\r\n{headers}\r\nContent-Length: {len(body)}\r\n"
            "Connection: close\r\n\r\n".encode()
            + body
        )

    return answer


def huge_body(size: int) -> Behaviour:
    """A ``size``-byte body, announced and sent (as long as the client reads)."""

    def answer(connection: socket.socket) -> None:
        connection.sendall(f"HTTP/1.1 200 OK\r\nContent-Length: {size}\r\n\r\n".encode())
        block = b"x" * (1 << 20)
        sent = 0
        while sent < size:
            connection.sendall(block[: min(len(block), size - sent)])
            sent += len(block)

    return answer


def endless_chunks(stopping: Callable[[], bool]) -> Behaviour:
    """A chunked body that never ends."""

    def answer(connection: socket.socket) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        chunk = b"%x\r\n%s\r\n" % (65536, b"y" * 65536)
        while not stopping():
            connection.sendall(chunk)

    return answer


def gzip_of_zeros(size: int) -> bytes:
    """``size`` zero bytes, gzip-compressed (a 1 GB "bomb" is about 1 MB)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    parts = [compressor.compress(block) for _ in range(size >> 20)]
    parts.append(compressor.flush())
    return b"".join(parts)


def gzip_bomb(compressed: bytes) -> Behaviour:
    return reply(200, compressed, "Content-Type: application/json\r\nContent-Encoding: gzip")


def slow_loris(stopping: Callable[[], bool], every: float = 0.3) -> Behaviour:
    """Headers, then one byte of the body every ``every`` seconds: each read is quick, the
    answer never ends."""

    def answer(connection: socket.socket) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
        while not stopping():
            connection.sendall(b"{")
            time.sleep(every)

    return answer


def silent(stopping: Callable[[], bool]) -> Behaviour:
    """Accept, read what comes, never answer (a SOCKS proxy that hangs its handshake)."""

    def answer(connection: socket.socket) -> None:
        connection.settimeout(0.2)
        while not stopping():
            with contextlib.suppress(TimeoutError):
                if not connection.recv(4096):
                    return

    return answer


@contextlib.contextmanager
def serving(
    make: Callable[[Callable[[], bool]], Behaviour], **options: bool
) -> Iterator[HostileServer]:
    """A server whose behaviour gets a function that says when the server is stopping."""
    holder: list[HostileServer] = []
    server = HostileServer(make(lambda: holder[0].stopping), **options)
    holder.append(server)
    with server:
        yield server
