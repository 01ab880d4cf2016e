"""History in the window: restarts, unfinished files, duplicates, the History tab."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import httpx
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QGuiApplication
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
from uploader_gui.core.history import HistoryState, HistoryStore
from uploader_gui.core.links import LinkFormat
from uploader_gui.core.paths import data_dir, thumbnail_file
from uploader_gui.core.urls import api_host
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.base.actions import ActionId
from uploader_gui.ui.base.report import Topic
from uploader_gui.ui.main_window import MainWindow
from uploader_gui.ui.uploads.model import FailureKind, State


def open_window(qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs) -> MainWindow:
    window = make_window(qtbot, sandbox.url, dialogs)
    window.keys.use_key(sandbox.url, sandbox.key)
    return window


def show_history(qtbot: QtBot, window: MainWindow, rows: int) -> None:
    window.registry[ActionId.SHOW_HISTORY].trigger()
    assert window.showing_history
    qtbot.waitUntil(lambda: window.history_page.model.rowCount() == rows)


def test_history_survives_a_restart_with_pictures_after_the_files_are_gone(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    source = tmp_path / "photos"
    source.mkdir()
    paths = [write(source / f"h{i}.png", png_bytes(20, 10, seed=i)) for i in range(2)]
    first = open_window(qtbot, sandbox, dialogs)
    drop_files(first, paths)
    items = wait_finished(qtbot, first, 2)
    qtbot.waitUntil(lambda: all(thumbnail_file(i.history_id or 0).exists() for i in items))
    shut(qtbot, first)
    shutil.rmtree(source)

    second = open_window(qtbot, sandbox, ScriptedDialogs())
    assert second.model.rowCount() == 0  # nothing unfinished to bring back
    show_history(qtbot, second, 2)
    entries = [second.history_page.model.entry_at(row) for row in range(2)]
    assert {e.url for e in entries} == {i.url for i in items}
    assert all(e.state is HistoryState.DONE for e in entries)
    model = second.history_page.model
    qtbot.waitUntil(lambda: all(model.index(r, 0).data(1) is not None for r in range(2)))
    shut(qtbot, second)


def test_unfinished_files_from_last_time_are_listed_with_retry(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    path = write(tmp_path / "left.png", png_bytes())
    store = HistoryStore()
    (row,) = store.add([(str(path), path.name, api_host(sandbox.url))])
    store.close()
    window = open_window(qtbot, sandbox, dialogs)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    item = window.model.items()[0]
    assert item.state is State.FAILED
    assert item.failure is FailureKind.INTERRUPTED
    assert item.status_text().startswith("Interrupted")  # not "Failed" in red
    notice = window.notices.notice_text(Topic.INTERRUPTED) or ""
    assert "1 file from last time was not uploaded" in notice
    qtbot.waitUntil(window.registry[ActionId.SEND_INTERRUPTED].isEnabled)
    window.select_item(item.id)
    window.registry[ActionId.RETRY].trigger()
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.DONE
    check = HistoryStore()
    assert check.count() == 1  # the same row, not a second one
    entry = check.get(row)
    assert entry is not None
    assert entry.state is HistoryState.DONE
    assert entry.url == item.url
    shut(qtbot, window)


def test_resume_setting_starts_unfinished_files_at_once(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    path = write(tmp_path / "resume.png", png_bytes())
    HistoryStore().add([(str(path), path.name, api_host(sandbox.url))])
    from uploader_gui.ui.settings.store import Settings

    Settings().resume_unfinished = True
    window = open_window(qtbot, sandbox, dialogs)
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.DONE
    assert len(sandbox.uploads) == 1
    shut(qtbot, window)


def test_the_same_bytes_reuse_the_earlier_url(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    original = write(tmp_path / "original.png", png_bytes(seed=7))
    drop_files(window, [original])
    (first,) = wait_finished(qtbot, window, 1)
    copy = tmp_path / "copy-of-original.png"
    copy.write_bytes(original.read_bytes())
    drop_files(window, [copy])
    items = wait_finished(qtbot, window, 2)
    assert items[1].state is State.DONE
    assert items[1].reused
    assert items[1].url == first.url
    assert "uploaded before" in items[1].status_text()
    assert len(sandbox.uploads) == 1

    window.parts.preferences.settings.reuse_duplicates = False
    again = tmp_path / "again.png"
    again.write_bytes(original.read_bytes())
    drop_files(window, [again])
    items = wait_finished(qtbot, window, 3)
    assert not items[2].reused
    assert items[2].url != first.url
    assert len(sandbox.uploads) == 2


def test_history_tab_search_filter_copy_remove_export_clear(
    qtbot: QtBot,
    window: MainWindow,
    sandbox: SandboxServer,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:
    drop_files(
        window,
        [
            write(tmp_path / "red.png", png_bytes(seed=1)),
            write(tmp_path / "green.png", png_bytes(seed=2)),
            write(tmp_path / "notes.txt", b"text"),
        ],
    )
    items = {i.name: i for i in wait_finished(qtbot, window, 3)}
    show_history(qtbot, window, 3)
    panel, model = window.history_page.panel, window.history_page.model

    panel.search.setText("gre")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.entry_at(0).name == "green.png"
    panel.search.setText("")
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    panel.failed_only.setChecked(True)
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.entry_at(0).error == (
        "not an image the service accepts: text; allowed: PNG, JPEG, WebP, GIF"
    )
    panel.failed_only.setChecked(False)
    qtbot.waitUntil(lambda: model.rowCount() == 3)

    window.links.set_format(LinkFormat.MARKDOWN)
    panel.view.selectAll()
    window.registry[ActionId.COPY].trigger()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert sorted(lines) == sorted(
        f"![{name}]({items[name].url})" for name in ("red.png", "green.png")
    )

    dialogs.save_answer = tmp_path / "export.csv"
    window.history_page.export()
    qtbot.waitUntil(lambda: (tmp_path / "export.csv").exists())
    rows = list(csv.DictReader(io.StringIO((tmp_path / "export.csv").read_text())))
    assert {r["name"] for r in rows} == {"red.png", "green.png", "notes.txt"}
    dialogs.save_answer = tmp_path / "export.json"
    window.history_page.export()
    qtbot.waitUntil(lambda: (tmp_path / "export.json").exists())
    records = json.loads((tmp_path / "export.json").read_text())
    assert {r["url"] for r in records} == {items["red.png"].url, items["green.png"].url, None}

    panel.view.clearSelection()
    row = next(r for r in range(3) if model.entry_at(r).name == "red.png")
    panel.view.selectionModel().select(
        model.index(row, 0), panel.view.selectionModel().SelectionFlag.Select
    )
    window.registry[ActionId.REMOVE].trigger()
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert "red.png" not in {model.entry_at(r).name for r in range(2)}

    dialogs.confirm_answer = False
    window.history_page.clear()
    assert model.rowCount() == 2
    dialogs.confirm_answer = True
    window.history_page.clear()  # written on the history thread
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    assert HistoryStore().count() == 0
    assert httpx.get(items["green.png"].url or "").status_code == 200  # still online


def test_ten_thousand_entries_load_lazily_and_scroll(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs
) -> None:
    HistoryStore().close()  # create the schema
    db = sqlite3.connect(data_dir() / "history.sqlite3")
    now = time.time()
    db.executemany(
        "INSERT INTO uploads (path, name, destination, state, url, added_at, uploaded_at) "
        "VALUES (?, ?, 'h', 'done', ?, ?, ?)",
        [
            (f"/p/{i}.png", f"photo-{i:05}.png", f"https://cdn/u/{i}.png", now + i, now + i)
            for i in range(10_000)
        ],
    )
    db.commit()
    db.close()
    window = open_window(qtbot, sandbox, dialogs)
    show_history(qtbot, window, 200)
    model = window.history_page.model
    qtbot.waitUntil(lambda: model.total == 10_000)  # counted after the first page is shown
    assert model.entry_at(0).name == "photo-09999.png"
    view = window.history_page.panel.view

    def more_than(rows: int) -> Callable[[], bool]:
        return lambda: model.rowCount() > rows

    for _ in range(2):  # each scroll to the end asks for the next page, which then arrives
        loaded = model.rowCount()
        view.scrollToBottom()
        qtbot.waitUntil(more_than(loaded))
    settle(qtbot, window)
    assert 400 <= model.rowCount() < 10_000  # more pages as asked for, never all at once
    window.history_page.panel.search.setText("photo-00042")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    shut(qtbot, window)


def test_a_corrupt_history_is_reported_kept_and_replaced(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "history.sqlite3").write_bytes(b"\x00garbage" * 500)
    window = open_window(qtbot, sandbox, dialogs)
    qtbot.waitUntil(lambda: window.notices.notice_text(Topic.HISTORY) is not None)
    text = window.notices.notice_text(Topic.HISTORY) or ""
    kept = list(folder.glob("history.sqlite3.unreadable-*"))
    assert len(kept) == 1
    assert "could not be read" in text
    assert f"set aside as {kept[0].name}" in text
    assert not dialogs.informed  # a notice in the window, not a modal question
    assert kept[0].read_bytes() == b"\x00garbage" * 500
    drop_files(window, [write(tmp_path / "after.png", png_bytes())])
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.DONE
    assert HistoryStore().count() == 1
    shut(qtbot, window)


def test_a_cancelled_file_is_not_brought_back_at_the_next_start(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    from tests.gui.conftest import send_as_is
    from tests.images import sparse_image

    sandbox.faults.throttle_bps = 500_000
    window = open_window(qtbot, sandbox, dialogs)
    # Stand-in images: sent as they are (preparing them would fail them, racing the cancel).
    send_as_is(window)
    window.queue.set_concurrency(1)
    drop_files(window, [sparse_image(tmp_path / f"c{i}.png", 3_000_000) for i in range(2)])
    qtbot.waitUntil(lambda: window.queue.uploading_count > 0 and window.model.rowCount() == 2)
    window.uploads.view.selectAll()
    window.uploads.cancel_selected()  # one running, one still waiting in the pool
    qtbot.waitUntil(
        lambda: {e.state for e in HistoryStore().page(0, 10)} == {HistoryState.CANCELLED},
        timeout=5000,
    )
    shut(qtbot, window)
    again = open_window(qtbot, sandbox, ScriptedDialogs())
    settle(qtbot, again)  # its history was read and what it found was listed
    assert again.model.rowCount() == 0
    shut(qtbot, again)


def test_a_file_is_in_the_history_before_it_is_in_the_list(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    # A drop is recorded whole before its files are listed: no item can be cancelled,
    # retried or lost by a crash before its history row exists.
    drop_files(window, [write(tmp_path / "early.png", png_bytes(seed=3))])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    item = window.model.items()[0]
    assert item.history_id is not None
    window.queue.cancel([item.id])
    window.queue.retry([item.id])
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.DONE
    qtbot.waitUntil(lambda: window.queue.idle)
    (entry,) = HistoryStore().page(0, 10)
    assert (entry.id, entry.state, entry.url) == (item.history_id, HistoryState.DONE, item.url)


def test_an_open_history_tab_follows_a_long_batch_while_it_runs(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    # Rows finish more often than the tab's refresh interval: it must still refresh during
    # the batch, not only once the changes stop.
    sandbox.faults.latency = 0.12
    window.queue.set_concurrency(1)
    show_history(qtbot, window, 0)
    paths = [write(tmp_path / f"h{i}.png", png_bytes(seed=i)) for i in range(16)]
    drop_files(window, paths)

    def some_done_while_others_run() -> bool:
        model = window.history_page.model
        done = sum(
            1 for row in range(model.rowCount()) if model.entry_at(row).state is HistoryState.DONE
        )
        return done > 0 and window.queue.active_count > 3

    qtbot.waitUntil(some_done_while_others_run, timeout=10_000)
    wait_finished(qtbot, window, 16)


def test_resumed_files_count_in_the_status_bar_and_leave_the_clipboard_alone(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    paths = [write(tmp_path / f"again{i}.png", png_bytes(seed=i)) for i in range(3)]
    HistoryStore().add([(str(p), p.name, api_host(sandbox.url)) for p in paths])
    from uploader_gui.ui.settings.store import Settings

    Settings().resume_unfinished = True
    sandbox.faults.latency = 0.3
    QGuiApplication.clipboard().setText("mine")
    window = make_window(qtbot, sandbox.url, dialogs)
    window.queue.set_concurrency(1)
    window.keys.use_key(sandbox.url, sandbox.key)
    qtbot.waitUntil(lambda: window.summary_label.text().startswith("Uploading "))
    assert window.summary_label.text().endswith(" of 3")
    wait_finished(qtbot, window, 3)
    qtbot.waitUntil(lambda: window.summary_label.text() == "3 images uploaded")
    # Nobody just dropped these: what the user copied stays on the clipboard.
    assert QGuiApplication.clipboard().text() == "mine"
    shut(qtbot, window)


def test_select_all_selects_the_list_on_show(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    drop_files(window, [write(tmp_path / f"s{i}.png", png_bytes(seed=i)) for i in range(3)])
    wait_finished(qtbot, window, 3)
    show_history(qtbot, window, 3)
    window.registry[ActionId.SELECT_ALL].trigger()
    assert len(window.history_page.panel.view.selectionModel().selectedRows()) == 3
    assert not window.uploads.view.selectionModel().hasSelection()
    window.registry[ActionId.SHOW_UPLOADS].trigger()
    window.registry[ActionId.SELECT_ALL].trigger()
    assert len(window.uploads.view.selectionModel().selectedRows()) == 3


def test_a_row_and_its_history_entry_share_one_picture(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    drop_files(window, [write(tmp_path / "pic.png", png_bytes())])
    (item,) = wait_finished(qtbot, window, 1)
    entry_id = item.history_id
    assert entry_id is not None
    index = window.model.index_of(item.id)
    qtbot.waitUntil(lambda: index.data(Qt.ItemDataRole.DecorationRole) is not None)
    qtbot.waitUntil(lambda: thumbnail_file(entry_id).exists())  # kept for the history
    show_history(qtbot, window, 1)
    entry = window.history_page.model.index(0, 0)
    # One picture in memory, decoded once: the History tab shows the upload row's.
    assert entry.data(Qt.ItemDataRole.DecorationRole).cacheKey() == (
        index.data(Qt.ItemDataRole.DecorationRole).cacheKey()
    )


def test_an_open_history_tab_keeps_selection_and_position_while_it_refreshes(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    store = HistoryStore()
    ids = store.add([(f"/x/old{i}.png", f"old{i}.png", "h") for i in range(300)])
    for entry_id in ids:
        store.finish(entry_id, HistoryState.DONE, url=f"https://cdn.example/{entry_id}.png")
    store.close()
    window = open_window(qtbot, sandbox, dialogs)
    show_history(qtbot, window, 200)
    view, model = window.history_page.panel.view, window.history_page.model
    view.scrollTo(model.index(150, 0), view.ScrollHint.PositionAtTop)
    model.fetchMore(QModelIndex())  # as scrolling down does
    picked = model.entry_at(160)
    view.selectionModel().select(
        model.index(160, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    top_before = model.entry_at(view.indexAt(QPoint(0, 0)).row())

    window.queue.set_concurrency(1)
    sandbox.faults.latency = 0.1
    drop_files(window, [write(tmp_path / f"new{i}.png", png_bytes(seed=i)) for i in range(6)])
    wait_finished(qtbot, window, 6)
    qtbot.waitUntil(lambda: model.total == 306)
    qtbot.waitUntil(lambda: model.rowCount() >= 306)

    assert [entry.id for entry in window.history_page.panel.selected_entries()] == [picked.id]
    assert model.entry_at(view.indexAt(QPoint(0, 0)).row()).id == top_before.id
    assert model.rowCount() >= 306  # what was loaded stays loaded, plus the new rows
    window.registry[ActionId.SELECT_ALL].trigger()
    assert len(window.history_page.panel.selected_entries()) == model.rowCount()
    shut(qtbot, window)


def test_a_window_for_another_target_leaves_the_running_uploads_alone(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    # e.g. `uploader-gui --sandbox` started next to the normal window: both share the
    # history, and the first one's uploads in progress are not "left over from last time".
    sandbox.faults.throttle_bps = 300_000
    first = open_window(qtbot, sandbox, dialogs)
    drop_files(first, [write(tmp_path / f"busy{i}.png", png_bytes(seed=i)) for i in range(2)])
    qtbot.waitUntil(lambda: all(i.history_id is not None for i in first.model.items()))
    other = make_window(qtbot, "https://api.imagepipeline.io", dialogs)
    settle(qtbot, other)  # its history is opened and read after the first paint
    assert other.model.items() == []
    assert other.statusBar().currentMessage() == ""
    shut(qtbot, other)
    wait_finished(qtbot, first, 2)
    shut(qtbot, first)


def test_history_rows_say_which_files_are_uploading_now(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    from uploader_gui.ui.history.view import DetailRole

    sandbox.faults.latency = 0.8
    show_history(qtbot, window, 0)
    drop_files(window, [write(tmp_path / "going.png", png_bytes())])
    model = window.history_page.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.index(0, 0).data(DetailRole).endswith("Uploading (see the Uploads tab)")
    (item,) = wait_finished(qtbot, window, 1)
    qtbot.waitUntil(lambda: model.entry_at(0).state is HistoryState.DONE)
    assert model.index(0, 0).data(DetailRole).endswith(str(item.url))
