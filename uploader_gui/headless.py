"""``uploader-gui --headless``: upload files from a terminal or a script.

Prints one URL per line in input order (``--json``: one JSON object per line), shows
per-file progress on stderr when it is a terminal, and exits 0 only if every file uploaded.
"""

from __future__ import annotations

import json
import shutil
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .core.client import UploadClient
from .core.errors import UploadError
from .core.responses import UploadResult
from .core.retry import CancelToken, RetryPolicy

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class Outcome:
    path: str
    result: UploadResult | None = None
    error: str | None = None

    def as_json(self) -> str:
        record: dict[str, object] = {"path": self.path}
        if self.result is not None:
            record.update(
                url=self.result.url,
                filename=self.result.filename,
                size_bytes=self.result.size_bytes,
            )
        else:
            record["error"] = self.error
        return json.dumps(record, ensure_ascii=False)


class TerminalProgress:
    """A terminal status line with each active file's percentage, redrawn at most 10 Hz."""

    def __init__(self, stream: TextIO, total_files: int) -> None:
        self._stream = stream
        self._total_files = total_files
        self._lock = threading.Lock()
        self._active: dict[int, tuple[str, int, int]] = {}
        self._done = 0
        self._last_draw = 0.0

    def update(self, index: int, name: str, sent: int, total: int) -> None:
        with self._lock:
            self._active[index] = (name, sent, total)
            now = time.monotonic()
            if now - self._last_draw >= 0.1:
                self._last_draw = now
                self._draw()

    def finish(self, index: int, line: str) -> None:
        with self._lock:
            self._active.pop(index, None)
            self._done += 1
            self._stream.write("\r\x1b[K" + line + "\n")
            self._draw()

    def close(self) -> None:
        with self._lock:
            self._stream.write("\r\x1b[K")
            self._stream.flush()

    def _draw(self) -> None:
        width = shutil.get_terminal_size((80, 24)).columns
        parts = [f"[{self._done}/{self._total_files}]"]
        for name, sent, total in self._active.values():
            percent = 100 * sent // total if total else 0
            parts.append(f"{name} {percent}%")
        line = "  ".join(parts)
        if len(line) >= width:
            line = line[: max(0, width - 2)] + "…"
        self._stream.write("\r\x1b[K" + line)
        self._stream.flush()


def upload_files(
    paths: list[str],
    *,
    api_url: str,
    api_key: str,
    concurrency: int = 4,
    retries: int = 3,
    as_json: bool = False,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Upload ``paths`` and print the outcome; return the exit status."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        client = UploadClient(api_url, api_key, retry=RetryPolicy(retries=retries))
    except UploadError as exc:
        err.write(f"uploader-gui: {exc}\n")
        return EXIT_USAGE
    progress = TerminalProgress(err, len(paths)) if err.isatty() else None
    cancel = CancelToken()

    def one(index: int, path: str) -> Outcome:
        name = Path(path).name

        def on_progress(sent: int, total: int) -> None:
            if progress is not None:
                progress.update(index, name, sent, total)

        try:
            result = client.upload(path, progress=on_progress, cancel=cancel)
        except UploadError as exc:
            outcome = Outcome(path, error=str(exc))
        else:
            outcome = Outcome(path, result=result)
        if progress is not None:
            mark = f"✓ {name}" if outcome.result else f"✗ {name}: {outcome.error}"
            progress.finish(index, mark)
        return outcome

    failed = 0
    with client, ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        futures: list[Future[Outcome]] = [pool.submit(one, i, p) for i, p in enumerate(paths)]
        try:
            for future in futures:
                outcome = future.result()
                if outcome.result is None:
                    failed += 1
                if as_json:
                    out.write(outcome.as_json() + "\n")
                elif outcome.result is not None:
                    out.write(outcome.result.url + "\n")
                if outcome.result is None and progress is None:
                    err.write(f"uploader-gui: {outcome.path}: {outcome.error}\n")
                out.flush()
        except KeyboardInterrupt:
            cancel.cancel()
            for future in futures:
                future.cancel()
            if progress is not None:
                progress.close()
            err.write("uploader-gui: interrupted; unfinished uploads cancelled\n")
            return EXIT_INTERRUPTED
    if progress is not None:
        progress.close()
    if failed:
        err.write(f"uploader-gui: {failed} of {len(paths)} files failed\n")
        return EXIT_SOME_FAILED
    return EXIT_OK
