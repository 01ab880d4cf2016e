"""Fixtures for the window: a real MainWindow uploading to the real sandbox server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.helpers import FAST as FAST  # (re-exported: window tests import them here)
from tests.ui.helpers import ScriptedDialogs as ScriptedDialogs
from tests.ui.helpers import dialogs as dialogs  # the shared fixture
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.app import compose
from uploader_gui.ui.main_window import MainWindow
from uploader_gui.ui.settings.store import Settings
from uploader_gui.ui.uploads.model import UploadItem

#: A sandbox ``latency`` (seconds) longer than any test may run (pytest's timeout): the
#: server takes the body, then answers only when it stops, after the test. Whatever a test
#: sees happen meanwhile did not wait for that answer.
SILENT_S = 3600.0


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
    for a child process (``window`` None), else in this window's settings."""
    settings = Settings() if window is None else window.queue.settings
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


def settle(qtbot: QtBot, window: MainWindow, timeout: int = 10_000) -> None:
    """Until the window's background work has finished and every result was delivered
    (and whatever that started at once has finished too): nothing already under way can
    change what the test checks next. For checks that something did *not* happen."""
    workers = window.parts.workers

    def quiet() -> bool:
        QCoreApplication.processEvents()  # results, and the zero-delay timers they start
        return workers.idle

    qtbot.waitUntil(lambda: quiet() and quiet(), timeout=timeout)


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
