"""The app icon, rendered from its one SVG with QtSvg: window icons, and the PNGs a menu
entry's icon theme wants (:mod:`uploader_gui.platform.linux.desktop_entry` on Linux).

Every bitmap is drawn from ``resources/io.imagepipeline.UploaderGui.svg`` at the size it is
needed (no hand-drawn sizes, no PNGs in the repository). Rendering needs a
``QGuiApplication``; :func:`ensure_gui_application` makes an offscreen one for commands that
open no window.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QImageWriter, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from .. import APP_NAME
from . import ICON_SVG
from .resources import read_bytes

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
