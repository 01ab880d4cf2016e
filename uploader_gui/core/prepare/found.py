"""What a rebuild left out, named for a person: "location and 14 other fields removed".

The walkers drop everything that does not draw the picture whether or not anyone recognises
it; this module only names what was dropped. EXIF, IPTC, Photoshop resources, XMP and PNG text
keywords are read to tell which kind of information each field was. Reading never raises.
"""

from __future__ import annotations

import re
import struct
from collections import Counter
from dataclasses import dataclass, field
from typing import Final

from . import exif
from .fields import (
    AFTER_END,
    CAMERA,
    CAMERA_SERIAL,
    COMMENT,
    DATES,
    EXTRA_IMAGES,
    GROUP_ORDER,
    IPTC,
    LOCATION,
    MAKER_NOTES,
    OTHER,
    OTHER_EXIF,
    OWNER,
    PREVIEW,
    TEXT,
    THUMBNAIL,
    XMP,
)

#: Groups counted as one field however many parts they had (one thumbnail, one maker note).
_ONE_FIELD: Final = frozenset({THUMBNAIL, MAKER_NOTES, PREVIEW, AFTER_END})

#: EXIF fields by tag, in IFD0 and the EXIF directory.
_EXIF_TAGS: Final = {
    **dict.fromkeys((0xA431, 0xA435, 0xA420), CAMERA_SERIAL),
    **dict.fromkeys((0x013B, 0x8298, 0xA430, 0x9C9D), OWNER),
    **dict.fromkeys(
        (0x0132, 0x9003, 0x9004, 0x9010, 0x9011, 0x9012, 0x9290, 0x9291, 0x9292), DATES
    ),
    **dict.fromkeys((0x010F, 0x0110, 0x0131, 0x013C, 0xA432, 0xA433, 0xA434), CAMERA),
    0x927C: MAKER_NOTES,
}
#: IPTC (IIM) datasets of the application record (2:n).
_IPTC_DATASETS: Final = {
    **dict.fromkeys((80, 85, 116, 118), OWNER),
    **dict.fromkeys((90, 92, 95, 100, 101), LOCATION),
    **dict.fromkeys((30, 35, 55, 60, 62, 63), DATES),
}
#: Photoshop image resources (8BIM) by id.
_PHOTOSHOP_THUMBNAILS: Final = frozenset({0x0409, 0x040C})
_PHOTOSHOP_IPTC: Final = 0x0404
_PHOTOSHOP_EXIF: Final = frozenset({0x0422, 0x0423})
_PHOTOSHOP_XMP: Final = 0x0424
#: PNG text keywords (tEXt, zTXt, iTXt) and what they hold.
_TEXT_KEYWORDS: Final = {
    "Author": OWNER,
    "Copyright": OWNER,
    "Creation Time": DATES,
    "Source": CAMERA,
    "Software": CAMERA,
    "Comment": COMMENT,
    "Description": COMMENT,
    "Title": COMMENT,
    "XML:com.adobe.xmp": XMP,
    "Raw profile type exif": OTHER_EXIF,
    "Raw profile type APP1": OTHER_EXIF,
    "Raw profile type iptc": IPTC,
    "Raw profile type 8bim": IPTC,
    "Raw profile type xmp": XMP,
}
_XMP_LOCATION: Final = re.compile(rb"GPS(Latitude|Longitude)|photoshop:City|Iptc4xmpCore:Location")
_XMP_OWNER: Final = re.compile(rb"dc:creator|dc:rights|xmpRights:Owner|photoshop:Author")


@dataclass(frozen=True)
class RemovedGroup:
    """One kind of removed information and how many fields of it were removed."""

    name: str
    count: int


@dataclass
class Found:
    """Removed fields, counted by group."""

    counts: Counter[str] = field(default_factory=Counter)

    def add(self, group: str, count: int = 1) -> None:
        if count <= 0:
            return
        if group in _ONE_FIELD:
            self.counts[group] = 1
        else:
            self.counts[group] += count

    def update(self, other: Found) -> None:
        for group, count in other.counts.items():
            self.add(group, count)

    def __bool__(self) -> bool:
        return bool(self.counts)

    def groups(self) -> tuple[RemovedGroup, ...]:
        """Most sensitive first."""
        return tuple(
            RemovedGroup(name, self.counts[name]) for name in GROUP_ORDER if self.counts[name]
        )

    # --- what a block held ----------------------------------------------------------------

    def exif(self, data: bytes) -> None:
        """An EXIF block (TIFF structure, with or without ``Exif\\0\\0``). The orientation
        is not counted: it is how the picture is shown, kept when it is not 1."""
        any_field = False
        for directory, tag in exif.fields(data):
            any_field = True
            if directory == "gps":
                self.add(LOCATION)
            elif directory == "ifd1":
                self.add(THUMBNAIL)
            elif directory == "ifd0" and tag == exif.ORIENTATION:
                continue
            else:
                self.add(_EXIF_TAGS.get(tag, OTHER_EXIF))
        if not any_field and data.strip(b"\x00"):
            self.add(OTHER_EXIF)  # not a TIFF structure a reader could walk: still data

    def xmp(self, data: bytes) -> None:
        self.add(XMP)
        if _XMP_LOCATION.search(data):
            self.add(LOCATION)
        if _XMP_OWNER.search(data):
            self.add(OWNER)

    def iptc(self, data: bytes) -> None:
        """IPTC-IIM records: ``0x1C``, record, dataset, a 2-byte length, the value."""
        at = 0
        counted = 0
        while at + 5 <= len(data) and data[at] == 0x1C:
            record, dataset = data[at + 1], data[at + 2]
            (length,) = struct.unpack_from(">H", data, at + 3)
            if length & 0x8000:  # an extended length: its size in bytes, then the length
                size = length & 0x7FFF
                length = int.from_bytes(data[at + 5 : at + 5 + size], "big")
                at += size
            if not (record == 2 and dataset == 0):  # (the record's version number)
                self.add(_IPTC_DATASETS.get(dataset, IPTC) if record == 2 else IPTC)
                counted += 1
            at += 5 + length
        if not counted and data.strip(b"\x00"):
            self.add(IPTC)

    def photoshop(self, data: bytes) -> None:
        """A Photoshop ``APP13`` body after ``Photoshop 3.0\\0``: a list of 8BIM resources."""
        at = 0
        while at + 12 <= len(data) and data[at : at + 4] == b"8BIM":
            (resource,) = struct.unpack_from(">H", data, at + 4)
            name_length = data[at + 6]
            at += 6 + ((name_length + 2) & ~1)  # a Pascal string, padded to even length
            if at + 4 > len(data):
                break
            (length,) = struct.unpack_from(">I", data, at)
            body = data[at + 4 : at + 4 + length]
            at += 4 + length + (length & 1)
            if resource == _PHOTOSHOP_IPTC:
                self.iptc(body)
            elif resource in _PHOTOSHOP_THUMBNAILS:
                self.add(PREVIEW)
            elif resource in _PHOTOSHOP_EXIF:
                self.exif(body)
            elif resource == _PHOTOSHOP_XMP:
                self.xmp(body)
            else:
                self.add(OTHER)
        if at < len(data) and data[at:].strip(b"\x00"):
            self.add(OTHER)

    def text(self, keyword: str, value: bytes) -> None:
        """A PNG text chunk (its keyword, and its value if it could be read)."""
        group = _TEXT_KEYWORDS.get(keyword, TEXT)
        if group == XMP:
            self.xmp(value)
        elif keyword.startswith("Raw profile type exif") or keyword.endswith("APP1"):
            self.add(OTHER_EXIF)
        else:
            self.add(group)

    def after_end(self, extra_images: int) -> None:
        """Bytes after the end of the image: further pictures, or other data."""
        if extra_images:
            self.add(EXTRA_IMAGES, extra_images)
        else:
            self.add(AFTER_END)
