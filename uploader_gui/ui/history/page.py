"""The History tab: every upload, built the first time it is shown, fed by the history
controller and refreshed in place (at most every 400 ms while a batch runs)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...core.history import HistoryEntry
from ...core.i18n import translate
from ..base.actions import Actions
from ..base.dialogs import Dialogs
from ..base.report import Report
from ..base.thumbnails import ThumbnailService
from ..destination.deleting import Deletable
from ..links.service import LinkService
from .controller import HistoryController, Page

if TYPE_CHECKING:
    from .view import HistoryModel, HistoryPanel

HISTORY_REFRESH_MS = 400


class HistoryPage(QWidget):
    """Every upload, searchable; built when first shown, refreshed from the controller."""

    selection_changed = Signal()
    #: A short message for the status bar: ``(text, milliseconds)``.

    def __init__(
        self,
        history: HistoryController,
        thumbnails: ThumbnailService,
        links: LinkService,
        actions: Actions,
        dialogs: Dialogs,
        report: Report,
        running_ids: Callable[[], set[int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._history, self._thumbnails, self._links = history, thumbnails, links
        self._actions, self._dialogs, self._running_ids = actions, dialogs, running_ids
        self._report = report
        self._panel: HistoryPanel | None = None
        self._dirty = True
        #: The filter whose rows on show were counted (searches never are: see _load).
        self._counted_for: tuple[str, bool] | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(HISTORY_REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        history.changed.connect(self.history_changed)

    @property
    def panel(self) -> HistoryPanel:
        """The tab's contents, built on first use (off the start-up path)."""
        if self._panel is None:
            from .view import HistoryModel, HistoryPanel

            model = HistoryModel(self._thumbnails, self)
            panel = self._panel = HistoryPanel(model, self)
            layout = self.layout()
            assert layout is not None
            layout.addWidget(panel)
            panel.view.addActions(self._actions.context_menu())
            panel.export_requested.connect(self.export)
            panel.clear_requested.connect(self.clear)
            panel.reload_wanted.connect(self._load)
            model.more_wanted.connect(self._load_more)
            panel.view.activated.connect(lambda index: self._copy([model.entry_at(index.row())]))
            panel.view.selectionModel().selectionChanged.connect(self.selection_changed)
        return self._panel

    @property
    def model(self) -> HistoryModel:
        return self.panel.model

    # -- keeping it current ------------------------------------------------------------

    def history_changed(self) -> None:
        self._dirty = True
        if self.isVisible() and not self._refresh_timer.isActive():
            self._refresh_timer.start()  # at most one reload per interval, even mid-batch

    def shown(self) -> None:
        """The tab came to the front: read the history if it changed since."""
        if self._dirty or self._panel is None:
            self.refresh()

    def refresh(self) -> None:
        self._dirty = False
        self.panel.refresh()

    def _load(self, rows: int, in_place: bool) -> None:
        """Show the first rows; without a search, count them after (the rows never wait
        for a count: with a search, they are never counted, more are read as it scrolls)."""
        model = self.model
        search, failed_only = model.search, model.failed_only
        counted = in_place and model.rowCount() and self._counted_for == (search, failed_only)
        known = model.total if counted else None

        def loaded(page: Page) -> None:
            if (model.search, model.failed_only) != (search, failed_only):
                return  # the filter changed meanwhile: its own load follows
            model.running_ids = self._running_ids()
            self.panel.show_rows(page.entries, page.total)
            self._counted_for = (search, failed_only) if known is not None else None
            if known is None and not search.strip():
                self._history.count(learned, failed_only)

        def learned(total: int) -> None:
            if (model.search, model.failed_only) == (search, failed_only):
                model.learn_total(total)
                self._counted_for = (search, failed_only)

        self._history.page(0, rows, search, failed_only, loaded, known)

    def _load_more(self, offset: int) -> None:
        from .view import PAGE_SIZE

        model = self.model

        def loaded(page: Page) -> None:
            model.append(offset, page.entries, page.total)

        self._history.page(offset, PAGE_SIZE, model.search, model.failed_only, loaded)

    # -- acting on entries -------------------------------------------------------------

    def has_selection(self) -> bool:
        return self._panel is not None and self._panel.view.selectionModel().hasSelection()

    def select_all(self) -> None:
        self.panel.view.selectAll()
        self.panel.view.setFocus()

    def copy_selected(self) -> None:
        self._copy(self.panel.selected_entries())

    def _copy(self, entries: list[HistoryEntry]) -> None:
        """Copy the links of ``entries``, less those deleted from their server (dead)."""
        live = [entry for entry in entries if entry.deleted_at is None]
        if entries and not live:
            text = translate("Pages", "Not copied: deleted from the server, the link is dead")
            self._report.status(text)
            return
        self._links.copy_entries(live)

    def deletable(self) -> list[Deletable]:
        """The selected uploads that can be deleted from their server."""
        if not self.has_selection():
            return []
        found = map(Deletable.of_entry, self.panel.selected_entries())
        return [target for target in found if target is not None]

    def open_selected(self) -> None:
        self._links.open_entries(self.panel.selected_entries())

    def remove_selected(self) -> None:
        ids = [entry.id for entry in self.panel.selected_entries()]
        if ids:
            self._history.remove(ids, self._written)

    def clear(self) -> None:
        def counted(count: int) -> None:
            if not count:
                return
            # "entry"/"entries" is not an "(s)" plural: one string for one, one for several.
            if count == 1:
                text = translate(
                    "Pages",
                    "All %n entry and their thumbnails will be deleted. Uploaded images stay "
                    "online.",
                    None,
                    count,
                )
            else:
                text = translate(
                    "Pages",
                    "All %n entries and their thumbnails will be deleted. Uploaded images stay "
                    "online.",
                    None,
                    count,
                )
            if self._dialogs.confirm(
                self,
                translate("Pages", "Clear the upload history?"),
                text,
                translate("Pages", "Clear History"),
            ):
                self._history.clear(self._written)

        self._history.count(counted)

    def _written(self, _result: None, error: BaseException | None) -> None:
        """A removal or clearing of the history finished (off the GUI thread)."""
        if error is not None:
            title = translate("Pages", "The history was not changed")
            self._report.inform(title, str(error))

    def export(self) -> None:
        target = self._dialogs.save_file(
            self, translate("Pages", "Export history"), "uploads.csv", "CSV (*.csv);;JSON (*.json)"
        )
        if target is None:
            return

        def done(written: int | None, error: BaseException | None) -> None:
            if error is not None:
                text = translate("Pages", "{file}: {error}").format(file=target, error=error)
                self._report.inform(translate("Pages", "Export failed"), text)
                return
            count = written or 0
            if count == 1:
                text = translate("Pages", "Exported %n entry to {file}", None, count)
            else:
                text = translate("Pages", "Exported %n entries to {file}", None, count)
            self._report.status(text.format(file=target))

        self._history.export(target, self.model.search, self.model.failed_only, done)
