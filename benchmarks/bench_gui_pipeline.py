"""200 x 1 MB through the GUI pipeline vs the headless core path, same run, same server.

- GUI: a real ``MainWindow`` (offscreen, shown and painted, concurrency 4, auto-copy off in an
  isolated ``XDG_CONFIG_HOME``), ``window.keys.use_key(url, key)``, then the clock runs
  from ``window.intake.add_paths(paths)`` until the queue's ``batch_finished`` signal says the
  whole drop has finished; all items must then be ``State.DONE``. Thumbnailing, progress
  draining and repaints are all included.
- Headless (baseline): ``uploader_gui.headless.upload_files(paths, concurrency=4, ...)`` timed
  the same way. In both, the modules (httpx included) are imported before the clock starts;
  each creates its HTTP client inside the timed run.

The sandbox server runs in its own process with 20 ms added latency; each variant runs in a
fresh child process with its own empty XDG folders (so neither warms the other, and the GUI
reuses no earlier upload from its history), interleaved. The key reaches the children
only through ``IMAGEPIPELINE_API_KEY``. Prints the median wall times and the ratio.
Target: ratio <= 1.05. ``--check`` exits 1 if it is missed; ``--quick`` uploads four small
files once each way (a smoke test that the benchmark still runs: the suite does it).

    .venv/bin/python -m benchmarks.bench_gui_pipeline [--files 200] [--size 1000000] [--runs 3]
        [--check] [--quick]
"""

from __future__ import annotations

import argparse
import io
import os
import time
from functools import partial
from pathlib import Path

from benchmarks.common import (
    add_target_options,
    alternate,
    make_files,
    median,
    print_table,
    sandbox_process,
    temp_folder,
    verdict,
)
from benchmarks.gui_common import (
    child_command,
    fresh_home,
    isolated_env,
    report,
    run_child,
    run_until,
    upload_window,
)

MODULE = "benchmarks.bench_gui_pipeline"
VARIANTS = {
    "headless": "headless upload_files (baseline)",
    "gui": "GUI: MainWindow + add_paths",
}
TARGET_RATIO = 1.05


def list_files(folder: str) -> list[Path]:
    return sorted(Path(folder).glob("bench-*.png"))


def child_headless(folder: str, api_url: str) -> dict[str, object]:
    from uploader_gui.core.destination import Destination
    from uploader_gui.core.prepare.options import PrepareOptions
    from uploader_gui.headless import EXIT_OK, upload_files

    paths = [str(p) for p in list_files(folder)]
    key = os.environ["IMAGEPIPELINE_API_KEY"]
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    # The window does not prepare files yet: the headless path sends them as they are too.
    as_is = PrepareOptions(remove_metadata=False, convert=False)
    status = upload_files(
        paths,
        destination=Destination(api_url),
        api_key=key,
        concurrency=4,
        stdout=out,
        stderr=err,
        prepare=as_is,
    )
    seconds = time.perf_counter() - started
    urls = out.getvalue().splitlines()
    if status != EXIT_OK or len(urls) != len(paths):
        raise RuntimeError(f"headless upload failed ({status}): {err.getvalue()[:2000]}")
    return {"seconds": seconds, "files": len(paths)}


def child_gui(folder: str, api_url: str) -> dict[str, object]:
    # Like the baseline, which imports the client (httpx) before its clock starts: the
    # window imports it on its first upload, a start-up cost that bench_gui_startup and
    # not this benchmark is about.
    import uploader_gui.core.client  # noqa: F401
    from uploader_gui.ui.uploads.model import State

    paths = list_files(folder)
    app, window = upload_window(api_url, os.environ["IMAGEPIPELINE_API_KEY"], concurrency=4)

    # The window's own signal that the whole drop has finished (the one auto-copy uses):
    # checking every item on every change would bill the harness's work to the GUI.
    batches: list[int] = []
    window.queue.batch_finished.connect(batches.append)

    started = time.perf_counter()
    window.intake.add_paths(paths)
    run_until(
        app, lambda: bool(batches), timeout=900, poll_ms=200, wake=[window.queue.batch_finished]
    )
    seconds = time.perf_counter() - started
    if len(window.model.items()) != len(paths):
        raise RuntimeError(f"{len(window.model.items())} items listed for {len(paths)} files")
    failed = [i for i in window.model.items() if i.state is not State.DONE]
    if failed:
        raise RuntimeError(f"{len(failed)} not uploaded, e.g. {failed[0].name}: {failed[0].error}")
    window.close()
    return {"seconds": seconds, "files": len(paths)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--latency", type=float, default=0.02)
    parser.add_argument("--child", nargs=3, metavar=("VARIANT", "FOLDER", "URL"))
    add_target_options(parser)
    args = parser.parse_args()
    if args.quick:
        args.files, args.size, args.runs = 4, 20_000, 1

    if args.child:
        variant, folder, api_url = args.child
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        report((child_gui if variant == "gui" else child_headless)(folder, api_url))
        return 0

    with (
        temp_folder() as folder,
        sandbox_process(
            "--latency", str(args.latency), "--max-bytes", str(2 * args.size)
        ) as server,
    ):
        make_files(folder, args.files, args.size)

        def run(variant: str) -> float:
            with fresh_home() as home:  # no history: nothing is reused from an earlier run
                env = isolated_env(home, "offscreen", IMAGEPIPELINE_API_KEY=server.key)
                command = child_command(MODULE, variant, str(folder), server.url)
                _wall, result = run_child(command, env)
            seconds = result["seconds"]
            assert isinstance(seconds, float)
            return seconds

        results = alternate(args.runs, {v: partial(run, v) for v in VARIANTS})

    baseline = median(results["headless"])
    rows = []
    for variant, label in VARIANTS.items():
        wall = median(results[variant])
        rows.append((label, f"{wall:.2f}", f"{wall / baseline:.3f}"))
    print_table(
        f"{args.files} x {args.size / 1e6:g} MB, concurrency 4, +{args.latency * 1000:g} ms "
        f"latency, add_paths → all finished, median of {args.runs} interleaved runs "
        f"(target: ratio <= {TARGET_RATIO})",
        rows,
        ("variant", "wall s", "ratio"),
    )
    for variant, label in VARIANTS.items():
        print(f"{label}: runs " + ", ".join(f"{t:.2f}" for t in results[variant]) + " s")
    missed = ["ratio"] if median(results["gui"]) / baseline > TARGET_RATIO else []
    return verdict(missed, check=args.check, quick=args.quick)


if __name__ == "__main__":
    raise SystemExit(main())
