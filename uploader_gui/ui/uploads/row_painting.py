"""Drawing shared by the list delegates: the row's colours, background and a thumbnail box."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..base.palette import RowColors, row_colors


def option_colors(option: QStyleOptionViewItem) -> RowColors:
    """The colours of the row ``option`` describes (selected or not, window active or not)."""
    state = option.state
    widget = option.widget
    palette = QPalette(option.palette)
    # The colour group the style paints the selection with.
    if not (state & QStyle.StateFlag.State_Enabled) or (
        widget is not None and not widget.isEnabled()
    ):
        palette.setCurrentColorGroup(QPalette.ColorGroup.Disabled)
    elif not state & QStyle.StateFlag.State_Active:
        palette.setCurrentColorGroup(QPalette.ColorGroup.Inactive)
    else:
        palette.setCurrentColorGroup(QPalette.ColorGroup.Active)
    return row_colors(palette, bool(state & QStyle.StateFlag.State_Selected))


def draw_row_background(
    delegate: QStyledItemDelegate,
    painter: QPainter,
    option: QStyleOptionViewItem,
    index: QModelIndex | QPersistentModelIndex,
    colors: RowColors,
) -> QStyle:
    """Background, selection and focus as the platform draws them; returns the style.

    A selection is drawn in ``colors.background``: the platform's, unless the selected text
    would not read on it.
    """
    widget = option.widget
    style = widget.style() if widget is not None else QApplication.style()
    base = QStyleOptionViewItem(option)
    delegate.initStyleOption(base, index)
    if base.state & QStyle.StateFlag.State_Selected:
        palette = QPalette(base.palette)
        palette.setColor(QPalette.ColorRole.Highlight, colors.background)
        base.palette = palette
    base.text = ""
    base.icon = QIcon()  # the delegate draws the picture; the style would render a copy
    base.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)
    return style


def draw_thumbnail(
    painter: QPainter, rect: QRect, pixmap: QPixmap | None, colors: RowColors, glyph: str = ""
) -> None:
    """``pixmap`` fitted and centred in ``rect``, or a rounded placeholder with ``glyph``."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    if pixmap is not None and not pixmap.isNull():
        size = (pixmap.size() / pixmap.devicePixelRatio()).scaled(
            rect.size(), Qt.AspectRatioMode.KeepAspectRatio
        )
        target = QRect(0, 0, size.width(), size.height())
        target.moveCenter(rect.center())
        painter.drawPixmap(target, pixmap)
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colors.thumbnail_background)
    painter.drawRoundedRect(rect, 6, 6)
    if glyph:
        painter.setPen(colors.glyph)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, glyph)
