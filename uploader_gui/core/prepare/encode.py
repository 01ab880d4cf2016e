"""Writing a converted or shrunk copy: a new private file, and what its encoder is given.

The encoder is given the pixels and the colour profile, nothing else (no ``info`` is copied
over: Pillow's encoders would write a comment back from it). With "keep metadata" the
source's EXIF (its orientation set to 1) and XMP are carried over instead. :mod:`.pipeline`
then passes the output through the same allowlist rebuild as any file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import translate
from ..paths import PRIVATE_FILE_MODE
from ..retry import CancelToken
from .converted import PrepareError
from .source import not_written

if TYPE_CHECKING:
    from PIL import Image

#: The quality of JPEGs made from photographs (HEIC, AVIF) or shrunk.
JPEG_QUALITY = 92


def new_file(out_dir: Path, source: Path, suffix: str) -> Path:
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


def save(
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
    target = new_file(out_dir, source, suffix)
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
