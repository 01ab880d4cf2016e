"""Thumbnails of the formats converted before upload: BMP and TIFF by Qt, HEIC and AVIF by
Pillow, all scaled to thumbnail size off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tests.fixtures_metadata import picture
from uploader_gui.core.prepare.limits import pillow_with_heif
from uploader_gui.ui.base.thumbnails import THUMBNAIL_PIXELS, read_thumbnail

pillow_with_heif()  # pillow-heif is a dependency: a broken install fails, never skips


@pytest.mark.parametrize("name", ["photo.heic", "photo.avif", "scan.bmp", "scan.tiff"])
def test_converted_formats_get_a_thumbnail(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    picture((640, 480)).save(path)
    image, size = read_thumbnail(path)
    assert size == path.stat().st_size
    assert (image.width(), image.height()) == (THUMBNAIL_PIXELS, THUMBNAIL_PIXELS * 3 // 4)


def test_a_heic_taken_on_its_side_is_shown_upright(tmp_path: Path) -> None:
    path = tmp_path / "side.heic"
    exif = Image.Exif()
    exif[0x0112] = 6
    picture((400, 300)).save(path, exif=exif.tobytes())
    image, _size = read_thumbnail(path)
    assert image.height() > image.width()
