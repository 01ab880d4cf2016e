"""Preparing one file for upload, as the person asked: convert, shrink, keep only the picture.

:func:`prepare` decides what to send: the original file itself when there is nothing to do
(no copy, no rewrite), or a private temporary file in a work folder. Every byte it sends that
is not the original went through the allowlist rebuild (:mod:`.metadata`): a converted or
shrunk copy too, unless the person asked to keep the metadata. Prepared files live in a
folder of this process's own under ``$XDG_CACHE_HOME/uploader-gui/prepared/`` (0700), are
removed when their upload ends, and a crash's leftovers are removed at the next start
(:func:`.folder.clean_leftovers`).

Whatever goes wrong with one file becomes that file's :class:`.errors.LocalFileError`, with a
reason a person understands: no exception from a decoder or a walker escapes.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LocalFileError, UploadError
from ..i18n import translate
from ..retry import CancelToken
from .convert import Converted, NotShrunk, PrepareError, convert, convertible, shrink
from .found import Found, RemovedGroup
from .metadata import StripStatus, removed_summary, strip_metadata
from .options import PrepareOptions

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Prepared:
    """What to send for one file, and what was done to it."""

    path: Path
    #: The part's file name (a converted file takes its new extension).
    name: str
    #: ``path`` is a temporary file of ours, removed by :meth:`discard`.
    temporary: bool = False
    removed: tuple[str, ...] = ()
    removed_count: int = 0
    converted_from: str | None = None
    resized_from: tuple[int, int] | None = None
    #: What the person should know, in English for ``--json`` (:meth:`summary` says it from
    #: :attr:`pages` and :attr:`animated`, in the language chosen).
    notes: tuple[str, ...] = field(default=())
    #: How many pages the source had when only the first was sent, else 1.
    pages: int = 1
    #: The format of an animation that was not shrunk (shrinking was asked), else ``None``.
    animated: str | None = None

    def summary(self) -> str:
        """One line for the row: "location and 14 other fields removed · converted from HEIC",
        in the language chosen (the history keeps it as shown)."""
        parts: list[str] = []
        if self.removed:
            parts.append(removed_summary(self.removed[0], self.removed_count - 1))
        source = (self.converted_from or "").upper()
        if source:
            parts.append(translate("Prepare", "converted from {format}").format(format=source))
        if self.resized_from:
            width, height = self.resized_from
            # "\u00d7": a multiplication sign (lupdate reads the escape).
            message = translate("Prepare", "resized from {width} \u00d7 {height}")
            parts.append(message.format(width=width, height=height))
        pages = self.pages  # (lupdate reads a plain name as the count, not an attribute)
        if pages > 1:
            message = translate(
                "Prepare", "{format} with %n page(s): only the first was sent", None, pages
            )
            parts.append(message.format(format=source))
        if self.animated:
            message = translate("Prepare", "an animated {format} is sent at its own size")
            parts.append(message.format(format=self.animated))
        return " · ".join(parts)

    def as_record(self) -> dict[str, object]:
        """For ``--json``: ``{"removed": [...], "converted_from": "heic", "resized_from":
        [6000, 4000]}`` (keys only for what was done)."""
        record: dict[str, object] = {}
        if self.removed:
            record["removed"] = list(self.removed)
        if self.converted_from:
            record["converted_from"] = self.converted_from
        if self.resized_from:
            record["resized_from"] = list(self.resized_from)
        if self.notes:
            record["notes"] = list(self.notes)
        return record

    def discard(self) -> None:
        """Remove the temporary file (the original is never touched)."""
        if self.temporary:
            self.path.unlink(missing_ok=True)


def prepare(
    path: Path, options: PrepareOptions, work_dir: Path, cancel: CancelToken | None = None
) -> Prepared:
    """What to send for ``path``. Raises :class:`LocalFileError` with a reason (or
    :class:`.errors.CancelledError`), never anything else."""
    try:
        return _prepare(path, options, work_dir, cancel)
    except UploadError:
        raise
    except MemoryError:
        message = translate("Errors", "there was not enough memory to prepare this image")
        raise LocalFileError(path, message) from None
    except Exception as exc:  # a decoder's surprise: this file's failure, not the batch's
        log.debug("preparing a file failed", exc_info=True)  # (a traceback only when asked)
        text = " ".join(str(exc).split())[:200] or type(exc).__name__
        message = translate("Errors", "the image is damaged: {reason}")
        raise PrepareError(path, message.format(reason=text)) from None


def _prepare(
    path: Path, options: PrepareOptions, work_dir: Path, cancel: CancelToken | None
) -> Prepared:
    name = os.fsdecode(path.name)
    keep = not options.remove_metadata
    if options.convert and convertible(path) is not None:
        converted = convert(
            path, work_dir, max_side=options.max_side, keep_metadata=keep, cancel=cancel
        )
        return _sent(converted, converted.found, options, work_dir, cancel)
    animated = None
    if options.max_side is not None:
        smaller = shrink(path, work_dir, options.max_side, keep_metadata=keep, cancel=cancel)
        if isinstance(smaller, Converted):
            found = Found() if keep else _found_in(path)
            return _sent(smaller, found, options, work_dir, cancel)
        assert isinstance(smaller, NotShrunk)
        animated = smaller.animated
    if options.remove_metadata:
        if cancel is not None:
            cancel.raise_if_cancelled()
        stripped = strip_metadata(path, work_dir)
        if stripped.status is StripStatus.STRIPPED and stripped.path is not None:
            return Prepared(
                stripped.path,
                name,
                True,
                stripped.removed,
                stripped.count,
                notes=_animated_note(animated),
                animated=animated,
            )
    return Prepared(path, name, notes=_animated_note(animated), animated=animated)


def _animated_note(animated: str | None) -> tuple[str, ...]:
    return (f"an animated {animated} is sent at its own size",) if animated else ()


def _found_in(path: Path) -> Found:
    """What the original held that a re-encoded copy leaves out (nothing is written).
    Only said for the person: a structure the walker cannot follow, which the decoder
    could, names nothing."""
    found = Found()
    try:
        stripped = strip_metadata(path, None)
    except LocalFileError:
        return found
    for group in stripped.groups:
        found.add(group.name, group.count)
    return found


def _sent(
    made: Converted,
    found: Found,
    options: PrepareOptions,
    work_dir: Path,
    cancel: CancelToken | None,
) -> Prepared:
    """A converted or shrunk copy, passed through the allowlist rebuild like any file."""
    path = made.path
    try:
        if options.remove_metadata:
            if cancel is not None:
                cancel.raise_if_cancelled()
            cleaned = strip_metadata(path, work_dir)
            if cleaned.path is not None:
                path.unlink(missing_ok=True)
                path = cleaned.path
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    groups: tuple[RemovedGroup, ...] = found.groups()
    return Prepared(
        path,
        made.name,
        temporary=True,
        removed=tuple(group.name for group in groups),
        removed_count=sum(group.count for group in groups),
        converted_from=made.converted_from,
        resized_from=made.resized_from,
        notes=(made.note,) if made.note else (),
        pages=made.pages,
    )
