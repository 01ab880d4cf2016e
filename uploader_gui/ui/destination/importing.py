"""A ShareX custom uploader (``.sxcu``) handed to the window: dropped, pasted, opened with
uploader-gui (a second start hands it over), or named on the command line.

Each file is read and checked in the background (:meth:`.book.DestinationBook.read_file`);
then a question says what would be added (the name, where uploads go, which fields go to the
keyring, what was converted or left out). Only a yes adds it, whole: a refused file adds
nothing and a message box names the field and the reason. Once added, a second question
offers to upload there from now on.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ...core.destination import Destination
from ...core.destinations.store import PREFIX
from ...core.errors import ConfigurationError
from ...core.i18n import translate
from ..base.dialogs import Dialogs
from ..base.report import Report
from .book import DestinationBook, ReadDone
from .choice import DestinationChoice

if TYPE_CHECKING:
    # Reading a .sxcu (its syntax, XML, JSON paths) is loaded when the first one comes.
    from ...core.destinations.sxcu import Imported


def describe(imported: Imported, host: str) -> str:
    """The question before a destination is added: what it is, what goes to the keyring."""
    uploader = imported.uploader
    question = translate("Destinations", "Add {name} as a destination? Its uploads go to {host}.")
    paragraphs = [question.format(name=uploader.name, host=host)]
    if uploader.secrets:
        fields = ", ".join(f"{section.value} {name}" for section, name in sorted(uploader.secrets))
        kept = translate("Destinations", "Kept in the keyring, never in a file: {fields}.")
        paragraphs.append(kept.format(fields=fields))
    if uploader.deletion is not None:
        paragraphs.append(
            translate("Destinations", "It can delete what you upload from the server.")
        )
    if imported.notes:
        notes = [translate("Destinations", "Notes:"), *(f"• {note}" for note in imported.notes)]
        paragraphs.append("\n".join(notes))
    return "\n\n".join(paragraphs)


class DestinationFiles(QObject):
    """Adds the destinations of ``.sxcu`` files handed to the window, after asking."""

    def __init__(
        self,
        book: DestinationBook,
        choice: DestinationChoice,
        dialogs: Dialogs,
        report: Report,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._book, self._choice = book, choice
        self._dialogs, self._report, self._parent = dialogs, report, parent

    def add(self, paths: list[Path]) -> None:
        """Read each file in the background, then ask about it."""
        for path in paths:
            self._book.read_file(path, self._reader(path))

    def _reader(self, path: Path) -> ReadDone:
        def done(imported: Imported | None, reason: str | None) -> None:
            self._read(path, imported, reason)

        return done

    def _refused(self, path: Path, reason: str) -> None:
        title = translate("Destinations", "{file} was not added").format(file=path.name)
        text = translate("Destinations", "{file}: {reason}").format(file=path, reason=reason)
        self._report.inform(title, text)

    def _read(self, path: Path, imported: Imported | None, reason: str | None) -> None:
        if imported is None:
            self._refused(path, reason or "")
            return
        uploader = imported.uploader
        try:  # (the key is made when it is saved: any key checks the origin)
            host = Destination.of_uploader(PREFIX, uploader).host
        except ConfigurationError as error:
            self._refused(path, f"RequestURL: {error}")
            return
        if not self._dialogs.confirm(
            self._parent,
            translate("Destinations", "Add a destination?"),
            describe(imported, host),
            translate("Destinations", "Add Destination"),
        ):
            return
        try:
            key = self._book.save(None, uploader, imported.secrets)
        except OSError as error:
            self._refused(path, str(error))
            return
        added = translate("Destinations", "Added the destination {name} ({host})")
        self._report.status(added.format(name=uploader.name, host=host))
        if self._dialogs.confirm(
            self._parent,
            translate("Destinations", "Upload to {name}?").format(name=uploader.name),
            translate("Destinations", "Upload to {name} from now on?").format(name=uploader.name),
            translate("Destinations", "Upload to {name}").format(name=uploader.name),
        ):
            self._choice.choose(key)
