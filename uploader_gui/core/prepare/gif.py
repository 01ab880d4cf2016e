"""GIF, rebuilt from what draws the picture (GIF89a), without decoding a frame.

Kept: the header, the logical screen descriptor and its colour table; each image descriptor
with its colour table and its LZW data, byte for byte (never decoded); graphic control
extensions (frame timing, transparency), cut to their defined 4 bytes; the looping extension
written anew as ``NETSCAPE2.0`` with its loop sub-block alone; an ICC profile extension
(``ICCRGBG1012``); the trailer. Everything else goes: comments, plain-text extensions (almost no
viewer draws them), XMP and every other application's extension, and anything after the last
block (a missing trailer is added).
"""

from __future__ import annotations

from typing import Final

from ..i18n import QT_TRANSLATE_NOOP
from .fields import ANIMATION, COLOUR_PROFILE, COMMENT, IPTC, OTHER, TEXT
from .found import Found
from .source import ENDS_EARLY, Damaged, Plan, Rebuild, Source

_IMAGE: Final = 0x2C
_EXTENSION: Final = 0x21
_TRAILER: Final = 0x3B
_GRAPHIC_CONTROL: Final = 0xF9
_COMMENT: Final = 0xFE
_PLAIN_TEXT: Final = 0x01
_APPLICATION: Final = 0xFF
_LOOPING: Final = frozenset({b"NETSCAPE2.0", b"ANIMEXTS1.0"})
_ICC: Final = b"ICCRGBG1012"
_XMP: Final = b"XMP DataXMP"
_IPTC: Final = frozenset({b"MGK8BIM0000", b"MGKIPTC0000"})
#: How many sub-blocks of a chain are remembered (to read an extension's identifier and loop).
_REMEMBERED: Final = 4
#: The most of an extension read to name what it holds.
_READ_LIMIT: Final = 1 << 20

NOT_GIF = QT_TRANSLATE_NOOP("Errors", "it does not start like a GIF")
_NO_PICTURE = QT_TRANSLATE_NOOP("Errors", "it ends without any picture data")


def _colour_table_size(flags: int) -> int:
    return 3 * (1 << ((flags & 0x07) + 1)) if flags & 0x80 else 0


def _sub_blocks(src: Source, at: int) -> tuple[int, int, list[tuple[int, int]]]:
    """The data sub-blocks of the chain at ``at``: where the chain ends (past its zero-length
    terminator), how many there are, and ``(offset, size)`` of the first few. Raises
    :class:`Damaged` if the file ends first."""
    count = 0
    first: list[tuple[int, int]] = []
    while True:
        size = src.byte(at)
        if size == 0:
            return at + 1, count, first
        if count < _REMEMBERED:
            first.append((at + 1, size))
        count += 1
        at += 1 + size


def rebuild_gif(src: Source) -> Rebuild:
    """The plan of the GIF to send, and what was left out."""
    head = src.read_at_most(0, 13)
    if len(head) < 13 or head[:6] not in (b"GIF87a", b"GIF89a"):
        raise Damaged(NOT_GIF)
    plan, found, kept = Plan(), Found(), set[str]()
    at = 13 + _colour_table_size(head[10])
    if at > src.size:
        raise Damaged(ENDS_EARLY)
    plan.copy(0, at)
    frames = 0
    while True:
        introducer = src.byte(at) if at < src.size else _TRAILER
        if introducer == _IMAGE:
            descriptor = src.read(at, 10)
            start = at + 10 + _colour_table_size(descriptor[9]) + 1  # + LZW minimum code size
            end, _count, _blocks = _sub_blocks(src, start)
            plan.copy(at, end - at)
            frames += 1
            at = end
        elif introducer == _EXTENSION:
            at = _extension(src, at, plan, found, kept)
        else:  # the trailer, or bytes no decoder reads (browsers stop at the first one)
            plan.write(bytes((_TRAILER,)), src, at)
            end = at + 1 if introducer == _TRAILER and at < src.size else at
            if end < src.size and not src.is_zero(end, src.size - end):
                found.after_end(0)
            break
    if not frames:
        raise Damaged(_NO_PICTURE)
    if frames > 1:
        kept.add(ANIMATION)
    return Rebuild(plan, found, kept)


def _extension(src: Source, at: int, plan: Plan, found: Found, kept: set[str]) -> int:
    """Plan one extension block; the offset just past it."""
    label = src.byte(at + 1)
    end, count, blocks = _sub_blocks(src, at + 2)
    first = src.read(*blocks[0]) if blocks else b""
    if label == _GRAPHIC_CONTROL:
        if len(first) == 4:
            plan.write(b"\x21\xf9\x04" + first + b"\x00", src, at)
        if len(first) != 4 or count > 1:
            found.add(OTHER)
    elif label == _APPLICATION and first[:11] in _LOOPING:
        loop = next((b for b in blocks[1:] if b[1] == 3 and src.byte(b[0]) == 1), None)
        if loop is not None:
            loops = src.read(loop[0] + 1, 2)
            plan.write(b"\x21\xff\x0bNETSCAPE2.0\x03\x01" + loops + b"\x00", src, at)
        if loop is None or count > 2 or len(first) != 11:
            found.add(OTHER)
    elif label == _APPLICATION and first == _ICC:
        plan.copy(at, end - at)
        kept.add(COLOUR_PROFILE)
    elif label == _APPLICATION and first[:11] == _XMP:
        found.xmp(src.read(at, min(end - at, _READ_LIMIT)))
    elif label == _APPLICATION and first[:11] in _IPTC:
        found.add(IPTC)
    elif label == _COMMENT:
        found.add(COMMENT)
    elif label == _PLAIN_TEXT:
        found.add(TEXT)
    else:
        found.add(OTHER)
    return end
