"""Every text painted in the rows, the empty state and the drop overlay reads: WCAG AA.

WCAG AA asks for a contrast of at least 4.5:1 between a text and the background it is
painted on. The colours come from the palette, so they are checked on a light palette (Qt's
Fusion default), on a dark one with the pure blue link GTK can report (#0000ff, 1.5:1 on a
dark row) and with a half-transparent placeholder, and on the palette the GTK 3 platform
theme really reported for ``GTK_THEME=Adwaita:dark`` (backdrop colours included).

Two kinds of check: the colours :func:`row_colors` (etc.) choose, and what the delegates
really paint: a painter that records each ``drawText`` with its pen and the pixel under
the text just before it is drawn, so a delegate that picked a colour of its own is caught.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QRect
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QImage,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleFactory,
    QStyleOptionViewItem,
)

from uploader_gui.core.history import HistoryEntry, HistoryState
from uploader_gui.ui.base import palette as colours
from uploader_gui.ui.base.palette import contrast_ratio
from uploader_gui.ui.history.view import DetailRole, EntryRole, HistoryDelegate, describe
from uploader_gui.ui.uploads.delegate import UploadDelegate
from uploader_gui.ui.uploads.drop_area import EmptyState
from uploader_gui.ui.uploads.model import FailureKind, State, UploadItem, UploadListModel

AA = 4.5
Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    assert style is not None
    return style.standardPalette()


def dark_palette() -> QPalette:
    """Like Adwaita dark, with the link GTK can report as is: pure blue."""
    palette = QPalette()
    for role, value in {
        Role.Window: "#353535",
        Role.WindowText: "#eeeeee",
        Role.Base: "#2d2d2d",
        Role.AlternateBase: "#323232",
        Role.Text: "#eeeeee",
        Role.Button: "#353535",
        Role.ButtonText: "#eeeeee",
        Role.Light: "#454545",
        Role.Midlight: "#3e3e3e",
        Role.Mid: "#2a2a2a",
        Role.Dark: "#232323",
        Role.Shadow: "#141414",
        Role.Highlight: "#15539e",
        Role.HighlightedText: "#ffffff",
        Role.Link: "#0000ff",
        Role.LinkVisited: "#ff00ff",
        Role.ToolTipBase: "#ffffdc",
        Role.ToolTipText: "#000000",
        Role.BrightText: "#ffffff",
    }.items():
        palette.setColor(role, QColor(value))
    # Qt's own default placeholder: the text at half opacity.
    palette.setColor(Role.PlaceholderText, QColor(0xEE, 0xEE, 0xEE, 128))
    return palette


def gtk_dark_palette() -> QPalette:
    """What Qt's gtk3 platform theme reported for ``GTK_THEME=Adwaita:dark`` (Debian 12)."""
    palette = QPalette()
    for role, value in {
        Role.Window: "#323232",
        Role.WindowText: "#ffffff",
        Role.Base: "#323232",
        Role.AlternateBase: "#2f2f2f",
        Role.Text: "#ffffff",
        Role.PlaceholderText: "#9b9b9b",
        Role.Button: "#323232",
        Role.ButtonText: "#ffffff",
        Role.Highlight: "#15539e",
        Role.HighlightedText: "#ffffff",
        Role.Link: "#308cc6",
        Role.LinkVisited: "#ff00ff",
        Role.Mid: "#383838",
        Role.Dark: "#2c2c2c",
        Role.Light: "#3e3e3e",
    }.items():
        palette.setColor(role, QColor(value))
    # The window text of an unfocused ("backdrop") window.
    palette.setColor(Group.Inactive, Role.WindowText, QColor("#919190"))
    return palette


PALETTES = {"light": light_palette, "dark": dark_palette, "gtk-dark": gtk_dark_palette}
GROUPS = {"active": Group.Active, "inactive": Group.Inactive}


def in_group(palette: QPalette, group: QPalette.ColorGroup) -> QPalette:
    copy = QPalette(palette)
    copy.setCurrentColorGroup(group)
    return copy


def over(color: QColor, background: QColor) -> QColor:
    """``color`` as seen when painted on ``background`` (alpha blended)."""
    alpha = color.alphaF()
    return QColor.fromRgbF(
        color.redF() * alpha + background.redF() * (1 - alpha),
        color.greenF() * alpha + background.greenF() * (1 - alpha),
        color.blueF() * alpha + background.blueF() * (1 - alpha),
    )


@dataclass(frozen=True)
class Painted:
    what: str
    text: str
    pen: QColor
    background: QColor

    @property
    def ratio(self) -> float:
        return contrast_ratio(over(self.pen, self.background), self.background)

    def __str__(self) -> str:
        return (
            f"{self.what}: {self.text!r} {self.pen.name(QColor.NameFormat.HexArgb)}"
            f" on {self.background.name()} = {self.ratio:.2f}:1"
        )


class RecordingPainter(QPainter):
    """Paints on ``image``; remembers each text, its pen and the pixels it is drawn on."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.image = image
        self.texts: list[tuple[str, QColor, list[QColor]]] = []

    def drawText(self, *args: Any) -> None:  # type: ignore[override]
        rect, text = args[0], args[-1]
        assert isinstance(rect, QRect), args
        assert isinstance(text, str), args
        # The background the text lands on, sampled before the text is drawn: left, middle
        # and right of the text's line (all of it was painted with the row's background).
        inside = rect.intersected(self.image.rect())
        y = inside.center().y()
        points = [QPoint(inside.left() + 1, y), inside.center(), QPoint(inside.right() - 1, y)]
        self.texts.append((text, self.pen().color(), [self.image.pixelColor(p) for p in points]))
        super().drawText(*args)


def paint_row(
    delegate: QStyledItemDelegate,
    index: QModelIndex,
    palette: QPalette,
    group: QPalette.ColorGroup,
    selected: bool,
    height: int,
    what: str,
) -> list[Painted]:
    """Paint one row as a list view would and return the texts drawn, with backgrounds."""
    palette = in_group(palette, group)
    image = QImage(640, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(palette.color(Role.Base))  # the view's viewport
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 640, height)
    option.palette = palette
    option.font = QApplication.font()
    option.fontMetrics = QFontMetrics(option.font)
    state = QStyle.StateFlag.State_Enabled
    if group == Group.Active:
        state |= QStyle.StateFlag.State_Active
    if selected:
        state |= QStyle.StateFlag.State_Selected
    option.state = state
    painter = RecordingPainter(image)
    try:
        delegate.paint(painter, option, index)
    finally:
        painter.end()
    painted = []
    for text, pen, backgrounds in painter.texts:
        # Judged on the sample it reads worst on.
        worst = min(backgrounds, key=lambda bg: contrast_ratio(over(pen, bg), bg))
        painted.append(Painted(what, text, pen, worst))
    return painted


def upload_items(tmp_path: Path) -> list[UploadItem]:
    def item(number: int, state: State, **fields: Any) -> UploadItem:
        return UploadItem(
            number, tmp_path / f"photo-{number}.png", 1, size=48_213, state=state, **fields
        )

    return [
        item(1, State.QUEUED),
        item(2, State.QUEUED, waiting_for_key=True),
        item(3, State.UPLOADING, sent=400, total=1000),
        item(4, State.UPLOADING, sent=1000, total=1000),
        item(5, State.RETRY_WAIT, retry_at=time.monotonic() + 9, retry_reason="HTTP 503"),
        item(6, State.DONE, url="https://img.example/abc.png"),
        item(7, State.DONE, url="https://img.example/def.png", reused=True),
        item(8, State.DONE, url="https://img.example/ghi.png", copied_until=time.monotonic() + 60),
        item(9, State.FAILED, error="not an image", failure=FailureKind.LOCAL),
        item(10, State.FAILED, error="the key was refused", failure=FailureKind.KEY),
        item(11, State.CANCELLED),
    ]


def history_entries() -> list[HistoryEntry]:
    def entry(number: int, state: HistoryState, url: str | None, error: str | None) -> HistoryEntry:
        return HistoryEntry(
            number, f"/photos/p{number}.jpg", f"p{number}.jpg", 123_456, None, "image/jpeg",
            "img.example", state, url, error, 1_700_000_000.0, 1_700_000_100.0,
        )  # fmt: skip

    return [
        entry(1, HistoryState.DONE, "https://img.example/p1.jpg", None),
        entry(2, HistoryState.FAILED, None, "HTTP 500"),
        entry(3, HistoryState.CANCELLED, None, None),
        entry(4, HistoryState.QUEUED, None, None),
    ]


def cases() -> Iterator[tuple[str, str, bool]]:
    for name in PALETTES:
        for group in GROUPS:
            for selected in (False, True):
                yield name, group, selected


CASES = list(cases())
IDS = [f"{n}-{g}-{'selected' if s else 'unselected'}" for n, g, s in CASES]


def failures(painted: list[Painted]) -> list[str]:
    return [str(p) for p in painted if p.ratio < AA]


@pytest.mark.parametrize(("palette_name", "group_name", "selected"), CASES, ids=IDS)
def test_upload_rows_paint_readable_texts(
    qapp: QApplication, tmp_path: Path, palette_name: str, group_name: str, selected: bool
) -> None:
    model = UploadListModel()
    items = upload_items(tmp_path)
    model.append(items)
    delegate = UploadDelegate(status_text=model.status_text)
    painted: list[Painted] = []
    for row, item in enumerate(items):
        what = f"upload {item.state.value} #{item.id}"
        palette, group = PALETTES[palette_name](), GROUPS[group_name]
        painted += paint_row(delegate, model.index(row, 0), palette, group, selected, 64, what)
    # Name, size and status line of every row, and the placeholder glyphs of the pictures.
    assert len(painted) >= 3 * len(items)
    if failures(painted):
        pytest.fail("\n".join(failures(painted)), pytrace=False)


@pytest.mark.parametrize(("palette_name", "group_name", "selected"), CASES, ids=IDS)
def test_history_rows_paint_readable_texts(
    qapp: QApplication, palette_name: str, group_name: str, selected: bool
) -> None:
    model = QStandardItemModel()
    entries = history_entries()
    for entry in entries:
        row = QStandardItem(entry.name)
        row.setData(entry, EntryRole)
        row.setData(describe(entry), DetailRole)
        model.appendRow(row)
    delegate = HistoryDelegate()
    painted: list[Painted] = []
    for row_number, entry in enumerate(entries):
        what = f"history {entry.state.value} #{entry.id}"
        palette, group = PALETTES[palette_name](), GROUPS[group_name]
        index = model.index(row_number, 0)
        painted += paint_row(delegate, index, palette, group, selected, 56, what)
    assert len(painted) >= 3 * len(entries)
    if failures(painted):
        pytest.fail("\n".join(failures(painted)), pytrace=False)


@pytest.mark.parametrize(("palette_name", "group_name", "selected"), CASES, ids=IDS)
def test_row_colors_reach_aa(palette_name: str, group_name: str, selected: bool) -> None:
    """The colours both delegates take, from the one function that chooses them."""
    palette = in_group(PALETTES[palette_name](), GROUPS[group_name])
    row = colours.row_colors(palette, selected)
    texts = {"text": row.text, "muted": row.muted, "link": row.link, "error": row.error}
    for name, color in texts.items():
        assert color.alpha() == 255, name
        ratio = contrast_ratio(color, row.background)
        assert ratio >= AA, f"{name} {color.name()} on {row.background.name()}: {ratio:.2f}"
    glyph = contrast_ratio(row.glyph, row.thumbnail_background)
    assert glyph >= AA, f"glyph {row.glyph.name()} on {row.thumbnail_background.name()}"
    if not selected:
        # Unselected rows lie on the view's own background, which the delegates keep.
        assert row.background == palette.color(Role.Base)


@pytest.mark.parametrize("palette_name", PALETTES)
def test_links_keep_their_hue(palette_name: str) -> None:
    """A link made readable still looks like a link: blue stays blue."""
    palette = PALETTES[palette_name]()
    link = colours.row_colors(palette, selected=False).link
    original = palette.color(Role.Link)
    assert abs(link.hslHue() - original.hslHue()) <= 2, (link.name(), original.name())
    assert link.hslSaturation() > 100, link.name()


@pytest.mark.parametrize("palette_name", PALETTES)
@pytest.mark.parametrize("acceptable", [True, False], ids=["accept", "refuse"])
def test_drop_overlay_message_reads_whatever_is_under_it(
    palette_name: str, acceptable: bool
) -> None:
    palette = PALETTES[palette_name]()
    overlay = colours.overlay_colors(palette, acceptable)
    assert overlay.text.alpha() == 255
    # The fill is translucent: judged over the darkest and the lightest content.
    for under in (QColor("#000000"), QColor("#ffffff")):
        background = over(overlay.fill, under)
        ratio = contrast_ratio(overlay.text, background)
        assert ratio >= AA, f"{overlay.text.name()} on {background.name()}: {ratio:.2f}"


@pytest.mark.parametrize("palette_name", PALETTES)
def test_empty_state_hint_reads(qapp: QApplication, palette_name: str) -> None:
    empty = EmptyState()
    # Shown on another palette first: the hint follows a switch of the desktop's theme.
    empty.setPalette(dark_palette() if palette_name == "light" else light_palette())
    empty.setPalette(PALETTES[palette_name]())
    window = empty.palette().color(Role.Window)
    hint = empty.hint
    seen = over(hint.palette().color(hint.foregroundRole()), window)
    assert contrast_ratio(seen, window) >= AA, seen.name()
