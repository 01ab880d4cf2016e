"""Only the picture leaves: every file is rebuilt from what draws it (an allowlist).

The corpus (:mod:`tests.hostile_images`) plants what real tools and odd writers leave beside
the picture; what reaches the server must be the clean picture and nothing else. exiftool
(``-a -G1 -s -ee -u``: every tag, embedded ones and unknown ones too) is the independent
reader: it may find only the tags on :data:`ALLOWED`.
"""

from __future__ import annotations

import json
import struct
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests import hostile_images as hi
from tests.test_headless import run
from uploader_gui.core.errors import LocalFileError
from uploader_gui.core.prepare.metadata import StripStatus, strip_metadata
from uploader_gui.sandbox import SandboxServer

#: What exiftool may find in a file that was sent: where it is, what it is, how it looks.
#: ``None``: any tag of that group (the file's own description, or the colour profile's).
ALLOWED: dict[str, frozenset[str] | None] = {
    "ExifTool": None,
    "System": None,
    "File": None,
    "Composite": None,
    "ICC_Profile": None,
    "ICC-header": None,
    "ICC-view": None,
    "ICC-meas": None,
    "ICC-chrm": None,
    "JFIF": frozenset({"JFIFVersion", "ResolutionUnit", "XResolution", "YResolution"}),
    "IFD0": frozenset({"Orientation"}),
    "Adobe": frozenset({"DCTEncodeVersion", "APP14Flags0", "APP14Flags1", "ColorTransform"}),
    "PNG": frozenset(
        {
            "ImageWidth",
            "ImageHeight",
            "BitDepth",
            "ColorType",
            "Compression",
            "Filter",
            "Interlace",
            "Gamma",
            "SRGBRendering",
            "ProfileName",
            "AnimationFrames",
            "AnimationPlays",
            "WhitePointX",
            "WhitePointY",
            "RedX",
            "RedY",
            "GreenX",
            "GreenY",
            "BlueX",
            "BlueY",
            "SignificantBits",
        }
    ),
    "RIFF": frozenset(
        {
            "VP8Version",
            "ImageWidth",
            "ImageHeight",
            "HorizontalScale",
            "VerticalScale",
            "WebP_Flags",
            "AnimationLoopCount",
            "BackgroundColor",
            "Duration",
            "AlphaPreprocessing",
            "AlphaFiltering",
            "AlphaCompression",
        }
    ),
    "GIF": frozenset(
        {
            "GIFVersion",
            "ImageWidth",
            "ImageHeight",
            "HasColorMap",
            "ColorResolutionDepth",
            "BitsPerPixel",
            "BackgroundColor",
            "AnimationIterations",
            "FrameCount",
            "Duration",
            "TransparentColor",
        }
    ),
}


def exiftool_all(paths: list[Path]) -> dict[Path, dict[str, Any]]:
    """Every tag exiftool finds in each file, embedded and unknown ones included."""
    done = subprocess.run(
        ["exiftool", "-j", "-a", "-G1", "-s", "-ee", "-u", "-n", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout, done.stderr
    return {Path(record["SourceFile"]): record for record in json.loads(done.stdout)}


def not_allowed(tags: dict[str, Any]) -> list[str]:
    found = []
    for name in tags:
        group, _, tag = name.partition(":")
        if name == "SourceFile":
            continue
        allowed = ALLOWED.get(group, frozenset())
        if allowed is not None and tag not in allowed:
            found.append(f"{name}={tags[name]!r}")
    return found


def scans(data: bytes) -> list[bytes]:
    """A JPEG's scans (each SOS segment and its entropy-coded data), up to its first EOI."""
    found: list[bytes] = []
    at = 2
    while True:
        while data[at + 1] == 0xFF:
            at += 1
        marker = data[at + 1]
        if marker == 0xD9:
            return found
        (length,) = struct.unpack_from(">H", data, at + 2)
        end = at + 2 + length
        if marker == 0xDA:
            scan_end = end
            while not (
                data[scan_end] == 0xFF and data[scan_end + 1] not in {0, *range(0xD0, 0xD8)}
            ):
                scan_end += 1
            found.append(data[at:scan_end])
            end = scan_end
        at = end


def frames(data: bytes) -> list[bytes]:
    """Every frame's decoded pixels."""
    import io

    with Image.open(io.BytesIO(data)) as image:
        decoded = []
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            decoded.append(image.convert("RGBA").tobytes())
        return decoded


def orientation(data: bytes) -> int:
    import io

    with Image.open(io.BytesIO(data)) as image:
        return int(image.getexif().get(0x0112, 1))


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "prepared"
    folder.mkdir(mode=0o700)
    return folder


@pytest.mark.parametrize("case", hi.CASES, ids=[case.name for case in hi.CASES])
def test_each_file_is_rebuilt_into_its_clean_picture(
    tmp_path: Path, out: Path, case: hi.Case
) -> None:
    planted, clean = case.build()
    assert hi.SECRET in planted
    source = tmp_path / f"{case.name}{case.suffix}"
    source.write_bytes(planted)

    result = strip_metadata(source, out)

    assert result.status is StripStatus.STRIPPED
    assert result.path is not None
    sent = result.path.read_bytes()
    assert hi.SECRET not in sent
    assert sent == clean  # the picture Pillow wrote, byte for byte: nothing else, nothing lost
    for group in case.named:
        assert group in result.removed, result.removed
    # A rebuilt file has nothing left to remove: it would be sent as it is.
    assert strip_metadata(result.path, out).status is StripStatus.UNCHANGED
    assert source.read_bytes() == planted


def test_the_server_stores_only_the_picture(sandbox: SandboxServer, tmp_path: Path) -> None:
    """The whole corpus through ``--headless`` and the strict sandbox: exiftool finds only
    allowlisted tags, no planted byte arrives, the pixels, scans, colour profile and
    orientation are the clean picture's, and ``--json`` names what was removed."""
    sources = []
    cleans: dict[str, bytes] = {}
    for case in hi.CASES:
        planted, clean = case.build()
        assert clean is not None
        path = tmp_path / f"{case.name}{case.suffix}"
        path.write_bytes(planted)
        sources.append(path)
        cleans[path.name] = clean
    done = run(
        "--headless", "--json", "--api-url", sandbox.url, *map(str, sources),
        key=sandbox.key, plain=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == len(hi.CASES) == len(sandbox.uploads)
    stored = {Path(upload.filename).name: upload.path for upload in sandbox.uploads}
    tags = exiftool_all(list(stored.values()))
    for case, record in zip(hi.CASES, records, strict=True):
        name = f"{case.name}{case.suffix}"
        sent = stored[name].read_bytes()
        clean = cleans[name]
        assert not_allowed(tags[stored[name]]) == [], name
        assert hi.SECRET not in sent, name
        assert frames(sent) == frames(clean), name
        assert orientation(sent) == orientation(clean), name
        if case.suffix == ".jpg":
            assert scans(sent) == scans(clean), name
        for group in case.named:
            assert group in record["prepared"]["removed"], (name, record)


def test_colour_profile_and_orientation_survive_in_every_format(tmp_path: Path, out: Path) -> None:
    """What changes how the picture looks is kept, written by Pillow and read by exiftool."""
    files = {
        "turned.jpg": hi.clean_jpeg(turned=8),
        "turned.webp": hi.webp(icc_profile=hi.icc(), exif=hi.orientation_exif(5)),
        "turned.png": hi.clean_png(icc_profile=hi.icc(), exif=hi.orientation_exif(3)),
    }
    sent = []
    for name, data in files.items():
        path = tmp_path / name
        # Something to remove, so that the file is rebuilt rather than sent as it is.
        if name.endswith(".jpg"):
            data = hi.insert(data, hi.after(data, 0xE2), hi.segment(0xFE, hi.secret("c")))
        elif name.endswith(".png"):
            data = hi.insert(data, len(data) - 12, hi.png_chunk(b"tEXt", b"a\x00b"))
        else:
            data = hi.riff(data[12:] + hi.riff_chunk(b"XMP ", hi.xmp("w")))
        path.write_bytes(data)
        result = strip_metadata(path, out)
        assert result.path is not None, name
        assert set(result.kept) >= {"orientation", "colour profile"}, name
        sent.append((path, result.path))
    tags = exiftool_all([path for pair in sent for path in pair])
    for original, copy in sent:
        assert tags[copy]["IFD0:Orientation"] == tags[original]["IFD0:Orientation"] != 1
        assert tags[copy]["ICC_Profile:ProfileDescription"] == "sRGB built-in"
        assert frames(copy.read_bytes()) == frames(original.read_bytes())


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("cut.jpg", hi.clean_jpeg()[:-300], "the file ends in the middle of the image"),
        ("no-scan.jpg", hi.clean_jpeg()[: hi.before_scan(hi.clean_jpeg())] + b"\xff\xd9",
         "it ends without any picture data"),
        ("two-frames.jpg", hi.insert(hi.clean_jpeg(), hi.before_scan(hi.clean_jpeg()),
                                     hi.segment(0xC0, b"\x08\x00\x01\x00\x01\x01\x01\x11\x00")),
         "it has two frame headers"),
        ("bad-length.jpg", hi.clean_jpeg()[:2] + b"\xff\xe1\x00\x01" + hi.clean_jpeg()[2:],
         "a segment has an impossible length"),
        ("cut.png", hi.clean_png()[:-30], "the file ends in the middle of the image"),
        ("crc.png", hi.clean_png()[:-20] + b"\x00" + hi.clean_png()[-19:],
         "a part of the picture is damaged (its checksum is wrong)"),
        ("no-header.png", hi.clean_png()[:8] + hi.png_chunk(b"tEXt", b"a\x00b")
         + hi.clean_png()[8:], "it does not start with an image header"),
        ("riff.webp", b"RIFF\xff\xff\x00\x00WEBPVP8 " + hi.webp()[16:],
         "the file ends in the middle of the image"),
        ("no-frames.gif", hi.gif()[: hi.gif_header_end(hi.gif())] + b";",
         "it ends without any picture data"),
        ("cut.gif", hi.gif()[:-40], "the file ends in the middle of the image"),
    ],
)  # fmt: skip
def test_a_file_that_cannot_be_walked_is_refused_with_its_reason(
    tmp_path: Path, out: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LocalFileError) as raised:
        strip_metadata(path, out)
    assert str(raised.value) == f"the image is damaged: {reason}"
    assert raised.value.retry_helps is False
    assert list(out.iterdir()) == []  # nothing half-written is left, nothing is sent
