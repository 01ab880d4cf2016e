"""The settings dialog's round trip: show the current values, apply what the user chose.

Settings apply at once: a new concurrency to the next uploads, a new API URL to every file
not yet sending (they wait for its key). A URL fixed for the session (``--sandbox``,
``--api-url``, ``$IMAGEPIPELINE_API_URL``) is shown read-only, with why, and never saved.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...core.config import DEFAULT_API_URL
from ...core.errors import ConfigurationError
from ...core.i18n import translate
from ...core.link_templates import save_templates, templates_path
from ...core.links import TemplateError
from ...core.network.proxy import ProxyMode, ProxySettings
from ...core.paths import unsafe_config
from ...core.prepare.options import PrepareOptions
from ...core.retry import RetryPolicy
from ...core.urls import normalize_api_url
from ..base.dialog_types import SettingsValues
from ..base.dialogs import Dialogs
from ..destination.keys import KeyController
from ..links.service import LinkService
from ..uploads.queue import UploadQueue
from .store import Settings, proxy_address


def proxy_settings(settings: Settings) -> ProxySettings:
    """The proxy choice Settings ▸ Network holds (its password comes from the keyring)."""
    return ProxySettings(
        settings.proxy_mode, settings.proxy_url, plain_password_ok=settings.plain_password_ok
    )


def prepare_options(settings: Settings) -> PrepareOptions:
    """How files are prepared before upload, as Settings ▸ Images says."""
    return PrepareOptions(
        remove_metadata=settings.remove_metadata,
        convert=settings.convert_formats,
        max_side=settings.max_side,
    )


class Preferences(QObject):
    """Opens the settings dialog and applies its answer to the parts that use each value."""

    #: The settings were stored (and the files repaired if another user could change them).
    saved = Signal()

    def __init__(
        self,
        settings: Settings,
        queue: UploadQueue,
        keys: KeyController,
        links: LinkService,
        dialogs: Dialogs,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._queue, self._keys, self._links = queue, keys, links
        self._dialogs, self._parent = dialogs, parent

    def current(self) -> SettingsValues:
        settings, keys = self.settings, self._keys
        fixed_by = ""  # shown in "Set by … for this session."
        if keys.sandbox is not None:
            fixed_by = translate("Preferences", "sandbox mode")
        elif keys.locked:
            fixed_by = translate("Preferences", "--api-url or IMAGEPIPELINE_API_URL")
        return SettingsValues(
            api_url=keys.api_url if fixed_by else settings.api_url,
            api_url_fixed_by=fixed_by,
            concurrency=settings.concurrency,
            retries=settings.retries,
            auto_copy=settings.auto_copy,
            link_format=self._links.format,
            templates=tuple(self._links.templates.items()),
            notifications=settings.notifications,
            language=settings.language,
            reuse_duplicates=settings.reuse_duplicates,
            resume_unfinished=settings.resume_unfinished,
            remove_metadata=settings.remove_metadata,
            convert_formats=settings.convert_formats,
            max_side=settings.max_side,
            proxy_mode=settings.proxy_mode,
            proxy_url=settings.proxy_url,
        )

    def open(self) -> None:
        values = self._dialogs.edit_settings(
            self._parent,
            self.current(),
            self._keys.status(),
            DEFAULT_API_URL,
            self._keys.status_changed,
            self._keys.change,
            self._keys.remove,
        )
        if values is not None:
            self.apply(values)

    def apply(self, values: SettingsValues) -> None:
        """Store and apply settings at once (a new concurrency applies to the next uploads)."""
        settings = self.settings
        settings.concurrency = values.concurrency
        settings.retries = values.retries
        settings.auto_copy = values.auto_copy
        if not values.api_url_fixed_by:
            settings.api_url = values.api_url
        settings.reuse_duplicates = values.reuse_duplicates
        settings.resume_unfinished = values.resume_unfinished
        settings.remove_metadata = values.remove_metadata
        settings.convert_formats = values.convert_formats
        settings.max_side = values.max_side
        self._apply_proxy(values)
        self._queue.reuse_duplicates = values.reuse_duplicates
        self._queue.prepare_options = prepare_options(settings)
        self._queue.set_concurrency(values.concurrency)
        self._queue.set_retry_policy(RetryPolicy(retries=values.retries))
        self._links.set_auto_copy(values.auto_copy)
        settings.notifications = values.notifications
        if values.language != settings.language:
            settings.language = values.language
            self._keys.message.emit(
                translate("Preferences", "The new language applies when uploader-gui starts again"),
                8000,
            )
        self._apply_templates(values)
        self._links.set_format(values.link_format)
        settings.sync()
        self.saved.emit()
        if values.api_url_fixed_by:
            return
        try:
            api_url = normalize_api_url(values.api_url or DEFAULT_API_URL)
        except ConfigurationError:
            api_url = values.api_url  # refused: the key controller holds uploads and says why
        self._keys.set_api_url(api_url)

    def _apply_proxy(self, values: SettingsValues) -> None:
        """Settings ▸ Network: the address goes to the settings file, a password typed now
        to the keyring (in the background) and straight to the next uploads. An address
        that does not parse is not stored (part of a password could be taken for the host):
        the saved one stays, and a password typed with it is dropped."""
        settings = self.settings
        settings.proxy_mode = values.proxy_mode
        address = proxy_address(values.proxy_url)
        if address is not None:
            settings.proxy_url = address
        url = settings.proxy_url
        password = values.proxy_password if address is not None else None
        if password is not None and url and "@" in url:
            self._keys.keep_proxy_password(url, password)
        allowed = settings.plain_password_ok
        self._queue.set_proxy(
            # "" (forgotten): no password, and none looked up in the keyring meanwhile.
            ProxySettings(values.proxy_mode, url, password, plain_password_ok=allowed)
            if values.proxy_mode is ProxyMode.MANUAL
            else ProxySettings(values.proxy_mode, plain_password_ok=allowed)
        )

    def allow_plain_password(self, address: str) -> bool:
        """Ask whether the proxy at ``address`` may receive its password in clear text;
        if so, remember it (for this proxy only) and use it for the next uploads."""
        if address in self.settings.plain_password_ok:
            return True
        allowed = self._dialogs.confirm(
            self._parent,
            translate("Preferences", "Send the Proxy Password Unencrypted?"),
            translate(
                "Preferences",
                "The proxy at {address} asks for a password, and its address starts with "
                "http:// or socks5://: the password would cross the network unencrypted, where "
                "others on the way can read it (the uploads themselves stay encrypted). An "
                "https:// proxy address would keep it private. Send it to this proxy anyway?",
            ).format(address=address),
            translate("Preferences", "Send It to This Proxy"),
        )
        if not allowed:
            return False
        self.settings.allow_plain_password(address)
        self.settings.sync()
        self._queue.clients.allow_plain_password(address)
        return True

    def _apply_templates(self, values: SettingsValues) -> None:
        """Saved templates go to ``templates.json`` (one small file, written whole; again,
        for the user alone, when another user could change it)."""
        templates = dict(values.templates)
        problem = unsafe_config(templates_path())
        if templates == self._links.templates and (problem is None or problem.in_foreign_folder):
            return  # nothing new, nothing to repair (or nothing can be: the notice says so)
        try:
            save_templates(templates)
        except (OSError, TemplateError) as exc:
            self._dialogs.inform(
                self._parent,
                translate("Preferences", "The templates were not saved"),
                str(exc),
            )
            return
        self._links.set_templates(templates)
