"""200 x 1 MB through ``uploader-gui --headless`` vs a bare-httpx script, same run, same server.

The sandbox server runs in its own process with 20 ms added latency; both clients upload the
same files with concurrency 4. Prints both wall times (median of interleaved runs) and the
ratio. Target: ratio <= 1.05. ``--check`` exits 1 if it is missed; ``--quick`` uploads four
small files once (a smoke test that the benchmark still runs: the suite does it).

    .venv/bin/python -m benchmarks.bench_headless [--files 200] [--runs 3] [--check] [--quick]
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap

from benchmarks.common import (
    add_target_options,
    alternate,
    make_files,
    median,
    print_table,
    sandbox_process,
    temp_folder,
    timed,
    verdict,
)

TARGET_RATIO = 1.05

BARE_HTTPX = textwrap.dedent(
    """
    import os, sys
    from concurrent.futures import ThreadPoolExecutor
    import httpx

    url, paths = sys.argv[1], sys.argv[2:]
    key = os.environ["IMAGEPIPELINE_API_KEY"]
    with httpx.Client(timeout=60) as client:
        def upload(path):
            with open(path, "rb") as f:
                r = client.post(url + "/upload/image/v1", headers={"X-API-Key": key},
                                files={"file": (os.path.basename(path), f, "image/png")})
            r.raise_for_status()
            return r.json()["url"]
        with ThreadPoolExecutor(4) as pool:
            for u in pool.map(upload, paths):
                print(u)
    """
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--latency", type=float, default=0.02)
    add_target_options(parser)
    args = parser.parse_args()
    if args.quick:
        args.files, args.size, args.runs = 4, 20_000, 1

    with (
        temp_folder() as folder,
        sandbox_process(
            "--latency", str(args.latency), "--max-bytes", str(2 * args.size)
        ) as server,
    ):
        files = [str(p) for p in make_files(folder, args.files, args.size)]
        env = {**os.environ, "IMAGEPIPELINE_API_KEY": server.key}
        ours = [
            sys.executable,
            "-m",
            "uploader_gui",
            "--headless",
            # The same bytes as the bare httpx script sends: nothing prepared.
            "--keep-metadata",
            "--no-convert",
            "--concurrency",
            "4",
            "--api-url",
            server.url,
            *files,
        ]
        bare = [sys.executable, "-c", BARE_HTTPX, server.url, *files]
        results = alternate(
            args.runs,
            {
                "bare httpx script (baseline)": lambda: timed(bare, env),
                "uploader-gui --headless": lambda: timed(ours, env),
            },
        )
    baseline = median(results["bare httpx script (baseline)"])
    rows = []
    for name, times in results.items():
        wall = median(times)
        rows.append((name, f"{wall:.2f}", f"{wall / baseline:.3f}"))
    print_table(
        f"{args.files} x {args.size / 1e6:g} MB, concurrency 4, +{args.latency * 1000:g} ms "
        f"latency, median of {args.runs} interleaved runs (target: ratio <= {TARGET_RATIO})",
        rows,
        ("variant", "wall s", "ratio"),
    )
    ratio = median(results["uploader-gui --headless"]) / baseline
    missed = ["ratio"] if ratio > TARGET_RATIO else []
    return verdict(missed, check=args.check, quick=args.quick)


if __name__ == "__main__":
    raise SystemExit(main())
