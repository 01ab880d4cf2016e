"""One memory budget for every decode in the process, so that any batch stays bounded.

Stripping streams and holds at most a window of a file; decoding (converting, shrinking,
thumbnails of what Qt or Pillow must decode whole) holds pixels. Each decode first reserves
what it will hold from :data:`DECODING`, sized by the pixels it declares, and gives it back
when it is done. Other files wait for the budget, not for a worker: four large HEICs in a
batch are decoded one after another while the small files beside them go on. A single decode
larger than the whole budget waits until nothing else holds any, then runs alone.

The budget only bounds the process if freed memory goes back to the system, which some
allocators do not do on their own (glibc's keeps what each thread frees): so before the first
decode the platform's memory tuning (:mod:`uploader_gui.platform.memory`) makes large blocks,
once freed, go back to it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Final

from ...platform.chooser import memory
from ..retry import CancelToken

#: The bytes all decodes may hold at once. With the rest of the process (about 50 MB for
#: Python, httpx, Pillow and the uploads) the peak stays under 350 MB: enough for one
#: 48-megapixel HEIC or a 49-megapixel PNG at a time.
DEFAULT_BYTES: Final = 256 * 1024 * 1024
#: How often a waiting decode looks at its cancel token.
_POLL = 0.1


class MemoryBudget:
    """Bytes reserved by decodes, at most :attr:`limit` at once."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._used = 0
        self._changed = threading.Condition()

    @property
    def in_use(self) -> int:
        with self._changed:
            return self._used

    @contextlib.contextmanager
    def reserve(self, nbytes: int, cancel: CancelToken | None = None) -> Iterator[None]:
        """Hold ``nbytes`` of the budget for the block (the whole budget if it asks more).
        Waits while others hold too much; raises :class:`.errors.CancelledError` if
        ``cancel`` is set meanwhile."""
        share = max(0, min(nbytes, self.limit))
        with self._changed:
            memory().return_freed_memory()
            while self._used + share > self.limit:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                self._changed.wait(_POLL)
            self._used += share
        try:
            yield
        finally:
            with self._changed:
                self._used -= share
                self._changed.notify_all()


#: The process's one budget.
DECODING: Final = MemoryBudget(DEFAULT_BYTES)
