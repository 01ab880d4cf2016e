"""The one way the app finds the files it ships (icon, desktop entry).

They are package data of ``uploader_gui.desktop``, read with :mod:`importlib.resources`, so the
same call works from a checkout, an installed wheel and a PyInstaller bundle (which collects
``data/`` next to the frozen package and answers ``importlib.resources`` itself).

In the repository, ``data/`` holds symbolic links to the canonical files, which live where
people look for them: the icon in ``resources/``, the desktop entry in ``packaging/``. A wheel
and a bundle hold copies.
"""

from __future__ import annotations

import sys
from importlib import resources

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

_PACKAGE = "uploader_gui.desktop"
_FOLDER = "data"


class ResourceMissingError(FileNotFoundError):
    """A file the app ships is not where it should be: a broken install or bundle."""


def resource(name: str) -> Traversable:
    """The shipped file ``name``; raises :class:`ResourceMissingError` if it is not there."""
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        raise ValueError(f"not a resource name: {name!r}")
    found = resources.files(_PACKAGE).joinpath(_FOLDER).joinpath(name)
    if not found.is_file():
        raise ResourceMissingError(f"{name} is missing from this installation of uploader-gui")
    return found


def read_bytes(name: str) -> bytes:
    return resource(name).read_bytes()


def read_text(name: str) -> str:
    return resource(name).read_text(encoding="utf-8")
