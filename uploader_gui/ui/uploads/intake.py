"""Getting files in: drops, paste, the file dialog, files from a second start, and leftovers.

A drop is recorded in the history before it is expanded, folders are expanded off the GUI
thread (asking first when they hold more than :data:`ASK_ABOVE` images), and its files are
recorded in one commit before they are queued, a chunk per event-loop turn. Image data
(pasted, or dragged from a browser) is saved as a PNG in the cache first. A ShareX custom
uploader (``.sxcu``), however it comes, is a destination to add, never a file to upload.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote_to_bytes

from PySide6.QtCore import QMimeData, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QWidget

from ...core.history import Drop, HistoryEntry
from ...core.i18n import translate
from ...core.intake import Intake, collect
from ...core.paths import kept_images_dir, make_private
from ...platform.chooser import POSIX
from ..base.dialogs import Dialogs
from ..base.report import Report
from ..base.workers import Workers
from ..history.controller import ASK_ABOVE, HistoryController, Restored
from .queue import UploadQueue

#: Files added to the list per event-loop turn.
ADD_CHUNK = 50
#: A ShareX custom uploader's file (any letter case): a destination to add, not an image.
SXCU_SUFFIX = ".sxcu"


def is_uploader_file(path: Path) -> bool:
    return path.suffix.lower() == SXCU_SUFFIX


def save_image_data(image: QImage, prefix: str) -> Path:
    """Write pasted or dropped image data as a PNG in the cache; safe on a worker thread."""
    folder = kept_images_dir()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"{prefix}-{stamp}.png"
    counter = 2
    while path.exists():
        path = folder / f"{prefix}-{stamp}-{counter}.png"
        counter += 1
    if not image.save(str(path)):  # the format follows the .png suffix
        raise OSError(translate("Intake", "could not save the image to {path}").format(path=path))
    make_private(path)
    return path


def local_file(url: QUrl) -> Path:
    """The path of a local ``file:`` URL, exact even for a name that is not UTF-8.

    ``QUrl.toLocalFile`` turns such bytes into U+FFFD, naming a file that does not exist;
    on POSIX the percent-encoded bytes are decoded as the file system does instead.
    """
    path = url.toLocalFile()
    if "\ufffd" in path and POSIX:
        encoded = url.path(QUrl.ComponentFormattingOption.FullyEncoded)
        path = os.fsdecode(unquote_to_bytes(encoded))
    return Path(path)


def local_paths(mime: QMimeData, from_text: bool) -> list[Path]:
    """Local files named by ``mime``: its URLs, or (pasted text) lines that are paths."""
    paths = [local_file(url) for url in mime.urls() if url.isLocalFile()]
    if not paths and from_text and mime.hasText():
        for line in mime.text().splitlines():
            line = line.strip()
            if line.startswith("file://"):
                url = QUrl(line)
                if url.isLocalFile():
                    paths.append(local_file(url))
            elif line.startswith(("/", "~/")):
                paths.append(Path(line).expanduser())
    return paths


def describe_drag(mime: QMimeData) -> tuple[bool, str]:
    """Whether a drag can be dropped, and what the window says while it hovers."""
    paths = local_paths(mime, from_text=False)
    count = len(paths)
    if count > 1:
        return True, translate("Intake", "Drop to upload %n item(s)", None, count)
    if paths and is_uploader_file(paths[0]):
        return True, translate("Intake", "Drop to add the destination in {name}").format(
            name=paths[0].name
        )
    if paths:
        return True, translate("Intake", "Drop to upload {name}").format(name=paths[0].name)
    if mime.hasImage():
        return True, translate("Intake", "Drop to upload this image")
    if mime.hasUrls():
        return False, translate(
            "Intake", "Links can't be uploaded: drag the image file or the picture itself"
        )
    return False, translate("Intake", "Only image files, folders or pictures can be dropped here")


class IntakeController(QObject):
    """Turns what the user hands over into queued, recorded files."""

    #: These items were listed (new, retried or left from last time): count them in the run.
    listed = Signal(list)
    #: This many files from last time were listed as not sent (not resumed).
    interrupted = Signal(int)

    def __init__(
        self,
        queue: UploadQueue,
        history: HistoryController,
        workers: Workers,
        dialogs: Dialogs,
        report: Report,
        destination: Callable[[], str],
        resume_unfinished: Callable[[], bool],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self._history = history
        self._files = workers.pool("files", 1)
        self._dialogs = dialogs
        self._report = report
        self._destination = destination
        self._resume = resume_unfinished
        self._parent = parent
        self._closed = False
        #: Adds the destinations of ``.sxcu`` files (the window sets it); they are never
        #: queued as images.
        self.destination_files: Callable[[list[Path]], None] | None = None

    def close(self) -> None:
        """Take nothing more (the window is closing)."""
        self._closed = True

    # -- files and folders -------------------------------------------------------------

    def add_paths(self, paths: list[Path], batch: int | None = None) -> None:
        """Queue files and folders (folders expand, in the background, to their images).

        The drop itself is on disk before it is expanded: if uploader-gui stops while a big
        folder is being listed, the next start lists the rest. ``batch``: the batch the files
        join (from :meth:`UploadQueue.new_batch`, for a caller that waits for its
        ``batch_finished``; it finishes even when nothing could be queued).
        """
        if self._closed:
            return
        uploaders = [path for path in paths if is_uploader_file(path)]
        if uploaders and self.destination_files is not None:
            self.destination_files(uploaders)
        paths = [path for path in paths if not is_uploader_file(path)]
        if not paths:
            if batch is not None:
                self._queue.add([], batch)
            return
        host = self._destination()

        def recorded(drop: Drop | None) -> None:
            self._files.submit(
                lambda: collect(paths),
                lambda intake, error: self._expanded(drop, intake, error, host, batch=batch),
            )

        self._history.add_drop(list(paths), host, recorded)

    def _expanded(
        self,
        drop: Drop | None,
        intake: Intake | None,
        error: BaseException | None,
        host: str,
        leftover: bool = False,
        batch: int | None = None,
    ) -> None:
        """A drop was expanded: ask about big folders, record its files, then queue them."""
        if intake is None:
            text = translate("Intake", "Could not read the dropped files: {error}")
            self._report.status(text.format(error=error), 0)
            if batch is not None:
                self._queue.add([], batch)
            return
        if self._closed:
            return  # recorded but not expanded: the next start lists its files
        files = self._confirm_folders(intake, leftover)
        if drop is None:
            self._queue_files(files, batch=batch)  # no history: upload them all the same
            return

        def recorded(entries: list[HistoryEntry] | None) -> None:
            if entries is None:
                if not leftover:
                    self._queue_files(files, batch=batch)
            elif leftover:
                self._list_leftovers(entries)
            else:
                self._queue_files([Path(e.path) for e in entries], entries, batch)

        self._history.record_drop(drop, files, host, recorded)

    def _confirm_folders(self, intake: Intake, leftover: bool) -> list[Path]:
        """The files to upload: folders of more than ``ASK_ABOVE`` images ask first."""
        files = intake.files
        count = intake.folder_images
        if count > ASK_ABOVE:
            names = ", ".join(
                translate("Intake", "“{folder}”").format(folder=folder.name)
                for folder in intake.folders
            )
            if leftover:
                question = translate(
                    "Intake",
                    "uploader-gui closed before you answered. "
                    "{folders} holds %n image(s). Upload all of them?",
                    None,
                    count,
                )
            else:
                question = translate(
                    "Intake", "{folders} holds %n image(s). Upload all of them?", None, count
                )
            if not self._dialogs.confirm(
                self._parent,
                translate("Intake", "Upload a whole folder?"),
                question.format(folders=names),
                translate("Intake", "Upload %n Image(s)", None, count),
            ):
                files = intake.without_folders()  # files named on their own stay
        empty = [folder.name for folder, n in intake.folders.items() if n == 0]
        if empty:
            text = translate("Intake", "No images found in {folders}")
            self._report.status(text.format(folders=", ".join(empty)), 6000)
        if intake.unreadable:
            unreadable = ", ".join(map(str, intake.unreadable))
            text = translate("Intake", "Some folders could not be read: {folders}")
            self._report.status(text.format(folders=unreadable), 8000)
        return files

    def _queue_files(
        self,
        paths: list[Path],
        entries: list[HistoryEntry] | None = None,
        batch: int | None = None,
    ) -> None:
        """Queue files, a chunk per event-loop turn so a big drop never blocks the window.

        ``entries`` are the files' history rows, already written, in the same order.
        """
        if batch is None:
            batch = self._queue.new_batch()
        chunk, rest = paths[:ADD_CHUNK], paths[ADD_CHUNK:]
        rows = later = None
        if entries is not None:
            rows, later = entries[:ADD_CHUNK], entries[ADD_CHUNK:]
        items = self._queue.add(chunk, batch, more_coming=bool(rest), entries=rows)
        self.listed.emit(items)
        if items and not self._queue.has_key and not self._queue.held:
            self._report.status(translate("Intake", "Waiting for an API key before uploading"), 0)
        if rest and not self._closed:
            QTimer.singleShot(0, self, lambda: self._queue_files(rest, later, batch))

    # -- what the last run left --------------------------------------------------------

    def restored(self, restored: Restored) -> None:
        """The history's start-up restore finished: list its files, ask what it must."""
        self._list_leftovers(restored.unfinished)
        host = self._destination()
        for drop, intake in restored.questions:
            self._expanded(drop, intake, None, host, leftover=True)

    def _list_leftovers(self, entries: list[HistoryEntry]) -> None:
        """Files a previous run did not finish: resumed, or listed as interrupted."""
        if self._closed or not entries:
            return
        resume = self._resume()
        items = self._queue.restore(entries, resume)
        self.listed.emit(items if resume else [])
        if not resume:
            self.interrupted.emit(len(items))

    # -- the clipboard, drags and the file dialog --------------------------------------

    def add_image_data(self, image: QImage, prefix: str, batch: int | None = None) -> None:
        """Save image data (pasted or dropped) as PNG in the background, then queue it."""
        copy = image.copy()

        def saved(path: Path | None, error: BaseException | None) -> None:
            if path is None:
                text = translate("Intake", "Could not keep the image: {error}")
                self._report.status(text.format(error=error), 0)
                if batch is not None:
                    self._queue.add([], batch)
            else:
                self.add_paths([path], batch)

        self._files.submit(lambda: save_image_data(copy, prefix), saved)

    def choose_files(self) -> None:
        self.add_paths(self._dialogs.open_images(self._parent))

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not self.take_mime(mime, "clipboard", from_clipboard=True):
            text = translate("Intake", "The clipboard holds no image or file to upload")
            self._report.status(text, 5000)

    def take_mime(
        self,
        mime: QMimeData,
        prefix: str,
        from_clipboard: bool = False,
        batch: int | None = None,
    ) -> bool:
        """Upload what ``mime`` holds (files, or image data); whether it held anything.
        ``batch``: as for :meth:`add_paths` (untouched when nothing was held)."""
        paths = local_paths(mime, from_clipboard)
        if paths:
            self.add_paths(paths, batch)
            return True
        if mime.hasImage():
            image = mime.imageData()
            if isinstance(image, QImage) and not image.isNull():
                self.add_image_data(image, prefix, batch)
                return True
            if isinstance(image, QPixmap) and not image.isNull():
                self.add_image_data(image.toImage(), prefix, batch)
                return True
        return False
