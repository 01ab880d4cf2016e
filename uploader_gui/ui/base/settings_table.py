"""Every setting of the window, declared once, in one table.

Each row of :class:`SettingsTable` is a :class:`Setting`: its key in ``settings.ini`` (never
renamed: users' files must keep working), its type (the row's class: :class:`Flag`,
:class:`Number`, :class:`Limit`, :class:`Text`, :class:`Choice`, :class:`Names`) with its
default and range, the label and tip Settings shows, its :class:`Tab`, when a change
:class:`Applies`, and whether it is private: a settings file another user could change is
not believed about it (:data:`PRIVATE_KEYS`).

The rows are the accessors too. On the store (``ui/settings/store.py``) ``settings.retries``
reads the file and ``settings.retries = 5`` writes it and says ``changed("uploads/retries")``;
on the snapshot the settings dialog edits (``SettingsValues``) the same names read its values.
The dialog makes the editor of each flag, number and limit from its row; a text or a choice
(the API URL, the language, the copy format, the proxy) has an editor of its own there, with
its label and tip from here.

The table is made at import, before the translator exists: its texts are English, marked for
``lupdate`` with context "SettingsDialog", and translated where they are shown.
"""

from __future__ import annotations

from typing import Any, TypeVar

from ...core.i18n import QT_TRANSLATE_NOOP
from ...core.links import LinkFormat
from ...core.network.proxy import ProxyMode, ProxyURLError, check_proxy_url, split_password
from .setting_kinds import Applies, Choice, Flag, Limit, Line, Names, Number, Setting, Tab, Text

T = TypeVar("T")


def proxy_address(value: str) -> str | None:
    """What the settings file may hold for a proxy's address: ``value`` without its password,
    ``""`` for none, or ``None`` when it does not parse (a raw ``@`` or ``/`` in a password
    makes part of the password look like the host: none of it may be stored)."""
    text = value.strip()
    if not text:
        return ""
    try:
        check_proxy_url(text)
    except ProxyURLError:
        return None
    return split_password(text)[0]


def _as_is(text: str) -> str:
    return text


_NOT_STARTED, _NEXT_START = Applies.NOT_STARTED, Applies.NEXT_START


class SettingsTable:
    """The table: one row per setting, in the order Settings shows them. A subclass says
    where the values are (:meth:`read`, :meth:`write`)."""

    # fmt: off
    # -- General ▸ Uploads ------------------------------------------------------------
    concurrency = Number(
        "uploads/concurrency", 4, low=1, high=16, tab=Tab.GENERAL,
        label=QT_TRANSLATE_NOOP("SettingsDialog", "&Parallel uploads:"),
        tip=QT_TRANSLATE_NOOP(
            "SettingsDialog", "How many files upload at once (applies to the next uploads)"
        ),
    )
    retries = Number(
        "uploads/retries", 3, low=0, high=10, tab=Tab.GENERAL, applies=_NOT_STARTED,
        label=QT_TRANSLATE_NOOP("SettingsDialog", "&Retries:"),
        tip=QT_TRANSLATE_NOOP(
            "SettingsDialog", "How often a rate-limited or failed upload is tried again"
        ),
    )
    reuse_duplicates = Flag(
        "uploads/reuse_duplicates", True, tab=Tab.GENERAL, applies=_NOT_STARTED,
        label=QT_TRANSLATE_NOOP("SettingsDialog", "Reuse the link of a file already uploaded"),
        tip=QT_TRANSLATE_NOOP(
            "SettingsDialog",
            "A file whose bytes were uploaded to this API before gets its earlier URL at once",
        ),
    )
    resume_unfinished = Flag(
        "uploads/resume_unfinished", False, tab=Tab.GENERAL, applies=_NEXT_START, private=True,
        label=QT_TRANSLATE_NOOP("SettingsDialog", "Resume unfinished uploads at start"),
        tip=QT_TRANSLATE_NOOP(
            "SettingsDialog",
            "Files left unfinished when the app last quit or crashed upload again at once "
            "(otherwise they are listed with Retry)",
        ),
    )
    notifications = Flag(
        "notifications/enabled", True, tab=Tab.GENERAL,
        label=QT_TRANSLATE_NOOP(
            "SettingsDialog", "Notify me when uploads finish in the background"
        ),
        tip=QT_TRANSLATE_NOOP(
            "SettingsDialog",
            "A desktop notification when a drop has finished while the window is not active",
        ),
    )
    # -- General ▸ Screenshots and other apps ------------------------------------------
    hide_for_screenshot = Flag(
        "sources/hide_for_screenshot", True, tab=Tab.SOURCES,
        label=QT_TRANSLATE_NOOP(
            "SettingsDialog", "Hide this window while I take a screenshot"
        ),
        tip=QT_TRANSLATE_NOOP(
            "SettingsDialog",
            "File ▸ Take Screenshot hides the window until the desktop's screenshot tool is done",
        ),
    )
    picgo_server = Flag(
        "sources/picgo_server", False, tab=Tab.SOURCES, private=True,
        label=QT_TRANSLATE_NOOP("SettingsDialog", "Let other apps upload through uploader-gui"),
        tip=QT_TRANSLATE_NOOP(
            "SettingsDialog",
            "A PicGo-compatible server on this computer only (http://127.0.0.1:PORT/upload), "
            "for editors with a PicGo upload button such as Obsidian and SiYuan",
        ),
    )
    picgo_port = Number(
        "sources/picgo_port", 36677, low=1024, high=65535, tab=Tab.SOURCES, private=True,
        label=QT_TRANSLATE_NOOP("SettingsDialog", "P&ort:"),
        tip=QT_TRANSLATE_NOOP("SettingsDialog", "PicGo's port is 36677, which editors expect"),
    )
    picgo_key = Line(
        "sources/picgo_key", tab=Tab.SOURCES, private=True, secret=True,
        label=QT_TRANSLATE_NOOP("SettingsDialog", "&Key:"),
        placeholder=QT_TRANSLATE_NOOP("SettingsDialog", "optional"),
        tip=QT_TRANSLATE_NOOP(
            "SettingsDialog",
            "When set, an app must add ?key=… to the address, as PicList asks",
        ),
    )
    # -- General ▸ Advanced (editors of their own) ------------------------------------
    api_url = Text(
        "api/url", tab=Tab.GENERAL, applies=_NOT_STARTED, private=True,
        label=QT_TRANSLATE_NOOP("SettingsDialog", "API &URL:"),
        tip=QT_TRANSLATE_NOOP(
            "SettingsDialog", "The API's base URL; https only (http only for localhost)"
        ),
    )
    #: The destination chosen beside "Copy as" (not in Settings' tabs): ``""`` for
    #: ImagePipeline, else a custom destination's key.
    destination = Text("destination/current", "", clean=_as_is, private=True)
    language = Text(
        "ui/language", tab=Tab.GENERAL, applies=_NEXT_START,
        label=QT_TRANSLATE_NOOP("SettingsDialog", "&Language:"),
        tip=QT_TRANSLATE_NOOP("SettingsDialog", "Applies when uploader-gui starts again"),
    )
    # -- Images ▸ Before upload -------------------------------------------------------
    remove_metadata = Flag(
        "images/remove_metadata", True, tab=Tab.IMAGES, applies=_NOT_STARTED, private=True,
        label=QT_TRANSLATE_NOOP(
            "SettingsDialog", "Remove location and camera details before upload"
        ),
        tip=QT_TRANSLATE_NOOP(
            "SettingsDialog",
            "Location, camera make, model and serial number, owner, dates, XMP and comments "
            "are removed without re-encoding the picture; orientation and colour profile stay",
        ),
    )
    convert_formats = Flag(
        "images/convert", True, tab=Tab.IMAGES, applies=_NOT_STARTED, private=True,
        label=QT_TRANSLATE_NOOP(
            "SettingsDialog", "Convert HEIC, AVIF, BMP and TIFF to JPEG or PNG"
        ),
    )
    max_side = Limit(
        "images/max_side", low=64, high=100_000, suggested=2048, step=256,
        tab=Tab.IMAGES, applies=_NOT_STARTED, private=True,
        label=QT_TRANSLATE_NOOP("SettingsDialog", "Shrink images larger than"),
        suffix=QT_TRANSLATE_NOOP("SettingsDialog", " px"),
        accessible=QT_TRANSLATE_NOOP("SettingsDialog", "Largest long side"),
    )
    # -- Copying ----------------------------------------------------------------------
    #: A built-in format's value (``url``, ``markdown``…) or a saved template's name.
    copy_format = Text(
        "copy/format", LinkFormat.URL.value, clean=_as_is, tab=Tab.COPYING,
        label=QT_TRANSLATE_NOOP("SettingsDialog", "Copy &format:"),
    )
    auto_copy = Flag(
        "copy/auto_copy", True, tab=Tab.COPYING,
        label=QT_TRANSLATE_NOOP(
            "SettingsDialog", "Copy the links when every file of a drop has finished"
        ),
    )
    # -- Network ▸ Proxy (editors of their own) ---------------------------------------
    proxy_mode = Choice(
        "network/proxy_mode", ProxyMode.SYSTEM, tab=Tab.NETWORK, applies=_NOT_STARTED,
        private=True, label=QT_TRANSLATE_NOOP("SettingsDialog", "Proxy"),
        choices=(
            (
                ProxyMode.SYSTEM,
                QT_TRANSLATE_NOOP("SettingsDialog", "Use the &system's proxy settings"),
                QT_TRANSLATE_NOOP(
                    "SettingsDialog",
                    "HTTPS_PROXY, ALL_PROXY and NO_PROXY, or else the desktop's proxy settings "
                    "(GNOME)",
                ),
            ),
            (ProxyMode.NONE, QT_TRANSLATE_NOOP("SettingsDialog", "&No proxy"), ""),
            (ProxyMode.MANUAL, QT_TRANSLATE_NOOP("SettingsDialog", "Use &this proxy:"), ""),
        ),
    )
    #: Never with a password (that is in the keyring); an address that does not parse is
    #: not stored.
    proxy_url = Text(
        "network/proxy_url", clean=proxy_address, tab=Tab.NETWORK, applies=_NOT_STARTED,
        private=True, label=QT_TRANSLATE_NOOP("SettingsDialog", "&Address:"),
        accessible=QT_TRANSLATE_NOOP("SettingsDialog", "Proxy address"),
        tip=QT_TRANSLATE_NOOP(
            "SettingsDialog",
            "http://, https://, socks5:// or socks5h://; add user@ before the host if the "
            "proxy asks for a user name",
        ),
    )
    #: The proxies (``host:port``) allowed to receive a password in clear text (asked in
    #: the window, not shown in Settings).
    plain_password_ok = Names("network/plain_password_ok", frozenset(), private=True)
    # fmt: on

    def read(self, setting: Setting[T]) -> T:
        raise NotImplementedError

    def write(self, setting: Setting[T], value: T) -> None:
        raise NotImplementedError


#: Every row, in the table's order.
ROWS: tuple[Setting[Any], ...] = tuple(
    row for row in vars(SettingsTable).values() if isinstance(row, Setting)
)

#: What another user must not decide: how images are prepared (their location and camera
#: details removed), where uploads go and through which proxy, and whether files left
#: unfinished start uploading on their own.
PRIVATE_KEYS = frozenset(row.key for row in ROWS if row.private)
