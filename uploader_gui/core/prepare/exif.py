"""EXIF, read and written: the TIFF structure inside a JPEG's ``APP1``, a PNG's ``eXIf`` and a
WebP's ``EXIF`` chunk (Exif 2.3, TIFF 6.0).

Only two things are taken from it: the orientation (kept: it changes how the picture is shown)
and, for telling the person what was removed, which fields it holds. What is sent is never the
original EXIF but :func:`orientation_only`, written here with nothing else in it.

Reading never raises: a damaged directory simply ends the walk.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import Final

ORIENTATION: Final = 0x0112
#: Sub-directories, followed from IFD0 (their pointers are structure, not information).
EXIF_IFD: Final = 0x8769
GPS_IFD: Final = 0x8825
INTEROP_IFD: Final = 0xA005
_POINTERS: Final = {EXIF_IFD: "exif", GPS_IFD: "gps", INTEROP_IFD: "interop"}
#: The prefix of EXIF in a JPEG segment (and, from some writers, in a WebP chunk).
PREFIX: Final = b"Exif\x00\x00"
_SHORT: Final = 3
_LONG: Final = 4
_MAX_ENTRIES: Final = 1000
_MAX_DIRECTORIES: Final = 16


def _header(data: bytes) -> tuple[str, int] | None:
    if data[:4] == b"II*\x00":
        order = "<"
    elif data[:4] == b"MM\x00*":
        order = ">"
    else:
        return None
    (first,) = struct.unpack(order + "I", data[4:8])
    return order, first


def tiff_of(data: bytes) -> bytes:
    """The TIFF structure in an EXIF block, with or without its ``Exif\\0\\0`` prefix."""
    return data[len(PREFIX) :] if data.startswith(PREFIX) else data


def fields(data: bytes) -> Iterator[tuple[str, int]]:
    """``(directory, tag)`` of every field: directories ``ifd0``, ``exif``, ``gps``,
    ``interop`` and ``ifd1`` (the thumbnail's). Pointers to sub-directories are not fields."""
    data = tiff_of(data)
    header = _header(data)
    if header is None:
        return
    order, first = header
    pending: list[tuple[str, int]] = [("ifd0", first)]
    seen: set[int] = set()
    while pending and len(seen) < _MAX_DIRECTORIES:
        name, offset = pending.pop(0)
        if offset in seen or not 8 <= offset <= len(data) - 2:
            continue
        seen.add(offset)
        (count,) = struct.unpack_from(order + "H", data, offset)
        count = min(count, _MAX_ENTRIES, (len(data) - offset - 2) // 12)
        for index in range(count):
            tag, _kind, _n = struct.unpack_from(order + "HHI", data, offset + 2 + 12 * index)
            if tag in _POINTERS and name in ("ifd0", "exif"):
                (target,) = struct.unpack_from(order + "I", data, offset + 2 + 12 * index + 8)
                pending.append((_POINTERS[tag], target))
            else:
                yield name, tag
        after = offset + 2 + 12 * count
        if name == "ifd0" and after + 4 <= len(data):
            (next_ifd,) = struct.unpack_from(order + "I", data, after)
            if next_ifd:
                pending.append(("ifd1", next_ifd))


def orientation(data: bytes) -> int | None:
    """The orientation (1 to 8) IFD0 gives; ``None`` if it gives none (or a value out of range)."""
    value = first_value(data, ORIENTATION)
    return value if value is not None and 1 <= value <= 8 else None


def first_value(data: bytes, tag: int) -> int | None:
    """The value of a SHORT or LONG field in IFD0; ``None`` if there is none."""
    data = tiff_of(data)
    header = _header(data)
    if header is None:
        return None
    order, offset = header
    if not 8 <= offset <= len(data) - 2:
        return None
    (count,) = struct.unpack_from(order + "H", data, offset)
    count = min(count, _MAX_ENTRIES, (len(data) - offset - 2) // 12)
    for index in range(count):
        at = offset + 2 + 12 * index
        found, kind, n = struct.unpack_from(order + "HHI", data, at)
        if found == tag and n >= 1 and kind in (_SHORT, _LONG):
            (value,) = struct.unpack_from(order + ("H" if kind == _SHORT else "I"), data, at + 8)
            return int(value)
    return None


def byte_order(data: bytes) -> str:
    """``"<"`` or ``">"``: the original's, so that a rewrite of a clean EXIF is identical."""
    header = _header(tiff_of(data))
    return header[0] if header is not None else "<"


def orientation_only(value: int, order: str = "<") -> bytes:
    """A TIFF structure holding one directory with one field: the orientation."""
    mark = b"II*\x00" if order == "<" else b"MM\x00*"
    return (
        mark
        + struct.pack(order + "I", 8)
        + struct.pack(order + "H", 1)
        + struct.pack(order + "HHIH2x", ORIENTATION, _SHORT, 1, value)
        + struct.pack(order + "I", 0)
    )
