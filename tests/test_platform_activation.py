"""Window activation on Linux (``platform/linux/xdg_activation.py``) against a fake
environment as the token source; the fallback has no tokens."""

from __future__ import annotations

from uploader_gui.platform.fallback.inert import NoActivation
from uploader_gui.platform.linux.xdg_activation import ENV_ACTIVATION_TOKEN, XdgActivation


def test_the_launch_token_comes_from_the_launcher() -> None:
    assert ENV_ACTIVATION_TOKEN == "XDG_ACTIVATION_TOKEN"
    assert XdgActivation({ENV_ACTIVATION_TOKEN: "from-gio"}).launch_token() == "from-gio"
    assert XdgActivation({}).launch_token() == ""


def test_wayland_gets_the_token_before_the_window_is_raised() -> None:
    environ: dict[str, str] = {}
    activation = XdgActivation(environ)
    activation.before_raising("t-1", "xcb")  # X11 needs none
    activation.before_raising("", "wayland")
    assert environ == {}
    activation.before_raising("t-2", "wayland")
    assert environ == {ENV_ACTIVATION_TOKEN: "t-2"}
    activation.before_raising("t-3", "wayland-egl")
    assert environ == {ENV_ACTIVATION_TOKEN: "t-3"}


def test_elsewhere_there_is_no_token() -> None:
    fallback = NoActivation()
    assert fallback.launch_token() == ""
    fallback.before_raising("t", "cocoa")
