"""A history file that cannot be used or written: the window says so, uploads go on.

Each case ends with a real upload to the sandbox, so "nothing is lost" is checked, not
assumed; the notices say what the problem costs and how to fix it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.conftest import (
    ScriptedDialogs,
    drop_files,
    make_window,
    settle,
    shut,
    wait_finished,
)
from tests.images import png_bytes, write
from tests.immutable import immutable
from tests.needs import needs_root
from uploader_gui.core.history import HistoryStore
from uploader_gui.core.paths import data_dir
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.base.report import Topic
from uploader_gui.ui.main_window import MainWindow
from uploader_gui.ui.uploads.model import State


def open_window(qtbot: QtBot, sandbox: SandboxServer) -> tuple[MainWindow, ScriptedDialogs]:
    dialogs = ScriptedDialogs()
    window = make_window(qtbot, sandbox.url, dialogs)
    window.keys.use_key(sandbox.url, sandbox.key)
    return window, dialogs


def upload_one(qtbot: QtBot, window: MainWindow, tmp_path: Path, name: str) -> None:
    count = window.model.rowCount() + 1
    drop_files(window, [write(tmp_path / name, png_bytes(seed=len(name)))])
    item = wait_finished(qtbot, window, count)[-1]
    assert item.state is State.DONE
    assert item.url


def notice(window: MainWindow, key: str) -> str:
    return window.notices.notice_text(key) or ""


@needs_root
def test_a_history_that_cannot_be_written_is_a_persistent_warning(
    qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path
) -> None:
    HistoryStore().close()
    with immutable(data_dir() / "history.sqlite3"):
        window, dialogs = open_window(qtbot, sandbox)
        qtbot.waitUntil(lambda: bool(notice(window, Topic.HISTORY_WRITE)))
        text = notice(window, Topic.HISTORY_WRITE)
        assert "cannot be saved" in text
        assert "the file is read-only" in text  # the reason, in plain words
        assert "not listed again" in text  # what is lost
        assert "writable" in text
        assert "restart" in text
        upload_one(qtbot, window, tmp_path, "still-uploads.png")  # uploads go on
        settle(qtbot, window)  # every write the upload made was tried and reported
        assert notice(window, Topic.HISTORY_WRITE)  # it stays
        assert not dialogs.informed
        shut(qtbot, window)


@needs_root
def test_a_write_that_fails_mid_session_raises_the_warning(
    qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path
) -> None:
    window, _dialogs = open_window(qtbot, sandbox)
    upload_one(qtbot, window, tmp_path, "first.png")
    assert not notice(window, Topic.HISTORY_WRITE)
    qtbot.waitUntil(lambda: window.queue.idle)
    with immutable(data_dir() / "history.sqlite3-wal"):
        drop_files(window, [write(tmp_path / "second.png", png_bytes(seed=99))])
        qtbot.waitUntil(lambda: bool(notice(window, Topic.HISTORY_WRITE)))
        items = wait_finished(qtbot, window, 2)
        assert {item.state for item in items} == {State.DONE}
    shut(qtbot, window)


@pytest.mark.parametrize("kind", ["folder", "link to /dev/null"])
def test_a_history_path_that_is_not_a_file_is_set_aside_and_a_real_one_started(
    qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path, kind: str
) -> None:
    folder = data_dir()
    folder.mkdir(parents=True)
    path = folder / "history.sqlite3"
    if kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/null")
    window, dialogs = open_window(qtbot, sandbox)
    qtbot.waitUntil(lambda: bool(notice(window, Topic.HISTORY)))
    (kept,) = folder.glob("history.sqlite3.unreadable-*")
    text = notice(window, Topic.HISTORY)
    assert f"set aside as {kept.name}" in text
    assert str(folder) in text
    upload_one(qtbot, window, tmp_path, "after.png")
    qtbot.waitUntil(lambda: window.queue.idle)
    shut(qtbot, window)
    assert path.is_file()
    assert not path.is_symlink()
    assert HistoryStore().count() == 1  # a real history, in the data folder
    assert not os.path.lexists("/dev/null-journal")
    assert not dialogs.informed


def test_an_unusable_data_folder_says_the_history_is_temporary_and_leaves_nothing(
    qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir().parent.mkdir(parents=True, exist_ok=True)
    data_dir().write_bytes(b"")  # a file where the data folder should be
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    window, _dialogs = open_window(qtbot, sandbox)
    qtbot.waitUntil(lambda: bool(notice(window, Topic.HISTORY)))
    text = notice(window, Topic.HISTORY)
    assert "kept in memory only" in text
    assert "restart" in text
    upload_one(qtbot, window, tmp_path, "temporary.png")
    shut(qtbot, window)
    assert list(temp.iterdir()) == []  # no temporary history left behind


def test_the_data_and_cache_folders_are_private(
    qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path
) -> None:
    from uploader_gui.core.paths import cache_dir, thumbnail_file

    window, _dialogs = open_window(qtbot, sandbox)
    upload_one(qtbot, window, tmp_path, "private.png")
    (item,) = window.model.items()
    assert item.history_id is not None
    thumbnail = thumbnail_file(item.history_id)
    qtbot.waitUntil(thumbnail.exists)
    qtbot.waitUntil(lambda: window.queue.idle)
    shut(qtbot, window)
    for folder in (data_dir(), cache_dir(), thumbnail.parent):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    for file in [thumbnail, *data_dir().iterdir()]:
        assert file.stat().st_mode & 0o777 == 0o600, file
