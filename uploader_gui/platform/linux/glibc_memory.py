"""Freed memory back to the system, where malloc is glibc's.

glibc's malloc keeps what a thread frees in that thread's own arena, and raises the size it
maps directly each time a large block is freed: four decodes on four workers, one after
another, then held four pictures' worth (a batch of four 49-megapixel PNGs peaked at 709 MB
instead of 296). Fixing the threshold with ``mallopt`` makes every block of 4 MiB or more a
mapping of its own, unmapped when it is freed. Another C library (musl) has no ``mallopt``:
nothing is tuned there.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from typing import Any, Final

#: glibc's ``mallopt`` parameter, and the size from which a block is mapped on its own.
M_MMAP_THRESHOLD: Final = -3
MAPPED_FROM: Final = 4 * 1024 * 1024


def _c_library() -> Any:
    """The C library the process already uses (``dlopen(NULL)``)."""
    return ctypes.CDLL(None)


class GlibcMalloc:
    """:class:`~uploader_gui.platform.memory.MemoryTuning` through glibc's ``mallopt``, set
    once per process (``library``: the C library, or a fake)."""

    def __init__(self, library: Callable[[], Any] = _c_library) -> None:
        self._library = library
        self._lock = threading.Lock()
        self._tuned = False

    def return_freed_memory(self) -> None:
        with self._lock:
            if self._tuned:
                return
            self._tuned = True
            try:
                mallopt = self._library().mallopt
            except (OSError, AttributeError):  # not glibc: nothing to tune
                return
            mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
            mallopt(M_MMAP_THRESHOLD, MAPPED_FROM)
