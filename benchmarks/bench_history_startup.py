"""Start-up with 10,000 history rows vs an empty history, and opening the History tab.

Each run is a fresh ``uploader-gui`` process (the real entry point, offscreen, with a key in
its environment so no dialog opens, XDG folders in a temporary directory). The child reports
when the main window is first painted, its RSS then, and how long the History tab takes to
show and paint its first page (from the click to the first paint after the page arrived
from the history thread; for the empty history, a page of no rows). Medians of interleaved
runs; the ratio compares the ``--rows`` history with the empty one. Target: start-up ratio
<= 1.2 (the History tab's time is printed, with the rows its first page shows).
``--check`` exits 1 if the target is missed; ``--quick`` runs once with 100 rows (a smoke
test that the benchmark still runs: the suite does it).

    .venv/bin/python -m benchmarks.bench_history_startup [--runs 11] [--rows 10000] [--check]
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import NamedTuple

from benchmarks.common import ROOT, add_target_options, alternate, median, print_table, verdict
from benchmarks.gui_common import FAKE_KEY, PRODUCTION_URL, isolated_env

TARGET_RATIO = 1.2

RUNNER = textwrap.dedent(
    """
    import os, sys, time
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow, QWidget

    def rss_mb():
        for line in open("/proc/self/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024 / 1e6

    state = {"window": None, "tab_started": None, "page": False}

    def page_arrived():
        state["page"] = True

    def open_history():
        window = state["window"]
        from uploader_gui.ui.base.actions import ActionId

        state["tab_started"] = time.perf_counter()
        window.registry[ActionId.SHOW_HISTORY].trigger()
        # The first page comes from the history thread later (a model reset): even an
        # empty history's, with no rows. Its first paint after that is what is timed.
        window.history_page.model.modelReset.connect(page_arrived)

    class PaintWatcher(QObject):
        def eventFilter(self, watched, event):
            if event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
                return False
            window = watched.window()
            if state["window"] is None and isinstance(window, QMainWindow):
                state["window"] = window
                print(f"painted rss={rss_mb():.1f}", flush=True)
                QTimer.singleShot(0, open_history)
            elif (state["page"]
                  and watched is window.history_page.panel.view.viewport()):
                tab = time.perf_counter() - state["tab_started"]
                rows = window.history_page.model.rowCount()
                print(f"history tab={tab * 1000:.1f} rows={rows}", flush=True)
                os._exit(0)
            return False

    import uploader_gui.ui.app as ui_app
    original = ui_app.create_application
    watchers = []
    def create_application(argv=None):
        app = original(argv)
        watchers.append(PaintWatcher())
        app.installEventFilter(watchers[-1])
        return app
    ui_app.create_application = create_application
    from uploader_gui.cli import main
    main([])
    sys.exit(3)
    """
)


class Sample(NamedTuple):
    wall: float
    rss_mb: float
    tab_ms: float
    tab_rows: int


def fill_history(home: Path, rows: int) -> None:
    """A history database with ``rows`` finished uploads, made by the app's own store."""
    env_data = home / "xdg_data_home"
    from uploader_gui.core.history import HistoryStore

    path = env_data / "uploader-gui" / "history.sqlite3"
    HistoryStore(path).close()
    now = time.time()
    with sqlite3.connect(path) as db:
        db.executemany(  # (rows made as they are written: a million fit in no list)
            "INSERT INTO uploads (path, name, size, destination, state, url, added_at, uploaded_at)"
            " VALUES (?, ?, ?, 'api.imagepipeline.io', 'done', ?, ?, ?)",
            (
                (
                    f"/photos/{i}.jpg",
                    f"photo-{i:05}.jpg",
                    1_000_000 + i,
                    f"https://cdn.imagepipeline.io/u/{i:08x}.jpg",
                    now - i,
                    now - i,
                )
                for i in range(rows)
            ),
        )


#: A child that has not painted its History tab by then is stuck: it is killed, and the
#: benchmark fails instead of waiting forever.
CHILD_TIMEOUT_S = 120.0


@contextmanager
def killed_after(child: subprocess.Popen[str], seconds: float) -> Iterator[threading.Event]:
    """Kills ``child`` if it is still running after ``seconds``; says whether it did."""
    fired = threading.Event()

    def kill() -> None:
        fired.set()
        child.kill()

    timer = threading.Timer(seconds, kill)
    timer.start()
    try:
        yield fired
    finally:
        timer.cancel()


def run_once(env: dict[str, str]) -> Sample:
    """Wall seconds to first paint (the child exits later), RSS MB, History tab ms and the
    rows of its first page."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", RUNNER], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    with killed_after(child, CHILD_TIMEOUT_S) as timed_out:
        painted = child.stdout.readline()
        wall = time.perf_counter() - started
        tab = child.stdout.readline()
        child.wait()
    if not painted.startswith("painted ") or not tab.startswith("history "):
        why = f"killed after {CHILD_TIMEOUT_S:g} s" if timed_out.is_set() else "failed"
        raise RuntimeError(f"child {why}: {painted!r} {tab!r} (exit {child.returncode})")
    rss = float(painted.split("rss=")[1])
    tab_ms = float(tab.split("tab=")[1].split()[0])
    rows = int(tab.split("rows=")[1])
    return Sample(wall, rss, tab_ms, rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--rows", type=int, default=10_000)
    add_target_options(parser)
    args = parser.parse_args()
    if args.quick:
        args.runs, args.rows = 1, 100
    baseline_label, full_label = "empty history (baseline)", f"{args.rows:,} rows"
    with tempfile.TemporaryDirectory(prefix="uploader-bench-history-") as name:
        homes = {baseline_label: Path(name, "empty"), full_label: Path(name, "full")}
        envs = {}
        for label, home in homes.items():
            home.mkdir()
            envs[label] = isolated_env(
                home,
                "offscreen",
                IMAGEPIPELINE_API_KEY=FAKE_KEY,
                IMAGEPIPELINE_API_URL=PRODUCTION_URL,
            )
        fill_history(homes[full_label], args.rows)
        samples: dict[str, list[Sample]] = {label: [] for label in envs}

        def runner(label: str) -> float:
            sample = run_once(envs[label])
            samples[label].append(sample)
            return sample.wall

        run_once(envs[baseline_label])  # warm the disk cache
        alternate(args.runs, {label: partial(runner, label) for label in envs})
    baseline = median([s.wall for s in samples[baseline_label]])
    rows = []
    for label, values in samples.items():
        wall = median([s.wall for s in values])
        rows.append(
            (
                label,
                f"{wall * 1000:.0f}",
                f"{wall / baseline:.3f}",
                f"{median([s.rss_mb for s in values]):.1f}",
                f"{median([s.tab_ms for s in values]):.1f}",
                f"{values[-1].tab_rows}",
            )
        )
    print_table(
        f"start -> window painted, median of {args.runs} interleaved runs "
        f"(target: ratio <= {TARGET_RATIO}); the History tab: click -> first page painted",
        rows,
        ("history", "start ms", "ratio", "RSS MB", "History tab ms", "first page rows"),
    )
    ratio = median([s.wall for s in samples[full_label]]) / baseline
    missed = ["start-up ratio"] if ratio > TARGET_RATIO else []
    return verdict(missed, check=args.check, quick=args.quick)


if __name__ == "__main__":
    raise SystemExit(main())
