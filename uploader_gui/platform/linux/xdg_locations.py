"""The app's folders as the XDG base directory specification places them."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

from ... import APP_NAME


class XdgLocations:
    """:class:`~uploader_gui.platform.locations.Locations` from ``$XDG_CONFIG_HOME``,
    ``$XDG_DATA_HOME``, ``$XDG_CACHE_HOME`` and ``$XDG_RUNTIME_DIR``. A variable that is
    unset, empty or relative is ignored, as the specification says: the default under the
    home folder applies."""

    def __init__(
        self,
        environ: Mapping[str, str] | None = None,
        home: Callable[[], Path] = Path.home,
    ) -> None:
        self._environ = os.environ if environ is None else environ
        self._home = home

    def config_home(self) -> Path:
        """``$XDG_CONFIG_HOME``, else ``~/.config``."""
        return self._base("XDG_CONFIG_HOME", ".config")

    def data_home(self) -> Path:
        """``$XDG_DATA_HOME``, else ``~/.local/share`` (menu entries and icons go here)."""
        return self._base("XDG_DATA_HOME", ".local/share")

    def cache_home(self) -> Path:
        """``$XDG_CACHE_HOME``, else ``~/.cache``."""
        return self._base("XDG_CACHE_HOME", ".cache")

    def config_dir(self) -> Path:
        return self.config_home() / APP_NAME

    def data_dir(self) -> Path:
        return self.data_home() / APP_NAME

    def cache_dir(self) -> Path:
        return self.cache_home() / APP_NAME

    def runtime_dir(self) -> Path | None:
        """``$XDG_RUNTIME_DIR`` when it is set to an absolute path other than ``/``."""
        value = self._environ.get("XDG_RUNTIME_DIR", "")
        if not value or not os.path.isabs(value) or os.path.normpath(value) == "/":
            return None
        return Path(os.path.normpath(value))

    def _base(self, variable: str, default: str) -> Path:
        value = self._environ.get(variable, "")
        return Path(value) if value and Path(value).is_absolute() else self._home() / default
