"""Remove personal metadata from an image before it is uploaded, without re-encoding it.

What leaves the computer is what the person meant to share: location, camera make, model and
serial numbers, owner and artist, dates, maker notes, the EXIF thumbnail, XMP, IPTC, comments
and text chunks are removed. What changes how the image looks is kept: the EXIF orientation,
the colour profile (ICC; a PNG's ``sRGB``/``gAMA``/``cHRM``/``iCCP``) and animation.

Nothing is re-encoded: a JPEG's scan data, a PNG's ``IDAT`` chunks and a WebP's ``VP8``/``VP8L``
bitstream are copied byte for byte. Libraries do the container work:

- JPEG and WebP: python-exiv2 (libexiv2) rewrites the metadata segments and chunks only;
- PNG: pypng copies the chunks that are kept byte for byte and drops the others; exiv2 only
  reads the ``eXIf`` chunk and encodes the orientation-only ``eXIf`` that replaces it.

A file with nothing to remove is left alone: no copy is made, the original is sent as it is.
Otherwise the stripped bytes go to a new private file (mode 0600) in the caller's folder; the
original file is only ever read.

- GIF: :mod:`.gif` copies every block but the comment and metadata extensions byte for byte
  (no maintained library does this without decoding the frames).
"""

from __future__ import annotations

import enum
import os
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import exiv2
import png

from ..errors import LocalFileError, UnsupportedTypeError
from ..files import open_regular, unreadable
from ..i18n import translate
from ..sniff import GIF, JPEG, PNG, ImageType, describe, sniff
from .fields import (
    _CAMERA_TAGS,
    _EXIF_POINTERS,
    _OWNER_TAGS,
    _PNG_COLOUR_CHUNKS,
    _PNG_KEPT_CHUNKS,
    _PNG_RAW_PROFILES,
    _PNG_TEXT_CHUNKS,
    _PNG_TEXT_GROUPS,
    _PNG_XMP_KEYWORD,
    _STANDARD_EXIF_GROUPS,
    ANIMATION,
    CAMERA,
    CAMERA_SERIAL,
    COLOUR_PROFILE,
    COMMENT,
    DATES,
    EXTRA_IMAGES,
    GROUP_ORDER,
    IPTC,
    LOCATION,
    MAKER_NOTES,
    ORIENTATION,
    ORIENTATION_KEY,
    OTHER,
    OTHER_EXIF,
    OWNER,
    TEXT,
    THUMBNAIL,
    XMP,
)
from .gif import strip_gif
from .jpeg import drop_segments, primary_image


class StripStatus(enum.Enum):
    STRIPPED = "stripped"
    """Metadata was removed; :attr:`Stripped.path` is the private copy to send."""
    UNCHANGED = "unchanged"
    """Nothing to remove: send the original file, no copy was made."""


@dataclass(frozen=True)
class RemovedGroup:
    """One kind of removed information and how many fields of it were removed."""

    name: str
    count: int


@dataclass(frozen=True)
class Stripped:
    """What :func:`strip_metadata` did to one file."""

    status: StripStatus
    #: The private copy to send instead of the original (only when ``STRIPPED``).
    path: Path | None = None
    #: What was removed, most sensitive first.
    groups: tuple[RemovedGroup, ...] = ()
    #: What was kept because it changes how the image looks ("orientation", …).
    kept: tuple[str, ...] = ()

    @property
    def removed(self) -> tuple[str, ...]:
        """The names of the removed groups, most sensitive first."""
        return tuple(group.name for group in self.groups)

    @property
    def count(self) -> int:
        """How many fields were removed in all."""
        return sum(group.count for group in self.groups)

    def summary(self) -> str:
        """One line for a person: "location and 14 other fields removed"."""
        if not self.groups:
            return translate("Prepare", "no personal metadata found")
        first = self.groups[0]
        return removed_summary(first.name, self.count - first.count)


def removed_summary(group: str, others: int) -> str:
    """ "location removed", "location and 14 other fields removed": ``group`` (one of the
    English names in :mod:`.fields`) and how many other fields were removed with it."""
    name = translate("Prepare", group)  # marked in .fields
    if others <= 0:
        return translate("Prepare", "{group} removed").format(group=name)
    return translate("Prepare", "{group} and %n other field(s) removed", None, others).format(
        group=name
    )


class MetadataError(LocalFileError):
    """The image's metadata could not be read or rewritten (a damaged file)."""

    def __init__(self, path: Path | str, detail: str) -> None:
        message = translate("Errors", "could not remove the metadata from this image ({reason})")
        super().__init__(path, message.format(reason=detail), retry_helps=False)


def strip_metadata(path: Path, out_dir: Path) -> Stripped:
    """Remove personal metadata from the image at ``path``; never modify ``path`` itself.

    Returns ``UNCHANGED`` (no copy made) when there is nothing to remove, else ``STRIPPED``
    with the path of a new private file (mode 0600) in ``out_dir``, which the caller owns
    (and makes 0700) and later deletes.
    Raises :class:`LocalFileError` (or :class:`MetadataError`) with a reason a person
    understands.
    """
    data = _read(path)
    image_type = sniff(data[:16])
    if image_type is None:
        raise UnsupportedTypeError(path, describe(data[:512]))
    try:
        if image_type == GIF:
            stripped, groups, kept = _strip_gif(data)
        elif image_type == PNG:
            stripped, groups, kept = _strip_png(data)
        else:
            stripped, groups, kept = _strip_with_exiv2(data)
    except (exiv2.Exiv2Error, png.Error, ValueError) as error:  # GifError is a ValueError
        raise MetadataError(path, str(error) or type(error).__name__) from None
    if stripped is None:
        return Stripped(StripStatus.UNCHANGED, kept=kept)
    if sniff(stripped[:16]) != image_type:  # never send something that is no longer the image
        raise MetadataError(path, translate("Errors", "the rewritten file is not a valid image"))
    copy = _write_private_copy(stripped, out_dir, image_type)
    return Stripped(StripStatus.STRIPPED, path=copy, groups=groups, kept=kept)


# --- reading and writing ----------------------------------------------------------------


def _read(path: Path) -> bytes:
    file, _info = open_regular(path)
    with file:
        try:
            return file.read()
        except OSError as error:
            raise unreadable(path, error) from None


def _write_private_copy(data: bytes, out_dir: Path, image_type: ImageType) -> Path:
    handle, name = tempfile.mkstemp(
        prefix="upload-", suffix=f".{image_type.extension}", dir=out_dir
    )
    # mkstemp creates the file with mode 0600, readable by its owner alone.
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


# --- classifying what is found ----------------------------------------------------------


def _exif_group(key: str) -> str | None:
    """The group an EXIF key (``Exif.GPSInfo.GPSLatitude``) belongs to; None if kept."""
    if key == ORIENTATION_KEY or key in _EXIF_POINTERS:
        return None
    _family, group, tag = key.split(".", 2)
    if group == "GPSInfo":
        return LOCATION
    if group == "Thumbnail" or group == "SubThumb1":
        return THUMBNAIL
    if tag == "MakerNote" or group not in _STANDARD_EXIF_GROUPS:
        return MAKER_NOTES
    if "Serial" in tag or tag == "ImageUniqueID":
        return CAMERA_SERIAL
    if tag in _OWNER_TAGS:
        return OWNER
    if tag.startswith(("DateTime", "OffsetTime", "SubSecTime")) or "Date" in tag:
        return DATES
    if tag in _CAMERA_TAGS:
        return CAMERA
    return OTHER_EXIF


#: Groups counted as one field however many keys they hold (one thumbnail, one maker note).
_ONE_FIELD_GROUPS: Final = frozenset({THUMBNAIL, MAKER_NOTES})


class _Found:
    """Removed fields, counted by group."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, group: str, count: int = 1) -> None:
        if count <= 0:
            return
        if group in _ONE_FIELD_GROUPS:
            self.counts[group] = 1
        else:
            self.counts[group] += count

    def exif(self, keys: Iterable[str]) -> None:
        for key in keys:
            group = _exif_group(key)
            if group is not None:
                self.add(group)

    def groups(self) -> tuple[RemovedGroup, ...]:
        return tuple(
            RemovedGroup(name, self.counts[name]) for name in GROUP_ORDER if self.counts[name]
        )


def _open_exiv2(data: bytes) -> Any:
    image = exiv2.ImageFactory.open(data)
    image.readMetadata()
    return image


def _orientation(image: Any) -> int | None:
    exif = image.exifData()
    found = exif.findKey(exiv2.ExifKey(ORIENTATION_KEY))
    if found == exif.end():
        return None
    return int(found.toInt64())


def _keys(metadata: Any) -> list[str]:
    return [str(datum.key()) for datum in metadata]


def _exiv2_bytes(image: Any) -> bytes:
    """The whole image libexiv2 holds in memory (after ``writeMetadata``)."""
    io = image.io()
    view = io.mmap()
    try:
        return bytes(view)
    finally:
        view.release()
        io.munmap()


# --- JPEG and WebP: libexiv2 ------------------------------------------------------------


def _strip_with_exiv2(
    data: bytes,
) -> tuple[bytes | None, tuple[RemovedGroup, ...], tuple[str, ...]]:
    found = _Found()
    if sniff(data[:16]) == JPEG:
        data, extra = primary_image(data)
        found.add(EXTRA_IMAGES, extra)
        data, dropped = drop_segments(data, images_cut=extra)
        for group in dropped:
            found.add(group)
    image = _open_exiv2(data)
    found.exif(_keys(image.exifData()))
    xmp_keys = _keys(image.xmpData())
    found.add(XMP, len(xmp_keys) or (1 if str(image.xmpPacket()).strip() else 0))
    found.add(IPTC, len(_keys(image.iptcData())))
    found.add(COMMENT, 1 if str(image.comment()) else 0)

    orientation = _orientation(image)
    icc = bytes(image.iccProfile().data()) if image.iccProfileDefined() else None
    kept = _kept(orientation is not None, icc is not None, animated=False)
    if not found.counts:
        return None, (), kept

    image.clearMetadata()  # also drops the ICC profile: it is set again below
    if orientation is not None:
        exif = exiv2.ExifData()
        exif[ORIENTATION_KEY] = exiv2.UShortValue(orientation)
        image.setExifData(exif)
    if icc is not None:
        image.setIccProfile(exiv2.DataBuf(icc))
    image.writeMetadata()
    return _exiv2_bytes(image), found.groups(), kept


def _kept(orientation: bool, colour: bool, animated: bool) -> tuple[str, ...]:
    return tuple(
        name
        for name, present in (
            (ORIENTATION, orientation),
            (COLOUR_PROFILE, colour),
            (ANIMATION, animated),
        )
        if present
    )


# --- GIF: block copy ---------------------------------------------------------------------


def _strip_gif(data: bytes) -> tuple[bytes | None, tuple[RemovedGroup, ...], tuple[str, ...]]:
    result = strip_gif(data)
    found = _Found()
    for group, count in result.removed:
        found.add(group, count)
    kept = _kept(False, COLOUR_PROFILE in result.kept, ANIMATION in result.kept)
    return result.data, found.groups(), kept


# --- PNG: pypng copies chunks, libexiv2 reads eXIf ---------------------------------------


def _strip_png(data: bytes) -> tuple[bytes | None, tuple[RemovedGroup, ...], tuple[str, ...]]:
    chunks: list[tuple[bytes, bytes]] = [
        (bytes(kind), bytes(body)) for kind, body in png.Reader(bytes=data).chunks()
    ]
    kinds = {kind for kind, _body in chunks}

    image = _open_exiv2(data)
    exif_keys = _keys(image.exifData())
    exif_groups = [group for group in map(_exif_group, exif_keys) if group is not None]
    orientation = _orientation(image)
    xmp_count = len(_keys(image.xmpData()))
    iptc_count = len(_keys(image.iptcData()))

    found = _Found()
    found.exif(exif_keys)
    found.add(XMP, xmp_count)
    found.add(IPTC, iptc_count)
    counted_by_exiv2 = {OTHER_EXIF: bool(exif_groups), XMP: xmp_count > 0, IPTC: iptc_count > 0}

    kept_chunks: list[tuple[bytes, bytes]] = []
    exif_at: int | None = None
    for kind, body in chunks:
        if kind in _PNG_KEPT_CHUNKS:
            kept_chunks.append((kind, body))
        elif kind == b"eXIf":
            if exif_groups:
                exif_at = len(kept_chunks)  # replaced by an orientation-only eXIf below
            else:
                kept_chunks.append((kind, body))  # orientation only: kept as it is
        elif kind in _PNG_TEXT_CHUNKS:
            keyword = body.split(b"\x00", 1)[0].decode("latin-1")
            group = XMP if keyword == _PNG_XMP_KEYWORD else _PNG_RAW_PROFILES.get(keyword, "")
            if group:
                if not counted_by_exiv2.get(group, False):
                    found.add(group)
            else:
                found.add(_PNG_TEXT_GROUPS.get(keyword, TEXT))
        elif kind == b"tIME":
            found.add(DATES)
        else:
            found.add(OTHER)

    kept = _kept(
        orientation is not None,
        bool(kinds & _PNG_COLOUR_CHUNKS),
        animated=b"acTL" in kinds,
    )
    if not found.counts:
        return None, (), kept

    if orientation is not None and not any(kind == b"eXIf" for kind, _ in kept_chunks):
        if exif_at is None:  # the orientation came from a text chunk: put it before IDAT
            exif_at = next(i for i, (kind, _) in enumerate(kept_chunks) if kind == b"IDAT")
        kept_chunks.insert(exif_at, (b"eXIf", _png_orientation_exif(kept_chunks, orientation)))

    out = _ChunkSink()
    png.write_chunks(out, kept_chunks)
    return out.value(), found.groups(), kept


def _png_orientation_exif(chunks: list[tuple[bytes, bytes]], orientation: int) -> bytes:
    """The body of an ``eXIf`` chunk holding only the orientation, encoded by libexiv2."""
    sink = _ChunkSink()
    png.write_chunks(sink, [chunk for chunk in chunks if chunk[0] != b"eXIf"])
    image = _open_exiv2(sink.value())
    exif = exiv2.ExifData()
    exif[ORIENTATION_KEY] = exiv2.UShortValue(orientation)
    image.setExifData(exif)
    image.writeMetadata()
    written = png.Reader(bytes=_exiv2_bytes(image)).chunks()
    for kind, body in written:
        if bytes(kind) == b"eXIf":
            return bytes(body)
    raise ValueError("libexiv2 wrote no eXIf chunk")


class _ChunkSink:
    """A binary stream that ``png.write_chunks`` writes to, kept in memory."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def value(self) -> bytes:
        return b"".join(self._parts)


__all__ = [
    "GROUP_ORDER",
    "MetadataError",
    "RemovedGroup",
    "StripStatus",
    "Stripped",
    "strip_metadata",
]
