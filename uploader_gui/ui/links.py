"""Copying and opening links, for upload rows and history entries alike, in the chosen format.

Only absolute ``http(s)`` URLs are ever copied or opened. A copied row says "Copied ✓" for a
moment. When every file of a drop has finished, its links are copied (if auto-copy is on).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication

from ..core.history import HistoryEntry, HistoryState
from ..core.links import LinkFormat, format_links
from ..core.urls import is_web_url
from .settings import Settings
from .upload_model import State, UploadItem, UploadListModel

COPIED_FEEDBACK_MS = 1500


def plural(count: int, word: str, many: str = "") -> str:
    """``"1 file"``, ``"2 files"``; ``many`` for a plural that is not ``word + "s"``."""
    return f"{count} {word}" if count == 1 else f"{count} {many or word + 's'}"


class LinkService(QObject):
    """Puts links on the clipboard and opens them; owns nothing but the "Copied ✓" moment."""

    #: A short message for the status bar: ``(text, milliseconds)``.
    message = Signal(str, int)
    #: The copy format changed (menus and the combo box follow it).
    format_changed = Signal(object)
    #: Auto-copy was turned on or off.
    auto_copy_changed = Signal(bool)

    def __init__(
        self, settings: Settings, model: UploadListModel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._model = model

    @property
    def format(self) -> LinkFormat:
        return self._settings.link_format

    def set_format(self, fmt: LinkFormat) -> None:
        if fmt is not self._settings.link_format:
            self._settings.link_format = fmt
        self.format_changed.emit(fmt)

    @property
    def auto_copy(self) -> bool:
        return self._settings.auto_copy

    def set_auto_copy(self, enabled: bool) -> None:
        self._settings.auto_copy = enabled
        self.auto_copy_changed.emit(enabled)

    # -- copying -----------------------------------------------------------------------

    def copy_links(self, links: list[tuple[str, str]], quiet: bool = False) -> int:
        """Copy ``(url, name)`` links, one per line; return how many were copied."""
        links = [(url, name) for url, name in links if is_web_url(url)]
        if not links:
            if not quiet:
                self.message.emit("Nothing to copy: no finished upload selected", 4000)
            return 0
        QGuiApplication.clipboard().setText(format_links(links, self.format))
        what = links[0][1] if len(links) == 1 else plural(len(links), "link")
        self.message.emit(f"Copied {what} as {self.format.label}", 5000)
        return len(links)

    def copy_items(self, items: list[UploadItem], quiet: bool = False) -> int:
        """Copy the finished items' links; their rows say "Copied ✓" for a moment."""
        done = [item for item in items if item.state is State.DONE and is_web_url(item.url)]
        if not self.copy_links([(item.url or "", item.name) for item in done], quiet):
            return 0
        until = time.monotonic() + COPIED_FEEDBACK_MS / 1000
        for item in done:
            item.copied_until = until
        ids = [item.id for item in done]
        self._model.changed_many(ids)
        QTimer.singleShot(COPIED_FEEDBACK_MS + 50, self, lambda: self._model.changed_many(ids))
        return len(done)

    def copy_entries(self, entries: list[HistoryEntry]) -> int:
        done = [e for e in entries if e.state is HistoryState.DONE and e.url]
        return self.copy_links([(e.url or "", e.name) for e in done])

    # -- opening -----------------------------------------------------------------------

    @staticmethod
    def open_urls(urls: list[str | None]) -> None:
        for url in urls:
            if url and is_web_url(url):
                QDesktopServices.openUrl(QUrl(url))

    def open_items(self, items: list[UploadItem]) -> None:
        self.open_urls([item.url for item in items if item.state is State.DONE])

    def open_entries(self, entries: list[HistoryEntry]) -> None:
        self.open_urls([e.url for e in entries if e.state is HistoryState.DONE])

    # -- auto-copy ---------------------------------------------------------------------

    def drop_finished(self, items: list[UploadItem]) -> None:
        """Every file of a drop finished: copy its links, one line per image, if wanted."""
        if not self.auto_copy or not self.copy_items(items, quiet=True):
            return
        done = sum(1 for item in items if item.state is State.DONE)
        failed = sum(1 for item in items if item.state is State.FAILED)
        note = f"; {failed} failed" if failed else ""
        self.message.emit(
            f"Uploaded: {plural(done, 'link')} copied to the clipboard as "
            f"{self.format.label}{note}",
            8000,
        )
