"""Converting what the service refuses but the app can read, and shrinking on request.

HEIC/HEIF (pillow-heif), AVIF, BMP and TIFF (the first page) become JPEG when they are
photographs without alpha, PNG when they have alpha or are lossless (BMP, TIFF). A shrink
makes the long side at most N pixels, in the same format (an MPO's first picture as a JPEG;
a still GIF as a GIF; animations are not shrunk, and say so). Both re-encode, which is what
the person asked for; nothing else here does. The result looks like what the person saw (the
orientation is applied). The encoder is given the pixels and the colour profile, nothing
else (no ``info`` is copied over: Pillow's encoders would write a comment back from it), and
:mod:`.pipeline` then passes its output through the same allowlist rebuild as any file. With
"keep metadata" the source's EXIF (its orientation set to 1) and XMP are carried over instead.

Memory: every decode reserves what it will hold from :data:`.budget.DECODING` first, sized
from the image's header, which is checked against :data:`.limits.MAX_PIXELS` before any pixel
is decoded. JPEG sources that are shrunk are decoded at reduced size (DCT scaling). A HEIC is
decoded by libheif into one buffer and encoded from it in bands (:mod:`.bands`), so Pillow
never holds a second full-size copy.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LocalFileError
from ..files import open_regular
from ..i18n import translate
from ..paths import PRIVATE_FILE_MODE
from ..retry import CancelToken
from ..sniff import HEAD_SIZE, describe, sniff
from . import exif
from .bands import encode_jpeg, reduced
from .budget import DECODING
from .found import Found
from .limits import MAX_PIXELS, pillow, pillow_with_heif
from .source import not_written

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["MAX_PIXELS", "Converted", "NotShrunk", "PrepareError", "convert", "shrink"]

#: The quality of JPEGs made from photographs (HEIC, AVIF) or shrunk.
JPEG_QUALITY = 92
#: What a source type becomes: its name as :func:`describe` gives it, and Pillow's format.
CONVERTIBLE = {"HEIC": "heic", "HEIF": "heif", "AVIF": "avif", "BMP": "bmp", "TIFF": "tiff"}
#: Their MIME types: the desktop entry offers the app for these too ("Open With").
CONVERTIBLE_MIMES = frozenset({"image/heic", "image/heif", "image/avif", "image/bmp", "image/tiff"})
#: Lossless sources stay lossless.
LOSSLESS = {"bmp", "tiff"}
_HEIF = {"heic", "heif"}
#: Bytes Pillow holds per pixel, whatever the mode (RGB is stored as 4 bytes).
_PIXEL = 4
#: What libheif holds per pixel while it decodes, beyond its RGB(A) output (YCbCr 4:2:0).
_HEIF_PLANES = 1.5


class PrepareError(LocalFileError):
    """The image cannot be converted or shrunk; the message says why. Retrying won't help."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(path, message, retry_helps=False)


@dataclass(frozen=True)
class Converted:
    """A converted or shrunk copy, private to the user, to send instead of the original."""

    path: Path
    #: The part's file name: the original's, with the new extension.
    name: str
    mime: str
    converted_from: str | None = None
    resized_from: tuple[int, int] | None = None
    #: Something the person should know, in English for ``--json`` ("TIFF with 3 pages: only
    #: the first was sent"); the window says it from :attr:`pages`.
    note: str | None = None
    #: How many pages the source has when only the first was sent (the :attr:`note`), else 1.
    pages: int = 1
    #: What the source's metadata held (none of it was written into the copy).
    found: Found = field(default_factory=Found)


@dataclass(frozen=True)
class NotShrunk:
    """:func:`shrink` made no copy: small enough, or (``animated``) an animation, which is
    sent at its size."""

    animated: str | None = None


def convertible(path: Path) -> str | None:
    """The source format (``"heic"``…) if the file is one the app converts, else ``None``."""
    with open_regular(path)[0] as file:
        head = file.read(HEAD_SIZE)
    if sniff(head) is not None:
        return None
    return CONVERTIBLE.get(describe(head))


def convert(
    path: Path,
    out_dir: Path,
    *,
    max_side: int | None = None,
    keep_metadata: bool = False,
    cancel: CancelToken | None = None,
) -> Converted:
    """Convert ``path`` (HEIC, AVIF, BMP, TIFF) to JPEG or PNG in ``out_dir``.

    Raises :class:`PrepareError` for a damaged file, one that is too large, or a format the
    app does not convert.
    """
    source = convertible(path)
    if source is None:
        raise PrepareError(path, translate("Errors", "not a format uploader-gui converts"))
    if source in _HEIF:
        return _convert_heif(path, out_dir, source, max_side, keep_metadata, cancel)
    with _opened(path, cancel) as image:
        pages = getattr(image, "n_frames", 1)
        to_png = _has_alpha(image) or source in LOSSLESS
        fmt = "png" if to_png else "jpeg"
        with DECODING.reserve(_cost(image, max_side), cancel):
            # (Reading the EXIF may decode the picture: only within the budget.)
            shown = _shown_size(image)
            extras = _extras(image, keep_metadata)
            found = _found_in(image) if not keep_metadata else Found()
            icc = _icc(image)
            picture = _render(path, image, max_side, cancel)
            target = _save(picture, out_dir, path, fmt, icc, extras, cancel)
    note = (
        f"{source.upper()} with {pages} pages: only the first was sent"
        if pages > 1 and source == "tiff"
        else None
    )
    return Converted(
        target,
        f"{Path(os.fsdecode(path.name)).stem}.{'png' if to_png else 'jpg'}",
        "image/png" if to_png else "image/jpeg",
        converted_from=source,
        resized_from=shown if picture.size != shown else None,
        note=note,
        pages=pages if note else 1,
        found=found,
    )


def shrink(
    path: Path,
    out_dir: Path,
    max_side: int,
    *,
    keep_metadata: bool = False,
    cancel: CancelToken | None = None,
) -> Converted | NotShrunk:
    """A copy of an accepted image (PNG, JPEG and MPO, WebP, still GIF) whose long side is at
    most ``max_side``, in the same format; :class:`NotShrunk` if it is small enough or
    animated."""
    with _opened(path, cancel) as image:
        fmt = (image.format or "").lower()
        if fmt == "mpo":  # a phone's JPEG with further pictures: its first one
            fmt = "jpeg"
        if fmt not in ("png", "jpeg", "webp", "gif") or max(image.size) <= max_side:
            return NotShrunk()
        if fmt != "jpeg" and getattr(image, "n_frames", 1) > 1:
            return NotShrunk(animated=image.format)
        full = image.size
        if fmt == "jpeg":
            # DCT scaling: decode at the smallest size at least as large as the target.
            scale = max_side / max(full)
            image.draft("RGB", (int(full[0] * scale) + 1, int(full[1] * scale) + 1))
        with DECODING.reserve(_cost(image, max_side), cancel):
            # (A PNG's EXIF may come after its pictures: reading it decodes them.)
            turned = _orientation(image) in (5, 6, 7, 8)
            shown = (full[1], full[0]) if turned else full
            extras = _extras(image, keep_metadata)
            icc = _icc(image)
            smaller = _render(path, image, max_side, cancel)
            target = _save(smaller, out_dir, path, fmt, icc, extras, cancel)
    mime = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp", "gif": "image/gif"}
    name = os.fsdecode(path.name)
    return Converted(target, name, mime[fmt], resized_from=shown)


# --- HEIC / HEIF: libheif's buffer, encoded in bands -------------------------------------


def _convert_heif(
    path: Path,
    out_dir: Path,
    source: str,
    max_side: int | None,
    keep_metadata: bool,
    cancel: CancelToken | None,
) -> Converted:
    import pillow_heif

    pillow_with_heif()
    file, info = open_regular(path)
    with file:
        try:
            heif = pillow_heif.open_heif(file, convert_hdr_to_8bit=True)
            primary = heif[heif.primary_index]
            size: tuple[int, int] = primary.size
            mode: str = primary.mode
            metadata: dict[str, Any] = primary.info
        except (OSError, ValueError, SyntaxError, RuntimeError, EOFError, IndexError) as exc:
            raise PrepareError(path, _unreadable(exc)) from None
    width, height = size
    if width * height > MAX_PIXELS:
        raise PrepareError(path, _too_large(path, size))
    to_png = mode not in ("RGB", "L")
    found = Found()
    if not keep_metadata:
        if metadata.get("exif"):
            found.exif(metadata["exif"])
        if metadata.get("xmp"):
            found.xmp(metadata["xmp"])
    exif_data, xmp = None, None
    if keep_metadata:
        pillow_heif.set_orientation(metadata)  # libheif turned the pixels upright
        exif_data, xmp = metadata.get("exif"), metadata.get("xmp")
    icc = metadata.get("icc_profile") if isinstance(metadata.get("icc_profile"), bytes) else None
    per_pixel = len(mode) + _HEIF_PLANES
    with DECODING.reserve(int(width * height * per_pixel) + info.st_size, cancel):
        try:
            rows, stride = primary.data, primary.stride
        except (OSError, ValueError, SyntaxError, RuntimeError, EOFError) as exc:
            raise PrepareError(path, _undecodable(exc)) from None
        if cancel is not None:
            cancel.raise_if_cancelled()
        pil = pillow()
        shown = size
        fmt = "png" if to_png else "jpeg"
        picture: Image.Image | None = None
        if max_side is not None and max(size) > max_side:
            picture = reduced(pil, rows, stride, size, mode, max_side, cancel)
            target = _save(picture, out_dir, path, fmt, icc, (exif_data, xmp), cancel)
        elif to_png:
            picture = pil.frombuffer(mode, size, rows, "raw", mode, stride, 1)
            target = _save(picture, out_dir, path, fmt, icc, (exif_data, xmp), cancel)
        else:
            target = _new_file(out_dir, path, ".jpg")
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
        del rows, heif, primary
    final = picture.size if picture is not None else size
    return Converted(
        target,
        f"{Path(os.fsdecode(path.name)).stem}.{'png' if to_png else 'jpg'}",
        "image/png" if to_png else "image/jpeg",
        converted_from=source,
        resized_from=shown if final != shown else None,
        found=found,
    )


# --- Pillow's decoders --------------------------------------------------------------------


@contextlib.contextmanager
def _opened(path: Path, cancel: CancelToken | None) -> Iterator[Image.Image]:
    """The image, opened from its header only, refused if it declares too many pixels."""
    pil = pillow_with_heif()
    from PIL import UnidentifiedImageError

    file, _info = open_regular(path)
    with file:
        try:
            with warnings.catch_warnings():
                # Between one and two times the limit Pillow only warns: checked below.
                warnings.simplefilter("ignore", pil.DecompressionBombWarning)
                image = pil.open(file)
        except pil.DecompressionBombError:
            raise PrepareError(path, _too_large(path)) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
            raise PrepareError(path, _unreadable(exc)) from None
        with image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise PrepareError(path, _too_large(path, (width, height)))
            if cancel is not None:
                cancel.raise_if_cancelled()
            yield image


def _unreadable(exc: BaseException) -> str:
    return translate("Errors", "the image cannot be read: {reason}").format(reason=_said(exc))


def _undecodable(exc: BaseException) -> str:
    return translate("Errors", "the image cannot be decoded: {reason}").format(reason=_said(exc))


def _said(exc: BaseException) -> str:
    """What an exception says, on one line, for a person (its kind when it says nothing)."""
    text = " ".join(str(exc).split())
    return text[:200] if text else type(exc).__name__


def _too_large(path: Path, size: tuple[int, int] | None = None) -> str:
    megapixels = MAX_PIXELS // 1_000_000
    if size is None:
        message = translate(
            "Errors",
            "the image has too many pixels: more than the {megapixels} megapixels uploader-gui "
            "converts or shrinks (it may be a decompression bomb)",
        )
        return message.format(megapixels=megapixels)
    message = translate(
        "Errors",
        "the image has too many pixels ({width} x {height}): more than the {megapixels} "
        "megapixels uploader-gui converts or shrinks (it may be a decompression bomb)",
    )
    return message.format(width=size[0], height=size[1], megapixels=megapixels)


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(exif.ORIENTATION, 1)
    except Exception:  # a damaged EXIF block: the picture as it is stored
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _shown_size(image: Image.Image) -> tuple[int, int]:
    """The size as the image is shown: width and height swap for a quarter turn."""
    width, height = image.size
    if _orientation(image) in (5, 6, 7, 8):
        return height, width
    return width, height


def _cost(image: Image.Image, max_side: int | None) -> int:
    """What decoding ``image`` (its draft size, when one is set) will hold at most: the
    decoded frame, a converted copy of it, and the shrunk copy or (at full size) the copy
    turned upright. (From the header alone: nothing is decoded to know it.)"""
    width, height = image.size
    pixels = width * height
    copies = 2 if image.mode not in ("RGB", "RGBA", "L") else 1
    if max_side is None:
        copies += 1  # it may be turned upright at full size
    return pixels * _PIXEL * copies + (pixels * _PIXEL // 4 if max_side else 0)


def _found_in(image: Image.Image) -> Found:
    """What the source's metadata held (its EXIF and XMP), for the row and ``--json``."""
    found = Found()
    with contextlib.suppress(Exception):  # a damaged block is not sent either way
        data = image.getexif().tobytes()
        if len(data) > 16:
            found.exif(data)
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    if isinstance(xmp, (bytes, str)) and xmp:
        found.xmp(xmp.encode() if isinstance(xmp, str) else xmp)
    return found


def _extras(image: Image.Image, keep: bool) -> tuple[bytes | None, bytes | None]:
    """The source's EXIF (orientation set to 1: the copy is upright) and XMP, when the
    person asked to keep metadata; else nothing."""
    if not keep:
        return None, None
    exif_data: bytes | None = None
    with contextlib.suppress(Exception):
        found = image.getexif()
        if len(found):
            if exif.ORIENTATION in found:
                found[exif.ORIENTATION] = 1
            exif_data = found.tobytes()
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    if isinstance(xmp, str):
        xmp = xmp.encode()
    return exif_data, xmp if isinstance(xmp, bytes) and xmp else None


def _icc(image: Image.Image) -> bytes | None:
    icc = image.info.get("icc_profile")
    return icc if isinstance(icc, bytes) and icc else None


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info


def _render(
    path: Path, image: Image.Image, max_side: int | None, cancel: CancelToken | None
) -> Image.Image:
    """The first frame, decoded, turned upright, and shrunk to ``max_side`` if larger; a new
    image with no ``info`` of the source's."""
    pil = pillow()
    try:
        image.seek(0)
        mode = "RGBA" if _has_alpha(image) else "RGB"
        if image.mode == "L" and mode == "RGB":
            mode = "L"
        image.load()
        # One full-size copy at most: an image already in its mode is used as it is.
        frame = image if image.mode == mode else image.convert(mode)
    except (OSError, SyntaxError, ValueError, EOFError, pil.DecompressionBombError) as exc:
        raise PrepareError(path, _undecodable(exc)) from None
    if cancel is not None:
        cancel.raise_if_cancelled()
    if max_side is not None and max(frame.size) > max_side:
        frame.thumbnail((max_side, max_side), pil.Resampling.LANCZOS)
    turn = pil.Transpose
    method = {
        2: turn.FLIP_LEFT_RIGHT,
        3: turn.ROTATE_180,
        4: turn.FLIP_TOP_BOTTOM,
        5: turn.TRANSPOSE,
        6: turn.ROTATE_270,
        7: turn.TRANSVERSE,
        8: turn.ROTATE_90,
    }.get(_orientation(image))
    if method is not None:
        frame = frame.transpose(method)
    frame.info = {}  # nothing of the source's reaches the encoder
    return frame


def _new_file(out_dir: Path, source: Path, suffix: str) -> Path:
    """A new private file in ``out_dir`` named after ``source`` (created, empty)."""
    for attempt in range(1000):
        target = out_dir / f"{Path(os.fsdecode(source.name)).stem[:80]}-{attempt}{suffix}"
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        except FileExistsError:
            continue
        os.close(fd)
        return target
    message = translate("Errors", "no free file name in {folder}")
    raise PrepareError(source, message.format(folder=out_dir))


def _save(
    image: Image.Image,
    out_dir: Path,
    source: Path,
    fmt: str,
    icc: bytes | None,
    extras: tuple[bytes | None, bytes | None],
    cancel: CancelToken | None,
) -> Path:
    """Encode ``image`` into a new private file in ``out_dir``: its pixels and colour profile,
    and the source's EXIF and XMP only when they were kept (``extras``)."""
    if cancel is not None:
        cancel.raise_if_cancelled()
    suffix = {"jpeg": ".jpg", "png": ".png", "webp": ".webp", "gif": ".gif"}[fmt]
    target = _new_file(out_dir, source, suffix)
    options: dict[str, object] = {}
    if icc:
        options["icc_profile"] = icc
    exif_data, xmp = extras
    if exif_data:
        options["exif"] = exif_data
    if xmp and fmt in ("jpeg", "png", "webp"):
        options["xmp"] = xmp
    if fmt == "jpeg":
        options.update(quality=JPEG_QUALITY, optimize=True)
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
    elif fmt == "webp":
        options.update(quality=JPEG_QUALITY)
    elif fmt == "gif":
        options.pop("exif", None)
    image.info = {}
    try:
        with open(target, "wb") as file:
            image.save(file, format=fmt.upper(), **options)
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise not_written(source, exc) from None
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target
