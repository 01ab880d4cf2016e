"""Window activation: a later start hands the running window the right to come forward.

Raising the window is Qt's (:func:`uploader_gui.desktop.window.bring_to_front`); some window
systems let a window take the focus only with a token the launcher gave the start that asked
(Wayland's XDG activation). The token travels with the hand-off (see
:mod:`uploader_gui.desktop.single_instance`) or comes with a notification's click.
"""

from __future__ import annotations

from typing import Protocol


class Activation(Protocol):
    def launch_token(self) -> str:
        """The activation token this start was launched with ("" when there is none)."""
        ...

    def before_raising(self, token: str, window_system: str) -> None:
        """Lets the window system accept the window's next activation with ``token``.
        ``window_system``: Qt's platform name (``wayland``, ``xcb``, ``cocoa``, …)."""
        ...
