"""Every action of the window in one table: menus, shortcuts, context menus and row buttons.

An :class:`ActionId` names each action; :data:`SPECS` gives its text, shortcut, tip and when
it is enabled. :class:`Actions` makes one ``QAction`` per id, with a tooltip that shows the
shortcut it really has, and builds the menu bar from :data:`MENUS`. Nothing dispatches on
strings: a row button reports its :class:`ActionId`.

The tables are made at import, before the translator exists: their texts are English, marked
for ``lupdate`` with context "Actions", and translated where they are shown
(:func:`shown_text`; a row button's label too).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from ...core.i18n import QT_TRANSLATE_NOOP, translate

_STD = QKeySequence.StandardKey


class ActionId(enum.Enum):
    ADD_IMAGES = "add-images"
    PASTE = "paste"
    SCREENSHOT = "screenshot"
    QUIT = "quit"
    COPY = "copy"
    COPY_ALL = "copy-all"
    SELECT_ALL = "select-all"
    OPEN_URL = "open-url"
    RETRY = "retry"
    SHRINK_RETRY = "shrink-retry"
    RETRY_FAILED = "retry-failed"
    SEND_INTERRUPTED = "send-interrupted"
    CANCEL = "cancel"
    REMOVE = "remove"
    DELETE_FROM_SERVER = "delete-from-server"
    CLEAR_FINISHED = "clear-finished"
    SHOW_UPLOADS = "show-uploads"
    SHOW_HISTORY = "show-history"
    SETTINGS = "settings"
    API_KEY = "api-key"
    AUTO_COPY = "auto-copy"


class EnabledWhen(enum.Enum):
    ALWAYS = "always"
    #: Rows are selected in the list on show.
    SELECTION = "selection"
    #: Some upload failed and may be retried.
    FAILED = "failed"
    #: Some files from last time were not sent.
    INTERRUPTED = "interrupted"
    #: A selected upload can be deleted from its server (it has a deletion URL and was not
    #: deleted yet).
    DELETABLE = "deletable"


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""
    enabled_when: EnabledWhen = EnabledWhen.ALWAYS
    #: Works wherever the focus is in the window (not only in the list).
    window_wide: bool = True
    checkable: bool = False
    #: On the list's context menu.
    in_context_menu: bool = False
    #: The short label of the row button that triggers it, if there is one.
    button: str = ""
    menu_role: QAction.MenuRole = QAction.MenuRole.TextHeuristicRole


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.ADD_IMAGES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Add Images…"),
        _STD.Open,
        QT_TRANSLATE_NOOP("Actions", "Choose image files to upload"),
    ),
    ActionId.PASTE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Paste"),
        _STD.Paste,
        QT_TRANSLATE_NOOP("Actions", "Upload the image or files on the clipboard"),
    ),
    ActionId.SCREENSHOT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Take &Screenshot…"),
        "Ctrl+Shift+S",
        QT_TRANSLATE_NOOP(
            "Actions", "Pick a screen, window or area with the desktop's tool, then upload it"
        ),
    ),
    ActionId.QUIT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        _STD.Quit,
        QT_TRANSLATE_NOOP("Actions", "Quit uploader-gui"),
    ),
    ActionId.COPY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Copy Selected"),
        _STD.Copy,
        QT_TRANSLATE_NOOP("Actions", "Copy the selected links in the chosen format"),
        EnabledWhen.SELECTION,
        in_context_menu=True,
        button=QT_TRANSLATE_NOOP("Actions", "Copy URL"),
    ),
    ActionId.COPY_ALL: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Copy &All"),
        "Ctrl+Shift+C",
        QT_TRANSLATE_NOOP("Actions", "Copy every finished link, one per line"),
    ),
    ActionId.SELECT_ALL: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Select A&ll"),
        _STD.SelectAll,
        QT_TRANSLATE_NOOP("Actions", "Select every row"),
    ),
    ActionId.OPEN_URL: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Open in Browser"),
        "Ctrl+Return",
        QT_TRANSLATE_NOOP("Actions", "Open the selected links in the browser"),
        EnabledWhen.SELECTION,
        in_context_menu=True,
        button=QT_TRANSLATE_NOOP("Actions", "Open"),
    ),
    ActionId.RETRY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Retry"),
        "Ctrl+R",
        QT_TRANSLATE_NOOP("Actions", "Send the selected files again"),
        EnabledWhen.SELECTION,
        in_context_menu=True,
        button=QT_TRANSLATE_NOOP("Actions", "Retry"),
    ),
    ActionId.SHRINK_RETRY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "S&hrink and Retry"),
        None,
        QT_TRANSLATE_NOOP(
            "Actions", "Send a smaller copy of the selected files the service found too large"
        ),
        EnabledWhen.SELECTION,
        in_context_menu=True,
        button=QT_TRANSLATE_NOOP("Actions", "Shrink and Retry"),
    ),
    ActionId.RETRY_FAILED: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Retry All &Failed"),
        "Ctrl+Shift+R",
        QT_TRANSLATE_NOOP("Actions", "Send every failed file again"),
        EnabledWhen.FAILED,
    ),
    ActionId.SEND_INTERRUPTED: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Send &Interrupted Files"),
        None,
        QT_TRANSLATE_NOOP(
            "Actions", "Send every file that was not uploaded when uploader-gui last stopped"
        ),
        EnabledWhen.INTERRUPTED,
    ),
    ActionId.CANCEL: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Cancel"),
        "Ctrl+.",
        QT_TRANSLATE_NOOP("Actions", "Stop uploading the selected files"),
        EnabledWhen.SELECTION,
        in_context_menu=True,
        button=QT_TRANSLATE_NOOP("Actions", "Cancel"),
    ),
    ActionId.REMOVE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Re&move"),
        _STD.Delete,
        QT_TRANSLATE_NOOP("Actions", "Remove the selected rows from the list"),
        EnabledWhen.SELECTION,
        in_context_menu=True,
        button="✕",
    ),
    ActionId.DELETE_FROM_SERVER: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Delete from Server…"),
        None,
        QT_TRANSLATE_NOOP(
            "Actions", "Delete the selected uploads from the server they were uploaded to"
        ),
        EnabledWhen.DELETABLE,
        in_context_menu=True,
    ),
    ActionId.CLEAR_FINISHED: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "C&lear Finished"),
        None,
        QT_TRANSLATE_NOOP("Actions", "Remove every finished row"),
    ),
    ActionId.SHOW_UPLOADS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Uploads"),
        "Ctrl+1",
        QT_TRANSLATE_NOOP("Actions", "This session's uploads"),
    ),
    ActionId.SHOW_HISTORY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&History"),
        "Ctrl+2",
        QT_TRANSLATE_NOOP("Actions", "Every upload, searchable"),
    ),
    ActionId.SETTINGS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Settings…"),
        "Ctrl+,",
        QT_TRANSLATE_NOOP("Actions", "API key, API URL, parallel uploads and more"),
        menu_role=QAction.MenuRole.PreferencesRole,
    ),
    ActionId.API_KEY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "API &Key…"),
        None,
        QT_TRANSLATE_NOOP("Actions", "Enter the API key for this server"),
        button=QT_TRANSLATE_NOOP("Actions", "Change Key…"),
    ),
    ActionId.AUTO_COPY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Copy URLs &When a Drop Finishes"),
        None,
        QT_TRANSLATE_NOOP(
            "Actions", "Put the links of a drop on the clipboard once all of its files are done"
        ),
        checkable=True,
    ),
}

#: The menu bar: menu title, then action ids (``None`` is a separator, a string a submenu
#: filled by the window, e.g. the copy formats; it is shown translated, but keyed in English).
MENUS: tuple[tuple[str, tuple[ActionId | str | None, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("Actions", "&File"),
        (ActionId.ADD_IMAGES, ActionId.PASTE, ActionId.SCREENSHOT, None, ActionId.QUIT),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&Edit"),
        (
            ActionId.COPY,
            ActionId.COPY_ALL,
            ActionId.SELECT_ALL,
            None,
            QT_TRANSLATE_NOOP("Actions", "Copy &Format"),
            ActionId.AUTO_COPY,
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&Uploads"),
        (
            ActionId.OPEN_URL,
            ActionId.RETRY,
            ActionId.SHRINK_RETRY,
            ActionId.RETRY_FAILED,
            ActionId.SEND_INTERRUPTED,
            ActionId.CANCEL,
            None,
            ActionId.REMOVE,
            ActionId.DELETE_FROM_SERVER,
            ActionId.CLEAR_FINISHED,
        ),
    ),
    (QT_TRANSLATE_NOOP("Actions", "&View"), (ActionId.SHOW_UPLOADS, ActionId.SHOW_HISTORY)),
    (QT_TRANSLATE_NOOP("Actions", "&Settings"), (ActionId.SETTINGS, ActionId.API_KEY)),
)


def shown_text(english: str) -> str:
    """A text of :data:`SPECS` or :data:`MENUS` (a title, a tip, a button label) as shown."""
    return translate("Actions", english) if english else english


def plain_text(text: str) -> str:
    """A menu text without its mnemonic and ellipsis, for tooltips."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


class Actions(QObject):
    """The window's ``QAction``\\ s, one per :class:`ActionId`, made from :data:`SPECS`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in SPECS.items():
            action = QAction(shown_text(spec.text), self)
            action.setObjectName(action_id.value)
            if spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            if spec.window_wide:
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setCheckable(spec.checkable)
            action.setMenuRole(spec.menu_role)
            action.setToolTip(self.tooltip(action_id, action))
            if spec.tip:
                action.setStatusTip(shown_text(spec.tip))
            self._actions[action_id] = action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def __iter__(self) -> Iterator[tuple[ActionId, QAction]]:
        return iter(self._actions.items())

    def on(self, action_id: ActionId, slot: Callable[[], object]) -> None:
        """Run ``slot`` when the action is triggered (its checked state is not passed)."""
        self._actions[action_id].triggered.connect(lambda _checked=False: slot())

    @staticmethod
    def tooltip(action_id: ActionId, action: QAction | None = None) -> str:
        """The tip with the shortcut the action really has, e.g. "Copy … (Ctrl+C)"."""
        spec = SPECS[action_id]
        tip = shown_text(spec.tip) if spec.tip else plain_text(shown_text(spec.text))
        shortcut = action.shortcut() if action is not None else QKeySequence(spec.shortcut or "")
        keys = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
        if not keys:
            return tip
        return translate("Actions", "{tip} ({shortcut})").format(tip=tip, shortcut=keys)

    def all(self) -> list[QAction]:
        return list(self._actions.values())

    def context_menu(self) -> list[QAction]:
        return [action for action_id, action in self if SPECS[action_id].in_context_menu]

    def update_enabled(self, conditions: set[EnabledWhen]) -> None:
        """Enable each action whose condition holds (``ALWAYS`` always does)."""
        for action_id, action in self:
            when = SPECS[action_id].enabled_when
            action.setEnabled(when is EnabledWhen.ALWAYS or when in conditions)

    def build_menus(self, bar: QMenuBar, submenus: dict[str, Callable[[], list[QAction]]]) -> None:
        """The menus; a submenu is filled each time it opens (its entries may change)."""
        for title, entries in MENUS:
            menu = bar.addMenu(shown_text(title))
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                elif isinstance(entry, str):
                    submenu = menu.addMenu(shown_text(entry))
                    fill = submenus.get(entry, list)
                    submenu.aboutToShow.connect(lambda sub=submenu, f=fill: _refill(sub, f()))
                    _refill(submenu, fill())
                else:
                    menu.addAction(self._actions[entry])


def _refill(menu: QMenu, actions: list[QAction]) -> None:
    menu.clear()
    menu.addActions(actions)
