"""Notifications where there is no port: a message from a tray icon (``QSystemTrayIcon``),
as the app did on macOS and Windows before the seam. A click brings the window forward
without a token. Loaded with the first notification, not at start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ..notifications import Clicked

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSystemTrayIcon


class TrayNotifications(QObject):
    """:class:`~uploader_gui.platform.notifications.DesktopNotifications` through the tray."""

    def __init__(self, icon_name: str, clicked: Clicked, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon_name = icon_name
        self._clicked = clicked
        self._tray: QSystemTrayIcon | None = None

    def show(self, summary: str, body: str) -> None:
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QSystemTrayIcon

        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            self._tray = QSystemTrayIcon(QIcon.fromTheme(self._icon_name), self)
            self._tray.messageClicked.connect(lambda: self._clicked(""))
        self._tray.show()
        self._tray.showMessage(summary, body or summary, QSystemTrayIcon.MessageIcon.Information)

    def clickable(self) -> bool:
        return self._tray is not None and self._tray.isVisible()
