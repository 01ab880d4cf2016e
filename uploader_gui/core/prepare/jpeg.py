"""JPEG, rebuilt from what draws the picture (ITU T.81, JFIF 1.02, Exif 2.3, ICC.1 Annex B).

Kept, in the order the file has them: SOI; the tables (DQT, DHT, DAC, DRI, DNL), the frame
header (SOFn) and every scan (SOS and its entropy-coded data, byte for byte, restart markers
included: a progressive file's tables between scans too); the ICC profile (``APP2
ICC_PROFILE`` chunks, only when they form one whole profile, put in order); ``APP14 Adobe``
(its colour transform changes the pixels), cut to its defined 12 bytes; ``APP0 JFIF`` rewritten
without its thumbnail; EOI. The orientation, when it is not 1, is written anew in a minimal
EXIF of its own where the first EXIF was. Everything else goes: other APPn segments (EXIF, XMP,
Photoshop/IPTC, MPF, vendors' blocks, all of them, whoever wrote them), comments, unknown
markers, stray bytes between segments, and every byte after the first image's EOI (further
MPF images, trailers).

Markers are found as a decoder finds them: any number of 0xFF fill bytes may precede one, and
stray bytes before one are skipped (and dropped). Inside entropy-coded data a 0xFF is followed
by 0x00 (a stuffed byte), a restart marker or more fill; anything else ends the scan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from ..i18n import QT_TRANSLATE_NOOP
from . import exif
from .fields import COLOUR_PROFILE, COMMENT, ORIENTATION, OTHER, PREVIEW
from .found import Found
from .source import ENDS_EARLY, Damaged, Plan, Rebuild, Source

_SOI: Final = 0xD8
_EOI: Final = 0xD9
_SOS: Final = 0xDA
_COM: Final = 0xFE
_APP0, _APP1, _APP2, _APP13, _APP14 = 0xE0, 0xE1, 0xE2, 0xED, 0xEE
#: Frame headers: SOF0 to SOF15 but DHT (C4), JPG (C8) and DAC (CC); and JPEG-LS's SOF55.
_FRAMES: Final = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC} | {0xF7}
#: Tables and parameters the decoder reads: DHT, DAC, DQT, DNL, DRI, DHP, EXP, JPEG-LS LSE.
_TABLES: Final = frozenset({0xC4, 0xCC, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF, 0xF8})
#: Markers with no length: restart markers and TEM (harmless outside a scan: dropped).
_STANDALONE: Final = frozenset({0x01, *range(0xD0, 0xD8)})

_JFIF: Final = b"JFIF\x00"
_JFXX: Final = b"JFXX\x00"
_XMP: Final = (b"http://ns.adobe.com/xap/1.0/\x00", b"http://ns.adobe.com/xmp/extension/\x00")
_ICC: Final = b"ICC_PROFILE\x00"
_MPF: Final = b"MPF\x00"
_PHOTOSHOP: Final = b"Photoshop 3.0\x00"
_ADOBE: Final = b"Adobe"
#: ``APP14 Adobe``: identifier, version, two flag words, the colour transform.
_ADOBE_LENGTH: Final = 12
#: The MP index's field that counts the images (CIPA DC-007).
_MP_NUMBER_OF_IMAGES: Final = 0xB001

#: A marker: 0xFF, then anything but a stuffed 0x00 or another fill 0xFF.
_MARKER: Final = re.compile(rb"\xff[^\x00\xff]")
#: A marker that ends entropy-coded data: also not a restart marker.
_SCAN_END: Final = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")

NOT_JPEG = QT_TRANSLATE_NOOP("Errors", "it does not start like a JPEG")
_NO_FRAME = QT_TRANSLATE_NOOP("Errors", "the picture data comes before the frame header")
_TWO_FRAMES = QT_TRANSLATE_NOOP("Errors", "it has two frame headers")
_TWO_STARTS = QT_TRANSLATE_NOOP("Errors", "it has a second start marker inside the image")
_NO_PICTURE = QT_TRANSLATE_NOOP("Errors", "it ends without any picture data")
_BAD_LENGTH = QT_TRANSLATE_NOOP("Errors", "a segment has an impossible length")


@dataclass
class _Profile:
    """The ``APP2 ICC_PROFILE`` chunks met: ``(sequence, count, offset, length, data)``."""

    chunks: list[tuple[int, int, int, int, bytes]] = field(default_factory=list)
    #: Where in the plan the profile goes: where its first chunk was.
    mark: int = -1

    def pieces(self) -> list[tuple[int, int]] | None:
        """The segments to copy, in sequence order; ``None`` unless they form one whole,
        plausible profile (every number 1..N once, its declared size, the ``acsp`` tag)."""
        if not self.chunks:
            return None
        total = self.chunks[0][1]
        ordered = sorted(self.chunks)
        if [chunk[0] for chunk in ordered] != list(range(1, total + 1)):
            return None
        if any(chunk[1] != total for chunk in ordered):
            return None
        profile = b"".join(chunk[4] for chunk in ordered)
        if len(profile) < 128 or int.from_bytes(profile[:4], "big") != len(profile):
            return None
        if profile[36:40] != b"acsp":
            return None
        return [(chunk[2], chunk[3]) for chunk in ordered]


def rebuild_jpeg(src: Source) -> Rebuild:
    """The plan of the JPEG to send, and what was left out."""
    if src.read_at_most(0, 3) != b"\xff\xd8\xff":
        raise Damaged(NOT_JPEG)
    walk = _Walk(src)
    walk.run()
    return Rebuild(walk.plan, walk.found, walk.kept)


class _Walk:
    def __init__(self, src: Source) -> None:
        self.src = src
        self.plan = Plan()
        self.found = Found()
        self.kept: set[str] = set()
        self.frame = False
        self.scans = 0
        self.profile = _Profile()
        self.exif_seen = False
        self.jfif_seen = False
        self.adobe_seen = False
        self.extra_images = 0
        self.index_seen = False

    def run(self) -> None:
        src = self.src
        self.plan.copy(0, 2)
        at = 2
        while True:
            marker_at = src.search(_MARKER, at)
            if marker_at is None:
                raise Damaged(ENDS_EARLY)
            if marker_at > at and src.read(at, marker_at - at).strip(b"\xff"):
                self.found.add(OTHER)  # stray bytes before the marker (fill bytes are not)
            marker = src.byte(marker_at + 1)
            if marker == _EOI:
                if not self.frame or not self.scans:
                    raise Damaged(_NO_PICTURE)
                self.plan.copy(marker_at, 2)
                self._finish(marker_at + 2)
                return
            if marker == _SOI:
                raise Damaged(_TWO_STARTS)
            if marker in _STANDALONE:
                at = marker_at + 2
                continue
            length = int.from_bytes(src.read(marker_at + 2, 2), "big")
            end = marker_at + 2 + length
            if length < 2:
                raise Damaged(_BAD_LENGTH)
            if end > src.size:
                raise Damaged(ENDS_EARLY)
            at = self._segment(marker, marker_at, end)

    def _segment(self, marker: int, at: int, end: int) -> int:
        """Plan one segment; the offset where the walk goes on."""
        src, plan = self.src, self.plan
        if marker == _SOS:
            if not self.frame:
                raise Damaged(_NO_FRAME)
            plan.copy(at, end - at)
            scan_end = src.search(_SCAN_END, end)
            if scan_end is None:
                raise Damaged(ENDS_EARLY)
            # Fill bytes before the marker are not data (a data byte 0xFF is always followed
            # by a stuffed 0x00, so entropy-coded data never ends with one).
            while scan_end > end and src.byte(scan_end - 1) == 0xFF:
                scan_end -= 1
            plan.copy(end, scan_end - end)
            self.scans += 1
            return scan_end
        if marker in _FRAMES:
            if self.frame:
                raise Damaged(_TWO_FRAMES)
            self.frame = True
            plan.copy(at, end - at)
        elif marker in _TABLES:
            plan.copy(at, end - at)
        elif marker == _COM:
            self.found.add(COMMENT)
        elif 0xE0 <= marker <= 0xEF:
            self._application(marker, at, src.read(at + 4, end - at - 4))
        else:
            self.found.add(OTHER)  # a marker no decoder needs
        return end

    def _application(self, marker: int, at: int, body: bytes) -> None:
        found, plan = self.found, self.plan
        header = not self.scans  # metadata between scans is never the file's own
        if marker == _APP0 and body.startswith(_JFIF) and header and not self.jfif_seen:
            self.jfif_seen = True
            if len(body) < 14:
                found.add(OTHER)
                return
            if len(body) > 14:
                found.add(PREVIEW)  # its uncompressed thumbnail
            plan.write(b"\xff\xe0\x00\x10" + body[:12] + b"\x00\x00", self.src, at)
        elif marker == _APP0 and body.startswith(_JFXX):
            found.add(PREVIEW)
        elif marker == _APP1 and body.startswith(exif.PREFIX):
            self._exif(at, body[len(exif.PREFIX) :], header)
        elif marker == _APP1 and body.startswith(b"Exif\x00"):
            found.exif(body[6:])  # an identifier no reader expects: dropped all the same
        elif marker == _APP1 and body.startswith(_XMP):
            found.xmp(body)
        elif marker == _APP2 and body.startswith(_ICC) and header and len(body) > 14:
            if self.profile.mark < 0:
                self.profile.mark = plan.mark()
            sequence, count = body[12], body[13]
            self.profile.chunks.append((sequence, count, at, len(body) + 4, body[14:]))
        elif marker == _APP2 and body.startswith(_MPF):
            self.index_seen = True
            images = exif.first_value(body[len(_MPF) :], _MP_NUMBER_OF_IMAGES) or 1
            self.extra_images = max(self.extra_images, min(images, 100) - 1)
        elif marker == _APP13 and body.startswith(_PHOTOSHOP):
            found.photoshop(body[len(_PHOTOSHOP) :])
        elif marker == _APP14 and body.startswith(_ADOBE) and header and not self.adobe_seen:
            self.adobe_seen = True
            if len(body) < _ADOBE_LENGTH:
                found.add(OTHER)
                return
            if len(body) > _ADOBE_LENGTH:
                found.add(OTHER)
            segment = b"\xff\xee" + (_ADOBE_LENGTH + 2).to_bytes(2, "big")
            plan.write(segment + body[:_ADOBE_LENGTH], self.src, at)
        else:
            found.add(OTHER)

    def _exif(self, at: int, tiff: bytes, header: bool) -> None:
        self.found.exif(tiff)
        if self.exif_seen or not header:
            return
        self.exif_seen = True
        value = exif.orientation(tiff)
        if value is None or value == 1:
            return
        self.kept.add(ORIENTATION)
        body = exif.PREFIX + exif.orientation_only(value, exif.byte_order(tiff))
        segment = b"\xff\xe1" + (len(body) + 2).to_bytes(2, "big") + body
        self.plan.write(segment, self.src, at)

    def _finish(self, end: int) -> None:
        pieces = self.profile.pieces()
        if pieces is not None:
            self.kept.add(COLOUR_PROFILE)
            for offset, length in reversed(pieces):
                self.plan.insert(self.profile.mark, (offset, length))
        elif self.profile.chunks:
            self.found.add(OTHER)  # a profile with chunks missing or damaged: not used
        trailing = self.src.size - end
        if trailing and not self.src.is_zero(end, trailing):
            images = self.extra_images
            if not images and self.src.read_at_most(end, 3) == b"\xff\xd8\xff":
                images = 1
            self.found.after_end(images)
        elif self.index_seen:
            self.found.add(OTHER)  # an index of further images that are not there
