"""Shared fixtures. Qt runs offscreen; the sandbox server is real, on loopback."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest

from tests.needs import need_root
from uploader_gui.sandbox import SandboxServer

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[SandboxServer]:
    """The project's strict sandbox server, on a free loopback port."""
    (tmp_path / "server").mkdir()
    with SandboxServer(storage_dir=tmp_path / "server") as server:
        yield server


@pytest.fixture
def running_as_root() -> None:
    """Requested by ``tests.needs.needs_root``: skipped unless root, failed in CI."""
    need_root("this test")


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings, data and cache go to a per-test folder, never the user's."""
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    monkeypatch.delenv("IMAGEPIPELINE_API_KEY", raising=False)
    monkeypatch.delenv("IMAGEPIPELINE_API_URL", raising=False)
    # Never the user's real keyring: child processes get no backend, and in this process
    # each test starts with none (tests that need one install an in-memory backend).
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.set_keyring(keyring.backends.fail.Keyring())
    # Nor the user's desktop notifications (tests that need a bus start their own) or
    # language: the window speaks English unless a test asks for another.
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("LANGUAGE", "en")


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An in-memory keyring backend, installed with ``keyring.set_keyring``."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.secrets:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.secrets[(service, username)]


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend
