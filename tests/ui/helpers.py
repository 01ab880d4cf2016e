"""What the tests of the Qt parts (tests/ui) and of the window (tests/gui) share: dialogs
that answer without a modal loop, and a retry policy that does not make tests wait.

The window tests build on the parts' tests, never the other way round: tests/ui imports
nothing from tests/gui (tests/test_suite_layers.py checks it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from uploader_gui.core.destinations.uploader import Field, Uploader
from uploader_gui.core.retry import RetryPolicy
from uploader_gui.ui.base.destination_types import DestinationTester, EditedDestination
from uploader_gui.ui.destination.key_dialog import KeyAnswer, KeyChoice, KeyTester
from uploader_gui.ui.settings.dialog import KeyStatus, SettingsValues

FAST = RetryPolicy(retries=3, base_delay=0.01, max_delay=0.05)


@dataclass
class ScriptedDialogs:
    """Answers the window's questions without a modal loop, and records them."""

    confirm_answer: bool = True
    #: Answers to the next questions, in order (then :attr:`confirm_answer`).
    confirm_answers: list[bool] = field(default_factory=list)
    key_answers: list[KeyAnswer] = field(default_factory=list)
    confirms: list[str] = field(default_factory=list)
    key_prompts: list[str] = field(default_factory=list)
    key_backends: list[str | None] = field(default_factory=list)
    informed: list[str] = field(default_factory=list)
    #: What the settings dialog "returns"; ``None`` is Cancel.
    settings_answer: SettingsValues | None = None
    settings_shown: list[KeyStatus] = field(default_factory=list)
    save_answer: Path | None = None
    #: What "Add images…" picks.
    open_answer: list[Path] = field(default_factory=list)
    #: What a dialog that opens one file (Import…) picks; ``None`` is Cancel.
    open_file_answer: Path | None = None
    #: The questions with choices asked, and what is pressed (the first choice when none
    #: is left; ``None`` is Cancel).
    choices: list[str] = field(default_factory=list)
    choose_answers: list[int | None] = field(default_factory=list)
    #: The destination editor's openings ``(uploader, secrets_known, tester)``, and what
    #: it answers (``None``, Cancel, when none is left).
    destination_edits: list[tuple[Uploader | None, frozenset[Field], DestinationTester]] = field(
        default_factory=list
    )
    destination_answers: list[EditedDestination | None] = field(default_factory=list)
    #: The features' settings pages: ``(title, make)``.
    settings_pages: list[tuple[str, Callable[[QWidget], QWidget]]] = field(default_factory=list)

    def confirm(self, parent: QWidget, title: str, text: str, accept_label: str) -> bool:
        self.confirms.append(text)
        return self.confirm_answers.pop(0) if self.confirm_answers else self.confirm_answer

    def ask_key(
        self,
        parent: QWidget,
        host: str,
        reason: str = "",
        backend: str | None = None,
        tester: KeyTester | None = None,
    ) -> KeyAnswer:
        self.key_prompts.append(reason)
        self.key_backends.append(backend)
        return self.key_answers.pop(0) if self.key_answers else KeyAnswer(KeyChoice.CANCEL)

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        self.informed.append(f"{title}: {text}")

    def save_file(self, parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
        return self.save_answer

    def open_images(self, parent: QWidget) -> list[Path]:
        return list(self.open_answer)

    def open_file(self, parent: QWidget, title: str, filters: str) -> Path | None:
        return self.open_file_answer

    def choose(self, parent: QWidget, title: str, text: str, choices: Sequence[str]) -> int | None:
        self.choices.append(text)
        return self.choose_answers.pop(0) if self.choose_answers else 0

    def edit_destination(
        self,
        parent: QWidget,
        uploader: Uploader | None,
        secrets_known: frozenset[Field],
        tester: DestinationTester,
    ) -> EditedDestination | None:
        self.destination_edits.append((uploader, secrets_known, tester))
        return self.destination_answers.pop(0) if self.destination_answers else None

    def add_settings_page(self, title: str, make: Callable[[QWidget], QWidget]) -> None:
        self.settings_pages.append((title, make))

    def edit_settings(
        self,
        parent: QWidget,
        values: SettingsValues,
        key: KeyStatus,
        default_url: str,
        key_changes: object,
        on_change_key: object,
        on_remove_key: object,
    ) -> SettingsValues | None:
        self.settings_shown.append(key)
        return self.settings_answer


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()
