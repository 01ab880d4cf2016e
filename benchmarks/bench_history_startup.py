"""Start-up with 10,000 history rows vs an empty history, and opening the History tab.

Each run is a fresh ``uploader-gui`` process (the real entry point, offscreen, with a key in
its environment so no dialog opens, XDG folders in a temporary directory). The child reports
when the main window is first painted, its RSS then, and how long the History tab takes to
show and paint its first page. Medians of interleaved runs; the ratio compares the 10,000-row
history with the empty one. Target: start-up ratio <= 1.2.

    .venv/bin/python -m benchmarks.bench_history_startup [--runs 11] [--rows 10000]
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from functools import partial
from pathlib import Path

from benchmarks.common import ROOT, alternate, median, print_table
from benchmarks.gui_common import FAKE_KEY, PRODUCTION_URL, isolated_env

RUNNER = textwrap.dedent(
    """
    import os, sys, time
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow, QWidget

    def rss_mb():
        for line in open("/proc/self/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024 / 1e6

    state = {"window": None, "tab_started": None}

    def open_history():
        window = state["window"]
        from uploader_gui.ui.base.actions import ActionId

        state["tab_started"] = time.perf_counter()
        window.registry[ActionId.SHOW_HISTORY].trigger()

    class PaintWatcher(QObject):
        def eventFilter(self, watched, event):
            if event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
                return False
            window = watched.window()
            if state["window"] is None and isinstance(window, QMainWindow):
                state["window"] = window
                print(f"painted rss={rss_mb():.1f}", flush=True)
                QTimer.singleShot(0, open_history)
            elif (state["tab_started"] is not None
                  and watched is window.history_page.panel.view.viewport()
                  and window.history_page.model.rowCount()):  # rows arrive off the GUI thread
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


def fill_history(home: Path, rows: int) -> None:
    """A history database with ``rows`` finished uploads, made by the app's own store."""
    env_data = home / "xdg_data_home"
    from uploader_gui.core.history import HistoryStore

    path = env_data / "uploader-gui" / "history.sqlite3"
    HistoryStore(path).close()
    now = time.time()
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO uploads (path, name, size, api_host, state, url, added_at, uploaded_at)"
            " VALUES (?, ?, ?, 'api.imagepipeline.io', 'done', ?, ?, ?)",
            [
                (
                    f"/photos/{i}.jpg",
                    f"photo-{i:05}.jpg",
                    1_000_000 + i,
                    f"https://cdn.imagepipeline.io/u/{i:08x}.jpg",
                    now - i,
                    now - i,
                )
                for i in range(rows)
            ],
        )


def run_once(env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds to first paint (the child exits later), RSS MB, History tab ms."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", RUNNER], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    painted = child.stdout.readline()
    wall = time.perf_counter() - started
    tab = child.stdout.readline()
    child.wait(timeout=60)
    if not painted.startswith("painted ") or not tab.startswith("history "):
        raise RuntimeError(f"child failed: {painted!r} {tab!r} (exit {child.returncode})")
    rss = float(painted.split("rss=")[1])
    tab_ms = float(tab.split("tab=")[1].split()[0])
    return wall, rss, tab_ms


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    results: dict[str, list[tuple[float, float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="uploader-bench-history-") as name:
        homes = {
            "empty history (baseline)": Path(name, "empty"),
            f"{args.rows} rows": Path(name, "full"),
        }
        envs = {}
        for label, home in homes.items():
            home.mkdir()
            envs[label] = isolated_env(
                home,
                "offscreen",
                IMAGEPIPELINE_API_KEY=FAKE_KEY,
                IMAGEPIPELINE_API_URL=PRODUCTION_URL,
            )
        fill_history(homes[f"{args.rows} rows"], args.rows)
        samples: dict[str, list[tuple[float, float, float]]] = {label: [] for label in envs}

        def runner(label: str) -> float:
            sample = run_once(envs[label])
            samples[label].append(sample)
            return sample[0]

        run_once(envs["empty history (baseline)"])  # warm the disk cache
        alternate(args.runs, {label: partial(runner, label) for label in envs})
        results = samples
    baseline = median([s[0] for s in results["empty history (baseline)"]])
    rows = []
    for label, values in results.items():
        wall = median([s[0] for s in values])
        rows.append(
            (
                label,
                f"{wall * 1000:.0f}",
                f"{wall / baseline:.3f}",
                f"{median([s[1] for s in values]):.1f}",
                f"{median([s[2] for s in values]):.1f}",
            )
        )
    print_table(
        f"start -> window painted, median of {args.runs} interleaved runs (target: ratio <= 1.2)",
        rows,
        ("history", "start ms", "ratio", "RSS MB", "History tab ms"),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
