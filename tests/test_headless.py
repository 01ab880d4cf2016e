"""``uploader-gui --headless`` end to end, as a real process against the sandbox server."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.images import fake_image, png_bytes, write
from uploader_gui import __version__
from uploader_gui.core.destination import Destination
from uploader_gui.sandbox import SandboxServer


def run(
    *args: str,
    key: str | None = None,
    extra_env: dict[str, str] | None = None,
    cwd: Path | None = None,
    plain: bool = True,
    prefix: tuple[str, ...] = (),
) -> subprocess.CompletedProcess[str]:
    """The real command. ``plain``: with ``--headless``, send files as they are (no metadata
    removal, no conversion), as these tests of the upload mechanics use stand-in images;
    tests/test_prepare_headless.py covers preparing. ``prefix`` runs it through another
    command (see :data:`WITHOUT_PERMISSION_BYPASS`)."""
    if plain and "--headless" in args:
        args = (*args, "--keep-metadata", "--no-convert")
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMAGEPIPELINE_")}
    if key is not None:
        env["IMAGEPIPELINE_API_KEY"] = key
    env.update(extra_env or {})
    return subprocess.run(
        [*prefix, sys.executable, "-m", "uploader_gui", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=60,
        check=False,
    )


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"uploader-gui {__version__}"
    usage = run("--help").stdout
    for flag in ("--headless", "--json", "--concurrency", "--api-url", "--sandbox"):
        assert flag in usage
    assert "A folder stands for the image files in it" in usage


def test_urls_are_printed_in_input_order(sandbox: SandboxServer, tmp_path: Path) -> None:
    paths = [write(tmp_path / f"{i}.png", png_bytes(seed=i)) for i in range(6)]
    sandbox.faults.latency = 0.05
    done = run("--headless", "--api-url", sandbox.url, *map(str, paths), key=sandbox.key)
    assert done.returncode == 0, done.stderr
    urls = done.stdout.splitlines()
    assert len(urls) == 6
    for path, url in zip(paths, urls, strict=True):
        assert httpx.get(url).content == path.read_bytes()
    assert done.stderr == ""  # stderr is not a terminal: quiet


def test_json_output_reports_each_file_and_exit_1_on_a_failure(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    good = write(tmp_path / "good.png", png_bytes())
    bmp = write(tmp_path / "bad.png", b"BM" + b"\x00" * 40)
    jpeg = write(tmp_path / "photo.jpg", fake_image("image/jpeg"))
    done = run(
        "--headless",
        "--json",
        "--concurrency",
        "2",
        "--api-url",
        sandbox.url,
        str(good),
        str(bmp),
        str(jpeg),
        key=sandbox.key,
    )
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["path"] for r in records] == [str(good), str(bmp), str(jpeg)]
    assert records[0]["filename"] == "good.png"
    assert records[0]["size_bytes"] == len(png_bytes())
    assert records[0]["url"].startswith(sandbox.url)
    assert records[1] == {
        "path": str(bmp),
        "error": "not an image the service accepts: BMP; allowed: PNG, JPEG, WebP, GIF",
    }
    assert "url" in records[2]
    assert "1 of 3 files failed" in done.stderr


def test_no_key_is_a_clear_message_and_exit_2(tmp_path: Path) -> None:
    done = run("--headless", str(write(tmp_path / "a.png", png_bytes())))
    assert done.returncode == 2
    assert "IMAGEPIPELINE_API_KEY" in done.stderr
    assert done.stdout == ""


def test_plain_http_api_url_is_refused_with_exit_2(tmp_path: Path) -> None:
    done = run(
        "--headless",
        "--api-url",
        "http://api.example.com",
        str(tmp_path / "a.png"),
        key="secret-key-123",
    )
    assert done.returncode == 2
    assert "plain http" in done.stderr
    assert "secret-key-123" not in done.stderr


def test_api_url_from_the_environment(sandbox: SandboxServer, tmp_path: Path) -> None:
    done = run(
        "--headless",
        str(write(tmp_path / "a.png", png_bytes())),
        key=sandbox.key,
        extra_env={"IMAGEPIPELINE_API_URL": sandbox.url},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(sandbox.url)


def test_sandbox_flag_needs_no_key(tmp_path: Path) -> None:
    done = run("--headless", "--sandbox", "--json", str(write(tmp_path / "a.png", png_bytes())))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["url"].startswith("http://127.0.0.1:")


@pytest.mark.parametrize(
    "args",
    [
        ["--headless"],
        ["--headless", "--concurrency", "0", "x.png"],
        ["--headless", "--concurrency", "17", "x.png"],
        ["--sandbox", "--api-url", "https://x", "--headless", "x.png"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(*args).returncode == 2


def test_progress_on_a_terminal(sandbox: SandboxServer, tmp_path: Path) -> None:
    import io

    from uploader_gui.core.prepare.options import PrepareOptions
    from uploader_gui.headless import upload_files

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    out, err = io.StringIO(), Tty()
    path = write(tmp_path / "tty.png", fake_image("image/png", 300_000))
    as_is = PrepareOptions(remove_metadata=False, convert=False)  # a stand-in image
    status = upload_files(
        [str(path)],
        destination=Destination(sandbox.url),
        api_key=sandbox.key,
        stdout=out,
        stderr=err,
        prepare=as_is,
    )
    assert status == 0
    assert "✓ tty.png" in err.getvalue()
    assert re.search(r"\[0/1\]  tty.png \d+%", err.getvalue())
    assert out.getvalue().startswith(sandbox.url)


def shoot(root: Path) -> Path:
    """A folder with nested images, a non-image and hidden entries."""
    folder = root / "shoot"
    (folder / "sub" / "deeper").mkdir(parents=True)
    (folder / ".cache").mkdir()
    write(folder / "b.png", png_bytes(seed=1))
    write(folder / "a.JPG", fake_image("image/jpeg"))
    write(folder / "sub" / "c.gif", fake_image("image/gif"))
    write(folder / "sub" / "deeper" / "d.webp", fake_image("image/webp"))
    write(folder / "notes.txt", b"not an image")
    write(folder / ".hidden.png", png_bytes(seed=2))
    write(folder / ".cache" / "e.png", png_bytes(seed=3))
    return folder


def test_folders_expand_in_place_to_their_images_in_sorted_order(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    folder = shoot(tmp_path)
    loose = write(tmp_path / "loose.png", png_bytes(seed=4))
    # The loose file is named twice and a file of the folder once more: each uploads once.
    args = ["loose.png", "shoot", "loose.png", "shoot/b.png", "./loose.png"]
    done = run(
        "--headless", "--json", "--api-url", sandbox.url, *args, key=sandbox.key, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    records = [json.loads(line) for line in done.stdout.splitlines()]
    # Paths as given: named files as typed, folder contents under the folder as typed.
    expected = {
        "loose.png": loose,
        "shoot/a.JPG": folder / "a.JPG",
        "shoot/b.png": folder / "b.png",
        "shoot/sub/c.gif": folder / "sub" / "c.gif",
        "shoot/sub/deeper/d.webp": folder / "sub" / "deeper" / "d.webp",
    }
    assert [record["path"] for record in records] == list(expected)
    for record, path in zip(records, expected.values(), strict=True):
        assert httpx.get(record["url"]).content == path.read_bytes()
    assert len(sandbox.uploads) == len(expected)


def test_plain_output_of_a_folder_is_one_url_per_image(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    folder = shoot(tmp_path)
    done = run("--headless", "--api-url", sandbox.url, str(folder), key=sandbox.key)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    urls = done.stdout.splitlines()
    assert [httpx.get(url).content for url in urls] == [
        (folder / name).read_bytes()
        for name in ("a.JPG", "b.png", "sub/c.gif", "sub/deeper/d.webp")
    ]


def test_a_folder_with_no_images_is_reported_and_alone_fails(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    texts = tmp_path / "texts"
    texts.mkdir()
    write(texts / "notes.txt", b"not an image")
    write(texts / ".hidden.png", png_bytes())

    alone = run("--headless", "--api-url", sandbox.url, str(empty), str(texts), key=sandbox.key)
    assert alone.returncode == 1
    assert alone.stdout == ""
    assert f"{empty}: no images in this folder" in alone.stderr
    assert f"{texts}: no images in this folder" in alone.stderr
    assert "nothing to upload" in alone.stderr
    assert sandbox.requests == []

    image = write(tmp_path / "a.png", png_bytes())
    mixed = run("--headless", "--api-url", sandbox.url, str(empty), str(image), key=sandbox.key)
    assert mixed.returncode == 0, mixed.stderr
    assert mixed.stderr == f"uploader-gui: {empty}: no images in this folder\n"
    [url] = mixed.stdout.splitlines()
    assert httpx.get(url).content == image.read_bytes()


#: Root reads any folder through two capabilities; without them (kept out of the bounding
#: set, so that ``exec`` cannot give them back) root is held to the permission bits like
#: anyone, while the venv under /root stays usable (root still owns it). Another user could
#: not run the venv's Python at all.
WITHOUT_PERMISSION_BYPASS = (
    "setpriv",
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
    "--",
)


def make_unreadable(folder: Path, how: str) -> str:
    """Makes listing ``folder``, or a folder deep inside it, fail; returns a regex of the
    line that reports it."""
    if how == "permission":
        folder.chmod(0)
        return rf"{re.escape(str(folder))}: cannot read folder: Permission denied"
    # Nested past PATH_MAX: listing the deepest levels fails (ENAMETOOLONG), even for root.
    name = "n" * 255
    fd = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(4200 // len(name)):
            os.mkdir(name, dir_fd=fd)
            deeper = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = deeper
    finally:
        os.close(fd)
    return rf"{re.escape(str(folder))}(/{name})+: cannot read folder: File name too long"


@pytest.mark.parametrize("how", ["permission", "too-deep"])
def test_an_unreadable_folder_is_reported_the_rest_uploads_exit_1(
    sandbox: SandboxServer, tmp_path: Path, how: str
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    inside = write(folder / "inside.png", png_bytes(seed=5))
    report = make_unreadable(folder, how)
    image = write(tmp_path / "a.png", png_bytes(seed=6))
    as_root = how == "permission" and os.geteuid() == 0
    try:
        done = run(
            "--headless",
            "--json",
            "--api-url",
            sandbox.url,
            str(folder),
            str(image),
            key=sandbox.key,
            prefix=WITHOUT_PERMISSION_BYPASS if as_root else (),
        )
    finally:
        folder.chmod(0o700)
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    uploaded = [image] if how == "permission" else [inside, image]
    assert [record["path"] for record in records] == list(map(str, uploaded))
    for record, path in zip(records, uploaded, strict=True):
        assert httpx.get(record["url"]).content == path.read_bytes()
    assert re.fullmatch(
        rf"uploader-gui: {report}\nuploader-gui: 1 folder could not be read\n", done.stderr
    ), done.stderr


def test_the_expansion_is_the_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from uploader_gui.core.intake import collect
    from uploader_gui.headless import expand

    folder = shoot(tmp_path)
    write(tmp_path / "loose.png", png_bytes())
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    args = ["shoot/sub", "loose.png", "empty", "shoot/", "./loose.png", str(folder / "b.png")]
    expansion = expand(args)
    assert [path for _, path in expansion.files] == collect(args).files
    assert [given for given, _ in expansion.files] == [
        "shoot/sub/c.gif",
        "shoot/sub/deeper/d.webp",
        "loose.png",
        "shoot/a.JPG",
        "shoot/b.png",
    ]
    assert expansion.empty == ["empty"]
    assert expansion.unreadable == []
