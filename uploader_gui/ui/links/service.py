"""Copying and opening links, for upload rows and history entries alike, in the chosen format.

Only absolute ``http(s)`` URLs are ever copied or opened. A copied row says "Copied ✓" for a
moment. When every file of a drop has finished, its links are copied (if auto-copy is on).
"""

from __future__ import annotations

import datetime
import time

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication

from ...core.history import HistoryEntry, HistoryState
from ...core.i18n import translate
from ...core.links import (
    LinkFormat,
    LinkInfo,
    LinkStyle,
    Template,
    TemplateError,
    format_infos,
    resolve_style,
)
from ...core.urls import is_web_url
from ..base.report import Report
from ..settings.store import Settings
from ..uploads.model import State, UploadItem, UploadListModel

COPIED_FEEDBACK_MS = 1500


def style_label(style: LinkStyle) -> str:
    """How a format is named in menus and messages (a template by its own name)."""
    if isinstance(style, Template):
        return style.name
    return translate("LinkFormats", style.label)


def style_value(style: LinkStyle) -> str:
    """What settings keep for a format: a built-in's value, or a template's name."""
    return style.name if isinstance(style, Template) else style.value


def item_info(item: UploadItem) -> LinkInfo:
    """What an upload row's link fills a template with."""
    return LinkInfo(
        url=item.url or "",
        filename=item.sent_name or item.name,
        size=item.size,
        width=item.width,
        height=item.height,
        date=datetime.date.today().isoformat(),
    )


def entry_info(entry: HistoryEntry) -> LinkInfo:
    """What a History entry's link fills a template with."""
    when = entry.uploaded_at or entry.added_at
    return LinkInfo(
        url=entry.url or "",
        filename=entry.name,
        size=entry.size,
        width=entry.width,
        height=entry.height,
        date=datetime.date.fromtimestamp(when).isoformat(),
    )


class LinkService(QObject):
    """Puts links on the clipboard and opens them; owns nothing but the "Copied ✓" moment."""

    #: The copy format changed (menus and the combo box follow it).
    format_changed = Signal(object)
    #: Auto-copy was turned on or off.
    auto_copy_changed = Signal(bool)
    #: The saved templates changed (menus list them): ``{name: template}``.
    templates_changed = Signal(object)

    def __init__(
        self,
        settings: Settings,
        model: UploadListModel,
        report: Report,
        parent: QObject | None = None,
        *,
        templates: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._model = model
        self._report = report
        self._templates = dict(templates or {})
        #: Batches whose links are not copied when they finish (another app asked for them
        #: and inserts them itself: the clipboard is the person's).
        self._not_copied: set[int] = set()
        settings.changed.connect(self._setting_changed)

    def _setting_changed(self, key: str) -> None:
        if key == Settings.copy_format.key:
            self.format_changed.emit(self.format)
        elif key == Settings.auto_copy.key:
            self.auto_copy_changed.emit(self.auto_copy)

    @property
    def templates(self) -> dict[str, str]:
        return dict(self._templates)

    def styles(self) -> list[LinkStyle]:
        """Every format to choose from: the built-ins, then the saved templates."""
        saved = [Template(name, text) for name, text in self._templates.items()]
        return [*LinkFormat, *saved]

    @property
    def format(self) -> LinkStyle:
        try:
            return resolve_style(self._settings.copy_format, self._templates)
        except TemplateError:  # a template that was removed since: plain URLs
            return LinkFormat.URL

    def set_format(self, fmt: LinkStyle) -> None:
        """Copy in ``fmt`` from now on (stored: :attr:`format_changed` follows)."""
        if style_value(fmt) != self._settings.copy_format:
            self._settings.copy_format = style_value(fmt)

    def set_templates(self, templates: dict[str, str]) -> None:
        """New saved templates (already written by their owner); the format follows."""
        self._templates = dict(templates)
        self.templates_changed.emit(self.templates)
        self.format_changed.emit(self.format)

    @property
    def auto_copy(self) -> bool:
        return self._settings.auto_copy

    def set_auto_copy(self, enabled: bool) -> None:
        """Stored: :attr:`auto_copy_changed` follows."""
        self._settings.auto_copy = enabled

    # -- copying -----------------------------------------------------------------------

    def copy_links(self, links: list[LinkInfo], quiet: bool = False) -> int:
        """Copy links, one per line, in the chosen format; return how many were copied."""
        links = [info for info in links if is_web_url(info.url)]
        if not links:
            if not quiet:
                self._report.status(
                    translate("Links", "Nothing to copy: no finished upload selected"), 4000
                )
            return 0
        style = self.format
        QGuiApplication.clipboard().setText(format_infos(links, style))
        count = len(links)
        if count == 1:
            text = translate("Links", "Copied {name} as {format}").format(
                name=links[0].filename, format=style_label(style)
            )
        else:
            text = translate("Links", "Copied %n link(s) as {format}", None, count).format(
                format=style_label(style)
            )
        self._report.status(text, 5000)
        return count

    def copy_items(self, items: list[UploadItem], quiet: bool = False) -> int:
        """Copy the finished items' links; their rows say "Copied ✓" for a moment."""
        done = [item for item in items if item.state is State.DONE and is_web_url(item.url)]
        if not self.copy_links([item_info(item) for item in done], quiet):
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
        return self.copy_links([entry_info(entry) for entry in done])

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

    def leave_clipboard(self, batch: int) -> None:
        """When ``batch`` finishes, its links are not copied nor announced: the app that
        asked for it hears how it went."""
        self._not_copied.add(batch)

    def forget_batch(self, batch: int) -> None:
        self._not_copied.discard(batch)

    def drop_finished(self, items: list[UploadItem]) -> bool | None:
        """Every file of a drop finished: copy its links, one line per image, if wanted.
        Returns whether they were copied; ``None`` for a batch another app asked for (not
        to be announced)."""
        batches = {item.batch for item in items}
        if batches & self._not_copied:
            self._not_copied -= batches
            return None
        if not self.auto_copy or not self.copy_items(items, quiet=True):
            return False
        done = sum(1 for item in items if item.state is State.DONE)
        failed = sum(1 for item in items if item.state is State.FAILED)
        label = style_label(self.format)
        copied = translate(
            "Links", "Uploaded: %n link(s) copied to the clipboard as {format}", None, done
        ).format(format=label)
        if failed:
            copied = translate("Links", "{copied}; %n failed", None, failed).format(copied=copied)
        self._report.status(copied, 8000)
        return True
