"""Shared pieces of the benchmarks: a sandbox server process, test files, a results table."""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Server:
    url: str
    key: str


@contextmanager
def sandbox_process(*args: str) -> Iterator[Server]:
    """The sandbox server in its own process (so it does not compete for our GIL)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "uploader_gui.sandbox", "--port", "0", *args],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"listening on (\S+) key=(\S+)", line)
        if match is None:
            raise RuntimeError(f"sandbox did not start: {line!r}")
        yield Server(match.group(1), match.group(2))
    finally:
        process.terminate()
        process.wait(timeout=10)


def make_files(folder: Path, count: int, size: int) -> list[Path]:
    """``count`` PNG-signed files of ``size`` random bytes."""
    paths = []
    for index in range(count):
        path = folder / f"bench-{index:04}.png"
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(size - 8))
        paths.append(path)
    return paths


@contextmanager
def temp_folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="uploader-bench-") as name:
        yield Path(name)


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    """Wall time of a command that must succeed."""
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - started


def alternate(runs: int, variants: dict[str, Callable[[], float]]) -> dict[str, list[float]]:
    """Run each variant ``runs`` times, interleaved so drift hits all alike."""
    results: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, run in variants.items():
            results[name].append(run())
    return results


def print_table(title: str, rows: Sequence[Sequence[str]], headers: Sequence[str]) -> None:
    """A markdown table under ``title``."""
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(headers)]
    print(f"\n{title}")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")


def median(values: list[float]) -> float:
    return statistics.median(values)


def add_target_options(parser: argparse.ArgumentParser) -> None:
    """``--check`` and ``--quick``, the same in every benchmark (see :func:`verdict`)."""
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a tiny smoke run (the suite runs it: tests/test_benchmarks_run.py); its numbers "
        "are not measurements, so it never fails --check",
    )


def verdict(missed: Sequence[str], *, check: bool, quick: bool) -> int:
    """Say which targets were missed; the exit status: 1 for ``--check`` and a miss."""
    if quick:
        print("\n(--quick: a smoke run of tiny inputs; its numbers are not measurements)")
        return 0
    print(f"\nmissed: {', '.join(missed)}" if missed else "\nevery target met")
    return 1 if check and missed else 0


@dataclass
class Peak:
    """What a finished process printed, how it ended, and the most memory it held."""

    returncode: int
    stdout: bytes
    stderr: bytes
    #: Its peak resident set size (``ru_maxrss``), in MB.
    peak_mb: float


#: A small process that runs the command as its child and reports the child's peak RSS on
#: its own last stderr line. (``ru_maxrss`` survives ``exec``: a child forked straight from a
#: large process would report that process's size.)
_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
_pid, status, usage = os.wait4(pid, 0)
sys.stderr.write(f"\\npeak_kb={usage.ru_maxrss}\\n")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def peak_rss(command: Sequence[str], env: dict[str, str] | None = None) -> Peak:
    """Run ``command`` to its end and measure its own peak RSS (not this process's)."""
    done = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *command],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    errors, _, last = done.stderr.rstrip().rpartition(b"\n")
    if not last.startswith(b"peak_kb="):
        raise RuntimeError(f"no peak reported: {done.stderr[-500:]!r}")
    return Peak(done.returncode, done.stdout, errors, int(last.split(b"=")[1]) / 1024)
