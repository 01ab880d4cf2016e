"""GUI-thread responsiveness while 300 photos of 24 MP are thumbnailed and uploaded.

A 10 ms repeating precise ``QTimer`` runs on the GUI thread of a real ``MainWindow``
(offscreen, shown and painted, concurrency 4, auto-copy off, isolated XDG folders). Its
lateness (actual gap between timeouts minus 10 ms, ``time.perf_counter``) is recorded from
``window.intake.add_paths(paths)`` until every upload has finished and every thumbnail has arrived
(``item.thumbnail is not None or item.thumbnail_error``); all uploads must succeed.
Every child is a fresh process with its own empty XDG folders (no history to reuse uploads
from). Baseline, same run: the same timer in the same kind of window with nothing to do, for
as long as the busy run took. Reports max and p99 lateness and the tick count.
Targets (busy): max < 50 ms, p99 < 16 ms. ``--check`` exits 1 if one is missed; ``--quick``
runs three small photos (600x400, made in a temporary folder) once (a smoke test that the
benchmark still runs: the suite does it).

The photos are 6000x4000 JPEGs of varied content (colour fields, shapes, grain; ~3-7 MB),
generated with QImage/QPainter by a pool of 2 processes into
``$TMPDIR/uploader-bench-24mp`` (the first time takes a few minutes) and reused later. The
sandbox server runs in its own process (no added latency, large --max-bytes); the key reaches
the children only through ``IMAGEPIPELINE_API_KEY``.

    .venv/bin/python -m benchmarks.bench_gui_responsiveness [--files 300] [--runs 1] [--check]
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from multiprocessing import get_context
from pathlib import Path

from benchmarks.common import (
    add_target_options,
    median,
    print_table,
    sandbox_process,
    temp_folder,
    verdict,
)
from benchmarks.gui_common import (
    LatenessProbe,
    child_command,
    fresh_home,
    idle,
    isolated_env,
    report,
    run_child,
    run_until,
    upload_window,
)

MODULE = "benchmarks.bench_gui_responsiveness"
WIDTH, HEIGHT = 6000, 4000
CACHE = Path(tempfile.gettempdir()) / "uploader-bench-24mp"
INTERVAL_MS = 10
TARGET_MAX_MS = 50.0
TARGET_P99_MS = 16.0
QUICK_SIZE = (600, 400)


# -- the photos --------------------------------------------------------------------------


def photo_path(index: int, folder: Path = CACHE) -> Path:
    return folder / f"photo-{index:04}.jpg"


def generate_photo(
    index: int, folder: Path = CACHE, size: tuple[int, int] = (WIDTH, HEIGHT)
) -> int:
    """Draw and save photo ``index`` (deterministic per index); return its size in bytes."""
    width, height = size
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen

    rng = random.Random(index)
    # Broad colour fields: a tiny random image scaled up smoothly.
    cells = bytes(rng.getrandbits(8) for _ in range(48 * 32 * 3))
    small = QImage(cells, 48, 32, 48 * 3, QImage.Format.Format_RGB888)
    image = small.scaled(
        width,
        height,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    ).convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for _ in range(rng.randrange(60, 180)):  # objects with edges
        fill = QColor(rng.randrange(256), rng.randrange(256), rng.randrange(256))
        fill.setAlpha(rng.randrange(60, 230))
        painter.setBrush(fill)
        edge = QColor(rng.randrange(256), rng.randrange(256), rng.randrange(256))
        painter.setPen(QPen(edge, rng.uniform(1, 14)))
        rect = QRectF(
            rng.uniform(-500, width),
            rng.uniform(-500, height),
            rng.uniform(40, 2200),
            rng.uniform(40, 2200),
        )
        if rng.random() < 0.5:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, rng.uniform(0, 80), rng.uniform(0, 80))
    # Sensor-like grain, so the JPEG is a realistic few MB rather than a flat drawing.
    grain = QImage(
        bytes(rng.getrandbits(8) for _ in range(512 * 512)),
        512,
        512,
        512,
        QImage.Format.Format_Grayscale8,
    )
    painter.setOpacity(rng.uniform(0.03, 0.07))
    painter.fillRect(0, 0, width, height, QBrush(grain))
    painter.end()
    path = photo_path(index, folder)
    unfinished = path.with_suffix(f".partial-{os.getpid()}.jpg")
    # The format follows the ".jpg" suffix (PySide6 6.11.3 rejects format=b"JPEG").
    if not image.save(str(unfinished), quality=rng.randrange(85, 95)):
        raise OSError(f"could not write {unfinished}")
    unfinished.replace(path)  # atomically: an interrupted run leaves no half-written photo
    return path.stat().st_size


def ensure_photos(
    count: int, folder: Path = CACHE, size: tuple[int, int] = (WIDTH, HEIGHT)
) -> list[Path]:
    """The first ``count`` photos in ``folder``, generating whichever are missing."""
    folder.mkdir(parents=True, exist_ok=True)
    missing = [i for i in range(count) if not photo_path(i, folder).is_file()]
    if missing:
        print(f"generating {len(missing)} photos of {size[0]}x{size[1]} in {folder} …", flush=True)
        started = time.perf_counter()
        draw = partial(generate_photo, folder=folder, size=size)
        with ProcessPoolExecutor(2, mp_context=get_context("spawn")) as pool:
            for done, _size in enumerate(pool.map(draw, missing), 1):
                if done % 25 == 0:
                    print(f"  {done}/{len(missing)}", flush=True)
        print(f"generated in {time.perf_counter() - started:.0f} s", flush=True)
    return [photo_path(i, folder) for i in range(count)]


# -- the children ------------------------------------------------------------------------


def child_busy(count: int, api_url: str, folder: Path) -> dict[str, float]:
    from PySide6.QtCore import Qt

    from uploader_gui.ui.uploads.model import State, ThumbnailErrorRole, UploadItem

    paths = [photo_path(i, folder) for i in range(count)]
    # Files are prepared as by default (metadata removal runs on each photo).
    app, window = upload_window(
        api_url, os.environ["IMAGEPIPELINE_API_KEY"], concurrency=4, prepare=True
    )
    probe = LatenessProbe(INTERVAL_MS)

    # The window's own signal says when the uploads are done; only then are the thumbnails
    # checked (every 50 ms), so the harness adds almost no work to the GUI thread it probes.
    batches: list[int] = []
    window.queue.batch_finished.connect(batches.append)

    def all_done() -> bool:
        if not batches:
            return False
        items = window.model.items()
        return len(items) == len(paths) and all(has_picture_or_reason(item) for item in items)

    def has_picture_or_reason(item: UploadItem) -> bool:
        index = window.model.index_of(item.id)
        return bool(
            index.data(Qt.ItemDataRole.DecorationRole) is not None or index.data(ThumbnailErrorRole)
        )

    started = time.perf_counter()
    probe.start()
    window.intake.add_paths(paths)
    run_until(app, all_done, timeout=1200, poll_ms=50, wake=[window.queue.batch_finished])
    probe.stop()
    seconds = time.perf_counter() - started
    items = window.model.items()
    failed = [i for i in items if i.state is not State.DONE]
    if failed:
        raise RuntimeError(f"{len(failed)} not uploaded, e.g. {failed[0].name}: {failed[0].error}")
    no_thumbnail = sum(
        1 for i in items if window.model.index_of(i.id).data(Qt.ItemDataRole.DecorationRole) is None
    )
    window.close()
    return {
        **probe.summary(),
        "seconds": seconds,
        "bytes": float(sum(p.stat().st_size for p in paths)),
        "no_thumbnail": float(no_thumbnail),
    }


def child_idle(seconds: float, api_url: str) -> dict[str, float]:
    app, window = upload_window(api_url, os.environ["IMAGEPIPELINE_API_KEY"], concurrency=4)
    probe = LatenessProbe(INTERVAL_MS)
    probe.start()
    idle(app, seconds)
    probe.stop()
    window.close()
    return {**probe.summary(), "seconds": seconds}


# -- the parent --------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--runs", type=int, default=1, help="interleaved busy/idle pairs")
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--child", nargs=3, metavar=("VARIANT", "AMOUNT", "URL"))
    parser.add_argument("--photos", type=Path, default=CACHE, help=argparse.SUPPRESS)
    add_target_options(parser)
    args = parser.parse_args()

    if args.child:
        variant, amount, api_url = args.child
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        if variant == "busy":
            report(child_busy(int(amount), api_url, args.photos))
        else:
            report(child_idle(float(amount), api_url))
        return 0

    if args.quick:
        args.files, args.runs = 3, 1
        with temp_folder() as folder:
            return measure(args, ensure_photos(args.files, folder, QUICK_SIZE), folder)
    return measure(args, ensure_photos(args.files), CACHE)


def measure(args: argparse.Namespace, paths: list[Path], folder: Path) -> int:
    """Busy and idle children, interleaved; the table; whether the targets were met."""
    total_mb = sum(p.stat().st_size for p in paths) / 1e6
    width, height = QUICK_SIZE if args.quick else (WIDTH, HEIGHT)
    busy: list[dict[str, float]] = []
    quiet: list[dict[str, float]] = []
    with sandbox_process("--latency", str(args.latency), "--max-bytes", "200000000") as server:

        def run(variant: str, amount: str) -> dict[str, float]:
            # Own XDG folders: no history to show, reuse uploads from or resume.
            with fresh_home() as home:
                env = isolated_env(home, "offscreen", IMAGEPIPELINE_API_KEY=server.key)
                command = child_command(MODULE, variant, amount, server.url)
                command += ["--photos", str(folder)]
                return run_child(command, env, timeout=1500)[1]

        for _ in range(args.runs):  # interleaved: busy, then idle for as long
            busy.append(run("busy", str(args.files)))
            quiet.append(run("idle", f"{busy[-1]['seconds']:.3f}"))

    def stat(results: list[dict[str, float]], key: str) -> float:
        return median([r[key] for r in results])

    rows = [
        (
            "max lateness, ms (target < 50)",
            f"{stat(quiet, 'max_ms'):.1f}",
            f"{stat(busy, 'max_ms'):.1f}",
        ),
        (
            "p99 lateness, ms (target < 16)",
            f"{stat(quiet, 'p99_ms'):.1f}",
            f"{stat(busy, 'p99_ms'):.1f}",
        ),
        ("p50 lateness, ms", f"{stat(quiet, 'p50_ms'):.2f}", f"{stat(busy, 'p50_ms'):.2f}"),
        ("ticks (count)", f"{stat(quiet, 'ticks'):.0f}", f"{stat(busy, 'ticks'):.0f}"),
        ("ticks > 16 ms late", f"{stat(quiet, 'over_16ms'):.0f}", f"{stat(busy, 'over_16ms'):.0f}"),
        ("duration, s", f"{stat(quiet, 'seconds'):.1f}", f"{stat(busy, 'seconds'):.1f}"),
    ]
    print_table(
        f"GUI-thread lateness of a {INTERVAL_MS} ms timer, {args.files} JPEGs of "
        f"{width}x{height} ({total_mb:.0f} MB) thumbnailed + uploaded, concurrency 4, "
        f"median of {args.runs} run(s)",
        rows,
        ("metric", "idle window (baseline)", "busy: thumbnails + uploads"),
    )
    for key, label in (("max_ms", "max"), ("p99_ms", "p99")):
        base = stat(quiet, key)
        ratio = f"{stat(busy, key) / base:.1f}" if base > 0 else "n/a"
        print(f"{label} lateness busy/idle: {ratio}")
    missing = stat(busy, "no_thumbnail")
    if missing:
        print(f"items without a thumbnail (thumbnail_error): {missing:.0f}")
    missed = []
    if stat(busy, "max_ms") >= TARGET_MAX_MS:
        missed.append("max lateness")
    if stat(busy, "p99_ms") >= TARGET_P99_MS:
        missed.append("p99 lateness")
    return verdict(missed, check=args.check, quick=args.quick)


if __name__ == "__main__":
    raise SystemExit(main())
