"""Every wait on the network has an end: an overall deadline per request.

httpx bounds each read and each write on its own (a server that sends one byte every 10 s
never trips a 120 s read timeout) and not at all the SOCKS handshake, whose reads take no
timeout: a proxy that accepts the connection and says nothing held a worker forever. So the
client sets a deadline around each request (:func:`deadline`), and the connections it makes
go through :class:`DeadlineBackend`, whose every operation (connecting, the SOCKS and TLS
handshakes, each read and write) waits at most until that deadline. Past it, the operation
fails as a timeout of the kind it was (connect, read, write), which the client reports as
"did not answer in time".

How long: :data:`BASE_SECONDS` for connecting, handshakes and the reply, plus the body at
:data:`MIN_RATE` (a slow uplink of 256 kbit/s still sends 100 MB in time).
"""

from __future__ import annotations

import contextlib
import threading
import time
import typing
from collections.abc import Iterable, Iterator

import httpcore

#: Seconds for everything but the body: connecting, handshakes, the server's answer.
BASE_SECONDS = 60.0
#: The slowest upload that is still waited for, in bytes a second (256 kbit/s).
MIN_RATE = 32 * 1024

_current = threading.local()


def seconds_for(body_bytes: int, base: float = BASE_SECONDS, rate: float = MIN_RATE) -> float:
    """The deadline of a request that sends ``body_bytes``."""
    return base + max(0, body_bytes) / rate


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Network operations of this thread end at the latest ``seconds`` from now."""
    previous = getattr(_current, "at", None)
    _current.at = time.monotonic() + seconds
    try:
        yield
    finally:
        _current.at = previous


def _bounded(timeout: float | None, expired: type[Exception]) -> float | None:
    at: float | None = getattr(_current, "at", None)
    if at is None:
        return timeout
    remaining = at - time.monotonic()
    if remaining <= 0:
        raise expired("the deadline for this request passed")
    return remaining if timeout is None else min(timeout, remaining)


class _Stream(httpcore.NetworkStream):
    """A connection whose waits end at the deadline. A read or write that fails leaves it
    unusable, so it is closed then and there: httpcore does not close one whose SOCKS
    handshake failed, and its socket would stay open until collected."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))
        except BaseException:
            self._inner.close()
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        try:
            self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout))
        except BaseException:
            self._inner.close()
            raise

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: typing.Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's own backend, each wait cut at the calling thread's deadline."""

    def __init__(self, inner: httpcore.NetworkBackend | None = None) -> None:
        self._inner = inner or httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.connect_tcp(host, port, bounded, local_address, socket_options))

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def install(pool: object) -> None:
    """Give an httpx transport's connection pool (or proxy) this backend. httpx makes the
    pool itself and takes no backend, so it is set on the pool before its first connection
    (``_network_backend``: the name httpcore's pools and proxies read it from)."""
    if not hasattr(pool, "_network_backend"):
        raise TypeError(f"{type(pool).__name__} has no network backend to bound")
    pool._network_backend = DeadlineBackend(pool._network_backend)
