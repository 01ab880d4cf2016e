"""The PicGo server's batches, uploaded as drops: each shows in the window and History, and
the request is answered once every file of it has finished.

The server calls :class:`PicGoBridge` on its own thread and waits; the bridge hands the
batch to the GUI thread, which queues it as a batch of its own and, when the queue says that
batch finished, reads each file's URL or reason from the list.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication

from ...core.errors import LocalFileError
from ...core.i18n import translate
from ...core.paths import kept_images_dir
from ...core.picgo import Batch, Outcome, Source
from ...core.source_files import private_copy
from ..base.report import Report
from ..links.service import LinkService
from ..uploads.intake import IntakeController, is_uploader_file
from ..uploads.model import State, UploadItem, UploadListModel
from ..uploads.queue import UploadQueue


@dataclass
class _Pending:
    """A batch on its way: the files the window queues, and the answer the server awaits."""

    batch: Batch
    paths: list[Path]
    #: Files refused before they were queued (a received one that could not be kept), by
    #: their place in the batch.
    refused: dict[int, str] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)
    done: threading.Event = field(default_factory=threading.Event)

    def finish(self, outcomes: Sequence[Outcome]) -> None:
        if not self.done.is_set():
            self.outcomes = list(outcomes)
            self.done.set()

    def fail(self, outcome: Outcome) -> None:
        """The same failure for every file (one for the clipboard)."""
        self.finish(every_file(self.batch, outcome))


def every_file(batch: Batch, outcome: Outcome) -> list[Outcome]:
    return [outcome] * max(1, len(batch.files))


def closing() -> Outcome:
    return Outcome.failed(translate("PicGo", "uploader-gui is closing"))


class PicGoBridge(QObject):
    """Implements the server's ``UploadBatch``: call it from a server thread only."""

    _arrived = Signal(object)

    def __init__(
        self,
        intake: IntakeController,
        queue: UploadQueue,
        model: UploadListModel,
        report: Report,
        links: LinkService,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._intake, self._queue, self._model, self._report = intake, queue, model, report
        self._links = links
        self._waiting: dict[int, _Pending] = {}
        self._lock = threading.Lock()
        self._closed = False
        self._arrived.connect(self._take, Qt.ConnectionType.QueuedConnection)
        queue.batch_finished.connect(self._finished)

    # -- on a server thread ------------------------------------------------------------

    def __call__(self, batch: Batch, /) -> Sequence[Outcome]:
        pending = _Pending(batch, [])
        with self._lock:
            if self._closed:
                return every_file(batch, closing())
        for index, file in enumerate(batch.files):
            if is_uploader_file(Path(file.name)) or is_uploader_file(file.path):
                # The window takes a .sxcu as a destination to add, never as an image.
                text = translate("PicGo", "a .sxcu file is a ShareX destination, not an image")
                pending.refused[index] = text
            elif batch.source is Source.RECEIVED:
                # The server removes what it received once answered: keep a copy, as a
                # pasted image is kept, so the row and a later Retry still have it.
                try:
                    pending.paths.append(private_copy(file.path, file.name, kept_images_dir()))
                except (LocalFileError, OSError) as error:
                    pending.refused[index] = str(error)
            else:
                pending.paths.append(file.path)
        with self._lock:
            if self._closed:
                return every_file(batch, closing())
            self._arrived.emit(pending)
        pending.done.wait()
        return pending.outcomes

    # -- on the GUI thread -------------------------------------------------------------

    def close(self) -> None:
        """The window is closing: every request still waiting is answered so."""
        with self._lock:
            self._closed = True
        for pending in self._waiting.values():
            pending.fail(closing())
        self._waiting.clear()

    def _take(self, pending: _Pending) -> None:
        if self._closed:
            pending.fail(closing())
            return
        if not self._queue.has_key or self._queue.held:
            # Queued, it would wait for a key while the other app waits for an answer.
            text = translate(
                "PicGo",
                "uploader-gui cannot upload yet (no API key, or uploads on hold): see its window",
            )
            pending.fail(Outcome.failed(text))
            return
        batch = self._queue.new_batch()
        self._waiting[batch] = pending
        # The app that asked inserts the links itself; the clipboard stays as it was (it may
        # hold the very image the person is pasting into that app).
        self._links.leave_clipboard(batch)
        count = len(pending.batch.files)
        if pending.batch.source is Source.CLIPBOARD:
            mime = QGuiApplication.clipboard().mimeData()
            if mime is None or not self._intake.take_mime(
                mime, "clipboard", from_clipboard=True, batch=batch
            ):
                del self._waiting[batch]
                text = translate("PicGo", "the clipboard holds no image or image file")
                pending.finish([Outcome.failed(text)])
                return
            count = 1
        elif pending.paths:
            self._intake.add_paths(pending.paths, batch)
        else:
            self._finished(batch)
            return
        text = translate("PicGo", "Another app sent %n image(s) to upload", None, count)
        self._report.status(text)

    def _finished(self, batch: int) -> None:
        pending = self._waiting.pop(batch, None)
        if pending is None:
            return
        self._links.forget_batch(batch)
        items = [item for item in self._model.items() if item.batch == batch]
        if pending.batch.source is Source.CLIPBOARD:
            pending.finish([outcome(item) for item in items] or [not_listed()])
            return
        queued = iter(matched(pending.paths, items))
        outcomes: list[Outcome] = []
        for index in range(len(pending.batch.files)):
            if index in pending.refused:
                outcomes.append(Outcome.failed(pending.refused[index]))
                continue
            item = next(queued)
            outcomes.append(not_listed() if item is None else outcome(item))
        pending.finish(outcomes)


def matched(paths: list[Path], items: list[UploadItem]) -> list[UploadItem | None]:
    """The row of each path: the row listed for it (a path named twice is one row), else the
    next row not matched yet, in order (the list may name a file as the history does)."""
    by_path = {os.path.normpath(item.path): item for item in items}
    named = {os.path.normpath(path) for path in paths}
    unmatched = iter([item for item in items if os.path.normpath(item.path) not in named])
    return [by_path.get(os.path.normpath(path)) or next(unmatched, None) for path in paths]


def outcome(item: UploadItem) -> Outcome:
    """What the client hears about one row."""
    if item.state is State.DONE and item.url:
        return Outcome.uploaded(item.url)
    if item.state is State.CANCELLED:
        return Outcome.failed(translate("PicGo", "cancelled in uploader-gui"))
    return Outcome.failed(item.error or translate("PicGo", "not uploaded"))


def not_listed() -> Outcome:
    return Outcome.failed(translate("PicGo", "removed from uploader-gui's list before it finished"))
