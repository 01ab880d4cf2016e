"""Searching the History tab of a 1,000,000-row history vs a 1,000-row one.

Each size runs in a fresh ``uploader-gui`` process (the real entry point, offscreen, XDG
folders in a temporary directory, the history made by ``bench_history_startup``'s
``fill_history``). The child opens the History tab, then types each search into its box, in
turn: a common term (every row holds it), a rare one (one row), one that matches nothing,
and two letters matching nothing (too short for the search index: every row is read). Each
is timed from the moment the search starts (when the box's typing pause ends, 200 ms after
the last key: that pause is the same for any history, and left out) to the first paint of
the list after its first page of results arrived. Medians of ``--runs`` rounds; the ratio
compares the big history with the small one. Target: each of the first three <= 50 ms with
the big history (the two letters are printed, with no target). ``--check`` exits 1 if a
target is missed; ``--quick`` runs one round with 20,000 rows (a smoke test that the
benchmark still runs: the suite does it).

    .venv/bin/python -m benchmarks.bench_history_search [--runs 7] [--rows 1000000] [--check]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from benchmarks.bench_history_startup import CHILD_TIMEOUT_S, fill_history, killed_after
from benchmarks.common import ROOT, add_target_options, median, print_table, verdict
from benchmarks.gui_common import FAKE_KEY, PRODUCTION_URL, RESULT_PREFIX, isolated_env

TARGET_MS = 50.0
BASELINE_ROWS = 1_000
#: (what it is, the search, whether it has a target). Rows are named photo-00042.jpg, with
#: URLs https://cdn.imagepipeline.io/u/0000002a.jpg (see fill_history).
SEARCHES = (
    ("common (every row)", "photo", True),
    ("rare (one row)", "photo-00042", True),
    ("no match", "no-such-photo", True),
    ("2 letters, no match", "zq", False),
)

RUNNER = textwrap.dedent(
    """
    import json, os, sys, time
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow, QWidget

    TERMS = json.loads(os.environ["BENCH_TERMS"])
    ROUNDS = int(os.environ["BENCH_ROUNDS"])
    state = {"window": None, "ready": False, "started": None, "arrived": False,
             "queue": [term for _ in range(ROUNDS) for term in TERMS],
             "times": {term: [] for term in TERMS}, "term": None}

    def panel():
        return state["window"].history_page.panel

    def search_next():
        if not state["queue"]:
            print(os.environ["BENCH_PREFIX"] + json.dumps(state["times"]), flush=True)
            os._exit(0)
        state["term"] = state["queue"].pop(0)
        state["started"], state["arrived"] = None, False
        panel().search.setText(state["term"])  # its search starts when the pause ends

    def search_started(_rows, _in_place):
        state["started"] = time.perf_counter()

    def rows_arrived():
        if state["started"] is not None:
            state["arrived"] = True
        elif not state["ready"]:  # the tab's first page: the searches begin
            state["ready"] = True
            panel().reload_wanted.connect(search_started)
            QTimer.singleShot(0, search_next)

    def open_history():
        from uploader_gui.ui.base.actions import ActionId

        window = state["window"]
        window.registry[ActionId.SHOW_HISTORY].trigger()
        window.history_page.model.modelReset.connect(rows_arrived)

    class PaintWatcher(QObject):
        def eventFilter(self, watched, event):
            if event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
                return False
            window = watched.window()
            if state["window"] is None and isinstance(window, QMainWindow):
                state["window"] = window
                QTimer.singleShot(0, open_history)
            elif state["arrived"] and watched is panel().view.viewport():
                elapsed = time.perf_counter() - state["started"]
                state["times"][state["term"]].append(elapsed * 1000)
                state["started"], state["arrived"] = None, False
                QTimer.singleShot(0, search_next)
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


def run_child(home: Path, rounds: int) -> dict[str, list[float]]:
    """Milliseconds of each search, ``rounds`` times, in one child with this history."""
    env = isolated_env(
        home,
        "offscreen",
        IMAGEPIPELINE_API_KEY=FAKE_KEY,
        IMAGEPIPELINE_API_URL=PRODUCTION_URL,
        BENCH_TERMS=json.dumps([term for _what, term, _target in SEARCHES]),
        BENCH_ROUNDS=str(rounds),
        BENCH_PREFIX=RESULT_PREFIX,
    )
    child = subprocess.Popen(
        [sys.executable, "-c", RUNNER], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    with killed_after(child, CHILD_TIMEOUT_S) as timed_out:
        output = child.stdout.read()
        child.wait()
    line = next((ln for ln in output.splitlines() if ln.startswith(RESULT_PREFIX)), None)
    if line is None:
        why = f"killed after {CHILD_TIMEOUT_S:g} s" if timed_out.is_set() else "failed"
        raise RuntimeError(f"child {why}: {output[-500:]!r} (exit {child.returncode})")
    times: dict[str, list[float]] = json.loads(line[len(RESULT_PREFIX) :])
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="rounds of every search")
    parser.add_argument("--rows", type=int, default=1_000_000)
    add_target_options(parser)
    args = parser.parse_args()
    if args.quick:
        args.runs, args.rows = 1, 20_000
    with tempfile.TemporaryDirectory(prefix="uploader-bench-search-") as name:
        results = {}
        for rows in (BASELINE_ROWS, args.rows):
            home = Path(name, str(rows))
            home.mkdir()
            fill_history(home, rows)
            results[rows] = run_child(home, args.runs)
    table, missed = [], []
    for what, term, has_target in SEARCHES:
        small, big = median(results[BASELINE_ROWS][term]), median(results[args.rows][term])
        table.append((what, repr(term), f"{small:.1f}", f"{big:.1f}", f"{big / small:.2f}"))
        if has_target and big > TARGET_MS:
            missed.append(f"{what} search")
    print_table(
        f"search -> first page of results painted, median of {args.runs} rounds "
        f"(target: <= {TARGET_MS:g} ms with {args.rows:,} rows, but for two letters)",
        table,
        ("search", "term", f"{BASELINE_ROWS:,} rows ms", f"{args.rows:,} rows ms", "ratio"),
    )
    return verdict(missed, check=args.check, quick=args.quick)


if __name__ == "__main__":
    raise SystemExit(main())
