"""Encoding a JPEG, or shrinking, from a decoded buffer a band of rows at a time.

libheif decodes a HEIC into one buffer of packed RGB rows (3 bytes a pixel). Pillow would copy
it whole into an image of its own (4 bytes a pixel) to encode or shrink it: 340 MB for a
48-megapixel photo on top of the decoder's. Instead each band of rows is made into a small
Pillow image (a few MB) and:

- :func:`encode_jpeg` encodes every band with the same tables and joins their entropy-coded
  data into one baseline JPEG, with a restart marker between bands (ITU T.81: a restart
  interval of exactly one band's blocks, so each band's data starts its DC prediction afresh,
  as a band encoded on its own does). Bands are whole rows of blocks (MCUs), so the blocks and
  their coefficients are those of the whole picture encoded at once: the JPEG decodes to the
  same pixels as Pillow's own single encode.
- :func:`reduced` shrinks each band by a whole factor (a box average, exact across bands) and
  the small result is resized with Lanczos, as Pillow's ``thumbnail`` does with its reducing
  gap.
"""

from __future__ import annotations

import io
import math
import struct
from types import ModuleType
from typing import TYPE_CHECKING, BinaryIO, Final

from ..retry import CancelToken

if TYPE_CHECKING:
    from PIL import Image

#: Block rows per band; a band also stays within the restart interval's 16 bits.
_BAND_BLOCK_ROWS: Final = 16
_DRI: Final = 0xDD
_SOS: Final = 0xDA
_SOF0: Final = 0xC0
_TABLES: Final = frozenset({0xC4, 0xDB})


def _band(
    image: ModuleType, rows: bytes, stride: int, width: int, top: int, height: int, mode: str
) -> Image.Image:
    start = top * stride
    view = memoryview(rows)[start : start + height * stride]
    band: Image.Image = image.frombuffer(mode, (width, height), view, "raw", mode, stride, 1)
    return band


def _segments(jpeg: bytes) -> tuple[list[tuple[int, bytes]], bytes]:
    """A JPEG Pillow wrote: its segments up to the scan (marker, whole segment), and its
    entropy-coded data (the scan header's end to the EOI)."""
    segments: list[tuple[int, bytes]] = []
    at = 2
    while True:
        marker = jpeg[at + 1]
        (length,) = struct.unpack_from(">H", jpeg, at + 2)
        end = at + 2 + length
        segments.append((marker, jpeg[at:end]))
        if marker == _SOS:
            if not jpeg.endswith(b"\xff\xd9"):
                raise ValueError("the encoder wrote no end marker")
            return segments, jpeg[end:-2]
        at = end


def encode_jpeg(
    image: ModuleType,
    rows: bytes,
    stride: int,
    size: tuple[int, int],
    mode: str,
    out: BinaryIO,
    quality: int,
    icc: bytes | None,
    exif: bytes | None,
    xmp: bytes | None,
    cancel: CancelToken | None,
) -> None:
    """Write the baseline JPEG of the ``RGB`` or ``L`` rows to ``out``, a band at a time."""
    width, height = size
    block = 16 if mode == "RGB" else 8  # 4:2:0 chroma: 16 x 16 pixels a block (MCU)
    per_row = math.ceil(width / block)
    block_rows = max(1, min(_BAND_BLOCK_ROWS, 0xFFFF // per_row))
    band_height = block * block_rows
    options: dict[str, object] = {"quality": quality}
    if mode == "RGB":
        options["subsampling"] = 2  # 4:2:0
    first: dict[str, object] = dict(options)
    for key, value in (("icc_profile", icc), ("exif", exif), ("xmp", xmp)):
        if value:
            first[key] = value
    tables: list[tuple[int, bytes]] = []
    for index, top in enumerate(range(0, height, band_height)):
        if cancel is not None:
            cancel.raise_if_cancelled()
        band = _band(image, rows, stride, width, top, min(band_height, height - top), mode)
        buffer = io.BytesIO()
        band.save(buffer, "JPEG", **(first if index == 0 else options))
        segments, scan = _segments(buffer.getvalue())
        own_tables = [s for s in segments if s[0] in _TABLES] + [
            (marker, segment[:5] + segment[7:]) for marker, segment in segments if marker == _SOF0
        ]
        if index == 0:
            tables = own_tables
            if band_height >= height:  # one band: the encoder's file as it is
                out.write(buffer.getvalue())
                return
            out.write(b"\xff\xd8")
            for marker, segment in segments:
                if marker == _SOF0:
                    segment = segment[:5] + struct.pack(">H", height) + segment[7:]
                elif marker == _SOS:
                    interval = per_row * block_rows
                    out.write(struct.pack(">BBHH", 0xFF, _DRI, 4, interval))
                out.write(segment)
        else:
            if own_tables != tables:
                raise ValueError("the encoder changed its tables between bands")
            out.write(bytes((0xFF, 0xD0 + (index - 1) % 8)))
        out.write(scan)
    out.write(b"\xff\xd9")


def reduced(
    image: ModuleType,
    rows: bytes,
    stride: int,
    size: tuple[int, int],
    mode: str,
    max_side: int,
    cancel: CancelToken | None,
) -> Image.Image:
    """The rows as a picture whose long side is ``max_side``, made a band at a time, as
    Pillow's ``thumbnail`` makes it (Lanczos, after a whole-factor reduction that leaves at
    least twice the target's size)."""
    width, height = size
    scale = max_side / max(width, height)
    target = (max(1, round(width * scale)), max(1, round(height * scale)))
    factor = max(1, int(min(width / target[0], height / target[1]) / 2))  # reducing gap 2
    if factor > 1:
        small = image.new(mode, (math.ceil(width / factor), math.ceil(height / factor)))
        band_height = factor * max(1, 256 // factor)
        for top in range(0, height, band_height):
            if cancel is not None:
                cancel.raise_if_cancelled()
            band = _band(image, rows, stride, width, top, min(band_height, height - top), mode)
            small.paste(band.reduce(factor), (0, top // factor))
        box = (0.0, 0.0, width / factor, height / factor)
        resized: Image.Image = small.resize(target, image.Resampling.LANCZOS, box=box)
        return resized
    # Less than 4 times smaller: Lanczos straight from the rows, a band of output rows at a
    # time from the input rows its filter reaches (3 source pixels a side per output pixel).
    ratio = height / target[1]
    margin = math.ceil(3 * ratio) + 2
    out: Image.Image = image.new(mode, target)
    step = 64
    for first in range(0, target[1], step):
        if cancel is not None:
            cancel.raise_if_cancelled()
        last = min(target[1], first + step)
        top = max(0, math.floor(first * ratio) - margin)
        bottom = min(height, math.ceil(last * ratio) + margin)
        band = _band(image, rows, stride, width, top, bottom - top, mode)
        box = (0.0, first * ratio - top, float(width), last * ratio - top)
        rows_out = band.resize((target[0], last - first), image.Resampling.LANCZOS, box=box)
        out.paste(rows_out, (0, first))
    return out
