"""The GUI thread never calls SQLite, the network or the keyring (see ``thread_guard``).

A whole session is driven like a user would, against the sandbox server, with every such
call recorded with its thread; the guard itself is tested first.
"""

from __future__ import annotations

import contextlib
import csv
import io
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import keyring
import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import MemoryKeyring
from tests.gui.conftest import FAST, ScriptedDialogs, drop_files, make_window, shut, wait_finished
from tests.gui.thread_guard import (
    GuiThreadGuard,
    GuiThreadViolation,
    gui_thread_guard_fixture,  # noqa: F401  (the gui_thread_guard fixture)
)
from tests.images import png_bytes, write
from uploader_gui.core.credentials import SERVICE, Credentials
from uploader_gui.core.history import HistoryState, HistoryStore
from uploader_gui.core.links import LinkFormat
from uploader_gui.core.urls import api_host
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.destination.key_dialog import KeyAnswer, KeyCheck, KeyChoice, KeyTester
from uploader_gui.ui.history.view import HistoryPanel
from uploader_gui.ui.main_window import MainWindow
from uploader_gui.ui.settings.dialog import SettingsValues
from uploader_gui.ui.settings.store import Settings
from uploader_gui.ui.uploads.model import FailureKind, State


def _touch_everything(sandbox: SandboxServer, db: Path) -> None:
    """SQLite (raw and through the app's store), HTTP and the keyring, once each."""
    with contextlib.closing(sqlite3.connect(":memory:")) as connection:
        connection.execute("select 1")
    store = HistoryStore(db)
    store.count()
    store.close()
    httpx.get(f"{sandbox.url}/health")
    Credentials(env={}).lookup(sandbox.url)


def test_the_guard_reports_calls_made_on_the_gui_thread(
    sandbox: SandboxServer,
    memory_keyring: MemoryKeyring,
    gui_thread_guard: GuiThreadGuard,
    tmp_path: Path,
) -> None:
    guard = gui_thread_guard
    _touch_everything(sandbox, tmp_path / "history.sqlite3")
    bad = guard.on_gui_thread()
    assert {call.kind for call in bad} == {"sqlite", "http", "keyring"}
    assert [(c.what, c.detail) for c in bad[:2]] == [
        ("connect", ":memory:"),
        ("execute", "select 1"),
    ]
    assert any(c.detail == "SELECT COUNT(*) FROM uploads" for c in bad)
    assert any(c.made_by == "core/history/store.py count" for c in bad)
    assert any(c.made_by == "core/credentials.py lookup" for c in bad)
    assert sandbox.key not in guard.report()  # keyring entries are named, keys never shown
    with pytest.raises(GuiThreadViolation, match="select 1"):
        guard.check()


def test_the_guard_lets_workers_and_the_tests_own_paused_reads_pass(
    sandbox: SandboxServer,
    memory_keyring: MemoryKeyring,
    gui_thread_guard: GuiThreadGuard,
    tmp_path: Path,
) -> None:
    guard = gui_thread_guard
    worker = threading.Thread(
        target=_touch_everything, args=(sandbox, tmp_path / "history.sqlite3"), name="worker"
    )
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive()
    with guard.paused():
        HistoryStore(tmp_path / "history.sqlite3").count()
        keyring.get_password(SERVICE, "example.org")
    guard.check()
    seen = guard.off_gui_thread()
    assert {call.kind for call in seen} == {"sqlite", "http", "keyring"}
    assert {call.thread for call in seen} == {"worker"}


@dataclass
class KeyTestingDialogs(ScriptedDialogs):
    """Also presses the key dialog's Test button, as a careful user would."""

    checks: list[KeyCheck] = field(default_factory=list)

    def ask_key(
        self,
        parent: QWidget,
        host: str,
        reason: str = "",
        backend: str | None = None,
        tester: KeyTester | None = None,
    ) -> KeyAnswer:
        answer = super().ask_key(parent, host, reason, backend, tester)
        if tester is not None and answer.choice is KeyChoice.KEY:
            tester(answer.key, self.checks.append)
        return answer


# -- reaching the window ---------------------------------------------------------------
# Through what a user has (shortcuts, the History tab's widgets) wherever possible, so the
# session survives the window being reshaped; the key is set up through the two functions
# below, the only ones that name the window's own methods.


def load_key(window: MainWindow) -> None:
    """Look the key up (environment, keyring), as the app does at start."""
    window.keys.load()


def use_key(window: MainWindow, api_url: str, key: str) -> None:
    window.keys.use_key(api_url, key)


def action(window: MainWindow, shortcut: str | QKeySequence.StandardKey) -> QAction:
    """The window's action for this shortcut."""
    wanted = QKeySequence(shortcut)
    found = {
        a for a in [*window.actions(), *window.findChildren(QAction)] if wanted in a.shortcuts()
    }
    assert len(found) == 1, f"{wanted.toString()}: {[a.text() for a in found]}"
    return found.pop()


def press(qtbot: QtBot, window: MainWindow, shortcut: str | QKeySequence.StandardKey) -> None:
    """Trigger the action bound to ``shortcut`` once it is enabled, as the keys would."""
    target = action(window, shortcut)
    qtbot.waitUntil(target.isEnabled)
    target.trigger()


def history_panel(window: MainWindow) -> HistoryPanel:
    panel = window.findChild(HistoryPanel)
    assert panel is not None, "the History tab has not been shown"
    return panel


def test_a_whole_session_keeps_sqlite_network_and_keyring_off_the_gui_thread(
    qtbot: QtBot,
    sandbox: SandboxServer,
    memory_keyring: MemoryKeyring,
    gui_thread_guard: GuiThreadGuard,
    tmp_path: Path,
) -> None:
    guard = gui_thread_guard
    host = api_host(sandbox.url)
    dialogs = KeyTestingDialogs()

    # A previous run crashed with a file not uploaded and a folder drop not yet expanded;
    # the key is in the keyring.
    left = write(tmp_path / "left.png", png_bytes(seed=10))
    album = tmp_path / "album"
    album.mkdir()
    for i in range(2):
        write(album / f"album{i}.png", png_bytes(seed=20 + i))
    with guard.paused():
        store = HistoryStore()
        store.add([(str(left), left.name, host)])
        store.add_drop([album], host)
        store.close()
        Credentials(env={}).save(sandbox.url, sandbox.key)

    # Start: the key comes from the keyring; what the crash left is listed, then retried.
    window = make_window(qtbot, sandbox.url, dialogs)
    load_key(window)
    qtbot.waitUntil(lambda: window.queue.has_key, timeout=5000)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=5000)
    assert {item.failure for item in window.model.items()} == {FailureKind.INTERRUPTED}
    press(qtbot, window, "Ctrl+Shift+R")  # Retry All Failed
    qtbot.waitUntil(
        lambda: [item.state for item in window.model.items()] == [State.DONE] * 3,
        timeout=10_000,
    )

    # Drop files.
    red = write(tmp_path / "red.png", png_bytes(seed=1))
    green = write(tmp_path / "green.png", png_bytes(seed=2))
    notes = write(tmp_path / "notes.txt", b"text")
    drop_files(window, [red, green, notes])
    items = wait_finished(qtbot, window, 6)
    assert [item.state for item in items].count(State.FAILED) == 1  # the text file

    # The History tab: search, export, remove an entry, clear.
    press(qtbot, window, "Ctrl+2")
    assert window.showing_history
    panel = history_panel(window)
    model = panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 6)
    panel.search.setText("green")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.entry_at(0).name == "green.png"
    panel.search.setText("")
    qtbot.waitUntil(lambda: model.rowCount() == 6)

    dialogs.save_answer = tmp_path / "export.csv"
    panel.export_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "export.csv").exists())
    rows = list(csv.DictReader(io.StringIO((tmp_path / "export.csv").read_text())))
    assert len(rows) == 6

    row = next(r for r in range(6) if model.entry_at(r).name == "red.png")
    panel.view.selectionModel().select(
        model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    press(qtbot, window, QKeySequence.StandardKey.Delete)  # Remove
    qtbot.waitUntil(lambda: model.rowCount() == 5)

    dialogs.confirm_answer = True
    panel.clear_button.click()
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    assert len(dialogs.confirms) == 1

    # Settings, applied at once.
    dialogs.settings_answer = SettingsValues(
        api_url=sandbox.url,
        concurrency=2,
        retries=2,
        auto_copy=False,
        copy_format="markdown",
    )
    press(qtbot, window, "Ctrl+,")
    assert dialogs.settings_shown
    assert window.top_bar.format_combo.currentData() == LinkFormat.MARKDOWN.value
    saved = Settings()
    assert (saved.concurrency, saved.retries, saved.auto_copy) == (2, 2, False)
    window.queue.set_retry_policy(FAST)

    # The server rejects the key (401): the key dialog asks, tests and saves a new one. The
    # History tab, still open, follows the upload as it is recorded.
    use_key(window, sandbox.url, "wrong-key")
    dialogs.key_answers = [KeyAnswer(KeyChoice.KEY, sandbox.key, remember=True)]
    drop_files(window, [write(tmp_path / "after-401.png", png_bytes(seed=3))])
    qtbot.waitUntil(
        lambda: window.model.rowCount() == 7 and window.model.items()[-1].state is State.DONE,
        timeout=10_000,
    )
    assert len(dialogs.key_prompts) == 1
    assert "rejected" in dialogs.key_prompts[0]
    qtbot.waitUntil(lambda: bool(dialogs.checks), timeout=5000)
    assert dialogs.checks[0].accepted is True
    qtbot.waitUntil(
        lambda: any(c.what == "set_password" for c in guard.off_gui_thread("keyring")),
        timeout=5000,
    )
    qtbot.waitUntil(
        lambda: model.rowCount() == 1 and model.entry_at(0).state is HistoryState.DONE,
        timeout=5000,
    )

    shut(qtbot, window)
    with guard.paused():
        assert HistoryStore().count() == 1  # what was uploaded after Clear All
        assert memory_keyring.secrets == {(SERVICE, host): sandbox.key}

    # Each kind of work did happen, off the GUI thread; nothing of it on the GUI thread.
    assert {call.kind for call in guard.off_gui_thread()} == {"sqlite", "http", "keyring"}
    guard.check()
