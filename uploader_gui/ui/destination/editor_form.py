"""The destination editor's fields, on three pages (the request, the reply, the deletion
request), and the uploader they make (:meth:`EditorForm.draft`), not yet checked."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.destinations.uploader import METHODS, Body, Deletion, Field, Section, Uploader
from ...core.i18n import translate
from ..base.plain_text import form_row, plain_label
from .editor_check import label, section_label
from .editor_fields import PairsTable, TypesBox

#: The readers of the reply, by their ``.sxcu`` key, with an example each.
READERS = (
    ("URL", "{json:data.link}"),
    ("ThumbnailURL", "{json:data.thumb.url}"),
    ("DeletionURL", "{json:data.delete_url}"),
    ("ErrorMessage", "{json:error.message}"),
)


def body_label(body: Body) -> str:
    labels = {
        Body.MULTIPART: translate("Destinations", "Multipart form (the file in a field)"),
        Body.BINARY: translate("Destinations", "Binary (the file is the body)"),
        Body.FORM: translate("Destinations", "Form URL-encoded (no file)"),
        Body.JSON: translate("Destinations", "JSON (no file)"),
        Body.XML: translate("Destinations", "XML (no file)"),
        Body.NONE: translate("Destinations", "None (no file)"),
    }
    return labels[body]


def _hint(text: str) -> QWidget:
    hint = plain_label(text)
    hint.setWordWrap(True)
    return hint


class EditorForm(QObject):
    """Every field of a destination, on :attr:`request`, :attr:`reply` and :attr:`deletion`."""

    #: Something was typed, ticked or chosen.
    edited = Signal()

    def __init__(
        self, uploader: Uploader | None, known: frozenset[Field], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        start = uploader or Uploader("", "", file_form_name="file")
        self.tables = {
            section: PairsTable(section, start.section(section), start.secrets, known)
            for section in Section
        }
        self.request = self._request_page(start)
        self.reply = self._reply_page(start)
        self.deletion = self._deletion_page(start)
        for table in self.tables.values():
            table.edited.connect(self.edited)
        self._body_chosen()

    # -- the pages ---------------------------------------------------------------------

    def _request_page(self, start: Uploader) -> QWidget:
        form = QFormLayout()
        self.name = QLineEdit(start.name)
        self.name.setPlaceholderText(translate("Destinations", "the host's name"))
        form_row(form, translate("Destinations", "&Name:"), self.name)
        self.method = QComboBox()
        self.method.addItems(list(METHODS))
        self.method.setCurrentText(start.method)
        self.method.setAccessibleName(label("method"))
        self.request_url = QLineEdit(start.request_url)
        self.request_url.setPlaceholderText("https://example.com/api/upload")
        self.request_url.setAccessibleName(label("request_url"))
        _row(form, translate("Destinations", "&Request:"), self.request_url, self.method)
        self.body = QComboBox()
        for body in (Body.MULTIPART, Body.BINARY, Body.FORM, Body.JSON, Body.XML, Body.NONE):
            self.body.addItem(body_label(body), body.value)
        self.body.setCurrentIndex(max(0, self.body.findData(start.body.value)))
        self.file_form_name = QLineEdit(start.file_form_name)
        self.file_form_name.setPlaceholderText("file")
        self.file_form_name.setAccessibleName(label("file_form_name"))
        self.file_form_label = plain_label(translate("Destinations", "&File form name:"))
        self.file_form_label.setBuddy(self.file_form_name)
        _row(
            form,
            translate("Destinations", "&Body:"),
            self.body,
            after=(self.file_form_label, self.file_form_name),
        )
        self.types = TypesBox(start.accepts)
        form.addRow(plain_label(translate("Destinations", "Image types:")), self.types)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self._sections(start), 1)
        layout.addWidget(
            _hint(
                translate(
                    "Destinations",
                    "Values may use {filename}, {random:a|b|c} and {base64:text}. A secret's "
                    "value is kept in the keyring, never in a file.",
                )
            )
        )
        self._connect(self.name, self.request_url, self.file_form_name, self.data)
        self.method.currentIndexChanged.connect(self.edited)
        self.body.currentIndexChanged.connect(self._body_chosen)
        self.types.edited.connect(self.edited)
        return page

    def _sections(self, start: Uploader) -> QTabWidget:
        """Parameters, headers, arguments and the data, a tab each (with how many)."""
        self.data = QPlainTextEdit(start.data)
        self.data.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.data.setAccessibleName(label("data"))
        self.data.setPlaceholderText('{"image": "{input}", "name": "{filename}"}')
        self.sections = QTabWidget()
        for section in (Section.PARAMETERS, Section.HEADERS, Section.ARGUMENTS):
            self.sections.addTab(self.tables[section], section_label(section))
            self.tables[section].edited.connect(self._count)
        self.sections.addTab(self.data, label("data"))
        self._count()
        return self.sections

    def _count(self) -> None:
        for section in (Section.PARAMETERS, Section.HEADERS, Section.ARGUMENTS):
            table = self.tables[section]
            count = len(table.pairs())
            title = section_label(section)
            if count:
                title = translate("Destinations", "{section} ({count})").format(
                    section=title, count=count
                )
            self.sections.setTabText(self.sections.indexOf(table), title)

    def _reply_page(self, start: Uploader) -> QWidget:
        form = QFormLayout()
        self.readers: dict[str, QLineEdit] = {}
        values = {
            "URL": start.url,
            "ThumbnailURL": start.thumbnail_url,
            "DeletionURL": start.deletion_url,
            "ErrorMessage": start.error_message,
        }
        texts = {
            "URL": translate("Destinations", "&URL:"),
            "ThumbnailURL": translate("Destinations", "T&humbnail URL:"),
            "DeletionURL": translate("Destinations", "&Deletion URL:"),
            "ErrorMessage": translate("Destinations", "Error &message:"),
        }
        for key, example in READERS:
            edit = QLineEdit(values[key])
            edit.setPlaceholderText(example)
            edit.setAccessibleName(label(key))
            form_row(form, texts[key], edit)
            self.readers[key] = edit
            self._connect(edit)
        self.readers["URL"].setPlaceholderText(
            translate("Destinations", "empty: the whole reply is the URL")
        )
        self.regex_list = QPlainTextEdit("\n".join(start.regex_list))
        self.regex_list.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.regex_list.setAccessibleName(label("regex_list"))
        self.regex_list.setPlaceholderText(r'"link":"(.+?)"')
        self._connect(self.regex_list)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(
            _hint(
                translate(
                    "Destinations",
                    "A reader takes a part of the reply: {json:path}, {xml:path}, "
                    "{regex:pattern|group}, {header:name}, {response} (all of it). An empty "
                    "URL reader takes the whole reply as the URL; the others may stay empty.",
                )
            )
        )
        regex = plain_label(translate("Destinations", "Regular e&xpressions, one per line:"))
        regex.setBuddy(self.regex_list)
        layout.addWidget(regex)
        layout.addWidget(self.regex_list)
        layout.addWidget(
            _hint(translate("Destinations", "The pattern on line N is {regex:N|group}."))
        )
        layout.addStretch(1)
        self.regex_list.setMaximumHeight(160)
        return page

    def _deletion_page(self, start: Uploader) -> QWidget:
        self.deletes = QCheckBox(translate("Destinations", "&Send a deletion request"))
        self.deletes.setChecked(start.deletion is not None)
        self.deletion_method = QComboBox()
        self.deletion_method.addItems(list(METHODS))
        self.deletion_method.setCurrentText(
            start.deletion.method if start.deletion is not None else "DELETE"
        )
        self.deletion_method.setAccessibleName(translate("Destinations", "Deletion method"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form_row(form, translate("Destinations", "&Method:"), self.deletion_method)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.deletes)
        layout.addWidget(
            _hint(
                translate(
                    "Destinations",
                    "Deleting an upload sends this request to the deletion URL its reply "
                    "gave, with these headers, on the destination's own address only. "
                    "ShareX ignores it and opens the deletion URL instead.",
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(plain_label(translate("Destinations", "Headers:")))
        layout.addWidget(self.tables[Section.DELETION_HEADERS], 1)
        self.deletes.toggled.connect(self._deletion_chosen)
        self.deletion_method.currentIndexChanged.connect(self.edited)
        self._deletion_chosen(self.deletes.isChecked())
        return page

    def _connect(self, *edits: QLineEdit | QPlainTextEdit) -> None:
        for edit in edits:
            edit.textChanged.connect(self.edited)

    # -- what goes with what -----------------------------------------------------------

    @property
    def chosen_body(self) -> Body:
        return Body(self.body.currentData())

    def _body_chosen(self) -> None:
        """The file form name for multipart, arguments for the form bodies, data for JSON
        and XML: the others are kept as typed but not sent (ShareX's rules)."""
        body = self.chosen_body
        for widget in (self.file_form_name, self.file_form_label):
            widget.setEnabled(body is Body.MULTIPART)
        arguments = self.sections.indexOf(self.tables[Section.ARGUMENTS])
        self.sections.setTabEnabled(arguments, body in (Body.MULTIPART, Body.FORM))
        self.sections.setTabEnabled(self.sections.indexOf(self.data), body in (Body.JSON, Body.XML))
        self.edited.emit()

    def _deletion_chosen(self, on: bool) -> None:
        self.deletion_method.setEnabled(on)
        self.tables[Section.DELETION_HEADERS].setEnabled(on)
        self.edited.emit()

    # -- the uploader ------------------------------------------------------------------

    def draft(self) -> tuple[Uploader, dict[Field, str]]:
        """The uploader the fields make (secret values blank) and the secret values typed;
        what the chosen body does not send is left out."""
        body = self.chosen_body
        kept: dict[Section, tuple[tuple[str, str], ...]] = {}
        secrets: set[Field] = set()
        typed: dict[Field, str] = {}
        for section, table in self.tables.items():
            pairs = []
            for pair in table.pairs():
                if pair.secret:
                    secrets.add((section, pair.name))
                    if pair.value:
                        typed[(section, pair.name)] = pair.value
                pairs.append((pair.name, "" if pair.secret else pair.value))
            kept[section] = tuple(pairs)
        if body not in (Body.MULTIPART, Body.FORM):
            kept[Section.ARGUMENTS] = ()
        if not self.deletes.isChecked():
            kept[Section.DELETION_HEADERS] = ()
        fields = {(section, name) for section, pairs in kept.items() for name, _ in pairs}
        secrets &= fields
        typed = {key: value for key, value in typed.items() if key in fields}
        lines = self.regex_list.toPlainText().split("\n")
        while lines and not lines[-1].strip():
            lines.pop()
        uploader = Uploader(
            name=self.name.text().strip(),
            request_url=self.request_url.text().strip(),
            method=self.method.currentText(),
            parameters=kept[Section.PARAMETERS],
            headers=kept[Section.HEADERS],
            body=body,
            arguments=kept[Section.ARGUMENTS],
            file_form_name=self.file_form_name.text().strip() if body is Body.MULTIPART else "",
            data=self.data.toPlainText() if body in (Body.JSON, Body.XML) else "",
            url=self.readers["URL"].text().strip(),
            thumbnail_url=self.readers["ThumbnailURL"].text().strip(),
            deletion_url=self.readers["DeletionURL"].text().strip(),
            error_message=self.readers["ErrorMessage"].text().strip(),
            regex_list=tuple(lines),
            deletion=(
                Deletion(self.deletion_method.currentText(), kept[Section.DELETION_HEADERS])
                if self.deletes.isChecked()
                else None
            ),
            accepts=self.types.accepts(),
            secrets=frozenset(secrets),
        )
        return uploader, typed


def _row(
    form: QFormLayout,
    text: str,
    field: QWidget,
    before: QWidget | None = None,
    after: tuple[QWidget, ...] = (),
) -> None:
    """A row of ``form`` whose label (``text``) leads to ``field``, with ``before`` it and
    ``after`` it (a label and its field)."""
    row = QHBoxLayout()
    if before is not None:
        row.addWidget(before)
    row.addWidget(field, 1)
    if after:
        row.addSpacing(12)
    for widget in after:
        row.addWidget(widget)
    label_widget = plain_label(text)
    label_widget.setBuddy(field)
    form.addRow(label_widget, row)
