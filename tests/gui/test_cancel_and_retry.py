"""Cancel, and Cancel then Retry, against a sandbox that takes the body and then waits.

A cancelled upload may be stuck in a read nobody can interrupt (the server has the whole
body and says nothing). Its worker slot goes to the next file at once, and whatever that
worker reports later (to the window or to the history) must not count.
"""

from __future__ import annotations

import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.gui.conftest import (
    SILENT_S,
    ScriptedDialogs,
    drop_files,
    make_window,
    shut,
    wait_finished,
)
from tests.images import png_bytes, write
from uploader_gui.core.history import HistoryState, HistoryStore
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.main_window import MainWindow
from uploader_gui.ui.uploads.model import State, UploadItem


def posts(sandbox: SandboxServer) -> int:
    return sum(1 for request in sandbox.requests if request.method == "POST")


def wait_for_the_server(qtbot: QtBot, window: MainWindow, item_id: int) -> UploadItem:
    """Until the item's whole body is sent and it waits for the server's answer."""

    def check() -> None:
        item = window.model.item(item_id)
        assert item is not None
        assert item.waiting_for_server, (item.state, item.sent, item.total)

    qtbot.waitUntil(check, timeout=10_000)
    item = window.model.item(item_id)
    assert item is not None
    return item


def test_cancelling_an_upload_waiting_for_the_server_frees_its_slot_at_once(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    # The body is read, then nothing is said until the server stops (after the test).
    sandbox.faults.latency = SILENT_S
    window.queue.set_concurrency(1)
    files = [write(tmp_path / f"{name}.png", png_bytes(seed=n)) for n, name in enumerate("ab")]
    drop_files(window, files)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)
    first, second = window.model.items()
    wait_for_the_server(qtbot, window, first.id)
    assert posts(sandbox) == 1  # one slot: the second file waits for it
    assert second.state is State.QUEUED

    window.queue.cancel([first.id])
    assert first.state is State.CANCELLED
    # The second file is sent while the first request still has no answer (none comes while
    # the test runs): the slot was given up, not waited for.
    qtbot.waitUntil(lambda: posts(sandbox) == 2, timeout=10_000)
    assert second.state in (State.QUEUED, State.UPLOADING)
    assert window.queue.uploading_count == 1  # the cancelled one no longer counts
    assert first.state is State.CANCELLED


def test_a_cancelled_attempts_late_outcome_does_not_overwrite_the_retry(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = make_window(qtbot, sandbox.url, dialogs)
    window.keys.use_key(sandbox.url, sandbox.key)
    # Every answer comes 1.5 s after the body: the first attempt's outcome (the server does
    # accept it) lands while the retry is under way, after the retry restarted the row.
    sandbox.faults.latency = 1.5
    drop_files(window, [write(tmp_path / "again.png", png_bytes(seed=7))])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    (item,) = window.model.items()
    wait_for_the_server(qtbot, window, item.id)
    history_id = item.history_id
    assert history_id is not None

    window.queue.cancel([item.id])
    assert item.state is State.CANCELLED
    assert [i.id for i in window.queue.retry([item.id])] == [item.id]  # at once
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.DONE, item.error
    assert posts(sandbox) == 2

    # Both attempts were accepted: the server stored two copies under two URLs. The row
    # and the window must both have the retry's.
    qtbot.waitUntil(lambda: len(sandbox.uploads) == 2, timeout=10_000)
    urls = {upload.url for upload in sandbox.uploads}
    assert item.url in urls
    (late_url,) = urls - {item.url}

    # The cancelled worker has finished (and written what it wanted to) by now.
    assert window.parts.workers.wait(time.monotonic() + 10)
    store = HistoryStore()
    try:
        entry = store.get(history_id)
    finally:
        store.close()
    assert entry is not None
    assert entry.state is HistoryState.DONE
    assert entry.url == item.url
    assert entry.url != late_url
    assert window.model.items()[0].url == item.url  # nor did it reach the window
    assert window.model.items()[0].state is State.DONE
    shut(qtbot, window)


def test_a_cancelled_upload_still_waiting_for_the_server_is_work_left_at_quit(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    """``run_app`` leaves with ``os._exit`` only when ``workers_left``; otherwise Qt joins
    every worker thread on the way out, and a cancelled upload whose read is still waiting
    for a silent server holds the process until that read times out (120 s)."""
    window = make_window(qtbot, sandbox.url, dialogs)
    window.keys.use_key(sandbox.url, sandbox.key)
    sandbox.faults.latency = SILENT_S
    drop_files(window, [write(tmp_path / "stuck.png", png_bytes(seed=3))])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    (item,) = window.model.items()
    wait_for_the_server(qtbot, window, item.id)
    window.queue.cancel([item.id])
    assert item.state is State.CANCELLED
    shut(qtbot, window)
    assert window.workers_left  # its thread is still in the read
