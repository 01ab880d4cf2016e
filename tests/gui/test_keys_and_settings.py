"""The key in the window: first run, keyring, no keyring, environment, settings."""

from __future__ import annotations

from argparse import Namespace
from collections.abc import Callable
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from tests.conftest import MemoryKeyring
from tests.gui.conftest import FAST, ScriptedDialogs, drop_files, make_window, shut, wait_finished
from tests.images import png_bytes, write
from uploader_gui.core.config import DEFAULT_API_URL
from uploader_gui.core.credentials import SERVICE, Credentials, KeySource
from uploader_gui.core.history import HistoryStore
from uploader_gui.core.urls import api_host
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.app import create_window
from uploader_gui.ui.base.actions import ActionId
from uploader_gui.ui.destination.key_dialog import KeyAnswer, KeyCheck, KeyChoice, KeyDialog
from uploader_gui.ui.main_window import MainWindow
from uploader_gui.ui.settings.dialog import KeyStatus, SettingsDialog, SettingsValues
from uploader_gui.ui.uploads.model import State


def wait_key(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.queue.has_key, timeout=5000)


def test_first_run_asks_saves_to_the_keyring_and_starts_waiting_files(
    qtbot: QtBot,
    sandbox: SandboxServer,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    window = make_window(qtbot, sandbox.url, dialogs)
    drop_files(window, [write(tmp_path / "first.png", png_bytes())])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    dialogs.key_answers = [KeyAnswer(KeyChoice.KEY, sandbox.key, remember=True)]
    window.keys.load()
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.DONE
    assert dialogs.key_prompts == [""]  # the welcome, asked once
    assert dialogs.key_backends[0]  # the dialog was told which keyring keeps the key
    qtbot.waitUntil(lambda: window.keys.source is KeySource.KEYRING)
    assert memory_keyring.secrets == {(SERVICE, api_host(sandbox.url)): sandbox.key}
    shut(qtbot, window)


def test_a_key_in_the_keyring_is_used_without_asking(
    qtbot: QtBot,
    sandbox: SandboxServer,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    Credentials(env={}).save(sandbox.url, sandbox.key)
    window = make_window(qtbot, sandbox.url, dialogs)
    window.keys.load()
    wait_key(qtbot, window)
    assert window.keys.source is KeySource.KEYRING
    drop_files(window, [write(tmp_path / "k.png", png_bytes())])
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.DONE
    assert dialogs.key_prompts == []
    shut(qtbot, window)


def test_no_keyring_says_so_and_the_session_key_works(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    window = make_window(qtbot, sandbox.url, dialogs)
    dialogs.key_answers = [KeyAnswer(KeyChoice.KEY, sandbox.key, remember=False)]
    window.keys.load()
    wait_key(qtbot, window)
    assert dialogs.key_backends == [None]  # the dialog explains there is no keyring
    assert window.keys.source is KeySource.SESSION
    status = window.keys.status()
    assert "for this session only" in status.text
    assert status.backend == "no secure keyring"
    drop_files(window, [write(tmp_path / "s.png", png_bytes())])
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.DONE
    shut(qtbot, window)


def test_a_failed_save_is_reported_and_the_key_still_works(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    class Locked(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise keyring.errors.KeyringLocked("collection is locked")

    keyring.set_keyring(Locked())
    window = make_window(qtbot, sandbox.url, dialogs)
    dialogs.key_answers = [KeyAnswer(KeyChoice.KEY, sandbox.key, remember=True)]
    window.keys.load()
    qtbot.waitUntil(lambda: bool(dialogs.informed))
    assert "is locked" in dialogs.informed[0]
    assert "used until you quit" in dialogs.informed[0]
    assert sandbox.key not in dialogs.informed[0]
    drop_files(window, [write(tmp_path / "l.png", png_bytes())])
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.DONE
    shut(qtbot, window)


def test_the_environment_key_wins_and_is_not_editable(
    qtbot: QtBot,
    sandbox: SandboxServer,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    Credentials(env={}).save(sandbox.url, "some-other-key")
    monkeypatch.setenv("IMAGEPIPELINE_API_KEY", sandbox.key)
    monkeypatch.setenv("IMAGEPIPELINE_API_URL", sandbox.url)
    dialogs = ScriptedDialogs()
    window = create_window(Namespace(api_url=None, sandbox=False, files=[]), dialogs=dialogs)
    qtbot.addWidget(window)
    window.queue.set_retry_policy(FAST)
    window.show()
    assert window.keys.source is KeySource.ENVIRONMENT
    status = window.keys.status()
    assert "from the environment (IMAGEPIPELINE_API_KEY)" in status.text
    assert not status.editable
    window.keys.change()
    assert dialogs.key_prompts == []
    assert "IMAGEPIPELINE_API_KEY" in window.statusBar().currentMessage()
    drop_files(window, [write(tmp_path / "e.png", png_bytes())])
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.DONE
    shut(qtbot, window)


def test_settings_apply_without_a_restart(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, sandbox: SandboxServer
) -> None:
    dialogs.settings_answer = SettingsValues(
        api_url=DEFAULT_API_URL, concurrency=7, retries=5, auto_copy=False, copy_format="html"
    )
    window.registry[ActionId.SETTINGS].trigger()
    assert dialogs.settings_shown[0].editable
    assert window.queue.concurrency == 7
    assert window.queue.retry_policy.retries == 5
    assert window.registry[ActionId.AUTO_COPY].isChecked() is False
    assert window.top_bar.format_combo.currentData() == "html"
    stored = window.parts.preferences.settings
    assert (stored.concurrency, stored.retries, stored.auto_copy) == (7, 5, False)
    assert stored.copy_format == "html"
    ini = Path(stored.store.fileName()).read_text()
    assert "concurrency=7" in ini
    assert sandbox.key not in ini  # never the key
    # The URL changed (to production): nothing goes to the old one any more.
    assert window.keys.access is None
    assert not window.queue.has_key


def test_a_new_api_url_in_settings_looks_up_its_own_key(
    qtbot: QtBot,
    sandbox: SandboxServer,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
) -> None:
    window = make_window(qtbot, "https://api.imagepipeline.io", dialogs)
    Credentials(env={}).save(sandbox.url, sandbox.key)
    dialogs.settings_answer = SettingsValues(
        api_url=sandbox.url, concurrency=4, retries=3, auto_copy=True, copy_format="url"
    )
    window.parts.preferences.open()
    wait_key(qtbot, window)
    assert window.keys.api_url == sandbox.url
    assert window.keys.source is KeySource.KEYRING
    assert dialogs.key_prompts == []
    shut(qtbot, window)


def test_remove_key_deletes_it_and_new_files_wait(
    qtbot: QtBot,
    sandbox: SandboxServer,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    Credentials(env={}).save(sandbox.url, sandbox.key)
    window = make_window(qtbot, sandbox.url, dialogs)
    window.keys.load()
    wait_key(qtbot, window)
    window.keys.remove()
    qtbot.waitUntil(lambda: window.keys.source is KeySource.NONE)
    assert memory_keyring.secrets == {}
    assert not window.queue.has_key
    drop_files(window, [write(tmp_path / "w.png", png_bytes())])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.model.items()[0].status_text() == "Waiting for an API key"
    shut(qtbot, window)


def test_the_key_shows_nowhere_in_the_window_or_the_clipboard(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    drop_files(window, [write(tmp_path / f"n{i}.png", png_bytes(seed=i)) for i in range(2)])
    items = wait_finished(qtbot, window, 2)
    window.registry[ActionId.COPY_ALL].trigger()
    texts = [
        window.windowTitle(),
        window.statusBar().currentMessage(),
        window.summary_label.text(),
        QGuiApplication.clipboard().text(),
        window.notices.notice_text("sandbox") or "",
        window.keys.status().text,
    ]
    texts += [str(window.model.data(window.model.index_of(i.id), 3)) for i in items]  # tooltip
    for text in texts:
        assert sandbox.key not in text


def test_key_dialog_tests_the_key_against_the_server(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    dialog = KeyDialog(
        window, api_host(sandbox.url), backend="Test Keyring", tester=window.keys.test_key
    )
    qtbot.addWidget(dialog)
    assert dialog.save_button.text() == "Save to Test Keyring"
    assert dialog.edit.echoMode() is QLineEdit.EchoMode.Password
    dialog.show_box.click()
    assert dialog.edit.echoMode() is QLineEdit.EchoMode.Normal
    dialog.edit.setText("wrong")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "rejected" in dialog.check_label.text())
    dialog.edit.setText(sandbox.key)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "accepts this key" in dialog.check_label.text())
    dialog.save_button.click()
    answer = dialog.answer()
    assert (answer.choice, answer.key, answer.remember) == (KeyChoice.KEY, sandbox.key, True)
    assert sandbox.key not in repr(answer)


def test_key_dialog_without_a_keyring_offers_this_session(qtbot: QtBot) -> None:
    checks: list[str] = []

    def tester(key: str, done: Callable[[KeyCheck], None]) -> None:
        checks.append(key)
        done(KeyCheck(None, "Could not check"))

    dialog = KeyDialog(None, "api.imagepipeline.io", backend=None, tester=tester)
    qtbot.addWidget(dialog)
    assert dialog.save_button.text() == "Use for This Session"
    assert not dialog.save_button.isEnabled()
    dialog.edit.setText("  abc  ")
    dialog.test_button.click()
    assert checks == ["abc"]
    assert dialog.check_label.text() == "Could not check"
    dialog.sandbox_button.click()
    assert dialog.answer().choice is KeyChoice.SANDBOX


def test_settings_dialog_refuses_an_insecure_url_and_returns_typed_values(qtbot: QtBot) -> None:
    values = SettingsValues()
    status = KeyStatus("Key for x: not set.", "GNOME Keyring (Secret Service)", True, False)
    dialog = SettingsDialog(None, values, status, "https://api.imagepipeline.io")
    qtbot.addWidget(dialog)
    assert dialog.change_key_button.text() == "Set Key…"
    assert not dialog.remove_key_button.isEnabled()
    dialog.api_url.setText("http://example.com")
    dialog._accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert "plain http" in dialog.url_error.text()
    dialog.api_url.setText("https://staging.example.com/")
    concurrency = dialog.editors["concurrency"]
    assert isinstance(concurrency, QSpinBox)
    concurrency.setValue(12)
    dialog.link_format.setCurrentIndex(1)
    dialog._accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert dialog.values() == SettingsValues(
        api_url="https://staging.example.com", concurrency=12, copy_format="markdown"
    )
    # While another URL is typed, the key buttons would act on the wrong host: they wait.
    assert not dialog.change_key_button.isEnabled()
    assert dialog.url_pending.isVisibleTo(dialog)
    dialog.api_url.setText("https://api.imagepipeline.io/")  # the one in use, spelt otherwise
    assert dialog.change_key_button.isEnabled()
    assert not dialog.url_pending.isVisibleTo(dialog)
    dialog.set_key_status(KeyStatus("Key: stored.", "GNOME Keyring", True, True))
    assert dialog.change_key_button.text() == "Replace Key…"
    assert dialog.remove_key_button.isEnabled()


def test_files_not_yet_sent_follow_a_new_api_url(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    # The upload under way finishes where it started; the others go to the new server, and
    # their history says so (duplicates are looked up per host).
    (tmp_path / "other").mkdir()
    with SandboxServer(storage_dir=tmp_path / "other") as other:
        window = make_window(qtbot, sandbox.url, dialogs)
        window.keys.use_key(sandbox.url, sandbox.key)
        window.queue.set_concurrency(1)
        sandbox.faults.latency = 0.4
        paths = [write(tmp_path / f"move{i}.png", png_bytes(seed=i)) for i in range(3)]
        drop_files(window, paths)
        qtbot.waitUntil(lambda: len(sandbox.requests) == 1, timeout=5000)
        dialogs.settings_answer = SettingsValues(
            api_url=other.url, concurrency=1, retries=3, auto_copy=True, copy_format="url"
        )
        # No key for it yet (none is given): the rest waits.
        window.registry[ActionId.SETTINGS].trigger()
        qtbot.waitUntil(
            lambda: (
                [i.state for i in window.model.items()][1:] == [State.QUEUED] * 2
                and all(i.waiting_for_key for i in window.model.items()[1:])
            ),
            timeout=5000,
        )
        window.keys.use_key(other.url, other.key)
        items = wait_finished(qtbot, window, 3)
        assert [i.state for i in items] == [State.DONE] * 3
        assert [u.filename for u in sandbox.uploads] == ["move0.png"]
        assert sorted(u.filename for u in other.uploads) == ["move1.png", "move2.png"]
        assert str(items[0].url).startswith(sandbox.url)
        assert all(str(i.url).startswith(other.url) for i in items[1:])
        hosts = {e.name: e.destination for e in HistoryStore().page(0, 10)}
        assert hosts == {
            "move0.png": api_host(sandbox.url),
            "move1.png": api_host(other.url),
            "move2.png": api_host(other.url),
        }
        shut(qtbot, window)


def test_a_url_fixed_for_the_session_is_shown_read_only_and_not_saved(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs
) -> None:
    window = create_window(Namespace(api_url=None, sandbox=True, files=[]), dialogs=dialogs)
    qtbot.addWidget(window)
    server = window.parts.sandbox.server
    assert server is not None
    assert window.keys.sandboxed
    shown: list[SettingsValues] = []

    def edit_settings(_parent: object, values: SettingsValues, *_args: object) -> SettingsValues:
        shown.append(values)
        dialog = SettingsDialog(None, values, window.keys.status(), "https://x.example")
        qtbot.addWidget(dialog)
        assert dialog.api_url.isReadOnly()
        assert dialog.api_url.text() == server.url
        return dialog.values()

    dialogs.edit_settings = edit_settings  # type: ignore[method-assign,assignment]
    window.registry[ActionId.SETTINGS].trigger()
    assert shown[0].api_url_fixed_by == "sandbox mode"
    # The sandbox's address is not kept as the API URL.
    assert window.parts.preferences.settings.api_url == ""
    assert window.keys.api_url == server.url
    shut(qtbot, window)
