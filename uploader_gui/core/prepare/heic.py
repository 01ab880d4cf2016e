"""HEIC / HEIF to JPEG or PNG: libheif's buffer, encoded in bands.

A HEIC is decoded by libheif (pillow-heif) into one buffer and encoded from it in bands
(:mod:`.bands`), so Pillow never holds a second full-size copy. It becomes a JPEG, or a PNG
when it has alpha. The size it declares is checked against :data:`.limits.MAX_PIXELS` before
any pixel is decoded, and the decode reserves what it will hold from :data:`.budget.DECODING`
first; the buffer is let go before that reservation is.

The result is upright (libheif applies the orientation). The encoder is given the pixels and
the colour profile; with "keep metadata" the source's EXIF (its orientation set to 1) and XMP
too, else nothing of the source's metadata: :func:`_found` only names what it held.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType
from typing import Any

from ..files import open_regular
from ..retry import CancelToken
from .bands import encode_jpeg, reduced
from .budget import DECODING
from .converted import Converted, PrepareError, too_large, undecodable, unreadable
from .encode import JPEG_QUALITY, new_file, save
from .found import Found
from .limits import MAX_PIXELS, pillow, pillow_with_heif
from .source import not_written

#: What libheif holds per pixel while it decodes, beyond its RGB(A) output (YCbCr 4:2:0).
_HEIF_PLANES = 1.5

_Extras = tuple[bytes | None, bytes | None]


def convert_heif(
    path: Path,
    out_dir: Path,
    source: str,
    max_side: int | None,
    keep_metadata: bool,
    cancel: CancelToken | None,
) -> Converted:
    """``path`` (``source``: ``"heic"`` or ``"heif"``) as a JPEG or PNG in ``out_dir``, its
    long side at most ``max_side`` if one is given."""
    import pillow_heif

    pillow_with_heif()
    heif, primary, size, mode, metadata, file_size = _open(path)
    width, height = size
    if width * height > MAX_PIXELS:
        raise PrepareError(path, too_large(path, size))
    to_png = mode not in ("RGB", "L")
    found = Found() if keep_metadata else _found(metadata)
    kept: _Extras = (None, None)
    if keep_metadata:
        pillow_heif.set_orientation(metadata)  # libheif turned the pixels upright
        kept = metadata.get("exif"), metadata.get("xmp")
    icc = metadata.get("icc_profile") if isinstance(metadata.get("icc_profile"), bytes) else None
    per_pixel = len(mode) + _HEIF_PLANES
    with DECODING.reserve(int(width * height * per_pixel) + file_size, cancel):
        target, final = _encode(
            path, out_dir, primary, size, mode, to_png, max_side, icc, kept, cancel
        )
        del heif, primary  # libheif's buffer goes within the reservation
    return Converted(
        target,
        f"{Path(os.fsdecode(path.name)).stem}.{'png' if to_png else 'jpg'}",
        "image/png" if to_png else "image/jpeg",
        converted_from=source,
        resized_from=size if final != size else None,
        found=found,
    )


def _open(path: Path) -> tuple[Any, Any, tuple[int, int], str, dict[str, Any], int]:
    """libheif's file, its primary image, and that image's size, mode and metadata (from the
    header: no pixel is decoded yet); and the file's size."""
    import pillow_heif

    file, info = open_regular(path)
    with file:
        try:
            heif = pillow_heif.open_heif(file, convert_hdr_to_8bit=True)
            primary = heif[heif.primary_index]
            size: tuple[int, int] = primary.size
            mode: str = primary.mode
            metadata: dict[str, Any] = primary.info
        except (OSError, ValueError, SyntaxError, RuntimeError, EOFError, IndexError) as exc:
            raise PrepareError(path, unreadable(exc)) from None
    return heif, primary, size, mode, metadata, info.st_size


def _found(metadata: dict[str, Any]) -> Found:
    """What the source's metadata held (none of it is written into the copy)."""
    found = Found()
    if metadata.get("exif"):
        found.exif(metadata["exif"])
    if metadata.get("xmp"):
        found.xmp(metadata["xmp"])
    return found


def _encode(
    path: Path,
    out_dir: Path,
    primary: Any,
    size: tuple[int, int],
    mode: str,
    to_png: bool,
    max_side: int | None,
    icc: bytes | None,
    extras: _Extras,
    cancel: CancelToken | None,
) -> tuple[Path, tuple[int, int]]:
    """Decode ``primary`` (within the caller's reservation) and write it to a new private
    file in ``out_dir``: shrunk, as a PNG, or as a JPEG made in bands. Also returns the size
    of the picture written."""
    try:
        rows, stride = primary.data, primary.stride
    except (OSError, ValueError, SyntaxError, RuntimeError, EOFError) as exc:
        raise PrepareError(path, undecodable(exc)) from None
    if cancel is not None:
        cancel.raise_if_cancelled()
    pil = pillow()
    fmt = "png" if to_png else "jpeg"
    if max_side is not None and max(size) > max_side:
        picture = reduced(pil, rows, stride, size, mode, max_side, cancel)
        return save(picture, out_dir, path, fmt, icc, extras, cancel), picture.size
    if to_png:
        picture = pil.frombuffer(mode, size, rows, "raw", mode, stride, 1)
        return save(picture, out_dir, path, fmt, icc, extras, cancel), picture.size
    return _write_jpeg(path, out_dir, pil, rows, stride, size, mode, icc, extras, cancel), size


def _write_jpeg(
    path: Path,
    out_dir: Path,
    pil: ModuleType,
    rows: bytes,
    stride: int,
    size: tuple[int, int],
    mode: str,
    icc: bytes | None,
    extras: _Extras,
    cancel: CancelToken | None,
) -> Path:
    """The full-size JPEG, encoded from libheif's rows a band at a time."""
    exif_data, xmp = extras
    target = new_file(out_dir, path, ".jpg")
    try:
        with open(target, "wb") as out:
            encode_jpeg(
                pil, rows, stride, size, mode, out, JPEG_QUALITY,
                icc, exif_data, xmp, cancel,
            )  # fmt: skip
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise not_written(path, exc) from None
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target
