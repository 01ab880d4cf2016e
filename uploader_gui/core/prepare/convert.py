"""Converting what the service refuses but the app can read, and shrinking on request.

HEIC/HEIF (pillow-heif), AVIF, BMP and TIFF (the first page) become JPEG when they are
photographs without alpha, PNG when they have alpha or are lossless (BMP, TIFF). A shrink
makes the long side at most N pixels, in the same format. Both re-encode, which is what the
person asked for; nothing else here does. The result looks like what the person saw (the
orientation is applied), keeps the colour profile, and carries no other metadata.

Images are checked against :data:`MAX_PIXELS` from their header, before any pixel is
decoded: a small file that declares a huge image (a decompression bomb) is refused in
bounded memory. JPEG sources that are shrunk are decoded at reduced size (DCT scaling).
"""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import LocalFileError
from ..files import open_regular
from ..i18n import translate
from ..paths import PRIVATE_FILE_MODE
from ..retry import CancelToken
from ..sniff import HEAD_SIZE, describe, sniff

if TYPE_CHECKING:
    from PIL import Image

#: The largest image converted or shrunk, in pixels: a decoded copy of it (4 bytes a pixel)
#: and the encoder's buffers stay within 300 MB.
MAX_PIXELS = 50_000_000
#: The quality of JPEGs made from photographs (HEIC, AVIF) or shrunk.
JPEG_QUALITY = 92
#: What a source type becomes: its name as :func:`describe` gives it, and Pillow's format.
CONVERTIBLE = {"HEIC": "heic", "HEIF": "heif", "AVIF": "avif", "BMP": "bmp", "TIFF": "tiff"}
#: Their MIME types: the desktop entry offers the app for these too ("Open With").
CONVERTIBLE_MIMES = frozenset({"image/heic", "image/heif", "image/avif", "image/bmp", "image/tiff"})
#: Lossless sources stay lossless.
LOSSLESS = {"bmp", "tiff"}
_ORIENTATION = 0x0112


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


def convertible(path: Path) -> str | None:
    """The source format (``"heic"``…) if the file is one the app converts, else ``None``."""
    with open_regular(path)[0] as file:
        head = file.read(HEAD_SIZE)
    if sniff(head) is not None:
        return None
    return CONVERTIBLE.get(describe(head))


def convert(
    path: Path, out_dir: Path, *, max_side: int | None = None, cancel: CancelToken | None = None
) -> Converted:
    """Convert ``path`` (HEIC, AVIF, BMP, TIFF) to JPEG or PNG in ``out_dir``.

    Raises :class:`PrepareError` for a damaged file, one that is too large, or a format the
    app does not convert.
    """
    source = convertible(path)
    if source is None:
        raise PrepareError(path, translate("Errors", "not a format uploader-gui converts"))
    with _opened(path, cancel) as image:
        pages = getattr(image, "n_frames", 1)
        alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        to_png = alpha or source in LOSSLESS
        shown = _shown_size(image)  # (before _render, which may shrink the image in place)
        converted = _render(path, image, max_side, cancel)
        note = (
            f"{source.upper()} with {pages} pages: only the first was sent"
            if pages > 1 and source == "tiff"
            else None
        )
        target = _save(
            converted,
            out_dir,
            path,
            "png" if to_png else "jpeg",
            image.info.get("icc_profile"),
            cancel,
        )
        return Converted(
            target,
            f"{Path(os.fsdecode(path.name)).stem}.{'png' if to_png else 'jpg'}",
            "image/png" if to_png else "image/jpeg",
            converted_from=source,
            resized_from=shown if converted.size != shown else None,
            note=note,
            pages=pages if note else 1,
        )


def shrink(
    path: Path, out_dir: Path, max_side: int, *, cancel: CancelToken | None = None
) -> Converted | None:
    """A copy of an accepted image (PNG, JPEG, WebP) whose long side is at most
    ``max_side``, in the same format; ``None`` if it is small enough (or animated)."""
    with _opened(path, cancel) as image:
        fmt = (image.format or "").lower()
        if fmt not in ("png", "jpeg", "webp") or getattr(image, "n_frames", 1) > 1:
            return None
        shown = _shown_size(image)
        if max(shown) <= max_side:
            return None
        if fmt == "jpeg":
            # DCT scaling: decode at the smallest size at least as large as the target.
            scale = max_side / max(shown)
            image.draft("RGB", (int(image.size[0] * scale) + 1, int(image.size[1] * scale) + 1))
        smaller = _render(path, image, max_side, cancel)
        target = _save(smaller, out_dir, path, fmt, image.info.get("icc_profile"), cancel)
        mime = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}[fmt]
        name = os.fsdecode(path.name)
        return Converted(target, name, mime, resized_from=shown)


@contextlib.contextmanager
def _opened(path: Path, cancel: CancelToken | None) -> Iterator[Image.Image]:
    """The image, opened from its header only, refused if it declares too many pixels."""
    from PIL import Image, UnidentifiedImageError

    register_heif()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # Pillow's own guard, set explicitly
    file, _info = open_regular(path)
    with file:
        try:
            with warnings.catch_warnings():
                # Between one and two times the limit Pillow only warns: checked below.
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                image = Image.open(file)
        except Image.DecompressionBombError:
            raise PrepareError(path, _too_large(path)) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            message = translate("Errors", "the image cannot be read: {reason}")
            raise PrepareError(path, message.format(reason=exc)) from None
        with image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise PrepareError(path, _too_large(path, (width, height)))
            if cancel is not None:
                cancel.raise_if_cancelled()
            yield image


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


def _shown_size(image: Image.Image) -> tuple[int, int]:
    """The size as the image is shown: width and height swap for a quarter turn."""
    width, height = image.size
    if image.getexif().get(_ORIENTATION, 1) in (5, 6, 7, 8):
        return height, width
    return width, height


def _render(
    path: Path, image: Image.Image, max_side: int | None, cancel: CancelToken | None
) -> Image.Image:
    """The first frame, decoded, turned upright, and shrunk to ``max_side`` if larger."""
    from PIL import Image

    try:
        image.seek(0)
        mode = "RGBA" if _has_alpha(image) else "RGB"
        image.load()
        # One full-size copy at most: an image already in its mode is used as it is.
        frame = image if image.mode == mode else image.convert(mode)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        message = translate("Errors", "the image cannot be decoded: {reason}")
        raise PrepareError(path, message.format(reason=exc)) from None
    if cancel is not None:
        cancel.raise_if_cancelled()
    if max_side is not None and max(frame.size) > max_side:
        frame.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    orientation = image.getexif().get(_ORIENTATION, 1)
    if orientation != 1:
        method = {
            2: Image.Transpose.FLIP_LEFT_RIGHT,
            3: Image.Transpose.ROTATE_180,
            4: Image.Transpose.FLIP_TOP_BOTTOM,
            5: Image.Transpose.TRANSPOSE,
            6: Image.Transpose.ROTATE_270,
            7: Image.Transpose.TRANSVERSE,
            8: Image.Transpose.ROTATE_90,
        }.get(orientation)
        if method is not None:
            frame = frame.transpose(method)
    return frame


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


def _save(
    image: Image.Image,
    out_dir: Path,
    source: Path,
    fmt: str,
    icc: object,
    cancel: CancelToken | None,
) -> Path:
    """Encode ``image`` into a new private file in ``out_dir``, with the colour profile only."""
    if cancel is not None:
        cancel.raise_if_cancelled()
    suffix = {"jpeg": ".jpg", "png": ".png", "webp": ".webp"}[fmt]
    fd = -1
    for attempt in range(1000):
        target = out_dir / f"{Path(os.fsdecode(source.name)).stem[:80]}-{attempt}{suffix}"
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
            break
        except FileExistsError:
            continue
    if fd < 0:
        message = translate("Errors", "no free file name in {folder}")
        raise PrepareError(source, message.format(folder=out_dir))
    options: dict[str, object] = {}
    if isinstance(icc, bytes) and icc:
        options["icc_profile"] = icc
    if fmt == "jpeg":
        options.update(quality=JPEG_QUALITY, optimize=True)
        if image.mode == "RGBA":
            image = image.convert("RGB")
    elif fmt == "webp":
        options.update(quality=JPEG_QUALITY)
    try:
        with os.fdopen(fd, "wb") as file:
            image.save(file, format=fmt.upper(), **options)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


_heif_registered = False


def register_heif() -> None:
    global _heif_registered
    if not _heif_registered:
        import pillow_heif

        pillow_heif.register_heif_opener()
        _heif_registered = True
