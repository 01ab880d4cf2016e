"""The upload queue and its settings (``ui/uploads/queue.py``): it keeps no copy of them. It
follows how many uploads run at once, and reads the rest as each upload starts: how often it
retries, whether an earlier upload of the same bytes is reused, how files are prepared."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.images import png_bytes, write
from tests.ui.helpers import FAST
from uploader_gui.core.destination import Access, Destination
from uploader_gui.core.history import HistoryStore
from uploader_gui.core.prepare.options import PrepareOptions
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.base.workers import Workers
from uploader_gui.ui.history.controller import HistoryController
from uploader_gui.ui.settings.store import Settings
from uploader_gui.ui.uploads.model import State, UploadItem, UploadListModel
from uploader_gui.ui.uploads.queue import UploadQueue


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def queue(host: QWidget, workers: Workers, settings: Settings) -> Iterator[UploadQueue]:
    made = UploadQueue(UploadListModel(parent=host), workers, settings, None, host)
    yield made
    made.shutdown()


def test_as_many_uploads_run_at_once_as_settings_say(
    queue: UploadQueue, settings: Settings
) -> None:
    assert queue.concurrency == 4
    settings.concurrency = 7
    assert queue.concurrency == 7
    settings.concurrency = 99
    assert queue.concurrency == 16  # the row's range


def test_retries_count_from_settings_and_wait_as_the_queue_is_told(
    queue: UploadQueue, settings: Settings
) -> None:
    queue.set_retry_policy(FAST)
    settings.retries = 0
    assert queue.retry_policy == replace(FAST, retries=0)
    settings.retries = 7
    assert queue.retry_policy.retries == 7
    assert queue.retry_policy.base_delay == FAST.base_delay


def test_files_not_yet_started_are_prepared_as_settings_say_now(
    queue: UploadQueue, settings: Settings
) -> None:
    assert queue.prepare_options == PrepareOptions()
    settings.remove_metadata = False
    settings.max_side = 800
    assert queue.prepare_options == PrepareOptions(remove_metadata=False, max_side=800)


def test_an_earlier_upload_is_reused_while_settings_say_so(
    qtbot: QtBot,
    host: QWidget,
    workers: Workers,
    settings: Settings,
    sandbox: SandboxServer,
    tmp_path: Path,
) -> None:
    settings.remove_metadata = settings.convert_formats = False  # stand-in images, as they are
    access = Access(Destination(sandbox.url), sandbox.key, 1)
    store = HistoryStore(tmp_path / "history.sqlite3")
    model = UploadListModel(parent=host)
    history = HistoryController(workers, store, host)
    queue = UploadQueue(model, workers, settings, history, host, access=lambda: access)
    data = png_bytes(seed=7)

    def upload(name: str) -> UploadItem:
        path = write(tmp_path / name, data)
        drop = store.add_drop([path], access.destination.id)
        entries = store.record_drop(drop, [path], access.destination.id)
        (item,) = queue.add([path], entries=entries)
        qtbot.waitUntil(lambda: item.state is State.DONE, timeout=10_000)
        return item

    try:
        assert not upload("first.png").reused
        assert upload("again.png").reused
        settings.reuse_duplicates = False
        assert not upload("once-more.png").reused
        assert len(sandbox.uploads) == 2
    finally:
        queue.shutdown()
