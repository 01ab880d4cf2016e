"""Memory that decodes free goes back to the system (see
:mod:`uploader_gui.core.prepare.budget`, which bounds what decodes hold at once)."""

from __future__ import annotations

from typing import Protocol


class MemoryTuning(Protocol):
    def return_freed_memory(self) -> None:
        """Make large blocks, once freed, go back to the system instead of staying with the
        thread that freed them. Called before every decode: cheap after the first call,
        and never raises (an allocator it does not know is left as it is)."""
        ...
