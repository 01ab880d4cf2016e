"""What metadata removal names and keeps: field groups for people, and the tags and PNG chunks
in each. (Data only: :mod:`.metadata` does the removing.)"""

from __future__ import annotations

from typing import Final

from ..i18n import QT_TRANSLATE_NOOP

# Field groups, in the order a person cares about them (the first one found leads the summary).
# The names are data (``--json`` lists them in English); marked for translation here, they are
# translated where a person reads them (:meth:`.pipeline.Prepared.summary`, as the {group}
# of "{group} and %n other field(s) removed").
LOCATION: Final = QT_TRANSLATE_NOOP("Prepare", "location")
CAMERA_SERIAL: Final = QT_TRANSLATE_NOOP("Prepare", "camera serial")
OWNER: Final = QT_TRANSLATE_NOOP("Prepare", "owner")
DATES: Final = QT_TRANSLATE_NOOP("Prepare", "dates")
CAMERA: Final = QT_TRANSLATE_NOOP("Prepare", "camera make and model")
MAKER_NOTES: Final = QT_TRANSLATE_NOOP("Prepare", "maker notes")
THUMBNAIL: Final = QT_TRANSLATE_NOOP("Prepare", "EXIF thumbnail")
#: Further images stored after a JPEG's own (MPF/MPO: previews, other exposures, depth),
#: each with its own EXIF.
EXTRA_IMAGES: Final = QT_TRANSLATE_NOOP("Prepare", "extra images")
XMP: Final = QT_TRANSLATE_NOOP("Prepare", "XMP")
IPTC: Final = QT_TRANSLATE_NOOP("Prepare", "IPTC")
COMMENT: Final = QT_TRANSLATE_NOOP("Prepare", "comment")
TEXT: Final = QT_TRANSLATE_NOOP("Prepare", "text")
OTHER_EXIF: Final = QT_TRANSLATE_NOOP("Prepare", "other EXIF")
OTHER: Final = QT_TRANSLATE_NOOP("Prepare", "other data")
GROUP_ORDER: Final[tuple[str, ...]] = (
    LOCATION,
    CAMERA_SERIAL,
    OWNER,
    DATES,
    CAMERA,
    MAKER_NOTES,
    THUMBNAIL,
    EXTRA_IMAGES,
    XMP,
    IPTC,
    COMMENT,
    TEXT,
    OTHER_EXIF,
    OTHER,
)

# What is kept, named for people.
ORIENTATION: Final = "orientation"
COLOUR_PROFILE: Final = "colour profile"
ANIMATION: Final = "animation"

ORIENTATION_KEY: Final = "Exif.Image.Orientation"
#: Offsets to other EXIF directories: structure, not information.
_EXIF_POINTERS: Final = frozenset(
    {"Exif.Image.ExifTag", "Exif.Image.GPSTag", "Exif.Photo.InteroperabilityTag"}
)
#: libexiv2's groups for the standard TIFF/EXIF directories; any other group is a maker note.
_STANDARD_EXIF_GROUPS: Final = frozenset(
    {"Image", "Image2", "Image3", "Photo", "GPSInfo", "Iop", "Thumbnail", "SubThumb1", "MpfInfo"}
    | {f"SubImage{n}" for n in range(1, 10)}
)
_OWNER_TAGS: Final = frozenset({"Artist", "Copyright", "CameraOwnerName", "OwnerName", "XPAuthor"})
_CAMERA_TAGS: Final = frozenset(
    {"Make", "Model", "LensMake", "LensModel", "LensSpecification", "Software", "HostComputer"}
)

#: PNG chunks kept byte for byte: the image itself, what changes how it looks, and animation.
#: Every other chunk (tEXt, zTXt, iTXt, eXIf, tIME, private chunks…) is dropped.
_PNG_KEPT_CHUNKS: Final = frozenset(
    {
        b"IHDR",
        b"PLTE",
        b"IDAT",
        b"IEND",
        b"tRNS",
        b"gAMA",
        b"cHRM",
        b"sRGB",
        b"iCCP",
        b"cICP",
        b"mDCv",
        b"cLLi",
        b"sBIT",
        b"bKGD",
        b"pHYs",
        b"acTL",
        b"fcTL",
        b"fdAT",
    }
)
_PNG_COLOUR_CHUNKS: Final = frozenset({b"iCCP", b"sRGB", b"gAMA", b"cHRM", b"cICP"})
_PNG_TEXT_CHUNKS: Final = frozenset({b"tEXt", b"zTXt", b"iTXt"})
#: Text keywords whose content libexiv2 reads (and so counts field by field).
_PNG_XMP_KEYWORD: Final = "XML:com.adobe.xmp"
_PNG_RAW_PROFILES: Final = {
    "Raw profile type exif": OTHER_EXIF,
    "Raw profile type APP1": OTHER_EXIF,
    "Raw profile type iptc": IPTC,
    "Raw profile type xmp": XMP,
}
_PNG_TEXT_GROUPS: Final = {
    "Author": OWNER,
    "Copyright": OWNER,
    "Creation Time": DATES,
    "Source": CAMERA,
    "Comment": COMMENT,
    "Description": COMMENT,
    "Title": COMMENT,
}
