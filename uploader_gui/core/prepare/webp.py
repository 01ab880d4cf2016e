"""WebP, rebuilt from what draws the picture (Google's RIFF container specification).

Kept: the bitstream chunks (``VP8 ``, ``VP8L``, ``ALPH``), animation (``ANIM``, and each ``ANMF``
frame with only its bitstream sub-chunks) and the colour profile (``ICCP``); ``VP8X`` is
rewritten so that its flags say what is there. The orientation, when it is not 1, is written
anew as a minimal ``EXIF`` chunk. Everything else goes: ``EXIF``, ``XMP ``, unknown chunks
(also inside frames), anything after a simple file's one bitstream chunk, and every byte past
the RIFF size. The RIFF size is written anew.
"""

from __future__ import annotations

import struct
from typing import Final

from ..i18n import QT_TRANSLATE_NOOP
from . import exif
from .fields import ANIMATION, COLOUR_PROFILE, ORIENTATION, OTHER
from .found import Found
from .source import ENDS_EARLY, Damaged, Plan, Rebuild, Source

_BITSTREAMS: Final = frozenset({b"VP8 ", b"VP8L"})
_FRAME_PARTS: Final = _BITSTREAMS | {b"ALPH"}
#: VP8X flags. (XMP's, 0x04, is never set: XMP is never sent.)
_ICC_FLAG, _ALPHA_FLAG, _EXIF_FLAG, _ANIMATION_FLAG = 0x20, 0x10, 0x08, 0x02
_FRAME_HEADER: Final = 16

NOT_WEBP = QT_TRANSLATE_NOOP("Errors", "it does not start like a WebP")
_NO_PICTURE = QT_TRANSLATE_NOOP("Errors", "it ends without any picture data")
_BAD_HEADER = QT_TRANSLATE_NOOP("Errors", "its extended header is too short")

_Chunk = tuple[bytes, int, int]
"""``(fourcc, offset of the chunk, size of its body)``."""


def _chunks(src: Source, at: int, end: int, found: Found) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    while at + 8 <= end:
        fourcc, size = struct.unpack("<4sI", src.read(at, 8))
        if at + 8 + size > end:
            raise Damaged(ENDS_EARLY)
        chunks.append((fourcc, at, size))
        at += 8 + size + (size & 1)
    if at < end and not src.is_zero(at, end - at):
        found.add(OTHER)
    return chunks


def _whole(chunk: _Chunk, limit: int) -> tuple[int, int]:
    """The chunk's bytes with its padding byte (when the file has it)."""
    _fourcc, at, size = chunk
    return at, min(8 + size + (size & 1), limit - at)


def rebuild_webp(src: Source) -> Rebuild:
    """The plan of the WebP to send, and what was left out."""
    head = src.read_at_most(0, 12)
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WEBP":
        raise Damaged(NOT_WEBP)
    riff_end = 8 + int.from_bytes(head[4:8], "little")
    if riff_end > src.size:
        raise Damaged(ENDS_EARLY)
    found, kept = Found(), set[str]()
    chunks = _chunks(src, 12, riff_end, found)
    if not chunks:
        raise Damaged(_NO_PICTURE)
    body = Plan()
    if chunks[0][0] in _BITSTREAMS:
        body.copy(*_whole(chunks[0], riff_end))
        for fourcc, at, size in chunks[1:]:
            _left_out(src, fourcc, at, size, found)
    elif chunks[0][0] == b"VP8X":
        _extended(src, chunks, riff_end, body, found, kept)
    else:
        raise Damaged(_NO_PICTURE)
    plan = Plan()
    plan.write(b"RIFF" + struct.pack("<I", 4 + body.length()) + b"WEBP", src, 0)
    for piece in body.pieces:
        if isinstance(piece, bytes):
            plan.write(piece)
        else:
            plan.copy(*piece)
    if src.size > riff_end and not src.is_zero(riff_end, src.size - riff_end):
        found.after_end(0)
    return Rebuild(plan, found, kept)


def _left_out(src: Source, fourcc: bytes, at: int, size: int, found: Found) -> None:
    if fourcc == b"EXIF":
        found.exif(src.read(at + 8, min(size, 1 << 20)))
    elif fourcc == b"XMP ":
        found.xmp(src.read(at + 8, min(size, 1 << 20)))
    else:
        found.add(OTHER)


def _extended(
    src: Source, chunks: list[_Chunk], riff_end: int, body: Plan, found: Found, kept: set[str]
) -> None:
    _fourcc, vp8x_at, vp8x_size = chunks[0]
    if vp8x_size < 10:
        raise Damaged(_BAD_HEADER)
    header = src.read(vp8x_at + 8, 10)
    if vp8x_size > 10:
        found.add(OTHER)
    mark = body.mark()
    flags = header[0] & (_ALPHA_FLAG | _ANIMATION_FLAG)
    pictures = 0
    seen: set[bytes] = set()
    for chunk in chunks[1:]:
        fourcc, at, size = chunk
        first = fourcc not in seen
        seen.add(fourcc)
        if fourcc in _FRAME_PARTS:
            body.copy(*_whole(chunk, riff_end))
            pictures += fourcc != b"ALPH"
        elif fourcc == b"ANMF":
            _frame(src, chunk, riff_end, body, found)
            pictures += 1
            kept.add(ANIMATION)
        elif fourcc == b"ICCP" and first:
            body.copy(*_whole(chunk, riff_end))
            flags |= _ICC_FLAG
            kept.add(COLOUR_PROFILE)
        elif fourcc == b"ANIM" and first:
            body.copy(*_whole(chunk, riff_end))
        elif fourcc == b"EXIF" and first:
            data = src.read(at + 8, min(size, 1 << 20))
            found.exif(data)
            value = exif.orientation(data)
            if value is not None and value != 1:
                prefix = exif.PREFIX if data.startswith(exif.PREFIX) else b""
                tiff = prefix + exif.orientation_only(value, exif.byte_order(data))
                new = b"EXIF" + struct.pack("<I", len(tiff)) + tiff + b"\x00" * (len(tiff) & 1)
                body.write(new, src, at)
                flags |= _EXIF_FLAG
                kept.add(ORIENTATION)
        else:
            _left_out(src, fourcc, at, size, found)
    if not pictures:
        raise Damaged(_NO_PICTURE)
    vp8x = b"VP8X" + struct.pack("<I", 10) + bytes((flags, 0, 0, 0)) + header[4:10]
    original = src.read_at_most(vp8x_at, 18)
    body.insert(mark, (vp8x_at, 18) if vp8x == original else vp8x)


def _frame(src: Source, chunk: _Chunk, riff_end: int, body: Plan, found: Found) -> None:
    """One ``ANMF`` frame: its header, then only its bitstream sub-chunks."""
    _fourcc, at, size = chunk
    if size < _FRAME_HEADER:
        raise Damaged(_NO_PICTURE)
    end = at + 8 + size
    parts = _chunks(src, at + 8 + _FRAME_HEADER, end, found)
    kept = [part for part in parts if part[0] in _FRAME_PARTS]
    for fourcc, part_at, part_size in parts:
        if fourcc not in _FRAME_PARTS:
            _left_out(src, fourcc, part_at, part_size, found)
    if not any(part[0] in _BITSTREAMS for part in kept):
        raise Damaged(_NO_PICTURE)
    if len(kept) == len(parts):
        body.copy(*_whole(chunk, riff_end))
        return
    new_size = _FRAME_HEADER + sum(8 + s + (s & 1) for _f, _a, s in kept)
    body.write(b"ANMF" + struct.pack("<I", new_size))
    body.copy(at + 8, _FRAME_HEADER)
    for part in kept:
        offset, length = _whole(part, end)
        body.copy(offset, length)
        if length < 8 + part[2] + (part[2] & 1):
            body.write(b"\x00")  # the padding byte the frame's last chunk lacked
