"""Small image files for tests, made without Qt."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def png_bytes(width: int = 4, height: int = 3, seed: int = 0) -> bytes:
    """A real, decodable RGB PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(
        b"\x00" + bytes((x * 40 + seed) % 256 for x in range(width * 3)) for _ in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


#: Signature-correct stand-ins (the service checks only the signature).
SIGNATURES = {
    "image/png": b"\x89PNG\r\n\x1a\n",
    "image/jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "image/gif": b"GIF89a",
    "image/webp": b"RIFF\x10\x00\x00\x00WEBPVP8 ",
}


def fake_image(mime: str, size: int = 2048, fill: bytes = b"\xab") -> bytes:
    head = SIGNATURES[mime]
    return head + fill * (size - len(head))


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def sparse_image(path: Path, size: int) -> Path:
    """A ``size``-byte PNG-signed file that takes no disk space (for large-upload tests)."""
    with path.open("wb") as file:
        file.write(SIGNATURES["image/png"])
        file.truncate(size)
    return path
