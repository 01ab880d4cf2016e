"""Start-up: process spawn → main window first painted, ``uploader-gui`` vs a bare PySide6 app.

Both variants run the same small runner (``python -c RUNNER label|app``), which installs an
event filter on the QApplication and ``os._exit(0)``s on the first Paint event delivered to a
widget whose top-level window is a QMainWindow; the wall time is from spawning the child to
its exit, so both pay the same interpreter and harness cost.

- ``label`` (the baseline): QApplication + a QMainWindow (760x560, the app's size) whose
  central widget is one ``QLabel("Drop images here")``, shown. A window with text pays for
  fonts (loading, matching, shaping), which an empty window never does; so does the app.
- ``app``: the real entry point ``uploader_gui.cli.main([])``; the watcher is installed by
  wrapping ``uploader_gui.ui.app.create_application``. ``IMAGEPIPELINE_API_KEY`` is set in the
  child's environment (no key dialog), ``IMAGEPIPELINE_API_URL=https://api.imagepipeline.io``,
  and the XDG folders point at a temporary directory. At paint time it also reports whether
  ``httpx``, ``keyring`` or ``uploader_gui.sandbox`` were imported: none should be on the
  start-up path.

Starts are warm, as an installed app's are: compiled modules are cached (under the temporary
folder, even if ``PYTHONDONTWRITEBYTECODE`` is set) after one uncounted warm-up run of each
variant, and the single-instance socket that ``os._exit`` leaves behind is removed before each
run.

Runs under a real X server by default: xcb (``QT_QPA_PLATFORM=xcb`` with one ``xvfb-run -a``
server for the whole series, so the X server's start is not timed); ``--platforms
offscreen,xcb`` adds the offscreen platform. Prints the median of interleaved runs and the
ratio against the one-label window. Target: ratio <= 1.3 on each platform measured, with
none of the heavy modules imported by the first paint. ``--check`` exits 1 if a target is
missed; ``--quick`` runs each variant once, without warm-up (a smoke test that the benchmark
still runs: the suite does it).

    .venv/bin/python -m benchmarks.bench_gui_startup [--runs 15] [--platforms xcb] [--check]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from functools import partial
from pathlib import Path

from benchmarks.common import ROOT, add_target_options, alternate, median, print_table, verdict
from benchmarks.gui_common import FAKE_KEY, PRODUCTION_URL, isolated_env, report, run_child

HEAVY_MODULES = (
    "httpx",
    "keyring",
    "uploader_gui.sandbox",
    # a custom destination's syntax and what it loads (JSON paths, XPath, OpenSSL's hashes)
    "uploader_gui.core.destinations.sxcu",
    "hashlib",
    "decimal",
    "xml.parsers.expat",
    # the PicGo-compatible server (http.server, the multipart parser): only once turned on
    "uploader_gui.core.picgo",
    "http.server",
    "python_multipart",
)
TARGET_RATIO = 1.3

RUNNER = textwrap.dedent(
    """
    import os, sys
    mode = sys.argv[1]
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    HEAVY = HEAVY_MODULES_HERE

    class PaintWatcher(QObject):
        def eventFilter(self, watched, event):
            if (event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                    and isinstance(watched.window(), QMainWindow)):
                heavy = ",".join(m for m in HEAVY if m in sys.modules)
                sys.stdout.write(f"painted {mode} heavy={heavy}\\n")
                sys.stdout.flush()
                os._exit(0)
            return False

    watchers = []
    def watch(app):
        watchers.append(PaintWatcher())
        app.installEventFilter(watchers[-1])

    if mode == "label":
        from PySide6.QtWidgets import QLabel
        app = QApplication(sys.argv[:1])
        watch(app)
        window = QMainWindow()
        window.resize(760, 560)
        window.setCentralWidget(QLabel("Drop images here"))
        window.show()
        app.exec()
    else:
        import uploader_gui.ui.app as ui_app
        original = ui_app.create_application
        def create_application(argv=None):
            app = original(argv)
            watch(app)
            return app
        ui_app.create_application = create_application
        from uploader_gui.cli import main
        main([])
    sys.exit(3)  # the event loop ended without painting the window
    """
)
RUNNER = RUNNER.replace("HEAVY_MODULES_HERE", repr(HEAVY_MODULES))

VARIANTS = {
    "label": "bare PySide6: QMainWindow + one QLabel (baseline)",
    "app": "uploader-gui",
}


def run_once(mode: str, env: dict[str, str]) -> tuple[float, list[str]]:
    """Wall seconds from spawn to exit, and the heavy modules loaded at paint."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, mode],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    wall = time.perf_counter() - started
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("painted ")), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(
            f"{mode} run failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}"
        )
    heavy = line.partition("heavy=")[2]
    return wall, [name for name in heavy.split(",") if name]


def measure(platform: str, runs: int, warmup: int) -> dict[str, object]:
    """Interleaved runs of both variants on ``platform`` (in this process's display)."""
    loaded: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="uploader-bench-startup-") as name:
        env = isolated_env(
            Path(name),
            platform,
            bytecode_cache=True,
            IMAGEPIPELINE_API_KEY=FAKE_KEY,
            IMAGEPIPELINE_API_URL=PRODUCTION_URL,
        )

        runtime = Path(env["XDG_RUNTIME_DIR"])

        def variant(mode: str) -> float:
            # The runner exits with os._exit, which leaves the single-instance socket behind;
            # remove it so every start is a normal first start, not a recovery from a crash.
            for leftover in runtime.iterdir():
                if not leftover.is_dir():
                    leftover.unlink()
            wall, heavy = run_once(mode, env)
            if mode == "app":
                loaded.update(heavy)
            return wall

        for _ in range(warmup):  # fill the page cache; not counted
            variant("label")
            variant("app")
        loaded.clear()
        times = alternate(runs, {mode: partial(variant, mode) for mode in VARIANTS})
    return {"times": times, "heavy": sorted(loaded)}


def measure_under_xvfb(runs: int, warmup: int) -> dict[str, object]:
    """The xcb series in a copy of this benchmark running under its own ``xvfb-run -a``."""
    command = [
        "xvfb-run",
        "-a",
        "-s",
        "-screen 0 1280x800x24",
        sys.executable,
        "-m",
        "benchmarks.bench_gui_startup",
        "--child",
        "xcb",
        "--runs",
        str(runs),
        "--warmup",
        str(warmup),
    ]
    with tempfile.TemporaryDirectory(prefix="uploader-bench-xvfb-") as name:
        env = isolated_env(Path(name), None)
        _wall, result = run_child(command, env, timeout=600)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=1, help="uncounted runs of each first")
    parser.add_argument(
        "--platforms",
        default="xcb",
        help="comma-separated: xcb, offscreen (xcb is skipped without xvfb-run)",
    )
    parser.add_argument("--child", metavar="PLATFORM", help=argparse.SUPPRESS)
    add_target_options(parser)
    args = parser.parse_args()
    if args.quick:
        args.runs, args.warmup = 1, 0

    if args.child:
        report(measure(args.child, args.runs, args.warmup))
        return 0

    results: dict[str, dict[str, object]] = {}
    skipped = []
    for platform in [p.strip() for p in args.platforms.split(",") if p.strip()]:
        if platform == "xcb":
            if shutil.which("xvfb-run") is None:
                skipped.append("xcb (no xvfb-run)")
                continue
            results[platform] = measure_under_xvfb(args.runs, args.warmup)
        else:
            results[platform] = measure(platform, args.runs, args.warmup)

    rows = []
    missed = []
    for platform, result in results.items():
        times: dict[str, list[float]] = result["times"]  # type: ignore[assignment]
        baseline = median(times["label"])
        for mode, label in VARIANTS.items():
            wall = median(times[mode])
            rows.append((f"{platform}: {label}", f"{wall * 1000:.0f}", f"{wall / baseline:.3f}"))
        if median(times["app"]) / baseline > TARGET_RATIO:
            missed.append(f"{platform} ratio")
        if result["heavy"]:
            missed.append(f"{platform} heavy modules at start")
    print_table(
        "Start-up: process spawn → main window first painted, median of "
        f"{args.runs} interleaved runs (target: ratio <= {TARGET_RATIO})",
        rows,
        ("variant", "wall ms", "ratio"),
    )
    for platform, result in results.items():
        heavy: list[str] = result["heavy"]  # type: ignore[assignment]
        flags = ", ".join(f"{m}={'yes' if m in heavy else 'no'}" for m in HEAVY_MODULES)
        lazy = "none on the start-up path" if not heavy else "NOT lazy: " + ", ".join(heavy)
        print(f"{platform}: imported at first paint (uploader-gui): {flags} — {lazy}")
    if skipped:
        print("skipped: " + ", ".join(skipped))
    if not results:
        missed.append("nothing measured")
    return verdict(missed, check=args.check, quick=args.quick)


if __name__ == "__main__":
    raise SystemExit(main())
