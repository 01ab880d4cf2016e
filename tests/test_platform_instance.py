"""The single-instance channel on Linux (``platform/linux/private_socket.py``): where the
socket goes for a fake environment's folders, the private folder it makes, and the peer
check on real sockets; and the named-pipe fallback's plain names."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from uploader_gui.platform.fallback.named_pipe import NamedPipeChannel
from uploader_gui.platform.instance import ObstacleError, Refusal
from uploader_gui.platform.linux.private_socket import INSTANCE_FOLDER, PrivateSocketChannel
from uploader_gui.platform.linux.xdg_locations import XdgLocations


def channel(tmp_path: Path, runtime: Path | None) -> PrivateSocketChannel:
    environ = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    if runtime is not None:
        environ["XDG_RUNTIME_DIR"] = str(runtime)
    return PrivateSocketChannel(XdgLocations(environ, home=lambda: tmp_path / "home"))


def test_a_private_runtime_folder_holds_the_socket(tmp_path: Path) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    found = channel(tmp_path, runtime)
    assert found.socket_name("name") == str(runtime / "name")
    place = found.open()
    try:
        assert place.where == str(runtime)
        assert place.shown(place.address("name")) == str(runtime / "name")
        assert place.unchanged()
    finally:
        place.close()


def test_else_a_private_folder_in_the_cache(tmp_path: Path) -> None:
    shared = tmp_path / "shared-run"
    shared.mkdir()
    shared.chmod(0o755)  # not private: not used
    found = channel(tmp_path, shared)
    folder = tmp_path / "cache" / "uploader-gui" / INSTANCE_FOLDER
    assert found.socket_name("name") == str(folder / "name")
    assert channel(tmp_path, None).socket_name("name") == str(folder / "name")
    place = found.open()
    place.close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700


def test_a_link_where_the_folder_goes_is_refused(tmp_path: Path) -> None:
    (tmp_path / "cache" / "uploader-gui").mkdir(parents=True, mode=0o700)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "cache" / "uploader-gui" / INSTANCE_FOLDER).symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ObstacleError) as refused:
        channel(tmp_path, None).open()
    assert refused.value.obstacle.kind is Refusal.NOT_PRIVATE


def test_the_peer_is_checked_on_the_socket() -> None:
    found = PrivateSocketChannel()
    assert found.user() == str(os.getuid())
    mine, other = socket.socketpair(socket.AF_UNIX)
    with mine, other:
        assert found.same_user(mine.fileno())
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as not_local:
        assert not found.same_user(not_local.fileno())  # unknown is not this user


def test_the_named_pipe_fallback_names_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USERNAME", "alice")
    pipe = NamedPipeChannel()
    assert (pipe.user(), pipe.socket_name("n")) == ("alice", "n")
    place = pipe.open()
    assert (place.address("n"), place.shown("n"), place.unchanged()) == ("n", "n", True)
    assert pipe.same_user(-1)  # the pipe's ACL is its only check (see PORTING.md)
