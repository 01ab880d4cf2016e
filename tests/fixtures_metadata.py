"""Images carrying personal metadata (and clean ones), written for the metadata-removal tests.

Pillow writes the images and most of their metadata. What Pillow cannot write into a JPEG
(IPTC, an EXIF thumbnail) is added with exiftool, which edits without touching the scan data.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

from PIL import Image, ImageCms, PngImagePlugin

GPS_IFD = 0x8825
EXIF_IFD = 0x8769

LATITUDE = (48.0, 51.0, 29.0)
LONGITUDE = (2.0, 17.0, 40.0)
SERIAL = "SN-0042-PRIVATE"
OWNER = "Alice Example"
ARTIST = "Alice Artist"
COMMENT = "taken at home, do not share"
XMP_SECRET = "xmp-secret-person"

XMP = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <dc:creator><rdf:Seq><rdf:li>{XMP_SECRET}</rdf:li></rdf:Seq></dc:creator>
   <xmp:CreateDate>2024-05-01T10:11:12</xmp:CreateDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


@functools.cache
def icc_profile() -> bytes:
    """An sRGB ICC profile made by LittleCMS (through Pillow), the same for the whole run
    (its header holds the time it was made)."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    data: bytes = profile.tobytes()
    return data


def picture(size: tuple[int, int] = (64, 48), mode: str = "RGB", seed: int = 0) -> Image.Image:
    """A small image with varied pixels (a gradient), so re-encoding would show."""
    width, height = size
    image = Image.new(mode, size)
    bands = len(mode)
    image.putdata(
        [
            tuple(((x * 7 + y * 3 + seed + band * 50) % 256) for band in range(bands))
            for y in range(height)
            for x in range(width)
        ]
    )
    return image


def personal_exif(orientation: int = 6) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "ExampleCam"  # Make
    exif[0x0110] = "Model X100"  # Model
    exif[0x0112] = orientation  # Orientation
    exif[0x0131] = "Example Firmware 1.2"  # Software
    exif[0x0132] = "2024:05:01 10:11:12"  # DateTime
    exif[0x013B] = ARTIST  # Artist
    exif[0x8298] = f"(c) {OWNER}"  # Copyright
    exif[EXIF_IFD] = {
        0x9003: "2024:05:01 10:11:12",  # DateTimeOriginal
        0x9004: "2024:05:01 10:11:12",  # DateTimeDigitized
        0x927C: b"ExampleMakerNote\x00private-bytes",  # MakerNote
        0xA430: OWNER,  # CameraOwnerName
        0xA431: SERIAL,  # BodySerialNumber
        0xA435: "LENS-SN-77",  # LensSerialNumber
    }
    exif[GPS_IFD] = {1: "N", 2: LATITUDE, 3: "E", 4: LONGITUDE}
    return exif


def _exiftool(*arguments: str) -> None:
    exiftool = shutil.which("exiftool")
    if exiftool is None:
        raise RuntimeError("exiftool is missing: apt-get install libimage-exiftool-perl")
    subprocess.run(
        [exiftool, "-q", "-overwrite_original", *arguments],
        check=True,
        capture_output=True,
        timeout=60,
    )


def jpeg_with_metadata(path: Path) -> Path:
    """A JPEG with EXIF (GPS, serials, owner, artist, dates, maker note, orientation 6,
    thumbnail), an ICC profile, XMP, IPTC and a COM comment."""
    picture().save(
        path,
        "JPEG",
        quality=90,
        exif=personal_exif().tobytes(),
        icc_profile=icc_profile(),
        xmp=XMP.encode(),
        comment=COMMENT.encode(),
    )
    thumbnail = path.with_name(path.stem + ".thumb.jpg")
    picture((16, 12)).save(thumbnail, "JPEG", quality=70)
    _exiftool(
        f"-ThumbnailImage<={thumbnail}",
        f"-IPTC:By-line={OWNER}",
        "-IPTC:City=Paris",
        "-IPTC:DateCreated=2024:05:01",
        str(path),
    )
    thumbnail.unlink()
    return path


def png_with_metadata(path: Path) -> Path:
    """A PNG with eXIf (GPS, serial, orientation 6), iTXt XMP, tEXt, zTXt, tIME, iCCP, gAMA."""
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP)
    info.add_text("Author", OWNER)
    info.add_text("Comment", COMMENT, zip=True)  # a zTXt chunk
    info.add(b"tIME", bytes([0x07, 0xE8, 5, 1, 10, 11, 12]))  # 2024-05-01 10:11:12
    info.add(b"gAMA", (45455).to_bytes(4, "big"))
    picture().save(
        path,
        "PNG",
        pnginfo=info,
        exif=personal_exif().tobytes(),
        icc_profile=icc_profile(),
    )
    return path


def webp_with_metadata(path: Path, lossless: bool = False) -> Path:
    """A WebP (VP8, or VP8L when ``lossless``) with EXIF and XMP chunks and an ICC profile."""
    picture().save(
        path,
        "WEBP",
        quality=80,
        lossless=lossless,
        exif=personal_exif().tobytes(),
        xmp=XMP.encode(),
        icc_profile=icc_profile(),
    )
    return path


def clean_jpeg(path: Path) -> Path:
    picture(seed=9).save(path, "JPEG", quality=85)
    return path


def clean_png(path: Path) -> Path:
    picture(seed=9).save(path, "PNG")
    return path


def clean_png_with_colour(path: Path) -> Path:
    """A PNG whose only extras change how it looks (iCCP, gAMA): nothing to remove."""
    info = PngImagePlugin.PngInfo()
    info.add(b"gAMA", (45455).to_bytes(4, "big"))
    picture(seed=3).save(path, "PNG", pnginfo=info, icc_profile=icc_profile())
    return path


def clean_jpeg_with_orientation(path: Path) -> Path:
    """A JPEG whose only metadata is what changes how it looks: orientation and ICC."""
    exif = Image.Exif()
    exif[0x0112] = 6
    picture(seed=5).save(path, "JPEG", quality=85, exif=exif.tobytes(), icc_profile=icc_profile())
    return path


def animated_gif_with_comment(path: Path, frames: int = 3) -> Path:
    images = [picture((32, 24), seed=seed * 40).convert("P") for seed in range(frames)]
    images[0].save(
        path,
        "GIF",
        save_all=True,
        append_images=images[1:],
        duration=100,
        loop=0,
        comment=COMMENT.encode(),
    )
    return path


def _gif_extension(label: int, payload: bytes, identifier: bytes = b"") -> bytes:
    """An extension block: introducer, label, [identifier sub-block], data sub-blocks."""
    blocks = bytes((0x21, label))
    if identifier:
        blocks += bytes((len(identifier),)) + identifier
    for at in range(0, len(payload), 255):
        piece = payload[at : at + 255]
        blocks += bytes((len(piece),)) + piece
    return blocks + b"\x00"


def gif_with_metadata(path: Path) -> tuple[Path, bytes]:
    """An animated GIF (3 frames, looping) with a comment before the first frame, an XMP
    packet with a location and an ImageMagick IPTC block between frames, and bytes after the
    trailer; also the clean file Pillow wrote, which is what must be sent."""
    clean = path.with_name(path.stem + ".clean.gif")
    images = [picture((32, 24), seed=seed * 40).convert("P") for seed in range(3)]
    images[0].save(clean, "GIF", save_all=True, append_images=images[1:], duration=100, loop=0)
    data = clean.read_bytes()
    clean.unlink()
    flags = data[10]
    header_end = 13 + (3 * (1 << ((flags & 7) + 1)) if flags & 0x80 else 0)
    comment = _gif_extension(0xFE, COMMENT.encode())
    xmp = _gif_extension(0xFF, XMP.encode() * 2, identifier=b"XMP DataXMP")
    iptc = _gif_extension(0xFF, f"By-line {OWNER}".encode(), identifier=b"MGKIPTC0000")
    second_frame = data.index(b"\x21\xf9", data.index(b"\x2c", header_end))
    path.write_bytes(
        data[:header_end]
        + comment
        + data[header_end:second_frame]
        + xmp
        + iptc
        + data[second_frame:]
        + f"trailing {SERIAL}".encode()
    )
    return path, data
