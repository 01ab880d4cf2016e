"""The History tab's first page never waits for a count of the rows: it is shown first, and
the count (without a search; a search is never counted) follows. Its speed at a million rows
is measured by benchmarks/bench_history_startup.py and bench_history_search.py."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from tests.gui.conftest import ScriptedDialogs, make_window, settle, shut
from uploader_gui.core.history import HistoryStore
from uploader_gui.core.paths import data_dir
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.base.actions import ActionId

ROWS = 1000


@pytest.fixture
def held_counts(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Every count of the history waits until the event is set (set at the end, whatever
    happens: the history thread must not be left waiting)."""
    release = threading.Event()
    count = HistoryStore.count

    def held(store: HistoryStore, search: str = "", failed_only: bool = False) -> int:
        assert release.wait(30), "a count was never released"
        return count(store, search, failed_only)

    monkeypatch.setattr(HistoryStore, "count", held)
    yield release
    release.set()


def fill(rows: int) -> None:
    HistoryStore().close()  # the schema
    db = sqlite3.connect(data_dir() / "history.sqlite3")
    now = time.time()
    db.executemany(
        "INSERT INTO uploads (path, name, destination, state, url, added_at, uploaded_at) "
        "VALUES (?, ?, 'h', 'done', ?, ?, ?)",
        [
            (f"/p/{i}.png", f"photo-{i:04}.png", f"https://cdn/u/{i}.png", now + i, now + i)
            for i in range(rows)
        ],
    )
    db.commit()
    db.close()


def test_the_first_page_is_shown_before_the_rows_are_counted(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, held_counts: threading.Event
) -> None:
    fill(ROWS)
    window = make_window(qtbot, sandbox.url, dialogs)
    window.keys.use_key(sandbox.url, sandbox.key)
    window.registry[ActionId.SHOW_HISTORY].trigger()
    model = window.history_page.model
    qtbot.waitUntil(lambda: model.rowCount() == 200)  # while the count is held
    assert model.entry_at(0).name == f"photo-{ROWS - 1:04}.png"
    assert model.total == 201  # not counted yet: at least one more row
    assert model.canFetchMore(QModelIndex())

    held_counts.set()
    qtbot.waitUntil(lambda: model.total == ROWS)  # the count arrives after the page

    window.history_page.panel.search.setText("photo-00")  # a search is never counted
    qtbot.waitUntil(lambda: model.rowCount() == 100)
    assert model.total == 100  # its last page came short: that is all of them
    window.history_page.panel.search.setText("photo-0")
    qtbot.waitUntil(lambda: model.rowCount() == 200)
    assert model.total == 201
    settle(qtbot, window)
    assert model.rowCount() >= 200
    shut(qtbot, window)
