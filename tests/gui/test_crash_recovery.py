"""``kill -9`` of the real app mid-batch, then a restart: nothing forgotten, nothing twice."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from tests.gui.conftest import (
    SILENT_S,
    ScriptedDialogs,
    make_window,
    send_as_is,
    shut,
    wait_finished,
)
from tests.history_file import query
from tests.images import write
from uploader_gui.core.history import HistoryState, HistoryStore
from uploader_gui.core.paths import data_dir
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.base.report import Topic
from uploader_gui.ui.uploads.model import FailureKind, State


def test_kill_9_mid_batch_then_restart(
    qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path
) -> None:
    files = [
        write(tmp_path / f"batch-{i:02}.png", b"\x89PNG\r\n\x1a\n" + os.urandom(150_000))
        for i in range(10)
    ]
    sandbox.faults.throttle_bps = 600_000
    env = {**os.environ, "IMAGEPIPELINE_API_KEY": sandbox.key, "IMAGEPIPELINE_API_URL": sandbox.url}
    send_as_is()  # stand-in images
    app = subprocess.Popen(
        [sys.executable, "-m", "uploader_gui", *map(str, files)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    history_file = data_dir() / "history.sqlite3"

    def recorded_done() -> int:
        sql = "SELECT COUNT(*) FROM uploads WHERE state = 'done'"
        (row,) = query(history_file, sql, before_start=True) or [(0,)]
        return int(row[0])

    try:
        deadline = time.monotonic() + 60
        while recorded_done() < 2:  # kill once some are recorded and more are under way
            assert app.poll() is None, app.stderr.read() if app.stderr else ""
            assert time.monotonic() < deadline, "the app recorded no upload"
            time.sleep(0.02)
    finally:
        app.kill()  # SIGKILL: no clean-up of any kind
        app.wait()
        if app.stderr:
            app.stderr.close()
    sandbox.faults.throttle_bps = 0

    store = HistoryStore()
    entries = store.page(0, 100)
    assert sorted(e.path for e in entries) == sorted(map(str, files))  # each file, once
    done = [e for e in entries if e.state is HistoryState.DONE]
    on_server = {upload.url for upload in sandbox.uploads}
    assert len(done) >= 2
    assert len({e.url for e in done}) == len(done)
    assert {e.url for e in done} <= on_server
    unfinished = store.unfinished()
    assert len(done) + len(unfinished) == 10
    store.close()

    # The next start lists every unfinished file with Retry, and retrying finishes them.
    dialogs = ScriptedDialogs()
    window = make_window(qtbot, sandbox.url, dialogs)
    window.keys.use_key(sandbox.url, sandbox.key)
    qtbot.waitUntil(lambda: window.model.rowCount() == len(unfinished))
    items = window.model.items()
    assert {item.failure for item in items} == {FailureKind.INTERRUPTED}
    assert sorted(str(item.path) for item in items) == sorted(e.path for e in unfinished)
    # One button on the notice sends every file from last time.
    notice = window.notices.notice(Topic.INTERRUPTED)
    assert notice is not None
    (send_all,) = notice.findChildren(QPushButton)
    assert send_all.text() == "Send All"
    send_all.click()
    items = wait_finished(qtbot, window, len(unfinished))
    assert {item.state for item in items} == {State.DONE}, [i.error for i in items]
    shut(qtbot, window)

    final = HistoryStore().page(0, 100)
    assert len(final) == 10
    assert {e.state for e in final} == {HistoryState.DONE}
    urls = [e.url for e in final]
    assert len(set(urls)) == 10
    for entry in done:  # the URLs recorded before the crash did not change
        assert entry.url in urls


def test_sigterm_while_the_server_is_silent_quits_within_the_deadline(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    import signal

    sandbox.faults.latency = SILENT_S  # the server takes the body, then says nothing
    path = write(tmp_path / "slow.png", b"\x89PNG\r\n\x1a\n" + os.urandom(1000))
    env = {**os.environ, "IMAGEPIPELINE_API_KEY": sandbox.key, "IMAGEPIPELINE_API_URL": sandbox.url}
    send_as_is()  # stand-in images
    app = subprocess.Popen(
        [sys.executable, "-m", "uploader_gui", str(path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while not sandbox.uploads:  # stored once the whole body is in: the app now waits
            assert app.poll() is None, "the app exited before it sent the file"
            assert time.monotonic() < deadline, "the upload never reached the server"
            time.sleep(0.02)
        app.send_signal(signal.SIGTERM)
        # It exits at all: so it did not wait for the answer, which never comes while the
        # test runs; it gave up on its own deadline.
        assert app.wait(timeout=30) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    (entry,) = HistoryStore().page(0, 10)
    assert entry.state is HistoryState.QUEUED  # listed as not uploaded at the next start
