"""Every modal dialog the app opens, behind one seam: the :class:`Dialogs` protocol.

Only an implementation of :class:`Dialogs` opens a modal dialog. The app uses
:class:`..modal_dialogs.ModalDialogs` (it opens the features' own dialogs, so it stands above
them); tests pass a scripted stand-in, so no modal ``exec()`` ever blocks them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from ...core.i18n import translate
from .dialog_types import KeyAnswer, KeyChoice, KeyStatus, KeyTester, SettingsValues

__all__ = ["Dialogs", "KeyAnswer", "KeyChoice", "image_filter"]

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
