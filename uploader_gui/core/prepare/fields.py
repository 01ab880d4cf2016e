"""What preparing names: the kinds of information removed, for people, and what is kept.

(Data only: the walkers remove, :mod:`.found` tells which kind each removed field was.)"""

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
#: Bytes after the end of the picture that are not a further image: a vendor's trailer, or
#: what a cropping tool left of the uncropped picture ("aCropalypse").
AFTER_END: Final = QT_TRANSLATE_NOOP("Prepare", "hidden data after the image")
#: A small copy of the picture kept outside EXIF (JFIF, Photoshop): it may show the
#: uncropped original.
PREVIEW: Final = QT_TRANSLATE_NOOP("Prepare", "preview image")
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
    PREVIEW,
    EXTRA_IMAGES,
    AFTER_END,
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
