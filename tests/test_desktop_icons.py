"""The app icon: rendered from the one SVG at every size, by the app and by the build step."""

from __future__ import annotations

import os
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from uploader_gui.desktop import APP_ID, ICON_SVG
from uploader_gui.desktop.icons import (
    WINDOW_ICON_SIZES,
    app_icon,
    render,
    svg_bytes,
)
from uploader_gui.platform.linux.desktop_entry import HICOLOR_SIZES
from uploader_gui.ui.app import create_window

ROOT = Path(__file__).resolve().parents[1]


def check_icon_image(image: QImage, size: int) -> None:
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    # Transparent rounded corner, opaque middle: the drawing fills the square as designed.
    assert image.pixelColor(0, size - 1).alpha() == 0
    assert image.pixelColor(size // 2, size * 3 // 4).alpha() == 255


@pytest.mark.parametrize("size", HICOLOR_SIZES)
def test_renders_at_every_hicolor_size(qapp: QApplication, size: int) -> None:
    check_icon_image(render(svg_bytes(), size), size)


def test_the_arrow_reads_at_16_px(qapp: QApplication) -> None:
    """At 16 px the white arrow still stands out of the blue frame."""
    image = render(svg_bytes(), 16)
    arrow = image.pixelColor(8, 7)
    frame = image.pixelColor(1, 12)
    assert min(arrow.red(), arrow.green(), arrow.blue()) > 200, arrow.name()
    assert frame.blue() > 150 > frame.red(), frame.name()
    assert abs(QColor(arrow).lightness() - QColor(frame).lightness()) > 80


def test_window_icon_has_a_pixmap_per_size(qapp: QApplication) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(WINDOW_ICON_SIZES)


def test_the_window_has_the_icon(qtbot: QtBot) -> None:
    window = create_window(Namespace(api_url="http://127.0.0.1:9", sandbox=False, files=[]))
    qtbot.addWidget(window)
    qtbot.waitUntil(  # set right after the window is first shown
        lambda: {s.width() for s in window.windowIcon().availableSizes()} == set(WINDOW_ICON_SIZES)
    )


def test_the_app_has_the_desktop_entry_id() -> None:
    """Docks and Wayland match windows to the entry by this (Qt also puts it in X11's
    _GTK_APPLICATION_ID and _KDE_NET_WM_DESKTOP_FILE)."""
    code = "from uploader_gui.ui.app import create_application as c; print(c().desktopFileName())"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout.strip() == APP_ID, result.stderr


def test_an_invalid_svg_is_refused(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="not a valid SVG"):
        render(b"<svg", 16)


def test_build_step_writes_the_hicolor_tree(tmp_path: Path) -> None:
    """``packaging/render-icons.py`` (system packages, the bundle's share/) in a fresh
    process: PNGs 16-512 px plus the scalable SVG, nothing drawn by hand."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "render-icons.py"), str(tmp_path)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    hicolor = tmp_path / "hicolor"
    for size in HICOLOR_SIZES:
        png = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert str(png) in result.stdout.splitlines()
        check_icon_image(QImage(str(png)), size)
    svg = hicolor / "scalable" / "apps" / ICON_SVG
    assert svg.read_bytes() == (ROOT / "resources" / ICON_SVG).read_bytes()
