"""The settings dialog's round trip: show the current values, store what the user chose.

Storing a setting says ``Settings.changed(key)``, and each part that uses it listens for its
own keys (the queue, the link service; the others read it when they need it). Here are the
listeners of the settings whose parts this module stands above: the proxy (to the queue's
clients, with a password typed now), the API URL (to the key controller: files not yet
sending wait for its key) and the language (applies at the next start, and says so). A URL
fixed for the session (``--sandbox``, ``--api-url``, ``$IMAGEPIPELINE_API_URL``) is shown
read-only, with why, and never saved.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...core.config import DEFAULT_API_URL
from ...core.credentials import Credentials
from ...core.i18n import translate
from ...core.link_templates import save_templates, templates_path
from ...core.links import TemplateError
from ...core.network.proxy import ProxyMode, ProxySettings
from ...core.paths import unsafe_config
from ..base.dialog_types import SettingsValues
from ..base.dialogs import Dialogs
from ..base.report import Report
from ..base.settings_table import ROWS, proxy_address
from ..destination.keys import KeyController
from ..destination.proxy_passwords import ProxyPasswords
from ..links.service import LinkService, style_value
from ..uploads.queue import UploadQueue
from .store import Settings

#: The keys of the proxy's settings (Settings ▸ Network, and the consent to a password in
#: clear text).
PROXY_KEYS = frozenset(
    row.key for row in (Settings.proxy_mode, Settings.proxy_url, Settings.plain_password_ok)
)


def proxy_settings(settings: Settings, password: str | None = None) -> ProxySettings:
    """The proxy Settings ▸ Network holds, with ``password`` for a manual one (``""``: none,
    and none looked up in the keyring; ``None``: the keyring's)."""
    allowed = settings.plain_password_ok
    if settings.proxy_mode is ProxyMode.MANUAL:
        return ProxySettings(ProxyMode.MANUAL, settings.proxy_url, password, allowed)
    return ProxySettings(settings.proxy_mode, plain_password_ok=allowed)


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
        report: Report,
        parent: QWidget,
        credentials: Credentials | None = None,
    ) -> None:
        super().__init__(parent)
        credentials = credentials or Credentials()
        self.settings = settings
        self._queue, self._keys, self._links = queue, keys, links
        self._dialogs, self._report, self._parent = dialogs, report, parent
        #: Where a proxy's password typed in Settings goes (the keyring, in the background).
        self.proxy_passwords = ProxyPasswords(credentials, keys.keyring, report, parent)
        #: The proxy's password typed at the last OK (``""``: forgotten), used as it is
        #: until the next; ``None``: the keyring's.
        self._proxy_password: str | None = None
        settings.changed.connect(self._setting_changed)
        self._use_proxy()

    def _setting_changed(self, key: str) -> None:
        if key in PROXY_KEYS:
            self._use_proxy()
        elif key == Settings.api_url.key:
            self._use_api_url()
        elif key == Settings.language.key:
            self._report.status(
                translate("Preferences", "The new language applies when uploader-gui starts again"),
                8000,
            )

    def _use_proxy(self) -> None:
        """Uploads not yet begun go through the proxy the settings hold."""
        self._queue.set_proxy(proxy_settings(self.settings, self._proxy_password))

    def _use_api_url(self) -> None:
        """Files not yet sending go to the API URL the settings hold (or production)."""
        # A refused URL too: the key controller holds uploads and says why.
        self._keys.set_api_url(self.settings.api_url or DEFAULT_API_URL)

    def current(self) -> SettingsValues:
        settings, keys = self.settings, self._keys
        fixed_by = ""  # shown in "Set by … for this session."
        if keys.sandboxed:
            fixed_by = translate("Preferences", "sandbox mode")
        elif keys.locked:
            fixed_by = translate("Preferences", "--api-url or IMAGEPIPELINE_API_URL")
        return SettingsValues.of(settings).replace(
            api_url=keys.api_url if fixed_by else settings.api_url,
            api_url_fixed_by=fixed_by,
            copy_format=style_value(self._links.format),  # a template removed since: URL
            templates=tuple(self._links.templates.items()),
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
        """Store every setting the dialog shows, changed or not (a file another user could
        change is written anew); each part follows the keys it uses."""
        settings = self.settings
        self._apply_templates(values)  # first: the copy format may name a new one
        # A password typed now goes with the address typed with it; an address that does
        # not parse is not stored (part of a password could be taken for the host), and
        # neither is the password.
        parsed = proxy_address(values.proxy_url) is not None
        self._proxy_password = values.proxy_password if parsed else None
        for row in ROWS:
            if row.tab is not None and not (row is Settings.api_url and values.api_url_fixed_by):
                settings.write(row, values.read(row))
        self._use_proxy()  # a password typed for the same address is used as it is
        url = settings.proxy_url
        if self._proxy_password is not None and "@" in url:
            self.proxy_passwords.keep(url, self._proxy_password)  # and kept, in the background
        settings.sync()
        self.saved.emit()

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
        settings = self.settings
        settings.plain_password_ok = settings.plain_password_ok | {address}  # the proxy follows
        settings.sync()
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
            self._report.inform(
                translate("Preferences", "The templates were not saved"),
                str(exc),
            )
            return
        self._links.set_templates(templates)
