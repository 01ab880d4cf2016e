"""Reading an image file piece by piece, and writing a new one from a plan of pieces.

The container walkers (:mod:`.jpeg`, :mod:`.png`, :mod:`.webp`, :mod:`.gif`) never hold a file
whole: they read what they look at through a :class:`Source` (a window of at most
:data:`WINDOW` bytes) and describe the file to send as a :class:`Plan`, a list of pieces that
are either a range of the original to copy or a few bytes written anew. :func:`write_plan`
then streams the copy; a plan that copies the whole original unchanged means "send the file
as it is".
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Final

from ..errors import LocalFileError
from ..i18n import QT_TRANSLATE_NOOP, translate
from .found import Found

#: Bytes read from the file at a time (and so the most a walker holds of it at once).
WINDOW: Final = 1 << 20


class Damaged(ValueError):
    """The file is not a well-formed image of its type; the message says where, in English
    (marked for translation: the caller translates it when it shows it)."""


#: Reasons shared by every walker.
ENDS_EARLY = QT_TRANSLATE_NOOP("Errors", "the file ends in the middle of the image")
CHANGED = QT_TRANSLATE_NOOP("Errors", "the file changed while it was being prepared")


class Source:
    """An open regular file, read by offset through a window (never read whole)."""

    def __init__(self, file: BinaryIO, size: int) -> None:
        self._fd = file.fileno()
        self.size = size
        self._start = 0
        self._window = b""

    def _fill(self, offset: int, length: int) -> None:
        want = max(length, WINDOW)
        self._window = os.pread(self._fd, want, offset)
        self._start = offset

    def read(self, offset: int, length: int) -> bytes:
        """Exactly ``length`` bytes at ``offset``; :class:`Damaged` if the file ends first."""
        if offset < 0 or length < 0 or offset + length > self.size:
            raise Damaged(ENDS_EARLY)
        if length > WINDOW:
            data = os.pread(self._fd, length, offset)
        else:
            start = offset - self._start
            if start < 0 or start + length > len(self._window):
                self._fill(offset, length)
                start = 0
            data = self._window[start : start + length]
        if len(data) != length:
            raise Damaged(CHANGED)  # shorter than it was when it was opened
        return data

    def byte(self, offset: int) -> int:
        return self.read(offset, 1)[0]

    def read_at_most(self, offset: int, length: int) -> bytes:
        """Up to ``length`` bytes at ``offset`` (fewer at the end of the file)."""
        return self.read(offset, max(0, min(length, self.size - offset)))

    def search(self, pattern: re.Pattern[bytes], offset: int, overlap: int = 1) -> int | None:
        """Where ``pattern`` first matches at or after ``offset``; a match may be up to
        ``overlap`` + 1 bytes long. Reads a window at a time: each search holds the
        interpreter lock only that long."""
        at = offset
        while at < self.size:
            chunk = self.read_at_most(at, WINDOW + overlap)
            found = pattern.search(chunk)
            if found is not None and (found.start() < WINDOW or at + len(chunk) >= self.size):
                return at + found.start()
            at += WINDOW
        return None

    def blocks(self, offset: int, length: int) -> Iterator[bytes]:
        """``length`` bytes from ``offset``, a window at a time."""
        end = offset + length
        while offset < end:
            piece = self.read(offset, min(WINDOW, end - offset))
            yield piece
            offset += len(piece)

    def is_zero(self, offset: int, length: int) -> bool:
        """Whether the bytes in the range are all zero (padding, not information)."""
        return all(not piece.strip(b"\x00") for piece in self.blocks(offset, length))


@dataclass
class Plan:
    """The file to send, as pieces: ``(offset, length)`` of the original, or new bytes."""

    pieces: list[tuple[int, int] | bytes] = field(default_factory=list)

    def copy(self, offset: int, length: int) -> None:
        if length <= 0:
            return
        last = self.pieces[-1] if self.pieces else None
        if isinstance(last, tuple) and last[0] + last[1] == offset:
            self.pieces[-1] = (last[0], last[1] + length)
        else:
            self.pieces.append((offset, length))

    def write(self, data: bytes, source: Source | None = None, at: int = -1) -> None:
        """New bytes; when they equal the original's at ``at``, they are kept as a copy
        (so that a file with nothing to change is recognised as unchanged)."""
        if not data:
            return
        if source is not None and at >= 0 and source.read_at_most(at, len(data)) == data:
            self.copy(at, len(data))
        else:
            self.pieces.append(data)

    def insert(self, index: int, piece: tuple[int, int] | bytes) -> None:
        """A piece at a place taken with :meth:`mark` before."""
        self.pieces.insert(index, piece)

    def mark(self) -> int:
        """A place to :meth:`insert` at later."""
        return len(self.pieces)

    def is_whole(self, size: int) -> bool:
        """Whether the plan is the original file, every byte, unchanged."""
        at = 0
        for piece in self.pieces:
            if not isinstance(piece, tuple) or piece[0] != at:
                return False
            at += piece[1]
        return size > 0 and at == size

    def length(self) -> int:
        return sum(p[1] if isinstance(p, tuple) else len(p) for p in self.pieces)


def not_written(path: Path, error: OSError) -> LocalFileError:
    """The error for a prepared copy that could not be written (a full disk, …)."""
    message = translate("Errors", "the prepared copy could not be written: {reason}")
    return LocalFileError(path, message.format(reason=error.strerror or error))


def write_plan(source: Source, plan: Plan, out_dir: Path, suffix: str) -> Path:
    """A new private file (mode 0600) in ``out_dir`` holding the plan's bytes."""
    handle, name = tempfile.mkstemp(prefix="upload-", suffix=suffix, dir=out_dir)
    try:
        with os.fdopen(handle, "wb") as out:
            for piece in plan.pieces:
                if isinstance(piece, bytes):
                    out.write(piece)
                else:
                    for block in source.blocks(*piece):
                        out.write(block)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


@dataclass
class Rebuild:
    """What a walker made of one file: the plan of the file to send, what it left out, and
    what it kept that changes how the picture looks ("orientation", "colour profile",
    "animation")."""

    plan: Plan
    found: Found
    kept: set[str] = field(default_factory=set)
