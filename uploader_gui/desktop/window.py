"""Bringing the window to the front when a later start hands it files."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ..platform.chooser import activation


def bring_to_front(window: QWidget, activation_token: str = "") -> None:
    """Shows, un-minimises, raises and activates ``window``.

    Some window systems let a window take the focus only with an activation token from the
    launcher (Wayland): the platform's :class:`~uploader_gui.platform.activation.Activation`
    hands Qt the token the later start was launched with first.
    """
    if activation_token:
        activation().before_raising(activation_token, QGuiApplication.platformName())
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
