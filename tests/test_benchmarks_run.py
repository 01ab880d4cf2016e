"""Every benchmark still runs: each one's ``--quick`` smoke run (a few small files or rows,
once) exits 0 and prints its table. Their numbers are not checked here: performance is
measured by the benchmarks themselves, with ``--check`` (see README, "For developers")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = sorted(path.stem for path in (ROOT / "benchmarks").glob("bench_*.py"))


def run(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", f"benchmarks.{name}", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def test_the_benchmarks_are_found() -> None:
    assert {"bench_prepare", "bench_history_startup", "bench_gui_startup"} <= set(BENCHMARKS)


@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", BENCHMARKS)
def test_a_quick_run_of_each_benchmark_prints_its_table(name: str) -> None:
    usage = run(name, "--help")
    assert usage.returncode == 0, usage.stderr
    assert "--check" in usage.stdout
    assert "--quick" in usage.stdout

    done = run(name, "--quick")
    said = f"stdout:\n{done.stdout[-3000:]}\nstderr:\n{done.stderr[-3000:]}"
    assert done.returncode == 0, said
    lines = done.stdout.splitlines()
    header = next((i for i, line in enumerate(lines) if line.startswith("| ")), None)
    assert header is not None, said
    assert lines[header + 1].startswith("|--"), said
    assert lines[header + 2].startswith("| "), said  # at least one row
    assert "(--quick: a smoke run" in done.stdout
