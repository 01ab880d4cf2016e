"""An upload's request body: the file streamed from disk, counted, and cancellable.

The body is sent with a known ``Content-Length``: the size the file had when it was opened,
never more. A file that shrank while it is sent raises :class:`.errors.FileChangedError`;
one that grew is sent only up to that size (the caller then sees it changed and sends it
again once it has settled).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import FileChangedError
from .retry import CancelToken

ProgressCallback = Callable[[int, int], None]
"""Called with ``(bytes_sent, total_bytes)`` as the body is written."""


class ProgressReader(io.RawIOBase):
    """A file wrapper that counts bytes read, checks for cancellation, and stops at ``total``.

    Its ``seek``/``tell`` span exactly ``total`` bytes, so httpx takes the length from them
    (and sends ``Content-Length`` rather than chunked encoding) and can rewind it. It has no
    ``fileno``: httpx would take the length from ``fstat``, and a file that grew since it was
    opened would then declare more bytes than are sent.
    """

    def __init__(
        self,
        path: Path,
        file: BinaryIO,
        total: int,
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
    ) -> None:
        super().__init__()
        self._path = path
        self._file = file
        self._total = total
        self._sent = 0
        self._progress = progress
        self._cancel = cancel

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._sent

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._sent, io.SEEK_END: self._total}[whence]
        position = max(0, base + offset)
        self._file.seek(position)
        self._sent = position
        return position

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int = -1) -> bytes:
        if self._cancel is not None:
            self._cancel.raise_if_cancelled()
        remaining = max(0, self._total - self._sent)
        if size < 0 or size > remaining:
            size = remaining
        data = self._file.read(size) if size else b""
        if len(data) < size:
            raise FileChangedError(self._path)  # it shrank since it was opened
        self._sent += len(data)
        if self._progress is not None and data:
            self._progress(self._sent, self._total)
        return data

    def close(self) -> None:
        self._file.close()
        super().close()


def part_filename(path: Path) -> str:
    """The name sent in the multipart body for the file at ``path``."""
    # Names that are not valid UTF-8 on disk would break header encoding.
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
