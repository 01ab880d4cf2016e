"""A corpus of images that carry more than their picture, each built by the tests.

Every case starts from a clean picture written by Pillow (the bytes that must be sent) and
plants something beside it the way real tools and odd writers do: Photoshop resource blocks,
repeated EXIF, XMP and comments, segments between progressive scans, JFIF thumbnails, fill
bytes and stray bytes before markers, identifiers with a wrong byte, data after the end
(vendor trailers, the uncropped picture of "aCropalypse"), unknown chunks and sub-blocks.
Each planted part holds a marker string that must never reach the server.

``Case.clean`` is what the allowlist rebuild must send byte for byte (``None`` where the
rebuild rewrites a part, e.g. a JFIF header without its thumbnail: then the pixels, the scan
data, the colour profile and the orientation are compared instead).
"""

from __future__ import annotations

import functools
import io
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageCms

#: Strings planted in what must not be sent; none may appear in what the server stores.
SECRET = b"SECRET-7c1f"
GPS_PLACE = "Rue Secrete"


def secret(label: str) -> bytes:
    return SECRET + b"-" + label.encode()


@functools.cache
def icc() -> bytes:
    data: bytes = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return data


def photo(size: tuple[int, int] = (96, 64), seed: int = 0) -> Image.Image:
    """Varied pixels (so that a re-encode would show)."""
    width, height = size
    image = Image.new("RGB", size)
    image.putdata(
        [
            ((x * 5 + seed) % 256, (y * 7 + x) % 256, (x * y + seed * 3) % 256)
            for y in range(height)
            for x in range(width)
        ]
    )
    return image


def orientation_exif(value: int = 6) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = value
    return exif.tobytes()


def gps_exif(label: str) -> bytes:
    """EXIF (``Exif\\0\\0`` + TIFF) with a location, an owner and a serial number."""
    exif = Image.Exif()
    exif[0x013B] = secret(label + "-artist").decode()
    exif[0x8769] = {0xA431: secret(label + "-serial").decode()}
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 29.0), 3: "E", 4: (2.0, 17.0, 40.0)}
    return exif.tobytes()


def xmp(label: str) -> bytes:
    return (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="48,51.5N" '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>'
        + secret(label)
        + b"</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
    )


# --- JPEG ----------------------------------------------------------------------------------


def segment(marker: int, body: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(body) + 2) + body


def clean_jpeg(progressive: bool = False, icc_profile: bool = True, turned: int = 6) -> bytes:
    """What Pillow writes: JFIF, an orientation-only EXIF, the ICC profile, the picture."""
    buffer = io.BytesIO()
    options: dict[str, object] = {"quality": 88, "progressive": progressive}
    if icc_profile:
        options["icc_profile"] = icc()
    if turned != 1:
        options["exif"] = orientation_exif(turned)
    photo().save(buffer, "JPEG", **options)
    return buffer.getvalue()


def jpeg_segments(data: bytes) -> list[tuple[int, int, int]]:
    """``(marker, start, end)`` of each segment before the first scan, from the SOI on."""
    found = [(0xD8, 0, 2)]
    at = 2
    while data[at + 1] != 0xDA:
        (length,) = struct.unpack_from(">H", data, at + 2)
        found.append((data[at + 1], at, at + 2 + length))
        at += 2 + length
    return found


def after(data: bytes, marker: int) -> int:
    """The offset just past the last header segment with ``marker``."""
    return max(end for found, _start, end in jpeg_segments(data) if found == marker)


def before_scan(data: bytes) -> int:
    return data.index(b"\xff\xda")


def insert(data: bytes, at: int, extra: bytes) -> bytes:
    return data[:at] + extra + data[at:]


def photoshop_block(label: str) -> bytes:
    """``APP13 Photoshop 3.0``: IPTC (owner, city), an EXIF copy with a location, XMP, a URL
    and a JPEG thumbnail (which may show the uncropped picture)."""

    def resource(number: int, data: bytes) -> bytes:
        padded = data + b"\x00" * (len(data) & 1)
        return (
            b"8BIM"
            + struct.pack(">H", number)
            + b"\x00\x00"
            + struct.pack(">I", len(data))
            + (padded)
        )

    def iptc(record: int, dataset: int, value: bytes) -> bytes:
        return bytes((0x1C, record, dataset)) + struct.pack(">H", len(value)) + value

    thumbnail = io.BytesIO()
    photo((16, 12), seed=9).save(thumbnail, "JPEG", comment=secret(label + "-thumbnail"))
    body = (
        resource(0x0404, iptc(2, 80, secret(label + "-byline")) + iptc(2, 90, b"Paris"))
        + resource(0x0422, gps_exif(label + "-ps-exif")[6:])
        + resource(0x0424, xmp(label + "-ps-xmp"))
        + resource(0x040B, b"https://example.com/" + secret(label + "-url"))
        + resource(0x040C, b"\x00" * 28 + thumbnail.getvalue())
    )
    return segment(0xED, b"Photoshop 3.0\x00" + body)


# --- PNG, WebP, GIF ----------------------------------------------------------------------


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def clean_png(size: tuple[int, int] = (96, 64), seed: int = 0, **options: object) -> bytes:
    buffer = io.BytesIO()
    photo(size, seed).save(buffer, "PNG", **options)
    return buffer.getvalue()


def riff_chunk(kind: bytes, body: bytes) -> bytes:
    return kind + struct.pack("<I", len(body)) + body + b"\x00" * (len(body) & 1)


def riff(chunks: bytes) -> bytes:
    return b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WEBP" + chunks


def webp(**options: object) -> bytes:
    buffer = io.BytesIO()
    photo().save(buffer, "WEBP", **options)
    return buffer.getvalue()


def webp_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    chunks = []
    at = 12
    while at + 8 <= len(data):
        kind = data[at : at + 4]
        (size,) = struct.unpack_from("<I", data, at + 4)
        chunks.append((kind, data[at + 8 : at + 8 + size]))
        at += 8 + size + (size & 1)
    return chunks


def animated_webp() -> bytes:
    buffer = io.BytesIO()
    frames = [photo(seed=seed * 40) for seed in range(3)]
    frames[0].save(buffer, "WEBP", save_all=True, append_images=frames[1:], duration=80)
    return buffer.getvalue()


def gif(frames: int = 3) -> bytes:
    buffer = io.BytesIO()
    images = [photo((32, 24), seed=seed * 40).convert("P") for seed in range(frames)]
    if frames > 1:
        images[0].save(buffer, "GIF", save_all=True, append_images=images[1:], duration=100, loop=0)
    else:
        images[0].save(buffer, "GIF")
    return buffer.getvalue()


def gif_extension(label: int, payload: bytes, identifier: bytes = b"") -> bytes:
    blocks = bytes((0x21, label))
    if identifier:
        blocks += bytes((len(identifier),)) + identifier
    for at in range(0, len(payload), 255):
        piece = payload[at : at + 255]
        blocks += bytes((len(piece),)) + piece
    return blocks + b"\x00"


def gif_header_end(data: bytes) -> int:
    flags = data[10]
    return 13 + (3 * (1 << ((flags & 7) + 1)) if flags & 0x80 else 0)


# --- the corpus ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    suffix: str
    #: ``(file with extras planted, clean bytes to be sent or None)``.
    build: Callable[[], tuple[bytes, bytes | None]]
    #: What the row and ``--json`` must name among the removed (at least these).
    named: tuple[str, ...] = ()


def _jpeg_photoshop() -> tuple[bytes, bytes | None]:
    clean = clean_jpeg()
    return insert(clean, after(clean, 0xE2), photoshop_block("ps")), clean


def _jpeg_second_exif_xmp_and_comment() -> tuple[bytes, bytes | None]:
    clean = clean_jpeg()
    extra = (
        segment(0xE1, gps_exif("exif2"))
        + segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + xmp("xmp1"))
        + segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + xmp("xmp2"))
        + segment(0xFE, secret("com1"))
        + segment(0xFE, secret("com2"))
    )
    return insert(clean, after(clean, 0xE2), extra), clean


def _jpeg_between_scans() -> tuple[bytes, bytes | None]:
    clean = clean_jpeg(progressive=True)
    first_scan = before_scan(clean)
    second = clean.index(b"\xff\xc4", first_scan) if b"\xff\xc4" in clean[first_scan:] else -1
    if second < 0:
        second = clean.index(b"\xff\xda", first_scan + 2)
    extra = segment(0xFE, secret("between")) + segment(0xE1, gps_exif("between"))
    return insert(clean, second, extra), clean


def _jpeg_jfif_thumbnail() -> tuple[bytes, bytes | None]:
    clean = clean_jpeg()
    _marker, start, end = jpeg_segments(clean)[1]
    assert clean[start + 4 : start + 9] == b"JFIF\x00"
    thumb_pixels = (secret("jfif") + b"\x00" * 12)[:12]  # 2 x 2 RGB
    jfif = clean[start + 4 : start + 16] + b"\x02\x02" + thumb_pixels
    jfxx = io.BytesIO()
    photo((8, 8)).save(jfxx, "JPEG", comment=secret("jfxx"))
    planted = (
        clean[:start]
        + segment(0xE0, jfif)
        + segment(0xE0, b"JFXX\x00\x10" + jfxx.getvalue())
        + clean[end:]
    )
    return planted, clean


def _jpeg_fill_and_stray_bytes() -> tuple[bytes, bytes | None]:
    clean = clean_jpeg()
    at = after(clean, 0xE2)
    extra = (
        b"\xff\xff\xff" + segment(0xE1, gps_exif("fill"))  # fill bytes before a marker
        + b"X" + segment(0xE5, secret("stray"))  # a stray byte before one
        + b"\x00\x00" + segment(0xFE, secret("stray2"))
    )  # fmt: skip
    return insert(clean, at, extra), clean


def _jpeg_exif_wrong_identifier() -> tuple[bytes, bytes | None]:
    clean = clean_jpeg()
    odd = segment(0xE1, b"Exif\x00X" + gps_exif("odd-id")[6:])
    return insert(clean, after(clean, 0xE2), odd), clean


def _jpeg_trailer_after_stray_byte() -> tuple[bytes, bytes | None]:
    clean = clean_jpeg()
    planted = insert(clean, after(clean, 0xE2), b"Q") + b"SEFH" + secret("samsung") + b"SEFT"
    return planted, clean


def _jpeg_extra_image_after_end() -> tuple[bytes, bytes | None]:
    clean = clean_jpeg()
    second = io.BytesIO()
    photo(seed=77).save(second, "JPEG", exif=gps_exif("second-image"))
    return clean + second.getvalue(), clean


def _jpeg_vendor_segments() -> tuple[bytes, bytes | None]:
    clean = clean_jpeg()
    extra = (
        segment(0xEC, b"Ducky\x00" + secret("ducky"))
        + segment(0xE1, b"http://ns.adobe.com/xmp/extension/\x00" + secret("extended-xmp"))
        + segment(0xE2, b"MPF\x00" + secret("mpf"))
        + segment(0xEF, secret("app15"))
    )
    return insert(clean, after(clean, 0xE2), extra), clean


def _png_acropalypse() -> tuple[bytes, bytes | None]:
    cropped = clean_png((48, 32), seed=3)
    original = clean_png((400, 300), seed=5)
    # (A marker in the uncropped picture's last chunks, to find it if it leaks.)
    original = insert(original, len(original) - 12, png_chunk(b"tEXt", b"c\x00" + secret("big")))
    # The cropping tool wrote the small file over the large one without truncating it.
    assert len(original) > len(cropped)
    return cropped + original[len(cropped) :], cropped


def _png_metadata_chunks() -> tuple[bytes, bytes | None]:
    clean = clean_png(icc_profile=icc())
    idat = clean.index(b"IDAT") - 4
    extra = (
        png_chunk(b"tEXt", b"Author\x00" + secret("author"))
        + png_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(secret("ztxt")))
        + png_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + xmp("png-xmp"))
        + png_chunk(b"eXIf", gps_exif("png-exif")[6:])
        + png_chunk(b"tIME", b"\x07\xe8\x05\x01\x0a\x0b\x0c")
        + png_chunk(b"pHYs", struct.pack(">IIB", 2835, 2835, 1))
        + png_chunk(b"prVt", secret("private-chunk"))
    )
    planted = insert(clean, idat, extra)
    iend = planted.index(b"IEND") - 4
    planted = insert(planted, iend, png_chunk(b"tEXt", b"Comment\x00" + secret("after-idat")))
    return planted, clean


def _png_orientation_after_idat() -> tuple[bytes, bytes | None]:
    clean = clean_png(exif=orientation_exif(8))
    iend = clean.index(b"IEND") - 4
    return insert(clean, iend, png_chunk(b"eXIf", gps_exif("late-exif")[6:])), clean


def _webp_unknown_chunks() -> tuple[bytes, bytes | None]:
    clean = webp(icc_profile=icc(), exif=orientation_exif(3))
    chunks = webp_chunks(clean)
    body = b"".join(riff_chunk(kind, data) for kind, data in chunks)
    planted = riff(
        body + riff_chunk(b"XMP ", xmp("webp-xmp")) + riff_chunk(b"SECR", secret("unknown-chunk"))
    )
    return planted, clean


def _webp_simple_trailer() -> tuple[bytes, bytes | None]:
    clean = webp(quality=80)
    assert clean[12:16] == b"VP8 "
    planted = riff(clean[12:] + riff_chunk(b"EXIF", gps_exif("simple")[6:]))
    return planted + secret("after-riff"), clean


def _webp_frame_with_unknown_chunk() -> tuple[bytes, bytes | None]:
    clean = animated_webp()
    chunks = webp_chunks(clean)
    rebuilt = b""
    for kind, data in chunks:
        if kind == b"ANMF" and SECRET not in rebuilt:
            data = data + riff_chunk(b"SECR", secret("in-frame"))
        rebuilt += riff_chunk(kind, data)
    return riff(rebuilt), clean


def _gif_plain_text_and_loop_blocks() -> tuple[bytes, bytes | None]:
    clean = gif()
    header_end = gif_header_end(clean)
    loop = clean.index(b"NETSCAPE2.0") - 3
    loop_end = loop + 3 + 11 + 4 + 1
    assert clean[loop_end - 1] == 0
    padded_loop = clean[loop : loop_end - 1] + b"\x0b\x02" + secret("loop")[:10] + b"\x00"
    text = gif_extension(0x01, b"\x00" * 12 + secret("plain-text"))
    comment = gif_extension(0xFE, secret("comment"))
    app = gif_extension(0xFF, xmp("gif-xmp"), identifier=b"XMP DataXMP")
    planted = (
        clean[:header_end]
        + comment
        + clean[header_end:loop]
        + padded_loop
        + text
        + app
        + clean[loop_end:]
        + secret("trailing")
    )
    return planted, clean


CASES: tuple[Case, ...] = (
    Case("jpeg-photoshop", ".jpg", _jpeg_photoshop, ("location", "owner", "preview image")),
    Case("jpeg-repeated", ".jpg", _jpeg_second_exif_xmp_and_comment, ("location", "comment")),
    Case("jpeg-between-scans", ".jpg", _jpeg_between_scans, ("location", "comment")),
    Case("jpeg-jfif-thumbnails", ".jpg", _jpeg_jfif_thumbnail, ("preview image",)),
    Case("jpeg-fill-and-stray", ".jpg", _jpeg_fill_and_stray_bytes, ("location", "comment")),
    Case("jpeg-odd-exif-id", ".jpg", _jpeg_exif_wrong_identifier, ("location",)),
    Case("jpeg-trailer", ".jpg", _jpeg_trailer_after_stray_byte, ("hidden data after the image",)),
    Case("jpeg-second-image", ".jpg", _jpeg_extra_image_after_end, ("extra images",)),
    Case("jpeg-vendor-segments", ".jpg", _jpeg_vendor_segments, ("XMP", "other data")),
    Case("png-acropalypse", ".png", _png_acropalypse, ("hidden data after the image",)),
    Case("png-chunks", ".png", _png_metadata_chunks, ("location", "owner", "dates", "XMP")),
    Case("png-late-exif", ".png", _png_orientation_after_idat, ("location",)),
    Case("webp-unknown", ".webp", _webp_unknown_chunks, ("location", "other data")),
    Case("webp-trailer", ".webp", _webp_simple_trailer, ("location",)),
    Case("webp-frame-chunk", ".webp", _webp_frame_with_unknown_chunk, ("other data",)),
    Case("gif-blocks", ".gif", _gif_plain_text_and_loop_blocks, ("comment", "text", "XMP")),
)


# --- a 200-megapixel photo, without 600 MB of pixels ----------------------------------------

#: The standard luminance Huffman tables (ITU T.81 K.3): DC, then AC.
_DC_COUNTS = bytes((0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0))
_DC_VALUES = bytes(range(12))
_AC_COUNTS = bytes((0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7D))
_AC_VALUES = bytes.fromhex(
    "01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a"
    "25262728292a3435363738393a434445464748494a535455565758595a636465666768696a73747576777879"
    "7a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9"
    "cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9fa"
)


def huge_gray_jpeg(width: int = 16320, height: int = 12240, exif: bytes = b"") -> bytes:
    """A valid baseline JPEG of ``width`` x ``height`` grey pixels in a few MB: every 8 x 8
    block is "no change of DC, end of block" (2 + 4 bits with the standard tables)."""
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    bits = "001010" * 4  # 4 blocks = 24 bits = 3 bytes
    pattern = int(bits, 2).to_bytes(3, "big")
    data = pattern * (blocks // 4)
    tail = "001010" * (blocks % 4)
    if tail:
        tail += "1" * (-len(tail) % 8)
        data += int(tail, 2).to_bytes(len(tail) // 8, "big")
    frame = struct.pack(">BHHB", 8, height, width, 1) + bytes((1, 0x11, 0))
    return (
        b"\xff\xd8"
        + (segment(0xE1, exif) if exif else b"")
        + segment(0xDB, b"\x00" + b"\x01" * 64)
        + segment(0xC0, frame)
        + segment(0xC4, b"\x00" + _DC_COUNTS + _DC_VALUES)
        + segment(0xC4, b"\x10" + _AC_COUNTS + _AC_VALUES)
        + segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
        + data
        + b"\xff\xd9"
    )
