"""Shared fixtures. Qt runs offscreen; the sandbox server is real, on loopback."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from uploader_gui.sandbox import SandboxServer

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[SandboxServer]:
    """The project's strict sandbox server, on a free loopback port."""
    (tmp_path / "server").mkdir()
    with SandboxServer(storage_dir=tmp_path / "server") as server:
        yield server


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings, data and cache go to a per-test folder, never the user's."""
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    monkeypatch.delenv("IMAGEPIPELINE_API_KEY", raising=False)
    monkeypatch.delenv("IMAGEPIPELINE_API_URL", raising=False)
