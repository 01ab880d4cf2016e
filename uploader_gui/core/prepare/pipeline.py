"""Preparing one file for upload, as the person asked: convert, shrink, remove metadata.

:func:`prepare` decides what to send: the original file itself when there is nothing to do
(no copy, no rewrite), or a private temporary file in a work folder. Prepared files live in
a folder of this process's own under ``$XDG_CACHE_HOME/uploader-gui/prepared/`` (0700), are
removed when their upload ends, and a crash's leftovers are removed at the next start
(:func:`clean_leftovers`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import translate
from ..retry import CancelToken
from .convert import convert, convertible, shrink
from .metadata import StripStatus, removed_summary, strip_metadata
from .options import PrepareOptions


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
    #: :attr:`pages`, in the language chosen).
    notes: tuple[str, ...] = field(default=())
    #: How many pages the source had when only the first was sent, else 1.
    pages: int = 1

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
    """What to send for ``path``. Raises :class:`LocalFileError` with a reason."""
    name = os.fsdecode(path.name)
    if options.convert and convertible(path) is not None:
        result = convert(path, work_dir, max_side=options.max_side, cancel=cancel)
        notes = (result.note,) if result.note else ()
        return Prepared(
            result.path,
            result.name,
            temporary=True,
            converted_from=result.converted_from,
            resized_from=result.resized_from,
            notes=notes,
            pages=result.pages,
        )
    if options.max_side is not None:
        smaller = shrink(path, work_dir, options.max_side, cancel=cancel)
        if smaller is not None:  # re-encoded with its colour profile only: no metadata left
            return Prepared(smaller.path, smaller.name, True, resized_from=smaller.resized_from)
    if options.remove_metadata:
        if cancel is not None:
            cancel.raise_if_cancelled()
        stripped = strip_metadata(path, work_dir)
        if stripped.status is StripStatus.STRIPPED and stripped.path is not None:
            return Prepared(stripped.path, name, True, stripped.removed, stripped.count)
    return Prepared(path, name)
