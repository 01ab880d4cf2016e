"""Pillow's decoders, for converting and shrinking: opening, what decoding will cost, the
picture as the person saw it, and the source's metadata.

Memory: an image is opened from its header only, and refused if it declares more than
:data:`.limits.MAX_PIXELS` before any pixel is decoded; :func:`cost` says, from that header,
what decoding it will hold, to be reserved from :data:`.budget.DECODING` first.

:func:`render` gives the encoder a new image with no ``info`` of the source's: the pixels,
turned upright, and nothing else. The source's EXIF and XMP reach a copy only through
:func:`extras`, when the person asked to keep metadata.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..files import open_regular
from ..retry import CancelToken
from . import exif
from .converted import PrepareError, too_large, undecodable, unreadable
from .found import Found
from .limits import MAX_PIXELS, pillow, pillow_with_heif

if TYPE_CHECKING:
    from PIL import Image

#: Bytes Pillow holds per pixel, whatever the mode (RGB is stored as 4 bytes).
_PIXEL = 4


@contextlib.contextmanager
def opened(path: Path, cancel: CancelToken | None) -> Iterator[Image.Image]:
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
            raise PrepareError(path, too_large(path)) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
            raise PrepareError(path, unreadable(exc)) from None
        with image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise PrepareError(path, too_large(path, (width, height)))
            if cancel is not None:
                cancel.raise_if_cancelled()
            yield image


def orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(exif.ORIENTATION, 1)
    except Exception:  # a damaged EXIF block: the picture as it is stored
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def shown_size(image: Image.Image) -> tuple[int, int]:
    """The size as the image is shown: width and height swap for a quarter turn."""
    width, height = image.size
    if orientation(image) in (5, 6, 7, 8):
        return height, width
    return width, height


def cost(image: Image.Image, max_side: int | None) -> int:
    """What decoding ``image`` (its draft size, when one is set) will hold at most: the
    decoded frame, a converted copy of it, and the shrunk copy or (at full size) the copy
    turned upright. (From the header alone: nothing is decoded to know it.)"""
    width, height = image.size
    pixels = width * height
    copies = 2 if image.mode not in ("RGB", "RGBA", "L") else 1
    if max_side is None:
        copies += 1  # it may be turned upright at full size
    return pixels * _PIXEL * copies + (pixels * _PIXEL // 4 if max_side else 0)


def found_in(image: Image.Image) -> Found:
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


def extras(image: Image.Image, keep: bool) -> tuple[bytes | None, bytes | None]:
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


def icc(image: Image.Image) -> bytes | None:
    profile = image.info.get("icc_profile")
    return profile if isinstance(profile, bytes) and profile else None


def has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info


def render(
    path: Path, image: Image.Image, max_side: int | None, cancel: CancelToken | None
) -> Image.Image:
    """The first frame, decoded, turned upright, and shrunk to ``max_side`` if larger; a new
    image with no ``info`` of the source's."""
    pil = pillow()
    try:
        image.seek(0)
        mode = "RGBA" if has_alpha(image) else "RGB"
        if image.mode == "L" and mode == "RGB":
            mode = "L"
        image.load()
        # One full-size copy at most: an image already in its mode is used as it is.
        frame = image if image.mode == mode else image.convert(mode)
    except (OSError, SyntaxError, ValueError, EOFError, pil.DecompressionBombError) as exc:
        raise PrepareError(path, undecodable(exc)) from None
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
    }.get(orientation(image))
    if method is not None:
        frame = frame.transpose(method)
    frame.info = {}  # nothing of the source's reaches the encoder
    return frame
