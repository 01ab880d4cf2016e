"""A big folder drop survives ``kill -9`` at any point: each file uploaded or listed, once.

The real app runs as a child process (only its "Upload all N images?" question is answered
by the test), uploading to the real sandbox server, and is killed while it lists the folder,
while it uploads, and again after a restart; a last start lists what is left.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.conftest import ScriptedDialogs, make_window, send_as_is, shut
from tests.history_file import query
from uploader_gui.core.paths import data_dir
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.settings.store import Settings
from uploader_gui.ui.uploads.model import FailureKind

FILES = 12_000

# The real entry point, with the folder question answered "Upload all" (a modal dialog
# has nobody to click it in a child process).
DRIVER = """
import sys
from uploader_gui.ui.modal_dialogs import ModalDialogs
ModalDialogs.confirm = lambda self, parent, title, text, label: True
from uploader_gui.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _history() -> Path:
    return data_dir() / "history.sqlite3"


def _query(sql: str, *, before_start: bool = False) -> list[tuple[Any, ...]]:
    """``sql``'s rows, read from the app's history (another process writes it meanwhile)."""
    return query(_history(), sql, before_start=before_start)


def _count(sql: str, *, before_start: bool = False) -> int:
    (row,) = _query(sql, before_start=before_start) or [(0,)]
    return int(row[0])


class App:
    """The real app in a child process."""

    def __init__(self, sandbox: SandboxServer, log: Path, *args: str) -> None:
        env = {
            **os.environ,
            "IMAGEPIPELINE_API_KEY": sandbox.key,
            "IMAGEPIPELINE_API_URL": sandbox.url,
        }
        # Its stderr goes to a file: a pipe nobody reads fills up and blocks the app.
        self.log = log
        with log.open("ab") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, "-c", DRIVER, *args],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )

    def wait_for(self, what: str, condition: Callable[[], bool], timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if self.process.poll() is not None:
                pytest.fail(f"the app exited before {what}: {self.log.read_text()[-3000:]}")
            if time.monotonic() > deadline:
                self.kill()
                pytest.fail(f"timed out waiting for {what}")
            time.sleep(0.01)

    def has_history_open(self) -> bool:
        """The app opened its history: it is past start-up, in its event loop."""
        for fd in Path(f"/proc/{self.process.pid}/fd").iterdir():
            try:
                if os.readlink(fd).endswith("history.sqlite3"):
                    return True
            except OSError:  # closed while we looked (thumbnails open and close files)
                continue
        return False

    def kill(self) -> None:
        self.process.kill()  # SIGKILL: no clean-up of any kind
        self.process.wait()

    def terminate(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=30)


def _rows_per_path() -> Counter[str]:
    return Counter(str(row[0]) for row in _query("SELECT path FROM uploads"))


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_a_12000_file_folder_drop_survives_kill_9_at_several_points(
    qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path
) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    header = b"\x89PNG\r\n\x1a\n"
    paths = [folder / f"img-{i:05}.png" for i in range(FILES)]
    for i, path in enumerate(paths):
        path.write_bytes(header + i.to_bytes(4, "big") * 16)
    expected = {str(path) for path in paths}
    sandbox.faults.throttle_bps = 400_000  # uploads go on while the app is killed

    send_as_is()  # stand-in images: a PNG header and a few bytes
    # 1. Killed the moment the drop is on disk: while the folder is listed or recorded.
    app = App(sandbox, tmp_path / "app-1.log", str(folder))
    app.wait_for(
        "the drop to be recorded",
        lambda: _count("SELECT COUNT(*) FROM drops", before_start=True) > 0,
    )
    app.kill()
    assert _count("SELECT COUNT(*) FROM uploads") < FILES  # it really was cut short

    # 2. The next start finishes listing the drop and resumes; killed mid-upload.
    settings = Settings()
    settings.resume_unfinished = True
    settings.remove_metadata = settings.convert_formats = False  # stand-in images
    settings.sync()
    app = App(sandbox, tmp_path / "app-2.log")
    app.wait_for(
        "some uploads after the restart",
        lambda: _count("SELECT COUNT(*) FROM uploads WHERE state = 'done'") >= 3,
    )
    app.kill()
    assert _count("SELECT COUNT(*) FROM drops") == 0
    assert _rows_per_path() == Counter(expected)  # every file listed, exactly once

    # 3. A second drop of the same folder, killed one second after it was accepted.
    app = App(sandbox, tmp_path / "app-3.log", str(folder))
    app.wait_for("the second drop", lambda: _count("SELECT COUNT(*) FROM drops") > 0)
    time.sleep(1.0)  # the repro: "killed 1 s later"
    app.kill()

    # 4. Without resuming: the last start lists what is left, then quits on SIGTERM.
    settings.resume_unfinished = False
    settings.sync()
    app = App(sandbox, tmp_path / "app-4.log")
    app.wait_for(
        "the leftovers",
        lambda: app.has_history_open() and _count("SELECT COUNT(*) FROM drops") == 0,
    )
    assert app.terminate() == 0
    sandbox.faults.throttle_bps = 0

    rows = _rows_per_path()
    assert set(rows) == expected
    assert set(rows.values()) == {2}  # each file once for each of the two drops
    states = {str(row[0]) for row in _query("SELECT DISTINCT state FROM uploads")}
    assert states <= {"queued", "done"}
    done = _query("SELECT url FROM uploads WHERE state = 'done'")
    on_server = {upload.url for upload in sandbox.uploads}
    assert {str(row[0]) for row in done} <= on_server

    # And the window lists every file not uploaded, as interrupted, once.
    window = make_window(qtbot, sandbox.url, ScriptedDialogs())
    unfinished = _count("SELECT COUNT(*) FROM uploads WHERE state = 'queued'")
    qtbot.waitUntil(lambda: window.model.rowCount() == unfinished, timeout=30_000)
    items = window.model.items()
    assert {item.failure for item in items} == {FailureKind.INTERRUPTED}
    listed = Counter(str(item.path) for item in items)
    assert sum(listed.values()) == unfinished
    shut(qtbot, window)
