"""One image from standard input (``core/stdin_image.py``) through real pipes: kept in a
private file named as it is uploaded, refused (and nothing left behind) when it is nothing,
too much (without reading the rest), not an image, or a terminal."""

from __future__ import annotations

import errno
import io
import os
import pty
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

import pytest

from tests.images import fake_image, png_bytes
from uploader_gui.core.errors import LocalFileError
from uploader_gui.core.sniff import HEAD_SIZE
from uploader_gui.core.source_files import stdin_name, timestamped_name
from uploader_gui.core.stdin_image import (
    CHUNK,
    MAX_STDIN_BYTES,
    StdinRefused,
    read_stdin_image,
)

WHEN = datetime(2025, 1, 31, 14, 25, 1)
ROOT = Path(__file__).resolve().parent.parent
ALLOWED = "allowed: PNG, JPEG, WebP, GIF, HEIC, HEIF, AVIF, BMP, TIFF"


@contextmanager
def piped(data: bytes) -> Iterator[BinaryIO]:
    """The read end of a real pipe that another thread writes ``data`` into, then closes."""
    read_end, write_end = os.pipe()

    def write() -> None:
        with os.fdopen(write_end, "wb") as out:
            out.write(data)

    writer = threading.Thread(target=write)
    writer.start()
    with os.fdopen(read_end, "rb") as stream:
        yield stream
    writer.join(10)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """The folder the private copies go in (the test's XDG folders are beside it)."""
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def left_in(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*")) if folder.exists() else []


def test_a_png_from_another_process_is_kept_privately_under_its_upload_name() -> None:
    data = png_bytes(64, 48)
    script = "import sys; sys.stdout.buffer.write(sys.stdin.buffer.read())"
    writer = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert writer.stdin is not None
    with writer.stdin:
        writer.stdin.write(data)  # (smaller than a pipe: it cannot block)
    assert writer.stdout is not None
    with writer.stdout:
        image = read_stdin_image(writer.stdout, when=WHEN)  # type: ignore[arg-type]
    assert writer.wait(10) == 0
    assert (image.name, image.kind, image.size) == ("stdin-2025-01-31-142501.png", "PNG", len(data))
    assert image.path.name == image.name  # the upload sends a file under its own name
    assert image.path.read_bytes() == data
    assert stat.S_IMODE(image.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(image.path.parent.stat().st_mode) == 0o700
    assert image.path.is_relative_to(Path(os.environ["XDG_CACHE_HOME"]) / "uploader-gui")


def test_a_jpeg_through_a_pipe_larger_than_a_chunk(work: Path) -> None:
    data = fake_image("image/jpeg", size=3 * CHUNK + 17)
    with piped(data) as stream:
        image = read_stdin_image(stream, folder=work, when=WHEN)
    assert (image.name, image.kind, image.size) == (
        "stdin-2025-01-31-142501.jpg",
        "JPEG",
        len(data),
    )
    assert image.path.read_bytes() == data
    assert image.path.parent.parent == work


def test_two_images_in_the_same_second_do_not_meet(work: Path) -> None:
    first, second = (png_bytes(seed=seed) for seed in (1, 2))
    with piped(first) as one, piped(second) as two:
        made = [read_stdin_image(stream, folder=work, when=WHEN) for stream in (one, two)]
    assert [image.name for image in made] == ["stdin-2025-01-31-142501.png"] * 2
    assert [image.path.read_bytes() for image in made] == [first, second]


def test_the_app_s_own_standard_input_is_read_by_default() -> None:
    script = (
        "from uploader_gui.core.stdin_image import read_stdin_image\n"
        "image = read_stdin_image()\n"
        "print(image.kind, image.size, image.name.startswith('stdin-'), image.path.exists())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=fake_image("image/webp", 5000),
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().split() == ["WebP", "5000", "True", "True"]


@pytest.mark.parametrize(
    ("head", "kind", "extension"),
    [
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "HEIC", "heic"),
        (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1", "AVIF", "avif"),
        (b"BM" + b"\x00" * 60, "BMP", "bmp"),
        (b"II*\x00" + b"\x00" * 60, "TIFF", "tiff"),
        (b"GIF89a" + b"\x00" * 60, "GIF", "gif"),
    ],
)
def test_what_the_app_converts_comes_in_too(
    work: Path, head: bytes, kind: str, extension: str
) -> None:
    with piped(head + b"\x01" * 1000) as stream:
        image = read_stdin_image(stream, folder=work, when=WHEN)
    assert (image.kind, image.name) == (kind, f"stdin-2025-01-31-142501.{extension}")


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"hello, this is text\n" * 100, "text"),
        (b"%PDF-1.7\n" + b"\x00" * 1000, "PDF"),
        (b"PK\x03\x04" + b"\x00" * 100, "a ZIP archive"),
        (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "SVG"),
        (b"\x00\x00\x00\x18ftypisom\x00\x00\x00\x00", "a video or ISO media file"),
    ],
)
def test_what_is_not_an_image_is_named_and_nothing_is_written(
    work: Path, data: bytes, said: str
) -> None:
    with piped(data) as stream, pytest.raises(StdinRefused) as refused:
        read_stdin_image(stream, folder=work)
    assert str(refused.value) == (
        f"standard input is not an image the app can send: {said}; {ALLOWED}"
    )
    assert left_in(work) == []


def test_a_refusal_is_a_file_refusal_for_standard_input() -> None:
    with piped(b"") as stream, pytest.raises(LocalFileError) as refused:
        read_stdin_image(stream)
    assert isinstance(refused.value, StdinRefused)
    assert refused.value.path == Path("-")
    assert refused.value.retry_helps is False


def test_nothing_on_standard_input(work: Path) -> None:
    with (
        piped(b"") as stream,
        pytest.raises(StdinRefused, match=r"^nothing came on standard input$"),
    ):
        read_stdin_image(stream, folder=work)
    assert left_in(work) == []


def test_no_standard_input_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(StdinRefused, match=r"^nothing came on standard input$"):
        read_stdin_image()


def test_an_image_of_exactly_the_limit_is_taken(work: Path) -> None:
    data = fake_image("image/png", 5000)
    with piped(data) as stream:
        assert read_stdin_image(stream, limit=5000, folder=work).size == 5000


def test_one_byte_over_the_limit_is_refused_and_nothing_is_left(work: Path) -> None:
    with piped(fake_image("image/png", 5001)) as stream, pytest.raises(StdinRefused) as refused:
        read_stdin_image(stream, limit=5000, folder=work)
    assert str(refused.value) == (
        "more than 5.0 KB came on standard input: the app takes images up to 5.0 KB"
    )
    assert left_in(work) == []


def test_a_limit_below_the_sniffed_head_is_kept_too(work: Path) -> None:
    assert HEAD_SIZE > 100
    with piped(png_bytes(64, 64)) as stream, pytest.raises(StdinRefused, match=r"^more than 100 B"):
        read_stdin_image(stream, limit=100, folder=work)


def test_reading_stops_soon_after_the_limit(work: Path) -> None:
    """A writer with 64 MiB to give gets a broken pipe after little more than the limit
    plus what the pipe and one read hold: the rest is never read."""
    limit = 10_000
    total = 64 << 20
    written = 0
    read_end, write_end = os.pipe()

    def write() -> None:
        nonlocal written
        block = fake_image("image/png", 4096)
        try:
            while written < total:
                written += os.write(write_end, block)
        except BrokenPipeError:
            pass
        finally:
            os.close(write_end)

    writer = threading.Thread(target=write)
    writer.start()
    with os.fdopen(read_end, "rb") as stream, pytest.raises(StdinRefused, match=r"^more than"):
        read_stdin_image(stream, limit=limit, folder=work)
    writer.join(10)
    assert not writer.is_alive()
    assert written < limit + (1 << 20), written  # the pipe (64 KiB) and a buffer, not 64 MiB
    assert left_in(work) == []


def test_a_terminal_is_refused_with_what_to_do(work: Path) -> None:
    controller, terminal = pty.openpty()
    try:
        with os.fdopen(terminal, "rb") as stream, pytest.raises(StdinRefused) as refused:
            read_stdin_image(stream, folder=work)
    finally:
        os.close(controller)
    assert str(refused.value) == (
        "standard input is a terminal: pipe an image in, e.g. grim - | uploader-gui --headless -"
    )
    assert left_in(work) == []


class Failing(io.RawIOBase):
    """A stream that gives a PNG's first bytes, then an I/O error."""

    def __init__(self) -> None:
        self.given = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self.given:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        self.given = True
        data = png_bytes()[: len(buffer)]
        buffer[: len(data)] = data
        return len(data)


def test_a_read_error_is_said_and_nothing_is_left(work: Path) -> None:
    with pytest.raises(StdinRefused) as refused:
        read_stdin_image(Failing(), folder=work)  # type: ignore[arg-type]
    assert str(refused.value) == "standard input could not be read: Input/output error"
    assert left_in(work) == []


def test_a_folder_that_cannot_be_written_is_said(work: Path) -> None:
    with piped(png_bytes()) as stream, pytest.raises(StdinRefused) as refused:
        read_stdin_image(stream, folder=work / "missing")
    assert str(refused.value).startswith("the copy to send could not be saved: ")


def test_the_limit_is_the_service_s_and_the_names_are_local_time() -> None:
    from uploader_gui.sandbox.contract import DEFAULT_MAX_BYTES

    assert MAX_STDIN_BYTES == DEFAULT_MAX_BYTES
    assert stdin_name("webp", WHEN) == "stdin-2025-01-31-142501.webp"
    assert timestamped_name("x", "png", datetime(2025, 12, 3, 4, 5, 6)) == (
        "x-2025-12-03-040506.png"
    )
    now = stdin_name("png")
    assert now.startswith(f"stdin-{datetime.now():%Y-}")
    assert now.endswith(".png")
