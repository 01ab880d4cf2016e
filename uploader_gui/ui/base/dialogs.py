"""Every modal dialog the app opens, behind one seam: the :class:`Dialogs` protocol.

Only an implementation of :class:`Dialogs` opens a modal dialog. The app uses
:class:`..modal_dialogs.ModalDialogs` (it opens the features' own dialogs, so it stands above
them); tests pass a scripted stand-in, so no modal ``exec()`` ever blocks them.

A feature that has a page in Settings hands its maker to :meth:`Dialogs.add_settings_page`
when the app is composed (Settings ▸ Destinations): the settings dialog shows it after its
own tabs, and the page acts on its feature directly, not on OK or Cancel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from ...core.i18n import translate
from .dialog_types import KeyAnswer, KeyChoice, KeyStatus, KeyTester, SettingsValues

if TYPE_CHECKING:
    from ...core.destinations.uploader import Field, Uploader
    from .destination_types import DestinationTester, EditedDestination

__all__ = ["Dialogs", "KeyAnswer", "KeyChoice", "SettingsPage", "image_filter"]

#: A page of the settings dialog: its tab's title and what makes it (given the dialog).
SettingsPage = tuple[str, Callable[[QWidget], QWidget]]

#: The file patterns the Add Images dialog offers first.
IMAGE_PATTERNS = "*.png *.jpg *.jpeg *.webp *.gif"


def image_filter() -> str:
    """The Add Images dialog's filters: "Images (*.png …);;All files (*)"."""
    images = translate("Dialogs", "Images ({patterns})").format(patterns=IMAGE_PATTERNS)
    everything = translate("Dialogs", "All files (*)")
    return f"{images};;{everything}"


class Dialogs(Protocol):
    """The questions the app asks. Each call returns the answer (modal, or scripted)."""

    def confirm(self, parent: QWidget, title: str, text: str, accept_label: str) -> bool: ...

    def ask_key(
        self,
        parent: QWidget,
        host: str,
        reason: str = "",
        backend: str | None = None,
        tester: KeyTester | None = None,
    ) -> KeyAnswer: ...

    def inform(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def save_file(
        self, parent: QWidget, title: str, suggested: str, filters: str
    ) -> Path | None: ...

    def open_images(self, parent: QWidget) -> list[Path]: ...

    def open_file(self, parent: QWidget, title: str, filters: str) -> Path | None:
        """One existing file to read (``filters`` as Qt writes them: "Name (*.ext);;…")."""
        ...

    def choose(self, parent: QWidget, title: str, text: str, choices: Sequence[str]) -> int | None:
        """A question with a button per choice (the first is the default) and Cancel: the
        index of the one pressed, ``None`` for Cancel."""
        ...

    def edit_destination(
        self,
        parent: QWidget,
        uploader: Uploader | None,
        secrets_known: frozenset[Field],
        tester: DestinationTester,
    ) -> EditedDestination | None:
        """Edit a custom destination (``None``: a new one); ``secrets_known`` are the secret
        fields the keyring holds a value for (left empty, they keep it)."""
        ...

    def add_settings_page(self, title: str, make: Callable[[QWidget], QWidget]) -> None:
        """The settings dialog shows the page ``make(dialog)`` makes, as tab ``title``."""
        ...

    def edit_settings(
        self,
        parent: QWidget,
        values: SettingsValues,
        key: KeyStatus,
        default_url: str,
        key_changes: SignalInstance,
        on_change_key: Callable[[], None],
        on_remove_key: Callable[[], None],
    ) -> SettingsValues | None: ...
