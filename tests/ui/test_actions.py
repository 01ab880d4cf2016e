"""The action table (``ui/actions.py``): specs, menus, tooltips, enabling, row buttons."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget
from pytestqt.qtbot import QtBot

from uploader_gui.ui.base.actions import MENUS, SPECS, ActionId, Actions, EnabledWhen, plain_text
from uploader_gui.ui.uploads.delegate import UploadDelegate, actions_for
from uploader_gui.ui.uploads.model import FailureKind, State, UploadItem

NATIVE = QKeySequence.SequenceFormat.NativeText


@pytest.fixture
def actions(host: QWidget) -> Actions:
    return Actions(host)


def menu_ids() -> list[ActionId]:
    return [entry for _title, entries in MENUS for entry in entries if isinstance(entry, ActionId)]


def every_row() -> list[UploadItem]:
    """One item in every state, with every kind of failure, interrupted or not."""
    rows: list[UploadItem] = []
    for number, (state, failure) in enumerate(
        itertools.product(State, [None, *FailureKind]), start=1
    ):
        item = UploadItem(id=number, path=Path(f"/tmp/{number}.png"), batch=1)
        item.state, item.failure = state, failure
        if state is State.DONE:
            item.url = f"https://img.example/{number}.png"
        rows.append(item)
    return rows


def test_every_action_id_has_a_spec_and_one_qaction(actions: Actions) -> None:
    assert set(SPECS) == set(ActionId)
    made = dict(iter(actions))
    assert set(made) == set(ActionId)
    assert len({id(action) for action in made.values()}) == len(ActionId)
    for action_id, action in made.items():
        spec = SPECS[action_id]
        assert action.text() == spec.text
        assert action.objectName() == action_id.value
        assert action.isCheckable() is spec.checkable
        assert action.statusTip() == spec.tip
        assert spec.text.strip(), action_id


def test_menu_entries_name_each_action_at_most_once() -> None:
    repeated = [name for name, count in Counter(menu_ids()).items() if count > 1]
    assert repeated == []


def test_the_built_menu_bar_holds_each_action_at_most_once(host: QWidget, actions: Actions) -> None:
    bar = QMenuBar(host)
    submenu = [QAction("Sub", bar)]
    actions.build_menus(bar, {"Copy &Format": lambda: submenu})

    def walk(menu: QMenu) -> list[QAction]:
        found: list[QAction] = []
        for action in menu.actions():
            inner = action.menu()
            if isinstance(inner, QMenu):
                found += walk(inner)
            elif not action.isSeparator():
                found.append(action)
        return found

    menus = [action.menu() for action in bar.actions()]
    shown = [action for menu in menus if isinstance(menu, QMenu) for action in walk(menu)]
    counts = Counter(action.objectName() for action in shown if action not in submenu)
    assert all(count == 1 for count in counts.values()), counts
    assert set(counts) == {action_id.value for action_id in menu_ids()}
    assert [menu.title() for menu in menus if isinstance(menu, QMenu)] == [t for t, _ in MENUS]


def test_tooltips_show_the_shortcut_the_action_really_has(actions: Actions) -> None:
    for action_id, action in actions:
        spec = SPECS[action_id]
        tip = spec.tip or plain_text(spec.text)
        keys = action.shortcut().toString(NATIVE)
        if spec.shortcut is None:
            assert keys == ""
        if keys:
            assert action.toolTip() == f"{tip} ({keys})", action_id
        else:
            # No shortcut, or a standard key this platform does not bind (Quit has none
            # under the Windows key scheme the offscreen platform uses): no "()" either.
            assert action.toolTip() == tip, action_id
        # Without the QAction (a tab's or a row button's tip) it says the same.
        assert Actions.tooltip(action_id) == action.toolTip(), action_id


def test_copy_shows_the_platforms_copy_shortcut(actions: Actions) -> None:
    platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Copy)[0].toString(NATIVE)
    copy = actions[ActionId.COPY]
    assert copy.shortcut().toString(NATIVE) == platform
    assert copy.toolTip() == f"Copy the selected links in the chosen format ({platform})"
    if platform != "⌘C":  # macOS names the key differently
        assert copy.toolTip().endswith("(Ctrl+C)")


def test_custom_shortcuts_are_shown_in_native_text(actions: Actions) -> None:
    retry = actions[ActionId.RETRY]
    assert retry.toolTip() == (
        f"Send the selected files again ({QKeySequence('Ctrl+R').toString(NATIVE)})"
    )
    assert "(" not in actions[ActionId.SEND_INTERRUPTED].toolTip()  # it has no shortcut


@pytest.mark.parametrize(
    "conditions",
    [
        set(),
        {EnabledWhen.SELECTION},
        {EnabledWhen.FAILED},
        {EnabledWhen.INTERRUPTED},
        {EnabledWhen.SELECTION, EnabledWhen.FAILED, EnabledWhen.INTERRUPTED},
    ],
)
def test_update_enabled_follows_each_actions_condition(
    actions: Actions, conditions: set[EnabledWhen]
) -> None:
    actions.update_enabled(conditions)
    for action_id, action in actions:
        when = SPECS[action_id].enabled_when
        expected = when is EnabledWhen.ALWAYS or when in conditions
        assert action.isEnabled() is expected, (action_id, conditions)


def test_selection_actions_are_enabled_only_with_a_selection(actions: Actions) -> None:
    selection = [a for a in ActionId if SPECS[a].enabled_when is EnabledWhen.SELECTION]
    assert {ActionId.COPY, ActionId.OPEN_URL, ActionId.RETRY, ActionId.CANCEL} <= set(selection)
    actions.update_enabled({EnabledWhen.FAILED, EnabledWhen.INTERRUPTED})
    assert not any(actions[a].isEnabled() for a in selection)
    actions.update_enabled({EnabledWhen.SELECTION})
    assert all(actions[a].isEnabled() for a in selection)
    assert not actions[ActionId.RETRY_FAILED].isEnabled()
    assert not actions[ActionId.SEND_INTERRUPTED].isEnabled()
    actions.update_enabled(set())
    assert not any(actions[a].isEnabled() for a in selection)
    assert actions[ActionId.ADD_IMAGES].isEnabled()


def test_every_row_button_has_a_label_and_every_label_a_row() -> None:
    shown = {action for item in every_row() for action in actions_for(item)}
    labelled = {action for action in ActionId if SPECS[action].button}
    assert shown == labelled
    for item in every_row():
        for action in actions_for(item):
            assert UploadDelegate.label(item, action).strip(), (item.state, action)


def test_context_menu_holds_the_actions_marked_for_it(actions: Actions) -> None:
    marked = {a.value for a in ActionId if SPECS[a].in_context_menu}
    assert {action.objectName() for action in actions.context_menu()} == marked


def test_no_two_actions_share_a_shortcut(actions: Actions) -> None:
    owners: dict[str, list[str]] = {}
    for action_id, action in actions:
        for sequence in action.shortcuts():
            if not sequence.isEmpty():
                text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
                owners.setdefault(text, []).append(action_id.value)
    shared = {keys: names for keys, names in owners.items() if len(names) > 1}
    assert shared == {}


def test_on_runs_the_slot_without_the_checked_state(qtbot: QtBot, actions: Actions) -> None:
    calls: list[str] = []
    actions.on(ActionId.AUTO_COPY, lambda: calls.append("toggled"))
    actions[ActionId.AUTO_COPY].trigger()
    assert calls == ["toggled"]
    assert actions[ActionId.AUTO_COPY].isChecked()
