"""Preparing files before upload must never be the bottleneck.

1. **Metadata removal**: 24 photos of 12 MP (about 4 MB each, with EXIF including GPS and an
   ICC profile) through ``uploader-gui --headless --concurrency 4`` to the sandbox server in
   its own process, each connection paced at 10 MB/s: metadata removed (the default)
   against ``--keep-metadata`` (baseline). Target: ratio <= 1.10.
2. **HEIC to JPEG**: one 12 MP HEIC converted by ``uploader_gui.core.prepare.convert`` in a
   fresh process against ``heif-convert`` (Debian ``libheif-examples``, the baseline), also a
   fresh process, on the same file. Target: ratio <= 1.3.
3. **Memory**: the peak RSS of ``--headless`` converting four 48 MP HEICs (iPhone-style
   grids) at the default concurrency, against the same command with one of them (baseline).
   Target: ratio <= 1.15, and at most 350 MB.

Medians of interleaved runs in the same benchmark run; each prints a table. ``--check``
exits 1 if a target is missed; ``--quick`` runs a few small files once (a smoke test that the
benchmark still runs: the suite does it).

    .venv/bin/python -m benchmarks.bench_prepare [--runs 5] [--check] [--quick]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from benchmarks.common import (
    ROOT,
    alternate,
    median,
    peak_rss,
    print_table,
    sandbox_process,
    temp_folder,
)

WIDTH, HEIGHT = 4000, 3000
PHOTOS = 24
PACE_BPS = 10_000_000


def make_photos(folder: Path, count: int, size: tuple[int, int] = (WIDTH, HEIGHT)) -> list[Path]:
    """``count`` 12-MP JPEGs of about 4 MB with personal EXIF (GPS, serial) and ICC."""
    from PIL import Image, ImageCms

    width, height = size
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 12"
    exif[0x0112] = 1
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 29.0), 3: "E", 4: (2.0, 17.0, 40.0)}
    base = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    noise = Image.effect_noise((width, height), 40).convert("RGB")
    picture = Image.blend(base, noise, 0.35)
    paths = []
    for index in range(count):
        path = folder / f"photo-{index:02}.jpg"
        picture.save(path, quality=88, exif=exif.tobytes(), icc_profile=icc)
        paths.append(path)
    return paths


def upload(files: list[Path], url: str, key: str, *flags: str) -> float:
    env = {**os.environ, "IMAGEPIPELINE_API_KEY": key}
    env.pop("IMAGEPIPELINE_API_URL", None)
    command = [
        sys.executable,
        "-m",
        "uploader_gui",
        "--headless",
        "--concurrency",
        "4",
        "--api-url",
        url,
        *flags,
        *map(str, files),
    ]
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - started


def convert_ours(source: Path, out: Path) -> float:
    """Our conversion in a fresh process, as ``heif-convert`` runs (like with like)."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from uploader_gui.core.prepare.convert import convert\n"
        "convert(Path(sys.argv[1]), Path(sys.argv[2])).path.unlink()\n"
    )
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", script, str(source), str(out)], check=True, cwd=ROOT)
    return time.perf_counter() - started


def convert_heif_convert(source: Path, out: Path) -> float:
    target = out / "reference.jpg"
    started = time.perf_counter()
    subprocess.run(
        ["heif-convert", str(source), str(target)], check=True, stdout=subprocess.DEVNULL
    )
    seconds = time.perf_counter() - started
    target.unlink()
    return seconds


def heic_batch_peak(folder: Path, heics: list[Path], url: str, key: str) -> float:
    env = {**os.environ, "IMAGEPIPELINE_API_KEY": key, "XDG_CACHE_HOME": str(folder / "cache")}
    env.pop("IMAGEPIPELINE_API_URL", None)
    command = [sys.executable, "-m", "uploader_gui", "--headless", "--api-url", url]
    done = peak_rss([*command, *map(str, heics)], env=env)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode()[-500:])
    return done.peak_mb


def make_heics(folder: Path, count: int, size: tuple[int, int]) -> list[Path]:
    """``count`` copies of one HEIC made as an iPhone makes them (512-pixel tiles)."""
    import pillow_heif
    from PIL import Image

    pillow_heif.register_heif_opener()
    pillow_heif.options.GRID_TILE_SIZE = 512
    first = folder / "IMG_0000.HEIC"
    Image.linear_gradient("L").resize(size).convert("RGB").save(first, quality=50)
    pillow_heif.options.GRID_TILE_SIZE = 0
    paths = [first]
    for index in range(1, count):
        paths.append(folder / f"IMG_{index:04}.HEIC")
        shutil.copyfile(first, paths[-1])
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--quick", action="store_true", help="a small smoke run")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    missed: list[str] = []

    with temp_folder() as folder:
        os.environ["XDG_CACHE_HOME"] = str(folder / "cache")  # prepared copies go here
        count = 3 if args.quick else PHOTOS
        photos = make_photos(folder, count, (400, 300) if args.quick else (WIDTH, HEIGHT))
        total = sum(p.stat().st_size for p in photos) / 1e6
        # Each connection is paced at 10 MB/s (80 Mbit/s, a fast uplink): unpaced, loopback
        # moves 112 MB in half a second and start-up costs are all that is measured.
        pace = str(PACE_BPS)
        with sandbox_process(
            "--max-bytes", str(64 * 1024 * 1024), "--throttle-bps", pace
        ) as server:
            times = alternate(
                runs,
                {
                    "keep": partial(upload, photos, server.url, server.key, "--keep-metadata"),
                    "strip": partial(upload, photos, server.url, server.key),
                },
            )
            keep, strip = median(times["keep"]), median(times["strip"])
            print_table(
                f"{count} photos ({total:.0f} MB), --headless --concurrency 4, each connection "
                f"at {PACE_BPS / 1e6:.0f} MB/s, median of {runs} interleaved runs "
                "(target: ratio <= 1.10)",
                [
                    ("--keep-metadata (baseline)", f"{keep:.2f}", "1.000"),
                    ("metadata removed (default)", f"{strip:.2f}", f"{strip / keep:.3f}"),
                ],
                ("variant", "wall s", "ratio"),
            )
            if strip / keep > 1.10:
                missed.append("metadata removal")

            size = (640, 480) if args.quick else (8064, 6048)
            heics = make_heics(folder, 4, size)
            peaks = alternate(
                runs,
                {
                    "one": partial(heic_batch_peak, folder, heics[:1], server.url, server.key),
                    "four": partial(heic_batch_peak, folder, heics, server.url, server.key),
                },
            )
            one, four = median(peaks["one"]), median(peaks["four"])
            print_table(
                f"Peak RSS of --headless converting HEICs of {size[0]} x {size[1]}, default "
                f"concurrency, median of {runs} (target: ratio <= 1.15 and <= 350 MB)",
                [
                    ("one HEIC (baseline)", f"{one:.0f}", "1.000"),
                    ("four HEICs", f"{four:.0f}", f"{four / one:.3f}"),
                ],
                ("variant", "peak MB", "ratio"),
            )
            if four / one > 1.15 or four > 350:
                missed.append("memory")

        if shutil.which("heif-convert") is None:
            print("\nHEIC to JPEG: skipped (no heif-convert: apt-get install libheif-examples)")
            return 1 if args.check and missed and not args.quick else 0
        import pillow_heif
        from PIL import Image

        pillow_heif.register_heif_opener()
        heic = folder / "photo.heic"
        with Image.open(photos[0]) as image:
            image.save(heic, quality=85)
        out = Path(tempfile.mkdtemp(dir=folder))
        times = alternate(
            runs,
            {
                "heif-convert": partial(convert_heif_convert, heic, out),
                "ours": partial(convert_ours, heic, out),
            },
        )
        reference, ours = median(times["heif-convert"]), median(times["ours"])
        print_table(
            f"HEIC to JPEG, one photo, both fresh processes, median of {runs} interleaved runs "
            "(target: ratio <= 1.3)",
            [
                ("heif-convert (baseline)", f"{reference * 1000:.0f}", "1.000"),
                ("uploader-gui convert()", f"{ours * 1000:.0f}", f"{ours / reference:.3f}"),
            ],
            ("variant", "ms", "ratio"),
        )
        if ours / reference > 1.3:
            missed.append("HEIC to JPEG")
    if args.quick:
        print("\n(--quick: a smoke run of tiny files; its numbers are not measurements)")
        return 0
    if missed:
        print(f"\nmissed: {', '.join(missed)}")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
