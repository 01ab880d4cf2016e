"""Where the window keeps images that have no file of their own the person chose (a
screenshot, one received by the PicGo server): beside pasted images, in the cache, so a
failed one can still be retried after a restart."""

from __future__ import annotations

from pathlib import Path

from ...core.paths import cache_dir, private_dir


def kept_folder() -> Path:
    """The private folder for such copies (made if needed); safe on a worker thread."""
    return private_dir(cache_dir() / "pasted")
