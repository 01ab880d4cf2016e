"""Fixtures for the window: a real MainWindow uploading to the real sandbox server."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from uploader_gui.core.prepare.options import PrepareOptions
from uploader_gui.core.retry import RetryPolicy
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.app import compose
from uploader_gui.ui.destination.key_dialog import KeyAnswer, KeyChoice, KeyTester
from uploader_gui.ui.main_window import MainWindow
from uploader_gui.ui.settings.dialog import KeyStatus, SettingsValues
from uploader_gui.ui.settings.store import Settings
from uploader_gui.ui.uploads.model import UploadItem

FAST = RetryPolicy(retries=3, base_delay=0.01, max_delay=0.05)


@dataclass
class ScriptedDialogs:
    """Answers the window's questions without a modal loop, and records them."""

    confirm_answer: bool = True
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

    def confirm(self, parent: QWidget, title: str, text: str, accept_label: str) -> bool:
        self.confirms.append(text)
        return self.confirm_answer

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

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        self.informed.append(f"{title}: {text}")

    def save_file(self, parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
        return self.save_answer

    def open_images(self, parent: QWidget) -> list[Path]:
        return list(self.open_answer)

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


def make_window(qtbot: QtBot, api_url: str, dialogs: ScriptedDialogs) -> MainWindow:
    window = compose(Settings(), api_url, dialogs=dialogs)
    window.queue.set_retry_policy(FAST)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def send_as_is(window: MainWindow | None = None) -> None:
    """Tests of the upload mechanics use stand-in images (a real header, random bytes) that
    no metadata library can read: they are sent as they are, not prepared. In settings.ini
    for a child process (``window`` None), else for this window's queue."""
    if window is not None:
        window.queue.prepare_options = PrepareOptions(remove_metadata=False, convert=False)
        return
    settings = Settings()
    settings.remove_metadata = False
    settings.convert_formats = False
    settings.sync()


def shut(qtbot: QtBot, window: MainWindow) -> None:
    """Close like a user and wait until the window has really let go."""
    if shiboken6.isValid(window) and window.isVisible():
        window.close()
        # pytest-qt may delete the window once it has closed.
        qtbot.waitUntil(
            lambda: not shiboken6.isValid(window) or not window.isVisible(), timeout=3000
        )


@pytest.fixture
def window(qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs) -> Iterator[MainWindow]:
    win = make_window(qtbot, sandbox.url, dialogs)
    win.keys.use_key(sandbox.url, sandbox.key)
    yield win
    shut(qtbot, win)


def drop_files(target: QWidget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    drop_mime(target, mime)


def drop_mime(target: QWidget, mime: QMimeData) -> bool:
    """A synthetic drag-enter then drop; returns whether the drop was accepted."""
    pos = QPointF(20, 20)
    buttons = Qt.MouseButton.LeftButton
    mods = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def wait_finished(
    qtbot: QtBot, window: MainWindow, count: int, timeout: int = 10_000
) -> list[UploadItem]:
    def check() -> None:
        items = window.model.items()
        assert len(items) == count
        assert all(item.state.finished for item in items), [i.state for i in items]

    qtbot.waitUntil(check, timeout=timeout)
    return window.model.items()
