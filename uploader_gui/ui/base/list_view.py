"""A ``QListView`` that repaints only the rows that changed and can be seen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QListView


class RowListView(QListView):
    """For models with uniform rows and no editors, whose rows change often.

    ``QListView`` answers every ``dataChanged`` (even one row, even a row scrolled out of
    sight) by repainting its whole viewport. During a batch of hundreds of files that is a
    full repaint for every progress tick, finished upload and decoded thumbnail. Here only
    the changed rows' visible part is repainted.

    With a screen reader active, Qt's own handling runs too: it also tells assistive
    technology what changed.
    """

    def dataChanged(
        self,
        topLeft: QModelIndex | QPersistentModelIndex,
        bottomRight: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        from PySide6.QtGui import QAccessible  # (its enums cost start-up time: not at import)

        if QAccessible.isActive():
            super().dataChanged(topLeft, bottomRight, list(roles))
            return
        viewport = self.viewport()
        if not self.isVisible() or not topLeft.isValid() or not bottomRight.isValid():
            return
        changed = self.visualRect(topLeft)
        if bottomRight.row() != topLeft.row():
            changed = changed.united(self.visualRect(bottomRight))
        visible = changed.intersected(viewport.rect())
        if not visible.isEmpty():
            viewport.update(visible)


class ListPage(Protocol):
    """What the window's actions need of the tab on show."""

    def has_selection(self) -> bool: ...

    def select_all(self) -> None: ...

    def copy_selected(self) -> None: ...

    def open_selected(self) -> None: ...

    def remove_selected(self) -> None: ...
