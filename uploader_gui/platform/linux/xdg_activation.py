"""Window activation on Linux: XDG activation tokens (Wayland's ``xdg-activation-v1``).

A launcher (the file manager, the menu, ``gio launch``) starts the app with a token in
``$XDG_ACTIVATION_TOKEN``; the later start hands it to the running window, and a notification
server sends one with a click. Qt's Wayland plugin uses ``$XDG_ACTIVATION_TOKEN`` for the
window's next activation request, so the token is put there just before. X11 needs none.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from typing import Final

ENV_ACTIVATION_TOKEN: Final = "XDG_ACTIVATION_TOKEN"  # noqa: S105 - a variable's name


class XdgActivation:
    """:class:`~uploader_gui.platform.activation.Activation` through the environment
    (``environ``: the process's, or a fake)."""

    def __init__(self, environ: MutableMapping[str, str] | None = None) -> None:
        self._environ = os.environ if environ is None else environ

    def launch_token(self) -> str:
        return self._environ.get(ENV_ACTIVATION_TOKEN, "")

    def before_raising(self, token: str, window_system: str) -> None:
        if token and window_system.startswith("wayland"):
            self._environ[ENV_ACTIVATION_TOKEN] = token
