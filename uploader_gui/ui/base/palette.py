"""Colours that read on both light and dark palettes.

Every text the app paints itself takes its colour from here, and every such colour reaches
at least WCAG AA contrast (4.5:1) against the background it is painted on, whatever the
platform's palette holds: :func:`readable` moves a colour's lightness (never its hue) until
it does. A platform can report colours that do not read, e.g. GTK's dark theme gives links
as pure blue (#0000ff), 1.5:1 on its dark grey.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

#: WCAG AA for normal text.
AA_CONTRAST = 4.5

Role = QPalette.ColorRole

#: Muted texts (a size, a status line) are the text colour at this opacity, then made readable.
MUTED_OPACITY = 0.7
#: The drop overlay's fill: the window colour at this opacity over the list.
OVERLAY_OPACITY = 0.93

_ERROR = {False: "#b3261e", True: "#ff7b72"}
_SUCCESS = {False: "#1e7b34", True: "#7ee2a8"}


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Base).lightness() < 128


def _luminance(color: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(color.redF())
        + 0.7152 * linear(color.greenF())
        + 0.0722 * linear(color.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio, from 1 (same) to 21 (black on white)."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _contrast(first: QColor, second: QColor) -> float:
    return contrast_ratio(first, second)


def blend(color: QColor, background: QColor, opacity: float | None = None) -> QColor:
    """``color`` as seen on ``background``: opaque, its alpha (or ``opacity``) blended in."""
    alpha = color.alphaF() if opacity is None else opacity * color.alphaF()
    return QColor.fromRgbF(
        color.redF() * alpha + background.redF() * (1 - alpha),
        color.greenF() * alpha + background.greenF() * (1 - alpha),
        color.blueF() * alpha + background.blueF() * (1 - alpha),
    ).toRgb()


def _opaque_rgb(color: QColor) -> QColor:
    """``color`` rounded to 8-bit RGB, as it is painted on an ordinary surface."""
    return QColor(color.red(), color.green(), color.blue())


def readable(
    color: QColor,
    background: QColor | Sequence[QColor],
    minimum: float = AA_CONTRAST,
) -> QColor:
    """``color``, opaque, with at least ``minimum`` contrast against ``background``.

    A colour that already reads is returned as it is (blended onto the background if it is
    translucent). Otherwise its HSL lightness moves towards white or black, whichever needs
    the smaller change, until it reads; hue and saturation stay, so a blue link stays blue.
    With several backgrounds (a translucent fill over unknown content), the colour reads on
    each; a translucent ``color`` is blended onto the first.
    """
    backgrounds = [background] if isinstance(background, QColor) else list(background)
    start = _opaque_rgb(blend(color, backgrounds[0]))

    def reads(candidate: QColor) -> bool:
        return all(_contrast(candidate, bg) >= minimum for bg in backgrounds)

    if reads(start):
        return start
    hue = max(start.hslHueF(), 0.0)  # -1 for greys
    saturation, lightness = start.hslSaturationF(), start.lightnessF()

    def at(value: float) -> QColor:
        return _opaque_rgb(QColor.fromHslF(hue, saturation, min(1.0, max(0.0, value))))

    best: QColor | None = None
    best_change = 2.0
    for end in (1.0, 0.0):
        if not reads(at(end)):
            continue
        # The colour's channels grow with its lightness, and so does its luminance: the
        # lightness at which it starts to read is found by bisection.
        near, far = lightness, end
        for _ in range(24):
            middle = (near + far) / 2
            if reads(at(middle)):
                far = middle
            else:
                near = middle
        if abs(far - lightness) < best_change:
            best, best_change = at(far), abs(far - lightness)
    if best is not None:
        return best
    # No lightness of this hue reads on all the backgrounds: the best of black and white.
    return max(
        (QColor("#000000"), QColor("#ffffff")),
        key=lambda c: min(_contrast(c, bg) for bg in backgrounds),
    )


def error_color(palette: QPalette) -> QColor:
    """Red for errors, readable on the palette's window and on its views."""
    return readable(QColor(_ERROR[is_dark(palette)]), _backgrounds(palette))


def success_color(palette: QPalette) -> QColor:
    """Green for success, readable on the palette's window and on its views."""
    return readable(QColor(_SUCCESS[is_dark(palette)]), _backgrounds(palette))


def _backgrounds(palette: QPalette) -> list[QColor]:
    return [palette.color(Role.Window), palette.color(Role.Base)]


# -- rows of the upload list and of the history ---------------------------------------------


@dataclass(frozen=True)
class RowColors:
    """What a list row paints, each text readable on the background it lies on."""

    #: Behind the row's texts: the view's base, or the selection's colour.
    background: QColor
    #: The file name.
    text: QColor
    #: Size and status lines.
    muted: QColor
    #: The URL of a finished upload.
    link: QColor
    #: Why an upload failed.
    error: QColor
    #: The placeholder box where a picture is missing, and its glyph ("…", "?").
    thumbnail_background: QColor
    glyph: QColor


_ROW_ROLES = (
    Role.Base,
    Role.Text,
    Role.Highlight,
    Role.HighlightedText,
    Role.Link,
    Role.AlternateBase,
    Role.PlaceholderText,
)


def row_colors(palette: QPalette, selected: bool) -> RowColors:
    """The colours of a row, from ``palette`` in its current colour group.

    A selected row keeps the platform's selected text colour; if that does not read on the
    selection's colour, the selection gets darker or lighter (same hue) until it does. Its
    link and error lines take the selected text colour, like the rest of the row.
    """
    key = tuple(palette.color(role).rgba() for role in _ROW_ROLES)
    return RowColors(*(QColor.fromRgba(rgba) for rgba in _row_rgba(key, selected)))


@lru_cache(maxsize=64)
def _row_rgba(key: tuple[int, ...], selected: bool) -> tuple[int, ...]:
    """:func:`row_colors` on the roles' values (a row is painted often: this is cached)."""
    colors = dict(zip(_ROW_ROLES, (QColor.fromRgba(rgba) for rgba in key), strict=True))
    base = colors[Role.Base]
    dark = base.lightness() < 128
    if selected:
        text_role = Role.HighlightedText
        highlight = blend(colors[Role.Highlight], base)
        background = readable(highlight, blend(colors[text_role], highlight))
    else:
        text_role = Role.Text
        background = _opaque_rgb(base)
    text = readable(colors[text_role], background)
    muted = readable(blend(colors[text_role], background, MUTED_OPACITY), background)
    if selected:
        link = error = text
    else:
        link = readable(colors[Role.Link], background)
        error = readable(QColor(_ERROR[dark]), background)
    thumbnail_background = blend(colors[Role.AlternateBase], base)
    glyph = readable(colors[Role.PlaceholderText], thumbnail_background)
    chosen = (background, text, muted, link, error, thumbnail_background, glyph)
    return tuple(color.rgba() for color in chosen)


# -- the empty list and the drop overlay -------------------------------------------------


def hint_color(palette: QPalette) -> QColor:
    """A secondary text on the window (the empty list's hint): placeholder-like, readable."""
    return readable(palette.color(Role.PlaceholderText), palette.color(Role.Window))


@dataclass(frozen=True)
class OverlayColors:
    #: Over the whole window, translucent.
    fill: QColor
    #: The dashed outline: 3:1 at least, as WCAG asks of the parts of a control.
    border: QColor
    #: The message: readable on the fill over anything, from black to white.
    text: QColor


def overlay_colors(palette: QPalette, acceptable: bool) -> OverlayColors:
    """The drop overlay's colours: the accent colour, or the error colour for a refusal."""
    accent = palette.color(Role.Highlight) if acceptable else error_color(palette)
    fill = QColor(palette.color(Role.Window))
    fill.setAlphaF(OVERLAY_OPACITY)
    under = [blend(fill, QColor("#000000")), blend(fill, QColor("#ffffff"))]
    return OverlayColors(
        fill=fill, border=readable(accent, under, minimum=3.0), text=readable(accent, under)
    )


def error_label(owner: QWidget) -> QLabel:
    """A hidden, wrapping label in the error colour of ``owner``'s palette, for saying under
    a field why what was typed cannot be used."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # it shows what was typed
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {error_color(owner.palette()).name()};")
    label.hide()
    return label
