"""The History tab: every upload ever made, searchable, lazily loaded, with cached pictures.

The model fetches 200 rows at a time as the view scrolls (``canFetchMore``/``fetchMore``), so
10,000 entries open at once. Thumbnails come from the small PNGs cached when each file was
added, decoded off the GUI thread, so an entry keeps its picture after the file is gone.
"""

from __future__ import annotations

import time
from pathlib import Path
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
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..core.history import HistoryEntry, HistoryState, HistoryStore
from ..core.paths import thumbnail_file
from ..core.units import format_size
from .list_view import RowListView
from .palette import error_color
from .row_painting import draw_row_background, draw_thumbnail
from .thumbnails import ThumbnailLoader

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
    if entry.state is HistoryState.DONE:
        return f"{when} · {entry.url}"
    if entry.state is HistoryState.FAILED:
        return f"{when} · Failed: {entry.error}"
    if entry.state is HistoryState.CANCELLED:
        return f"{when} · Cancelled"
    return f"{when} · {'Uploading (see the Uploads tab)' if running else 'Not uploaded'}"


class HistoryModel(QAbstractListModel):
    def __init__(
        self, store: HistoryStore, thumbnails: ThumbnailLoader, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.thumbnails = thumbnails
        self.search = ""
        self.failed_only = False
        self._entries: list[HistoryEntry] = []
        self._rows: dict[int, int] = {}
        self._total = 0
        self._pixmaps: dict[int, QPixmap | None] = {}  # None: requested or missing
        #: Entries this window is uploading now (their rows say so, not "Not uploaded").
        self.running_ids: set[int] = set()

    def reload(self, rows: int = 0) -> None:
        """Read the history again; with ``rows``, load that many at once (else page by page).

        Rows recorded since the last read appear at the top, so ``rows`` grows by their
        number: the rows loaded before stay loaded.
        """
        self.beginResetModel()
        total = self.store.count(self.search, self.failed_only)
        if rows and self._entries:
            rows += max(0, total - self._total)
        self._total = total
        self._entries = (
            self.store.page(0, min(rows, self._total), self.search, self.failed_only)
            if rows
            else []
        )
        self._rows = {entry.id: row for row, entry in enumerate(self._entries)}
        # Pictures that were missing may exist by now (saved after the row was first shown).
        self._pixmaps = {k: v for k, v in self._pixmaps.items() if v is not None}
        self.endResetModel()

    def row_of(self, entry_id: int) -> int | None:
        return self._rows.get(entry_id)

    @property
    def total(self) -> int:
        return self._total

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and len(self._entries) < self._total

    def fetchMore(self, parent: ModelIndex) -> None:
        if parent.isValid():
            return
        page = self.store.page(len(self._entries), PAGE_SIZE, self.search, self.failed_only)
        if not page:
            self._total = len(self._entries)
            return
        first = len(self._entries)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        for offset, entry in enumerate(page):
            self._rows[entry.id] = first + offset
        self._entries.extend(page)
        self.endInsertRows()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.name
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{entry.name}: {describe(entry, entry.id in self.running_ids)}\n{entry.path}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pixmap(entry.id)
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

    def _pixmap(self, entry_id: int) -> QPixmap | None:
        if entry_id in self._pixmaps:
            return self._pixmaps[entry_id]
        self._pixmaps[entry_id] = None
        path = thumbnail_file(entry_id)

        def done(image: QImage | None, _size: int | None, _error: str | None) -> None:
            if image is None:
                return
            self._pixmaps[entry_id] = QPixmap.fromImage(image)
            row = self._rows.get(entry_id)
            if row is not None:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

        self.thumbnails.request(Path(path), done)
        return None


class HistoryDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return QSize(300, ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        entry = index.data(EntryRole)
        if not isinstance(entry, HistoryEntry):
            return
        rect: QRect = option.rect
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        draw_row_background(self, painter, option, index)
        thumb = QRect(rect.left() + 8, rect.top() + (rect.height() - THUMB) // 2, THUMB, THUMB)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        draw_thumbnail(painter, thumb, pixmap if isinstance(pixmap, QPixmap) else None, palette)

        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = palette.color(role)
        muted = QColor(text_color)
        muted.setAlphaF(0.7)
        font = option.font
        metrics = QFontMetrics(font)
        left = thumb.right() + 12
        width = max(10, rect.right() - 8 - left)
        line = metrics.height()
        top = rect.top() + (rect.height() - 2 * line - 2) // 2
        bold = font.__class__(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        size_text = format_size(entry.size) if entry.size is not None else ""
        bold_metrics = QFontMetrics(bold)
        size_width = metrics.horizontalAdvance(size_text) + 10 if size_text else 0
        name = bold_metrics.elidedText(
            entry.name, Qt.TextElideMode.ElideMiddle, max(10, width - size_width)
        )
        painter.drawText(QRect(left, top, width, line), Qt.AlignmentFlag.AlignVCenter, name)
        if size_text:
            painter.setFont(font)
            painter.setPen(muted)
            size_left = left + bold_metrics.horizontalAdvance(name) + 10
            painter.drawText(
                QRect(size_left, top, size_width, line), Qt.AlignmentFlag.AlignVCenter, size_text
            )
        painter.setFont(font)
        if entry.state is HistoryState.FAILED and not selected:
            painter.setPen(error_color(palette))
        elif entry.state is HistoryState.DONE and not selected:
            painter.setPen(palette.color(QPalette.ColorRole.Link))
        else:
            painter.setPen(muted)
        detail = metrics.elidedText(index.data(DetailRole), Qt.TextElideMode.ElideMiddle, width)
        painter.drawText(
            QRect(left, top + line + 2, width, line), Qt.AlignmentFlag.AlignVCenter, detail
        )
        painter.restore()


class HistoryPanel(QWidget):
    """Search, filter and act on the history; the window wires the actions."""

    export_requested = Signal()
    clear_requested = Signal()

    def __init__(self, model: HistoryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by file name or URL")
        self.search.setAccessibleName("Search history")
        self.search.setClearButtonEnabled(True)
        self.failed_only = QCheckBox("Failed only")
        self.export_button = QPushButton("Export…")
        self.export_button.setToolTip("Save the listed entries as CSV or JSON")
        self.clear_button = QPushButton("Clear All…")
        self.clear_button.setToolTip("Delete the whole history")
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
        self.view.setAccessibleName("Upload history")
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
        self.model.reload()

    def refresh(self) -> None:
        """Read the history again in place: the same rows stay selected and in view.

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
        model.reload(rows=min(max(model.rowCount(), PAGE_SIZE), KEEP_LOADED))

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
