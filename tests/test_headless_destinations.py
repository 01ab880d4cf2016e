"""``--import-destination FILE`` and ``--headless --destination NAME``, as real processes
against the sandbox's test hosts on loopback, their secrets in a keyring the children share
(tests/file_keyring.py): a secret is never printed nor in a process's arguments."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from tests.file_keyring import VARIABLE, read
from tests.images import png_bytes, write
from uploader_gui.core.credentials import SERVICE
from uploader_gui.core.destinations.store import destinations_path
from uploader_gui.sandbox import HostsAuth, SandboxServer

ROOT = Path(__file__).resolve().parents[1]
SECRET = "Bearer T-headless-secret-7c1d"


@pytest.fixture
def hosts(tmp_path: Path) -> Iterator[SandboxServer]:
    (tmp_path / "hosts").mkdir()
    auth = HostsAuth(headers={"Authorization": SECRET})
    with SandboxServer(storage_dir=tmp_path / "hosts", hosts=auth) as server:
        yield server


@pytest.fixture
def keyring_file(tmp_path: Path) -> Path:
    return tmp_path / "keyring.json"


def environment(keyring_file: Path | None) -> dict[str, str]:
    """The test's XDG folders (tests/conftest.py); the shared keyring, else none at all."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMAGEPIPELINE_")}
    env["PYTHONPATH"] = str(ROOT)
    if keyring_file is not None:
        env["PYTHON_KEYRING_BACKEND"] = "tests.file_keyring.FileKeyring"
        env[VARIABLE] = str(keyring_file)
    return env


def run(*args: str, keyring_file: Path | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "uploader_gui", *args],
        capture_output=True,
        text=True,
        env=environment(keyring_file),
        timeout=60,
        check=False,
    )


def uploader(folder: Path, server: SandboxServer, name: str = "host.sxcu", **changes: str) -> Path:
    document = {
        "Version": "17.0.0",
        "Name": "Test Host",
        "DestinationType": "ImageUploader",
        "RequestMethod": "POST",
        "RequestURL": f"{server.url}/hosts/nested-json",
        "Headers": {"Authorization": SECRET},
        "Body": "MultipartFormData",
        "FileFormName": "file",
        "URL": "{json:data.link}",
        **changes,
    }
    path = folder / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def imported_key(done: subprocess.CompletedProcess[str]) -> str:
    """The key the import line names: ``Added NAME (custom:…) for HOST; …``."""
    return done.stdout.split("(", 1)[1].split(")", 1)[0]


def watched(args: list[str], keyring_file: Path) -> tuple[int, str, str, list[list[str]]]:
    """Run the command, reading its own and its children's arguments while it runs."""
    command = [sys.executable, "-m", "uploader_gui", *args]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(keyring_file),
    )
    seen: list[list[str]] = []
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        try:
            parent = psutil.Process(process.pid)
            for each in [parent, *parent.children(recursive=True)]:
                seen.append(each.cmdline())
        except psutil.Error:
            pass  # (it ended meanwhile)
        time.sleep(0.01)
    out, err = process.communicate(timeout=60)
    return process.returncode, out, err, seen


def test_import_then_upload_there_by_name(
    hosts: SandboxServer, keyring_file: Path, tmp_path: Path
) -> None:
    imported = run(
        "--import-destination", str(uploader(tmp_path, hosts)), keyring_file=keyring_file
    )
    assert imported.returncode == 0, imported.stderr
    key = imported_key(imported)
    assert key.startswith("custom:")
    host = hosts.url.removeprefix("http://")
    assert imported.stdout == (
        f"Added Test Host ({key}) for {host}; in the keyring: Headers Authorization\n"
    )
    assert imported.stderr == ""
    assert read(keyring_file)[SERVICE] == {f"{key} Headers Authorization": SECRET}
    assert SECRET not in destinations_path().read_text(encoding="utf-8")

    image = write(tmp_path / "there.png", png_bytes(seed=3))
    status, out, err, seen = watched(
        ["--headless", "--destination", "TEST host", "--keep-metadata", str(image)], keyring_file
    )
    assert status == 0, err
    url = out.strip()
    assert url.startswith(f"{hosts.url}/hosts/f/")
    assert httpx.get(url).content == image.read_bytes()
    assert hosts.hosts is not None
    (upload,) = [r for r in hosts.hosts.requests if r.path == "/hosts/nested-json"]
    assert upload.headers["authorization"] == SECRET
    assert seen
    assert all(SECRET not in " ".join(arguments) for arguments in seen)
    assert SECRET not in out + err

    # Its key names it too.
    again = run("--headless", "--destination", key, "--json", str(image), keyring_file=keyring_file)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["url"].startswith(f"{hosts.url}/hosts/f/")


def test_imagepipeline_is_the_built_in_destination(
    sandbox: SandboxServer, keyring_file: Path, tmp_path: Path
) -> None:
    image = write(tmp_path / "built-in.png", png_bytes(seed=4))
    env = environment(keyring_file) | {"IMAGEPIPELINE_API_KEY": sandbox.key}
    args = ["--headless", "--destination", "imagepipeline", "--api-url", sandbox.url]
    done = subprocess.run(
        [sys.executable, "-m", "uploader_gui", *args, "--keep-metadata", str(image)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(sandbox.url + "/u/")


def test_an_unknown_name_lists_the_destinations(
    hosts: SandboxServer, keyring_file: Path, tmp_path: Path
) -> None:
    assert run("--import-destination", str(uploader(tmp_path, hosts)), keyring_file=keyring_file)
    image = write(tmp_path / "a.png", png_bytes())
    done = run("--headless", "--destination", "Nope", str(image), keyring_file=keyring_file)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "uploader-gui: no destination named 'Nope'; the destinations are: ImagePipeline, "
        "Test Host (add one with --import-destination FILE.sxcu)\n"
    )
    assert hosts.hosts is not None
    assert hosts.hosts.requests == []


def test_a_missing_secret_names_the_field_and_how_to_set_it(
    hosts: SandboxServer, keyring_file: Path, tmp_path: Path
) -> None:
    done = run("--import-destination", str(uploader(tmp_path, hosts)), keyring_file=keyring_file)
    key = imported_key(done)
    keyring_file.write_text(json.dumps({SERVICE: {}}), encoding="utf-8")
    image = write(tmp_path / "a.png", png_bytes())
    done = run("--headless", "--destination", "Test Host", str(image), keyring_file=keyring_file)
    assert done.returncode == 2
    assert done.stderr.startswith(
        "uploader-gui: Test Host: Headers Authorization is not set in the keyring. Set it in "
        "the window (Settings ▸ Destinations), import its .sxcu again"
    )
    assert f'keyring set uploader-gui "{key} Headers Authorization"' in done.stderr
    assert hosts.hosts is not None
    assert hosts.hosts.requests == []


def test_a_custom_destination_is_not_used_with_another_address(
    hosts: SandboxServer, keyring_file: Path, tmp_path: Path
) -> None:
    assert run("--import-destination", str(uploader(tmp_path, hosts)), keyring_file=keyring_file)
    image = write(tmp_path / "a.png", png_bytes())
    for other in (["--sandbox"], ["--api-url", hosts.url]):
        done = run(
            "--headless",
            "--destination",
            "Test Host",
            *other,
            str(image),
            keyring_file=keyring_file,
        )
        assert done.returncode == 2
        assert "--destination NAME cannot be used with --sandbox or --api-url" in done.stderr


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"Body": "Telepathy"}, "Body"),
        ({"RequestURL": "http://uploads.example.com/up"}, "RequestURL"),
        ({"URL": "{prompt:Which URL?}"}, "URL"),
    ],
)
def test_a_bad_file_says_file_field_and_reason_and_adds_nothing(
    hosts: SandboxServer,
    keyring_file: Path,
    tmp_path: Path,
    changes: dict[str, str],
    field: str,
) -> None:
    path = uploader(tmp_path, hosts, "bad.sxcu", **changes)
    done = run("--import-destination", str(path), keyring_file=keyring_file)
    assert done.returncode == 2
    assert done.stdout == ""
    prefix = f"uploader-gui: {path}: {field}: "
    assert done.stderr.startswith(prefix), done.stderr
    assert len(done.stderr.strip()) > len(prefix)
    assert done.stderr.count("\n") == 1
    assert SECRET not in done.stderr
    assert not destinations_path().exists()
    assert not keyring_file.exists()


def test_without_a_secure_keyring_nothing_is_added(hosts: SandboxServer, tmp_path: Path) -> None:
    """The suite's children get keyring's fail backend (tests/conftest.py): no keyring."""
    path = uploader(tmp_path, hosts)
    done = run("--import-destination", str(path), keyring_file=None)
    assert done.returncode == 2
    assert done.stderr == (
        f"uploader-gui: {path}: its secrets (Headers Authorization) could not be kept: no "
        "secure keyring is available (Secret Service, macOS Keychain or Windows Credential "
        "Locker), and uploader-gui never writes secrets in plain text; nothing was added\n"
    )
    assert done.stdout == ""
    assert not destinations_path().exists()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    for args in (
        ["--destination", "X", "a.png"],  # without --headless
        ["--import-destination", "x.sxcu", "a.png"],
        ["--import-destination", "x.sxcu", "--headless"],
    ):
        done = run(*args, keyring_file=None)
        assert done.returncode == 2, args
        assert "error: " in done.stderr
    usage = run("--help", keyring_file=None).stdout
    assert "destinations:\n" in usage
    assert "--destination NAME" in usage
    assert "--import-destination FILE" in usage
