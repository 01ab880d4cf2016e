"""The History tab: every upload ever made, searchable, lazily loaded, with cached pictures.

The model fetches 200 rows at a time as the view scrolls (``canFetchMore``/``fetchMore``), so
10,000 entries open at once. Thumbnails come from the small PNGs cached when each file was
added, decoded off the GUI thread, so an entry keeps its picture after the file is gone.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...core.history import HistoryEntry, HistoryState
from ...core.i18n import translate
from ..base.list_view import RowListView
from ..base.plain_text import isolate, tooltip
from ..base.sizes import shown_size
from ..base.thumbnails import ThumbnailService
from ..uploads.row_painting import draw_row_background, draw_thumbnail, option_colors

PAGE_SIZE = 200
#: A refresh of the open tab keeps up to this many loaded rows (and so the scroll position).
KEEP_LOADED = 2000
ROW_HEIGHT = 56
THUMB = 40
EntryRole = Qt.ItemDataRole.UserRole + 1
#: The row's second line (see :func:`describe`).
DetailRole = Qt.ItemDataRole.UserRole + 2

ModelIndex = QModelIndex | QPersistentModelIndex


def describe(entry: HistoryEntry, running: bool = False) -> str:
    """The row's second line; ``running``: this window is uploading it right now."""
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.uploaded_at or entry.added_at))
    if entry.state is HistoryState.DONE and entry.deleted_at is not None:
        text = translate("History", "{when} · Deleted from the server on {date}")
        date = time.strftime("%Y-%m-%d", time.localtime(entry.deleted_at))
        return text.format(when=when, date=date)
    if entry.state is HistoryState.DONE:
        done = f" · {entry.prepared}" if entry.prepared else ""
        return f"{when} · {entry.url}{done}"
    if entry.state is HistoryState.FAILED:
        text = translate("History", "{when} · Failed: {error}")
        return text.format(when=when, error=entry.error)
    if entry.state is HistoryState.CANCELLED:
        return translate("History", "{when} · Cancelled").format(when=when)
    if running:
        return translate("History", "{when} · Uploading (see the Uploads tab)").format(when=when)
    return translate("History", "{when} · Not uploaded").format(when=when)


class HistoryModel(QAbstractListModel):
    """The rows of the History tab. It is given rows; it never reads the history itself.

    When the view scrolls near the end it asks for more (:attr:`more_wanted`, once until
    :meth:`append` answers); pictures come from the thumbnail service.
    """

    #: The view wants the rows from this offset on.
    more_wanted = Signal(int)

    def __init__(self, thumbnails: ThumbnailService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.search = ""
        self.failed_only = False
        self._entries: list[HistoryEntry] = []
        self._rows: dict[int, int] = {}
        self._total = 0
        self._asked = False
        #: Entries this window is uploading now (their rows say so, not "Not uploaded").
        self.running_ids: set[int] = set()
        thumbnails.ready.connect(self._thumbnail_ready)

    def show_rows(self, entries: list[HistoryEntry], total: int) -> None:
        """Show these rows (the first of ``total`` matching ones) instead of the current."""
        self.beginResetModel()
        self._entries = list(entries)
        self._total = max(total, len(entries))
        self._rows = {entry.id: row for row, entry in enumerate(self._entries)}
        self._asked = False
        self.thumbnails.retry_missing()  # saved since the rows were first shown
        self.endResetModel()

    def append(self, offset: int, entries: list[HistoryEntry], total: int) -> None:
        """Rows asked for with :attr:`more_wanted` arrived."""
        self._asked = False
        if offset != len(self._entries):
            return  # the rows were replaced meanwhile
        self._total = max(self._total, total)  # (a page says "at least"; a count is kept)
        entries = [e for e in entries if e.id not in self._rows]
        if not entries:
            self._total = len(self._entries)
            return
        first = len(self._entries)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        for row, entry in enumerate(entries, first):
            self._rows[entry.id] = row
        self._entries.extend(entries)
        self.endInsertRows()

    def learn_total(self, total: int) -> None:
        """How many rows match, counted after the rows on show were read."""
        self._total = max(total, len(self._entries))

    def row_of(self, entry_id: int) -> int | None:
        return self._rows.get(entry_id)

    @property
    def total(self) -> int:
        return self._total

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and not self._asked and len(self._entries) < self._total

    def fetchMore(self, parent: ModelIndex) -> None:
        if not parent.isValid() and not self._asked:
            self._asked = True
            self.more_wanted.emit(len(self._entries))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.name
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            text = translate("History", "{name}: {status}\n{path}").format(
                name=isolate(entry.name),
                status=describe(entry, entry.id in self.running_ids),
                path=isolate(entry.path),
            )
            return tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self.thumbnails.pixmap(entry.id)
            if pixmap is None:
                self.thumbnails.request_entry(entry.id)
            return pixmap
        if role == EntryRole:
            return entry
        if role == DetailRole:
            return describe(entry, entry.id in self.running_ids)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def entry_at(self, row: int) -> HistoryEntry:
        return self._entries[row]

    def _thumbnail_ready(self, key: int, _size: int) -> None:
        row = self._rows.get(key)
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class HistoryDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return QSize(300, ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        entry = index.data(EntryRole)
        if not isinstance(entry, HistoryEntry):
            return
        rect: QRect = option.rect
        colors = option_colors(option)
        painter.save()
        draw_row_background(self, painter, option, index, colors)
        thumb = QRect(rect.left() + 8, rect.top() + (rect.height() - THUMB) // 2, THUMB, THUMB)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        draw_thumbnail(painter, thumb, pixmap if isinstance(pixmap, QPixmap) else None, colors)

        font = option.font
        metrics = QFontMetrics(font)
        left = thumb.right() + 12
        width = max(10, rect.right() - 8 - left)
        line = metrics.height()
        top = rect.top() + (rect.height() - 2 * line - 2) // 2
        bold = font.__class__(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(colors.text)
        size_text = shown_size(entry.size) if entry.size is not None else ""
        bold_metrics = QFontMetrics(bold)
        size_width = metrics.horizontalAdvance(size_text) + 10 if size_text else 0
        name = bold_metrics.elidedText(
            entry.name, Qt.TextElideMode.ElideMiddle, max(10, width - size_width)
        )
        painter.drawText(QRect(left, top, width, line), Qt.AlignmentFlag.AlignVCenter, name)
        if size_text:
            painter.setFont(font)
            painter.setPen(colors.muted)
            size_left = left + bold_metrics.horizontalAdvance(name) + 10
            painter.drawText(
                QRect(size_left, top, size_width, line), Qt.AlignmentFlag.AlignVCenter, size_text
            )
        painter.setFont(font)
        if entry.state is HistoryState.FAILED:
            painter.setPen(colors.error)
        elif entry.state is HistoryState.DONE and entry.deleted_at is None:
            painter.setPen(colors.link)
        else:
            painter.setPen(colors.muted)
        detail = metrics.elidedText(index.data(DetailRole), Qt.TextElideMode.ElideMiddle, width)
        painter.drawText(
            QRect(left, top + line + 2, width, line), Qt.AlignmentFlag.AlignVCenter, detail
        )
        painter.restore()


class HistoryPanel(QWidget):
    """Search, filter and act on the history; the window wires the actions."""

    export_requested = Signal()
    clear_requested = Signal()
    #: The rows should be read again: ``(how many, in place)``; answer with show_rows.
    reload_wanted = Signal(int, bool)

    def __init__(self, model: HistoryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("History", "Search by file name or URL"))
        self.search.setAccessibleName(translate("History", "Search history"))
        self.search.setClearButtonEnabled(True)
        self.failed_only = QCheckBox(translate("History", "Failed only"))
        self.export_button = QPushButton(translate("History", "Export…"))
        self.export_button.setToolTip(
            translate("History", "Save the listed entries as CSV or JSON")
        )
        self.clear_button = QPushButton(translate("History", "Clear All…"))
        self.clear_button.setToolTip(translate("History", "Delete the whole history"))
        bar.addWidget(self.search, 1)
        bar.addWidget(self.failed_only)
        bar.addWidget(self.export_button)
        bar.addWidget(self.clear_button)
        layout.addLayout(bar)
        self.view = RowListView()
        self.view.setModel(model)
        self.view.setItemDelegate(HistoryDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.setAccessibleName(translate("History", "Upload history"))
        layout.addWidget(self.view, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.failed_only.toggled.connect(self._apply_filter)
        self.export_button.clicked.connect(self.export_requested)
        self.clear_button.clicked.connect(self.clear_requested)

    def _apply_filter(self) -> None:
        self.model.search = self.search.text()
        self.model.failed_only = self.failed_only.isChecked()
        self.reload_wanted.emit(PAGE_SIZE, False)

    def refresh(self) -> None:
        """Ask for the rows again, as many as are loaded: see :meth:`show_rows`."""
        self.reload_wanted.emit(min(max(self.model.rowCount(), PAGE_SIZE), KEEP_LOADED), True)

    def show_rows(self, entries: list[HistoryEntry], total: int) -> None:
        """Show rows read again, in place: the same rows stay selected and in view.

        At the top, the view stays there, so new uploads appear as they are recorded;
        scrolled down, the row at the top stays at the top.
        """
        view, model = self.view, self.model
        selection = view.selectionModel()
        selected = [model.entry_at(index.row()).id for index in selection.selectedRows()]
        current = view.currentIndex()
        current_id = model.entry_at(current.row()).id if current.isValid() else None
        top = view.indexAt(QPoint(0, 0))
        anchor = None
        if view.verticalScrollBar().value() > 0 and top.isValid():
            anchor = (model.entry_at(top.row()).id, view.visualRect(top).top())
        model.show_rows(entries, total)

        def index_of(entry_id: int) -> QModelIndex | None:
            row = model.row_of(entry_id)
            return None if row is None else model.index(row, 0)

        keep = QItemSelection()
        for entry_id in selected:
            if (index := index_of(entry_id)) is not None:
                keep.select(index, index)
        if current_id is not None and (index := index_of(current_id)) is not None:
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        selection.select(keep, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if anchor is not None and (index := index_of(anchor[0])) is not None:
            view.executeDelayedItemsLayout()
            bar = view.verticalScrollBar()
            bar.setValue(bar.value() + view.visualRect(index).top() - anchor[1])

    def selected_entries(self) -> list[HistoryEntry]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.entry_at(row) for row in rows]
