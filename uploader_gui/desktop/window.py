"""Bringing the window to the front when a later start hands it files."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from .single_instance import ENV_ACTIVATION_TOKEN


def bring_to_front(window: QWidget, activation_token: str = "") -> None:
    """Shows, un-minimises, raises and activates ``window``.

    On Wayland a window may take the focus only with an activation token from the launcher;
    Qt uses ``$XDG_ACTIVATION_TOKEN`` for its next activation request, so the token that the
    later start was launched with is put there first.
    """
    if activation_token and QGuiApplication.platformName().startswith("wayland"):
        os.environ[ENV_ACTIVATION_TOKEN] = activation_token
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
