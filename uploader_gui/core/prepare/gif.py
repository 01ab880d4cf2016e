"""GIF: drop the comment and metadata extensions by copying every other block byte for byte.

No maintained Python library rewrites GIF blocks without decoding them: Pillow re-encodes
every frame, exiv2 only reads GIF, exiftool is Perl. A GIF is a header, a screen descriptor,
an optional colour table and a flat list of blocks, each a sequence of length-prefixed
sub-blocks (GIF89a sections 15 to 27), so the walk below finds where each block starts and ends and
never looks inside the LZW-compressed image data: what is kept is copied as it was.

Kept: image blocks, graphic control (frame timing, transparency), plain text (it is drawn),
the looping extension (NETSCAPE2.0/ANIMEXTS1.0) and an ICC profile (ICCRGBG1012). Dropped:
comments, XMP, ImageMagick's 8BIM/IPTC profiles, any other application's extension, and
anything after the last complete block (a missing trailer is added).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from ..i18n import translate
from .fields import ANIMATION, COLOUR_PROFILE, COMMENT, IPTC, OTHER, XMP

_IMAGE: Final = 0x2C
_EXTENSION: Final = 0x21
_TRAILER: Final = 0x3B
_COMMENT: Final = 0xFE
_APPLICATION: Final = 0xFF
#: Graphic control (frame timing, transparency) and plain text: part of the picture.
_DRAWN: Final = frozenset({0xF9, 0x01})
#: Application identifiers (8 bytes) + authentication codes (3 bytes).
_LOOPING: Final = frozenset({b"NETSCAPE2.0", b"ANIMEXTS1.0"})
_ICC: Final = b"ICCRGBG1012"
_APPLICATION_GROUPS: Final = {
    b"XMP DataXMP": XMP,
    b"MGK8BIM0000": IPTC,
    b"MGKIPTC0000": IPTC,
}


class GifError(ValueError):
    """The file is not a GIF, or a block runs past its end."""


@dataclass
class GifStrip:
    """What :func:`strip_gif` found."""

    #: The kept blocks joined, or None when nothing was dropped.
    data: bytes | None
    #: (group, count) of what was dropped, in file order.
    removed: list[tuple[str, int]] = field(default_factory=list)
    kept: set[str] = field(default_factory=set)


def _colour_table_size(flags: int) -> int:
    return 3 * (1 << ((flags & 0x07) + 1)) if flags & 0x80 else 0


def _skip_sub_blocks(data: bytes, at: int) -> int:
    """The offset just past the zero-length sub-block that ends the chain starting at ``at``."""
    while True:
        if at >= len(data):
            raise GifError(translate("Errors", "the file ends inside a block"))
        size = data[at]
        at += 1 + size
        if size == 0:
            return at


def strip_gif(data: bytes) -> GifStrip:
    """Drop the metadata extensions of the GIF in ``data``; never decode its frames."""
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 13:
        raise GifError(translate("Errors", "not a GIF header"))
    header_end = 13 + _colour_table_size(data[10])
    kept_parts = [data[:header_end]]
    result = GifStrip(data=None)
    frames = 0
    at = header_end
    while True:
        introducer = data[at] if at < len(data) else _TRAILER  # many GIFs lack the trailer
        if introducer not in (_IMAGE, _EXTENSION) or at + 2 > len(data):
            # The end, or bytes no decoder reads (browsers stop at the first one): dropped.
            kept_parts.append(bytes((_TRAILER,)))
            if data[at + 1 if introducer == _TRAILER else at :]:
                result.removed.append((OTHER, 1))
            break
        if introducer == _IMAGE:
            if at + 10 > len(data):
                raise GifError(translate("Errors", "the file ends inside an image descriptor"))
            start = at
            at += 10 + _colour_table_size(data[at + 9]) + 1  # + the LZW minimum code size
            at = _skip_sub_blocks(data, at)
            kept_parts.append(data[start:at])
            frames += 1
            continue
        start = at
        label = data[at + 1]
        at = _skip_sub_blocks(data, at + 2)
        group = _extension_group(label, data[start + 2 : start + 14])
        if group is None:
            kept_parts.append(data[start:at])
        elif group in (ANIMATION, COLOUR_PROFILE):
            kept_parts.append(data[start:at])
            result.kept.add(group)
        else:
            result.removed.append((group, 1))
    if frames > 1:
        result.kept.add(ANIMATION)
    if result.removed:
        result.data = b"".join(kept_parts)
    return result


def _extension_group(label: int, first_sub_block: bytes) -> str | None:
    """What an extension holds: None for what draws the image, else the group it belongs to."""
    if label == _COMMENT:
        return COMMENT
    if label in _DRAWN:
        return None
    if label != _APPLICATION:
        return OTHER  # no other extension is defined: decoders skip it, so can we
    if first_sub_block[:1] != b"\x0b":
        return OTHER
    identifier = first_sub_block[1:12]
    if identifier in _LOOPING:
        return ANIMATION
    if identifier == _ICC:
        return COLOUR_PROFILE
    return _APPLICATION_GROUPS.get(identifier, OTHER)
