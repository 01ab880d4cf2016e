"""Shared pieces of the GUI benchmarks: isolated child processes and small Qt helpers.

The parent side (environments, running a child, percentiles) never imports Qt, so every
measurement happens in a fresh child process. The Qt helpers import PySide6 lazily and are
meant for those children.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.common import ROOT

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QApplication, QWidget

    from uploader_gui.ui.main_window import MainWindow

#: A well-formed key for children that never talk to a server (start-up, memory).
FAKE_KEY = "bench-not-a-real-key-0123456789"
PRODUCTION_URL = "https://api.imagepipeline.io"
#: Children print their measurements as one line starting with this, then JSON.
RESULT_PREFIX = "BENCH-RESULT "


def isolated_env(
    home: Path, platform: str | None = "offscreen", bytecode_cache: bool = False, **extra: str
) -> dict[str, str]:
    """This environment with the app's key/URL removed and the XDG folders under ``home``.

    ``bytecode_cache``: let the children cache compiled modules (in ``home/pycache``, not in
    the source tree) even if ``PYTHONDONTWRITEBYTECODE`` is set here, as an installed app
    does; otherwise every start would compile the app's modules from source again.

    ``extra`` (e.g. ``IMAGEPIPELINE_API_KEY``) is added last; the key only ever travels to a
    child this way, never on its command line.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMAGEPIPELINE_")}
    if bytecode_cache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
        folder = home / name.lower()
        folder.mkdir(mode=0o700, exist_ok=True)
        env[name] = str(folder)
    if platform is not None:
        env["QT_QPA_PLATFORM"] = platform
    env.update(extra)
    return env


@contextmanager
def fresh_home() -> Iterator[Path]:
    """An empty folder for one child's XDG folders: no settings, no history, no queue.

    The app remembers uploads (and reuses them for the same file) and resumes unfinished
    ones, so a child that must not be helped or slowed by an earlier one gets its own.
    """
    with tempfile.TemporaryDirectory(prefix="uploader-bench-home-") as name:
        yield Path(name)


def child_command(module: str, *args: str) -> list[str]:
    """``python -m benchmarks.MODULE --child ARGS...`` (run from the repository root)."""
    return [sys.executable, "-m", module, "--child", *args]


def run_child(
    command: Sequence[str], env: dict[str, str], timeout: float = 600
) -> tuple[float, dict[str, Any]]:
    """Run a child to completion; return its wall time and the JSON it reported."""
    started = time.perf_counter()
    done = subprocess.run(
        list(command),
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(
            f"benchmark child failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}"
        )
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            return wall, json.loads(line[len(RESULT_PREFIX) :])
    raise RuntimeError(f"benchmark child reported nothing:\n{done.stdout}\n{done.stderr}")


def fail_fast() -> None:
    """Child side: an exception escaping a Qt slot ends the child instead of hanging it.

    PySide prints such exceptions through ``sys.excepthook`` and carries on, so a benchmark
    waiting for work that will never finish would otherwise wait until its timeout.
    """

    def hook(kind: type[BaseException], value: BaseException, tb: Any) -> None:
        sys.__excepthook__(kind, value, tb)
        sys.stderr.flush()
        os._exit(70)

    sys.excepthook = hook


def report(result: dict[str, Any]) -> None:
    """Child side: hand ``result`` to the parent (see :func:`run_child`)."""
    sys.stdout.write(RESULT_PREFIX + json.dumps(result) + "\n")
    sys.stdout.flush()


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (``fraction`` 0.99 is p99); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def rss_mb() -> float:
    """This process's resident set size (VmRSS) in MB (10^6 bytes)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024 / 1e6
    raise RuntimeError("no VmRSS in /proc/self/status")


# -- child side: Qt helpers (PySide6 is imported lazily) -------------------------------------


def run_until(
    app: QApplication,
    done: Callable[[], bool],
    timeout: float,
    poll_ms: int = 5,
    wake: Sequence[SignalInstance] = (),
) -> None:
    """Run the event loop until ``done()`` holds, or fail after ``timeout`` seconds.

    ``done`` is checked every ``poll_ms`` and whenever one of the ``wake`` signals fires.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return
    loop = QEventLoop()
    deadline = time.monotonic() + timeout
    timed_out = False

    def check() -> None:
        nonlocal timed_out
        if done():
            loop.quit()
        elif time.monotonic() > deadline:
            timed_out = True
            loop.quit()

    timer = QTimer()
    timer.setInterval(poll_ms)
    timer.timeout.connect(check)
    timer.start()
    for signal in wake:
        signal.connect(check)
    loop.exec()
    timer.stop()
    for signal in wake:
        signal.disconnect(check)
    if timed_out:
        raise TimeoutError(f"not done within {timeout:g} s")


def wait_painted(app: QApplication, window: QWidget, timeout: float = 30) -> None:
    """Run the event loop until ``window`` (or a child of it) has received a Paint event."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    painted = False

    class Watcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            nonlocal painted
            if (
                not painted
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and watched.window() is window
            ):
                painted = True
            return False

    watcher = Watcher()
    app.installEventFilter(watcher)
    try:
        run_until(app, lambda: painted, timeout)
    finally:
        app.removeEventFilter(watcher)


def idle(app: QApplication, seconds: float) -> None:
    """Run the event loop for ``seconds`` with nothing to do."""
    end = time.monotonic() + seconds
    run_until(app, lambda: time.monotonic() >= end, seconds + 30, poll_ms=50)


def upload_window(
    api_url: str, api_key: str, concurrency: int = 4, prepare: bool = False
) -> tuple[QApplication, MainWindow]:
    """The real main window uploading to ``api_url``: shown, painted, auto-copy off.

    ``prepare``: files are prepared as by default (metadata removed, formats converted);
    otherwise sent as they are, like the headless baseline of the pipeline benchmark.

    Settings go to ``$XDG_CONFIG_HOME``, which must be an isolated folder (see
    :func:`isolated_env`), never the user's own.
    """
    if not os.environ.get("XDG_CONFIG_HOME"):
        raise RuntimeError("run this in a child with an isolated XDG_CONFIG_HOME")
    fail_fast()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from uploader_gui.ui.app import compose, create_application, settle_after_start
    from uploader_gui.ui.settings.store import Settings

    app = create_application()
    settings = Settings()
    settings.auto_copy = False
    settings.remove_metadata = settings.convert_formats = prepare
    settings.sync()
    window = compose(settings, api_url)
    settle_after_start()  # as run_app does shortly after the first paint
    window.queue.set_concurrency(concurrency)
    window.keys.use_key(api_url, api_key)
    window.show()
    wait_painted(app, window)
    return app, window


class LatenessProbe:
    """A repeating precise ``QTimer`` on the GUI thread that records how late each tick is.

    Lateness is the gap between consecutive timeouts minus the interval (never below 0),
    measured with ``time.perf_counter``.
    """

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.interval = interval_ms / 1000
        self.gaps: list[float] = []
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def start(self) -> None:
        self.gaps.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def lateness_ms(self) -> list[float]:
        return [max(0.0, gap - self.interval) * 1000 for gap in self.gaps]

    def summary(self) -> dict[str, float]:
        late = self.lateness_ms()
        return {
            "max_ms": max(late, default=0.0),
            "p99_ms": percentile(late, 0.99),
            "p50_ms": percentile(late, 0.50),
            "ticks": float(len(late)),
            "over_16ms": float(sum(1 for value in late if value > 16)),
        }
