"""The single-instance channel on Windows until its port: Qt's named pipe, as before the seam.

``QLocalServer`` with a bare name listens on a named pipe; its ``UserAccessOption`` gives the
pipe an ACL that admits this user only, and that is the only check: the peer's identity is
not asked (the port would, with ``GetNamedPipeClientProcessId`` and the process's token).
"""

from __future__ import annotations

import os


class PipeName:
    """A named pipe's place: nothing to open, check or hold."""

    where = "named pipes"

    def address(self, name: str) -> str:
        return name

    def shown(self, address: str) -> str:
        return address

    def unchanged(self) -> bool:
        return True

    def close(self) -> None:
        return None


class NamedPipeChannel:
    """:class:`~uploader_gui.platform.instance.InstanceChannel` on named pipes."""

    def user(self) -> str:
        return os.environ.get("USERNAME", "user")

    def socket_name(self, name: str) -> str:
        return name

    def open(self) -> PipeName:
        return PipeName()

    def same_user(self, descriptor: int) -> bool:
        return True  # the pipe's ACL admits this user only
