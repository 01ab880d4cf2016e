"""Settings ▸ Destinations: where uploads can go. ImagePipeline (built in: its URL and key are
on the General tab), then the custom destinations, which can be added, imported from a
ShareX ``.sxcu``, edited, duplicated, exported and removed.

Each button acts on the destinations at once (:class:`.book.DestinationBook` saves them);
OK and Cancel do not undo it, and the page says so. Which one uploads go to is chosen with
"Upload to" in the main window.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.destinations.store import Stored
from ...core.destinations.uploader import Field, Uploader
from ...core.i18n import translate
from ..base.dialogs import Dialogs
from ..base.plain_text import plain_label, tooltip
from ..base.report import Report
from ..destination.book import DestinationBook
from ..destination.choice import DestinationChoice
from ..destination.editor_check import fields_text
from ..destination.importing import DestinationFiles
from ..destination.jobs import DestinationJobs
from ..destination.picker import entry_text
from .destinations_export import export_destination


class DestinationsTab(QWidget):
    def __init__(
        self,
        book: DestinationBook,
        choice: DestinationChoice,
        jobs: DestinationJobs,
        dialogs: Dialogs,
        report: Report,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        book.refresh()  # what --import-destination added while the window was open
        self._book, self._choice, self._jobs = book, choice, jobs
        self._dialogs, self._report = dialogs, report
        self._files = DestinationFiles(book, choice, dialogs, report, self)
        self._listed: set[str] = set()
        hint = plain_label(
            translate(
                "Destinations",
                "Changes here are saved at once: OK and Cancel do not undo them. Choose where "
                "uploads go with “Upload to” in the main window.",
            )
        )
        hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("Destinations", "Destinations"))
        # A long entry is cut with "…" (its tooltip shows it whole), never scrolled sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setMinimumWidth(380)
        self.detail = plain_label()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        column = QVBoxLayout()
        column.addWidget(self.list, 1)
        column.addWidget(self.detail)
        row.addLayout(column, 1)
        row.addLayout(self._buttons())
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row, 1)
        self.list.currentItemChanged.connect(lambda _now, _before: self._selected())
        self.list.itemActivated.connect(lambda _item: self.edit())
        choice.changed.connect(self._refresh)  # (after every change of the book too)
        self._refresh()
        self.list.setCurrentRow(0)

    def _buttons(self) -> QVBoxLayout:
        column = QVBoxLayout()

        def button(text: str, tip: str, action: Callable[[], None]) -> QPushButton:
            made = QPushButton(text)
            made.setToolTip(tip)
            made.clicked.connect(action)
            column.addWidget(made)
            return made

        self.add_button = button(
            translate("Destinations", "&Add…"),
            translate("Destinations", "Describe a new destination: its request and its reply"),
            self.add,
        )
        self.import_button = button(
            translate("Destinations", "&Import…"),
            translate("Destinations", "Add the destination a ShareX custom uploader file holds"),
            self.import_file,
        )
        self.edit_button = button(
            translate("Destinations", "&Edit…"),
            translate("Destinations", "Change the destination, or test it"),
            self.edit,
        )
        self.duplicate_button = button(
            translate("Destinations", "D&uplicate"),
            translate("Destinations", "Add a copy of the destination, secrets included"),
            self.duplicate,
        )
        self.export_button = button(
            translate("Destinations", "E&xport…"),
            translate("Destinations", "Save the destination as a ShareX custom uploader file"),
            self.export,
        )
        self.remove_button = button(
            translate("Destinations", "&Remove"),
            translate("Destinations", "Remove the destination and its secrets"),
            self.remove,
        )
        column.addStretch(1)
        return column

    # -- the list ------------------------------------------------------------------------

    def _refresh(self) -> None:
        """List them again, keeping the selection; one that just appeared is selected."""
        current = self.current_key()
        entries = self._choice.entries()
        new = [key for key, _name, _host in entries if key and key not in self._listed]
        chosen = self._choice.chosen
        self.list.blockSignals(True)
        self.list.clear()
        for key, name, host in entries:
            text = entry_text(name, host)
            if key == chosen:
                text = translate("Destinations", "{entry} (in use)").format(entry=text)
            item = QListWidgetItem(text)
            item.setToolTip(tooltip(text))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(item)
        wanted = new[-1] if new and self._listed else current
        keys = [key for key, _name, _host in entries]
        self.list.setCurrentRow(keys.index(wanted) if wanted in keys else 0)
        self.list.blockSignals(False)
        self._listed = set(keys)
        self._selected()

    def current_key(self) -> str | None:
        """The selected destination's key ("" for ImagePipeline), if one is selected."""
        item = self.list.currentItem()
        key = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return key if isinstance(key, str) else None

    def _current(self) -> Stored | None:
        key = self.current_key()
        return self._book.find(key) if key else None

    def _selected(self) -> None:
        stored = self._current()
        for button in (
            self.edit_button,
            self.duplicate_button,
            self.export_button,
            self.remove_button,
        ):
            button.setEnabled(stored is not None)
        if stored is None:
            text = translate(
                "Destinations",
                "ImagePipeline is built in: its API URL and key are set on the General tab. "
                "It cannot be removed.",
            )
        else:
            text = translate("Destinations", "Uploads go to {url}").format(
                url=stored.uploader.request_url
            )
            if stored.uploader.secrets:
                kept = translate("Destinations", "Kept in the keyring: {fields}.")
                text += "\n" + kept.format(fields=fields_text(stored.uploader.secrets))
        self.detail.setText(text)

    # -- the buttons ---------------------------------------------------------------------

    def add(self) -> None:
        edited = self._dialogs.edit_destination(self, None, frozenset(), self._jobs.tester(None))
        if edited is not None:
            self._save(None, edited.uploader, dict(edited.secrets))

    def import_file(self) -> None:
        path = self._dialogs.open_file(
            self,
            translate("Destinations", "Import a ShareX Custom Uploader"),
            translate("Destinations", "ShareX custom uploaders (*.sxcu);;All files (*)"),
        )
        if path is not None:
            self._files.add([path])

    def edit(self) -> None:
        """Read which secrets the keyring holds (on its thread), then open the editor."""
        stored = self._current()
        if stored is None:
            return
        key = stored.key

        def read(found: dict[Field, str] | None, error: BaseException | None) -> None:
            if not shiboken6.isValid(self) or self._book.find(key) != stored:
                return  # Settings closed, or the destination changed meanwhile
            if found is None:
                title = translate("Destinations", "The keyring could not be read")
                self._report.inform(title, str(error))
                return
            edited = self._dialogs.edit_destination(
                self, stored.uploader, frozenset(found), self._jobs.tester(key)
            )
            if edited is None:
                return
            uploader = edited.uploader
            kept = {field: value for field, value in found.items() if field in uploader.secrets}
            secrets = {**kept, **edited.secrets}
            unchanged = not edited.secrets and uploader.secrets == stored.uploader.secrets
            self._save(key, uploader, None if unchanged else secrets)

        self._book.secrets(key, read)

    def _save(self, key: str | None, uploader: Uploader, secrets: dict[Field, str] | None) -> None:
        try:
            self._book.save(key, uploader, secrets)
        except OSError as error:
            title = translate("Destinations", "The destination was not saved")
            self._report.inform(title, str(error))
            return
        text = translate("Destinations", "Saved the destination {name}")
        self._report.status(text.format(name=uploader.name))

    def duplicate(self) -> None:
        stored = self._current()
        if stored is None:
            return
        name = translate("Destinations", "{name} (copy)").format(name=stored.uploader.name)
        try:
            self._book.duplicate(stored.key, name)
        except OSError as error:
            title = translate("Destinations", "The destination was not duplicated")
            self._report.inform(title, str(error))

    def export(self) -> None:
        stored = self._current()
        if stored is not None:
            export_destination(self, stored, self._book, self._jobs, self._dialogs, self._report)

    def remove(self) -> None:
        stored = self._current()
        if stored is None:
            return
        name = stored.uploader.name
        paragraphs = [
            translate(
                "Destinations",
                "{name} is removed from your destinations. Links already uploaded keep working.",
            ).format(name=name)
        ]
        if stored.uploader.secrets:
            text = translate("Destinations", "Its secrets are deleted from the keyring: {fields}.")
            paragraphs.append(text.format(fields=fields_text(stored.uploader.secrets)))
        if stored.key == self._choice.chosen:
            paragraphs.append(translate("Destinations", "Uploads go to ImagePipeline from now on."))
        if not self._dialogs.confirm(
            self,
            translate("Destinations", "Remove {name}?").format(name=name),
            "\n\n".join(paragraphs),
            translate("Destinations", "Remove"),
        ):
            return
        try:
            self._book.remove(stored.key)
        except OSError as error:
            title = translate("Destinations", "The destination was not removed")
            self._report.inform(title, str(error))
            return
        self._report.status(translate("Destinations", "Removed {name}").format(name=name))
