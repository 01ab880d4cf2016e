"""Seed files for the mutation fuzz of preparing: one small file of each format the app
prepares, each with the parts a mutation can damage (metadata, tables, frames)."""

from __future__ import annotations

import io
from collections.abc import Callable

from PIL import Image, PngImagePlugin

from tests import hostile_images as hi


def _saved(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _jpeg() -> bytes:
    data = hi.clean_jpeg()
    return hi.insert(data, hi.after(data, 0xE2), hi.photoshop_block("fuzz")) + b"trailer"


def _progressive() -> bytes:
    return hi.clean_jpeg(progressive=True)


def _png() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "fuzz")
    info.add_itxt("XML:com.adobe.xmp", hi.xmp("fuzz").decode())
    return _saved(hi.photo((24, 16)), "PNG", pnginfo=info, exif=hi.gps_exif("fuzz"))


def _apng() -> bytes:
    frames = [hi.photo((16, 12), seed=n * 30) for n in range(3)]
    return _saved(frames[0], "PNG", save_all=True, append_images=frames[1:], duration=50)


def _webp() -> bytes:
    return _saved(hi.photo((24, 16)), "WEBP", icc_profile=hi.icc(), exif=hi.gps_exif("w"))


def _webp_lossless() -> bytes:
    return _saved(hi.photo((24, 16)).convert("RGBA"), "WEBP", lossless=True)


def _webp_animated() -> bytes:
    frames = [hi.photo((16, 12), seed=n * 30) for n in range(3)]
    return _saved(frames[0], "WEBP", save_all=True, append_images=frames[1:], duration=50)


def _gif() -> bytes:
    return hi.gif(3)


def _tiff() -> bytes:
    return _saved(hi.photo((24, 16)), "TIFF", exif=hi.gps_exif("tiff"))


def _bmp() -> bytes:
    return _saved(hi.photo((24, 16)), "BMP")


def _avif() -> bytes:
    return _saved(hi.photo((24, 16)), "AVIF", quality=60)


def _heic() -> bytes:
    from uploader_gui.core.prepare.limits import pillow_with_heif

    pillow_with_heif()
    return _saved(hi.photo((24, 16)), "HEIF", quality=60, exif=hi.gps_exif("heic"))


SEEDS: dict[str, Callable[[], bytes]] = {
    "jpeg": _jpeg,
    "jpeg-progressive": _progressive,
    "png": _png,
    "apng": _apng,
    "webp": _webp,
    "webp-lossless": _webp_lossless,
    "webp-animated": _webp_animated,
    "gif": _gif,
    "tiff": _tiff,
    "bmp": _bmp,
    "avif": _avif,
    "heic": _heic,
}


def mutate(data: bytes, rng: object) -> bytes:
    """One mutant of ``data``: bytes flipped, set to 0x00 or 0xFF, inserted, deleted,
    duplicated, or the file cut short; ``rng`` is a seeded ``random.Random``."""
    import random

    assert isinstance(rng, random.Random)
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        kind = rng.randrange(7)
        at = rng.randrange(len(out)) if out else 0
        if kind == 0 and out:
            out[at] ^= 1 << rng.randrange(8)
        elif kind == 1 and out:
            out[at] = rng.choice((0x00, 0xFF, 0x7F, 0x80))
        elif kind == 2:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 9)))
        elif kind == 3:
            del out[at : at + rng.randrange(1, 33)]
        elif kind == 4:
            length = rng.randrange(1, 65)
            out[at:at] = out[at : at + length]
        elif kind == 5:
            del out[rng.randrange(len(out) // 2, len(out) + 1) :]
        elif kind == 6 and len(out) > 4:
            # A length or size field made large: the first four bytes at a random place.
            out[at : at + 2] = b"\xff\xfe"
    return bytes(out)
