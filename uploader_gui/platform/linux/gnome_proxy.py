"""The system proxy on Linux: GNOME's own settings (``org.gnome.system.proxy``), used when
no variable is set.

Read with ``gsettings`` (GLib's command-line tool, present wherever GNOME is), so no GLib
binding is needed. It runs a program: call it off the GUI thread. A desktop without the
schema, or without ``gsettings``, has no desktop proxy.
"""

from __future__ import annotations

import ast
import logging
import shutil
import subprocess
from collections.abc import Callable
from urllib.parse import urlsplit

from ...core.i18n import QT_TRANSLATE_NOOP
from ...core.network.proxy import Proxy, ProxyURLError, _bypassed, _proxy, check_proxy_url

log = logging.getLogger(__name__)

SCHEMA = "org.gnome.system.proxy"
SOURCE = QT_TRANSLATE_NOOP("Network", "the GNOME proxy settings")


def read_settings(timeout: float = 5.0) -> dict[str, object]:
    """``{"mode": "manual", "https.host": "proxy", "https.port": 3128, …}``; empty when
    there is no such schema or no ``gsettings``."""
    program = shutil.which("gsettings")
    if program is None:
        return {}
    try:
        done = subprocess.run(
            [program, "list-recursively", SCHEMA],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        log.debug("gsettings could not be run", exc_info=True)
        return {}
    if done.returncode != 0:
        return {}
    values: dict[str, object] = {}
    for line in done.stdout.splitlines():
        schema, _, rest = line.partition(" ")
        key, _, text = rest.partition(" ")
        group = schema[len(SCHEMA) :].lstrip(".")
        values[f"{group}.{key}" if group else key] = _value(text)
    return values


def desktop_proxy(api_url: str, settings: dict[str, object] | None = None) -> Proxy | None:
    """The proxy GNOME's settings give for ``api_url`` (HTTPS), or None."""
    values = read_settings() if settings is None else settings
    mode = values.get("mode")
    if mode != "manual":
        if mode == "auto":
            log.info("GNOME's proxy is set to automatic (PAC), which is not supported")
        return None
    host = urlsplit(api_url).hostname or ""
    ignore = values.get("ignore-hosts")
    # GNOME writes "*.corp" and "10.0.0.0/8": the NO_PROXY matcher takes both.
    patterns = [str(entry) for entry in ignore] if isinstance(ignore, list) else []
    if patterns and _bypassed(host, ",".join(patterns)):
        return None
    # The HTTPS proxy; else the HTTP one; else SOCKS (as glib-networking's resolver does).
    candidates = [("https", "http"), ("http", "http"), ("socks", "socks5")]
    for group, scheme in candidates:
        proxy_host, port = values.get(f"{group}.host"), values.get(f"{group}.port")
        if isinstance(proxy_host, str) and proxy_host and isinstance(port, int) and port > 0:
            try:
                url = check_proxy_url(f"{scheme}://{proxy_host}:{port}")
            except ProxyURLError:
                log.info("GNOME's %s proxy is not a usable address", group)
                continue
            return _proxy(url, SOURCE)
    return None


class GnomeProxy:
    """:class:`~uploader_gui.platform.proxy_source.ProxySource` from GNOME's settings, read
    afresh at each call (``read``: :func:`read_settings`, or a fake)."""

    def __init__(self, read: Callable[[], dict[str, object]] = read_settings) -> None:
        self._read = read

    def proxy_for(self, api_url: str) -> Proxy | None:
        return desktop_proxy(api_url, self._read())


def _value(text: str) -> object:
    """A GVariant in text form: strings, numbers, booleans and string arrays."""
    text = text.strip()
    if text.startswith("@as "):
        text = text[4:]
    if text in ("true", "false"):
        return text == "true"
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
