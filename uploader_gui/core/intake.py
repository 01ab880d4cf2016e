"""Turning what the user handed us (files, folders) into a list of files to upload."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

#: Extensions a folder is searched for. Files named on their own are always taken, so a
#: misnamed image still uploads and a non-image is listed with its reason.
IMAGE_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".jpe", ".webp", ".gif"}
    # converted before upload (unless conversion is turned off)
    | {".heic", ".heif", ".avif", ".bmp", ".tif", ".tiff"}
)


@dataclass
class Intake:
    files: list[Path] = field(default_factory=list)
    #: Folders that were expanded, with how many images each gave.
    folders: dict[Path, int] = field(default_factory=dict)
    #: Folders that could not be read, with the reason.
    unreadable: dict[Path, str] = field(default_factory=dict)
    #: Files found by expanding folders (and not also named on their own).
    from_folders: set[Path] = field(default_factory=set)
    #: How many different images the folders hold (those also named on their own included).
    folder_images: int = 0

    def without_folders(self) -> list[Path]:
        """The files, less those only found inside folders (the user declined those)."""
        return [path for path in self.files if path not in self.from_folders]


def _absolute(path: Path) -> Path:
    # "~someone" with no such user stays a name like any other.
    with contextlib.suppress(RuntimeError):
        path = path.expanduser()
    return Path(os.path.abspath(path))


def _is_dir(path: Path) -> bool:
    """Whether to expand ``path``; a path that cannot even be checked is taken as a file.

    ``Path.is_dir`` raises for a name too long, a folder we may not enter or an I/O error:
    one such path must not cost the rest of the drop. As a file, the upload says why it
    cannot be read.
    """
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def collect(paths: Iterable[Path | str], *, follow_symlinks: bool = False) -> Intake:
    """Expand folders recursively to their images and drop repeated paths, keeping order.

    Plain files are kept whatever they are (the upload checks their bytes); folders give the
    files whose extension is an image's, sorted by path. Hidden entries inside folders are
    skipped.
    """
    intake = Intake()
    seen: set[Path] = set()
    named: set[Path] = set()

    def add(path: Path) -> None:
        if path not in seen:
            seen.add(path)
            intake.files.append(path)

    for raw in paths:
        path = _absolute(Path(raw))
        if _is_dir(path):
            found = _walk_images(path, intake, follow_symlinks)
            for image in found:
                add(image)
            intake.folders[path] = len(found)
            intake.from_folders.update(found)
        else:
            add(path)
            named.add(path)
    intake.folder_images = len(intake.from_folders)
    intake.from_folders -= named
    return intake


def _walk_images(root: Path, intake: Intake, follow_symlinks: bool) -> list[Path]:
    found: list[Path] = []

    def on_error(error: OSError) -> None:
        where = Path(error.filename) if error.filename else root
        intake.unreadable[where] = error.strerror or str(error)

    for folder, dirs, files in os.walk(root, onerror=on_error, followlinks=follow_symlinks):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in IMAGE_SUFFIXES:
                found.append(Path(folder, name))
    found.sort()
    return found
