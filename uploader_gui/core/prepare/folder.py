"""Where prepared copies live: a private folder of this process's own under the cache.

``$XDG_CACHE_HOME/uploader-gui/prepared/<pid>/`` (0700, files 0600). A copy is removed when
its upload ends; the folder at quit; a crashed process's folder at the next start.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from ..paths import cache_dir, private_dir


def work_folder() -> Path:
    """This process's own private folder for prepared files (made on first use)."""
    return private_dir(cache_dir() / "prepared" / str(os.getpid()))


def clean_leftovers() -> None:
    """Remove the prepared files of processes that are gone (a crash, a kill)."""
    root = cache_dir() / "prepared"
    with contextlib.suppress(FileNotFoundError):
        for folder in root.iterdir():
            if folder.name.isdigit() and not _alive(int(folder.name)):
                shutil.rmtree(folder, ignore_errors=True)


def remove_work_folder() -> None:
    """At quit: this process's prepared files are no longer needed."""
    shutil.rmtree(cache_dir() / "prepared" / str(os.getpid()), ignore_errors=True)


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
