"""Where a JPEG's own image ends, so that what phones append after it is not uploaded.

Phones write more than one picture into a ".jpg": MPF (multi-picture) previews and other
exposures, gain maps, depth maps, and vendor trailers (Samsung's, for one, holds time stamps
and the mobile network's country code). libexiv2 rewrites the metadata segments before the
image data and copies everything after it, so these would arrive on the server untouched.

:func:`primary_image` cuts the file at the end of its first image. Pillow finds MPF images
(each with its own EXIF, counted one by one); for anything else after the End Of Image marker
the walk below follows the marker segments and the entropy-coded data, where a 0xFF byte is
always followed by 0x00 or a restart marker, to the first End Of Image that is not inside a
segment. The compressed data itself is never changed.
"""

from __future__ import annotations

import io
import re
from typing import Final

from .fields import EXTRA_IMAGES, OTHER, XMP

_SOI: Final = 0xD8
_EOI: Final = 0xD9
_SOS: Final = 0xDA
#: Markers with no length field: restart markers, TEM.
_STANDALONE: Final = frozenset({0x01, *range(0xD0, 0xD8)})


def primary_image(data: bytes) -> tuple[bytes, int]:
    """``data`` cut to its first image, and how many further images or trailers were cut off."""
    data, extra = _mpf_first_image(data)
    end = end_of_image(data)
    if end is not None and end < len(data) and data[end:].strip(b"\x00"):
        return data[:end], extra + 1
    return data, extra


#: Application segments kept by :func:`drop_segments`, by the identifier they start with:
#: JFIF, the EXIF and XMP libexiv2 edits, its IPTC (Photoshop), the ICC profile, and Adobe's
#: colour transform (it changes how the pixels decode).
_KEPT_APPLICATION_SEGMENTS: Final = {
    0xE0: (b"JFIF\x00", b"JFXX\x00"),
    0xE1: (b"Exif\x00", b"http://ns.adobe.com/xap/1.0/\x00"),
    0xE2: (b"ICC_PROFILE\x00",),
    0xED: (b"Photoshop 3.0\x00",),
    0xEE: (b"Adobe",),
}
_EXTENDED_XMP: Final = b"http://ns.adobe.com/xmp/extension/\x00"
_MPF: Final = b"MPF\x00"


def drop_segments(data: bytes, images_cut: int = 0) -> tuple[bytes, list[str]]:
    """``data`` without the application segments libexiv2 leaves alone (maker-specific APPn
    blocks, extended XMP, a multi-picture index), and the group of each one dropped. The
    image data after the first scan header is copied as it is."""
    if data[:2] != bytes((0xFF, _SOI)):
        return data, []
    parts = [data[:2]]
    dropped: list[str] = []
    changed = False
    at = 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker in (_SOS, _EOI, 0xFF) or marker in _STANDALONE:
            break
        end = at + 2 + int.from_bytes(data[at + 2 : at + 4], "big")
        if end > len(data):
            break
        body = data[at + 4 : end]
        if 0xE0 <= marker <= 0xEF and not body.startswith(
            _KEPT_APPLICATION_SEGMENTS.get(marker, ())
        ):
            changed = True
            if body.startswith(_EXTENDED_XMP):
                dropped.append(XMP)
            elif not (body.startswith(_MPF) and images_cut):  # counted with the images
                dropped.append(EXTRA_IMAGES if body.startswith(_MPF) else OTHER)
        else:
            parts.append(data[at:end])
        at = end
    if not changed:
        return data, []
    parts.append(data[at:])
    return b"".join(parts), dropped


def end_of_image(data: bytes) -> int | None:
    """The offset just past the first image's End Of Image marker; None if the walk fails
    (a damaged file is then left as it is, for libexiv2 to accept or refuse)."""
    if data[:2] != bytes((0xFF, _SOI)):
        return None
    at = 2
    size = len(data)
    while at + 1 < size:
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte before a marker
            at += 1
            continue
        if marker == _EOI:
            return at + 2
        if marker in _STANDALONE:
            at += 2
            continue
        if at + 4 > size:
            return None
        length = int.from_bytes(data[at + 2 : at + 4], "big")
        if length < 2:
            return None
        at += 2 + length
        if marker == _SOS:
            at = _end_of_scan(data, at)
    return None


#: A marker inside entropy-coded data: 0xFF followed by anything but a stuffed 0x00, a
#: restart marker (RST0-7) or another 0xFF (fill).
_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


#: Bytes searched per call: each call holds the interpreter lock (about 0.1 ms for this
#: much), so a 20 MB photo never makes the GUI thread wait on one long search.
_SEARCH_CHUNK = 256 * 1024


def _end_of_scan(data: bytes, at: int) -> int:
    """The offset of the marker that ends the entropy-coded data starting at ``at``."""
    size = len(data)
    while at < size:
        end = min(size, at + _SEARCH_CHUNK)
        found = _MARKER.search(data, at, end + 1)  # +1: a marker may straddle the boundary
        if found:
            return found.start()
        at = end
    return size


def _mpf_first_image(data: bytes) -> tuple[bytes, int]:
    """A JPEG holding further images after its own (MPF), cut to its first image, and how
    many images were cut off. Pillow reads the MP index, which says where each one is."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "MPO":
                return data, 0
            entries = image.mpinfo[0xB002]  # MPEntry: each image's size and offset
            first = int(entries[0]["Size"])
    except (OSError, KeyError, IndexError, TypeError, ValueError):
        return data, 0
    if not 0 < first < len(data):
        return data, 0
    return data[:first], len(entries) - 1
