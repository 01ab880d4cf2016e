"""Where prepared copies live: a private folder of this process's own under the cache.

``$XDG_CACHE_HOME/uploader-gui/prepared/<pid>/`` (0700, files 0600). A copy is removed when
its upload ends; the folder at quit; a crashed process's folder at the next start.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from ..paths import cache_dir, private_dir

_fallback: list[Path] = []


def work_folder() -> Path:
    """This process's own private folder for prepared files (made on first use). If the
    cache folder cannot be used (another user's link planted in its place), a private
    temporary folder of this process's (``mkdtemp``: 0700, a random name) instead."""
    try:
        return private_dir(cache_dir() / "prepared" / str(os.getpid()))
    except OSError:
        if not _fallback:
            _fallback.append(Path(tempfile.mkdtemp(prefix="uploader-gui-prepared-")))
        return _fallback[0]


def clean_leftovers() -> None:
    """Remove the prepared files of processes that are gone (a crash, a kill)."""
    try:
        root = private_dir(cache_dir() / "prepared")  # never another user's folder
    except OSError:
        return
    with contextlib.suppress(FileNotFoundError):
        for folder in root.iterdir():
            if folder.name.isdigit() and not _alive(int(folder.name)):
                shutil.rmtree(folder, ignore_errors=True)


def remove_work_folder() -> None:
    """At quit: this process's prepared files are no longer needed."""
    folder = cache_dir() / "prepared" / str(os.getpid())
    if folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder, ignore_errors=True)
    for fallback in _fallback:
        shutil.rmtree(fallback, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: not ours to judge
    return True
