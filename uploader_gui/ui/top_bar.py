"""The row above the tabs (Add images…, Paste, the copy format, Copy all) and the Edit ▸ Copy
Format menu: both follow the link service's format, and set it."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ..core.links import LinkFormat
from .actions import ActionId, Actions
from .links import LinkService


class TopBar(QWidget):
    def __init__(self, actions: Actions, links: LinkService, parent: QWidget | None = None):
        super().__init__(parent)
        self._links = links
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(6)
        self.add_button = _button("Add images…", actions, ActionId.ADD_IMAGES)
        self.add_button.setAccessibleName("Add images")
        self.paste_button = _button("Paste", actions, ActionId.PASTE)
        bar.addWidget(self.add_button)
        bar.addWidget(self.paste_button)
        bar.addStretch(1)
        label = QLabel("Copy as")
        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName("Copy format")
        self.format_combo.setToolTip("How links are copied: plain URL, Markdown, HTML or BBCode")
        for fmt in LinkFormat:
            self.format_combo.addItem(fmt.label, fmt.value)
        label.setBuddy(self.format_combo)
        self.copy_all_button = _button("Copy all", actions, ActionId.COPY_ALL)
        bar.addWidget(label)
        bar.addWidget(self.format_combo)
        bar.addWidget(self.copy_all_button)
        self.format_actions = format_actions(self, links)
        self.format_combo.currentIndexChanged.connect(
            lambda _i: links.set_format(LinkFormat.parse(self.format_combo.currentData()))
        )
        links.format_changed.connect(self._show_format)
        self._show_format(links.format)

    def focus_chain(self) -> list[QWidget]:
        """Its widgets in tab order."""
        return [self.add_button, self.paste_button, self.format_combo, self.copy_all_button]

    def _show_format(self, fmt: LinkFormat) -> None:
        self.format_combo.blockSignals(True)
        self.format_combo.setCurrentIndex(list(LinkFormat).index(fmt))
        self.format_combo.blockSignals(False)
        for action in self.format_actions.actions():
            action.setChecked(action.data() == fmt.value)


def format_actions(parent: QObject, links: LinkService) -> QActionGroup:
    """One checkable action per link format, for the Edit ▸ Copy Format menu."""
    group = QActionGroup(parent)
    for fmt in LinkFormat:
        action = group.addAction(fmt.label)
        action.setCheckable(True)
        action.setData(fmt.value)
    group.triggered.connect(lambda action: links.set_format(LinkFormat.parse(action.data())))
    return group


def _button(text: str, actions: Actions, action_id: ActionId) -> QPushButton:
    action: QAction = actions[action_id]
    button = QPushButton(text)
    button.setToolTip(Actions.tooltip(action_id, action))
    button.clicked.connect(action.trigger)
    return button
