"""The real, modal dialogs behind the :class:`.base.dialogs.Dialogs` seam.

It opens the features' own dialogs (the key dialog, Settings), so it stands beside the
composition root, above the features; every part only knows the seam.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, SignalInstance
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..core.i18n import translate
from .base.dialog_types import KeyAnswer, KeyStatus, KeyTester, SettingsValues
from .base.dialogs import SettingsPage, image_filter

if TYPE_CHECKING:
    from ..core.destinations.uploader import Field, Uploader
    from .base.destination_types import DestinationTester, EditedDestination


class ModalDialogs:
    """The real, modal dialogs."""

    def __init__(self) -> None:
        #: The features' pages of the settings dialog, in the order they were added.
        self._settings_pages: list[SettingsPage] = []

    def confirm(self, parent: QWidget, title: str, text: str, accept_label: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a file's name
        accept = box.addButton(accept_label, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(accept)
        box.exec()
        return box.clickedButton() is accept

    def ask_key(
        self,
        parent: QWidget,
        host: str,
        reason: str = "",
        backend: str | None = None,
        tester: KeyTester | None = None,
    ) -> KeyAnswer:
        from .destination.key_dialog import KeyDialog  # loaded when first needed, not at start-up

        dialog = KeyDialog(parent, host, reason=reason, backend=backend, tester=tester)
        dialog.exec()
        answer = dialog.answer()
        dialog.deleteLater()
        return answer

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a file's name or a server
        box.exec()

    def save_file(self, parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
        """A path to save to, with the chosen filter's extension if none was typed."""
        name, chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        if not name:
            return None
        path = Path(name)
        if not path.suffix and "*." in chosen:
            path = path.with_suffix(chosen.split("*", 1)[1].split(")", 1)[0])
        return path

    def open_images(self, parent: QWidget) -> list[Path]:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        title = translate("Dialogs", "Add images")
        names, _ = QFileDialog.getOpenFileNames(parent, title, start, image_filter())
        return [Path(name) for name in names]

    def open_file(self, parent: QWidget, title: str, filters: str) -> Path | None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
        name, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
        return Path(name) if name else None

    def choose(self, parent: QWidget, title: str, text: str, choices: Sequence[str]) -> int | None:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a destination's name
        buttons = [box.addButton(label, QMessageBox.ButtonRole.AcceptRole) for label in choices]
        box.addButton(QMessageBox.StandardButton.Cancel)
        if buttons:
            box.setDefaultButton(buttons[0])
        box.exec()
        clicked = box.clickedButton()
        return next((i for i, button in enumerate(buttons) if button is clicked), None)

    def edit_destination(
        self,
        parent: QWidget,
        uploader: Uploader | None,
        secrets_known: frozenset[Field],
        tester: DestinationTester,
    ) -> EditedDestination | None:
        from .destination.editor import DestinationEditor

        editor = DestinationEditor(parent, uploader, secrets_known, tester)
        accepted = editor.exec() == DestinationEditor.DialogCode.Accepted
        edited = editor.edited() if accepted else None
        editor.deleteLater()
        return edited

    def add_settings_page(self, title: str, make: Callable[[QWidget], QWidget]) -> None:
        self._settings_pages.append((title, make))

    def edit_settings(
        self,
        parent: QWidget,
        values: SettingsValues,
        key: KeyStatus,
        default_url: str,
        key_changes: SignalInstance,
        on_change_key: Callable[[], None],
        on_remove_key: Callable[[], None],
    ) -> SettingsValues | None:
        from .settings.dialog import SettingsDialog

        dialog = SettingsDialog(parent, values, key, default_url, self._settings_pages)
        dialog.change_key_requested.connect(on_change_key)
        dialog.remove_key_requested.connect(on_remove_key)
        key_changes.connect(dialog.set_key_status)
        try:
            accepted = dialog.exec() == SettingsDialog.DialogCode.Accepted
        finally:
            key_changes.disconnect(dialog.set_key_status)
        result = dialog.values() if accepted else None
        dialog.deleteLater()
        return result
