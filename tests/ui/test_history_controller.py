"""The history's owner in the Qt layer (``ui/history_controller.py``), on a temporary store.

Every result comes back through a callback on the GUI thread; ``changed`` follows writes.
"""

from __future__ import annotations

import csv
import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.images import png_bytes, write
from tests.immutable import immutable
from tests.needs import needs_root
from uploader_gui.core.history import Drop, HistoryEntry, HistoryState, HistoryStore
from uploader_gui.core.paths import thumbnail_file
from uploader_gui.ui.base.workers import Workers
from uploader_gui.ui.history.controller import (
    ASK_ABOVE,
    HistoryController,
    HistoryHealth,
    Page,
    Restored,
)

HOST = "api.example.test"
OTHER_HOST = "other.example.test"


def on_gui() -> bool:
    return threading.current_thread() is threading.main_thread()


class Calls:
    """Records what callbacks receive, and whether each ran on the GUI thread."""

    def __init__(self) -> None:
        self.values: list[object] = []
        self.threads_ok: list[bool] = []

    def one(self) -> Callable[[object], None]:
        def callback(value: object) -> None:
            self.threads_ok.append(on_gui())
            self.values.append(value)

        return callback

    def two(self) -> Callable[[object, BaseException | None], None]:
        def callback(value: object, error: BaseException | None) -> None:
            self.threads_ok.append(on_gui())
            self.values.append((value, error))

        return callback

    def error(self) -> BaseException | None:
        """The error the first two-argument callback got."""
        first = self.values[0]
        assert isinstance(first, tuple)
        error = first[1]
        assert error is None or isinstance(error, BaseException)
        return error

    def wait(self, qtbot: QtBot, count: int = 1) -> list[object]:
        qtbot.waitUntil(lambda: len(self.values) >= count, timeout=10_000)
        assert all(self.threads_ok)
        return self.values


class Receiver(QObject):
    """A GUI-thread object, as the window is, that hears ``write_failed``."""

    def __init__(self) -> None:
        super().__init__()
        self.reasons: list[tuple[str, bool]] = []

    def write_failed(self, reason: str) -> None:
        self.reasons.append((reason, on_gui()))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "history" / "history.sqlite3"


@pytest.fixture
def make_controller(
    host: QWidget, workers: Workers, path: Path
) -> Iterator[Callable[[], HistoryController]]:
    """The controller on a lazily opened store at ``path`` (seed it first, then make it)."""
    made: list[HistoryController] = []

    def make() -> HistoryController:
        made.append(HistoryController(workers, HistoryStore(path, lazy=True), host))
        return made[-1]

    yield make
    workers.cancel()
    assert workers.wait(time.monotonic() + 10)
    for controller in made:
        controller.close()


def seed(path: Path, rows: list[tuple[str, str, str]]) -> list[int]:
    """A previous run's rows (queued), written and closed before the controller starts."""
    path.parent.mkdir(parents=True, exist_ok=True)
    store = HistoryStore(path)
    try:
        return store.add(rows)
    finally:
        store.close()


def row(name: str, host: str = HOST) -> tuple[str, str, str]:
    return (f"/pictures/{name}", name, host)


def test_restore_returns_leftovers_and_big_leftover_drops_to_ask_about(
    qtbot: QtBot, make_controller: Callable[[], HistoryController], path: Path, tmp_path: Path
) -> None:
    big = tmp_path / "big"
    big.mkdir()
    for n in range(ASK_ABOVE + 1):
        write(big / f"b{n:03d}.png", png_bytes(seed=n))
    small = tmp_path / "small"
    small.mkdir()
    small_files = [write(small / f"s{n}.png", png_bytes(seed=n)) for n in range(2)]
    path.parent.mkdir(parents=True)
    previous = HistoryStore(path)
    (queued,) = previous.add([row("queued.png")])
    (done,) = previous.add([row("done.png")])
    previous.finish(done, HistoryState.DONE, url="https://img.example/done.png", attempt=1)
    previous.add([row("elsewhere.png", OTHER_HOST)])
    big_drop = previous.add_drop([big], HOST)
    previous.add_drop([small], HOST)
    previous.add_drop([small], OTHER_HOST)  # another window's drop: not this one's
    previous.close()

    controller = make_controller()
    got: list[tuple[Restored, HistoryHealth, bool]] = []
    controller.restore(HOST, lambda restored, health: got.append((restored, health, on_gui())))
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    ((restored, health, on_gui_thread),) = got
    assert on_gui_thread
    assert restored.unfinished[0].id == queued
    assert [Path(entry.path) for entry in restored.unfinished[1:]] == small_files
    assert all(entry.destination == HOST for entry in restored.unfinished)
    assert all(entry.state is HistoryState.QUEUED for entry in restored.unfinished)
    ((drop, intake),) = restored.questions
    assert drop == Drop(big_drop, [big])
    assert intake.folder_images == ASK_ABOVE + 1
    assert health == HistoryHealth(path.parent, False, None, None, None)


def test_restore_of_an_empty_history_finds_nothing(
    qtbot: QtBot, make_controller: Callable[[], HistoryController], path: Path
) -> None:
    controller = make_controller()
    calls = Calls()
    controller.restore(HOST, lambda restored, _health: calls.one()(restored))
    assert calls.wait(qtbot) == [Restored([], [])]
    assert path.exists()


def test_page_count_and_search_arrive_through_callbacks(
    qtbot: QtBot, make_controller: Callable[[], HistoryController], path: Path
) -> None:
    ids = seed(path, [row(f"photo{n}.png") for n in range(5)] + [row("other.png")])
    controller = make_controller()
    calls = Calls()
    controller.count(calls.one())
    controller.page(0, 2, "", False, calls.one())
    controller.page(0, 10, "photo", False, calls.one())
    controller.page(0, 2, "", False, calls.one(), known_total=4)  # two rows came since
    controller.page(0, 10, "", True, calls.one())
    count, first, search, grown, failed = calls.wait(qtbot, 5)
    assert count == 6
    assert isinstance(first, Page)
    assert first.total == 3  # not counted: at least one more than the two rows shown
    assert [e.id for e in first.entries] == [ids[5], ids[4]]  # newest first
    assert isinstance(search, Page)
    assert (search.total, len(search.entries)) == (5, 5)
    assert isinstance(grown, Page)
    assert len(grown.entries) == 4
    assert failed == Page([], 0)


def test_remove_clear_and_export_report_back_and_emit_changed(
    qtbot: QtBot, make_controller: Callable[[], HistoryController], path: Path, tmp_path: Path
) -> None:
    ids = seed(path, [row(f"p{n}.png") for n in range(4)])
    controller = make_controller()
    thumbnail = thumbnail_file(ids[0])
    thumbnail.parent.mkdir(parents=True)
    thumbnail.write_bytes(png_bytes())

    calls = Calls()
    with qtbot.waitSignal(controller.changed, timeout=10_000):
        controller.remove([ids[0]], calls.two())
    assert calls.wait(qtbot) == [(None, None)]
    assert not thumbnail.exists()
    controller.count(calls.one())
    assert calls.wait(qtbot, 2)[1] == 3

    target = tmp_path / "export.csv"
    controller.export(target, "", False, calls.two())
    assert calls.wait(qtbot, 3)[2] == (3, None)
    with target.open(newline="") as stream:
        records = list(csv.DictReader(stream))
    assert [r["name"] for r in records] == ["p3.png", "p2.png", "p1.png"]
    assert {r["state"] for r in records} == {"queued"}

    as_json = tmp_path / "export.json"
    controller.export(as_json, "p2", False, calls.two())
    assert calls.wait(qtbot, 4)[3] == (1, None)
    assert [r["name"] for r in json.loads(as_json.read_text())] == ["p2.png"]

    with qtbot.waitSignal(controller.changed, timeout=10_000):
        controller.clear(calls.two())
    assert calls.wait(qtbot, 5)[4] == (None, None)
    controller.count(calls.one())
    assert calls.wait(qtbot, 6)[5] == 0


def test_an_export_that_fails_reports_the_error(
    qtbot: QtBot, make_controller: Callable[[], HistoryController], path: Path, tmp_path: Path
) -> None:
    seed(path, [row("one.png")])
    controller = make_controller()
    calls = Calls()
    controller.export(tmp_path / "no such folder" / "out.csv", "", False, calls.two())
    assert calls.wait(qtbot) == [(None, calls.error())]
    assert isinstance(calls.error(), OSError)


def read_entry(path: Path, entry_id: int) -> HistoryEntry:
    """The row as another connection sees it (what is on disk)."""
    store = HistoryStore(path)
    try:
        entry = store.get(entry_id)
    finally:
        store.close()
    assert entry is not None
    return entry


def test_changed_is_emitted_once_the_write_is_on_disk(
    qtbot: QtBot, make_controller: Callable[[], HistoryController], path: Path
) -> None:
    (entry_id,) = seed(path, [row("cancel-me.png")])
    controller = make_controller()
    seen: list[HistoryState] = []
    controller.changed.connect(lambda: seen.append(read_entry(path, entry_id).state))
    controller.record_cancelled(entry_id, 1)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen == [HistoryState.CANCELLED]


def test_an_older_attempts_cancel_does_not_overwrite_a_newer_attempts_row(
    qtbot: QtBot, make_controller: Callable[[], HistoryController], path: Path
) -> None:
    retried, done = seed(path, [row("retried.png"), row("done.png")])
    writer = HistoryStore(path)  # the upload workers' writes, as a retry makes them
    writer.restart(retried, HOST, attempt=3)
    writer.finish(done, HistoryState.DONE, url="https://img.example/done.png", attempt=2)
    writer.close()
    controller = make_controller()

    for entry_id, attempt in ((retried, 2), (done, 5)):
        with qtbot.waitSignal(controller.changed, timeout=10_000):
            controller.record_cancelled(entry_id, attempt)
    entry = read_entry(path, retried)
    assert (entry.state, entry.attempt) == (HistoryState.QUEUED, 3)  # attempt 3 still runs
    entry = read_entry(path, done)
    assert (entry.state, entry.url) == (HistoryState.DONE, "https://img.example/done.png")

    with qtbot.waitSignal(controller.changed, timeout=10_000):
        controller.record_cancelled(retried, 3)  # the current attempt's cancel does count
    entry = read_entry(path, retried)
    assert (entry.state, entry.attempt) == (HistoryState.CANCELLED, 3)


def test_while_quitting_a_cancel_is_not_recorded(
    qtbot: QtBot, make_controller: Callable[[], HistoryController], path: Path
) -> None:
    (entry_id,) = seed(path, [row("interrupted.png")])
    controller = make_controller()
    controller.quitting.set()
    changed: list[bool] = []
    controller.changed.connect(lambda: changed.append(True))
    controller.record_cancelled(entry_id, 1)
    calls = Calls()
    controller.count(calls.one())  # runs after anything queued before it
    assert calls.wait(qtbot) == [1]
    assert changed == []
    assert read_entry(path, entry_id).state is HistoryState.QUEUED  # "not uploaded"


@needs_root
def test_a_failed_write_is_reported_on_the_gui_thread(
    qtbot: QtBot, make_controller: Callable[[], HistoryController], path: Path
) -> None:
    (entry_id,) = seed(path, [row("unwritable.png")])
    controller = make_controller()
    receiver = Receiver()
    controller.write_failed.connect(receiver.write_failed)
    calls = Calls()
    controller.count(calls.one())  # opens the file: its WAL is there from now on
    assert calls.wait(qtbot) == [1]
    wal = path.with_name(path.name + "-wal")
    assert wal.exists()
    with immutable(wal):
        controller.record_cancelled(entry_id, 1)
        qtbot.waitUntil(lambda: bool(receiver.reasons), timeout=10_000)
    ((reason, on_gui),) = receiver.reasons
    assert reason
    assert on_gui
    assert controller.health().write_error == reason
