"""``uploader-gui --headless``: upload files from a terminal or a script.

Folders are expanded as the window expands a drop (``core.intake.collect``): recursively to
their image files, sorted, hidden entries skipped, each file once. Prints one URL per file in
input order (``--json``: one JSON object per line), shows per-file progress on stderr when it
is a terminal, and exits 0 only if every file uploaded and every folder could be read.
"""

from __future__ import annotations

import base64
import datetime
import json
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .core.client import UploadClient
from .core.destination import Destination
from .core.destinations.uploader import Field
from .core.errors import UploadError
from .core.intake import collect
from .core.links import LinkInfo, LinkStyle, format_link
from .core.network.proxy import ProxySettings
from .core.prepare.folder import clean_leftovers, remove_work_folder, work_folder
from .core.prepare.options import PrepareOptions
from .core.prepare.pipeline import Prepared
from .core.responses import UploadResult
from .core.retry import CancelToken, RetryPolicy
from .core.text import printable
from .core.upload_job import Preparing, run_upload

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class Outcome:
    path: str
    result: UploadResult | None = None
    error: str | None = None
    #: What was done to the file before it was sent (``None``: preparing was off).
    prepared: Prepared | None = None
    #: The picture sent, for ``{width}``/``{height}``; the upload's day for ``{date}``.
    width: int | None = None
    height: int | None = None
    date: str | None = None

    def formatted(self, style: LinkStyle) -> str:
        """The link in ``style``; a failure gives the path as given (Typora then keeps the
        local image, and the lines still match the files), on one line: control characters
        and bytes that are not UTF-8 escaped (:func:`.core.text.printable`)."""
        if self.result is None:
            return printable(self.path)
        info = LinkInfo(
            url=self.result.url,
            filename=self.result.filename,
            size=self.result.size_bytes if self.result.size_bytes >= 0 else None,
            width=self.width,
            height=self.height,
            date=self.date,
        )
        return format_link(info.url, info.filename, style, info)

    def as_json(self) -> str:
        """One line of JSON, all ASCII (valid in any locale; ``\\u`` escapes for the rest).
        A path that is not UTF-8 has its bytes in ``path_base64`` too (``path`` holds them
        as Python's ``surrogateescape`` does: ``os.fsencode`` gives them back)."""
        record: dict[str, object] = {"path": self.path}
        raw = os.fsencode(self.path)
        if raw.decode("utf-8", "replace") != self.path:
            record["path_base64"] = base64.b64encode(raw).decode("ascii")
        if self.result is not None:
            record.update(
                url=self.result.url,
                filename=self.result.filename,
                size_bytes=self.result.size_bytes,
            )
            if self.prepared is not None:
                record["prepared"] = self.prepared.as_record()
        else:
            record["error"] = self.error
        return json.dumps(record, ensure_ascii=True)


@dataclass
class Expansion:
    """The files to upload, as ``(path as the user gave it, absolute path)``, in order."""

    files: list[tuple[str, Path]] = field(default_factory=list)
    #: Folders that hold no image (as given).
    empty: list[str] = field(default_factory=list)
    #: Folders (or folders inside them) that could not be read, with the reason.
    unreadable: list[tuple[str, str]] = field(default_factory=list)


def _as_given(given: str, root: Path, path: Path) -> str:
    """``path``, found under the folder ``root`` named as ``given``, spelled from ``given``."""
    try:
        inside = path.relative_to(root)
    except ValueError:
        return str(path)
    return os.path.join(given, inside) if inside.parts else given


def expand(paths: Sequence[str | Path]) -> Expansion:
    """Folders to the files ``core.intake.collect`` finds in them, in place; repeats dropped.

    Each argument is collected on its own so that every file keeps the spelling the user
    gave (a folder's files under the folder's name); the files and their order are those of
    ``collect(paths)``.
    """
    expansion = Expansion()
    seen: set[Path] = set()
    folders_seen: set[Path] = set()
    for raw in paths:
        given = os.fspath(raw)
        intake = collect([given])
        root = next(iter(intake.folders), None)
        for path in intake.files:
            if path not in seen:
                seen.add(path)
                label = given if root is None else _as_given(given, root, path)
                expansion.files.append((label, path))
        if root is None or root in folders_seen:
            continue
        folders_seen.add(root)
        for where, reason in intake.unreadable.items():
            expansion.unreadable.append((_as_given(given, root, where), reason))
        if intake.folders[root] == 0 and not intake.unreadable:
            expansion.empty.append(given)
    return expansion


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
    paths: Sequence[str | Path],
    *,
    destination: Destination,
    api_key: str,
    concurrency: int = 4,
    retries: int = 3,
    as_json: bool = False,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    prepare: PrepareOptions | None = None,
    proxy: ProxySettings | None = None,
    link_style: LinkStyle | None = None,
    secrets: Mapping[Field, str] | None = None,
) -> int:
    """Upload ``paths`` (folders expanded) to ``destination`` (with ``api_key``, or a custom
    destination's ``secrets``) and print the outcome; return the exit status.

    ``prepare`` says how files are prepared (by default metadata removed, formats converted).
    ``proxy`` is the proxy choice (the system's settings by default). ``link_style`` prints
    each file as one line in that format (a failed file as its path as given, so that line N
    is always file N). Prepared copies are private temporary files, removed as each ends.

    A folder with no image is reported on stderr; it fails the run only when nothing at all
    is left to upload. A folder that cannot be read fails the run once the rest is uploaded.
    """
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        retry = RetryPolicy(retries=retries)
        client = UploadClient(destination, api_key, retry=retry, proxy=proxy, secrets=secrets)
    except UploadError as exc:
        err.write(f"uploader-gui: {printable(str(exc))}\n")
        return EXIT_USAGE
    with client:
        try:
            expansion = expand(paths)
        except KeyboardInterrupt:
            err.write("uploader-gui: interrupted\n")
            return EXIT_INTERRUPTED
        _report_folders(expansion, err)
        if not expansion.files:
            err.write("uploader-gui: nothing to upload: no image files found\n")
            return EXIT_SOME_FAILED
        options = prepare if prepare is not None else PrepareOptions()
        clean_leftovers()
        try:
            status = _upload_all(
                client, expansion.files, concurrency, as_json, out, err, options, link_style
            )
        finally:
            remove_work_folder()
    return _with_unreadable(expansion, status, err)


def _report_folders(expansion: Expansion, err: TextIO) -> None:
    """Say which folders hold no image, and which could not be read and why."""
    for folder in expansion.empty:
        err.write(f"uploader-gui: {printable(folder)}: no images in this folder\n")
    for folder, reason in expansion.unreadable:
        err.write(f"uploader-gui: {printable(folder)}: cannot read folder: {printable(reason)}\n")


def _with_unreadable(expansion: Expansion, status: int, err: TextIO) -> int:
    """The status: a folder that could not be read fails a run that was not interrupted."""
    if expansion.unreadable and status in (EXIT_OK, EXIT_SOME_FAILED):
        count = len(expansion.unreadable)
        err.write(f"uploader-gui: {count} folder{'s' if count > 1 else ''} could not be read\n")
        return EXIT_SOME_FAILED
    return status


def _upload_all(
    client: UploadClient,
    files: list[tuple[str, Path]],
    concurrency: int,
    as_json: bool,
    out: TextIO,
    err: TextIO,
    options: PrepareOptions,
    link_style: LinkStyle | None = None,
) -> int:
    """Upload every file and print each outcome in input order. Every URL obtained is
    printed, whatever failed before or after it (even after Ctrl+C)."""
    progress = TerminalProgress(err, len(files)) if err.isatty() else None
    printer = _Printer(out, err, as_json, link_style, progress)
    cancel = CancelToken()
    preparing = Preparing(options, work_folder) if options.key() else None
    outcomes: list[Outcome] = []
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        futures: list[Future[Outcome]] = [
            pool.submit(_upload_one, client, i, given, path, cancel, preparing, progress)
            for i, (given, path) in enumerate(files)
        ]
        try:
            for future in futures:
                outcomes.append(future.result())
                printer.report(outcomes[-1])
        except KeyboardInterrupt:
            return _interrupted(files, futures, len(outcomes), cancel, printer)
    if progress is not None:
        progress.close()
    failed = sum(1 for outcome in outcomes if outcome.result is None)
    if failed:
        err.write(f"uploader-gui: {failed} of {len(files)} files failed\n")
        return EXIT_SOME_FAILED
    return EXIT_OK


@dataclass(frozen=True)
class _Printer:
    """Says each outcome on stdout, and a failure on stderr when no progress line says it."""

    out: TextIO
    err: TextIO
    as_json: bool
    link_style: LinkStyle | None
    progress: TerminalProgress | None

    def report(self, outcome: Outcome) -> None:
        if self.as_json:
            self.out.write(outcome.as_json() + "\n")
        elif self.link_style is not None:
            self.out.write(outcome.formatted(self.link_style) + "\n")
        elif outcome.result is not None:
            self.out.write(outcome.result.url + "\n")
        if outcome.result is None and self.progress is None:
            self.err.write(
                f"uploader-gui: {printable(outcome.path)}: {printable(outcome.error or '')}\n"
            )
        self.out.flush()


def _upload_one(
    client: UploadClient,
    index: int,
    given: str,
    path: Path,
    cancel: CancelToken,
    preparing: Preparing | None,
    progress: TerminalProgress | None,
) -> Outcome:
    """One file's upload (on a worker), with its progress and its line on the terminal."""
    name = printable(os.fsdecode(path.name))

    def on_progress(sent: int, total: int) -> None:
        if progress is not None:
            progress.update(index, name, sent, total)

    outcome = _outcome(client, given, path, on_progress, cancel, preparing)
    if progress is not None:
        error = printable(outcome.error or "")
        mark = f"✓ {name}" if outcome.result else f"✗ {name}: {error}"
        progress.finish(index, mark)
    return outcome


def _interrupted(
    files: list[tuple[str, Path]],
    futures: list[Future[Outcome]],
    reported: int,
    cancel: CancelToken,
    printer: _Printer,
) -> int:
    """After Ctrl+C: unfinished uploads are cancelled; what finished (or finishes as it is
    cancelled) and was not ``reported`` yet is still said, in order: no URL is ever lost."""
    cancel.cancel()
    for future in futures:
        future.cancel()
    for (given, _path), future in list(zip(files, futures, strict=True))[reported:]:
        if future.cancelled():
            interrupted = Outcome(given, error="interrupted before it was sent")
        else:
            interrupted = future.result()
        printer.report(interrupted)
    if printer.progress is not None:
        printer.progress.close()
    printer.err.write("uploader-gui: interrupted; unfinished uploads cancelled\n")
    return EXIT_INTERRUPTED


def _outcome(
    client: UploadClient,
    given: str,
    path: Path,
    on_progress: Callable[[int, int], None],
    cancel: CancelToken,
    preparing: Preparing | None,
) -> Outcome:
    """One file's upload, whatever happens: a failure of any kind is this file's outcome,
    never the end of the run."""
    try:
        done = run_upload(
            lambda: client,
            path,
            history=None,
            progress=on_progress,
            cancel=cancel,
            preparing=preparing,
        )
    except UploadError as exc:
        return Outcome(given, error=str(exc))
    except Exception as exc:
        return Outcome(given, error=f"unexpected error: {type(exc).__name__}")
    width, height = done.dimensions or (None, None)
    return Outcome(
        given,
        result=done.result,
        prepared=done.prepared,
        width=width,
        height=height,
        date=datetime.date.today().isoformat(),
    )
