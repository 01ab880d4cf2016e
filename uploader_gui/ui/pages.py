"""The window's two tabs behind one interface, so Copy, Open, Remove and Select All act on
whichever is shown without asking which it is.

:class:`UploadsPage` is this session's list (an empty state until the first file);
:class:`HistoryPage` is every upload, built the first time it is shown, fed by the history
controller and refreshed in place (at most every 400 ms while a batch runs).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QStackedWidget, QVBoxLayout, QWidget

from ..core.i18n import translate
from .actions import ActionId, Actions
from .dialogs import Dialogs
from .drop_area import EmptyState
from .history_controller import HistoryController, Page
from .links import LinkService
from .list_view import RowListView
from .thumbnails import ThumbnailService
from .upload_delegate import UploadDelegate
from .upload_model import State, UploadItem, UploadListModel
from .upload_queue import UploadQueue

if TYPE_CHECKING:
    from .history_view import HistoryModel, HistoryPanel

HISTORY_REFRESH_MS = 400


class ListPage(Protocol):
    """What the window's actions need of the tab on show."""

    def has_selection(self) -> bool: ...

    def select_all(self) -> None: ...

    def copy_selected(self) -> None: ...

    def open_selected(self) -> None: ...

    def remove_selected(self) -> None: ...


class UploadsPage(QStackedWidget):
    """This session's uploads: the list with its row buttons, or the empty state."""

    #: The selection changed (the window enables its actions).
    selection_changed = Signal()
    #: A row asks for a key (its upload was refused with 401).
    key_wanted = Signal()
    #: These items were sent again as smaller copies (they count in the run).
    shrunk = Signal(list)

    def __init__(
        self,
        model: UploadListModel,
        queue: UploadQueue,
        links: LinkService,
        actions: Actions,
        choose_files: Callable[[], None],
        retry: Callable[[list[int]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model, self._queue, self._links = model, queue, links
        self._retry = retry
        self.empty = EmptyState(self)
        self.empty.choose_files.connect(choose_files)
        self.view = RowListView(self)
        self.view.setModel(model)
        self.delegate = UploadDelegate(self.view, model.status_text)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setUniformItemSizes(True)
        self.view.setMouseTracking(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.addActions(actions.context_menu())
        self.view.setAccessibleName(translate("Pages", "Uploads"))
        self.addWidget(self.empty)
        self.addWidget(self.view)
        self.delegate.action.connect(self._row_action)
        self.view.activated.connect(lambda index: self._row_default(index.row()))
        self.view.selectionModel().selectionChanged.connect(self.selection_changed)
        model.rowsInserted.connect(self._update_stack)
        model.rowsRemoved.connect(self._update_stack)

    def _update_stack(self) -> None:
        self.setCurrentWidget(self.view if self.model.rowCount() else self.empty)
        self.selection_changed.emit()

    def selected_items(self) -> list[UploadItem]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.item_at(row) for row in rows]

    def has_selection(self) -> bool:
        return self.view.selectionModel().hasSelection()

    def select_all(self) -> None:
        self.view.selectAll()
        self.view.setFocus()

    def copy_selected(self) -> None:
        self._links.copy_items(self.selected_items())

    def open_selected(self) -> None:
        self._links.open_items(self.selected_items())

    def remove_selected(self) -> None:
        self._queue.remove([item.id for item in self.selected_items()])

    def retry(self, item_ids: list[int]) -> None:
        """Send these again (where that can help); they count in the run's progress."""
        self._retry(item_ids)

    def shrink_selected(self, item_ids: list[int] | None = None) -> None:
        """Shrink and retry these (else the selected) files the service found too large."""
        ids = item_ids if item_ids is not None else [i.id for i in self.selected_items()]
        self.shrunk.emit(self._queue.retry(ids, shrink=True))

    def retry_selected(self) -> None:
        self._retry([item.id for item in self.selected_items()])

    def cancel_selected(self) -> None:
        self._queue.cancel([item.id for item in self.selected_items()])

    def _row_action(self, action: ActionId, item_id: int) -> None:
        item = self.model.item(item_id)
        if item is None:
            return
        if action is ActionId.COPY:
            self._links.copy_items([item])
        elif action is ActionId.OPEN_URL:
            self._links.open_items([item])
        elif action is ActionId.RETRY:
            self._retry([item_id])
        elif action is ActionId.SHRINK_RETRY:
            self.shrink_selected([item_id])
        elif action is ActionId.CANCEL:
            self._queue.cancel([item_id])
        elif action is ActionId.REMOVE:
            self._queue.remove([item_id])
        elif action is ActionId.API_KEY:
            self.key_wanted.emit()

    def _row_default(self, row: int) -> None:
        item = self.model.item_at(row)
        if item.state is State.DONE:
            self._links.copy_items([item])
        elif item.retryable:
            self._retry([item.id])


class HistoryPage(QWidget):
    """Every upload, searchable; built when first shown, refreshed from the controller."""

    selection_changed = Signal()
    #: A short message for the status bar: ``(text, milliseconds)``.
    message = Signal(str, int)

    def __init__(
        self,
        history: HistoryController,
        thumbnails: ThumbnailService,
        links: LinkService,
        actions: Actions,
        dialogs: Dialogs,
        running_ids: Callable[[], set[int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._history, self._thumbnails, self._links = history, thumbnails, links
        self._actions, self._dialogs, self._running_ids = actions, dialogs, running_ids
        self._panel: HistoryPanel | None = None
        self._dirty = True
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
            from . import history_view

            model = history_view.HistoryModel(self._thumbnails, self)
            panel = self._panel = history_view.HistoryPanel(model, self)
            layout = self.layout()
            assert layout is not None
            layout.addWidget(panel)
            panel.view.addActions(self._actions.context_menu())
            panel.export_requested.connect(self.export)
            panel.clear_requested.connect(self.clear)
            panel.reload_wanted.connect(self._load)
            model.more_wanted.connect(self._load_more)
            panel.view.activated.connect(
                lambda index: self._links.copy_entries([model.entry_at(index.row())])
            )
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
        model = self.model
        known = model.total if in_place and model.rowCount() else None
        search, failed_only = model.search, model.failed_only

        def loaded(page: Page) -> None:
            if (model.search, model.failed_only) != (search, failed_only):
                return  # the filter changed meanwhile: its own load follows
            model.running_ids = self._running_ids()
            self.panel.show_rows(page.entries, page.total)

        self._history.page(0, rows, search, failed_only, loaded, known)

    def _load_more(self, offset: int) -> None:
        from .history_view import PAGE_SIZE

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
        self._links.copy_entries(self.panel.selected_entries())

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
            self._dialogs.inform(self, title, str(error))

    def export(self) -> None:
        target = self._dialogs.save_file(
            self, translate("Pages", "Export history"), "uploads.csv", "CSV (*.csv);;JSON (*.json)"
        )
        if target is None:
            return

        def done(written: int | None, error: BaseException | None) -> None:
            if error is not None:
                text = translate("Pages", "{file}: {error}").format(file=target, error=error)
                self._dialogs.inform(self, translate("Pages", "Export failed"), text)
                return
            count = written or 0
            if count == 1:
                text = translate("Pages", "Exported %n entry to {file}", None, count)
            else:
                text = translate("Pages", "Exported %n entries to {file}", None, count)
            self.message.emit(text.format(file=target), 6000)

        self._history.export(target, self.model.search, self.model.failed_only, done)


def running_history_ids(model: UploadListModel) -> set[int]:
    """History entries this window is uploading now (their rows say so)."""
    return {
        item.history_id
        for item in model.items()
        if item.history_id is not None and not item.state.finished
    }
