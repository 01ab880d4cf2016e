"""The list views repaint only the rows that changed and can be seen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QStringListModel
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from uploader_gui.ui.base.list_view import RowListView


class PaintLog(QObject):
    """What was painted on ``widget``; ``marker``, another widget of the same window, is
    repainted on demand to know when Qt has painted what it was asked to.

    Qt paints a window's pending updates later, all of them in one go. :func:`settled` asks
    for the marker to be repainted and waits until it is: whatever the view had pending was
    painted in the same go. So "nothing else was painted" is seen by an event, not after a
    pause.
    """

    def __init__(self, widget: QWidget, marker: QWidget) -> None:
        super().__init__(widget)
        self.rects: list[QRect] = []
        self.marker = marker
        self.marker_painted = False
        widget.installEventFilter(self)
        marker.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            if watched is self.marker:
                self.marker_painted = True
            else:
                self.rects.append(event.rect())  # type: ignore[attr-defined]
        return False


def settled(qtbot: QtBot, log: PaintLog) -> list[QRect]:
    """The rectangles painted since the last call, once the window painted what was pending."""
    log.marker_painted = False
    log.marker.update()
    qtbot.waitUntil(lambda: log.marker_painted)
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
    # The scroll bar, beside the viewport in the same window, is the marker.
    log = PaintLog(view.viewport(), view.verticalScrollBar())
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
