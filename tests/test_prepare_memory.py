"""Bounded memory for any batch: the whole ``--headless`` process's peak RSS stays at or under
350 MB at the default concurrency (4), measured in a fresh process against the sandbox.

The batches are the ones that ran away before: four 48-megapixel HEICs (iPhone-style grids
of 512-pixel tiles), four 49-megapixel PNGs shrunk with ``--max-size``, and a 512 MB file.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from benchmarks.common import peak_rss
from tests import hostile_images as hi
from uploader_gui.core.prepare.limits import pillow_with_heif
from uploader_gui.sandbox import SandboxServer

LIMIT_MB = 350
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def big_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One 48 MP HEIC and one 49 MP PNG, made once (each batch copies them)."""
    folder = tmp_path_factory.mktemp("big")
    pillow_with_heif()
    import pillow_heif

    pillow_heif.options.GRID_TILE_SIZE = 512  # as an iPhone writes them
    try:
        photo = Image.linear_gradient("L").resize((8064, 6048)).convert("RGB")
        photo.save(folder / "IMG_48MP.HEIC", quality=50, exif=hi.gps_exif("heic"))
    finally:
        pillow_heif.options.GRID_TILE_SIZE = 0
    del photo
    scan = Image.linear_gradient("L").resize((7000, 7000)).convert("RGB")
    scan.save(folder / "scan-49MP.png", compress_level=1)
    return folder


def batch(sandbox: SandboxServer, *args: str) -> tuple[float, list[dict[str, Any]]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMAGEPIPELINE_")}
    env["IMAGEPIPELINE_API_KEY"] = sandbox.key
    command = [sys.executable, "-m", "uploader_gui", "--headless", "--json"]
    done = peak_rss([*command, "--api-url", sandbox.url, *args], env=env)
    assert done.returncode == 0, done.stderr.decode()
    return done.peak_mb, [json.loads(line) for line in done.stdout.splitlines()]


def copies(source: Path, folder: Path, count: int) -> list[str]:
    paths = []
    for number in range(count):
        target = folder / f"{number}-{source.name}"
        shutil.copyfile(source, target)
        paths.append(str(target))
    return paths


def test_four_48_megapixel_heics(sandbox: SandboxServer, big_files: Path, tmp_path: Path) -> None:
    peak, records = batch(sandbox, *copies(big_files / "IMG_48MP.HEIC", tmp_path, 4))
    assert len(sandbox.uploads) == 4
    assert all(record["prepared"]["converted_from"] == "heic" for record in records)
    with Image.open(sandbox.uploads[0].path) as image:
        assert (image.format, image.size) == ("JPEG", (8064, 6048))
    assert peak <= LIMIT_MB, f"peak RSS {peak:.0f} MB"


def test_four_49_megapixel_pngs_shrunk(
    sandbox: SandboxServer, big_files: Path, tmp_path: Path
) -> None:
    files = copies(big_files / "scan-49MP.png", tmp_path, 4)
    peak, records = batch(sandbox, "--max-size", "2048", *files)
    assert [record["prepared"]["resized_from"] for record in records] == [[7000, 7000]] * 4
    assert peak <= LIMIT_MB, f"peak RSS {peak:.0f} MB"


def test_a_512_mb_file_is_never_read_whole(sandbox: SandboxServer, tmp_path: Path) -> None:
    """A phone photo followed by 512 MB of something else: walked a window at a time, and
    only the picture is sent."""
    photo = tmp_path / "huge.jpg"
    with photo.open("wb") as file:
        file.write(hi.clean_jpeg())
        file.truncate(512 * 1024 * 1024 - 64)
        file.seek(0, os.SEEK_END)
        file.write(hi.secret("at-the-end").ljust(64, b"!"))
    peak, (record,) = batch(sandbox, str(photo))
    (stored,) = sandbox.uploads
    assert stored.path.read_bytes() == hi.clean_jpeg()
    assert record["prepared"] == {"removed": ["hidden data after the image"]}
    assert peak <= 100, f"peak RSS {peak:.0f} MB"
