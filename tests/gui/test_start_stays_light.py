"""What the first paint of the window may not wait for: the real entry point
(``uploader_gui.cli.main([])``) runs to its first paint in a fresh process, and none of
``bench_gui_startup.HEAVY_MODULES`` (httpx, keyring, the sandbox, the .sxcu reader, the
PicGo server, …) may have been imported by then. The benchmark measures the time; this test
keeps each of those off the start-up path for good."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks.bench_gui_startup import HEAVY_MODULES, RUNNER
from benchmarks.gui_common import FAKE_KEY, PRODUCTION_URL, isolated_env

ROOT = Path(__file__).resolve().parents[2]


def test_nothing_heavy_is_imported_before_the_first_paint(tmp_path: Path) -> None:
    env = isolated_env(
        tmp_path, "offscreen", IMAGEPIPELINE_API_KEY=FAKE_KEY, IMAGEPIPELINE_API_URL=PRODUCTION_URL
    )
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, "app"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("painted ")), "")
    assert done.returncode == 0, done.stdout + done.stderr
    assert line.startswith("painted app heavy=")
    assert line.partition("heavy=")[2] == "", f"imported before the first paint: {line}"
    assert len(HEAVY_MODULES) >= 10
