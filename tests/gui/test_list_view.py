"""The list views repaint only the rows that changed and can be seen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QStringListModel
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from uploader_gui.ui.base.list_view import RowListView


class PaintLog(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.rects: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())  # type: ignore[attr-defined]
        return False


def settled(qtbot: QtBot, log: PaintLog) -> list[QRect]:
    qtbot.wait(50)
    rects, log.rects = log.rects, []
    return rects


def test_only_visible_changed_rows_are_repainted(qtbot: QtBot) -> None:
    model = QStringListModel([f"row {i}" for i in range(300)])
    view = RowListView()
    view.setModel(model)
    view.setUniformItemSizes(True)
    view.resize(300, 200)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    log = PaintLog(view.viewport())
    settled(qtbot, log)

    far = model.index(250, 0)
    model.dataChanged.emit(far, far)
    assert settled(qtbot, log) == []  # scrolled out of sight: nothing to paint

    model.dataChanged.emit(model.index(200, 0), model.index(260, 0))
    assert settled(qtbot, log) == []

    row = model.index(3, 0)
    model.setData(row, "changed")
    rects = settled(qtbot, log)
    assert rects == [view.visualRect(row)]
    assert rects[0].height() < view.viewport().height() / 4

    # A range reaching into view repaints just its visible part.
    model.dataChanged.emit(model.index(5, 0), model.index(200, 0))
    (rect,) = settled(qtbot, log)
    assert rect.top() == view.visualRect(model.index(5, 0)).top()
    assert rect.bottom() == view.viewport().rect().bottom()
