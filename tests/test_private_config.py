"""templates.json is the user's alone whatever the umask, and ``--headless --format NAME``
says, on one line of stderr, when the saved template comes from a file another user can
change."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.images import png_bytes, write
from tests.test_headless import run
from uploader_gui.core.link_templates import save_templates, templates_path
from uploader_gui.sandbox import SandboxServer


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_templates_are_saved_for_the_user_alone(umask: int) -> None:
    old = os.umask(umask)
    try:
        save_templates({"wiki": "[[{url}]]"})
        save_templates({"wiki": "[[{url}]]", "md": "![]({url})"})
    finally:
        os.umask(old)
    path = templates_path()
    assert mode(path.parent) == 0o700
    assert [child.name for child in path.parent.iterdir()] == ["templates.json"]
    assert mode(path) == 0o600


def test_a_template_from_a_file_others_can_change_is_said_on_stderr(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    image = write(tmp_path / "a.png", png_bytes(8, 6, seed=1))
    save_templates({"wiki": "[[{url}]]"})
    path = templates_path()

    done = run(
        "--headless", "--api-url", sandbox.url, "--format", "wiki", str(image), key=sandbox.key
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""

    path.chmod(0o666)
    done = run(
        "--headless", "--api-url", sandbox.url, "--format", "wiki", str(image), key=sandbox.key
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"[[{sandbox.uploads[-1].url}]]\n"  # still used, as the window does
    (line,) = done.stderr.splitlines()
    assert line == (
        f"uploader-gui: warning: Other users on this computer can change {path}. The template "
        f"'wiki' comes from it: check it, then run: chmod 600 {path}"
    )
    # A built-in format does not read the file: nothing to say.
    done = run(
        "--headless", "--api-url", sandbox.url, "--format", "url", str(image), key=sandbox.key
    )
    assert done.stderr == ""


def test_a_link_planted_where_the_app_s_folder_goes_is_never_followed(tmp_path: Path) -> None:
    from uploader_gui.core.paths import cache_dir, private_dir

    elsewhere = tmp_path / "someone-else"
    elsewhere.mkdir(mode=0o755)
    cache_dir().parent.mkdir(parents=True, exist_ok=True)
    cache_dir().symlink_to(elsewhere)
    with pytest.raises(PermissionError, match="not a private folder"):
        private_dir(cache_dir() / "thumbnails")
    assert list(elsewhere.iterdir()) == []  # nothing made there
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o755  # and nothing changed
