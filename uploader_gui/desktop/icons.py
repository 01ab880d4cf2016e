"""The app icon, rendered from its one SVG with QtSvg: window icons and hicolor PNGs.

Every bitmap is drawn from ``resources/io.imagepipeline.UploaderGui.svg`` at the size it is
needed (no hand-drawn sizes, no PNGs in the repository). Rendering needs a
``QGuiApplication``; :func:`ensure_gui_application` makes an offscreen one for commands that
open no window.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QImageWriter, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from .. import APP_NAME
from . import APP_ID, ICON_SVG
from .resources import read_bytes

#: The hicolor theme sizes the install command and ``packaging/render-icons.py`` produce.
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
#: The sizes a window icon carries (title bars, task switchers, docks).
WINDOW_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def ensure_gui_application() -> QGuiApplication:
    """The running ``QGuiApplication``, or a new offscreen one (which never shows a window)."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    return QGuiApplication([APP_NAME, "-platform", "offscreen"])


def svg_bytes() -> bytes:
    return read_bytes(ICON_SVG)


def render(svg: bytes, size: int) -> QImage:
    """``svg`` drawn into a transparent ``size`` x ``size`` image."""
    if size < 1:
        raise ValueError(f"icon size must be positive, not {size}")
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError("the icon is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
    finally:
        painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise OSError(f"could not encode the icon as PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def app_icon(sizes: Iterable[int] = WINDOW_ICON_SIZES) -> QIcon:
    """The app's icon with a pixmap per size, for ``setWindowIcon``."""
    svg = svg_bytes()
    icon = QIcon()
    for size in sizes:
        icon.addPixmap(QPixmap.fromImage(render(svg, size)))
    return icon


def hicolor_files(hicolor: Path, sizes: Iterable[int] = HICOLOR_SIZES) -> list[Path]:
    """Where :func:`write_hicolor` puts the icon under a ``hicolor`` theme folder."""
    files = [hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in sizes]
    files.append(hicolor / "scalable" / "apps" / ICON_SVG)
    return files


def write_hicolor(hicolor: Path, sizes: Iterable[int] = HICOLOR_SIZES) -> list[Path]:
    """Writes the icon as ``<size>x<size>/apps/<id>.png`` for each size plus the scalable SVG
    under ``hicolor`` (e.g. ``$XDG_DATA_HOME/icons/hicolor``); returns the files written."""
    sizes = tuple(sizes)
    svg = svg_bytes()
    files = hicolor_files(hicolor, sizes)
    for size, target in zip(sizes, files[:-1], strict=True):
        write_file(target, png_bytes(render(svg, size)))
    write_file(files[-1], svg)
    return files


def write_file(target: Path, data: bytes) -> None:
    """Writes ``data`` to ``target`` whole or not at all (a temporary file, then a rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
