"""Where the app keeps its files, following the XDG base directory spec."""

from __future__ import annotations

import os
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
