"""Converting HEIC, AVIF, BMP and TIFF, shrinking on request, and refusing bombs."""

from __future__ import annotations

import io
import os
import resource
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageOps

from uploader_gui.core.prepare.convert import (
    MAX_PIXELS,
    Converted,
    NotShrunk,
    PrepareError,
    convert,
    convertible,
    shrink,
)
from uploader_gui.core.prepare.limits import pillow_with_heif
from uploader_gui.core.sniff import sniff

pillow_with_heif()  # pillow-heif is a dependency: a broken install fails, never skips


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "prepared"
    folder.mkdir(mode=0o700)
    return folder


def _photo(width: int, height: int) -> Image.Image:
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    image.paste((200, 30, 30), (0, 0, width // 4, height // 4))  # a marker in a corner
    return image


_ICC: list[bytes] = []


def _icc() -> bytes:
    """One sRGB profile for the whole module (a new one carries a new creation time)."""
    if not _ICC:
        _ICC.append(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    return _ICC[0]


def test_bmp_becomes_a_pixel_identical_png(tmp_path: Path, out: Path) -> None:
    source = tmp_path / "scan.bmp"
    _photo(64, 48).save(source)
    assert convertible(source) == "bmp"
    result = convert(source, out)
    assert (result.name, result.mime, result.converted_from) == ("scan.png", "image/png", "bmp")
    assert sniff(result.path.read_bytes()[:16]) is not None
    with Image.open(source) as before, Image.open(result.path) as after:
        assert after.format == "PNG"
        assert after.convert("RGB").tobytes() == before.convert("RGB").tobytes()
    assert result.path.stat().st_mode & 0o777 == 0o600
    assert result.path.parent == out


def test_a_multi_page_tiff_sends_its_first_page_and_says_so(tmp_path: Path, out: Path) -> None:
    source = tmp_path / "doc.tiff"
    pages = [_photo(40, 30), Image.new("RGB", (40, 30), "blue"), Image.new("RGB", (40, 30))]
    pages[0].save(source, save_all=True, append_images=pages[1:])
    result = convert(source, out)
    assert result.name == "doc.png"
    assert result.note == "TIFF with 3 pages: only the first was sent"
    with Image.open(result.path) as after:
        assert after.convert("RGB").tobytes() == pages[0].tobytes()


def test_heic_becomes_an_upright_jpeg_with_its_colour_profile(tmp_path: Path, out: Path) -> None:
    source = tmp_path / "IMG_0042.HEIC"
    exif = Image.Exif()
    exif[0x0112] = 6  # taken with the phone on its side
    exif[0x010F] = "PhoneMaker"
    _photo(400, 300).save(source, quality=90, exif=exif.tobytes(), icc_profile=_icc())
    result = convert(source, out)
    assert (result.name, result.mime, result.converted_from) == (
        "IMG_0042.jpg",
        "image/jpeg",
        "heic",
    )
    with Image.open(result.path) as after:
        assert after.format == "JPEG"
        assert after.size == (300, 400)  # portrait, as the person saw it
        assert after.info.get("icc_profile") == _icc()
        assert not after.getexif()  # no camera details, no orientation left to apply


def test_avif_with_alpha_becomes_png(tmp_path: Path, out: Path) -> None:
    source = tmp_path / "sticker.avif"
    image = Image.new("RGBA", (50, 40), (10, 200, 10, 0))
    image.paste((200, 10, 10, 255), (10, 10, 30, 30))
    image.save(source, quality=90)
    result = convert(source, out)
    assert (result.name, result.converted_from) == ("sticker.png", "avif")
    with Image.open(result.path) as after:
        assert after.mode == "RGBA"
        corner = after.getpixel((0, 0))
        assert isinstance(corner, tuple)
        assert corner[3] == 0  # transparency kept


def test_accepted_types_and_documents_are_not_converted(tmp_path: Path, out: Path) -> None:
    png = tmp_path / "a.png"
    _photo(8, 8).save(png)
    text = tmp_path / "notes.txt"
    text.write_text("hello\n")
    svg = tmp_path / "logo.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    for path in (png, text, svg):
        assert convertible(path) is None
        with pytest.raises(PrepareError):
            convert(path, out)


def test_a_damaged_heic_is_refused_with_a_reason(tmp_path: Path, out: Path) -> None:
    source = tmp_path / "broken.heic"
    good = tmp_path / "good.heic"
    _photo(64, 64).save(good)
    source.write_bytes(good.read_bytes()[:200])
    with pytest.raises(PrepareError, match="cannot be"):
        convert(source, out)
    assert list(out.iterdir()) == []


def test_shrink_keeps_a_portrait_photo_portrait_and_its_format(tmp_path: Path, out: Path) -> None:
    source = tmp_path / "big.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6
    _photo(4000, 3000).save(source, quality=90, exif=exif.tobytes(), icc_profile=_icc())
    result = shrink(source, out, 2048)
    assert isinstance(result, Converted)
    assert result.resized_from == (3000, 4000)
    assert result.name == "big.jpg"
    with Image.open(result.path) as after:
        assert after.format == "JPEG"
        shown = ImageOps.exif_transpose(after)
        assert shown.size == (1536, 2048)
        assert after.info.get("icc_profile") == _icc()
        # The corner marker (top left of the sensor) is at the top right once upright.
        marker = shown.getpixel((shown.width - 20, 20))
        assert isinstance(marker, tuple)
        assert marker[0] > 150


def test_shrink_leaves_small_and_animated_images_alone(tmp_path: Path, out: Path) -> None:
    small = tmp_path / "small.png"
    _photo(100, 80).save(small)
    animated = tmp_path / "anim.gif"
    frames = [Image.new("RGB", (3000, 10), (i * 80, 40, 200 - i * 60)) for i in range(3)]
    frames[0].save(animated, save_all=True, append_images=frames[1:])
    with Image.open(animated) as check:
        assert check.n_frames == 3
    assert shrink(small, out, 2048) == NotShrunk()
    assert shrink(animated, out, 2048) == NotShrunk(animated="GIF")
    assert list(out.iterdir()) == []


def _png_declaring(width: int, height: int) -> bytes:
    """A PNG of a few hundred bytes whose header declares ``width`` x ``height`` pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 4096))
        + chunk(b"IEND", b"")
    )


def _heic_declaring(width: int, height: int) -> bytes:
    """A HEIC of a few hundred bytes whose ``ispe`` box (the image's extent, which decoders
    allocate for) declares ``width`` x ``height`` pixels."""
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (90, 120, 200)).save(buffer, "HEIF", quality=50)
    data = bytearray(buffer.getvalue())
    at = data.find(b"ispe")
    assert at > 0
    assert data.find(b"ispe", at + 4) < 0  # one image, one extent
    data[at + 8 : at + 16] = struct.pack(">II", width, height)
    return bytes(data)


@pytest.mark.parametrize(
    ("name", "declaring", "operation"),
    [("bomb.png", _png_declaring, "shrink"), ("bomb.heic", _heic_declaring, "convert")],
)
def test_a_decompression_bomb_is_refused_in_bounded_memory(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    declaring: Callable[[int, int], bytes],
    operation: str,
) -> None:
    bomb = tmp_path / name
    bomb.write_bytes(declaring(30_000, 30_000))
    assert bomb.stat().st_size < 5_000
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)  # to read what it declares, here
    with Image.open(bomb) as declared:  # what a decoder would allocate for
        assert declared.size == (30_000, 30_000)
    assert MAX_PIXELS < 30_000 * 30_000
    # In a fresh process, so the peak RSS is this conversion's alone.
    script = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from uploader_gui.core.prepare.convert import convert, shrink, PrepareError\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n"
        "    if sys.argv[3] == 'shrink':\n"
        "        shrink(Path(sys.argv[1]), Path(sys.argv[2]), 2048)\n"
        "    else:\n"
        "        convert(Path(sys.argv[1]), Path(sys.argv[2]))\n"
        "except PrepareError as exc:\n"
        "    print('refused:', exc)\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print('grew_kb', after - before)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(bomb), str(tmp_path), operation],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[0].startswith("refused: the image has too many pixels"), done.stdout
    assert "300 megapixels" in lines[0]
    assert "decompression bomb" in lines[0]
    assert int(lines[1].split()[1]) < 50_000  # KB: nothing near the 3.6 GB it declares
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == [name]


def test_a_cancelled_conversion_leaves_nothing(tmp_path: Path, out: Path) -> None:
    from uploader_gui.core.errors import CancelledError
    from uploader_gui.core.retry import CancelToken

    source = tmp_path / "scan.bmp"
    _photo(64, 48).save(source)
    token = CancelToken()
    token.cancel()
    with pytest.raises(CancelledError):
        convert(source, out, cancel=token)
    assert list(out.iterdir()) == []
    assert os.path.exists(source)


@pytest.mark.slow
def test_converting_a_49_megapixel_scan_stays_within_300_mb(tmp_path: Path) -> None:
    scan = tmp_path / "scan.bmp"
    Image.linear_gradient("L").resize((7000, 7000)).convert("RGB").save(scan)  # 147 MB
    script = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from uploader_gui.core.prepare.convert import convert\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "result = convert(Path(sys.argv[1]), Path(sys.argv[2]))\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(result.name, (after - before) // 1000)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(scan), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    name, grew_mb = done.stdout.split()
    assert name == "scan.png"
    assert int(grew_mb) < 300, f"peak RSS grew by {grew_mb} MB"
