"""Shrinking an accepted image on request: the long side at most N pixels, in the same format.

PNG, JPEG, WebP and still GIF stay what they are (an MPO's first picture becomes a JPEG);
animations are not shrunk, and say so. The copy is upright and re-encoded from its pixels
(:func:`.decode.render`, :func:`.encode.save`), which is what the person asked for.

Memory: the decode reserves what it will hold from :data:`.budget.DECODING` first, sized from
the header; a JPEG is decoded at reduced size (DCT scaling).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..retry import CancelToken
from .budget import DECODING
from .converted import Converted, NotShrunk
from .decode import cost, extras, icc, opened, orientation, render
from .encode import save

_MIMES = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp", "gif": "image/gif"}


def shrink(
    path: Path,
    out_dir: Path,
    max_side: int,
    *,
    keep_metadata: bool = False,
    cancel: CancelToken | None = None,
) -> Converted | NotShrunk:
    """A copy of an accepted image (PNG, JPEG and MPO, WebP, still GIF) whose long side is at
    most ``max_side``, in the same format; :class:`NotShrunk` if it is small enough or
    animated."""
    with opened(path, cancel) as image:
        fmt = (image.format or "").lower()
        if fmt == "mpo":  # a phone's JPEG with further pictures: its first one
            fmt = "jpeg"
        if fmt not in ("png", "jpeg", "webp", "gif") or max(image.size) <= max_side:
            return NotShrunk()
        if fmt != "jpeg" and getattr(image, "n_frames", 1) > 1:
            return NotShrunk(animated=image.format)
        full = image.size
        if fmt == "jpeg":
            # DCT scaling: decode at the smallest size at least as large as the target.
            scale = max_side / max(full)
            image.draft("RGB", (int(full[0] * scale) + 1, int(full[1] * scale) + 1))
        with DECODING.reserve(cost(image, max_side), cancel):
            # (A PNG's EXIF may come after its pictures: reading it decodes them.)
            turned = orientation(image) in (5, 6, 7, 8)
            shown = (full[1], full[0]) if turned else full
            kept = extras(image, keep_metadata)
            profile = icc(image)
            smaller = render(path, image, max_side, cancel)
            target = save(smaller, out_dir, path, fmt, profile, kept, cancel)
    name = os.fsdecode(path.name)
    return Converted(target, name, _MIMES[fmt], resized_from=shown)
