"""PNG, rebuilt from what draws the picture (ISO/IEC 15948, PNG third edition, APNG).

Kept, byte for byte and in their order: IHDR, PLTE, tRNS, IDAT, IEND; the colour chunks
(gAMA, cHRM, sRGB, iCCP, cICP, mDCV, cLLI, sBIT); the animation chunks (acTL, fcTL, fdAT). The
orientation, when it is not 1, is written anew as a minimal ``eXIf``. Everything else goes:
text (tEXt, zTXt, iTXt), eXIf, tIME, pHYs, bKGD, private chunks, all of them, and every byte
after IEND (where a cropping tool may have left the uncropped picture: "aCropalypse",
CVE-2023-21036 and CVE-2023-28303).

A chunk that is kept has its checksum checked: a damaged critical chunk refuses the file, a
damaged ancillary one is left out (as a decoder would ignore it).
"""

from __future__ import annotations

import binascii
import struct
import zlib
from dataclasses import dataclass, field
from typing import Final

from ..i18n import QT_TRANSLATE_NOOP
from . import exif
from .fields import ANIMATION, COLOUR_PROFILE, DATES, ORIENTATION, OTHER, OTHER_EXIF
from .found import Found
from .source import ENDS_EARLY, Damaged, Plan, Rebuild, Source

SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
_COLOUR: Final = frozenset({b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"cICP"})
#: What draws the picture. (mDCv and cLLi: the spelling before the third edition.)
_KEPT: Final = frozenset(
    {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND", b"sBIT", b"acTL", b"fcTL", b"fdAT"}
    | _COLOUR
    | {b"mDCV", b"cLLI", b"mDCv", b"cLLi"}
)
_TEXT: Final = frozenset({b"tEXt", b"zTXt", b"iTXt"})
#: The most of a metadata chunk read to name what it holds.
_READ_LIMIT: Final = 1 << 20
_RAW_EXIF: Final = ("Raw profile type exif", "Raw profile type APP1")

NOT_PNG = QT_TRANSLATE_NOOP("Errors", "it does not start like a PNG")
_BAD_CHUNK = QT_TRANSLATE_NOOP("Errors", "a chunk has an impossible name or length")
_BAD_CHECKSUM = QT_TRANSLATE_NOOP(
    "Errors", "a part of the picture is damaged (its checksum is wrong)"
)
_NO_HEADER = QT_TRANSLATE_NOOP("Errors", "it does not start with an image header")
_NO_PICTURE = QT_TRANSLATE_NOOP("Errors", "it ends without any picture data")


def chunk(kind: bytes, body: bytes) -> bytes:
    """A whole chunk: length, type, body, checksum."""
    crc = zlib.crc32(body, zlib.crc32(kind))
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def rebuild_png(src: Source) -> Rebuild:
    """The plan of the PNG to send, and what was left out."""
    if src.read_at_most(0, 8) != SIGNATURE:
        raise Damaged(NOT_PNG)
    walk = _Walk(src)
    walk.plan.copy(0, 8)
    at = 8
    while True:
        length, kind = _header(src, at)
        end = at + 12 + length
        if kind in _KEPT:
            walk.kept_chunk(kind, at, length)
            if kind == b"IEND":  # (a damaged IEND, being critical, refused the file)
                break
        elif kind == b"eXIf":
            walk.exif_chunk(at, length)
        elif kind in _TEXT:
            walk.text_chunk(kind, at, length)
        elif kind == b"tIME":
            walk.found.add(DATES)
        else:
            walk.found.add(OTHER)
        at = end
    if not walk.pictures:
        raise Damaged(_NO_PICTURE)
    trailing = src.size - end
    if trailing and not src.is_zero(end, trailing):
        walk.found.after_end(0)
    return Rebuild(walk.plan, walk.found, walk.kept)


def _header(src: Source, at: int) -> tuple[int, bytes]:
    """The length and type of the chunk at ``at``: a possible name and length, within the
    file, and IHDR first."""
    length, kind = struct.unpack(">I4s", src.read(at, 8))
    if length > 0x7FFFFFFF or not kind.isalpha() or not kind.isascii():
        raise Damaged(_BAD_CHUNK)
    if at + 12 + length > src.size:
        raise Damaged(ENDS_EARLY)
    if at == 8 and kind != b"IHDR":
        raise Damaged(_NO_HEADER)
    return length, kind


@dataclass
class _Walk:
    """The chunks seen so far: the plan of the file to send, what was left out and kept."""

    src: Source
    plan: Plan = field(default_factory=Plan)
    found: Found = field(default_factory=Found)
    kept: set[str] = field(default_factory=set)
    #: Picture data chunks (IDAT, fdAT) copied.
    pictures: int = 0
    #: An orientation was written (or an eXIf seen): no other is.
    exif_seen: bool = False
    #: An orientation found in a text chunk, for before IDAT.
    pending: int | None = None

    def kept_chunk(self, kind: bytes, at: int, length: int) -> None:
        """A chunk that draws the picture, copied if its checksum is right (a damaged
        critical chunk refuses the file); before the first picture data, the orientation a
        text chunk gave."""
        if not _checksum_ok(self.src, at, length):
            if kind[:1].isupper():
                raise Damaged(_BAD_CHECKSUM)
            self.found.add(OTHER)
            return
        if kind in (b"IDAT", b"fdAT"):
            self.pictures += 1
            if self.pending is not None and not self.exif_seen:
                self.plan.write(chunk(b"eXIf", exif.orientation_only(self.pending)))
                self.kept.add(ORIENTATION)
                self.exif_seen = True
        self.plan.copy(at, 12 + length)
        if kind in _COLOUR:
            self.kept.add(COLOUR_PROFILE)
        elif kind == b"acTL":
            self.kept.add(ANIMATION)

    def exif_chunk(self, at: int, length: int) -> None:
        """An eXIf chunk: left out, but for its orientation (the first one's, if not 1)."""
        body = self.src.read(at + 8, length) if length <= _READ_LIMIT else b""
        if body:
            self.found.exif(body)
        else:
            self.found.add(OTHER_EXIF)
        value = exif.orientation(body)
        if not self.exif_seen and value is not None and value != 1:
            new = chunk(b"eXIf", exif.orientation_only(value, exif.byte_order(body)))
            self.plan.write(new, self.src, at)
            self.kept.add(ORIENTATION)
        self.exif_seen = True

    def text_chunk(self, kind: bytes, at: int, length: int) -> None:
        """A text chunk: left out; an ImageMagick raw EXIF profile in one, before any
        picture data, gives the orientation to write before it."""
        keyword, text = _text(kind, self.src.read(at + 8, min(length, _READ_LIMIT)))
        self.found.text(keyword, text)
        if keyword in _RAW_EXIF and not self.pictures and self.pending is None:
            turned = exif.orientation(_raw_profile(text))
            self.pending = turned if turned != 1 else None


def _checksum_ok(src: Source, at: int, length: int) -> bool:
    crc = 0
    for block in src.blocks(at + 4, length + 4):
        crc = zlib.crc32(block, crc)
    return crc == int.from_bytes(src.read(at + 8 + length, 4), "big")


def _text(kind: bytes, body: bytes) -> tuple[str, bytes]:
    """A text chunk's keyword and (as far as it can be read) its value."""
    keyword, _, rest = body.partition(b"\x00")
    name = keyword.decode("latin-1")
    try:
        if kind == b"zTXt":
            return name, _inflate(rest[1:])
        if kind == b"iTXt":
            compressed = rest[:1] == b"\x01"
            # compression flag, method, language tag \0, translated keyword \0, text
            _lang, _, after = rest[2:].partition(b"\x00")
            _translated, _, text = after.partition(b"\x00")
            return name, _inflate(text) if compressed else text
    except zlib.error:
        return name, b""
    return name, rest


def _inflate(data: bytes) -> bytes:
    """At most :data:`_READ_LIMIT` bytes of a zlib stream (a small chunk can hold a bomb)."""
    return zlib.decompressobj().decompress(data, _READ_LIMIT)


def _raw_profile(value: bytes) -> bytes:
    """The bytes of an ImageMagick "Raw profile" text: a name, a length, then hex digits."""
    lines = value.strip().split(b"\n")
    try:
        return binascii.unhexlify(b"".join(line.strip() for line in lines[2:]))
    except (binascii.Error, ValueError):
        return b""
