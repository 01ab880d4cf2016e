"""A second local user, for tests of what another person on the same computer can do.

The user is made once (``useradd``, a system account without a home or a login shell) and
commands run as it through ``setpriv`` with its own user and group ids and no supplementary
groups. It runs the system's ``/usr/bin/python3`` (the venv's interpreter lives under
``/root``, which it cannot enter), so what it runs uses the standard library only.

Making a user needs root, as CI is; elsewhere the tests that need one are skipped with the
reason.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

NAME = "uploader-test-other"
PYTHON = "/usr/bin/python3"


@dataclass(frozen=True)
class OtherUser:
    name: str
    uid: int
    gid: int

    def command(self, argv: Sequence[str]) -> list[str]:
        """``argv`` as this user would run it."""
        return [
            "setpriv",
            f"--reuid={self.uid}",
            f"--regid={self.gid}",
            "--clear-groups",
            "--",
            *argv,
        ]

    def run(
        self, argv: Sequence[str], *, timeout: float = 30, check: bool = True, **kwargs: object
    ) -> subprocess.CompletedProcess[str]:
        env = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LANG": "C.UTF-8"}
        return subprocess.run(  # type: ignore[call-overload, no-any-return]
            self.command(argv),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=check,
            env=env,
            **kwargs,
        )

    def popen(self, argv: Sequence[str], **kwargs: object) -> subprocess.Popen[str]:
        env = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LANG": "C.UTF-8"}
        return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
            self.command(argv), text=True, env=env, **kwargs
        )

    def python(
        self, script: str, *args: str, timeout: float = 30, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        """Run a standard-library ``script`` as this user."""
        return self.run([PYTHON, "-c", script, *args], timeout=timeout, check=check)


def other_user() -> OtherUser:
    """The second user (made if missing). Skips the test where users cannot be made."""
    if os.geteuid() != 0:
        pytest.skip("making a second local user needs root (CI runs as root)")
    for tool in ("setpriv", "useradd"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing (util-linux, passwd)")
    if not os.access(PYTHON, os.X_OK):
        pytest.fail(f"{PYTHON} is missing: apt-get install python3")
    try:
        entry = pwd.getpwnam(NAME)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME],
            check=True,
            capture_output=True,
        )
        entry = pwd.getpwnam(NAME)
    return OtherUser(NAME, entry.pw_uid, entry.pw_gid)


def shared_folder(prefix: str) -> Path:
    """A new folder in the temporary folder that every user can enter and write (1777, like
    ``/tmp`` itself), removed by the caller."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    folder.chmod(0o1777)
    return folder
