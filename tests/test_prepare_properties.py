"""Property tests of the container walkers: whatever is planted around a picture's own
parts (fill bytes, stray bytes, unknown markers, chunks and blocks, repeats, trailers), the
rebuild is exactly the picture's own parts, so it holds only allowlisted parts and decodes
to the same pixels."""

from __future__ import annotations

import functools
import io
import os
import struct
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from tests import hostile_images as hi
from uploader_gui.core.prepare.gif import rebuild_gif
from uploader_gui.core.prepare.jpeg import rebuild_jpeg
from uploader_gui.core.prepare.png import rebuild_png
from uploader_gui.core.prepare.source import Rebuild, Source
from uploader_gui.core.prepare.webp import rebuild_webp

PROPERTIES = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def rebuilt(data: bytes, walker: object) -> bytes:
    """The bytes the walker's plan makes of ``data``."""
    assert callable(walker)
    with tempfile.TemporaryFile() as file:
        file.write(data)
        file.flush()
        source = Source(file, len(data))
        rebuild: Rebuild = walker(source)
        parts = []
        for piece in rebuild.plan.pieces:
            if isinstance(piece, bytes):
                parts.append(piece)
            else:
                parts.append(os.pread(file.fileno(), piece[1], piece[0]))
        return b"".join(parts)


def pixels(data: bytes) -> list[bytes]:
    with Image.open(io.BytesIO(data)) as image:
        frames = []
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            frames.append(image.convert("RGBA").tobytes())
        return frames


#: Bytes that are never 0xFF (so that they cannot form a marker where they stand).
stray = st.binary(min_size=1, max_size=12).map(lambda b: b.replace(b"\xff", b"\x00"))
anything = st.binary(max_size=300)


# --- JPEG -----------------------------------------------------------------------------------


@functools.cache
def clean_jpegs() -> tuple[bytes, bytes]:
    return hi.clean_jpeg(), hi.clean_jpeg(progressive=True)


def jpeg_extra() -> st.SearchStrategy[bytes]:
    application = st.builds(
        lambda marker, body: hi.segment(marker, body),
        st.sampled_from([0xE1, 0xE2, 0xE3, 0xEC, 0xED, 0xEF, 0xFE, 0xF0]),
        anything,
    )
    known_ids = st.builds(
        lambda marker, prefix, body: hi.segment(marker, prefix + body),
        st.sampled_from([0xE0, 0xE1, 0xE2, 0xED, 0xEE]),
        st.sampled_from(
            # (Not a whole EXIF: the first one is the file's, as decoders read it.)
            [b"JFXX\x00", b"Exif\x00X", b"MPF\x00", b"Photoshop 3.0\x00",
             b"http://ns.adobe.com/xap/1.0/\x00"]
        ),
        anything,
    )  # fmt: skip
    fill = st.integers(1, 5).map(lambda n: b"\xff" * n)
    pieces = st.lists(st.one_of(application, known_ids), min_size=1, max_size=4)
    return st.builds(
        lambda prefix, segments: prefix + b"".join(segments),
        st.one_of(st.just(b""), fill, stray),
        pieces,
    )


@PROPERTIES
@given(
    progressive=st.booleans(),
    where=st.lists(st.tuples(st.integers(0, 50), jpeg_extra()), min_size=1, max_size=4),
    trailer=st.one_of(st.just(b""), st.binary(min_size=1, max_size=200)),
)
def test_a_jpeg_is_rebuilt_to_its_own_segments(
    progressive: bool, where: list[tuple[int, bytes]], trailer: bytes
) -> None:
    clean = clean_jpegs()[progressive]
    # Places between segments: after each header segment, and before each later scan's
    # tables (a progressive file's) -- never inside entropy-coded data.
    places = [end for _m, _s, end in hi.jpeg_segments(clean)]
    at = hi.before_scan(clean) + 2
    while True:
        at = clean.find(b"\xff", at)
        if at < 0 or clean[at + 1] == 0xD9:
            break
        if clean[at + 1] in (0xC4, 0xDA):
            places.append(at)
        at += 2
    header_end = hi.before_scan(clean)
    planted = []
    for index, extra in where:
        place = places[index % len(places)]
        if place == 2 and extra[:1] != b"\xff":
            place = places[1]  # (a JPEG starts FF D8 FF: what does not is no JPEG)
        if place > header_end:
            # Right after a scan, bytes before the next marker are that scan's data.
            extra = extra[extra.index(b"\xff") :]
        planted.append((place, extra))
    data = clean
    for place, extra in sorted(planted, key=lambda item: -item[0]):  # the last place first
        data = data[:place] + extra + data[place:]
    data += trailer
    assert rebuilt(data, rebuild_jpeg) == clean


# --- PNG ------------------------------------------------------------------------------------


@functools.cache
def clean_png() -> bytes:
    return hi.clean_png((40, 30), icc_profile=hi.icc(), exif=hi.orientation_exif(6))


def png_chunks(data: bytes) -> list[tuple[int, int]]:
    """``(start, end)`` of each chunk."""
    found = []
    at = 8
    while at < len(data):
        (length,) = struct.unpack_from(">I", data, at)
        found.append((at, at + 12 + length))
        at += 12 + length
    return found


KEPT_PNG = {
    *(b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND", b"gAMA", b"cHRM", b"sRGB", b"iCCP"),
    *(b"cICP", b"mDCV", b"cLLI", b"mDCv", b"cLLi", b"sBIT", b"acTL", b"fcTL", b"fdAT"),
}
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: Any chunk name (its first letter small: ancillary) that is not kept.
chunk_name = st.builds(
    lambda first, rest: (first + rest).encode(),
    st.sampled_from(LETTERS[:26]),
    st.text(alphabet=LETTERS, min_size=3, max_size=3),
).filter(lambda name: name not in KEPT_PNG)
#: (Not eXIf: the first one is the file's, as decoders read it.)
known_chunk = st.sampled_from([b"tEXt", b"zTXt", b"iTXt", b"tIME", b"pHYs", b"bKGD"])


@PROPERTIES
@given(
    where=st.lists(
        st.tuples(st.integers(1, 20), st.one_of(chunk_name, known_chunk), anything),
        min_size=1,
        max_size=5,
    ),
    trailer=st.one_of(st.just(b""), st.binary(min_size=1, max_size=200)),
)
def test_a_png_is_rebuilt_to_its_own_chunks(
    where: list[tuple[int, bytes, bytes]], trailer: bytes
) -> None:
    clean = clean_png()
    ends = [end for _start, end in png_chunks(clean)][:-1]  # after IHDR .. before IEND
    data = clean
    for index, kind, body in sorted(where, key=lambda item: -ends[item[0] % len(ends)]):
        place = ends[index % len(ends)]
        data = data[:place] + hi.png_chunk(kind, body) + data[place:]
    data += trailer
    out = rebuilt(data, rebuild_png)
    assert out == clean
    assert pixels(out) == pixels(clean)


# --- WebP -----------------------------------------------------------------------------------


@functools.cache
def clean_webps() -> tuple[bytes, bytes]:
    return hi.webp(icc_profile=hi.icc(), exif=hi.orientation_exif(3)), hi.animated_webp()


riff_name = st.binary(min_size=4, max_size=4).filter(
    lambda name: (
        name not in {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP", b"EXIF"}
    )
)


@PROPERTIES
@given(
    animated=st.booleans(),
    extras=st.lists(st.tuples(riff_name, anything), min_size=1, max_size=4),
    trailer=st.one_of(st.just(b""), st.binary(min_size=1, max_size=200)),
)
def test_a_webp_is_rebuilt_to_its_own_chunks(
    animated: bool, extras: list[tuple[bytes, bytes]], trailer: bytes
) -> None:
    clean = clean_webps()[animated]
    chunks = hi.webp_chunks(clean)
    body = b"".join(hi.riff_chunk(kind, data) for kind, data in chunks[:1])
    body += b"".join(hi.riff_chunk(kind, data) for kind, data in extras)
    body += b"".join(hi.riff_chunk(kind, data) for kind, data in chunks[1:])
    out = rebuilt(hi.riff(body) + trailer, rebuild_webp)
    assert out == clean
    assert pixels(out) == pixels(clean)


# --- GIF ------------------------------------------------------------------------------------


@functools.cache
def clean_gif() -> bytes:
    return hi.gif(3)


gif_block = st.one_of(
    st.builds(lambda data: hi.gif_extension(0xFE, data), st.binary(min_size=1, max_size=600)),
    st.builds(lambda data: hi.gif_extension(0x01, data), st.binary(min_size=1, max_size=300)),
    st.builds(
        lambda ident, data: hi.gif_extension(0xFF, data, identifier=ident),
        st.sampled_from([b"XMP DataXMP", b"MGK8BIM0000", b"ABCDEFGH1.0"]),
        st.binary(min_size=1, max_size=300),
    ),
)


@PROPERTIES
@given(
    where=st.lists(st.tuples(st.integers(0, 20), gif_block), min_size=1, max_size=4),
    trailer=st.one_of(st.just(b""), st.binary(min_size=1, max_size=100)),
)
def test_a_gif_is_rebuilt_to_its_own_blocks(where: list[tuple[int, bytes]], trailer: bytes) -> None:
    clean = clean_gif()
    # Block boundaries: after the header and its table, and before each later block.
    places = [hi.gif_header_end(clean)]
    places += [at for at in range(places[0], len(clean) - 1) if clean[at : at + 2] == b"\x21\xf9"]
    data = clean
    for index, block in sorted(where, key=lambda item: -places[item[0] % len(places)]):
        place = places[index % len(places)]
        data = data[:place] + block + data[place:]
    out = rebuilt(data + trailer, rebuild_gif)
    assert out == clean
    assert pixels(out) == pixels(clean)


def test_the_rebuilds_read_no_more_than_a_window_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large file is walked, never read whole: the walker's reads are bounded."""
    from uploader_gui.core.prepare import source as source_module

    big = hi.clean_jpeg() + b"\x01" * (8 * source_module.WINDOW)
    path = tmp_path / "big.jpg"
    path.write_bytes(big)
    reads: list[int] = []
    real = os.pread

    def counting(fd: int, length: int, offset: int) -> bytes:
        reads.append(length)
        return real(fd, length, offset)

    monkeypatch.setattr(os, "pread", counting)
    with path.open("rb") as file:
        rebuild_jpeg(Source(file, len(big)))
    assert reads
    assert max(reads) <= 2 * source_module.WINDOW
