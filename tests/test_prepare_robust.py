"""Never a traceback, never a lost URL, output a script can trust.

A file's failure, whatever raised it, is that file's error; ``--headless`` prints every URL
it obtained; the decoders' pixel limit is set once and high enough for a 200-megapixel photo,
which is stripped without being decoded; ``--json`` is valid in every locale and ``--format``
prints exactly one line per file, whatever the names hold.
"""

from __future__ import annotations

import ast
import base64
import io
import json
import locale
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests import hostile_images as hi
from tests.images import png_bytes, write
from uploader_gui import headless
from uploader_gui.core.destination import Destination
from uploader_gui.core.errors import LocalFileError
from uploader_gui.core.prepare import limits, pipeline
from uploader_gui.core.prepare.options import PrepareOptions
from uploader_gui.sandbox import SandboxServer

ROOT = Path(__file__).resolve().parent.parent


def headless_run(
    sandbox: SandboxServer, *args: str | bytes, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """The real command, its output as bytes (so that what it writes is checked as written)."""
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("IMAGEPIPELINE_", "LC_"))
    }
    environment["IMAGEPIPELINE_API_KEY"] = sandbox.key
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "uploader_gui", "--headless", "--api-url", sandbox.url, *args],
        capture_output=True,
        env=environment,
        timeout=120,
        check=False,
    )


# --- 200 megapixels ------------------------------------------------------------------------


def test_a_200_megapixel_photo_is_stripped_and_sent_like_any_other(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    photo = tmp_path / "IMG_200MP.jpg"
    photo.write_bytes(hi.huge_gray_jpeg(exif=hi.gps_exif("200mp")))
    done = headless_run(sandbox, "--format", "{width}x{height} {url}", str(photo))
    assert done.returncode == 0, done.stderr
    size, url = done.stdout.decode().split()
    assert size == "16320x12240"
    (stored,) = sandbox.uploads
    assert url == stored.url
    sent = stored.path.read_bytes()
    assert hi.SECRET not in sent
    assert sent == hi.huge_gray_jpeg()  # the same picture, only its EXIF gone


def test_a_200_megapixel_photo_can_be_shrunk(sandbox: SandboxServer, tmp_path: Path) -> None:
    photo = tmp_path / "big.jpg"
    photo.write_bytes(hi.huge_gray_jpeg())
    done = headless_run(sandbox, "--json", "--max-size", "2048", str(photo))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["prepared"]["resized_from"] == [16320, 12240]
    (stored,) = sandbox.uploads
    with Image.open(stored.path) as image:
        assert image.size == (2048, 1536)


def test_the_pixel_limit_is_set_once_and_never_changed(tmp_path: Path) -> None:
    image = limits.pillow()
    assert image.MAX_IMAGE_PIXELS == limits.MAX_PIXELS == 300_000_000
    bmp = tmp_path / "scan.bmp"
    hi.photo().save(bmp)
    prepared = pipeline.prepare(bmp, PrepareOptions(), tmp_path)
    assert prepared.converted_from == "bmp"
    assert image.MAX_IMAGE_PIXELS == limits.MAX_PIXELS
    # Nothing else in the app assigns it, and the app loads Pillow's Image only through
    # limits.pillow() (where it is set), so no decode ever runs with another limit.
    for module in (ROOT / "uploader_gui").rglob("*.py"):
        tree = ast.parse(module.read_text(), str(module))
        for node in ast.walk(tree):
            stored = isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)
            if stored and getattr(node, "attr", "") == "MAX_IMAGE_PIXELS":
                assert module.name == "limits.py", module
            if isinstance(node, ast.ImportFrom) and node.module == "PIL":
                names = {alias.name for alias in node.names}
                if "Image" in names and module.name != "limits.py":
                    assert _under_type_checking(tree, node), module


def _under_type_checking(tree: ast.Module, target: ast.AST) -> bool:
    for node in ast.walk(tree):
        guarded = isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
        if guarded and any(target is child for child in ast.walk(node)):
            return True
    return False


# --- never a traceback ---------------------------------------------------------------------


def test_a_decoder_s_surprise_becomes_the_file_s_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tiff = tmp_path / "scan.tiff"
    hi.photo().save(tiff)

    def surprise(*_args: object, **_kwargs: object) -> object:
        raise TypeError("unsupported operand type(s) for +: 'NoneType' and 'int'")

    monkeypatch.setattr(pipeline, "convert", surprise)
    with pytest.raises(LocalFileError) as raised:
        pipeline.prepare(tiff, PrepareOptions(), tmp_path)
    assert str(raised.value) == (
        "the image is damaged: unsupported operand type(s) for +: 'NoneType' and 'int'"
    )
    assert raised.value.retry_helps is False


def test_headless_prints_every_url_whatever_fails_between(
    sandbox: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [write(tmp_path / f"{n}.png", png_bytes(seed=n)) for n in range(5)]
    real = headless.run_upload  # type: ignore[attr-defined]

    def flaky(get_client: object, path: Path, **kwargs: object) -> object:
        if path.name == "2.png":
            raise KeyError("a bug, not a file's problem")
        return real(get_client, path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(headless, "run_upload", flaky)
    out, err = io.StringIO(), io.StringIO()
    status = headless.upload_files(
        [str(path) for path in files],
        destination=Destination(sandbox.url),
        api_key=sandbox.key,
        stdout=out,
        stderr=err,
    )
    assert status == headless.EXIT_SOME_FAILED
    assert len(out.getvalue().splitlines()) == 4 == len(sandbox.uploads)
    assert f"{files[2]}: unexpected error: KeyError" in err.getvalue()


# --- output a script can trust -------------------------------------------------------------

LOCALES = ["C", "C.UTF-8", "en_US.UTF-8"]


def _has_locale(name: str) -> bool:
    try:
        old = locale.setlocale(locale.LC_CTYPE)
        locale.setlocale(locale.LC_CTYPE, name)
        locale.setlocale(locale.LC_CTYPE, old)
    except locale.Error:
        return False
    return True


@pytest.mark.parametrize("where", LOCALES)
def test_json_is_valid_in_every_locale_and_gives_back_the_path_s_bytes(
    sandbox: SandboxServer, tmp_path: Path, where: str
) -> None:
    if not _has_locale(where):
        pytest.fail(f"the {where} locale is missing: scripts/setup.sh test generates it")
    folder = os.fsencode(tmp_path)
    names = [b"caf\xe9.png", b"two\nlines.png", "\u202ereversed.png".encode(), b"ok.png"]
    for number, name in enumerate(names):
        write(Path(os.fsdecode(folder + b"/" + name)), png_bytes(seed=number))
    missing = folder + b"/gone\n\xff.png"
    paths = [folder + b"/" + name for name in names] + [missing]
    done = headless_run(sandbox, "--json", *paths, env={"LC_ALL": where, "LANG": where})
    assert done.returncode == 1, done.stderr
    lines = done.stdout.split(b"\n")
    assert lines[-1] == b""
    lines = lines[:-1]
    assert len(lines) == len(paths)
    for raw, line in zip(paths, lines, strict=True):
        assert line.isascii()  # valid in any encoding a terminal or a pipe may use
        record = json.loads(line)
        assert os.fsencode(record["path"]) == raw
        if "path_base64" in record:
            assert base64.b64decode(record["path_base64"]) == raw
        else:
            assert record["path"].encode() == raw
    assert "error" in json.loads(lines[-1])
    assert len(sandbox.uploads) == 4


def test_format_prints_exactly_one_line_per_file(sandbox: SandboxServer, tmp_path: Path) -> None:
    good = write(tmp_path / "a.png", png_bytes())
    strange = tmp_path / "b\nc.png"  # a failed file's name with a newline in it
    other = write(tmp_path / "d\x1b[2J.png", png_bytes(seed=3))
    done = headless_run(sandbox, "--format", "url", str(good), str(strange), str(other))
    assert done.returncode == 1
    lines = done.stdout.decode().splitlines()
    assert len(lines) == 3
    assert lines[1] == str(tmp_path / "b\\nc.png")  # the path as given, escaped
    assert lines[0].startswith(sandbox.url)
    assert lines[2].startswith(sandbox.url)
    assert b"\x1b" not in done.stderr
