"""Idle memory: resident set size with the main window shown, painted and then idle ~1 s.

Each sample is a fresh child process (offscreen, isolated XDG folders):

- ``bare`` (baseline): QApplication + an empty QMainWindow (760x560, the app's size), shown.
- ``app``: the window as ``uploader-gui`` creates it,
  ``uploader_gui.ui.app.create_window(argparse.Namespace(api_url=None, sandbox=False,
  files=[]))`` after ``create_application()``, with ``IMAGEPIPELINE_API_KEY`` (and
  ``IMAGEPIPELINE_API_URL=https://api.imagepipeline.io``) in the child's environment.

Compiled modules are cached (under the temporary folder) after one uncounted warm-up run of
each variant, as an installed app's are. Each child shows the window, runs the event loop
until it has been painted, then idles 1 s and reads its own VmRSS from /proc/self/status.
Prints the median RSS (MB = 10^6 bytes) of interleaved runs and the ratio, plus where the
memory came from (after imports, after the window was painted).
Target: app <= 90 MB absolute. ``--check`` exits 1 if it is missed; ``--quick`` runs each
variant once, without warm-up, idle 0.1 s (a smoke test that the benchmark still runs: the
suite does it).

    .venv/bin/python -m benchmarks.bench_gui_memory [--runs 5] [--check] [--quick]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.common import add_target_options, alternate, median, print_table, verdict
from benchmarks.gui_common import (
    FAKE_KEY,
    PRODUCTION_URL,
    child_command,
    fail_fast,
    idle,
    isolated_env,
    report,
    rss_mb,
    run_child,
    wait_painted,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

MODULE = "benchmarks.bench_gui_memory"
VARIANTS = {"bare": "bare QMainWindow (baseline)", "app": "uploader-gui window"}
TARGET_MB = 90.0


def child(variant: str, idle_seconds: float) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    fail_fast()
    start = rss_mb()
    window: QMainWindow
    if variant == "app":
        from uploader_gui.ui.app import create_application, create_window

        imported = rss_mb()
        app = create_application()
        window = create_window(argparse.Namespace(api_url=None, sandbox=False, files=[]))
    else:
        from PySide6.QtWidgets import QApplication, QMainWindow

        imported = rss_mb()
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(760, 560)
    window.show()
    wait_painted(app, window)
    painted = rss_mb()
    idle(app, idle_seconds)
    return {
        "rss_mb": rss_mb(),
        "start_mb": start,
        "imported_mb": imported,
        "painted_mb": painted,
        "modules": float(len(sys.modules)),
        "httpx": float("httpx" in sys.modules),
        "keyring": float("keyring" in sys.modules),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--idle", type=float, default=1.0, help="seconds idle after painting")
    parser.add_argument("--warmup", type=int, default=1, help="uncounted runs of each first")
    parser.add_argument("--child", metavar="VARIANT", help=argparse.SUPPRESS)
    add_target_options(parser)
    args = parser.parse_args()
    if args.quick:
        args.runs, args.warmup, args.idle = 1, 0, 0.1

    if args.child:
        report(child(args.child, args.idle))
        return 0

    samples: dict[str, list[dict[str, float]]] = {name: [] for name in VARIANTS}
    with tempfile.TemporaryDirectory(prefix="uploader-bench-home-") as home:
        env = isolated_env(
            Path(home),
            "offscreen",
            bytecode_cache=True,
            IMAGEPIPELINE_API_KEY=FAKE_KEY,
            IMAGEPIPELINE_API_URL=PRODUCTION_URL,
        )

        def run(variant: str) -> float:
            _wall, result = run_child(
                child_command(MODULE, variant, "--idle", str(args.idle)), env, timeout=120
            )
            samples[variant].append(result)
            return float(result["rss_mb"])

        for _ in range(args.warmup):  # fills the bytecode cache; not counted
            for variant in VARIANTS:
                run(variant)
                samples[variant].clear()
        results = alternate(args.runs, {v: partial(run, v) for v in VARIANTS})

    baseline = median(results["bare"])
    rows = []
    for variant, label in VARIANTS.items():
        rss = median(results[variant])
        rows.append((label, f"{rss:.1f}", f"{rss / baseline:.3f}"))
    app_rss = median(results["app"])
    met = "met" if app_rss <= TARGET_MB else "MISSED"
    print_table(
        f"Idle RSS with the window shown, painted, then idle {args.idle:g} s (offscreen), "
        f"median of {args.runs} interleaved runs (target: app <= {TARGET_MB:g} MB: {met})",
        rows,
        ("variant", "RSS MB", "ratio"),
    )
    for variant, label in VARIANTS.items():
        runs = samples[variant]

        def med(key: str, runs: list[dict[str, float]] = runs) -> float:
            return median([r[key] for r in runs])

        print(
            f"{label}: interpreter {med('start_mb'):.1f} MB, after imports "
            f"{med('imported_mb'):.1f} MB, painted {med('painted_mb'):.1f} MB, idle "
            f"{med('rss_mb'):.1f} MB; {med('modules'):.0f} modules"
            + (
                f" (httpx {'loaded' if med('httpx') else 'not loaded'}, keyring "
                f"{'loaded' if med('keyring') else 'not loaded'})"
                if variant == "app"
                else ""
            )
        )
    missed = ["idle RSS"] if app_rss > TARGET_MB else []
    return verdict(missed, check=args.check, quick=args.quick)


if __name__ == "__main__":
    raise SystemExit(main())
