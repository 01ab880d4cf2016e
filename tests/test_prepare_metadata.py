"""Metadata removal, checked through files on disk with an independent reader (exiftool).

What must go: location, serials, owner, artist, dates, maker notes, the EXIF thumbnail, XMP,
IPTC, comments and PNG text chunks. What must stay: the orientation, the ICC profile, the
compressed image data byte for byte, and the original file untouched.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import struct
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, PngImagePlugin

from tests import fixtures_metadata as fx
from tests.needs import missing
from uploader_gui.core.errors import LocalFileError, UnsupportedTypeError
from uploader_gui.core.prepare.metadata import Stripped, StripStatus, strip_metadata


@pytest.fixture(autouse=True)
def _exiftool() -> None:
    """Every test here reads what was left with exiftool: skipped without it, failed in CI."""
    if shutil.which("exiftool") is None:
        missing("exiftool missing: apt-get install libimage-exiftool-perl")


#: exiftool groups and tag names that must not survive (matched on "Group:Tag").
FORBIDDEN_GROUPS = ("GPS:", "XMP", "IPTC:", "IFD1:", "MakerNotes:", "Photoshop:")
FORBIDDEN_TAGS = (
    "Make",
    "Model",
    "SerialNumber",
    "LensSerialNumber",
    "OwnerName",
    "Artist",
    "Copyright",
    "Author",
    "ModifyDate",
    "DateTimeOriginal",
    "CreateDate",
    "Comment",
    "MakerNote",
    "MakerNoteUnknown",
    "ThumbnailImage",
    "Software",
    "By-line",
    "City",
)
SECRETS = (fx.SERIAL, fx.OWNER, fx.ARTIST, fx.COMMENT, fx.XMP_SECRET, "ExampleCam", "48.858")


def exiftool(path: Path) -> dict[str, Any]:
    result = subprocess.run(
        ["exiftool", "-j", "-a", "-G1", "-n", str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    tags: dict[str, Any] = json.loads(result.stdout)[0]
    return tags


def icc_bytes(path: Path) -> bytes:
    """The ICC profile as exiftool extracts it (decompressed for PNG)."""
    result = subprocess.run(
        ["exiftool", "-b", "-ICC_Profile", str(path)], capture_output=True, check=True, timeout=60
    )
    return result.stdout


def leaks(tags: dict[str, Any]) -> list[str]:
    found = []
    for name, value in tags.items():
        group, _, tag = name.partition(":")
        if group in {"System", "ExifTool", "SourceFile"} or name == "SourceFile":
            continue
        if name.startswith(FORBIDDEN_GROUPS) or tag in FORBIDDEN_TAGS:
            found.append(f"{name}={value!r}")
        elif group.startswith(("ICC", "Composite")):
            continue
        elif any(secret in str(value) for secret in SECRETS):
            found.append(f"{name}={value!r}")
    return found


def jpeg_scan(data: bytes) -> bytes:
    """Everything from the main image's first SOS marker (FF DA) to the end of the file."""
    assert data[:2] == b"\xff\xd8"
    at = 2
    while True:
        assert data[at] == 0xFF, f"not a marker at {at}"
        marker = data[at + 1]
        if marker == 0xDA:
            return data[at:]
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        at += 2 + length


def riff_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:4] == b"RIFF"
    assert data[8:12] == b"WEBP"
    chunks = []
    at = 12
    while at + 8 <= len(data):
        kind = data[at : at + 4]
        (size,) = struct.unpack("<I", data[at + 4 : at + 8])
        chunks.append((kind, data[at + 8 : at + 8 + size]))
        at += 8 + size + (size & 1)
    return chunks


def png_chunks(path: Path) -> list[tuple[bytes, bytes]]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks = []
    at = 8
    while at < len(data):
        (length,) = struct.unpack_from(">I", data, at)
        chunks.append((data[at + 4 : at + 8], data[at + 8 : at + 8 + length]))
        at += 12 + length
    return chunks


def pixels(path: Path) -> bytes:
    with Image.open(path) as image:
        decoded: bytes = image.tobytes()
    return decoded


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "private"
    folder.mkdir(mode=0o700)
    return folder


def made(tmp_path: Path, maker: Callable[[Path], Path], name: str) -> tuple[Path, bytes, int]:
    source = tmp_path / "originals"
    source.mkdir(exist_ok=True)
    path = maker(source / name)
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    return path, path.read_bytes(), path.stat().st_mtime_ns


def assert_original_untouched(path: Path, data: bytes, mtime_ns: int) -> None:
    assert path.read_bytes() == data
    assert path.stat().st_mtime_ns == mtime_ns


def assert_private_copy(result: Stripped, out_dir: Path) -> Path:
    assert result.status is StripStatus.STRIPPED
    assert result.path is not None
    assert result.path.parent == out_dir
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    assert list(out_dir.iterdir()) == [result.path]
    return result.path


def test_jpeg_loses_personal_metadata_and_keeps_orientation_icc_and_scan(
    tmp_path: Path, out_dir: Path
) -> None:
    original, data, mtime = made(tmp_path, fx.jpeg_with_metadata, "photo.jpg")
    before = exiftool(original)
    assert leaks(before), "the fixture carries no metadata to remove"
    assert "IFD1:ThumbnailImage" in before
    assert "IPTC:By-line" in before
    assert "File:Comment" in before

    result = strip_metadata(original, out_dir)

    copy = assert_private_copy(result, out_dir)
    after = exiftool(copy)
    assert leaks(after) == []
    assert after["IFD0:Orientation"] == 6
    assert icc_bytes(copy) == icc_bytes(original) == fx.icc_profile()
    assert jpeg_scan(copy.read_bytes()) == jpeg_scan(data)
    assert pixels(copy) == pixels(original)
    assert_original_untouched(original, data, mtime)

    assert result.removed[:4] == ("location", "camera serial", "owner", "dates")
    # (IPTC's by-line, city and date are named as owner, location and dates.)
    for group in ("maker notes", "EXIF thumbnail", "XMP", "comment"):
        assert group in result.removed
    assert set(result.kept) == {"orientation", "colour profile"}
    assert result.count >= 15
    location = result.groups[0]
    assert location.name == "location"
    assert result.summary() == f"location and {result.count - location.count} other fields removed"


@pytest.mark.parametrize("lossless", [False, True], ids=["VP8", "VP8L"])
def test_webp_loses_exif_and_xmp_chunks_and_keeps_bitstream(
    tmp_path: Path, out_dir: Path, lossless: bool
) -> None:
    original, data, mtime = made(
        tmp_path, lambda p: fx.webp_with_metadata(p, lossless=lossless), "photo.webp"
    )
    assert {kind for kind, _ in riff_chunks(data)} >= {b"EXIF", b"XMP ", b"ICCP"}

    result = strip_metadata(original, out_dir)

    copy = assert_private_copy(result, out_dir)
    stripped = copy.read_bytes()
    after = exiftool(copy)
    assert leaks(after) == []
    assert after["IFD0:Orientation"] == 6
    assert icc_bytes(copy) == icc_bytes(original) == fx.icc_profile()
    kinds = [kind for kind, _ in riff_chunks(stripped)]
    assert b"XMP " not in kinds
    bitstream = b"VP8L" if lossless else b"VP8 "
    assert dict(riff_chunks(stripped))[bitstream] == dict(riff_chunks(data))[bitstream]
    assert pixels(copy) == pixels(original)
    assert_original_untouched(original, data, mtime)
    assert result.removed[0] == "location"
    assert "XMP" in result.removed


def test_png_loses_text_exif_and_time_chunks_and_keeps_idat_and_colour(
    tmp_path: Path, out_dir: Path
) -> None:
    original, data, mtime = made(tmp_path, fx.png_with_metadata, "shot.png")
    kinds_before = {kind for kind, _ in png_chunks(original)}
    assert kinds_before >= {b"eXIf", b"iTXt", b"tEXt", b"zTXt", b"tIME", b"iCCP", b"gAMA"}

    result = strip_metadata(original, out_dir)

    copy = assert_private_copy(result, out_dir)
    after = exiftool(copy)
    assert leaks(after) == []
    assert after["IFD0:Orientation"] == 6
    assert icc_bytes(copy) == icc_bytes(original) == fx.icc_profile()
    chunks_before = png_chunks(original)
    chunks_after = png_chunks(copy)
    kinds_after = [kind for kind, _ in chunks_after]
    assert not {b"iTXt", b"tEXt", b"zTXt", b"tIME"} & set(kinds_after)
    assert kinds_after.count(b"eXIf") == 1
    # Every kept chunk is the original's, byte for byte: IDAT, iCCP, gAMA, IHDR.
    for kind in (b"IHDR", b"IDAT", b"iCCP", b"gAMA", b"IEND"):
        assert [c for c in chunks_after if c[0] == kind] == [
            c for c in chunks_before if c[0] == kind
        ]
    assert kinds_after.index(b"eXIf") < kinds_after.index(b"IDAT")
    assert pixels(copy) == pixels(original)
    assert_original_untouched(original, data, mtime)
    assert result.removed[:4] == ("location", "camera serial", "owner", "dates")
    assert "XMP" in result.removed
    assert "comment" in result.removed


@pytest.mark.parametrize(
    ("maker", "name"),
    [
        (fx.clean_jpeg, "clean.jpg"),
        (fx.clean_png, "clean.png"),
        (fx.clean_png_with_colour, "colour.png"),
        (fx.clean_jpeg_with_orientation, "turned.jpg"),
    ],
    ids=["jpeg", "png", "png-iccp-gama", "jpeg-orientation-icc"],
)
def test_a_file_with_nothing_to_remove_is_unchanged_and_not_copied(
    tmp_path: Path, out_dir: Path, maker: Callable[[Path], Path], name: str
) -> None:
    original, data, mtime = made(tmp_path, maker, name)
    assert leaks(exiftool(original)) == []

    result = strip_metadata(original, out_dir)

    assert result.status is StripStatus.UNCHANGED
    assert result.path is None
    assert result.groups == ()
    assert result.count == 0
    assert list(out_dir.iterdir()) == []
    assert_original_untouched(original, data, mtime)


def test_a_png_whose_exif_holds_only_the_orientation_is_unchanged(
    tmp_path: Path, out_dir: Path
) -> None:
    def turned_png(path: Path) -> Path:
        exif = Image.Exif()
        exif[0x0112] = 6
        fx.picture().save(path, "PNG", exif=exif.tobytes())
        return path

    original, data, mtime = made(tmp_path, turned_png, "turned.png")
    result = strip_metadata(original, out_dir)
    assert result.status is StripStatus.UNCHANGED
    assert result.kept == ("orientation",)
    assert list(out_dir.iterdir()) == []
    assert_original_untouched(original, data, mtime)


def test_an_animated_png_keeps_its_frames(tmp_path: Path, out_dir: Path) -> None:
    def animated(path: Path) -> Path:
        frames = [fx.picture((16, 12), seed=seed * 30) for seed in range(3)]
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", fx.COMMENT)
        frames[0].save(
            path, "PNG", save_all=True, append_images=frames[1:], duration=50, pnginfo=info
        )
        return path

    original, _, _ = made(tmp_path, animated, "anim.png")
    result = strip_metadata(original, out_dir)
    copy = assert_private_copy(result, out_dir)
    assert result.removed == ("comment",)
    assert result.summary() == "comment removed"
    assert "animation" in result.kept
    before = [c for c in png_chunks(original) if c[0] in {b"acTL", b"fcTL", b"fdAT", b"IDAT"}]
    after = [c for c in png_chunks(copy) if c[0] in {b"acTL", b"fcTL", b"fdAT", b"IDAT"}]
    assert after == before
    with Image.open(copy) as image:
        assert getattr(image, "n_frames", 1) == 3


def test_gif_comment_xmp_and_trailing_data_go_and_every_block_else_is_copied(
    tmp_path: Path, out_dir: Path
) -> None:
    original, clean = fx.gif_with_metadata(tmp_path / "anim.gif")
    data, mtime = original.read_bytes(), original.stat().st_mtime_ns
    before = exiftool(original)
    assert before["GIF:FrameCount"] == 3
    assert fx.COMMENT in str(before.get("File:Comment", before.get("GIF:Comment")))
    assert leaks(before)  # exiftool sees the comment and the XMP location

    result = strip_metadata(original, out_dir)

    copy = assert_private_copy(result, out_dir)
    assert copy.suffix == ".gif"
    # The XMP's creator is the owner; the bytes after the trailer are named as such.
    assert result.removed == ("owner", "hidden data after the image", "XMP", "IPTC", "comment")
    assert "animation" in result.kept
    # Exactly what Pillow wrote before the blocks were added: frames, palette, timing and
    # the looping extension byte for byte, no LZW data decoded or re-encoded.
    assert copy.read_bytes() == clean
    after = exiftool(copy)
    assert leaks(after) == []
    assert after["GIF:FrameCount"] == 3
    assert_original_untouched(original, data, mtime)


def test_a_clean_gif_is_sent_as_it_is(tmp_path: Path, out_dir: Path) -> None:
    original, _clean = fx.gif_with_metadata(tmp_path / "anim.gif")
    original.write_bytes(_clean)
    assert strip_metadata(original, out_dir).status is StripStatus.UNCHANGED
    assert list(out_dir.iterdir()) == []


def test_a_gif_cut_inside_a_frame_is_refused(tmp_path: Path, out_dir: Path) -> None:
    original, clean = fx.gif_with_metadata(tmp_path / "anim.gif")
    original.write_bytes(clean[: len(clean) // 2])
    with pytest.raises(LocalFileError, match="the image is damaged: ") as raised:
        strip_metadata(original, out_dir)
    assert raised.value.retry_helps is False
    assert list(out_dir.iterdir()) == []


def test_each_call_makes_its_own_copy(tmp_path: Path, out_dir: Path) -> None:
    original, _, _ = made(tmp_path, fx.jpeg_with_metadata, "photo.jpg")
    first = strip_metadata(original, out_dir)
    second = strip_metadata(original, out_dir)
    assert first.path != second.path
    assert first.path is not None
    assert second.path is not None
    assert first.path.read_bytes() == second.path.read_bytes()


def test_not_an_image_is_refused(tmp_path: Path, out_dir: Path) -> None:
    text = tmp_path / "notes.jpg"
    text.write_text("hello")
    with pytest.raises(UnsupportedTypeError):
        strip_metadata(text, out_dir)


def test_a_damaged_png_is_refused_with_a_reason(tmp_path: Path, out_dir: Path) -> None:
    original = fx.png_with_metadata(tmp_path / "bad.png")
    data = bytearray(original.read_bytes())
    data[40] ^= 0xFF  # breaks a chunk's CRC
    original.write_bytes(bytes(data))
    with pytest.raises(LocalFileError, match="the image is damaged: "):
        strip_metadata(original, out_dir)
    assert list(out_dir.iterdir()) == []


def test_a_missing_file_is_refused(tmp_path: Path, out_dir: Path) -> None:
    with pytest.raises(LocalFileError):
        strip_metadata(tmp_path / "gone.jpg", out_dir)


def test_an_animated_webp_keeps_its_frames_byte_for_byte(tmp_path: Path, out_dir: Path) -> None:
    def animated(path: Path) -> Path:
        frames = [fx.picture(seed=seed * 40) for seed in range(3)]
        frames[0].save(
            path,
            "WEBP",
            save_all=True,
            append_images=frames[1:],
            duration=80,
            exif=fx.personal_exif().tobytes(),
            xmp=fx.XMP.encode(),
            icc_profile=fx.icc_profile(),
        )
        return path

    original, data, mtime = made(tmp_path, animated, "anim.webp")
    result = strip_metadata(original, out_dir)
    copy = assert_private_copy(result, out_dir)
    assert leaks(exiftool(copy)) == []
    frames_before = [c for c in riff_chunks(data) if c[0] in {b"ANIM", b"ANMF"}]
    frames_after = [c for c in riff_chunks(copy.read_bytes()) if c[0] in {b"ANIM", b"ANMF"}]
    assert len(frames_before) == 4
    assert frames_after == frames_before
    with Image.open(copy) as image:
        assert getattr(image, "n_frames", 1) == 3
    assert_original_untouched(original, data, mtime)


def test_a_phone_jpeg_s_extra_images_and_their_exif_are_not_sent(tmp_path: Path) -> None:
    """MPF (multi-picture) JPEGs carry further images, each with its own EXIF, after the
    first: only the first image is sent."""
    primary = Image.linear_gradient("L").convert("RGB").resize((200, 150))
    extra = primary.rotate(90)
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 29.0), 3: "E", 4: (2.0, 17.0, 40.0)}
    exif[0x010F] = "SecretMaker"
    extra.info["exif"] = exif.tobytes()
    source = tmp_path / "phone.jpg"
    primary.save(source, format="MPO", save_all=True, append_images=[extra], exif=exif.tobytes())
    out = tmp_path / "out"
    out.mkdir()
    result = strip_metadata(source, out)
    assert result.status is StripStatus.STRIPPED
    assert result.path is not None
    assert "extra images" in result.removed
    data = result.path.read_bytes()
    assert data.count(b"\xff\xd8") == 1  # one image: no second SOI
    assert b"SecretMaker" not in data
    # Its index goes too: it would point at images that are no longer there.
    assert not [tag for tag in exiftool(result.path) if tag.startswith(("MPF", "MPImage"))]
    with Image.open(source) as before, Image.open(result.path) as after:
        assert after.format == "JPEG"
        assert after.tobytes() == before.tobytes()  # the first image, not re-encoded
    assert jpeg_scan(data) == jpeg_scan(source.read_bytes())[: len(jpeg_scan(data))]


def with_segment(jpeg: bytes, marker: int, body: bytes) -> bytes:
    """``jpeg`` with one more marker segment right after its SOI."""
    return jpeg[:2] + bytes((0xFF, marker)) + (len(body) + 2).to_bytes(2, "big") + body + jpeg[2:]


def test_vendor_segments_and_trailers_are_not_sent(tmp_path: Path, out_dir: Path) -> None:
    """Vendor APPn blocks, extended XMP (Google's depth and original images live there) and
    data after the image's end (Samsung's trailer: time stamps, the network's country code)
    must not leave the computer, and are named for what they are."""
    original, _, _ = made(tmp_path, fx.clean_jpeg_with_orientation, "phone.jpg")
    clean = original.read_bytes()
    data = with_segment(clean, 0xEC, b"Ducky\x00" + fx.OWNER.encode())  # APP12
    data = with_segment(data, 0xE1, b"http://ns.adobe.com/xmp/extension/\x00" + b"0" * 40)
    data = with_segment(data, 0xE5, fx.SERIAL.encode())  # APP5, unknown
    data += b"SEFH" + f"Image_UTC_Data {fx.SERIAL}".encode() + b"SEFT"
    original.write_bytes(data)

    result = strip_metadata(original, out_dir)

    copy = assert_private_copy(result, out_dir)
    sent = copy.read_bytes()
    assert fx.OWNER.encode() not in sent
    assert fx.SERIAL.encode() not in sent
    assert b"ns.adobe.com/xmp/extension" not in sent
    assert result.removed == ("hidden data after the image", "XMP", "other data")
    assert result.kept == ("orientation", "colour profile")
    assert sent.endswith(b"\xff\xd9")
    assert jpeg_scan(sent) == jpeg_scan(clean)
    reference = tmp_path / "clean.jpg"
    reference.write_bytes(clean)
    assert pixels(copy) == pixels(reference)
    with Image.open(copy) as image:
        assert image.getexif()[0x0112] == 6
        assert image.info["icc_profile"] == fx.icc_profile()
