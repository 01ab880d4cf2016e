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

This module chooses what a source becomes and converts with Pillow; the parts are
:mod:`.heic` (HEIC/HEIF from libheif's buffer), :mod:`.shrinking` (:func:`shrink`),
:mod:`.decode` (Pillow's decoders, their cost, the picture turned upright), :mod:`.encode`
(the private file and what its encoder is given) and :mod:`.converted` (what they give back).
Their public names are imported from here.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..files import open_regular
from ..i18n import translate
from ..retry import CancelToken
from ..sniff import HEAD_SIZE, describe, sniff
from .budget import DECODING
from .converted import Converted as Converted
from .converted import NotShrunk as NotShrunk
from .converted import PrepareError as PrepareError
from .decode import cost, extras, found_in, has_alpha, icc, opened, render, shown_size
from .encode import JPEG_QUALITY as JPEG_QUALITY
from .encode import save
from .found import Found
from .heic import convert_heif
from .limits import MAX_PIXELS as MAX_PIXELS
from .shrinking import shrink as shrink

__all__ = ["MAX_PIXELS", "Converted", "NotShrunk", "PrepareError", "convert", "shrink"]

#: What a source type becomes: its name as :func:`describe` gives it, and Pillow's format.
CONVERTIBLE = {"HEIC": "heic", "HEIF": "heif", "AVIF": "avif", "BMP": "bmp", "TIFF": "tiff"}
#: Their MIME types: the desktop entry offers the app for these too ("Open With").
CONVERTIBLE_MIMES = frozenset({"image/heic", "image/heif", "image/avif", "image/bmp", "image/tiff"})
#: Lossless sources stay lossless.
LOSSLESS = {"bmp", "tiff"}
_HEIF = {"heic", "heif"}


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
        return convert_heif(path, out_dir, source, max_side, keep_metadata, cancel)
    with opened(path, cancel) as image:
        pages = getattr(image, "n_frames", 1)
        to_png = has_alpha(image) or source in LOSSLESS
        fmt = "png" if to_png else "jpeg"
        with DECODING.reserve(cost(image, max_side), cancel):
            # (Reading the EXIF may decode the picture: only within the budget.)
            shown = shown_size(image)
            kept = extras(image, keep_metadata)
            found = found_in(image) if not keep_metadata else Found()
            profile = icc(image)
            picture = render(path, image, max_side, cancel)
            target = save(picture, out_dir, path, fmt, profile, kept, cancel)
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
