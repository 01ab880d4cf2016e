"""Only the picture leaves: each file is rebuilt from the parts that draw it.

This is an allowlist, not a list of metadata to delete. For each accepted format a walker of
our own (:mod:`.jpeg`, :mod:`.png`, :mod:`.webp`, :mod:`.gif`) follows the container's
structure and keeps only what draws the picture: the compressed image data byte for byte,
the tables it needs, the colour profile, animation, and the orientation (written anew in a
minimal EXIF of its own). Everything else is left out whether or not anyone recognises it:
EXIF, XMP, IPTC, comments, text, vendors' blocks, thumbnails, further images and every byte
after the image's end. No library's idea of "metadata" is trusted, and nothing is re-encoded.

A file whose rebuild is the file itself (nothing to leave out) is sent as it is, byte for
byte, with no copy made. Otherwise the rebuilt bytes go to a new private file (mode 0600) in
the caller's folder; the original is only ever read, a window at a time, never whole.

A file that cannot be walked is refused with the reason (:class:`MetadataError`): it is never
sent "as it is".
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ..errors import LocalFileError, UnsupportedTypeError
from ..files import open_regular, unreadable
from ..i18n import translate
from ..sniff import GIF, HEAD_SIZE, JPEG, PNG, WEBP, ImageType, describe, sniff
from .fields import ANIMATION, COLOUR_PROFILE, ORIENTATION
from .found import RemovedGroup
from .gif import rebuild_gif
from .jpeg import rebuild_jpeg
from .png import rebuild_png
from .source import Damaged, Rebuild, Source, not_written, write_plan
from .webp import rebuild_webp

WALKERS: Final[dict[ImageType, Callable[[Source], Rebuild]]] = {
    JPEG: rebuild_jpeg,
    PNG: rebuild_png,
    WEBP: rebuild_webp,
    GIF: rebuild_gif,
}


class StripStatus(enum.Enum):
    STRIPPED = "stripped"
    """Something was left out; :attr:`Stripped.path` is the private copy to send."""
    UNCHANGED = "unchanged"
    """Nothing to leave out: send the original file, no copy was made."""


@dataclass(frozen=True)
class Stripped:
    """What :func:`strip_metadata` did to one file."""

    status: StripStatus
    #: The private copy to send instead of the original (only when ``STRIPPED``).
    path: Path | None = None
    #: What was removed, most sensitive first.
    groups: tuple[RemovedGroup, ...] = ()
    #: What was kept because it changes how the image looks ("orientation", …).
    kept: tuple[str, ...] = ()

    @property
    def removed(self) -> tuple[str, ...]:
        """The names of the removed groups, most sensitive first."""
        return tuple(group.name for group in self.groups)

    @property
    def count(self) -> int:
        """How many fields were removed in all."""
        return sum(group.count for group in self.groups)

    def summary(self) -> str:
        """One line for a person: "location and 14 other fields removed"."""
        if not self.groups:
            return translate("Prepare", "no personal metadata found")
        first = self.groups[0]
        return removed_summary(first.name, self.count - first.count)


def removed_summary(group: str, others: int) -> str:
    """ "location removed", "location and 14 other fields removed": ``group`` (one of the
    English names in :mod:`.fields`) and how many other fields were removed with it."""
    name = translate("Prepare", group)  # marked in .fields
    if others <= 0:
        return translate("Prepare", "{group} removed").format(group=name)
    return translate("Prepare", "{group} and %n other field(s) removed", None, others).format(
        group=name
    )


class MetadataError(LocalFileError):
    """The image cannot be walked (a damaged file): it is not sent. Retrying won't help."""

    def __init__(self, path: Path | str, detail: str) -> None:
        message = translate("Errors", "the image is damaged: {reason}")
        super().__init__(path, message.format(reason=detail), retry_helps=False)


def damaged(path: Path | str, error: Damaged) -> MetadataError:
    """The :class:`MetadataError` for a walker's :class:`.source.Damaged` (translated)."""
    return MetadataError(path, translate("Errors", str(error)))


def _kept(rebuild: Rebuild) -> tuple[str, ...]:
    return tuple(name for name in (ORIENTATION, COLOUR_PROFILE, ANIMATION) if name in rebuild.kept)


def _write(
    source: Source, rebuild: Rebuild, out_dir: Path, image_type: ImageType, path: Path
) -> Path:
    try:
        return write_plan(source, rebuild.plan, out_dir, f".{image_type.extension}")
    except OSError as error:  # the cache folder's disk, not the user's file
        raise not_written(path, error) from None


def strip_metadata(path: Path, out_dir: Path | None) -> Stripped:
    """Rebuild the image at ``path`` from what draws it; never modify ``path`` itself.

    Returns ``UNCHANGED`` (no copy made) when the rebuild is the file itself, else
    ``STRIPPED`` with the path of a new private file (mode 0600) in ``out_dir``, which the
    caller owns (and makes 0700) and later deletes. With no ``out_dir`` nothing is written:
    ``STRIPPED`` then only says what would be left out.
    Raises :class:`LocalFileError` (or :class:`MetadataError`) with a reason a person
    understands.
    """
    file, info = open_regular(path)
    with file:
        source = Source(file, info.st_size)
        try:
            head = source.read_at_most(0, HEAD_SIZE)
            image_type = sniff(head)
            if image_type is None:
                raise UnsupportedTypeError(path, describe(head))
            rebuild = WALKERS[image_type](source)
            kept = _kept(rebuild)
            if rebuild.plan.is_whole(source.size):
                return Stripped(StripStatus.UNCHANGED, kept=kept)
            copy = None if out_dir is None else _write(source, rebuild, out_dir, image_type, path)
        except Damaged as error:
            raise damaged(path, error) from None
        except OSError as error:
            raise unreadable(path, error) from None
    return Stripped(StripStatus.STRIPPED, path=copy, groups=rebuild.found.groups(), kept=kept)


__all__ = [
    "MetadataError",
    "RemovedGroup",
    "StripStatus",
    "Stripped",
    "strip_metadata",
]
