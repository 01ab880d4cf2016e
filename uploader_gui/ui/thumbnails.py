"""Thumbnails decoded on their own pool, at the size they are shown, never on the GUI thread.

``QImageReader.setScaledSize`` lets the JPEG decoder scale while decoding (a 24 MP photo
becomes a thumbnail without a full-size buffer), and ``setAutoTransform`` applies the EXIF
orientation. Results come back as ``QImage``; the GUI thread turns them into pixmaps.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import QByteArray, QFile, QFileDevice, QIODevice, QObject, QSize, Qt, QThread
from PySide6.QtGui import QImage, QImageReader

from ..core.errors import LocalFileError
from ..core.files import open_regular
from ..core.sniff import HEAD_SIZE, sniff
from .background import BackgroundPool

#: Thumbnails are decoded at this many device pixels on their longer side.
THUMBNAIL_PIXELS = 128
#: Qt's image format names for the types the service accepts.
FORMATS = {"image/png": b"png", "image/jpeg": b"jpeg", "image/webp": b"webp", "image/gif": b"gif"}


class ThumbnailError(Exception):
    """The file cannot be shown as a picture; the message says why."""


def read_thumbnail(path: Path, longest: int = THUMBNAIL_PIXELS) -> tuple[QImage, int]:
    """Decode ``path`` scaled to fit ``longest`` px; return the image and the file's size.

    Safe to call from any thread. Raises :class:`ThumbnailError` with a reason. Never blocks
    on a file that is not a regular one (a FIFO, a device…): those are refused unopened.
    """
    try:
        file, info = open_regular(path)
    except LocalFileError as exc:
        raise ThumbnailError(str(exc)) from None
    with file:
        return _decode(file, info.st_size, longest)


def _decode(file: BinaryIO, size: int, longest: int) -> tuple[QImage, int]:
    fd = file.fileno()
    try:
        kind = sniff(os.read(fd, HEAD_SIZE))  # (the file is not read through its buffer)
        os.lseek(fd, 0, os.SEEK_SET)
    except OSError as exc:
        raise ThumbnailError(exc.strerror or "cannot read the file") from None
    if kind is None:
        raise ThumbnailError("no preview: not a PNG, JPEG, WebP or GIF image")
    # Qt reads from our descriptor, as it would from a file it opened: streamed, for any file
    # name (one that is not UTF-8 cannot be passed to Qt as text: it would name another file).
    device = QFile()
    if not device.open(
        fd, QIODevice.OpenModeFlag.ReadOnly, QFileDevice.FileHandleFlag.DontCloseHandle
    ):
        raise ThumbnailError(f"cannot read the file: {device.errorString()}")
    try:
        return _read_scaled(device, kind.mime, longest), size
    finally:
        device.close()


def _read_scaled(device: QFile, mime: str, longest: int) -> QImage:
    # Name the format from our own sniffing: letting Qt probe every image plugin on a
    # worker thread (the SVG one creates QObjects while holding Python's lock) can deadlock
    # against the GUI thread.
    reader = QImageReader(device, QByteArray(FORMATS[mime]))
    reader.setAutoDetectImageFormat(False)
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid() and (full.width() > longest or full.height() > longest):
        reader.setScaledSize(
            full.scaled(QSize(longest, longest), Qt.AspectRatioMode.KeepAspectRatio)
        )
    image = reader.read()
    if image.isNull():
        raise ThumbnailError(f"no preview: {reader.errorString()}")
    if image.width() > longest or image.height() > longest:
        # A format whose reader cannot scale while decoding (it reported no size).
        image = image.scaled(
            longest,
            longest,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


class ThumbnailLoader(QObject):
    """Decodes thumbnails on a pool of its own, so they never hold up uploads."""

    def __init__(self, threads: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if threads is None:
            # Leave a core for the GUI thread and the uploads.
            threads = max(1, QThread.idealThreadCount() - 1)
        self.pool = BackgroundPool("thumbnails", threads, self)
        # Decoding is the heaviest work in the app: it gets the CPU only when the GUI thread
        # does not want it, so the window stays smooth during a big drop.
        self.pool.pool.setThreadPriority(QThread.Priority.IdlePriority)

    def request(
        self, path: Path, callback: Callable[[QImage | None, int | None, str | None], None]
    ) -> None:
        """Decode in the background; ``callback(image, file_size, error)`` on the GUI thread."""

        def done(result: tuple[QImage, int] | None, error: BaseException | None) -> None:
            if result is not None:
                callback(result[0], result[1], None)
            else:
                callback(None, None, str(error) if error else "no preview")

        self.pool.submit(lambda: read_thumbnail(path), done)

    def close(self) -> None:
        self.pool.close()

    @property
    def idle(self) -> bool:
        return not self.pool.busy
