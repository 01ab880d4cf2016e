"""The destination editor on its own (``ui/destination/editor.py``): every field checked as
it is typed by the rules of an imported ``.sxcu``, the first problem named where it is, OK
and Test only without one; secrets in password fields, an empty one keeping the keyring's;
Test's outcome shown step by step, and a late one ignored."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pytest
from PySide6.QtWidgets import QLineEdit, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from uploader_gui.core.destinations.syntax import Extraction
from uploader_gui.core.destinations.trial import Reading, TrialReport
from uploader_gui.core.destinations.uploader import Body, Deletion, Field, Section, Uploader
from uploader_gui.core.responses import UploadResult
from uploader_gui.ui.base.destination_types import TrialOutcome
from uploader_gui.ui.destination.editor import DestinationEditor
from uploader_gui.ui.destination.editor_fields import PairsTable

AUTH: Field = (Section.HEADERS, "Authorization")
HOST = Uploader(
    "Host",
    "https://img.example.test/api/upload",
    headers=(("Authorization", ""), ("X-Client", "uploader-gui")),
    file_form_name="image",
    url="{json:data.link}",
    deletion_url="{json:data.delete_url}",
    deletion=Deletion("DELETE", (("Authorization", ""),)),
    secrets=frozenset({AUTH, (Section.DELETION_HEADERS, "Authorization")}),
)


class Trials:
    """A tester that records each call and answers when told."""

    def __init__(self) -> None:
        self.calls: list[tuple[Uploader, dict[Field, str], Callable[[TrialOutcome], None]]] = []

    def __call__(
        self, uploader: Uploader, typed: Mapping[Field, str], done: Callable[[TrialOutcome], None]
    ) -> None:
        self.calls.append((uploader, dict(typed), done))


def editor_for(
    qtbot: QtBot, uploader: Uploader | None = None, known: frozenset[Field] = frozenset()
) -> tuple[DestinationEditor, Trials]:
    trials = Trials()
    editor = DestinationEditor(None, uploader, known, trials)
    qtbot.addWidget(editor)
    return editor, trials


def problem(editor: DestinationEditor) -> str:
    return editor.problem.text() if not editor.problem.isHidden() else ""


def row_cells(table: PairsTable, row: int) -> tuple[QLineEdit, QLineEdit, bool, bool]:
    """The name and value fields of ``row``, and whether its Secret box is ticked, enabled."""
    name, value, secret = table.cells(row)
    return name, value, secret.isChecked(), secret.isEnabled()


def test_a_new_destination_waits_for_a_usable_request_url(qtbot: QtBot) -> None:
    editor, _trials = editor_for(qtbot)
    assert problem(editor) == "Request ▸ Request URL: is empty"
    assert not editor.ok_button.isEnabled()
    assert not editor.test_button.isEnabled()
    assert editor.edited() is None

    editor.form.request_url.setText("http://img.example.test/up")
    assert problem(editor).startswith("Request ▸ Request URL: http:// to img.example.test")
    assert "use https://" in problem(editor)

    editor.form.request_url.setText("https://img.example.test/up")
    assert problem(editor) == ""
    assert editor.ok_button.isEnabled()
    assert editor.test_button.isEnabled()
    edited = editor.edited()
    assert edited is not None
    assert edited.uploader == Uploader(
        "img.example.test", "https://img.example.test/up", file_form_name="file"
    )  # the host's name when none is typed; multipart's field is "file" to start with


def test_a_name_that_says_credential_is_a_secret_typed_into_a_password_field(
    qtbot: QtBot,
) -> None:
    editor, _trials = editor_for(qtbot)
    editor.form.request_url.setText("https://img.example.test/up")
    headers = editor.form.tables[Section.HEADERS]
    headers.add_button.click()
    name, value, secret, free = row_cells(headers, 0)
    assert (secret, free) == (False, True)
    name.setText("X-Api-Key")
    name, value, secret, free = row_cells(headers, 0)
    assert (secret, free) == (True, False)  # ticked, and it stays ticked
    assert value.echoMode() is QLineEdit.EchoMode.Password
    value.setText("K-123")
    edited = editor.edited()
    assert edited is not None
    assert edited.uploader.headers == (("X-Api-Key", ""),)  # never in the uploader
    assert edited.uploader.secrets == {(Section.HEADERS, "X-Api-Key")}
    assert edited.secrets == {(Section.HEADERS, "X-Api-Key"): "K-123"}
    assert "K-123" not in repr(edited)

    name.setText("X-Client")  # no longer a credential's name: the box may be unticked
    assert row_cells(headers, 0)[2:] == (True, True)
    headers.cells(0)[2].setChecked(False)
    assert value.echoMode() is QLineEdit.EchoMode.Normal
    edited = editor.edited()
    assert edited is not None
    assert edited.uploader.headers == (("X-Client", "K-123"),)
    assert edited.secrets == {}


def test_each_problem_is_named_where_it_is(qtbot: QtBot) -> None:
    editor, _trials = editor_for(qtbot, HOST, frozenset({AUTH}))
    assert problem(editor) == ""
    form = editor.form

    form.readers["URL"].setText("{json:data.link")
    assert problem(editor).startswith("Reply ▸ URL: ")
    assert not editor.ok_button.isEnabled()
    form.readers["URL"].setText("{json:data.link}")

    headers = form.tables[Section.HEADERS]
    headers.add_button.click()
    row_cells(headers, 2)[0].setText("x-client")
    assert problem(editor) == "Request ▸ Headers ▸ x-client: is written twice"
    row_cells(headers, 2)[0].setText("Bad Name")
    row_cells(headers, 2)[1].setText("v")
    assert problem(editor) == "Request ▸ Headers ▸ Bad Name: is not a valid header name"
    headers.remove_button.click()  # the last row, the one just typed into being current
    assert problem(editor) == ""

    form.regex_list.setPlainText('"link":"(.+?)"\n(unclosed')
    assert problem(editor).startswith("Reply ▸ Regular expressions ▸ line 2: ")
    form.regex_list.setPlainText("")

    for box in form.types.boxes.values():
        box.setChecked(False)
    assert problem(editor) == "Request ▸ Image types: is empty"
    form.types.boxes["image/png"].setChecked(True)

    form.file_form_name.setText("")
    assert problem(editor).startswith("Request ▸ File form name: is empty")
    assert editor.ok_button.isEnabled() is False


def test_an_existing_destination_comes_back_equal_and_keeps_its_secrets(qtbot: QtBot) -> None:
    known = frozenset({AUTH})
    editor, _trials = editor_for(qtbot, HOST, known)
    assert editor.windowTitle() == "Edit Host"
    name, value, secret, free = row_cells(editor.form.tables[Section.HEADERS], 0)
    assert (name.text(), value.text(), secret, free) == ("Authorization", "", True, False)
    assert value.placeholderText() == "kept in the keyring (type to replace)"
    deletion = row_cells(editor.form.tables[Section.DELETION_HEADERS], 0)[1]
    assert deletion.placeholderText() == "secret: kept in the keyring"  # none there yet
    assert editor.form.deletes.isChecked()
    edited = editor.edited()
    assert edited is not None
    assert edited.uploader == HOST
    assert edited.secrets == {}  # left empty: the keyring's stay

    value.setText("Bearer NEW")
    edited = editor.edited()
    assert edited is not None
    assert edited.secrets == {AUTH: "Bearer NEW"}
    assert edited.uploader == HOST


def test_the_body_decides_which_fields_are_sent(qtbot: QtBot) -> None:
    editor, _trials = editor_for(qtbot, HOST, frozenset({AUTH}))
    form = editor.form
    arguments = form.tables[Section.ARGUMENTS]
    arguments.add_button.click()
    row_cells(arguments, 0)[0].setText("album")
    row_cells(arguments, 0)[1].setText("cats")
    form.body.setCurrentIndex(form.body.findData(Body.JSON.value))
    form.data.setPlainText('{"name": "{filename}"}')
    sections = form.sections
    assert not form.file_form_name.isEnabled()
    assert sections.isTabEnabled(sections.indexOf(form.data))
    assert not sections.isTabEnabled(sections.indexOf(arguments))
    edited = editor.edited()
    assert edited is not None
    assert (edited.uploader.body, edited.uploader.file_form_name) == (Body.JSON, "")
    assert edited.uploader.arguments == ()
    assert edited.uploader.data == '{"name": "{filename}"}'
    assert any("sends no file" in note for note in editor.checked.notes)
    assert not editor.notes.isHidden()

    form.body.setCurrentIndex(form.body.findData(Body.MULTIPART.value))
    edited = editor.edited()
    assert edited is not None
    assert edited.uploader.file_form_name == "image"  # kept as typed meanwhile
    assert edited.uploader.arguments == (("album", "cats"),)
    assert edited.uploader.data == ""


def test_the_deletion_request_is_optional(qtbot: QtBot) -> None:
    editor, _trials = editor_for(qtbot, HOST, frozenset({AUTH}))
    editor.form.deletes.setChecked(False)
    assert not editor.form.tables[Section.DELETION_HEADERS].isEnabled()
    edited = editor.edited()
    assert edited is not None
    assert edited.uploader.deletion is None
    assert edited.uploader.secrets == {AUTH}


def report(url_value: str, problem_text: str | None) -> TrialReport:
    steps = (Extraction("{json:data.lnk}", None, problem_text),) if problem_text else ()
    reading = Reading("URL", "{json:data.lnk}", url_value, steps)
    result = UploadResult("https://img.example.test/f/a.png", "a.png", 10) if url_value else None
    return TrialReport(
        401 if problem_text else 200,
        '{"data": {"link": "https://img.example.test/f/a.png"}}',
        True,
        (reading,),
        result,
        "the reply gave no URL" if problem_text else None,
    )


def tree_rows(item: QTreeWidgetItem) -> list[list[str]]:
    rows = [[item.text(column) for column in range(3)]]
    for index in range(item.childCount()):
        child = item.child(index)
        assert child is not None
        rows.append([child.text(column) for column in range(3)])
    return rows


def test_test_sends_what_is_typed_and_shows_each_step(qtbot: QtBot) -> None:
    editor, trials = editor_for(qtbot, HOST, frozenset({AUTH}))
    row_cells(editor.form.tables[Section.HEADERS], 0)[1].setText("Bearer TYPED")
    editor.test_button.click()
    assert editor.tabs.currentWidget() is editor.trial
    assert editor.trial.verdict.text() == "Testing…"
    assert not editor.test_button.isEnabled()  # one at a time
    ((uploader, typed, done),) = trials.calls
    assert uploader == HOST
    assert typed == {AUTH: "Bearer TYPED"}

    done(TrialOutcome(report("", "the JSON has nothing at data.lnk")))
    view = editor.trial
    assert view.status.text() == "HTTP status 401"
    assert view.verdict.text() == "✗ An upload would fail: the reply gave no URL"
    item = view.readings.topLevelItem(0)
    assert item is not None
    assert tree_rows(item) == [["URL", "{json:data.lnk}", "✗ the JSON has nothing at data.lnk"]]
    assert view.reply.toPlainText().startswith('{\n  "data": {\n')  # JSON, indented
    assert view.reply.isReadOnly()
    assert not view.truncated.isHidden()
    assert editor.test_button.isEnabled()

    editor.test_button.click()
    trials.calls[-1][2](TrialOutcome(report("https://img.example.test/f/a.png", None)))
    assert view.verdict.text() == "✓ An upload would give URL https://img.example.test/f/a.png"
    assert view.status.text() == "HTTP status 200"


def test_an_answer_for_a_closed_editor_or_an_older_test_is_ignored(qtbot: QtBot) -> None:
    editor, trials = editor_for(qtbot, HOST, frozenset({AUTH}))
    editor.test_button.click()
    first = trials.calls[-1][2]
    first(TrialOutcome(problem="no route to host"))
    assert editor.trial.verdict.text() == "✗ The test did not get a reply: no route to host"
    editor.test_button.click()
    second = trials.calls[-1][2]
    first(TrialOutcome(report("https://img.example.test/f/a.png", None)))  # an older one
    assert editor.trial.verdict.text() == "Testing…"
    editor.reject()
    second(TrialOutcome(report("https://img.example.test/f/a.png", None)))
    assert editor.trial.verdict.text() == "Testing…"


@pytest.mark.parametrize("secret", ["x{", "a|b"])
def test_a_typed_secret_is_checked_as_a_template_too(qtbot: QtBot, secret: str) -> None:
    """It is filled in like any value when sent (ShareX's syntax): a brace must be escaped."""
    editor, _trials = editor_for(qtbot, HOST, frozenset({AUTH}))
    row_cells(editor.form.tables[Section.HEADERS], 0)[1].setText(secret)
    assert problem(editor).startswith("Request ▸ Headers ▸ Authorization: ")
