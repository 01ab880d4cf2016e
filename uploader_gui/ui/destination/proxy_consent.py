"""Asking once per proxy before its password crosses the network in clear text.

A proxy whose address starts with ``http://`` or ``socks5://`` and that is not on this
computer would receive its password unencrypted. Uploads through it fail with the reason
until the person allows it; the first such failure asks (once per proxy and session, after
the signal that reported it, never inside it), and on a yes the files that failed for it are
sent again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from ..settings.preferences import Preferences
from ..uploads.queue import UploadQueue


class PlainPasswordConsent(QObject):
    def __init__(
        self,
        queue: UploadQueue,
        preferences: Preferences,
        retry: Callable[[list[int]], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._preferences = preferences
        self._retry = retry
        self._waiting: dict[str, list[int]] = {}
        self._declined: set[str] = set()
        self._scheduled = False
        queue.plain_password_refused.connect(self._refused)

    def _refused(self, item_id: int, address: str) -> None:
        if address in self._declined:
            return
        self._waiting.setdefault(address, []).append(item_id)
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self, self._ask)

    def _ask(self) -> None:
        self._scheduled = False
        while self._waiting:
            address, item_ids = self._waiting.popitem()
            if self._preferences.allow_plain_password(address):
                self._retry(item_ids)
            else:
                self._declined.add(address)
