"""Thumbnails decoded on their own pool, at the size they are shown, never on the GUI thread.

``QImageReader.setScaledSize`` lets the JPEG decoder scale while decoding (a 24 MP photo
becomes a thumbnail without a full-size buffer), and ``setAutoTransform`` applies the EXIF
orientation. Results come back as ``QImage``; the GUI thread turns them into pixmaps.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, Protocol

from PySide6.QtCore import (
    QByteArray,
    QFile,
    QFileDevice,
    QIODevice,
    QObject,
    QSize,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QImage, QImageReader, QPixmap

from ...core.errors import LocalFileError
from ...core.files import open_regular
from ...core.i18n import translate
from ...core.paths import make_private, private_dir, thumbnail_file
from ...core.sniff import HEAD_SIZE, describe, sniff
from .workers import Workers

log = logging.getLogger(__name__)

#: Thumbnails are decoded at this many device pixels on their longer side.
THUMBNAIL_PIXELS = 128
#: Qt's image format names for the types the service accepts.
FORMATS = {
    "image/png": b"png",
    "image/jpeg": b"jpeg",
    "image/webp": b"webp",
    "image/gif": b"gif",
    "image/bmp": b"bmp",
    "image/tiff": b"tiff",
}
#: Formats converted before upload that Qt itself shows (HEIC and AVIF are not among them).
CONVERTED_BY_QT = {"BMP": "image/bmp", "TIFF": "image/tiff"}


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
        head = os.read(fd, HEAD_SIZE)  # (the file is not read through its buffer)
        os.lseek(fd, 0, os.SEEK_SET)
    except OSError as exc:
        raise ThumbnailError(
            exc.strerror or translate("Thumbnails", "cannot read the file")
        ) from None
    kind = sniff(head)
    mime = kind.mime if kind is not None else CONVERTED_BY_QT.get(describe(head))
    if mime is None and describe(head) in ("HEIC", "HEIF", "AVIF"):
        return _read_with_pillow(file, longest), size
    if mime is None:
        raise ThumbnailError(
            translate("Thumbnails", "no preview: not an image uploader-gui can show")
        )
    # Qt reads from our descriptor, as it would from a file it opened: streamed, for any file
    # name (one that is not UTF-8 cannot be passed to Qt as text: it would name another file).
    device = QFile()
    if not device.open(
        fd, QIODevice.OpenModeFlag.ReadOnly, QFileDevice.FileHandleFlag.DontCloseHandle
    ):
        raise ThumbnailError(
            translate("Thumbnails", "cannot read the file: {reason}").format(
                reason=device.errorString()
            )
        )
    try:
        return _read_scaled(device, mime, longest), size
    finally:
        device.close()


def _read_with_pillow(file: BinaryIO, longest: int) -> QImage:
    """HEIC, HEIF and AVIF, which Qt cannot read: decoded by Pillow (pillow-heif), turned
    upright and scaled, on the thumbnail thread."""
    from PIL import ImageOps

    from ...core.prepare.budget import DECODING
    from ...core.prepare.limits import MAX_PIXELS, pillow_with_heif

    pil = pillow_with_heif()
    try:
        with pil.open(file) as image:
            if image.size[0] * image.size[1] > MAX_PIXELS:
                raise ThumbnailError(translate("Thumbnails", "no preview: the image is too large"))
            image.draft(image.mode, (longest, longest))  # an embedded preview when there is one
            with DECODING.reserve(image.size[0] * image.size[1] * 6):
                image.thumbnail((longest, longest))
            picture = ImageOps.exif_transpose(image).convert("RGBA")
    except (OSError, SyntaxError, ValueError, EOFError, pil.DecompressionBombError) as exc:
        raise ThumbnailError(
            translate("Thumbnails", "no preview: {reason}").format(reason=exc)
        ) from None
    data = picture.tobytes()
    stride = picture.width * 4
    return QImage(data, picture.width, picture.height, stride, QImage.Format.Format_RGBA8888).copy()


def _decode_cost(full: QSize, mime: str, longest: int) -> int:
    """What Qt holds to decode a thumbnail: the whole picture (4 bytes a pixel), but for a
    JPEG, which it decodes at reduced size (at most 8 times the thumbnail's side)."""
    pixels = max(0, full.width()) * max(0, full.height())
    if mime == "image/jpeg":
        pixels = min(pixels, (longest * 8) ** 2)
    return pixels * 4


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
    from ...core.prepare.budget import DECODING

    with DECODING.reserve(_decode_cost(full, mime, longest)):
        image = reader.read()
    if image.isNull():
        raise ThumbnailError(
            translate("Thumbnails", "no preview: {reason}").format(reason=reader.errorString())
        )
    if image.width() > longest or image.height() > longest:
        # A format whose reader cannot scale while decoding (it reported no size).
        image = image.scaled(
            longest,
            longest,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


class Picture(Protocol):
    """What a row says about its picture (an upload row is one)."""

    @property
    def thumbnail_key(self) -> int: ...

    @property
    def path(self) -> Path: ...

    @property
    def history_id(self) -> int | None: ...


class ThumbnailService(QObject):
    """Decodes thumbnails on pools of their own and owns the pictures, by key.

    A key is a history entry's id (the same picture serves the upload row and the History
    tab, and is kept on disk for the entry) or, for an upload with no history row, minus the
    item's id. :attr:`ready` says when a key's picture (or its failure) has arrived.
    """

    #: ``(key, file size or -1)``: the picture of ``key`` arrived, or could not be made.
    ready = Signal(int, int)

    def __init__(
        self, workers: Workers, parent: QObject | None = None, threads: int | None = None
    ) -> None:
        super().__init__(parent)
        # Leave a core for the GUI thread and the uploads. Decoding is the heaviest work in
        # the app: it gets the CPU only when the GUI thread does not want it.
        if threads is None:
            threads = max(1, QThread.idealThreadCount() - 1)
        self._decoder = workers.pool("thumbnails", threads, QThread.Priority.IdlePriority)
        self._writer = workers.pool("thumbnail files", 1)
        self._pixmaps: dict[int, QPixmap] = {}
        self._errors: dict[int, str] = {}
        self._pending: set[int] = set()

    def pixmap(self, key: int) -> QPixmap | None:
        return self._pixmaps.get(key)

    def error(self, key: int) -> str | None:
        return self._errors.get(key)

    def request_file(self, key: int, path: Path, keep_for_entry: bool) -> None:
        """Decode ``path`` for ``key``; with ``keep_for_entry``, also save it for the history
        entry ``key``, so the entry keeps its picture after the file is gone."""
        if key in self._pixmaps or key in self._pending:
            return
        self._pending.add(key)

        def done(result: tuple[QImage, int] | None, error: BaseException | None) -> None:
            self._arrived(key, result, error)
            if result is not None and keep_for_entry:
                self._save(key, result[0])

        self._decoder.submit(lambda: read_thumbnail(path), done)

    def request_items(self, items: Sequence[Picture]) -> None:
        """Decode the pictures of new upload rows; keep those with a history entry."""
        for item in items:
            self.request_file(item.thumbnail_key, item.path, item.history_id is not None)

    def request_entry(self, entry_id: int) -> None:
        """Load the picture kept for a history entry, if there is one."""
        if entry_id in self._pixmaps or entry_id in self._pending or entry_id in self._errors:
            return
        self._pending.add(entry_id)
        path = thumbnail_file(entry_id)
        self._decoder.submit(
            lambda: read_thumbnail(path), lambda r, e: self._arrived(entry_id, r, e)
        )

    def forget(self, keys: list[int]) -> None:
        for key in keys:
            self._pixmaps.pop(key, None)
            self._errors.pop(key, None)

    def retry_missing(self) -> None:
        """Pictures that were missing may exist by now (saved after a row was first shown)."""
        self._errors.clear()

    def _arrived(
        self, key: int, result: tuple[QImage, int] | None, error: BaseException | None
    ) -> None:
        self._pending.discard(key)
        if result is not None:
            self._pixmaps[key] = QPixmap.fromImage(result[0])
            self._errors.pop(key, None)
            self.ready.emit(key, result[1])
        else:
            self._errors[key] = str(error) if error else translate("Thumbnails", "no preview")
            self.ready.emit(key, -1)

    def _save(self, entry_id: int, image: QImage) -> None:
        target = thumbnail_file(entry_id)

        def save() -> None:
            private_dir(target.parent)
            if not image.save(str(target)):
                raise OSError(f"could not write {target}")
            make_private(target)

        def saved(_result: None, error: BaseException | None) -> None:
            if error is not None:
                log.warning("could not cache a thumbnail: %s", error)

        self._writer.submit(save, saved)
