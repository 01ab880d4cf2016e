"""The "Upload to" box in the row above the tabs: which destination uploads go to
(ImagePipeline first, then the custom ones of Settings ▸ Destinations). Choosing one is
remembered (:class:`.choice.DestinationChoice`); in sandbox mode it shows the sandbox,
disabled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QWidget

from ...core.i18n import translate
from ..base.plain_text import isolate, plain_label, tooltip
from .choice import DestinationChoice
from .keys import KeyController


def entry_text(name: str, host: str) -> str:
    """How a destination is listed: "Name — host"."""
    text = translate("Destinations", "{name} — {host}")
    return text.format(name=isolate(name), host=isolate(host))


class DestinationPicker(QWidget):
    def __init__(
        self, choice: DestinationChoice, keys: KeyController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._choice, self._keys = choice, keys
        self._row = row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.label = plain_label(translate("Destinations", "Upload &to"))
        self.combo = QComboBox()
        self.combo.setAccessibleName(translate("Destinations", "Upload to"))
        # Long names are cut in the box, never in its list.
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(22)
        self.label.setBuddy(self.combo)
        row.addWidget(self.label)
        row.addWidget(self.combo, 1)
        # It takes the row's room first, up to its longest entry (see _fit).
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.combo.currentIndexChanged.connect(self._chosen)
        # (The choice says changed for every change of the destinations too.)
        choice.changed.connect(self.refresh)
        keys.destination_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """List the destinations again and show the chosen one."""
        combo = self.combo
        combo.blockSignals(True)
        combo.clear()
        if self._keys.sandboxed:
            combo.addItem(translate("Destinations", "Sandbox"), "")
            why = translate(
                "Destinations",
                "Sandbox mode: uploads go to the local test server until uploader-gui "
                "starts again (without --sandbox); then a destination can be chosen.",
            )
        else:
            for key, name, host in self._choice.entries():
                text = entry_text(name, host)
                combo.addItem(text, key)
                combo.setItemData(combo.count() - 1, tooltip(text), Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(0, combo.findData(self._choice.chosen)))
            why = translate(
                "Destinations",
                "Where uploads go. Add, import or edit destinations in Settings ▸ Destinations.",
            )
        self._fit()
        combo.setEnabled(not self._keys.sandboxed)
        combo.setToolTip(tooltip(why))
        self.label.setToolTip(tooltip(why))
        combo.blockSignals(False)

    def _fit(self) -> None:
        """Wide enough for the longest entry when the row has room, never wider; narrower
        (the entry cut) when it has none."""
        combo = self.combo
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        natural = combo.sizeHint().width()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMaximumWidth(max(natural, combo.minimumSizeHint().width()))
        label = self.label.sizeHint().width() + self._row.spacing()
        self.setMaximumWidth(label + combo.maximumWidth())

    def _chosen(self, index: int) -> None:
        key = self.combo.itemData(index)
        if isinstance(key, str) and not self._keys.sandboxed and key != self._choice.chosen:
            self._choice.choose(key)
