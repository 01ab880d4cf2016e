"""The row above the tabs (Add images…, Paste, where uploads go, the copy format, Copy all)
and the Edit ▸ Copy Format menu: both follow the link service's format, and set it. The
destination picker is a part of its own, placed here by the app (:meth:`TopBar.place_picker`).
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from ...core.i18n import translate
from ...core.links import LinkStyle
from ..base.actions import ActionId, Actions
from ..base.plain_text import plain_label
from .service import LinkService, style_label, style_value


class TopBar(QWidget):
    def __init__(self, actions: Actions, links: LinkService, parent: QWidget | None = None):
        super().__init__(parent)
        self._links = links
        #: Where uploads go (placed by the app), and its box, which takes the focus.
        self.picker: QWidget | None = None
        self._picker_focus: QWidget | None = None
        self._bar = bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(6)
        self.add_button = _button(translate("TopBar", "Add images…"), actions, ActionId.ADD_IMAGES)
        self.add_button.setAccessibleName(translate("TopBar", "Add images"))
        self.paste_button = _button(translate("TopBar", "Paste"), actions, ActionId.PASTE)
        bar.addWidget(self.add_button)
        bar.addWidget(self.paste_button)
        bar.addStretch(1)
        label = plain_label(translate("TopBar", "Copy as"))
        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName(translate("TopBar", "Copy format"))
        self.format_combo.setToolTip(
            translate(
                "TopBar",
                "How links are copied: plain URL, Markdown, HTML, BBCode, a JSON string, or "
                "a template of yours (Settings ▸ Copying)",
            )
        )
        label.setBuddy(self.format_combo)
        self.copy_all_button = _button(translate("TopBar", "Copy all"), actions, ActionId.COPY_ALL)
        bar.addWidget(label)
        bar.addWidget(self.format_combo)
        bar.addWidget(self.copy_all_button)
        self.format_actions = QActionGroup(self)
        self.format_actions.triggered.connect(lambda action: self._choose(action.data()))
        self.format_combo.currentIndexChanged.connect(
            lambda _i: self._choose(self.format_combo.currentData())
        )
        links.format_changed.connect(self._show_format)
        links.templates_changed.connect(lambda _templates: self._list_formats())
        self._list_formats()

    def place_picker(self, picker: QWidget, focus: QWidget) -> None:
        """Show ``picker`` (where uploads go) right after Paste; ``focus`` (its box) comes
        after Paste in the tab order too."""
        self.picker, self._picker_focus = picker, focus
        self._bar.insertSpacing(2, 12)
        # The room left in the row goes to it first, up to its maximum width.
        self._bar.insertWidget(3, picker, 100)
        QWidget.setTabOrder(self.paste_button, focus)
        QWidget.setTabOrder(focus, self.format_combo)

    def focus_chain(self) -> list[QWidget]:
        """Its widgets in tab order."""
        placed = [self._picker_focus] if self._picker_focus is not None else []
        return [
            self.add_button,
            self.paste_button,
            *placed,
            self.format_combo,
            self.copy_all_button,
        ]

    def _list_formats(self) -> None:
        """The combo box and the Edit ▸ Copy Format actions: built-ins, then templates."""
        styles = self._links.styles()
        self.format_combo.blockSignals(True)
        self.format_combo.clear()
        for style in styles:
            self.format_combo.addItem(style_label(style), style_value(style))
        self.format_combo.blockSignals(False)
        for action in self.format_actions.actions():
            self.format_actions.removeAction(action)
            action.deleteLater()
        for style in styles:
            action = self.format_actions.addAction(style_label(style))
            action.setCheckable(True)
            action.setData(style_value(style))
        self._show_format(self._links.format)

    def _choose(self, value: object) -> None:
        chosen = next((s for s in self._links.styles() if style_value(s) == value), None)
        if chosen is not None:
            self._links.set_format(chosen)

    def _show_format(self, fmt: LinkStyle) -> None:
        value = style_value(fmt)
        self.format_combo.blockSignals(True)
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(value)))
        self.format_combo.blockSignals(False)
        for action in self.format_actions.actions():
            action.setChecked(action.data() == value)


def _button(text: str, actions: Actions, action_id: ActionId) -> QPushButton:
    action: QAction = actions[action_id]
    button = QPushButton(text)
    button.setToolTip(Actions.tooltip(action_id, action))
    button.clicked.connect(action.trigger)
    return button
