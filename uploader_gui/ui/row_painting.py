"""Drawing shared by the list delegates: the row background and a thumbnail box."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem


def draw_row_background(
    delegate: QStyledItemDelegate,
    painter: QPainter,
    option: QStyleOptionViewItem,
    index: QModelIndex | QPersistentModelIndex,
) -> QStyle:
    """Background, selection and focus as the platform draws them; returns the style."""
    widget = option.widget
    style = widget.style() if widget is not None else QApplication.style()
    base = QStyleOptionViewItem(option)
    delegate.initStyleOption(base, index)
    base.text = ""
    base.icon = QIcon()  # the delegate draws the picture; the style would render a copy
    base.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)
    return style


def draw_thumbnail(
    painter: QPainter, rect: QRect, pixmap: QPixmap | None, palette: QPalette, glyph: str = ""
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
    painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
    painter.drawRoundedRect(rect, 6, 6)
    if glyph:
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, glyph)
