"""The "hostile files" tests: files that fight back while the app reads or sends them.

A FIFO, a socket or a device dropped among images (or a symlink to one) must be refused
without being opened, and never hang the upload or the thumbnails of the files behind it. A
file that grows, shrinks or is replaced while it uploads must never be reported as uploaded
with bytes that are not the file's. A huge file whose name is not UTF-8 must get its
thumbnail streamed like any other, and its row must show the odd bytes as U+FFFD.

Uploads go to the real sandbox server; ``--headless`` runs as a real process.
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import httpx
import pytest
from pytestqt.qtbot import QtBot

from tests.images import fake_image, png_bytes, write
from uploader_gui.core.client import UploadClient
from uploader_gui.core.errors import CancelledError, FileChangedError, LocalFileError
from uploader_gui.core.files import open_regular, wait_until_stable
from uploader_gui.core.history import HistoryState, HistoryStore
from uploader_gui.core.retry import CancelToken, RetryPolicy
from uploader_gui.core.sniff import check_image
from uploader_gui.core.upload_job import HistoryLink, file_digest, run_upload
from uploader_gui.core.urls import api_host
from uploader_gui.sandbox import SandboxServer, StoredUpload

T = TypeVar("T")

#: Long enough for any of these calls on a loaded 2-core machine; a hang is far longer.
PROMPT = 10.0
NOT_REGULAR = "not a regular file"
CHANGED = "the file changed while it was being uploaded"
FAST = RetryPolicy(retries=3, base_delay=0.01, max_delay=0.05)


def finishes_within(seconds: float, call: Callable[[], T]) -> T:
    """``call()``, run on a thread so that a call that blocks fails the test, not hangs it."""
    values: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            values.append(call())
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"blocked for more than {seconds} s"
    if errors:
        raise errors[0]
    return values[0]


def release_readers(fifo: Path) -> None:
    """Let go of anyone stuck opening ``fifo`` for reading (only a broken build is)."""
    for _ in range(20):
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: no reader waiting
            return
        os.close(fd)


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "pipe.jpg"
    os.mkfifo(path)
    yield path
    release_readers(path)


def wait_for(condition: Callable[[], bool], timeout: float = PROMPT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)


def headless(*args: str, key: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMAGEPIPELINE_")}
    env["IMAGEPIPELINE_API_KEY"] = key
    try:
        return subprocess.run(
            # Stand-in images: sent as they are (preparing is tested elsewhere).
            [sys.executable, "-m", "uploader_gui", "--headless", "--keep-metadata", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"--headless did not exit within {timeout} s; stdout: {exc.stdout!r}")


def stored(sandbox: SandboxServer, url: str) -> StoredUpload:
    (upload,) = [u for u in sandbox.uploads if u.url == url]
    return upload


# -- 1. not a regular file: refused before it is opened, never blocking ----------------


def _unix_socket(tmp_path: Path) -> Path:
    path = tmp_path / "sock.png"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays
    return path


def _symlink_to_fifo(tmp_path: Path) -> Path:
    link = tmp_path / "link.png"
    link.symlink_to(tmp_path / "pipe.jpg")  # the ``fifo`` fixture's
    return link


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda tmp: tmp / "pipe.jpg", id="fifo"),
        pytest.param(_unix_socket, id="unix-socket"),
        pytest.param(lambda _tmp: Path("/dev/null"), id="char-device"),
        pytest.param(_symlink_to_fifo, id="symlink-to-fifo"),
    ],
)
def test_the_safe_open_refuses_what_is_not_a_regular_file(
    fifo: Path, tmp_path: Path, make: Callable[[Path], Path]
) -> None:
    path = make(tmp_path)
    with pytest.raises(LocalFileError, match=NOT_REGULAR) as info:
        finishes_within(PROMPT, lambda: open_regular(path))
    assert info.value.path == path


def test_a_fifo_swapped_in_after_the_check_is_caught_by_fstat_without_blocking(
    fifo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    innocent = os.stat(write(tmp_path / "real.png", png_bytes()))
    real_stat = os.stat

    def stat_before_the_swap(path: object, *args: object, **kwargs: object) -> os.stat_result:
        return innocent if Path(str(path)) == fifo else real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat_before_the_swap)  # (files.py looks it up per call)
    with pytest.raises(LocalFileError, match=NOT_REGULAR):
        finishes_within(PROMPT, lambda: open_regular(fifo))


def test_a_regular_file_opens_blocking_at_its_start(tmp_path: Path) -> None:
    path = write(tmp_path / "a.png", png_bytes())
    link = tmp_path / "link.png"
    link.symlink_to(path)
    for name in (path, link):
        file, info = open_regular(name)
        with file:
            assert info.st_size == len(png_bytes())
            assert os.get_blocking(file.fileno())
            assert file.read() == png_bytes()


def test_every_reader_of_user_files_refuses_a_fifo_promptly(fifo: Path) -> None:
    from uploader_gui.ui.base.thumbnails import ThumbnailError, read_thumbnail

    with pytest.raises(LocalFileError, match=NOT_REGULAR):
        finishes_within(PROMPT, lambda: check_image(fifo))
    assert finishes_within(PROMPT, lambda: file_digest(fifo, None)) is None
    with pytest.raises(ThumbnailError, match=NOT_REGULAR):
        finishes_within(PROMPT, lambda: read_thumbnail(fifo))


def test_headless_reports_a_fifo_and_exits(
    sandbox: SandboxServer, tmp_path: Path, fifo: Path
) -> None:
    good = write(tmp_path / "good.png", png_bytes())
    # Within seconds (start-up and one small upload), where it used to wait forever.
    done = headless("--api-url", sandbox.url, str(good), str(fifo), key=sandbox.key, timeout=20)
    assert done.returncode == 1, done.stderr
    (url,) = done.stdout.splitlines()
    assert httpx.get(url).content == good.read_bytes()
    assert f"{fifo}: {NOT_REGULAR}" in done.stderr
    assert "1 of 2 files failed" in done.stderr
    assert [r.path for r in sandbox.requests if r.method == "POST"] == ["/upload/image/v1"]


def test_the_window_s_upload_job_refuses_a_fifo_and_records_why(
    sandbox: SandboxServer, fifo: Path, tmp_path: Path
) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    host = api_host(sandbox.url)
    (entry_id,) = store.add([(str(fifo), fifo.name, host)])
    link = HistoryLink(store, entry_id, host, True, threading.Event(), fresh=True)
    with UploadClient(sandbox.url, sandbox.key, retry=FAST) as client:
        with pytest.raises(LocalFileError, match=NOT_REGULAR):
            finishes_within(PROMPT, lambda: run_upload(lambda: client, fifo, history=link))
    entry = store.get(entry_id)
    assert entry is not None
    assert (entry.state, entry.error) == (HistoryState.FAILED, NOT_REGULAR)
    assert sandbox.requests == []


def test_a_fifo_does_not_hold_up_the_thumbnails_behind_it(
    qtbot: QtBot, fifo: Path, tmp_path: Path
) -> None:
    from uploader_gui.ui.base.thumbnails import ThumbnailService
    from uploader_gui.ui.base.workers import Workers

    good = write(tmp_path / "good.png", png_bytes())
    workers = Workers()
    service = ThumbnailService(workers, threads=1)  # one thread: a blocked job stalls the rest
    results: dict[int, tuple[bool, str | None]] = {}

    def record(key: int, _size: int) -> None:
        results[key] = (service.pixmap(key) is not None, service.error(key))

    service.ready.connect(record)
    try:
        service.request_file(1, fifo, keep_for_entry=False)
        service.request_file(2, good, keep_for_entry=False)
        qtbot.waitUntil(lambda: len(results) == 2, timeout=int(PROMPT * 1000))
    finally:
        workers.cancel()
        release_readers(fifo)
        assert workers.wait(time.monotonic() + PROMPT)
    assert results[1] == (False, NOT_REGULAR)
    assert results[2] == (True, None)


# -- 2. a file that changes while it uploads is never reported with other bytes --------


def _grow_during_upload(sandbox: SandboxServer, path: Path, extra: bytes) -> threading.Thread:
    """Append ``extra`` to ``path`` as soon as the sandbox is receiving its upload."""

    def grow() -> None:
        wait_for(lambda: any(r.method == "POST" for r in sandbox.requests), timeout=30)
        with path.open("ab") as file:
            file.write(extra)

    thread = threading.Thread(target=grow, daemon=True)
    thread.start()
    return thread


def test_headless_sends_a_file_that_grew_again_and_the_service_has_it_whole(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    path = write(tmp_path / "growing.png", fake_image("image/png", 2_000_000))
    sandbox.faults.throttle_bps = 2_000_000  # about a second for the first 2 MB
    grower = _grow_during_upload(sandbox, path, b"\x01" * 1_000_000)
    done = headless("--api-url", sandbox.url, str(path), key=sandbox.key)
    grower.join(PROMPT)
    assert done.returncode == 0, done.stderr
    final = path.read_bytes()
    assert len(final) == 3_000_000
    upload = stored(sandbox, done.stdout.strip())
    assert upload.path.read_bytes() == final
    assert upload.sha256 == hashlib.sha256(final).hexdigest()
    assert httpx.get(upload.url).content == final
    assert len([r for r in sandbox.requests if r.method == "POST"]) == 2


def test_headless_with_no_retries_fails_a_file_that_grew(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    path = write(tmp_path / "growing.png", fake_image("image/png", 2_000_000))
    sandbox.faults.throttle_bps = 2_000_000
    grower = _grow_during_upload(sandbox, path, b"\x01" * 1_000_000)
    done = headless("--retries", "0", "--api-url", sandbox.url, str(path), key=sandbox.key)
    grower.join(PROMPT)
    assert done.returncode == 1
    assert done.stdout == ""
    assert f"{path}: {CHANGED}" in done.stderr


def _on_first_progress(action: Callable[[], None]) -> Callable[[int, int], None]:
    fired = threading.Event()

    def progress(sent: int, _total: int) -> None:
        if sent > 0 and not fired.is_set():
            fired.set()
            action()

    return progress


@pytest.mark.parametrize("change", ["append", "truncate", "rewrite-in-place", "replace"])
def test_a_file_changed_mid_upload_is_sent_again_as_it_is_now(
    sandbox: SandboxServer, tmp_path: Path, change: str
) -> None:
    path = write(tmp_path / "moving.png", fake_image("image/png", 600_000))
    after = {
        "append": fake_image("image/png", 600_000) + b"\x02" * 1000,
        "truncate": fake_image("image/png", 300_000),
        "rewrite-in-place": fake_image("image/png", 600_000, fill=b"\xcd"),
        "replace": fake_image("image/png", 500_000, fill=b"\xef"),
    }[change]

    def modify() -> None:
        if change == "replace":  # as editors and sync tools save: a new file renamed over
            write(tmp_path / "moving.png.tmp", after)
            os.replace(tmp_path / "moving.png.tmp", path)
        else:
            with path.open("r+b") as file:
                file.write(after)
                file.truncate(len(after))
            # Where timestamps are coarse, a same-size rewrite could keep its mtime; the
            # check relies on the mtime, so make sure this one moves.
            os.utime(path, ns=(time.time_ns(), time.time_ns() + 1_000_000_000))

    retries: list[str] = []
    with UploadClient(sandbox.url, sandbox.key, retry=FAST) as client:
        result = client.upload(
            path,
            progress=_on_first_progress(modify),
            on_retry=lambda _n, _delay, error: retries.append(str(error)),
        )
    assert retries == [CHANGED]
    assert path.read_bytes() == after
    assert stored(sandbox, result.url).path.read_bytes() == after
    assert result.size_bytes == len(after)


def test_growth_before_the_body_starts_does_not_change_the_declared_length(
    sandbox: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Bytes appended between our open and the request being framed: Content-Length must be
    # the size that will be sent, else the server waits for bytes that never come.
    from uploader_gui.core.sniff import OpenedImage, open_upload

    path = write(tmp_path / "early.png", fake_image("image/png", 300_000))
    opened: list[int] = []

    def open_then_grow(name: Path | str) -> OpenedImage:
        result = open_upload(name)
        if not opened:
            with path.open("ab") as file:
                file.write(b"\x07" * 100_000)
        opened.append(1)
        return result

    monkeypatch.setattr("uploader_gui.core.client.open_upload", open_then_grow)
    timeout = httpx.Timeout(connect=5.0, write=5.0, read=5.0, pool=None)
    with UploadClient(sandbox.url, sandbox.key, retry=FAST, timeout=timeout) as client:
        started = time.monotonic()
        result = client.upload(path)
    assert time.monotonic() - started < 5.0
    assert stored(sandbox, result.url).path.read_bytes() == path.read_bytes()
    assert len(opened) == 2


def test_with_no_retries_left_a_changed_file_fails_with_a_clear_message(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    path = write(tmp_path / "moving.png", fake_image("image/png", 600_000))

    def append() -> None:
        with path.open("ab") as file:
            file.write(b"\x03" * 1000)

    with UploadClient(sandbox.url, sandbox.key, retry=RetryPolicy(retries=0)) as client:
        with pytest.raises(FileChangedError) as info:
            client.upload(path, progress=_on_first_progress(append))
    assert str(info.value) == CHANGED
    assert sandbox.key not in str(info.value)


def test_a_file_that_never_settles_uses_up_the_retries_then_fails(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    path = write(tmp_path / "log.png", fake_image("image/png", 200_000))

    def append(sent: int, _total: int) -> None:
        with path.open("ab") as file:
            file.write(b"\x04")

    retries: list[int] = []
    with UploadClient(sandbox.url, sandbox.key, retry=RetryPolicy(retries=2)) as client:
        with pytest.raises(FileChangedError, match=CHANGED):
            client.upload(path, progress=append, on_retry=lambda n, *_: retries.append(n))
    assert retries == [1, 2]
    assert len([r for r in sandbox.requests if r.method == "POST"]) == 3


def test_waiting_for_a_changing_file_to_settle_is_cancellable(tmp_path: Path) -> None:
    path = write(tmp_path / "busy.png", png_bytes())
    token = CancelToken()
    stop = threading.Event()

    def keep_writing() -> None:
        while not stop.is_set():
            with path.open("ab") as file:
                file.write(b"\x05")
            stop.wait(0.01)

    writer = threading.Thread(target=keep_writing, daemon=True)
    writer.start()
    try:
        threading.Timer(0.3, token.cancel).start()
        started = time.monotonic()
        with pytest.raises(CancelledError):
            wait_until_stable(path, token, interval=0.05, timeout=60)
        assert time.monotonic() - started < PROMPT
    finally:
        stop.set()
        writer.join(PROMPT)


def test_waiting_for_a_file_to_settle_returns_once_it_has(tmp_path: Path) -> None:
    path = write(tmp_path / "still.png", png_bytes())
    started = time.monotonic()
    wait_until_stable(path, CancelToken(), interval=0.05, timeout=60)
    assert time.monotonic() - started < PROMPT


def test_the_digest_recorded_with_a_success_is_of_the_bytes_sent(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    path = write(tmp_path / "moving.png", fake_image("image/png", 600_000))
    store = HistoryStore(tmp_path / "history.sqlite3")
    host = api_host(sandbox.url)
    (entry_id,) = store.add([(str(path), path.name, host)])
    link = HistoryLink(store, entry_id, host, True, threading.Event(), fresh=True)

    def append() -> None:  # after the digest was taken, while the bytes are sent
        with path.open("ab") as file:
            file.write(b"\x06" * 5000)

    with UploadClient(sandbox.url, sandbox.key, retry=FAST) as client:
        outcome = run_upload(
            lambda: client, path, history=link, progress=_on_first_progress(append)
        )
    sent = stored(sandbox, outcome.result.url)
    final = path.read_bytes()
    assert sent.path.read_bytes() == final
    entry = store.get(entry_id)
    assert entry is not None
    assert entry.state is HistoryState.DONE
    assert (entry.sha256, entry.size) == (hashlib.sha256(final).hexdigest(), len(final))
    assert entry.sha256 == sent.sha256
    # A later drop of the first version must not be taken for these bytes.
    assert store.find_upload(hashlib.sha256(final[:600_000]).hexdigest(), host) is None


# -- 3. a huge file whose name is not UTF-8: streamed thumbnail, honest name -------------


def _odd_name(tmp_path: Path) -> Path:
    return Path(os.fsdecode(os.fsencode(tmp_path) + b"/bad\xffname.png"))


def test_the_thumbnail_of_a_huge_file_with_a_non_utf8_name_is_streamed(tmp_path: Path) -> None:
    path = _odd_name(tmp_path)
    with open(path, "wb") as file:  # a real PNG, then a 3 GB hole
        file.write(png_bytes(40, 30))
        file.truncate(3 * 1024**3)
    script = textwrap.dedent(
        """
        import resource, sys
        from uploader_gui.ui.base.thumbnails import read_thumbnail
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        image, size = read_thumbnail(sys.argv[1])
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(image.width(), image.height(), size, (after - before) // 1024)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, os.fsencode(path)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    width, height, size, growth_mb = map(int, done.stdout.split())
    assert (width, height, size) == (40, 30, 3 * 1024**3)
    assert growth_mb < 100, f"reading the thumbnail grew the peak memory by {growth_mb} MB"


def test_a_file_with_a_non_utf8_name_gets_its_thumbnail(tmp_path: Path) -> None:
    from uploader_gui.ui.base.thumbnails import read_thumbnail

    path = write(_odd_name(tmp_path), png_bytes(300, 200))
    image, size = read_thumbnail(path)
    assert (image.width(), image.height(), size) == (128, 85, path.stat().st_size)


def test_the_row_shows_undecodable_bytes_as_a_replacement_character(tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from uploader_gui.ui.uploads.model import UploadItem, UploadListModel

    path = write(_odd_name(tmp_path), png_bytes())
    item = UploadItem(id=1, path=path, batch=1)
    assert item.name == "bad\ufffdname.png"
    assert os.fsencode(item.path) == os.fsencode(tmp_path) + b"/bad\xffname.png"  # exact
    assert item.accessible_text().startswith("bad\ufffdname.png")
    model = UploadListModel()
    model.append([item])
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole) == "bad\ufffdname.png"
    # A name that decodes stays as it is.
    assert UploadItem(id=2, path=tmp_path / "café 写真.png", batch=1).name == "café 写真.png"
    assert UploadItem(id=3, path=path, batch=1, name="from history").name == "from history"
