"""``--headless`` prepares files as asked: metadata removed, formats converted, sizes capped.

Each test runs the real command as a process against the sandbox server and checks what the
server stored, with exiftool as an independent reader of the metadata.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps

from tests.fixtures_metadata import gif_with_metadata, jpeg_with_metadata, picture
from tests.images import png_bytes, write
from tests.test_headless import run
from tests.test_prepare_metadata import exiftool, jpeg_scan
from uploader_gui.core.paths import cache_dir
from uploader_gui.core.prepare.limits import pillow_with_heif
from uploader_gui.sandbox import SandboxServer

pillow_with_heif()  # pillow-heif is a dependency: a broken install fails, never skips


def _headless(sandbox: SandboxServer, *args: str) -> list[dict[str, Any]]:
    done = run(
        "--headless", "--json", "--api-url", sandbox.url, *args, key=sandbox.key, plain=False
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_location_and_personal_fields_never_reach_the_server(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    photo = jpeg_with_metadata(tmp_path / "holiday.jpg")
    assert any(key.startswith("GPS:") for key in exiftool(photo))  # the fixture has them
    (record,) = _headless(sandbox, str(photo))
    (stored,) = sandbox.uploads
    tags = exiftool(stored.path)
    assert not [key for key in tags if key.startswith(("GPS:", "XMP", "IPTC"))]
    for field in ("ExifIFD:SerialNumber", "IFD0:Artist", "IFD0:Make", "File:Comment"):
        assert field not in tags
    assert tags.get("IFD0:Orientation") == 6  # how it looks is kept
    assert "ICC_Profile:ProfileDescription" in tags
    assert jpeg_scan(stored.path.read_bytes()) == jpeg_scan(photo.read_bytes())  # not re-encoded
    prepared = record["prepared"]
    assert isinstance(prepared, dict)
    assert "location" in prepared["removed"]
    assert record["filename"] == "holiday.jpg"
    assert list((cache_dir() / "prepared").glob("*/*")) == []  # the private copy is gone


def test_keep_metadata_sends_the_original_and_a_clean_file_goes_byte_for_byte(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    photo = jpeg_with_metadata(tmp_path / "as-is.jpg")
    clean = write(tmp_path / "clean.png", png_bytes(seed=4))
    _headless(sandbox, "--keep-metadata", str(photo))
    records = _headless(sandbox, str(clean))
    assert [u.path.read_bytes() for u in sandbox.uploads] == [
        photo.read_bytes(),
        clean.read_bytes(),
    ]
    assert records[0]["prepared"] == {}


def test_an_animated_gif_arrives_without_its_comment_and_xmp(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    animation, clean = gif_with_metadata(tmp_path / "reaction.gif")
    (record,) = _headless(sandbox, str(animation))
    (stored,) = sandbox.uploads
    assert stored.path.read_bytes() == clean  # every frame byte for byte, nothing else
    assert stored.content_type == "image/gif"
    prepared = record["prepared"]
    assert isinstance(prepared, dict)
    assert prepared["removed"] == ["owner", "hidden data after the image", "XMP", "IPTC", "comment"]


def test_heic_is_sent_as_jpeg_named_after_it(sandbox: SandboxServer, tmp_path: Path) -> None:
    heic = tmp_path / "IMG_0042.HEIC"
    picture((120, 90)).save(heic, quality=90)
    (record,) = _headless(sandbox, str(heic))
    (stored,) = sandbox.uploads
    assert (stored.filename, stored.content_type) == ("IMG_0042.jpg", "image/jpeg")
    assert record["prepared"] == {"converted_from": "heic"}
    with Image.open(stored.path) as image:
        assert image.size == (120, 90)


def test_bmp_converts_to_an_identical_png_unless_told_not_to(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    bmp = tmp_path / "scan.bmp"
    picture((40, 30)).save(bmp)
    _headless(sandbox, str(bmp))
    (stored,) = sandbox.uploads
    assert (stored.filename, stored.content_type) == ("scan.png", "image/png")
    with Image.open(stored.path) as after, Image.open(bmp) as before:
        assert after.convert("RGB").tobytes() == before.convert("RGB").tobytes()
    refused = run(
        "--headless",
        "--no-convert",
        "--api-url",
        sandbox.url,
        str(bmp),
        key=sandbox.key,
        plain=False,
    )
    assert refused.returncode == 1
    assert "not an image the service accepts: BMP" in refused.stderr


def test_max_size_keeps_a_portrait_photo_portrait(sandbox: SandboxServer, tmp_path: Path) -> None:
    photo = tmp_path / "tall.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6
    picture((4000, 3000)).save(photo, quality=90, exif=exif.tobytes())
    (record,) = _headless(sandbox, "--max-size", "2048", str(photo))
    (stored,) = sandbox.uploads
    with Image.open(stored.path) as image:
        assert ImageOps.exif_transpose(image).size == (1536, 2048)
    assert record["prepared"] == {"resized_from": [3000, 4000]}


def test_the_flags_need_headless_and_a_sane_size() -> None:
    assert run("--keep-metadata").returncode == 2
    bad = run("--headless", "--max-size", "12", "x.png", plain=False)
    assert bad.returncode == 2
    assert "64 to 100000" in bad.stderr


def test_a_crash_s_prepared_files_are_removed_at_the_next_start(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    leftover = cache_dir() / "prepared" / "999999999"  # a process that no longer exists
    leftover.mkdir(parents=True)
    write(leftover / "holiday-0.jpg", b"private")
    _headless(sandbox, str(write(tmp_path / "a.png", png_bytes())))
    assert not leftover.exists()
    assert os.listdir(cache_dir() / "prepared") == []


def test_a_photo_replaced_while_its_clean_copy_uploads_is_prepared_and_sent_again(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    import threading
    import time

    photo = jpeg_with_metadata(tmp_path / "edit.jpg")
    newer = jpeg_with_metadata(tmp_path / "newer.jpg")
    picture((64, 48), seed=7).save(newer, quality=90)  # other pixels, same name later
    sandbox.faults.latency = 1.0  # the server answers a second after the body

    def replace_once_sending() -> None:
        deadline = time.monotonic() + 30
        while not any(r.method == "POST" for r in sandbox.requests):
            assert time.monotonic() < deadline
            time.sleep(0.01)
        os.replace(newer, photo)  # as an editor saves: a new file under the old name

    thread = threading.Thread(target=replace_once_sending, daemon=True)
    thread.start()
    (record,) = _headless(sandbox, str(photo))
    thread.join(30)
    assert len([r for r in sandbox.requests if r.method == "POST"]) == 2
    final = sandbox.uploads[-1]
    assert record["url"] == final.url
    with Image.open(final.path) as sent, Image.open(photo) as now:
        assert sent.tobytes() == now.tobytes()  # the file as it is now, not as it was
    assert not [key for key in exiftool(final.path) if key.startswith("GPS:")]


def test_a_shrunk_copy_carries_nothing_of_the_original_but_its_colour(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    from tests import hostile_images as hi
    from tests.test_prepare_allowlist import exiftool_all, not_allowed

    photo = tmp_path / "big.jpg"
    picture((1600, 1200)).save(
        photo,
        quality=90,
        icc_profile=hi.icc(),
        exif=hi.gps_exif("shrunk"),
        xmp=hi.xmp("shrunk"),
        comment=hi.secret("comment"),  # Pillow's encoder would write a comment back from info
    )
    (record,) = _headless(sandbox, "--max-size", "800", str(photo))
    (stored,) = sandbox.uploads
    sent = stored.path.read_bytes()
    assert hi.SECRET not in sent
    assert not_allowed(exiftool_all([stored.path])[stored.path]) == []
    with Image.open(stored.path) as image:
        assert image.size == (800, 600)
        assert image.info["icc_profile"] == hi.icc()
    prepared = record["prepared"]
    assert isinstance(prepared, dict)
    assert prepared["resized_from"] == [1600, 1200]
    assert prepared["removed"][:3] == ["location", "camera serial", "owner"]  # the original's


def test_max_size_shrinks_an_mpo_and_a_still_gif_and_says_when_it_cannot(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    from tests import hostile_images as hi

    mpo = tmp_path / "phone.jpg"
    first = picture((1200, 900))
    first.save(mpo, format="MPO", save_all=True, append_images=[picture((1200, 900), seed=4)])
    still = tmp_path / "banner.gif"
    picture((1500, 100)).convert("P").save(still)
    animated = tmp_path / "anim.gif"
    frames = [hi.photo((400, 40), seed=n * 50).convert("P") for n in range(3)]
    frames[0].save(animated, save_all=True, append_images=frames[1:], duration=90, loop=0)
    clean_animation = animated.read_bytes()
    with Image.open(mpo) as check:
        assert check.format == "MPO"
    records = _headless(sandbox, "--max-size", "300", str(mpo), str(still), str(animated))
    uploads = {upload.filename: upload for upload in sandbox.uploads}
    shrunk_mpo, shrunk_gif, kept_gif = (uploads[n] for n in ("phone.jpg", "banner.gif", "anim.gif"))
    with Image.open(shrunk_mpo.path) as image:
        assert (image.format, image.size) == ("JPEG", (300, 225))
    assert shrunk_mpo.path.read_bytes().count(b"\xff\xd8") == 1  # one picture
    with Image.open(shrunk_gif.path) as image:
        assert (image.format, image.size) == ("GIF", (300, 20))
    assert kept_gif.path.read_bytes() == clean_animation  # every frame as it was
    assert records[0]["prepared"]["resized_from"] == [1200, 900]
    assert records[1]["prepared"]["resized_from"] == [1500, 100]
    assert records[2]["prepared"] == {"notes": ["an animated GIF is sent at its own size"]}


def test_keep_metadata_carries_a_heic_s_exif_and_xmp_into_its_jpeg(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    from tests import hostile_images as hi

    heic = tmp_path / "IMG_1.HEIC"
    picture((64, 48)).save(heic, quality=90, exif=hi.gps_exif("heic"), xmp=hi.xmp("heic"))
    (kept,) = _headless(sandbox, "--keep-metadata", str(heic))
    (with_metadata,) = sandbox.uploads
    (removed,) = _headless(sandbox, str(heic))
    without = sandbox.uploads[1]
    tags = exiftool(with_metadata.path)
    assert "GPS:GPSLatitude" in tags
    assert any(key.startswith("XMP") for key in tags)
    assert tags.get("IFD0:Orientation", 1) == 1  # the pixels are upright already
    assert kept["prepared"] == {"converted_from": "heic"}
    assert hi.SECRET not in without.path.read_bytes()
    assert removed["prepared"]["removed"][:2] == ["location", "camera serial"]
