"""The app's settings, typed, with defaults, in an INI file under the config directory.

The API key and a proxy's password are never stored here: they live in the OS keyring.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ..core.links import LinkFormat
from ..core.network.proxy import ProxyMode, split_password
from ..core.paths import config_dir


def _clamp(value: object, default: int, low: int, high: int) -> int:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return default
    return min(high, max(low, number))


def _flag(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return default


class Settings:
    """Typed access to ``settings.ini``; every value falls back to its default if invalid."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.store = qsettings or QSettings(
            str(config_dir() / "settings.ini"), QSettings.Format.IniFormat
        )

    def _get(self, key: str, default: object) -> object:
        return self.store.value(key, default)

    @property
    def concurrency(self) -> int:
        return _clamp(self._get("uploads/concurrency", 4), 4, 1, 16)

    @concurrency.setter
    def concurrency(self, value: int) -> None:
        self.store.setValue("uploads/concurrency", _clamp(value, 4, 1, 16))

    @property
    def retries(self) -> int:
        return _clamp(self._get("uploads/retries", 3), 3, 0, 10)

    @retries.setter
    def retries(self, value: int) -> None:
        self.store.setValue("uploads/retries", _clamp(value, 3, 0, 10))

    @property
    def auto_copy(self) -> bool:
        return _flag(self._get("copy/auto_copy", True), True)

    @auto_copy.setter
    def auto_copy(self, value: bool) -> None:
        self.store.setValue("copy/auto_copy", bool(value))

    @property
    def copy_format(self) -> str:
        """The copy format: a built-in's value (``url``, ``markdown``…) or a saved
        template's name (see :class:`~uploader_gui.ui.links.LinkService`)."""
        value = self._get("copy/format", LinkFormat.URL.value)
        return value if isinstance(value, str) and value else LinkFormat.URL.value

    @copy_format.setter
    def copy_format(self, value: str) -> None:
        self.store.setValue("copy/format", value)

    @property
    def link_format(self) -> LinkFormat:
        """The built-in format chosen; URL when a template is."""
        return LinkFormat.parse(self.copy_format)

    @link_format.setter
    def link_format(self, value: LinkFormat) -> None:
        self.copy_format = value.value

    @property
    def notifications(self) -> bool:
        """Say when a drop finishes while the window is in the background."""
        return _flag(self._get("notifications/enabled", True), True)

    @notifications.setter
    def notifications(self, value: bool) -> None:
        self.store.setValue("notifications/enabled", bool(value))

    @property
    def reuse_duplicates(self) -> bool:
        """Offer the earlier URL for bytes already uploaded to the same host."""
        return _flag(self._get("uploads/reuse_duplicates", True), True)

    @reuse_duplicates.setter
    def reuse_duplicates(self, value: bool) -> None:
        self.store.setValue("uploads/reuse_duplicates", bool(value))

    @property
    def resume_unfinished(self) -> bool:
        """Start again what the last run left unfinished (else list it with Retry)."""
        return _flag(self._get("uploads/resume_unfinished", False), False)

    @resume_unfinished.setter
    def resume_unfinished(self, value: bool) -> None:
        self.store.setValue("uploads/resume_unfinished", bool(value))

    @property
    def remove_metadata(self) -> bool:
        """Remove location and camera details before upload (without re-encoding)."""
        return _flag(self._get("images/remove_metadata", True), True)

    @remove_metadata.setter
    def remove_metadata(self, value: bool) -> None:
        self.store.setValue("images/remove_metadata", bool(value))

    @property
    def convert_formats(self) -> bool:
        """Convert HEIC, AVIF, BMP and TIFF to JPEG or PNG (else refuse them)."""
        return _flag(self._get("images/convert", True), True)

    @convert_formats.setter
    def convert_formats(self, value: bool) -> None:
        self.store.setValue("images/convert", bool(value))

    @property
    def max_side(self) -> int | None:
        """Shrink images whose long side is larger than this many pixels; ``None``: off."""
        value = _clamp(self._get("images/max_side", 0), 0, 0, 100_000)
        return value if value >= 64 else None

    @max_side.setter
    def max_side(self, value: int | None) -> None:
        self.store.setValue("images/max_side", int(value or 0))

    @property
    def api_url(self) -> str:
        value = self._get("api/url", "")
        return value.strip() if isinstance(value, str) else ""

    @api_url.setter
    def api_url(self, value: str) -> None:
        self.store.setValue("api/url", value.strip())

    @property
    def proxy_mode(self) -> ProxyMode:
        """Settings ▸ Network: the system's proxy settings, this proxy, or none."""
        value = self._get("network/proxy_mode", ProxyMode.SYSTEM.value)
        try:
            return ProxyMode(str(value))
        except ValueError:
            return ProxyMode.SYSTEM

    @proxy_mode.setter
    def proxy_mode(self, value: ProxyMode) -> None:
        self.store.setValue("network/proxy_mode", value.value)

    @property
    def proxy_url(self) -> str:
        """The manual proxy's address, never with a password (that is in the keyring)."""
        value = self._get("network/proxy_url", "")
        return split_password(value.strip())[0] if isinstance(value, str) else ""

    @proxy_url.setter
    def proxy_url(self, value: str) -> None:
        self.store.setValue("network/proxy_url", split_password(value.strip())[0])

    @property
    def language(self) -> str:
        """The window's language (``de``, ``zh_CN``…); empty: the system's."""
        value = self._get("ui/language", "")
        return value.strip() if isinstance(value, str) else ""

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("ui/language", value)

    def sync(self) -> None:
        self.store.sync()
