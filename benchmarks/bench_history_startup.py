"""Start-up with 10,000 and 1,000,000 history rows vs an empty history, and the History tab.

Each run is a fresh ``uploader-gui`` process (the real entry point, offscreen, with a key in
its environment so no dialog opens, XDG folders in a temporary directory). The child reports
when the main window is first painted, its RSS then, and how long the History tab takes to
show and paint its first page (from the click, right after the window's first paint, to the
first paint after the page arrived from the history thread; for the empty history, a page of
no rows). Medians of interleaved runs; the ratio compares each history with the empty one.
Targets: start-up ratio <= 1.2 for both, and the History tab's first page <= 50 ms with the
``--big`` history. ``--check`` exits 1 if a target is missed; ``--quick`` runs once with 100
and 2,000 rows (a smoke test that the benchmark still runs: the suite does it).

    .venv/bin/python -m benchmarks.bench_history_startup [--runs 11] [--rows 10000]
        [--big 1000000] [--check]
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
#: The History tab's first page, with the ``--big`` history (ms).
TAB_TARGET_MS = 50.0

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


def fill_history(home: Path, rows: int) -> Path:
    """A history database with ``rows`` finished uploads, made by the app's own store (its
    schema, indexes and search index); the path of the file."""
    env_data = home / "xdg_data_home"
    from uploader_gui.core.history import HistoryStore

    path = env_data / "uploader-gui" / "history.sqlite3"
    HistoryStore(path).close()
    now = time.time()
    with sqlite3.connect(path) as db:
        # The rows are made as they are written (a million fit in no list), in one statement:
        # the search index's triggers then cost as little as they can.
        db.execute(
            "WITH RECURSIVE n(i) AS (SELECT 0 WHERE ? > 0 UNION ALL "
            "SELECT i + 1 FROM n WHERE i + 1 < ?) "
            "INSERT INTO uploads (path, name, size, destination, state, url, added_at, "
            "uploaded_at) SELECT '/photos/' || i || '.jpg', printf('photo-%05d.jpg', i), "
            "1000000 + i, 'api.imagepipeline.io', 'done', "
            "printf('https://cdn.imagepipeline.io/u/%08x.jpg', i), ? - i, ? - i FROM n",
            (rows, rows, now, now),
        )
    db.close()
    return path


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


def measure(runs: int, sizes: dict[str, int]) -> dict[str, list[Sample]]:
    """Interleaved runs of a child for each history (label: rows), after one to warm up."""
    with tempfile.TemporaryDirectory(prefix="uploader-bench-history-") as name:
        envs = {}
        for index, (label, rows) in enumerate(sizes.items()):
            home = Path(name, f"home{index}")
            home.mkdir()
            envs[label] = isolated_env(
                home,
                "offscreen",
                IMAGEPIPELINE_API_KEY=FAKE_KEY,
                IMAGEPIPELINE_API_URL=PRODUCTION_URL,
            )
            if rows:
                fill_history(home, rows)
        samples: dict[str, list[Sample]] = {label: [] for label in envs}

        def runner(label: str) -> float:
            sample = run_once(envs[label])
            samples[label].append(sample)
            return sample.wall

        for env in envs.values():
            run_once(env)  # warm the disk cache
        alternate(runs, {label: partial(runner, label) for label in envs})
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--big", type=int, default=1_000_000, help="the big history's rows")
    add_target_options(parser)
    args = parser.parse_args()
    if args.quick:
        args.runs, args.rows, args.big = 1, 100, 2_000
    baseline_label, full_label, big_label = (
        "empty history (baseline)",
        f"{args.rows:,} rows",
        f"{args.big:,} rows",
    )
    samples = measure(args.runs, {baseline_label: 0, full_label: args.rows, big_label: args.big})
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
        f"(target: ratio <= {TARGET_RATIO}); the History tab: click -> first page painted "
        f"(target with {big_label}: <= {TAB_TARGET_MS:g} ms)",
        rows,
        ("history", "start ms", "ratio", "RSS MB", "History tab ms", "first page rows"),
    )
    missed = [
        f"start-up ratio ({label})"
        for label in (full_label, big_label)
        if median([s.wall for s in samples[label]]) / baseline > TARGET_RATIO
    ]
    if median([s.tab_ms for s in samples[big_label]]) > TAB_TARGET_MS:
        missed.append(f"History tab first page ({big_label})")
    return verdict(missed, check=args.check, quick=args.quick)


if __name__ == "__main__":
    raise SystemExit(main())
