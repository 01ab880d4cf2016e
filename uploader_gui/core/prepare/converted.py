"""What converting and shrinking give: a private copy, no copy, or why not.

:class:`Converted` is the copy to send instead of the original; :class:`NotShrunk` says no
copy was needed; :class:`PrepareError` says, for a person, why the image cannot be converted
or shrunk (the reasons are made here, so that every decoder words them alike).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LocalFileError
from ..i18n import translate
from .found import Found
from .limits import MAX_PIXELS


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


def unreadable(exc: BaseException) -> str:
    return translate("Errors", "the image cannot be read: {reason}").format(reason=_said(exc))


def undecodable(exc: BaseException) -> str:
    return translate("Errors", "the image cannot be decoded: {reason}").format(reason=_said(exc))


def _said(exc: BaseException) -> str:
    """What an exception says, on one line, for a person (its kind when it says nothing)."""
    text = " ".join(str(exc).split())
    return text[:200] if text else type(exc).__name__


def too_large(path: Path, size: tuple[int, int] | None = None) -> str:
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
