"""Where the app keeps its files: the *where* only. Keeping them private (owners, modes,
links) is :mod:`uploader_gui.core.paths`' job, whatever the folders are."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol


class Locations(Protocol):
    """The app's own folders for this user (each named after the app), and the user's
    folder for sockets. Asked at each call: the environment may have changed (tests do)."""

    def config_dir(self) -> Path:
        """Settings and link templates (never the key)."""
        ...

    def data_dir(self) -> Path:
        """The history."""
        ...

    def cache_dir(self) -> Path:
        """Thumbnails, pasted images, prepared files; the single-instance fallback."""
        ...

    def runtime_dir(self) -> Path | None:
        """The user's own folder for sockets while logged in, if the system names one
        (not yet checked to be private: whoever uses it checks); ``None`` if not."""
        ...
