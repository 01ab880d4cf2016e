"""What the person asked for before upload (Settings ▸ Images, or ``--headless`` flags).

Kept apart from the preparing itself, whose libraries (Pillow, libheif) load only
when a file is prepared, never at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PrepareOptions:
    """What the person asked for (Settings ▸ Images, or ``--headless`` flags)."""

    remove_metadata: bool = True
    convert: bool = True
    #: Shrink images whose long side is larger than this; ``None``: never.
    max_side: int | None = None

    def key(self) -> str:
        """What the options change in the bytes sent, for finding an earlier upload of the
        same file prepared the same way. Empty when the original bytes are sent."""
        parts = []
        if self.remove_metadata:
            parts.append("m")
        if self.convert:
            parts.append("c")
        if self.max_side is not None:
            parts.append(f"s{self.max_side}")
        return "+".join(parts)
