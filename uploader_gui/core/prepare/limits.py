"""The image decoders' limits, set once, the first time an image library is loaded.

Pillow's pixel limit (``Image.MAX_IMAGE_PIXELS``) is one global shared by every thread: it is
set here, once, to :data:`MAX_PIXELS`, and never changed afterwards, so whether a file can be
opened never depends on which file came before it. Every part of the app that decodes loads
Pillow through :func:`pillow` (or :func:`pillow_with_heif`, which also registers the HEIC/HEIF
opener), never by importing it directly; the libraries stay off the start-up path until then.

Stripping needs no decoding at all (the container walkers read no pixel), so a 200-megapixel
photo is stripped and sent like any other. :data:`MAX_PIXELS` bounds what is *decoded*
(converted, shrunk, previewed): the size a file declares is checked against it before any
pixel is decoded.
"""

from __future__ import annotations

import threading
from types import ModuleType
from typing import Final

#: The most pixels a decoded image may have: a 200-megapixel phone photo (16320 x 12240)
#: fits; a few-kilobyte file declaring 30,000 x 30,000 does not.
MAX_PIXELS: Final = 300_000_000

_lock = threading.Lock()
_pillow: ModuleType | None = None
_heif = False


def pillow() -> ModuleType:
    """``PIL.Image``, with its pixel limit set (the first call sets it)."""
    global _pillow
    with _lock:
        if _pillow is None:
            from PIL import Image

            Image.MAX_IMAGE_PIXELS = MAX_PIXELS
            _pillow = Image
        return _pillow


def pillow_with_heif() -> ModuleType:
    """:func:`pillow`, with HEIC/HEIF files readable (pillow-heif, libheif)."""
    global _heif
    image = pillow()
    with _lock:
        if not _heif:
            import pillow_heif

            pillow_heif.register_heif_opener()
            _heif = True
    return image
