"""Opening the user's files without ever blocking, and telling whether one has changed.

Every place that reads a file the user handed us (sniffing, hashing, uploading, thumbnails)
opens it with :func:`open_regular`. Anything that is not a regular file (a FIFO, a socket, a
device, or a symlink to one) is refused *before* it is opened: opening a FIFO for reading
waits for a writer, and opening a device may do anything. The path is checked with ``stat``,
opened with ``O_NONBLOCK`` (so even a FIFO swapped in after the check cannot hang us), and the
opened descriptor is checked again with ``fstat``.

:class:`FileSignature` is what "the same file" means for an upload: device, inode, size and
modification time. Equal signatures before and after sending say that the bytes sent are
the bytes on disk.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..platform.chooser import POSIX
from .errors import LocalFileError
from .i18n import QT_TRANSLATE_NOOP, translate
from .retry import CancelToken

#: Pause between the two looks that must agree before a changed file counts as settled.
STABLE_INTERVAL = 0.5
#: Longest wait for a changing file to settle; then it is sent as it is (and checked again).
STABLE_TIMEOUT = 30.0

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)

# In English (as ``--headless`` prints them); :func:`_refused` translates them when shown.
NOT_REGULAR = QT_TRANSLATE_NOOP("Errors", "not a regular file")
FOLDER = QT_TRANSLATE_NOOP("Errors", "this is a folder, not a file")
MISSING = QT_TRANSLATE_NOOP("Errors", "the file does not exist (moved or deleted?)")
DENIED = QT_TRANSLATE_NOOP("Errors", "permission denied: the file cannot be read")


@dataclass(frozen=True)
class FileSignature:
    """Which file, how long, last written when: equal signatures mean unchanged bytes."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, info: os.stat_result) -> FileSignature:
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def _refused(path: Path | str, reason: str, *, retry_helps: bool = True) -> LocalFileError:
    """A :class:`LocalFileError` saying one of the reasons above, in the window's language."""
    return LocalFileError(path, translate("Errors", reason), retry_helps=retry_helps)


def unreadable(path: Path | str, error: OSError) -> LocalFileError:
    """The :class:`LocalFileError` for an ``OSError`` met while opening or reading ``path``."""
    if isinstance(error, FileNotFoundError):
        return _refused(path, MISSING)
    if isinstance(error, IsADirectoryError):
        return _refused(path, FOLDER, retry_helps=False)
    if isinstance(error, PermissionError):
        return _refused(path, DENIED)
    if error.errno == errno.ENXIO:  # a socket, or a device with no driver behind it
        return _refused(path, NOT_REGULAR, retry_helps=False)
    message = translate("Errors", "the file cannot be read: {reason}")
    return LocalFileError(path, message.format(reason=error.strerror or error))


def _check_regular(path: Path | str, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise _refused(path, FOLDER, retry_helps=False)
    if not stat.S_ISREG(info.st_mode):
        raise _refused(path, NOT_REGULAR, retry_helps=False)


def open_regular(path: Path | str) -> tuple[BinaryIO, os.stat_result]:
    """Open a regular file for reading without ever blocking; return it and its ``fstat``.

    Raises :class:`LocalFileError` with a reason a person understands: missing, a folder,
    not a regular file (FIFO, socket, device, or a symlink to one), permission denied…
    The returned file is buffered, positioned at its start, and blocking again.
    """
    try:
        _check_regular(path, os.stat(path))  # follows symlinks: a link to a FIFO is refused
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise unreadable(path, error) from None
    try:
        info = os.fstat(fd)
        _check_regular(path, info)  # the path may have been swapped since the stat
        if POSIX:  # (Windows opened it blocking: it has no O_NONBLOCK)
            import fcntl

            flags = fcntl.fcntl(fd, fcntl.F_GETFL)
            fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
        file = os.fdopen(fd, "rb")
    except OSError as error:
        os.close(fd)
        raise unreadable(path, error) from None
    except BaseException:
        os.close(fd)
        raise
    return file, info


def path_signature(path: Path | str) -> FileSignature | None:
    """The signature of what ``path`` names now (following symlinks); ``None`` if nothing."""
    try:
        return FileSignature.of(os.stat(path))
    except OSError:
        return None


def changed_since(path: Path | str, file: BinaryIO, opened: FileSignature) -> bool:
    """Whether the open ``file`` or what ``path`` names now differs from ``opened``.

    Both are looked at: a file written in place shows in its descriptor, one atomically
    replaced (a new inode renamed over the name) only at its path. A path that no longer
    names a file counts as changed: nothing on disk matches what was sent.
    """
    try:
        if FileSignature.of(os.fstat(file.fileno())) != opened:
            return True
    except OSError:
        return True
    return path_signature(path) != opened


def wait_until_stable(
    path: Path | str,
    cancel: CancelToken | None,
    *,
    interval: float = STABLE_INTERVAL,
    timeout: float = STABLE_TIMEOUT,
) -> None:
    """Wait until two looks at ``path`` ``interval`` apart agree, or ``timeout`` has passed.

    Raises :class:`~uploader_gui.core.errors.CancelledError` as soon as ``cancel`` is set.
    """
    deadline = time.monotonic() + timeout
    last = path_signature(path)
    while True:
        if cancel is not None:
            cancel.sleep(interval)
        else:
            time.sleep(interval)
        now = path_signature(path)
        if now == last or time.monotonic() >= deadline:
            return
        last = now
