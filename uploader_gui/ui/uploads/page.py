"""The Uploads tab: this session's list (an empty state until the first file)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QStackedWidget, QWidget

from ...core.i18n import translate
from ..base.actions import ActionId, Actions
from ..base.list_view import RowListView
from ..base.report import Report
from ..destination.deleting import Deletable
from ..links.service import LinkService
from .delegate import UploadDelegate
from .drop_area import EmptyState
from .model import State, UploadItem, UploadListModel
from .queue import UploadQueue


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
        #: Where Copy says why a deleted upload's link is not copied (set by the window).
        self.report: Report | None = None
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
        self.copy(self.selected_items())

    def copy(self, items: list[UploadItem]) -> None:
        """Copy the links of ``items``, less those deleted from their server (dead)."""
        live = [item for item in items if not item.deleted]
        if items and not live and self.report is not None:
            text = translate("Pages", "Not copied: deleted from the server, the link is dead")
            self.report.status(text)
            return
        self._links.copy_items(live)

    def deleted(self, url: str, destination: str) -> None:
        """The file at ``url`` was deleted from ``destination``'s server: its rows say so
        (and what may be done with the selection changed)."""
        self.model.mark_deleted(url, destination)
        self.selection_changed.emit()

    def deletable(self) -> list[Deletable]:
        """The selected uploads that can be deleted from their server."""
        found = map(Deletable.of_item, self.selected_items())
        return [target for target in found if target is not None]

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
            self.copy([item])
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
            self.copy([item])
        elif item.retryable:
            self._retry([item.id])


def running_history_ids(model: UploadListModel) -> set[int]:
    """History entries this window is uploading now (their rows say so)."""
    return {
        item.history_id
        for item in model.items()
        if item.history_id is not None and not item.state.finished
    }
