"""Which destination uploads go to: the one chosen beside "Copy as" (the setting
``destination/current``), handed to the key controller, which owns it; a change of the
chosen destination in Settings ▸ Destinations applies at once."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ...core.destination import IMAGEPIPELINE
from ..settings.store import Settings
from .book import DestinationBook
from .keys import KeyController


class DestinationChoice(QObject):
    #: What the picker lists, or which entry is chosen, changed.
    changed = Signal()

    def __init__(
        self,
        settings: Settings,
        book: DestinationBook,
        keys: KeyController,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings, self._book, self._keys = settings, book, keys
        settings.changed.connect(self._setting_changed)
        book.changed.connect(self._book_changed)

    @property
    def chosen(self) -> str:
        """The chosen destination's key: ``""`` for ImagePipeline."""
        key = self._settings.destination
        return key if self._book.find(key) is not None else ""

    def entries(self) -> list[tuple[str, str, str]]:
        """``(key, name, host)`` of ImagePipeline and each custom destination, in order."""
        listed = [("", IMAGEPIPELINE, self._keys.key_host)]
        for item in self._book.items:
            destination = self._book.destination(item.key)
            host = destination.host if destination is not None else "?"
            listed.append((item.key, item.uploader.name, host))
        return listed

    def choose(self, key: str) -> None:
        self._settings.destination = key  # → changed("destination/current") → apply()

    def apply(self, *, reload: bool = False) -> None:
        self._keys.use_destination(self._book.destination(self.chosen), reload=reload)
        self.changed.emit()

    def _setting_changed(self, key: str) -> None:
        if key in (Settings.destination.key, Settings.api_url.key):
            self.apply()

    def _book_changed(self, key: str) -> None:
        self.apply(reload=key in ("", self._settings.destination))
