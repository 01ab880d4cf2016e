"""Request bodies: their length from the headers, reading them in 64 KiB chunks, and the
temporary files an upload is spooled to. No body is ever held in memory."""

from __future__ import annotations

import contextlib
import io
import tempfile
import time
from collections.abc import Callable, Iterator
from email.message import Message
from pathlib import Path
from typing import IO

CHUNK_SIZE = 64 * 1024


def body_length(headers: Message) -> int | None:
    """The request body's length, or None when its end cannot be known (chunked, bad value)."""
    if "Transfer-Encoding" in headers:
        return None
    value = headers.get("Content-Length")
    if value is None:
        return 0
    value = value.strip()
    return int(value) if value.isascii() and value.isdigit() else None


class RequestBody:
    """One request's body, read in chunks of at most 64 KiB.

    After each chunk, ``pace(bytes read so far, seconds since the body was opened)`` runs.
    """

    def __init__(
        self, rfile: io.BufferedIOBase, length: int | None, pace: Callable[[int, float], None]
    ) -> None:
        self.length = length
        self.consumed = 0
        self._rfile = rfile
        self._pace = pace
        self._opened = time.monotonic()

    @property
    def framed(self) -> bool:
        """Whether the body's end is known (else the connection must close after the reply)."""
        return self.length is not None

    def chunks(self) -> Iterator[bytes]:
        """The rest of the body."""
        while self.length is not None and self.consumed < self.length:
            chunk = self._rfile.read(min(CHUNK_SIZE, self.length - self.consumed))
            if not chunk:
                raise ConnectionResetError("client closed the connection mid-body")
            self.consumed += len(chunk)
            self._pace(self.consumed, time.monotonic() - self._opened)
            yield chunk

    def discard(self) -> None:
        for _ in self.chunks():
            pass


@contextlib.contextmanager
def spool_file(directory: Path) -> Iterator[IO[bytes]]:
    """A temporary file in ``directory``, deleted on exit unless it was moved away."""
    with tempfile.NamedTemporaryFile(dir=directory, prefix=".incoming-", delete=False) as spool:
        try:
            yield spool
        finally:
            spool.close()
            Path(spool.name).unlink(missing_ok=True)


def read_chunks(path: Path) -> Iterator[bytes]:
    """A stored file, in 64 KiB chunks."""
    with path.open("rb") as stored:
        while chunk := stored.read(CHUNK_SIZE):
            yield chunk
