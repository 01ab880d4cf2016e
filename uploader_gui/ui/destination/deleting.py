"""Deleting an upload from its server: "Delete from Server…" in History and in Uploads.

A custom destination that declares a deletion request (``DeletionRequest`` in its ``.sxcu``)
is asked to delete, after a question: its secrets are read on the keyring's thread, and the
request goes out on a worker of its own, through a client made as Test's is (the network
settings uploads use). Only when the server says the file was deleted is the history marked
(every row that links to the file) and a status line says so; a refusal is said in a message
box, with the server's reason, and nothing is marked.

Without a declared request (ShareX's way; also a destination removed since) the deletion URL
is opened in the browser, after a question that says the upload is then marked deleted: the
page there asks to confirm, and uploader-gui cannot know what was answered.

A deleted upload's link is not copied any more (Copy skips it and says why) nor reused for
the same bytes; Open in Browser still opens it, to check that it is gone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from ...core.client_holder import ClientHolder
from ...core.destination import Destination
from ...core.destinations.uploader import Field
from ...core.errors import UploadError
from ...core.history import HistoryEntry, HistoryState
from ...core.i18n import translate
from ...core.urls import url_problem
from ..base.dialogs import Dialogs
from ..base.report import Report
from ..base.workers import Workers
from ..history.controller import HistoryController
from ..uploads.model import UploadItem
from ..uploads.queue import UploadQueue
from .book import DestinationBook


@dataclass(frozen=True)
class Deletable:
    """An upload that may be deleted from its server: its name, its link, where its server
    said it can be deleted, and the destination it went to (its id)."""

    name: str
    url: str
    deletion_url: str
    destination: str

    @property
    def file(self) -> tuple[str, str]:
        """The file on its server (rows that share it are deleted together)."""
        return self.url, self.destination

    @classmethod
    def of_entry(cls, entry: HistoryEntry) -> Deletable | None:
        if entry.state is not HistoryState.DONE or entry.deleted_at is not None:
            return None
        if not entry.url or not entry.deletion_url:
            return None
        return cls(entry.name, entry.url, entry.deletion_url, entry.destination)

    @classmethod
    def of_item(cls, item: UploadItem) -> Deletable | None:
        if not item.deletable or not item.url or not item.deletion_url:
            return None
        return cls(item.name, item.url, item.deletion_url, item.destination)


#: Each upload, and why it was not deleted (``None``: it was).
Outcomes = list[tuple[Deletable, str | None]]


def send_deletions(
    clients: ClientHolder,
    destination: Destination,
    secrets: Mapping[Field, str],
    targets: list[Deletable],
) -> Outcomes:
    """(On a worker.) Ask ``destination`` to delete each upload, with one client."""
    client = clients.probe(destination, "", secrets)
    outcomes: Outcomes = []
    try:
        for target in targets:
            try:
                client.delete(target.deletion_url)
            except UploadError as error:
                outcomes.append((target, str(error)))
            else:
                outcomes.append((target, None))
    finally:
        client.close()
    return outcomes


def _declares_deletion(destination: Destination | None) -> bool:
    custom = destination.custom if destination is not None else None
    return custom is not None and custom.deletion is not None


class DeletionParts(Protocol):
    """What deleting uses of the window's parts (``ui.parts.Parts`` has all of it)."""

    @property
    def book(self) -> DestinationBook: ...
    @property
    def queue(self) -> UploadQueue: ...
    @property
    def history(self) -> HistoryController: ...
    @property
    def workers(self) -> Workers: ...
    @property
    def dialogs(self) -> Dialogs: ...
    @property
    def report(self) -> Report: ...


class ServerDeletion(QObject):
    """Deletes uploads from their servers, or opens their deletion pages; marks them."""

    #: ``(url, destination id)``: the file is deleted from its server (rows follow it).
    deleted = Signal(str, str)

    def __init__(self, parts: DeletionParts, parent: QWidget) -> None:
        super().__init__(parent)
        self._book, self._clients, self._history = parts.book, parts.queue.clients, parts.history
        self._dialogs, self._report, self._parent = parts.dialogs, parts.report, parent
        self._pool = parts.workers.pool("deletions", 1)
        #: Files whose deletion was asked for and has not answered yet.
        self._pending: set[tuple[str, str]] = set()

    def delete(self, targets: list[Deletable]) -> None:
        """Delete ``targets`` (the selected uploads that can be), asking first."""
        unique = {t.file: t for t in targets if t.file not in self._pending}
        requests: dict[str, list[Deletable]] = {}
        pages: list[Deletable] = []
        for target in unique.values():
            if _declares_deletion(self._book.destination(target.destination)):
                requests.setdefault(target.destination, []).append(target)
            else:
                pages.append(target)
        if requests and self._confirm_requests(requests):
            for key, group in requests.items():
                self._request(key, group)
        if pages:
            self._open_pages(pages)

    # -- a declared deletion request ---------------------------------------------------

    def _confirm_requests(self, requests: dict[str, list[Deletable]]) -> bool:
        targets = [target for group in requests.values() for target in group]
        if len(targets) == 1:
            destination = self._book.destination(targets[0].destination)
            host = destination.host if destination is not None else ""
            text = translate("Destinations", "Delete {name} from {host}? Its link stops working.")
            text = text.format(name=targets[0].name, host=host)
        else:
            count = len(targets)  # (lupdate reads a plain name as the number only)
            text = translate(
                "Destinations",
                "Delete %n file(s) from their servers? Their links stop working.",
                None,
                count,
            )
        return self._dialogs.confirm(
            self._parent,
            translate("Destinations", "Delete from the server?"),
            text,
            translate("Destinations", "Delete from Server"),
        )

    def _request(self, key: str, targets: list[Deletable]) -> None:
        """Read ``key``'s secrets (keyring thread), then send the deletions (a worker)."""
        destination = self._book.destination(key)
        if destination is None:
            return  # (removed meanwhile)
        self._pending.update(target.file for target in targets)
        clients, pool = self._clients, self._pool

        def failed(error: BaseException | None) -> Outcomes:
            return [(target, str(error)) for target in targets]

        def sent(outcomes: Outcomes | None, error: BaseException | None) -> None:
            self._finished(destination, outcomes if outcomes is not None else failed(error))

        def read(secrets: dict[Field, str] | None, error: BaseException | None) -> None:
            if secrets is None:
                sent(None, error)
                return
            job = pool.submit(lambda: send_deletions(clients, destination, secrets, targets), sent)
            if job is None:  # closing
                self._pending.difference_update(target.file for target in targets)

        self._book.secrets(key, read)

    def _finished(self, destination: Destination, outcomes: Outcomes) -> None:
        self._pending.difference_update(target.file for target, _reason in outcomes)
        deleted = [target for target, reason in outcomes if reason is None]
        for target in deleted:
            self._mark(target)
        if len(deleted) == 1:
            text = translate("Destinations", "Deleted {name} from {host}")
            self._report.status(text.format(name=deleted[0].name, host=destination.host))
        elif deleted:
            count = len(deleted)
            text = translate("Destinations", "Deleted %n file(s) from {host}", None, count)
            self._report.status(text.format(host=destination.host))
        refused = [f"{target.name}: {reason}" for target, reason in outcomes if reason is not None]
        if refused:
            title = translate("Destinations", "Not deleted from {host}")
            self._report.inform(title.format(host=destination.host), "\n".join(refused))

    # -- the deletion page -------------------------------------------------------------

    def _open_pages(self, targets: list[Deletable]) -> None:
        problems = [
            f"{target.name}: {problem}"
            for target in targets
            if (problem := url_problem(target.deletion_url)) is not None
        ]
        if problems:
            title = translate("Destinations", "The deletion page cannot be opened")
            self._report.inform(title, "\n".join(problems))
            return
        if len(targets) == 1:
            text = translate(
                "Destinations",
                "Open the deletion page of {name} in your browser? uploader-gui marks it as "
                "deleted.",
            ).format(name=targets[0].name)
        else:
            count = len(targets)
            text = translate(
                "Destinations",
                "Open the deletion pages of %n file(s) in your browser? uploader-gui marks them "
                "as deleted.",
                None,
                count,
            )
        title = translate("Destinations", "Delete from the server?")
        if not self._dialogs.confirm(
            self._parent, title, text, translate("Destinations", "Open in Browser")
        ):
            return
        for target in targets:
            if QDesktopServices.openUrl(QUrl(target.deletion_url)):
                self._mark(target)
            else:
                text = translate("Destinations", "No browser opened the deletion page of {name}")
                self._report.status(text.format(name=target.name), 0)
                return
        self._report.status(translate("Destinations", "Marked as deleted from the server"))

    # -- marking -----------------------------------------------------------------------

    def _mark(self, target: Deletable) -> None:
        def written(_result: None, error: BaseException | None) -> None:
            if error is not None:
                title = translate("Destinations", "The history was not changed")
                self._report.inform(title, str(error))

        self._history.mark_deleted(target.url, target.destination, written)
        self.deleted.emit(target.url, target.destination)
