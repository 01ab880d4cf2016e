import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.images import SIGNATURES, fake_image, png_bytes, write
from uploader_gui.core.errors import LocalFileError, UnsupportedTypeError
from uploader_gui.core.sniff import ACCEPTED_MIMES, check_image, describe, sniff


@pytest.mark.parametrize("mime", sorted(SIGNATURES))
def test_each_accepted_type_is_recognised_from_its_bytes(mime: str) -> None:
    found = sniff(fake_image(mime, 64))
    assert found is not None
    assert found.mime == mime


def test_the_name_does_not_decide_the_type(tmp_path: Path) -> None:
    jpeg_named_png = write(tmp_path / "photo.png", fake_image("image/jpeg"))
    image_type, size = check_image(jpeg_named_png)
    assert image_type.mime == "image/jpeg"
    assert size == 2048


@pytest.mark.parametrize(
    ("head", "named"),
    [
        (b"BM\x36\x00\x00\x00", "BMP"),
        (b"II*\x00\x08\x00", "TIFF"),
        (b"MM\x00*\x00\x00", "TIFF"),
        (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">', "SVG"),
        (b"<svg width='1'/>", "SVG"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "HEIC"),
        (b"\x00\x00\x00\x18ftypavif\x00\x00\x00\x00", "AVIF"),
        (b"%PDF-1.7", "PDF"),
        (b"hello world\n", "text"),
        (b"", "an empty file"),
        (b"\x00\x01\x02\x03\xfe", "unknown data"),
    ],
)
def test_refused_types_are_named(head: bytes, named: str) -> None:
    assert sniff(head) is None
    assert describe(head) == named


def test_refusal_message_names_the_type_and_the_allowed_ones(tmp_path: Path) -> None:
    bmp = write(tmp_path / "pic.png", b"BM" + b"\x00" * 100)
    with pytest.raises(UnsupportedTypeError) as info:
        check_image(bmp)
    assert str(info.value) == (
        "not an image the service accepts: BMP; allowed: PNG, JPEG, WebP, GIF"
    )


def test_empty_missing_and_folder_are_refused_with_reasons(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.png", b"")
    with pytest.raises(LocalFileError, match="empty"):
        check_image(empty)
    with pytest.raises(LocalFileError, match="does not exist"):
        check_image(tmp_path / "gone.png")
    with pytest.raises(LocalFileError, match="folder"):
        check_image(tmp_path)


def test_unreadable_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root reads any file whatever its mode, so simulate the refusal the OS gives others.
    locked = write(tmp_path / "locked.png", png_bytes())
    real_open = os.open

    def refuse(path: str | Path, *args: Any, **kwargs: Any) -> int:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(os, "open", refuse)
        with pytest.raises(LocalFileError, match="permission denied"):
            check_image(locked)


@given(st.binary(max_size=600))
def test_sniff_and_describe_never_fail_and_agree(data: bytes) -> None:
    found = sniff(data)
    name = describe(data)
    assert isinstance(name, str)
    assert name
    if found is not None:
        assert found.mime in ACCEPTED_MIMES
        assert name == found.name


@given(st.sampled_from(sorted(SIGNATURES)), st.binary(max_size=200))
def test_any_tail_after_a_signature_keeps_the_type(mime: str, tail: bytes) -> None:
    found = sniff(SIGNATURES[mime] + tail)
    assert found is not None
    assert found.mime == mime
