"""The window prepares what it sends as Settings ▸ Images says, and says what it did."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from tests.fixtures_metadata import jpeg_with_metadata, picture
from tests.gui.conftest import ScriptedDialogs, drop_files, wait_finished
from uploader_gui.core.history import HistoryState, HistoryStore
from uploader_gui.core.paths import cache_dir
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.base.actions import ActionId
from uploader_gui.ui.base.dialog_types import SettingsValues
from uploader_gui.ui.main_window import MainWindow
from uploader_gui.ui.uploads.model import State


def _gps_tags(path: Path) -> list[str]:
    done = subprocess.run(
        ["exiftool", "-j", "-a", "-G1", str(path)], capture_output=True, text=True, check=True
    )
    return [key for key in json.loads(done.stdout)[0] if key.startswith("GPS:")]


def test_a_photo_s_location_is_removed_and_the_row_says_so(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    photo = jpeg_with_metadata(tmp_path / "home.jpg")
    assert _gps_tags(photo)
    drop_files(window, [photo])
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.DONE, item.error
    (stored,) = sandbox.uploads
    assert _gps_tags(stored.path) == []
    assert item.note is not None
    assert item.note.startswith("location and ")
    assert item.note in window.model.status_text(item)  # the row shows it
    qtbot.waitUntil(lambda: HistoryStore().page(0, 1)[0].state is HistoryState.DONE)
    (entry,) = HistoryStore().page(0, 1)
    assert entry.prepared == item.note  # and so does the History tab
    qtbot.waitUntil(lambda: list((cache_dir() / "prepared").glob("*/*")) == [])


def test_settings_images_round_trip_and_apply_to_the_next_files(
    qtbot: QtBot,
    window: MainWindow,
    sandbox: SandboxServer,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:
    dialogs.settings_answer = SettingsValues(
        api_url=sandbox.url,
        concurrency=4,
        retries=3,
        auto_copy=True,
        copy_format="url",
        remove_metadata=False,
        convert_formats=False,
        max_side=1024,
    )
    window.registry[ActionId.SETTINGS].trigger()
    settings = window.parts.preferences.settings
    assert (settings.remove_metadata, settings.convert_formats, settings.max_side) == (
        False,
        False,
        1024,
    )
    assert window.parts.preferences.current().max_side == 1024  # shown as stored
    big = tmp_path / "big.png"
    picture((3000, 1000)).save(big)
    bmp = tmp_path / "scan.bmp"
    picture((40, 30)).save(bmp)
    drop_files(window, [big, bmp])
    first, second = wait_finished(qtbot, window, 2)
    assert first.state is State.DONE
    assert first.note == "resized from 3000 \u00d7 1000"
    assert second.state is State.FAILED  # conversion is off: refused, as before
    assert "BMP" in (second.error or "")


def test_the_settings_dialog_shows_and_returns_the_image_choices(qtbot: QtBot) -> None:
    from uploader_gui.ui.base.dialog_types import KeyStatus
    from uploader_gui.ui.settings.dialog import SettingsDialog
    from uploader_gui.ui.settings.rows import LimitBox

    values = SettingsValues(
        api_url="",
        concurrency=4,
        retries=3,
        auto_copy=True,
        copy_format="url",
        remove_metadata=True,
        convert_formats=False,
        max_side=None,
    )
    key = KeyStatus("Key for api.example: none.", "test keyring", True, False)
    dialog = SettingsDialog(None, values, key, "https://api.example")
    qtbot.addWidget(dialog)
    remove, convert, shrink = (
        dialog.editors[name] for name in ("remove_metadata", "convert_formats", "max_side")
    )
    assert isinstance(remove, QCheckBox)
    assert isinstance(convert, QCheckBox)
    assert isinstance(shrink, LimitBox)
    assert remove.isChecked()
    assert not convert.isChecked()
    assert not shrink.check.isChecked()
    assert not shrink.spin.isEnabled()
    shrink.check.setChecked(True)
    assert shrink.spin.isEnabled()
    assert shrink.spin.value() == 2048  # the suggested size when turned on
    remove.setChecked(False)
    chosen = dialog.values()
    assert (chosen.remove_metadata, chosen.convert_formats, chosen.max_side) == (False, False, 2048)


def test_a_file_too_large_for_the_service_offers_shrink_and_retry(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    from PIL import Image, ImageOps

    from uploader_gui.core.prepare.convert import Converted, shrink
    from uploader_gui.ui.uploads.delegate import actions_for
    from uploader_gui.ui.uploads.model import FailureKind

    photo = tmp_path / "huge.jpg"
    picture((4000, 3000)).save(photo, quality=95)
    calibrate = tmp_path / "calibrate"
    calibrate.mkdir()
    small = shrink(photo, calibrate, 2048)
    assert isinstance(small, Converted)
    # The service takes the 2048-px copy but not the original.
    sandbox.max_bytes = (photo.stat().st_size + small.path.stat().st_size) // 2
    drop_files(window, [photo])
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.FAILED
    assert item.failure is FailureKind.TOO_LARGE
    assert "too large for the service (HTTP 413)" in (item.error or "")
    assert actions_for(item) == [ActionId.SHRINK_RETRY, ActionId.REMOVE]  # Retry can't help
    window.uploads.delegate.action.emit(ActionId.SHRINK_RETRY, item.id)  # the row's button
    qtbot.waitUntil(lambda: item.state is State.DONE, timeout=10_000)
    assert item.note == "resized from 4000 \u00d7 3000"
    stored = sandbox.uploads[-1]
    with Image.open(stored.path) as sent:
        assert max(ImageOps.exif_transpose(sent).size) == 2048


def test_a_crash_s_prepared_copies_are_removed_at_the_next_start(
    qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path
) -> None:
    import os
    import signal
    import sys
    import time

    from tests.gui.conftest import make_window, shut

    photo = jpeg_with_metadata(tmp_path / "private.jpg")
    sandbox.faults.latency = 30  # the copy stays in use: the server never answers
    env = {**os.environ, "IMAGEPIPELINE_API_KEY": sandbox.key, "IMAGEPIPELINE_API_URL": sandbox.url}
    app = subprocess.Popen(
        [sys.executable, "-m", "uploader_gui", str(photo)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    prepared = cache_dir() / "prepared"
    try:
        deadline = time.monotonic() + 30
        while not any(r.method == "POST" for r in sandbox.requests):
            assert app.poll() is None, "the app exited"
            assert time.monotonic() < deadline, "the upload never started"
            time.sleep(0.02)
        (copy,) = prepared.glob("*/*")  # the photo without its metadata, being sent
        assert copy.stat().st_mode & 0o777 == 0o600
    finally:
        app.send_signal(signal.SIGKILL)  # no clean-up of any kind
        app.wait()
    assert copy.exists()  # left behind by the crash
    sandbox.faults.latency = 0
    window = make_window(qtbot, sandbox.url, ScriptedDialogs())
    qtbot.waitUntil(lambda: not copy.parent.exists(), timeout=5000)
    assert list(prepared.iterdir()) == []
    shut(qtbot, window)
