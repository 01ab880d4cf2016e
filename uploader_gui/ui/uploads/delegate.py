"""Paints an upload row (thumbnail, name, size, status or URL, buttons) and handles clicks.

One delegate for the whole list: no widget per row, so a list of thousands stays light. The
buttons are drawn with the platform style and hit-tested here; a click emits
:attr:`UploadDelegate.action` with the action's name and the item id.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from ...core.i18n import translate
from ..base.actions import SPECS, ActionId, Actions, shown_text
from ..base.palette import RowColors
from ..base.sizes import shown_size
from .model import FailureKind, ItemRole, State, ThumbnailErrorRole, UploadItem
from .row_painting import draw_row_background, draw_thumbnail, option_colors

ROW_HEIGHT = 64
THUMB = 48
MARGIN = 8
BUTTON_GAP = 6

ModelIndex = QModelIndex | QPersistentModelIndex
ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def actions_for(item: UploadItem) -> list[ActionId]:
    """The buttons a row shows, left to right: only what can help."""
    if item.state is State.DONE:
        return [ActionId.COPY, ActionId.OPEN_URL, ActionId.REMOVE]
    if item.state in (State.FAILED, State.CANCELLED):
        first = [ActionId.API_KEY] if item.failure is FailureKind.KEY else []
        if item.failure is FailureKind.TOO_LARGE:
            first.append(ActionId.SHRINK_RETRY)
        retry = [ActionId.RETRY] if item.retryable else []
        return [*first, *retry, ActionId.REMOVE]
    return [ActionId.CANCEL]


def button_label(action: ActionId) -> str:
    """The row button's label from the actions table, as shown."""
    return shown_text(SPECS[action].button)


def button_tip(action: ActionId) -> str:
    """A row button's tooltip: the action's, with the shortcut it really has."""
    if action is ActionId.API_KEY:
        return translate("UploadRow", "The server rejected the API key: enter another")
    return Actions.tooltip(action)


def _draw_link_status(
    painter: QPainter,
    metrics: QFontMetrics,
    colors: RowColors,
    status_rect: QRect,
    url: str,
    status: str,
) -> None:
    """The link in the link colour (both ends kept), what was done to it muted after."""
    rest = status[len(url) :]
    rest = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, status_rect.width() // 2)
    rest_width = metrics.horizontalAdvance(rest)
    url_width = status_rect.width() - rest_width
    shown_url = metrics.elidedText(url, Qt.TextElideMode.ElideMiddle, url_width)
    painter.setPen(colors.link)
    painter.drawText(status_rect, ALIGN, shown_url)
    if rest:
        rest_rect = QRect(status_rect)
        rest_rect.setLeft(status_rect.left() + metrics.horizontalAdvance(shown_url))
        painter.setPen(colors.muted)
        painter.drawText(rest_rect, ALIGN, rest)


class UploadDelegate(QStyledItemDelegate):
    #: ``(ActionId, item id)`` when a row's button is clicked.
    action = Signal(object, int)

    def __init__(
        self,
        parent: QObject | None = None,
        status_text: Callable[[UploadItem], str] = UploadItem.status_text,
    ) -> None:
        super().__init__(parent)
        #: The status line of a row: the model's (which knows why waiting items wait).
        self.status_text = status_text
        self._pressed: tuple[int, ActionId] | None = None
        self._hovered: tuple[int, ActionId] | None = None

    # -- geometry ----------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return QSize(400, ROW_HEIGHT)

    @staticmethod
    def label(item: UploadItem, action: ActionId) -> str:
        if action is ActionId.COPY and item.copied:
            return translate("UploadRow", "Copied ✓")
        if action is ActionId.RETRY and item.interrupted:
            return translate("UploadRow", "Send")
        return button_label(action)

    def button_rects(
        self, option: QStyleOptionViewItem, item: UploadItem
    ) -> list[tuple[ActionId, QRect]]:
        metrics = QFontMetrics(option.font)
        rect: QRect = option.rect
        height = metrics.height() + 10
        top = rect.top() + (rect.height() - height) // 2
        right = rect.right() - MARGIN
        rects: list[tuple[ActionId, QRect]] = []
        for action in reversed(actions_for(item)):
            if action is ActionId.REMOVE:
                width = height  # a square icon button
            else:
                # Size for the longest label the button can show, so it never jumps.
                texts = [button_label(action), button_label(ActionId.COPY)]
                if action is ActionId.COPY:
                    texts.append(translate("UploadRow", "Copied ✓"))
                elif action is ActionId.RETRY:  # "Send" for a file from last time
                    texts.append(translate("UploadRow", "Send"))
                width = max(metrics.horizontalAdvance(text) for text in texts)
                width += 20
            rects.append((action, QRect(right - width + 1, top, width, height)))
            right -= width + BUTTON_GAP
        rects.reverse()
        return rects

    # -- painting ----------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        item = index.data(ItemRole)
        if not isinstance(item, UploadItem):
            return
        rect: QRect = option.rect
        colors = option_colors(option)

        painter.save()
        style = draw_row_background(self, painter, option, index, colors)
        thumb_rect = self._paint_thumbnail(painter, option, index, colors)
        buttons_left = self._paint_buttons(painter, style, option, item)

        # Text: the name (and size) above, the status line below.
        text_left = thumb_rect.right() + 1 + MARGIN + 2
        text_width = max(10, buttons_left - MARGIN - text_left)
        line = QFontMetrics(option.font).height()
        top = rect.top() + (rect.height() - (2 * line + 4)) // 2
        self._paint_name(painter, option, item, colors, QRect(text_left, top, text_width, line))
        status_rect = QRect(text_left, top + line + 4, text_width, line)
        painter.setFont(option.font)
        if item.state is State.UPLOADING and not (item.waiting_for_server or item.preparing):
            bar_width = self._paint_progress(painter, style, option, item, status_rect)
            status_rect.setLeft(status_rect.left() + bar_width + 8)
        self._paint_status(painter, option, item, colors, status_rect)
        painter.restore()

    @staticmethod
    def _paint_thumbnail(
        painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex, colors: RowColors
    ) -> QRect:
        """The picture (or a placeholder) at the row's left; returns where it went."""
        rect: QRect = option.rect
        thumb_rect = QRect(
            rect.left() + MARGIN, rect.top() + (rect.height() - THUMB) // 2, THUMB, THUMB
        )
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        glyph = "?" if index.data(ThumbnailErrorRole) else "…"
        draw_thumbnail(
            painter, thumb_rect, pixmap if isinstance(pixmap, QPixmap) else None, colors, glyph
        )
        return thumb_rect

    def _paint_buttons(
        self, painter: QPainter, style: QStyle, option: QStyleOptionViewItem, item: UploadItem
    ) -> int:
        """The row's buttons at its right; returns the left edge of the first."""
        rect: QRect = option.rect
        buttons = self.button_rects(option, item)
        for action, button_rect in buttons:
            self._paint_button(painter, style, option.widget, option, item, action, button_rect)
        return buttons[0][1].left() if buttons else rect.right()

    @staticmethod
    def _paint_name(
        painter: QPainter,
        option: QStyleOptionViewItem,
        item: UploadItem,
        colors: RowColors,
        name_rect: QRect,
    ) -> None:
        """The file's name in bold in ``name_rect`` (elided in the middle), its size muted after."""
        font = option.font
        metrics = QFontMetrics(font)
        size_text = shown_size(item.size) if item.size is not None else ""
        size_width = metrics.horizontalAdvance(size_text) + (12 if size_text else 0)
        bold = font.__class__(font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        name = bold_metrics.elidedText(
            item.name, Qt.TextElideMode.ElideMiddle, max(10, name_rect.width() - size_width)
        )
        painter.setFont(bold)
        painter.setPen(colors.text)
        painter.drawText(name_rect, ALIGN, name)
        if size_text:
            painter.setFont(font)
            painter.setPen(colors.muted)
            size_left = name_rect.left() + bold_metrics.horizontalAdvance(name) + 12
            size_rect = QRect(size_left, name_rect.top(), size_width, name_rect.height())
            painter.drawText(size_rect, ALIGN, size_text)

    @staticmethod
    def _paint_progress(
        painter: QPainter,
        style: QStyle,
        option: QStyleOptionViewItem,
        item: UploadItem,
        status_rect: QRect,
    ) -> int:
        """A progress bar at the start of the status line; returns its width."""
        bar_width = min(220, status_rect.width() // 2)
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(
            status_rect.left(), status_rect.top() + 2, bar_width, status_rect.height() - 4
        )
        bar.minimum, bar.maximum = 0, 1000
        bar.progress = int(item.fraction * 1000)
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        bar.textVisible = False
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)
        return bar_width

    def _paint_status(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        item: UploadItem,
        colors: RowColors,
        status_rect: QRect,
    ) -> None:
        """The status line: a done row's link, or what happens to the file (errors in red)."""
        metrics = QFontMetrics(option.font)
        status = self.status_text(item)
        if item.state is State.DONE and item.url and status.startswith(item.url):
            _draw_link_status(painter, metrics, colors, status_rect, item.url, status)
            return
        if item.state is State.FAILED and item.failure is not FailureKind.INTERRUPTED:
            painter.setPen(colors.error)
        else:
            painter.setPen(colors.muted)  # interrupted files are not failures: not in red
        # A URL keeps both ends; a sentence (why a file waits) keeps its beginning.
        elide = Qt.TextElideMode.ElideMiddle
        if item.state in (State.QUEUED, State.FAILED):
            elide = Qt.TextElideMode.ElideRight
        painter.drawText(status_rect, ALIGN, metrics.elidedText(status, elide, status_rect.width()))

    def _paint_button(
        self,
        painter: QPainter,
        style: QStyle,
        widget: QWidget | None,
        option: QStyleOptionViewItem,
        item: UploadItem,
        action: ActionId,
        rect: QRect,
    ) -> None:
        button = QStyleOptionButton()
        button.rect = rect
        button.text = self.label(item, action)
        button.palette = option.palette
        button.fontMetrics = option.fontMetrics
        state = QStyle.StateFlag.State_Enabled
        key = (item.id, action)
        if self._pressed == key:
            state |= QStyle.StateFlag.State_Sunken
        else:
            state |= QStyle.StateFlag.State_Raised
        if self._hovered == key:
            state |= QStyle.StateFlag.State_MouseOver
        button.state = state
        style.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, widget)

    # -- clicks ------------------------------------------------------------------------

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: ModelIndex,
    ) -> bool:
        item = index.data(ItemRole)
        if not isinstance(item, UploadItem) or not isinstance(event, QMouseEvent):
            return False
        hit = self._hit(option, item, event.position().toPoint())
        kind = event.type()
        if kind == QEvent.Type.MouseMove:
            hovered = (item.id, hit) if hit else None
            if hovered != self._hovered:
                self._hovered = hovered
                self._repaint(option)
            return False
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if kind == QEvent.Type.MouseButtonPress and hit:
            self._pressed = (item.id, hit)
            self._repaint(option)
            return True
        if kind == QEvent.Type.MouseButtonRelease and self._pressed is not None:
            pressed, self._pressed = self._pressed, None
            self._repaint(option)
            if hit and pressed == (item.id, hit):
                self.action.emit(hit, item.id)
            return True
        # A double click on a button is two clicks, not "activate the row".
        return kind == QEvent.Type.MouseButtonDblClick and hit is not None

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: ModelIndex,
    ) -> bool:
        item = index.data(ItemRole)
        if event.type() == QEvent.Type.ToolTip and isinstance(item, UploadItem):
            hit = self._hit(option, item, event.pos())
            if hit is not None:
                QToolTip.showText(event.globalPos(), button_tip(hit), view)
                return True
        return super().helpEvent(event, view, option, index)

    def _hit(self, option: QStyleOptionViewItem, item: UploadItem, pos: QPoint) -> ActionId | None:
        for action, rect in self.button_rects(option, item):
            if rect.contains(pos):
                return action
        return None

    @staticmethod
    def _repaint(option: QStyleOptionViewItem) -> None:
        widget = option.widget
        if widget is not None:
            viewport = getattr(widget, "viewport", None)
            (viewport() if viewport else widget).update()

    def forget_hover(self) -> None:
        self._hovered = None
