"""The empty state a newcomer sees, and the highlight shown while files are dragged over."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ...core.i18n import translate
from ..base.palette import hint_color, overlay_colors
from ..base.plain_text import plain_label


class EmptyState(QWidget):
    """ "Drop images here", with the shortcuts, inside a dashed outline."""

    choose_files = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(1)
        title = plain_label(translate("DropArea", "Drop images here"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        self.hint = hint = plain_label(
            translate(
                "DropArea",
                "They upload at once, and each gets a public URL you can copy.\n"
                "PNG, JPEG, WebP or GIF · folders too · Ctrl+V pastes an image",
            )
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._color_hint()
        layout.addWidget(hint)
        layout.addSpacing(12)
        button = QPushButton(translate("DropArea", "Choose images…"))
        button.setToolTip(translate("DropArea", "Choose image files to upload (Ctrl+O)"))
        button.setAccessibleName(translate("DropArea", "Choose images to upload"))
        button.clicked.connect(self.choose_files)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def _color_hint(self) -> None:
        """The hint in a placeholder-like colour that still reads on the window."""
        palette = QPalette(self.hint.palette())
        palette.setColor(QPalette.ColorRole.PlaceholderText, hint_color(self.palette()))
        self.hint.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._color_hint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = self.palette().color(QPalette.ColorRole.PlaceholderText)
        pen = QPen(color, 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(16, 16, -16, -16), 14, 14)


class DropOverlay(QWidget):
    """A translucent highlight over the window with what a drop would do."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.message = ""
        self.acceptable = True
        self.hide()

    def show_message(self, message: str, acceptable: bool) -> None:
        self.message = message
        self.acceptable = acceptable
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colors = overlay_colors(self.palette(), self.acceptable)
        painter.fillRect(self.rect(), colors.fill)
        painter.setPen(QPen(colors.border, 3, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(10, 10, -10, -10), 14, 14)
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(colors.text)
        painter.drawText(
            self.rect().adjusted(40, 40, -40, -40),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self.message,
        )
