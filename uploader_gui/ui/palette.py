"""Colours that read on both light and dark palettes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def error_color(palette: QPalette) -> QColor:
    return QColor("#ff7b72") if is_dark(palette) else QColor("#b3261e")


def success_color(palette: QPalette) -> QColor:
    return QColor("#7ee2a8") if is_dark(palette) else QColor("#1e7b34")
