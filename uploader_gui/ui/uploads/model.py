"""The upload list: one ``UploadItem`` per file, shown by a ``QListView`` and a delegate."""

from __future__ import annotations

import enum
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ...core.errors import FileTooLargeError, LocalFileError, TypeRejectedError, UploadError
from ...core.history import HistoryEntry
from ...core.i18n import QT_TRANSLATE_NOOP, translate
from ..base.plain_text import isolate, tooltip
from ..base.sizes import shown_size

if TYPE_CHECKING:
    from ..base.thumbnails import ThumbnailService

#: Why a queued item waits when nothing else holds the queue (English; shown translated).
WAITING_FOR_KEY = QT_TRANSLATE_NOOP("UploadRow", "Waiting for an API key")


class State(enum.Enum):
    QUEUED = "queued"
    UPLOADING = "uploading"
    RETRY_WAIT = "retry-wait"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        return self in (State.DONE, State.FAILED, State.CANCELLED)

    @property
    def active(self) -> bool:
        return self in (State.QUEUED, State.UPLOADING, State.RETRY_WAIT)


class FailureKind(enum.Enum):
    OTHER = "other"
    KEY = "key"  # the key was rejected: the row offers to change it
    LOCAL = "local"  # refused before sending, for a reason that may pass (missing…)
    REFUSED = "refused"  # never uploadable as it is (not an image it takes, a FIFO…)
    TOO_LARGE = "too-large"  # over the service's size limit (413): a smaller copy may pass
    INTERRUPTED = "interrupted"  # the app quit or crashed before it was sent

    @staticmethod
    def of(error: UploadError) -> FailureKind | None:
        """What kind of failure ``error`` is, for the row: which actions can help."""
        if isinstance(error, TypeRejectedError):
            return FailureKind.REFUSED
        if isinstance(error, FileTooLargeError):
            return FailureKind.TOO_LARGE
        if isinstance(error, LocalFileError):
            return FailureKind.LOCAL if error.retry_helps else FailureKind.REFUSED
        return None


def display_name(name: str) -> str:
    """``name`` as it can be shown: bytes that are not UTF-8 become U+FFFD.

    Python keeps such bytes of a file name as lone surrogates, which Qt silently drops; the
    path used to read the file keeps them, only the text shown is changed.
    """
    try:
        return os.fsencode(name).decode("utf-8", "replace")
    except UnicodeError:  # a surrogate that is no escaped byte
        return name.encode("utf-8", "replace").decode("utf-8")


@dataclass(eq=False)
class UploadItem:
    id: int
    path: Path
    batch: int
    #: Shown in the row; the file's name (odd bytes as U+FFFD) unless given.
    name: str = ""
    size: int | None = None
    state: State = State.QUEUED
    sent: int = 0
    total: int = 0
    url: str | None = None
    error: str | None = None
    failure: FailureKind | None = None
    retry_at: float | None = None  # time.monotonic() of the next automatic retry
    retry_reason: str | None = None
    waiting_for_key: bool = False
    attempt: int = 0  # bumped on every (re)start, so stale results are recognised
    copied_until: float = 0.0
    history_id: int | None = None
    #: Done without uploading: the same bytes were uploaded before and their URL reused.
    reused: bool = False
    #: What was done to the file before it was sent ("location and 3 other fields removed").
    note: str | None = None
    #: Send a copy at most this many pixels on its long side (after a 413: Shrink and Retry).
    shrink_to: int | None = None
    #: The name it was uploaded under (``IMG_0042.jpg`` for ``IMG_0042.HEIC``), and the
    #: size of the picture sent: for link templates.
    sent_name: str | None = None
    width: int | None = None
    height: int | None = None
    #: The destination it went to (its id, as the history files it), where its server said
    #: it can be deleted, and whether it was deleted from there (its link no longer works).
    destination: str = ""
    deletion_url: str | None = None
    deleted: bool = False

    def __post_init__(self) -> None:
        self.name = display_name(self.name or self.path.name)

    @classmethod
    def left_over(cls, item_id: int, batch: int, entry: HistoryEntry) -> UploadItem:
        """An item for a file a previous run did not finish, from its history entry."""
        return cls(
            id=item_id,
            path=Path(entry.path),
            batch=batch,
            name=entry.name,
            size=entry.size,
            history_id=entry.id,
            attempt=entry.attempt,  # the history takes outcomes from later attempts only
        )

    def interrupt(self) -> None:
        """Listed as not sent: the previous run stopped before it was."""
        self.state = State.FAILED
        self.failure = FailureKind.INTERRUPTED
        self.error = translate("UploadRow", "not uploaded: uploader-gui stopped before it was sent")

    @property
    def thumbnail_key(self) -> int:
        """Its picture's key in the thumbnail service: the history entry's, if it has one."""
        return self.history_id if self.history_id is not None else -self.id

    @property
    def interrupted(self) -> bool:
        """Left from a run that stopped before it was sent."""
        return self.state is State.FAILED and self.failure is FailureKind.INTERRUPTED

    @property
    def retryable(self) -> bool:
        """Finished without success, and sending it again may work."""
        return self.state in (State.FAILED, State.CANCELLED) and self.failure not in (
            FailureKind.REFUSED,
            FailureKind.TOO_LARGE,  # the same bytes would be refused again: shrink instead
        )

    @property
    def deletable(self) -> bool:
        """Uploaded, with a deletion URL, and not deleted from the server yet."""
        return self.state is State.DONE and bool(self.deletion_url) and not self.deleted

    @property
    def waiting_for_server(self) -> bool:
        return self.state is State.UPLOADING and self.total > 0 and self.sent >= self.total

    @property
    def preparing(self) -> bool:
        """Started, nothing sent yet: the file is read, and converted or cleaned if asked."""
        return self.state is State.UPLOADING and self.total == 0

    @property
    def fraction(self) -> float:
        return self.sent / self.total if self.total else 0.0

    @property
    def copied(self) -> bool:
        return time.monotonic() < self.copied_until

    def status_text(self, waiting_reason: str | None = None) -> str:
        """One line for the row and for screen readers; ``waiting_reason`` says why an item
        that may not be sent yet waits (``None``: for an API key)."""
        if self.state is State.QUEUED:
            if self.waiting_for_key:
                return waiting_reason or translate("UploadRow", WAITING_FOR_KEY)
            return translate("UploadRow", "Queued")
        if self.state is State.UPLOADING:
            if self.waiting_for_server:
                return translate("UploadRow", "Waiting for the server…")
            if self.preparing:
                return translate("UploadRow", "Preparing…")
            return translate("UploadRow", "Uploading {percent}%").format(
                percent=int(self.fraction * 100)
            )
        if self.state is State.RETRY_WAIT:
            left = max(0, round((self.retry_at or 0) - time.monotonic()))
            if self.retry_reason:
                return translate("UploadRow", "Retrying in %n s ({reason})", None, left).format(
                    reason=self.retry_reason
                )
            return translate("UploadRow", "Retrying in %n s", None, left)
        if self.state is State.DONE:
            if self.deleted:
                return translate("UploadRow", "Deleted from the server")
            extra = [note for note in (self.note,) if note]
            if self.reused:
                extra.append(translate("UploadRow", "uploaded before, link reused"))
            return " · ".join([self.url or "", *extra])
        if self.state is State.FAILED:
            if self.failure is FailureKind.INTERRUPTED:
                return translate(
                    "UploadRow", "Interrupted: uploader-gui stopped before it was sent"
                )
            if self.failure is FailureKind.REFUSED:
                return translate("UploadRow", "Can't be uploaded: {reason}").format(
                    reason=self.error
                )
            return translate("UploadRow", "Failed: {reason}").format(reason=self.error)
        return translate("UploadRow", "Cancelled")

    def accessible_text(self, waiting_reason: str | None = None) -> str:
        status = self.status_text(waiting_reason)
        if self.size is None:
            return translate("UploadRow", "{name}: {status}").format(name=self.name, status=status)
        return translate("UploadRow", "{name}, {size}: {status}").format(
            name=self.name, size=shown_size(self.size), status=status
        )


ItemRole = Qt.ItemDataRole.UserRole + 1
#: Why the row's picture cannot be shown (``None`` while it may still come).
ThumbnailErrorRole = Qt.ItemDataRole.UserRole + 2

ModelIndex = QModelIndex | QPersistentModelIndex


class UploadListModel(QAbstractListModel):
    """Items in the order they were added; rows are looked up by item id."""

    #: These items were added (their pictures are wanted).
    appended = Signal(list)
    #: The pictures of these thumbnail keys are no longer shown here.
    released = Signal(list)

    def __init__(
        self, thumbnails: ThumbnailService | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._items: list[UploadItem] = []
        self._rows: dict[int, int] = {}
        #: Item id by thumbnail key, to repaint a row when its picture arrives.
        self._by_key: dict[int, int] = {}
        self._thumbnails = thumbnails
        if thumbnails is not None:
            thumbnails.ready.connect(self._thumbnail_ready)
        #: Why items that may not be sent yet wait (set by the queue, the same for all);
        #: ``None``: they wait for an API key.
        self.waiting_reason: str | None = None

    def status_text(self, item: UploadItem) -> str:
        """The row's status line, as the list, its tooltips and screen readers give it."""
        return item.status_text(self.waiting_reason)

    # -- Qt model interface ------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items) or index.column() != 0:
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.name
        if role == Qt.ItemDataRole.ToolTipRole:
            error = self.thumbnail_error(item)
            preview = f"\n{error}" if error else ""
            return tooltip(f"{isolate(str(item.path))}\n{self.status_text(item)}{preview}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return item.accessible_text(self.waiting_reason)
        if role == Qt.ItemDataRole.DecorationRole:
            return None if self._thumbnails is None else self._thumbnails.pixmap(item.thumbnail_key)
        if role == ItemRole:
            return item
        if role == ThumbnailErrorRole:
            return self.thumbnail_error(item)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- our interface -----------------------------------------------------------------

    def items(self) -> list[UploadItem]:
        return list(self._items)

    def item(self, item_id: int) -> UploadItem | None:
        row = self._rows.get(item_id)
        return None if row is None else self._items[row]

    def item_at(self, row: int) -> UploadItem:
        return self._items[row]

    def index_of(self, item_id: int) -> QModelIndex:
        row = self._rows.get(item_id)
        return QModelIndex() if row is None else self.index(row, 0)

    def thumbnail_error(self, item: UploadItem) -> str | None:
        """Why the item's picture cannot be shown, once that is known."""
        return None if self._thumbnails is None else self._thumbnails.error(item.thumbnail_key)

    def _thumbnail_ready(self, key: int, size: int) -> None:
        item = self.item(self._by_key.get(key, 0))
        if item is None:
            return
        if size >= 0 and item.size is None:
            item.size = size
        self.changed(item.id)

    def append(self, items: list[UploadItem]) -> None:
        if not items:
            return
        first = len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
        for offset, item in enumerate(items):
            self._items.append(item)
            self._rows[item.id] = first + offset
            self._by_key[item.thumbnail_key] = item.id
        self.endInsertRows()
        self.appended.emit(items)

    def changed(self, item_id: int) -> None:
        """Tell the view one item changed."""
        index = self.index_of(item_id)
        if index.isValid():
            self.dataChanged.emit(index, index)

    def changed_many(self, item_ids: list[int]) -> None:
        """Tell the view these items changed: one signal per run of adjacent rows."""
        rows = sorted({self._rows[i] for i in item_ids if i in self._rows})
        start = 0
        for position in range(1, len(rows) + 1):
            if position == len(rows) or rows[position] != rows[position - 1] + 1:
                first, last = rows[start], rows[position - 1]
                self.dataChanged.emit(self.index(first, 0), self.index(last, 0))
                start = position

    def mark_deleted(self, url: str, destination: str) -> None:
        """The file at ``url`` was deleted from ``destination``'s server: its rows say so."""
        found = [i for i in self._items if (i.url, i.destination) == (url, destination)]
        for item in found:
            item.deleted = True
        self.changed_many([item.id for item in found])

    def remove(self, item_ids: set[int]) -> None:
        """Remove items, one contiguous run of rows at a time."""
        keys = [item.thumbnail_key for i in item_ids if (item := self.item(i)) is not None]
        for key in keys:
            self._by_key.pop(key, None)
        rows = sorted((self._rows[i] for i in item_ids if i in self._rows), reverse=True)
        while rows:
            last = rows.pop(0)
            first = last
            while rows and rows[0] == first - 1:
                first = rows.pop(0)
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._items[first : last + 1]
            # Rows are looked up by whoever hears of the removal: current before it is told.
            self._rows = {item.id: row for row, item in enumerate(self._items)}
            self.endRemoveRows()
        self.released.emit(keys)
