"""A file nobody may change, root included (``chattr +i``): a history that cannot be written.

Only root may do it: tests that use it are marked :data:`tests.needs.needs_root`."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def immutable(path: Path) -> Iterator[None]:
    """Nobody, root included, may change ``path`` inside the block (``chattr +i``)."""
    subprocess.run(["chattr", "+i", str(path)], check=True)
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)
