"""Enter or edit one order, keyboard only.

Tab walks buyer → seller → category → description → quantity → unit → price → delivery →
committed → status → payment terms; Enter saves (in a picker Enter only takes the match);
Ctrl+Enter keeps the current line and starts another. Totals and the capacity check follow
the typing; every problem is shown next to its field. The rules behind the fields live in
:mod:`desktop.views.order_form_state`; this module lays the form out and wires the keys.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import formatting
from desktop.i18n import _
from desktop.models.enums import OrderStatus, ParticipantKind, Unit, label
from desktop.models.errors import ValidationError
from desktop.models.orders import (
    SELLER_KINDS,
    LineData,
    MeetingParties,
    OrderData,
    OrderPreview,
    OrderRow,
    PartyOption,
)
from desktop.models.people.participants import CategoryRow
from desktop.models.orders.units import entered_price
from desktop.views import messages
from desktop.views.order_form_state import ERROR_COLOUR, OrderFormState, TypedLine
from desktop.views.order_form_widgets import FieldErrors, OrderLineEditor, OrderLinesTable
from desktop.views.party_picker import PartyPicker

PREVIEW_DELAY_MS = 250
BUYER_KINDS = (ParticipantKind.BUYER.value, ParticipantKind.IKM.value, ParticipantKind.SUPPLIER.value,
               ParticipantKind.OTHER.value)
NEW_ORDER_STATUSES = (OrderStatus.LETTER_OF_INTENT, OrderStatus.CONFIRMED, OrderStatus.DRAFT)


class OrderDialog(QDialog):
    """Collects :class:`OrderData`; ``submitted`` carries it, :meth:`saved` closes the dialog."""

    submitted = Signal(object)
    preview_wanted = Signal(object)

    def __init__(
        self,
        parties: list[PartyOption],
        categories: list[CategoryRow],
        event_date: dt.date,
        order: OrderRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.order = order
        self.event_date = event_date
        self.state = OrderFormState(categories, event_date)
        self.meeting_id: int | None = order.meeting_id if order else None
        self.errors = FieldErrors()
        self.setWindowTitle(_("Ubah pesanan {number}").format(number=order.number) if order else _("Pesanan baru"))
        self.setMinimumWidth(760)

        self.buyer_picker = PartyPicker(_("Pembeli: ketik nama/kode atau pindai badge"))
        self.buyer_picker.set_options([p for p in parties if p.kind in BUYER_KINDS])
        self.seller_picker = PartyPicker(_("Penjual (IKM/pemasok): ketik nama/kode atau pindai badge"))
        self.seller_picker.set_options([p for p in parties if p.kind in SELLER_KINDS])
        self.meeting_label = QLabel()
        self.meeting_label.setStyleSheet("color: #1d4e89;")
        self.meeting_label.hide()
        self.line_editor = OrderLineEditor(categories, self.errors)
        editor = self.line_editor  # its fields by name: the key chain and the tests reach them here
        self.category_combo, self.description_edit = editor.category_combo, editor.description_edit
        self.quantity_edit, self.unit_combo, self.quantity_hint = editor.quantity_edit, editor.unit_combo, editor.quantity_hint
        self.price_edit, self.price_caption, self.price_hint = editor.price_edit, editor.price_caption, editor.price_hint
        self.delivery_edit, self.delivery_hint = editor.delivery_edit, editor.delivery_hint
        self.committed_edit, self.capacity_label = editor.committed_edit, editor.capacity_label
        editor.add_line_button.clicked.connect(self.add_line)
        self.lines_table = OrderLinesTable(self.remove_selected_line)

        self.status_combo = QComboBox()
        for status in NEW_ORDER_STATUSES:
            self.status_combo.addItem(label(status), status.value)
        self.terms_edit = QLineEdit()
        self.terms_edit.setPlaceholderText(_("mis. DP 30 %, lunas saat barang diterima"))
        self.note_edit = QLineEdit()

        self.totals_label = QLabel()
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        self.totals_label.setWordWrap(True)
        self.totals_label.setStyleSheet("font-size: 11pt; padding: 4px; background: #f2f4f7;")
        self.warning_label = QLabel()
        self.warning_label.setStyleSheet("color: #a15c00;")
        self.warning_label.setWordWrap(True)
        self.warning_label.hide()
        self.general_error = QLabel()
        self.general_error.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("Simpan (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)

        self._build_layout(buttons)
        self._wire_keys()
        self.saved_order: OrderRow | None = None
        self._on_category()
        if order is not None:
            self._fill(order)
        self._changed()
        self._pristine = self._typed_state()
        self.buyer_picker.setFocus()

    @property
    def _error_labels(self) -> dict[str, QLabel]:  # the tests look at where a message went
        return self.errors.labels

    # ---- building ------------------------------------------------------------------------
    def _build_layout(self, buttons: QDialogButtonBox) -> None:
        around = self.errors.around
        parties = QFormLayout()
        parties.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        parties.addRow(_("Pembeli *"), around(self.buyer_picker, "buyer"))
        parties.addRow(_("Penjual *"), around(self.seller_picker, "seller"))
        parties.addRow("", self.meeting_label)

        terms = QFormLayout()
        terms.addRow(_("Status"), around(self.status_combo, "status"))
        terms.addRow(_("Syarat bayar"), around(self.terms_edit, "payment_terms"))
        terms.addRow(_("Catatan"), self.note_edit)

        layout = QVBoxLayout(self)
        layout.addLayout(parties)
        layout.addWidget(self.lines_table)
        layout.addWidget(self.line_editor)
        layout.addLayout(terms)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def _wire_keys(self) -> None:
        chain = [self.buyer_picker.edit, self.seller_picker.edit, self.category_combo, self.description_edit,
                 self.quantity_edit, self.unit_combo, self.price_edit, self.delivery_edit, self.committed_edit,
                 self.status_combo, self.terms_edit, self.note_edit, self.save_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.add_line)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.add_line)
        # Ctrl+Q here too (the form blocks the main window's menu): the main window asks first.
        QShortcut(QKeySequence("Ctrl+Q"), self, self._quit_requested)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._emit_preview)
        self.category_combo.currentIndexChanged.connect(self._on_category)
        for edit in (self.quantity_edit, self.price_edit, self.delivery_edit, self.committed_edit, self.description_edit):
            edit.textChanged.connect(self._changed)
        self.quantity_edit.textEdited.connect(self._unit_from_quantity)
        self.unit_combo.currentIndexChanged.connect(self._changed)
        self.buyer_picker.picked.connect(self._changed)
        self.seller_picker.picked.connect(self._changed)

    # ---- filling -------------------------------------------------------------------------
    def _fill(self, order: OrderRow) -> None:
        self.buyer_picker.set_selected_id(order.buyer_id)
        self.seller_picker.set_selected_id(order.seller_id)
        if order.meeting_id:
            self._show_meeting(order.meeting_id)
        index = self.status_combo.findData(order.status)
        if index < 0:
            self.status_combo.addItem(label(order.status, OrderStatus), order.status)
            index = self.status_combo.count() - 1
        self.status_combo.setCurrentIndex(index)
        self.terms_edit.setText(order.payment_terms)
        self.note_edit.setText(order.note)
        lines = [line.to_data() for line in order.lines]
        self.state.lines = lines[:-1]
        if lines:
            self._load_editor(lines[-1])
        self._show_lines()

    def _load_editor(self, line: LineData) -> None:
        self.category_combo.setCurrentIndex(max(self.category_combo.findData(line.category_id), 0))
        self._on_category()
        self.line_editor.load(line, formatting.number(entered_price(line.unit_price, line.unit)))

    def set_meeting(self, parties: MeetingParties) -> None:
        """Filled from a meeting card: buyer and seller are set, typing starts at the product."""
        self.meeting_id = parties.meeting_id
        self.buyer_picker.set_selected_id(parties.buyer_id)
        self.seller_picker.set_selected_id(parties.seller_id)
        self._show_meeting(parties.meeting_id)
        self._changed()
        self._pristine = self._typed_state()  # taken from the meeting, not typed: Esc still just closes
        self.category_combo.setFocus()

    def _show_meeting(self, meeting_id: int) -> None:
        self.meeting_label.setText(_("Dari pertemuan no. {id}").format(id=meeting_id))
        self.meeting_label.show()

    # ---- the line editor -----------------------------------------------------------------
    def _typed_line(self) -> TypedLine:
        return self.line_editor.typed()

    def _on_category(self, *_args: object) -> None:
        units = self.state.units_for(self.category_combo.currentData())
        self.line_editor.set_units([(label(unit, Unit), unit) for unit in units])
        self._changed()

    def _unit_from_quantity(self, text: str) -> None:
        self.line_editor.choose_unit(self.state.unit_typed(text))

    def editor_line(self) -> LineData | None:
        """The line being typed, or None when its fields are empty; raises on unreadable input."""
        return self.state.read_line(self._typed_line())

    def add_line(self) -> None:
        """Keep the typed line in the list and clear the editor for the next (same product and date)."""
        try:
            line = self.editor_line()
        except ValidationError as error:
            self.show_problems(error.problems)
            return
        if line is None:
            return
        self.state.lines.append(line)
        self.line_editor.clear_for_next()
        self.show_problems({})
        self._show_lines()
        self._changed()
        self.description_edit.setFocus()

    def remove_selected_line(self) -> None:
        row = self.lines_table.selected_row()
        if row is not None:
            del self.state.lines[row]
            self._show_lines()
            self._changed()

    def _show_lines(self) -> None:
        self.lines_table.show_rows([self.state.line_cells(line) for line in self.state.lines])

    # ---- live feedback -------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        typed = self._typed_line()
        self.price_caption.setText(self.state.price_caption(typed))
        self.price_hint.setText(self.state.price_hint(typed))
        self.delivery_hint.setText(self.state.delivery_hint(typed))
        self.quantity_hint.setText(self.state.quantity_hint(typed))
        self._update_totals()
        self._fit_height()  # hints and wrapped lines take room: never squeeze the fields
        self._preview_timer.start()

    def current_data(self, *, strict: bool) -> OrderData:
        """The order as typed; with ``strict`` an unreadable editor line raises."""
        return OrderData(
            buyer_id=self.buyer_picker.selected_id(),
            seller_id=self.seller_picker.selected_id(),
            lines=self.state.all_lines(self._typed_line(), strict=strict),
            status=self.status_combo.currentData(),
            payment_terms=self.terms_edit.text(),
            note=self.note_edit.text(),
            meeting_id=self.meeting_id,
        )

    def _emit_preview(self) -> None:
        data = self.current_data(strict=False)
        if data.seller_id is not None and data.lines:
            self.preview_wanted.emit(data)
        else:
            self.show_preview(None)

    def show_preview(self, preview: OrderPreview | None) -> None:
        self.state.checks = preview.checks if preview else ()
        self.warning_label.setText("\n".join(preview.warnings) if preview else "")
        self.warning_label.setVisible(bool(preview and preview.warnings))
        seller = self.seller_picker.selected
        self.capacity_label.setText(self.state.capacity_html(self._typed_line(), seller.kind if seller else None))
        self._update_totals()
        self._fit_height()

    def _update_totals(self) -> None:
        self.totals_label.setText(self.state.totals_html(self.current_data(strict=False).lines))

    # ---- leaving -------------------------------------------------------------------------
    def _typed_state(self) -> tuple[object, ...]:
        edits = (self.description_edit, self.quantity_edit, self.price_edit, self.delivery_edit,
                 self.committed_edit, self.terms_edit, self.note_edit)
        return (self.buyer_picker.selected_id(), self.seller_picker.selected_id(), len(self.state.lines),
                self.category_combo.currentData(), self.unit_combo.currentData(), self.status_combo.currentData(),
                *(edit.text().strip() for edit in edits))

    def has_unsaved_input(self) -> bool:
        """Something was typed or chosen since the form opened (and it is not saved)."""
        return self.saved_order is None and self._typed_state() != self._pristine

    def _quit_requested(self) -> None:
        owner = self.parentWidget()
        if owner is not None:
            owner.window().close()

    def reject(self) -> None:
        """Esc or *Batal*: a filled form is only thrown away after asking."""
        if self.has_unsaved_input() and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        return messages.confirm(
            self, _("Pesanan yang sedang diisi belum disimpan. Buang isiannya?"),
            title=_("Buang pesanan?"), yes=_("Buang"), no=_("Lanjut mengisi"), destructive=True,
        )

    # ---- saving --------------------------------------------------------------------------
    def show_problems(self, problems: dict[str, str], general: str = "") -> None:
        unplaced = self.errors.show(problems)
        text = " ".join([general] + unplaced).strip()
        self.general_error.setText(text)
        self.general_error.setVisible(bool(text))
        self._fit_height()
        focus = {
            "buyer": self.buyer_picker, "seller": self.seller_picker, "category": self.category_combo,
            "quantity": self.quantity_edit, "unit": self.unit_combo, "unit_price": self.price_edit,
            "delivery_date": self.delivery_edit, "committed": self.committed_edit, "payment_terms": self.terms_edit,
        }
        for key in problems:
            if key in focus:
                focus[key].setFocus()
                break

    def _fit_height(self) -> None:
        """Grow the form when wrapped messages need more lines than it has room for (never cut one)."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else layout.sizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def _on_save(self) -> None:
        if not self.save_button.isEnabled():
            return  # a second Enter while the first save is still running
        try:
            data = self.current_data(strict=True)
        except ValidationError as error:
            self.show_problems(error.problems, "" if error.problems else error.message)
            return
        self.show_problems({})
        self.submitted.emit(data)

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)

    def saved(self, order: OrderRow) -> None:
        self.saved_order = order
        self.accept()


__all__ = ["OrderDialog"]
