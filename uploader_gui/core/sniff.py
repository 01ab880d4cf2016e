"""Tell an image's type from its first bytes, never from its name.

The service accepts PNG, JPEG, WebP and GIF and checks the part's declared type against the
content, so the type we declare must come from the bytes: a ``.png`` holding JPEG data is
sent as ``image/jpeg``. Anything else is named (BMP, TIFF, SVG, HEIC…) so the refusal tells
the user what the file really is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import LocalFileError, UnsupportedTypeError
from .files import FileSignature, open_regular, unreadable
from .i18n import QT_TRANSLATE_NOOP, translate

#: How many leading bytes :func:`sniff` looks at.
HEAD_SIZE = 512


@dataclass(frozen=True)
class ImageType:
    name: str
    mime: str
    extension: str


PNG = ImageType("PNG", "image/png", "png")
JPEG = ImageType("JPEG", "image/jpeg", "jpg")
WEBP = ImageType("WebP", "image/webp", "webp")
GIF = ImageType("GIF", "image/gif", "gif")

#: The types the service accepts, in the order we name them to users.
ACCEPTED: tuple[ImageType, ...] = (PNG, JPEG, WEBP, GIF)
ACCEPTED_MIMES: frozenset[str] = frozenset(t.mime for t in ACCEPTED)


def sniff(head: bytes) -> ImageType | None:
    """The accepted image type whose signature ``head`` starts with, or ``None``."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    return None


_ISO_BRANDS = {
    b"heic": "HEIC",
    b"heix": "HEIC",
    b"hevc": "HEIC",
    b"heim": "HEIC",
    b"heis": "HEIC",
    b"mif1": "HEIF",
    b"msf1": "HEIF",
    b"avif": "AVIF",
    b"avis": "AVIF",
}
#: What :func:`describe` calls an ISO media file that is not an image.
_ISO_MEDIA = QT_TRANSLATE_NOOP("Errors", "a video or ISO media file")


def describe(head: bytes) -> str:
    """A short human name for what ``head`` is, for messages ("BMP", "text", …).

    Always English (the app compares it: "HEIC" is converted); a message shows it with
    ``translate("Errors", described)``: the phrases are marked for translation here.
    """
    found = sniff(head)
    if found is not None:
        return found.name
    if not head:
        return QT_TRANSLATE_NOOP("Errors", "an empty file")
    if head.startswith(b"BM"):
        return "BMP"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "TIFF"
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return _ISO_BRANDS.get(head[8:12], _ISO_MEDIA)
    if head.startswith(b"%PDF"):
        return "PDF"
    if head.startswith(b"\x00\x00\x01\x00"):
        return "ICO"
    if head.startswith((b"8BPS",)):
        return "PSD"
    if head.startswith(b"PK\x03\x04"):
        return QT_TRANSLATE_NOOP("Errors", "a ZIP archive")
    text = _as_text(head)
    if text is not None:
        lowered = text.lstrip("\ufeff \t\r\n").lower()
        if "<svg" in lowered and lowered.startswith(("<?xml", "<svg", "<!--", "<!doctype svg")):
            return "SVG"
        return QT_TRANSLATE_NOOP("Errors", "text")
    return QT_TRANSLATE_NOOP("Errors", "unknown data")


def _as_text(head: bytes) -> str | None:
    if b"\x00" in head:
        return None
    try:
        # A multi-byte character may be cut at the end of the head.
        return head.decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:
            return head[: exc.start].decode("utf-8")
        return None


def _sniff_open_file(path: Path, file: BinaryIO, size: int) -> ImageType:
    """The type of an open regular file (see :func:`.files.open_regular`), which must be a
    non-empty accepted image. The file is left positioned at its start."""
    if size == 0:
        raise LocalFileError(path, translate("Errors", "the file is empty"))
    head = file.read(HEAD_SIZE)
    file.seek(0)
    found = sniff(head)
    if found is None:
        raise UnsupportedTypeError(path, describe(head))
    return found


@dataclass(frozen=True)
class OpenedImage:
    """A file opened for upload: the open file, its type from its bytes, its size, and the
    signature it had when it was opened (to tell, after sending, whether it changed)."""

    file: BinaryIO
    image_type: ImageType
    size: int
    signature: FileSignature


def open_upload(path: Path | str) -> OpenedImage:
    """Open ``path`` for upload, never blocking (see :func:`.files.open_regular`).

    Raises :class:`LocalFileError` (missing, a folder, not a regular file, unreadable, empty,
    not an accepted image) before anything is sent anywhere.
    """
    path = Path(path)
    file, info = open_regular(path)  # (a folder, FIFO or device is refused unopened)
    try:
        image_type = _sniff_open_file(path, file, info.st_size)
    except LocalFileError:
        file.close()
        raise
    except OSError as exc:
        file.close()
        raise unreadable(path, exc) from None
    return OpenedImage(file, image_type, info.st_size, FileSignature.of(info))


def open_image(path: Path | str) -> tuple[BinaryIO, ImageType, int]:
    """Open ``path`` for upload: the open file, its type from its bytes, and its size.

    Raises :class:`LocalFileError` (missing, a folder, not a regular file, unreadable, empty,
    not an accepted image) before anything is sent anywhere.
    """
    opened = open_upload(path)
    return opened.file, opened.image_type, opened.size


def check_image(path: Path | str) -> tuple[ImageType, int]:
    """Like :func:`open_image` but only checks; returns the type and size."""
    file, image_type, size = open_image(path)
    file.close()
    return image_type, size
