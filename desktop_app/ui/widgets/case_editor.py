"""One case: the post's fields, its evidence, and the timeline of reports and responses.

Every change goes through ``store.repository`` in one transaction, so it lands in
the audit log; ``changed`` tells the window to refresh what it shows.
"""

from __future__ import annotations

import html
import mimetypes
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QIODevice,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QIcon,
    QImage,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.capture import capture_time
from desktop_app.core.enums import Category
from desktop_app.core.errors import AppError, StoreBusyError
from desktop_app.core.normalise import is_zawgyi, to_unicode_burmese
from desktop_app.core.timeutil import hours_between, now_utc
from desktop_app.store.engine import Store
from desktop_app.ui.i18n import error_text
from desktop_app.ui.lazy import lazy_module
from desktop_app.ui.vocab import (
    category_name,
    channel_name,
    duration_text,
    numerus,
    outcome_name,
)

# The store's reads and writes (SQLModel) load when the editor first shows or saves a
# case, not while the window paints its first screens (issue 15).
if TYPE_CHECKING:
    from desktop_app.store import corrections
    from desktop_app.store import repository as repo
    from desktop_app.ui.dialogs.report_dialog import ReportDialog
    from desktop_app.ui.dialogs.response_dialog import ResponseDialog
else:
    repo = lazy_module("desktop_app.store.repository")
    corrections = lazy_module("desktop_app.store.corrections")
# The dialogs a case opens load when one is opened.
_image_viewer = lazy_module("desktop_app.ui.dialogs.image_viewer")
_report_dialog = lazy_module("desktop_app.ui.dialogs.report_dialog")
_response_dialog = lazy_module("desktop_app.ui.dialogs.response_dialog")

THUMB = QSize(120, 90)
# Roles of an evidence item: uid, retracted, purged (UserRole holds the SHA-256).
UID_ROLE = Qt.ItemDataRole.UserRole + 1
RETRACTED_ROLE = Qt.ItemDataRole.UserRole + 2
PURGED_ROLE = Qt.ItemDataRole.UserRole + 3
OK_COLOUR = QColor("#1b7f3b")
LATE_COLOUR = QColor("#b00020")


def image_to_png(image: QImage) -> bytes:
    """A pasted clipboard image, as PNG bytes held in memory only."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class CaseEditor(QWidget):
    changed = Signal(int)  # post id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.tz: Any = None
        self.sla_hours = 48.0
        self.post_id: int | None = None
        self.case_ref = ""
        self.setAcceptDrops(True)

        self.title = QLabel(self.tr("<h3>No case selected</h3>"))
        self.platform = QComboBox()
        self.platform.setEditable(True)
        self.platform.addItems(
            ["facebook", "messenger", "instagram", "tiktok", "telegram", "youtube", "x"]
        )
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…")
        self.post_ref = QLineEdit()
        self.post_ref.setPlaceholderText(self.tr("when there is no link, e.g. a Messenger chain"))
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItem("", "")
        for combo in (self.platform, self.category):
            # As wide as the pane allows, not as wide as the longest (translated) name.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        for code in (c.value for c in Category):
            self.category.addItem(category_name(code), code)
        self.language = QLineEdit()
        self.language.setPlaceholderText("my, en, …")
        self.posted_at = QLineEdit()
        self.posted_at.setPlaceholderText("YYYY-MM-DD HH:MM")
        self.content = QPlainTextEdit()
        self.content.setPlaceholderText(self.tr("The text of the post, as it appears"))
        self.content.setMinimumHeight(90)
        self.zawgyi_note = QLabel()
        self.zawgyi_note.setWordWrap(True)
        self.zawgyi_note.setStyleSheet("background: #eef4fb; padding: 4px;")
        self.zawgyi_note.setVisible(False)
        self.content.textChanged.connect(self._check_zawgyi)
        self.author = QLineEdit()
        self.author.setPlaceholderText(self.tr("@handle of the account that posted"))
        self.author_completer = QCompleter([])
        self.author_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.author_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.author.setCompleter(self.author_completer)
        self.author_name = QLineEdit()
        self.author_name.setPlaceholderText(self.tr("name the account shows"))
        self.fake = QCheckBox(self.tr("Suspected fake account"))
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("comma-separated"))
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(60)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save case"))
        self.save_button.clicked.connect(self.save)

        form = QFormLayout()
        form.addRow(self.tr("Platform"), self.platform)
        form.addRow(self.tr("Link"), self.url)
        form.addRow(self.tr("Post reference"), self.post_ref)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Posted at"), self.posted_at)
        form.addRow(self.tr("Content"), self.content)
        form.addRow("", self.zawgyi_note)
        author_row = QHBoxLayout()
        author_row.addWidget(self.author)
        author_row.addWidget(self.author_name)
        author_row.addWidget(self.fake)
        form.addRow(self.tr("Author"), author_row)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Notes"), self.notes)

        # Evidence strip
        self.evidence = QListWidget()
        self.evidence.setViewMode(QListWidget.ViewMode.IconMode)
        self.evidence.setIconSize(THUMB)
        self.evidence.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.evidence.setMovement(QListWidget.Movement.Static)
        self.evidence.setFixedHeight(150)
        self.evidence.setWrapping(False)
        self.evidence.setFlow(QListWidget.Flow.LeftToRight)
        self.evidence.itemActivated.connect(self._open_evidence)
        self.evidence.itemClicked.connect(self._open_evidence)
        paste = QPushButton(self.tr("Paste screenshot (Ctrl+V)"))
        paste.clicked.connect(self.paste_evidence)
        add_files = QPushButton(self.tr("Add files…"))
        add_files.clicked.connect(self._add_files)
        evidence_buttons = QHBoxLayout()
        evidence_buttons.addWidget(paste)
        evidence_buttons.addWidget(add_files)
        evidence_buttons.addStretch(1)
        drop_hint = QLabel(self.tr("or drop files here"))
        drop_hint.setWordWrap(True)
        evidence_box = QGroupBox(self.tr("Evidence (kept encrypted in the store)"))
        evidence_layout = QVBoxLayout(evidence_box)
        evidence_layout.addWidget(self.evidence)
        evidence_layout.addLayout(evidence_buttons)
        evidence_layout.addWidget(drop_hint)

        # Timeline
        self.timeline = QTreeWidget()
        self.timeline.setHeaderLabels(
            [self.tr("When"), self.tr("What"), self.tr("Hours"), self.tr("Details")]
        )
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setColumnWidth(0, 140)
        self.timeline.setColumnWidth(1, 220)
        self.timeline.setColumnWidth(2, 150)
        self.timeline.setMinimumHeight(180)
        self.timeline.itemDoubleClicked.connect(lambda *_: self.open_response_attachment())
        add_report = QPushButton(self.tr("Add report…"))
        add_report.clicked.connect(self.add_report)
        self.add_response_button = QPushButton(self.tr("Add response to selected report…"))
        self.add_response_button.clicked.connect(self.add_response)
        # Two rows when the pane is narrow (or the labels long): nothing cut off.
        timeline_buttons = QVBoxLayout()
        for button in (add_report, self.add_response_button):
            line = QHBoxLayout()
            line.addWidget(button)
            line.addStretch(1)
            timeline_buttons.addLayout(line)
        timeline_box = QGroupBox(self.tr("Reports and platform responses"))
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.addWidget(self.timeline)
        self.show_retracted = QCheckBox(self.tr("Show retracted entries (struck through)"))
        self.show_retracted.toggled.connect(self._reload)
        timeline_layout.addWidget(self.show_retracted)
        timeline_layout.addLayout(timeline_buttons)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.title)
        layout.addLayout(form)
        save_row = QHBoxLayout()
        save_row.addWidget(self.error, 1)
        save_row.addWidget(self.save_button)
        layout.addLayout(save_row)
        layout.addWidget(evidence_box)
        layout.addWidget(timeline_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        # Ctrl+V is the window's Edit > Paste screenshot (it also works while a text
        # field has focus and the clipboard holds an image: see MainWindow.eventFilter).
        self._snapshot: tuple[object, ...] = self._values()
        self._loaded: dict[str, tuple[object, object]] = {}  # see show_case
        self._loaded_author: tuple[int | None, str, str, bool] = (None, "", "", False)
        self._set_case_widgets_enabled(False)

    # --- binding ---------------------------------------------------------------------
    def attach(self, store: Store, tz: Any, sla_hours: float) -> None:
        self.bind(store, tz, sla_hours)
        self.load_completions()

    def bind(self, store: Store, tz: Any, sla_hours: float) -> None:
        """The store and settings to work with (nothing is read yet)."""
        self.store = store
        self.tz = tz
        self.sla_hours = sla_hours

    def load_completions(self) -> None:
        """The author handles the author field offers (read from the store)."""
        if self.store is None:
            return
        with self.store.session() as session:
            self.set_completions(repo.account_handles(session))

    def set_completions(self, handles: list[str]) -> None:
        """The author handles the author field offers."""
        self.author_completer.model().setStringList(handles)  # type: ignore[attr-defined]

    def detach(self) -> None:
        """Forget everything shown (the window is locking)."""
        self.store = None
        self.post_id = None
        self._clear_fields()
        self.author_completer.model().setStringList([])  # type: ignore[attr-defined]
        self.title.setText(self.tr("<h3>No case selected</h3>"))
        self._set_case_widgets_enabled(False)
        self._snapshot = self._values()

    def _set_case_widgets_enabled(self, enabled: bool) -> None:
        self.evidence.setEnabled(enabled)
        self.timeline.setEnabled(enabled)
        self.add_response_button.setEnabled(enabled)

    def _clear_fields(self) -> None:
        for edit in (
            self.url,
            self.post_ref,
            self.language,
            self.posted_at,
            self.author,
            self.author_name,
            self.tags,
        ):
            edit.clear()
        self.content.clear()
        self.notes.clear()
        self.fake.setChecked(False)
        self.category.setCurrentIndex(0)
        self.error.clear()
        self.evidence.clear()
        self.timeline.clear()

    def new_case(self) -> None:
        self.post_id = None
        self._clear_fields()
        self.title.setText(self.tr("<h3>New case</h3>"))
        self._set_case_widgets_enabled(False)
        self._snapshot = self._values()
        self._loaded_author = (None, "", "", False)
        self.url.setFocus()

    def show_case(self, post_id: int) -> None:
        if self.store is None:
            return
        with self.store.session() as session:
            detail = repo.load_case(
                session, post_id, include_retracted=self.show_retracted.isChecked()
            )
            blobs = {
                a.sha256: repo.read_blob(session, a.sha256)
                for a in detail.attachments
                if a.media_type.startswith("image/") and a.purged_at is None
            }
        self.post_id = post_id
        post = detail.post
        self.case_ref = post.case_ref
        title = f"<h3>{html.escape(post.case_ref)}</h3>"
        if post.origin_org:  # merged from a partner's bundle
            merged = self.tr("{0} · from {1}").format(post.case_ref, post.origin_org)
            title = f"<h3>{html.escape(merged)}</h3>"
        self.title.setText(title)
        self.platform.setCurrentText(post.platform)
        self.url.setText(post.url)
        self.post_ref.setText(post.post_ref)
        self._set_category(post.category)
        self.language.setText(post.language)
        self.posted_at.setText(
            post.posted_at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M") if post.posted_at else ""
        )
        self.content.setPlainText(post.content)
        self.author.setText(detail.author.handle if detail.author else "")
        self.author_name.setText(detail.author.display_name if detail.author else "")
        self.fake.setChecked(bool(detail.author and detail.author.suspected_fake))
        self.tags.setText(", ".join(detail.tags))
        self.notes.setPlainText(post.notes)
        self.error.clear()
        self._fill_evidence(detail.attachments, blobs)
        self._fill_timeline(detail)
        self._set_case_widgets_enabled(True)
        self._snapshot = self._values()
        # What each field showed when loaded, and the value stored: a field that still
        # shows it is saved as stored. The widgets do not give every value back as it
        # is kept (a time with seconds is shown to the minute; the text box turns \r\n
        # and no-break spaces into \n and spaces), and a save must never change
        # evidence the person did not touch.
        self._loaded = {name: (self._shown()[name], getattr(post, name)) for name in self._shown()}
        self._loaded_author = (  # see _author
            detail.author.id if detail.author else None,
            self.author.text(),
            self.author_name.text(),
            self.fake.isChecked(),
        )

    def _shown(self) -> dict[str, object]:
        return {
            "platform": self.platform.currentText(),
            "url": self.url.text(),
            "post_ref": self.post_ref.text(),
            "content": self.content.toPlainText(),
            "category": self.category_code(),
            "language": self.language.text(),
            "posted_at": self.posted_at.text(),
            "notes": self.notes.toPlainText(),
        }

    # --- unsaved edits ---------------------------------------------------------------
    _TEXT_FIELDS = (
        "url",
        "post_ref",
        "language",
        "posted_at",
        "author",
        "author_name",
        "tags",
    )

    def _values(self) -> tuple[object, ...]:
        return (
            self.platform.currentText(),
            self.category_code(),
            self.content.toPlainText(),
            self.notes.toPlainText(),
            self.fake.isChecked(),
            *(getattr(self, name).text() for name in self._TEXT_FIELDS),
        )

    def is_dirty(self) -> bool:
        """Whether the fields differ from what was loaded (or from an empty new case)."""
        return self._values() != self._snapshot

    def draft(self) -> dict[str, object]:
        """The fields as typed, to keep across a lock (inside the store)."""
        payload: dict[str, object] = {
            name: getattr(self, name).text() for name in self._TEXT_FIELDS
        }
        payload.update(
            post_id=self.post_id,
            platform=self.platform.currentText(),
            category=self.category_code(),
            content=self.content.toPlainText(),
            notes=self.notes.toPlainText(),
            fake=self.fake.isChecked(),
        )
        return payload

    def _put_typed(self, payload: dict[str, object]) -> None:
        """Put fields typed earlier (``draft``) back into the form, unsaved."""
        for name in self._TEXT_FIELDS:
            getattr(self, name).setText(str(payload.get(name, "")))
        self.platform.setCurrentText(str(payload.get("platform", "")))
        self._set_category(str(payload.get("category", "")))
        self.content.setPlainText(str(payload.get("content", "")))
        self.notes.setPlainText(str(payload.get("notes", "")))
        self.fake.setChecked(bool(payload.get("fake", False)))

    def refresh_case(self) -> None:
        """Show the case again after a report, response, file or correction was added
        to it, keeping what is typed and not yet saved in the case's own fields (it
        was lost: the form showed the case as stored)."""
        if self.post_id is None or self.store is None:
            return
        typed = self.draft() if self.is_dirty() else None
        self.show_case(self.post_id)
        if typed is not None:
            self._put_typed(typed)

    def restore_draft(self, payload: dict[str, object]) -> None:
        """Open the draft's case (or a new one) and put the typed fields back, unsaved."""
        post_id = payload.get("post_id")
        if isinstance(post_id, int) and self.store is not None:
            try:
                self.show_case(post_id)
            except AppError:
                self.new_case()
        else:
            self.new_case()
        self._put_typed(payload)
        if self.is_dirty():
            self.error.setText(
                self.tr("Restored changes that were not saved: save them to keep them.")
            )
        entry = payload.get("entry")
        if isinstance(entry, dict) and self.post_id is not None:
            # After the offer's own dialog has closed: this one waits for the person.
            QTimer.singleShot(0, lambda: self.reopen_entry(entry))

    def category_code(self) -> str:
        """The stored code of the chosen category (typed free text as it is)."""
        text = self.category.currentText().strip()
        index = self.category.findText(text)
        if index >= 0 and self.category.itemData(index) is not None:
            return str(self.category.itemData(index))
        return text

    def _set_category(self, code: str) -> None:
        index = self.category.findData(code)
        if index >= 0:
            self.category.setCurrentIndex(index)
        else:
            self.category.setCurrentText(code)

    def _check_zawgyi(self) -> None:
        """Zawgyi text is kept as entered; show how it reads in Unicode, for people."""
        text = self.content.toPlainText()
        if is_zawgyi(text):
            self.zawgyi_note.setText(
                self.tr(
                    "This text is Zawgyi-encoded. It is kept as entered; in Unicode it reads:\n{0}"
                ).format(to_unicode_burmese(text))
            )
            self.zawgyi_note.setVisible(True)
        else:
            self.zawgyi_note.setVisible(False)

    # --- saving ----------------------------------------------------------------------
    def _fields(self) -> repo.PostFields:
        from desktop_app.ui.dialogs.report_dialog import read_time

        shown = self._shown()
        kept = {
            name: stored
            for name, (was, stored) in (self._loaded if self.post_id is not None else {}).items()
            if shown[name] == was
        }
        posted = kept.get("posted_at")
        if "posted_at" not in kept and self.posted_at.text().strip():
            probe = QLabel()  # read_time's own words for what is wrong with the time
            posted = read_time(self.posted_at, probe, self.tz, required=False)
            if posted is None:
                raise AppError(self.tr("Posted at: {0}").format(probe.text()))
        values = {name: kept.get(name, shown[name]) for name in shown if name != "posted_at"}
        return repo.PostFields(**values, posted_at=posted)  # type: ignore[arg-type]

    # The form's names for the post's fields, for the question an edit asks.
    _FIELD_LABELS = {
        "platform": QT_TRANSLATE_NOOP("CaseEditor", "Platform"),
        "url": QT_TRANSLATE_NOOP("CaseEditor", "Link"),
        "post_ref": QT_TRANSLATE_NOOP("CaseEditor", "Post reference"),
        "category": QT_TRANSLATE_NOOP("CaseEditor", "Category"),
        "language": QT_TRANSLATE_NOOP("CaseEditor", "Language"),
        "posted_at": QT_TRANSLATE_NOOP("CaseEditor", "Posted at"),
        "content": QT_TRANSLATE_NOOP("CaseEditor", "Content"),
        "author_id": QT_TRANSLATE_NOOP("CaseEditor", "Author"),
        "notes": QT_TRANSLATE_NOOP("CaseEditor", "Notes"),
        "handle": QT_TRANSLATE_NOOP("CaseEditor", "Author's handle"),
        "display_name": QT_TRANSLATE_NOOP("CaseEditor", "Author's name"),
        "suspected_fake": QT_TRANSLATE_NOOP("CaseEditor", "Suspected fake account"),
    }
    _ACCOUNT_FIELDS = ("handle", "display_name", "suspected_fake")

    def _ask_edit_reason(self, fields: list[str]) -> str | None:
        """Why a saved case or account is changed (CORRECTIONS.md: every edit has a
        reason). A change to the account is named as one: every case it posted shows it."""
        names = [self.tr(self._FIELD_LABELS[f]) for f in fields if f in self._FIELD_LABELS]
        case_fields = [f for f in fields if f not in self._ACCOUNT_FIELDS]
        if not case_fields:
            title = self.tr("Why is this account changed?")
            text = self.tr(
                "You are changing the saved account {0} ({1}). Every case it posted shows "
                "the change. The custody log keeps what each field was and becomes, with "
                "your reason. Why is it changed?"
            )
        elif len(case_fields) < len(fields):
            title = self.tr("Why is this case changed?")
            text = self.tr(
                "You are changing a saved case and the saved account {0} ({1}); every case "
                "the account posted shows its change. The custody log keeps what each field "
                "was and becomes, with your reason. Why is it changed?"
            )
        else:
            title = self.tr("Why is this case changed?")
            text = self.tr(
                "You are changing a saved case ({1}). The custody log keeps what each field "
                "was and becomes, with your reason. Why is it changed?"
            )
        handle = self.author.text().strip()
        return _report_dialog.ask_reason(
            self, title, text.format(handle, self.tr(", ").join(names))
        )

    def _author(self, session: Any, platform: str) -> tuple[Any, dict[str, object]]:
        """The account the author fields name (created when new, as new input), and
        the corrections of an existing account the person made in these fields.

        A field counts as changed only when it differs from what the form showed when
        the case was opened and from what is stored: pointing a case at another
        account that is already known keeps that account's name and "suspected fake"
        as they are (the box still shows the first account's), and an empty name typed
        for a known account in a new case leaves its name alone."""
        handle = self.author.text()
        account = repo.find_account(session, platform, handle)
        name, fake = self.author_name.text().strip(), self.fake.isChecked()
        if account is None and not handle.strip() and (name or fake):
            raise AppError(
                self.tr(
                    "Author: type the account's handle too; its name and the suspected-fake "
                    "flag are kept with the account. If the handle is not known, write the "
                    "name in the notes."
                )
            )
        loaded_id, loaded_handle, loaded_name, loaded_fake = self._loaded_author
        if account is None:
            # A new account takes only what was typed for it: the name and the box
            # still showing the case's former account's are not carried over (a
            # victim's name went onto the offender's new account).
            if loaded_id is not None:
                name = name if name != loaded_name.strip() else ""
                fake = fake if fake != loaded_fake else False
            created = repo.get_or_create_account(
                session, platform=platform, handle=handle, display_name=name, suspected_fake=fake
            )
            return created, {}
        changes: dict[str, object] = {}
        # The same account's handle spelt otherwise (its case, its @): a correction of
        # the case's own account only; typed for another known account, it names it.
        if (
            account.id == loaded_id
            and handle.strip() != loaded_handle.strip()
            and handle.strip() != account.handle
        ):
            changes["handle"] = handle.strip()
        if (
            name != loaded_name.strip()
            and name != account.display_name
            and (name or account.id == loaded_id)
        ):
            changes["display_name"] = name
        if fake != loaded_fake and fake != account.suspected_fake:
            changes["suspected_fake"] = fake
        return account, changes

    def save(self, reason: str = "") -> bool:
        """Create or update the post; True when saved. An edit of a saved case asks why
        first (nothing is written until the reason is given)."""
        if self.store is None:
            return False
        try:
            fields = self._fields()
            with self.store.transaction() as session:
                author, account_changes = self._author(session, fields.platform)
                needed: list[str] = []
                if self.post_id is None:
                    post = repo.add_post(session, fields, author)
                else:
                    post = session.get(repo.Post, self.post_id)
                    assert post is not None
                    try:
                        repo.update_post(session, post, fields, author, reason)
                    except repo.ReasonRequired as missing:
                        needed += missing.fields
                if account_changes and not reason:
                    needed += list(account_changes)
                if needed:  # the whole save is undone; asked once, for every field
                    raise repo.ReasonRequired(needed)
                if account_changes:
                    corrections.edit_in(session, "account", author.uid, account_changes, reason)
                repo.set_post_tags(session, post, self.tags.text().split(","))
                post_id = post.id
        except repo.ReasonRequired as needed:
            asked = self._ask_edit_reason(needed.fields)
            if asked is None or self.store is None:
                self.error.setText(
                    self.tr(
                        "Not saved: a change to a saved case needs a reason. "
                        "Your changes are still here."
                    )
                )
                return False
            return self.save(asked)
        except StoreBusyError:
            self.error.setText(
                self.tr(
                    "The store is busy with another task (an import?), so nothing was saved. "
                    "Your changes are still here: press Save case again in a moment."
                )
            )
            self.save_button.setText(self.tr("Try saving again"))
            return False
        except AppError as exc:
            self.error.setText(error_text(exc))
            return False
        self.save_button.setText(self.tr("Save case"))
        assert post_id is not None
        self.post_id = post_id
        self.show_case(post_id)
        self.changed.emit(post_id)
        return True

    def _ensure_saved(self) -> bool:
        return self.post_id is not None or self.save()

    # --- evidence --------------------------------------------------------------------
    def _fill_evidence(self, attachments: list[Any], blobs: dict[str, bytes]) -> None:
        self.evidence.clear()
        file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for attachment in attachments:
            icon = file_icon
            data = blobs.get(attachment.sha256)
            if data is not None:
                pixmap = QPixmap()
                if pixmap.loadFromData(data):
                    icon = QIcon(
                        pixmap.scaled(
                            THUMB,
                            Qt.AspectRatioMode.KeepAspectRatio,
                            Qt.TransformationMode.SmoothTransformation,
                        )
                    )
            item = QListWidgetItem(icon, attachment.original_name or attachment.sha256[:12])
            item.setData(Qt.ItemDataRole.UserRole, attachment.sha256)
            item.setData(UID_ROLE, attachment.uid)
            item.setData(RETRACTED_ROLE, attachment.retracted_at is not None)
            item.setData(PURGED_ROLE, attachment.purged_at is not None)
            lines = [
                attachment.original_name,
                self.tr("{0}, {1} bytes").format(attachment.media_type, f"{attachment.size:,}"),
                f"SHA-256 {attachment.sha256}",
            ]
            attached = getattr(attachment, "attached_at", None) or attachment.created_at
            if attached is not None:
                lines.append(self.tr("attached at {0}").format(self._local(attached)))
            if attachment.captured_at is not None:  # only a known capture time is shown
                lines.append(self.tr("captured at {0}").format(self._local(attachment.captured_at)))
            if attachment.purged_at is not None:
                item.setText(self.tr("{0} (purged)").format(item.text()))
                lines.append(
                    self.tr("purged at {0}: its bytes are gone").format(
                        self._local(attachment.purged_at)
                    )
                )
            if attachment.retracted_at is not None:
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
                item.setForeground(QBrush(QColor("#888888")))
                lines.append(
                    self.tr("retracted {0}: {1}").format(
                        self._local(attachment.retracted_at), attachment.retraction_reason
                    )
                )
            item.setToolTip("\n".join(lines))
            self.evidence.addItem(item)

    def _local(self, when: datetime) -> str:
        return when.astimezone(self.tz).strftime("%Y-%m-%d %H:%M")

    def add_evidence(self, data: bytes, name: str, media_type: str) -> None:
        """Store one file byte-for-byte (with its SHA-256) as evidence of this case."""
        if self.store is None or not self._ensure_saved():
            return
        captured_at, source = capture_time(data, media_type, assume_tz=self.tz)
        with self.store.transaction() as session:
            post = session.get(repo.Post, self.post_id)
            repo.add_attachment(
                session,
                data,
                original_name=name,
                media_type=media_type,
                post=post,
                captured_at=captured_at,
                capture_source=source,
            )
        assert self.post_id is not None
        self.refresh_case()
        self.changed.emit(self.post_id)

    def paste_evidence(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not (mime.hasImage() or mime.hasUrls()):
            # An empty clipboard (or one another program holds and has let go) has no data.
            self.error.setText(self.tr("The clipboard holds no picture or file to add."))
            return
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                stamp = now_utc().astimezone(self.tz).strftime("%Y%m%d-%H%M%S")
                self.add_evidence(image_to_png(image), f"pasted-{stamp}.png", "image/png")
                return
        if mime.hasUrls():
            self.add_files([u.toLocalFile() for u in mime.urls() if u.isLocalFile()])

    def pick_files(self) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add evidence files"))
        return paths

    def _add_files(self) -> None:
        self.add_files(self.pick_files())

    def add_files(self, paths: list[str]) -> None:
        for path in paths:
            file = Path(path)
            if file.is_file():
                media_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
                self.add_evidence(file.read_bytes(), file.name, media_type)

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802
        mime = event.mimeData()
        if mime is not None and (mime.hasUrls() or mime.hasImage()):
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:  # noqa: N802
        mime = event.mimeData()
        if mime is None:
            return
        if mime.hasUrls():
            self.add_files([u.toLocalFile() for u in mime.urls() if u.isLocalFile()])
        elif mime.hasImage():
            self.add_evidence(image_to_png(QImage(mime.imageData())), "dropped.png", "image/png")
        event.acceptProposedAction()

    def _open_evidence(self, item: QListWidgetItem) -> None:
        if self.store is None:
            return
        if item.data(PURGED_ROLE):
            return  # nothing left to open
        sha = item.data(Qt.ItemDataRole.UserRole)
        with self.store.session() as session:
            data = repo.read_blob(session, sha)
        viewer = _image_viewer.ImageViewer(data, item.text(), self)
        viewer.setModal(True)
        viewer.show()
        self.viewer = viewer

    # --- timeline --------------------------------------------------------------------
    def _hours_item(
        self, item: QTreeWidgetItem, column: int, hours: float | None, label: str
    ) -> None:
        if hours is None:
            return
        item.setText(column, f"{label} {self.duration(hours)}".strip())
        item.setForeground(column, QBrush(LATE_COLOUR if hours > self.sla_hours else OK_COLOUR))

    def duration(self, hours: float) -> str:
        """Hours up to 48, then days: "36.5 h", "3.2 days"."""
        return duration_text(hours)

    def _fill_timeline(self, detail: repo.CaseDetail) -> None:
        self.timeline.clear()
        for view in detail.reports:
            report = view.report
            when = report.reported_at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M")
            who = report.reporter or self.tr("unknown reporter")
            item = QTreeWidgetItem(
                [
                    when,
                    self.tr("Reported by {0}").format(who),
                    "",
                    " ".join(x for x in (channel_name(report.channel), report.platform_ref) if x),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, report.id)
            item.setData(2, Qt.ItemDataRole.UserRole, ("report", report.uid))
            self._mark_retracted(item, report)
            if report.final_response_at is not None:
                self._hours_item(
                    item,
                    2,
                    hours_between(report.reported_at, report.final_response_at),
                    self.tr("final"),
                )
            else:
                waiting = hours_between(report.reported_at, now_utc())
                self._hours_item(item, 2, waiting, self.tr("waiting"))
            for response_view in view.responses:
                response = response_view.response
                child = QTreeWidgetItem(
                    [
                        response.received_at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M"),
                        outcome_name(response.outcome),
                        "",
                        " ".join(response.text.split())[:160]
                        + (
                            "  "
                            + numerus(
                                self.tr("[%n file(s)]", "", len(response_view.attachments)),
                                len(response_view.attachments),
                            )
                            if response_view.attachments
                            else ""
                        ),
                    ]
                )
                child.setData(0, Qt.ItemDataRole.UserRole, report.id)
                child.setData(2, Qt.ItemDataRole.UserRole, ("response", response.uid))
                self._mark_retracted(child, response)
                if response_view.attachments:
                    child.setData(1, Qt.ItemDataRole.UserRole, response_view.attachments[0].sha256)
                    child.setToolTip(3, self.tr("Double-click to open the screenshot"))
                self._hours_item(
                    child, 2, hours_between(report.reported_at, response.received_at), ""
                )
                item.addChild(child)
            self.timeline.addTopLevelItem(item)
            item.setExpanded(True)
        for column in range(self.timeline.columnCount() - 1):
            self.timeline.resizeColumnToContents(column)

    def _mark_retracted(self, item: QTreeWidgetItem, record: Any) -> None:
        """A retracted entry, shown only on request: struck through, greyed, with why."""
        if getattr(record, "retracted_at", None) is None:
            return
        font = item.font(0)
        font.setStrikeOut(True)
        for column in range(self.timeline.columnCount()):
            item.setFont(column, font)
            item.setForeground(column, QBrush(QColor("#888888")))
        item.setText(
            3,
            self.tr("retracted {0}: {1}").format(
                self._local(record.retracted_at), record.retraction_reason
            ),
        )
        item.setData(3, Qt.ItemDataRole.UserRole, True)

    def _reload(self) -> None:
        if self.post_id is not None and self.store is not None and not self.is_dirty():
            self.show_case(self.post_id)

    def selected_entry(self) -> tuple[str, str, bool] | None:
        """(kind, uid, retracted) of the selected report or response in the timeline."""
        item = self.timeline.currentItem()
        if item is None:
            return None
        kind_uid = item.data(2, Qt.ItemDataRole.UserRole)
        if not kind_uid:
            return None
        return str(kind_uid[0]), str(kind_uid[1]), bool(item.data(3, Qt.ItemDataRole.UserRole))

    def selected_attachment(self) -> tuple[str, bool, bool] | None:
        """(uid, retracted, purged) of the selected evidence file."""
        item = self.evidence.currentItem()
        if item is None or not item.isSelected() or not item.data(UID_ROLE):
            return None
        return (
            str(item.data(UID_ROLE)),
            bool(item.data(RETRACTED_ROLE)),
            bool(item.data(PURGED_ROLE)),
        )

    def edit_entry(self) -> bool:
        """Correct the selected report or response in place, with a reason (custody log)."""
        entry = self.selected_entry()
        if self.store is None or entry is None or self.post_id is None:
            return False
        kind, uid, _retracted = entry
        with self.store.session() as session:
            model = repo.Report if kind == "report" else repo.Response
            from sqlmodel import select

            record = session.scalars(select(model).where(model.uid == uid)).one()
            reported_at = (
                record.reported_at
                if kind == "report"
                else session.get(repo.Report, record.report_id).reported_at  # type: ignore[union-attr]
            )
        dialog: ReportDialog | ResponseDialog
        if kind == "report":
            dialog = _report_dialog.ReportDialog(self.tz, self, record=record)
        else:
            dialog = _response_dialog.ResponseDialog(self.tz, reported_at, self, record=record)
        self.edit_dialog = dialog
        while dialog.exec() and dialog.value is not None:
            changes = dialog.changes()
            if not changes:
                return False
            try:
                corrections.edit(self.store, kind, uid, changes, dialog.reason.text().strip())
            except AppError as exc:
                QMessageBox.warning(self, self.tr("Not corrected"), error_text(exc))
                if self.store is None:  # locked meanwhile
                    return False
                continue  # the dialog again, as typed
            self.refresh_case()
            self.changed.emit(self.post_id)
            return True
        return False

    def selected_response_attachment(self) -> str | None:
        """The SHA-256 of the selected response's screenshot, if it has one."""
        item = self.timeline.currentItem()
        if item is None:
            return None
        sha = item.data(1, Qt.ItemDataRole.UserRole)
        return str(sha) if sha else None

    def open_response_attachment(self) -> None:
        sha = self.selected_response_attachment()
        if self.store is None or sha is None:
            return
        with self.store.session() as session:
            data = repo.read_blob(session, sha)
        viewer = _image_viewer.ImageViewer(data, self.tr("Platform response"), self)
        viewer.setModal(True)
        viewer.show()
        self.viewer = viewer

    def entry_draft(self) -> dict[str, object] | None:
        """What is typed in an open Add report / Add response dialog of this case, to
        keep across a lock (a correction's dialog is not kept: it is asked again)."""
        for kind in (_report_dialog.ReportDialog, _response_dialog.ResponseDialog):
            for dialog in self.findChildren(kind):
                if dialog.isVisible() and dialog.record is None:
                    return dialog.draft()
        return None

    def reopen_entry(self, draft: dict[str, object]) -> None:
        """Open the Add report / Add response dialog again with what was typed."""
        if draft.get("kind") == "report":
            self.add_report(draft)
        elif draft.get("kind") == "response" and isinstance(draft.get("report_id"), int):
            self.add_response(draft)

    def add_report(self, draft: dict[str, object] | None = None) -> None:
        if self.store is None or not self._ensure_saved():
            return
        dialog = _report_dialog.ReportDialog(self.tz, self)
        if draft:
            dialog.fill(draft)
        if not dialog.exec() or dialog.value is None:
            return
        try:
            with self.store.transaction() as session:
                post = session.get(repo.Post, self.post_id)
                assert post is not None
                repo.add_report(
                    session,
                    post,
                    reported_at=dialog.value,
                    reporter=dialog.reporter.text(),
                    channel=dialog.channel.currentData(),
                    platform_ref=dialog.platform_ref.text(),
                    notes=dialog.notes.text(),
                )
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Report not added"), error_text(exc))
            return
        assert self.post_id is not None
        self.refresh_case()
        self.changed.emit(self.post_id)

    def selected_report_id(self) -> int | None:
        item = self.timeline.currentItem()
        if item is None and self.timeline.topLevelItemCount() == 1:
            item = self.timeline.topLevelItem(0)
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def response_dialog(self, reported_at: datetime) -> ResponseDialog:
        return _response_dialog.ResponseDialog(self.tz, reported_at, self)

    def add_response(self, draft: dict[str, object] | None = None) -> None:
        if self.store is None:
            return
        kept = draft.get("report_id") if draft else None
        report_id = kept if isinstance(kept, int) else self.selected_report_id()
        if report_id is None:
            QMessageBox.information(
                self,
                self.tr("Choose a report"),
                self.tr("Select the report this response answers."),
            )
            return
        with self.store.session() as session:
            report = session.get(repo.Report, report_id)
            if report is None or report.post_id != self.post_id:
                return  # a kept draft's report, gone or of another case since
            reported_at = report.reported_at
        dialog = self.response_dialog(reported_at)
        dialog.report_id = report_id
        if draft:
            dialog.fill(draft)
        if not dialog.exec() or dialog.value is None:
            return
        self.save_response(report_id, dialog)

    def save_response(self, report_id: int, dialog: ResponseDialog) -> None:
        assert self.store is not None
        try:
            with self.store.transaction() as session:
                report = session.get(repo.Report, report_id)
                assert report is not None
                response = repo.add_response(
                    session,
                    report,
                    received_at=dialog.value,
                    outcome=dialog.outcome.currentData(),
                    text=dialog.text.toPlainText(),
                    platform_ref=dialog.platform_ref.text(),
                )
                if dialog.attachment is not None:
                    name, data = dialog.attachment
                    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
                    captured_at, source = capture_time(data, media_type, assume_tz=self.tz)
                    repo.add_attachment(
                        session,
                        data,
                        original_name=name,
                        media_type=media_type,
                        response=response,
                        captured_at=captured_at,
                        capture_source=source,
                    )
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Response not added"), error_text(exc))
            return
        assert self.post_id is not None
        self.refresh_case()
        self.changed.emit(self.post_id)
