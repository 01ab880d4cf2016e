"""Editing a custom destination: its request, the readers of its reply, its deletion request,
and Test, which sends one small picture and shows what came back.

Each change is checked at once, by the rules a ``.sxcu`` is imported with
(:mod:`.editor_check`): the first problem is said under the tabs, with where it is, and OK
and Test wait until there is none. Secrets are typed into password fields; left empty, one
the keyring holds keeps its value.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.destinations.uploader import Field, Uploader
from ...core.i18n import translate
from ..base.destination_types import DestinationTester, EditedDestination, TrialOutcome
from ..base.palette import error_label
from ..base.plain_text import plain_label
from .editor_check import Checked, check, tab_title
from .editor_form import EditorForm
from .trial_view import TrialView


class DestinationEditor(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        uploader: Uploader | None,
        secrets_known: frozenset[Field],
        tester: DestinationTester,
    ) -> None:
        super().__init__(parent)
        if uploader is None:
            self.setWindowTitle(translate("Destinations", "New Destination"))
        else:
            title = translate("Destinations", "Edit {name}")
            self.setWindowTitle(title.format(name=uploader.name))
        self.setModal(True)
        self._tester = tester
        #: Bumped by each Test and when the editor closes: an older result is not shown.
        self._trial = 0
        self._running = False
        self._closed = False
        self.form = EditorForm(uploader, secrets_known, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form.request, tab_title("request"))
        self.tabs.addTab(self.form.reply, tab_title("reply"))
        self.tabs.addTab(self.form.deletion, tab_title("deletion"))
        self.trial = TrialView()
        self.tabs.addTab(self.trial, tab_title("test"))
        self.problem = error_label(self)
        self.problem.setAccessibleName(translate("Destinations", "Problem"))
        self.notes = plain_label()
        self.notes.setWordWrap(True)
        self.notes.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.test_button = QPushButton(translate("Destinations", "&Test"))
        self.test_button.setToolTip(
            translate("Destinations", "Upload a small generated picture once and show the reply")
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        bottom = QHBoxLayout()
        bottom.addWidget(self.test_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.notes)
        layout.addLayout(bottom)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.test_button.clicked.connect(self.test)
        self.form.edited.connect(self._edited)
        self._checked = Checked(None)
        self._edited()
        self.resize(760, 640)

    # -- checking ------------------------------------------------------------------------

    @property
    def checked(self) -> Checked:
        """The fields as they are now, checked."""
        return self._checked

    def _edited(self) -> None:
        draft, typed = self.form.draft()
        self._checked = checked = check(draft, typed)
        if checked.problem is not None:
            where, reason = checked.problem
            text = translate("Destinations", "{where}: {reason}")
            self.problem.setText(text.format(where=where, reason=reason))
        self.problem.setVisible(checked.problem is not None)
        self.notes.setText("\n".join(f"• {note}" for note in checked.notes))
        self.notes.setVisible(bool(checked.notes))
        usable = checked.uploader is not None
        self.ok_button.setEnabled(usable)
        self.test_button.setEnabled(usable and not self._running)

    def _accept(self) -> None:
        if self._checked.uploader is not None:
            self.accept()

    def edited(self) -> EditedDestination | None:
        """What OK answers: the checked uploader and the secret values typed."""
        checked = self._checked
        if checked.uploader is None:
            return None
        return EditedDestination(checked.uploader, dict(checked.secrets))

    # -- Test ----------------------------------------------------------------------------

    def test(self) -> None:
        """Send one test upload in the background; its outcome fills the Test tab."""
        uploader = self._checked.uploader
        if uploader is None or self._closed:
            return
        self._trial += 1
        serial = self._trial
        self._running = True
        self.test_button.setEnabled(False)
        self.tabs.setCurrentWidget(self.trial)
        self.trial.testing()

        def done(outcome: TrialOutcome) -> None:
            if not shiboken6.isValid(self) or self._closed or serial != self._trial:
                return  # closed meanwhile, or another test began
            self._running = False
            self.trial.show_outcome(outcome)
            self.test_button.setEnabled(self._checked.uploader is not None)

        self._tester(uploader, dict(self._checked.secrets), done)

    def done(self, result: int) -> None:
        """Closing (OK, Cancel, Escape): a test still running reports to nobody."""
        self._closed = True
        self._trial += 1
        super().done(result)
