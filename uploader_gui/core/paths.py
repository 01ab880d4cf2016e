"""Where the app keeps its files, following the XDG base directory spec."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from .. import APP_NAME


def _xdg(variable: str, default: str) -> Path:
    value = os.environ.get(variable, "")
    base = Path(value) if value and Path(value).is_absolute() else Path.home() / default
    return base / APP_NAME


def config_dir() -> Path:
    """``$XDG_CONFIG_HOME/uploader-gui`` (settings; never the key)."""
    return _xdg("XDG_CONFIG_HOME", ".config")


def data_dir() -> Path:
    """``$XDG_DATA_HOME/uploader-gui`` (history)."""
    return _xdg("XDG_DATA_HOME", ".local/share")


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/uploader-gui`` (thumbnails, pasted images)."""
    return _xdg("XDG_CACHE_HOME", ".cache")


def thumbnail_file(entry_id: int) -> Path:
    """The cached thumbnail of history entry ``entry_id``."""
    return cache_dir() / "thumbnails" / f"{entry_id}.png"


#: The app's own folders hold file paths, URLs and thumbnails: for their owner only.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) readable by its owner only; return it.

    The folder is tightened, and so is each folder above it up to the app's own
    (``…/uploader-gui``); folders above that, such as ``~/.cache``, are the user's to set.
    Raises :class:`OSError` when it cannot be created.
    """
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    chain = [path, *path.parents]
    if any(folder.name == APP_NAME for folder in chain):
        chain = chain[: [folder.name for folder in chain].index(APP_NAME) + 1]
    else:
        chain = chain[:1]
    for folder in chain:
        if folder.stat().st_mode & 0o077:
            with contextlib.suppress(OSError):  # not ours to change: leave it as it is
                folder.chmod(PRIVATE_DIR_MODE)
    return path


def make_private(path: Path) -> None:
    """Make a file the app wrote readable and writable by its owner only."""
    try:
        info = os.lstat(path)
        if stat.S_ISREG(info.st_mode) and info.st_mode & 0o077:
            os.chmod(path, PRIVATE_FILE_MODE)
    except OSError:
        pass  # gone meanwhile: nothing to protect
