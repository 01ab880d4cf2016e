"""A keyring backend for child processes: the secrets of one test in one JSON file.

A child started with ``PYTHON_KEYRING_BACKEND=tests.file_keyring.FileKeyring`` and
``UPLOADER_TEST_KEYRING=<file>`` (and the repository on ``PYTHONPATH``) keeps its secrets
there, so the next child, and the test, read them back: what tests/conftest.py's
``MemoryKeyring`` is within one process. uploader-gui takes it for a secure keyring (it is
none: test use only).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend
import keyring.errors

#: The environment variable naming the file.
VARIABLE = "UPLOADER_TEST_KEYRING"


def read(path: Path) -> dict[str, dict[str, str]]:
    """``{service: {user: secret}}``; empty when there is no file yet."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    assert isinstance(data, dict)
    return data


class FileKeyring(keyring.backend.KeyringBackend):
    priority = 1

    @property
    def path(self) -> Path:
        return Path(os.environ[VARIABLE])

    def get_password(self, service: str, username: str) -> str | None:
        return read(self.path).get(service, {}).get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        data = read(self.path)
        data.setdefault(service, {})[username] = password
        self.path.write_text(json.dumps(data), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        data = read(self.path)
        if username not in data.get(service, {}):
            raise keyring.errors.PasswordDeleteError("not found")
        del data[service][username]
        self.path.write_text(json.dumps(data), encoding="utf-8")
