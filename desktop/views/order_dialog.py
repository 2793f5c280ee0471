"""Enter or edit one order, keyboard only.

Tab walks buyer → seller → category → description → quantity → unit → price → delivery →
committed → status → payment terms; Enter saves (in a picker Enter only takes the match);
Ctrl+Enter keeps the current line and starts another. Totals and the capacity check follow
the typing; every problem is shown next to its field.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import formatting
from desktop.i18n import _
from desktop.models.capacity import CapacityCheck, describe_check
from desktop.models.enums import OrderStatus, ParticipantKind, Unit, label
from desktop.models.errors import ValidationError
from desktop.models.numbers import parse_rupiah, parse_whole_number
from desktop.models.orders import (
    SELLER_KINDS,
    LineData,
    MeetingParties,
    OrderData,
    OrderPreview,
    OrderRow,
    PartyOption,
    parse_delivery_date,
)
from desktop.models.participants import CategoryRow
from desktop.models.units import (
    entered_price,
    entry_units,
    factor,
    is_pairs,
    parse_quantity,
    stored_price,
    stored_unit,
    to_stored,
)
from desktop.views import messages
from desktop.views.party_picker import PartyPicker
from desktop.views.search_combo import SearchCombo

ERROR_COLOUR = "#b00020"
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
        self.categories = {category.id: category for category in categories}
        self.meeting_id: int | None = order.meeting_id if order else None
        self.lines: list[LineData] = []
        self.checks: tuple[CapacityCheck | None, ...] = ()
        self._error_labels: dict[str, QLabel] = {}
        self.setWindowTitle(_("Ubah pesanan {number}").format(number=order.number) if order else _("Pesanan baru"))
        self.setMinimumWidth(760)

        self.buyer_picker = PartyPicker(_("Pembeli: ketik nama/kode atau pindai badge"))
        self.buyer_picker.set_options([p for p in parties if p.kind in BUYER_KINDS])
        self.seller_picker = PartyPicker(_("Penjual (IKM/pemasok): ketik nama/kode atau pindai badge"))
        self.seller_picker.set_options([p for p in parties if p.kind in SELLER_KINDS])
        self.meeting_label = QLabel()
        self.meeting_label.setStyleSheet("color: #1d4e89;")
        self.meeting_label.hide()

        self.category_combo = SearchCombo()
        for category in categories:
            self.category_combo.addItem(category.name, category.id)
        self.description_edit = QLineEdit()
        self.description_edit.setPlaceholderText(_("model, ukuran, warna — mis. pantofel 36–40 hitam"))
        self.quantity_edit = QLineEdit()
        self.quantity_edit.setPlaceholderText(_("mis. 40000 atau 250 kodi"))
        self.unit_combo = QComboBox()
        self.quantity_hint = QLabel()
        self.price_edit = QLineEdit()
        self.price_edit.setPlaceholderText(_("mis. 85000, 85.000 atau 85rb"))
        self.price_caption = QLabel()
        self.price_hint = QLabel()
        self.delivery_edit = QLineEdit()
        self.delivery_edit.setPlaceholderText(_("mis. 30/4/2020 atau +30"))
        self.delivery_hint = QLabel()
        self.committed_edit = QLineEdit()
        self.committed_edit.setPlaceholderText(_("kosong = yang sanggup"))
        self.capacity_label = QLabel()
        self.capacity_label.setWordWrap(True)
        self.capacity_label.setTextFormat(Qt.TextFormat.RichText)
        self.add_line_button = QPushButton(_("Tambah baris (Ctrl+Enter)"))
        self.add_line_button.setAutoDefault(False)
        self.add_line_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+Enter does it; Tab skips it
        self.add_line_button.clicked.connect(self.add_line)

        self.lines_table = QTableWidget(0, 6)
        self.lines_table.setHorizontalHeaderLabels(
            [_("Produk"), _("Keterangan"), _("Jumlah"), _("Harga"), _("Kirim"), _("Disanggupi")]
        )
        self.lines_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines_table.verticalHeader().hide()
        self.lines_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.lines_table.horizontalHeader().setStretchLastSection(True)
        self.lines_table.setMaximumHeight(110)
        self.lines_table.hide()
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.lines_table, self.remove_selected_line)

        self.status_combo = QComboBox()
        statuses = list(NEW_ORDER_STATUSES)
        for status in statuses:
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

        self.saved_order: OrderRow | None = None
        self._on_category()
        if order is not None:
            self._fill(order)
        self._changed()
        self._pristine = self._typed_state()
        self.buyer_picker.setFocus()

    # ---- layout --------------------------------------------------------------------------
    def _build_layout(self, buttons: QDialogButtonBox) -> None:
        parties = QFormLayout()
        parties.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._add_row(parties, _("Pembeli *"), self.buyer_picker, "buyer")
        self._add_row(parties, _("Penjual *"), self.seller_picker, "seller")
        parties.addRow("", self.meeting_label)

        line_box = QGroupBox(_("Barang"))
        grid = QGridLayout(line_box)
        grid.addWidget(QLabel(_("Produk *")), 0, 0)
        grid.addWidget(self._with_error(self.category_combo, "category"), 0, 1)
        grid.addWidget(QLabel(_("Keterangan")), 0, 2)
        grid.addWidget(self._with_error(self.description_edit, "description"), 0, 3, 1, 3)
        grid.addWidget(QLabel(_("Jumlah *")), 1, 0)
        quantity = QHBoxLayout()
        quantity.setContentsMargins(0, 0, 0, 0)
        quantity.addWidget(self.quantity_edit, 2)
        quantity.addWidget(self.unit_combo, 1)
        holder = QWidget()
        holder.setLayout(quantity)
        grid.addWidget(self._with_error(holder, "quantity", "unit", hint=self.quantity_hint), 1, 1)
        grid.addWidget(self.price_caption, 1, 2)
        grid.addWidget(self._with_error(self.price_edit, "unit_price", hint=self.price_hint), 1, 3)
        grid.addWidget(QLabel(_("Kirim")), 1, 4)
        grid.addWidget(self._with_error(self.delivery_edit, "delivery_date", hint=self.delivery_hint), 1, 5)
        grid.addWidget(QLabel(_("Disanggupi")), 2, 0)
        grid.addWidget(self._with_error(self.committed_edit, "committed"), 2, 1)
        grid.addWidget(self.capacity_label, 2, 2, 1, 4)
        grid.addWidget(self.add_line_button, 3, 5)
        # Problems of the order as a whole ("at least one line") get the full width of the box,
        # not the narrow cell under one field.
        grid.addWidget(self._error_label("lines"), 4, 0, 1, 6)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(5, 2)

        terms = QFormLayout()
        self._add_row(terms, _("Status"), self.status_combo, "status")
        self._add_row(terms, _("Syarat bayar"), self.terms_edit, "payment_terms")
        terms.addRow(_("Catatan"), self.note_edit)

        layout = QVBoxLayout(self)
        layout.addLayout(parties)
        layout.addWidget(self.lines_table)
        layout.addWidget(line_box)
        layout.addLayout(terms)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def _error_label(self, *keys: str) -> QLabel:
        error = QLabel()
        error.setStyleSheet(f"color: {ERROR_COLOUR};")
        error.setWordWrap(True)
        error.hide()
        for key in keys:
            self._error_labels[key] = error
        return error

    def _with_error(self, widget: QWidget, *keys: str, hint: QLabel | None = None) -> QWidget:
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        if hint is not None:
            hint.setStyleSheet("color: #444;")
            column.addWidget(hint)
        column.addWidget(self._error_label(*keys))
        holder = QWidget()
        holder.setLayout(column)
        return holder

    def _add_row(self, form: QFormLayout, caption: str, widget: QWidget, key: str) -> None:
        form.addRow(caption, self._with_error(widget, key))

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
        self.lines = lines[:-1]
        if lines:
            self._load_editor(lines[-1])
        self._show_lines()

    def _load_editor(self, line: LineData) -> None:
        self.category_combo.setCurrentIndex(max(self.category_combo.findData(line.category_id), 0))
        self._on_category()
        self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(line.unit), 0))
        self.description_edit.setText(line.description)
        self.quantity_edit.setText(str(line.quantity))
        self.price_edit.setText(formatting.number(entered_price(line.unit_price, line.unit)))
        self.delivery_edit.setText(line.delivery_date.strftime("%d/%m/%Y") if line.delivery_date else "")
        self.committed_edit.setText("" if line.committed is None else str(line.committed))

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
    def _category(self) -> CategoryRow | None:
        return self.categories.get(self.category_combo.currentData())

    def _on_category(self, *_args: object) -> None:
        category = self._category()
        current = self.unit_combo.currentData()
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        for unit in entry_units(category.base_unit if category else Unit.PAIR.value):
            self.unit_combo.addItem(label(unit, Unit), unit)
        self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(current), 0))
        self.unit_combo.blockSignals(False)
        self._changed()

    def _unit_from_quantity(self, text: str) -> None:
        try:
            _quantity, unit = parse_quantity(text)
        except ValidationError:
            return
        if unit is not None and self.unit_combo.findData(unit) >= 0:
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(unit))

    def _editor_is_blank(self) -> bool:
        return not any(e.text().strip() for e in (self.quantity_edit, self.price_edit, self.description_edit))

    def editor_line(self) -> LineData | None:
        """The line being typed, or None when its fields are empty; raises on unreadable input."""
        if self._editor_is_blank():
            return None
        problems: dict[str, str] = {}
        quantity, price, delivery, committed = 0, 0, None, None
        try:
            quantity, unit_word = parse_quantity(self.quantity_edit.text())
            if unit_word is not None and self.unit_combo.findData(unit_word) < 0:
                problems["unit"] = _("Satuan {unit} tidak dipakai untuk produk ini.").format(unit=label(unit_word, Unit))
        except ValidationError as error:
            problems["quantity"] = error.message
        try:
            price = parse_rupiah(self.price_edit.text(), strict=True)
        except ValidationError as error:
            problems["unit_price"] = error.message
        try:
            delivery = parse_delivery_date(self.delivery_edit.text(), self.event_date)
        except ValidationError as error:
            problems["delivery_date"] = error.message
        if self.committed_edit.text().strip():
            try:
                committed = parse_whole_number(self.committed_edit.text(), strict=True, what=_("Yang disanggupi"),
                                               field="committed")
            except ValidationError as error:
                problems["committed"] = error.message
        if problems:
            raise ValidationError(next(iter(problems.values())), field=next(iter(problems)), problems=problems)
        return LineData(
            category_id=self.category_combo.currentData(),
            quantity=quantity,
            unit=self.unit_combo.currentData(),
            unit_price=stored_price(price, self.unit_combo.currentData() or Unit.PAIR.value),  # kept per pair
            description=self.description_edit.text(),
            delivery_date=delivery,
            committed=committed,
        )

    def add_line(self) -> None:
        """Keep the typed line in the list and clear the editor for the next (same product and date)."""
        try:
            line = self.editor_line()
        except ValidationError as error:
            self.show_problems(error.problems)
            return
        if line is None:
            return
        self.lines.append(line)
        for edit in (self.description_edit, self.quantity_edit, self.price_edit, self.committed_edit):
            edit.clear()
        self.show_problems({})
        self._show_lines()
        self._changed()
        self.description_edit.setFocus()

    def remove_selected_line(self) -> None:
        rows = self.lines_table.selectionModel().selectedRows()
        if rows:
            del self.lines[rows[0].row()]
            self._show_lines()
            self._changed()

    def _show_lines(self) -> None:
        self.lines_table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            category = self.categories.get(line.category_id) if line.category_id else None
            base = category.base_unit if category else Unit.PAIR.value
            cells = [
                category.name if category else "—",
                line.description,
                f"{formatting.number(line.quantity)} {label(line.unit, Unit)}",
                f"{formatting.rupiah(line.unit_price)} / {label(stored_unit(line.unit, base), Unit)}",
                formatting.short_date(line.delivery_date) if line.delivery_date else "—",
                "" if line.committed is None else f"{formatting.number(line.committed)} {label(stored_unit(line.unit, base), Unit)}",
            ]
            for column, text in enumerate(cells):
                self.lines_table.setItem(row, column, QTableWidgetItem(text))
        self.lines_table.setVisible(bool(self.lines))

    # ---- live feedback -------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        category = self._category()
        unit = self.unit_combo.currentData() or Unit.PAIR.value
        base_word = label(stored_unit(unit, category.base_unit if category else Unit.PAIR.value), Unit)
        # The price is typed per the unit the quantity was typed in (a kodi price for kodi) and kept per pair.
        self.price_caption.setText(_("Harga per {unit} *").format(unit=label(unit, Unit)))
        self.price_hint.setText(self._hint(lambda: self._price_words(unit, base_word), self.price_edit))
        self.delivery_hint.setText(self._hint(lambda: self._date_words(), self.delivery_edit))
        self.quantity_hint.setText(self._hint(lambda: self._quantity_words(), self.quantity_edit))
        self._update_totals()
        self._fit_height()  # hints and wrapped lines take room: never squeeze the fields
        self._preview_timer.start()

    def _price_words(self, unit: str, base_word: str) -> str:
        """``= Rp 85.000 per pasang`` when the price was typed per kodi or lusin."""
        typed = parse_rupiah(self.price_edit.text(), strict=True)
        if factor(unit) == 1:
            return _("= {amount} per {unit}").format(amount=formatting.rupiah(typed), unit=base_word)
        kept = stored_price(typed, unit)
        text = _("= {amount} per {unit}").format(amount=formatting.rupiah(kept), unit=base_word)
        if entered_price(kept, unit) != typed:
            text += " " + _("(dibulatkan)")
        return text

    def _quantity_words(self) -> str:
        """``= 30.000 pasang`` when kodi or lusin were typed."""
        category = self._category()
        unit = self.unit_combo.currentData()
        quantity, _unit_word = parse_quantity(self.quantity_edit.text())
        if category is None or unit is None or stored_unit(unit, category.base_unit) == unit:
            return ""
        stored = to_stored(quantity, unit, category.base_unit)
        return f"= {formatting.number(stored)} {label(category.base_unit, Unit)}"

    def _date_words(self) -> str:
        day = parse_delivery_date(self.delivery_edit.text(), self.event_date)
        return formatting.long_date(day) if day else ""

    @staticmethod
    def _hint(make, edit: QLineEdit) -> str:  # type: ignore[no-untyped-def]
        if not edit.text().strip():
            return ""
        try:
            return make()
        except ValidationError:
            return ""  # the reason is shown next to the field on saving

    def current_data(self, *, strict: bool) -> OrderData:
        """The order as typed; with ``strict`` an unreadable editor line raises."""
        lines = list(self.lines)
        try:
            current = self.editor_line()
        except ValidationError:
            if strict:
                raise
            current = None
        if current is not None:
            lines.append(current)
        return OrderData(
            buyer_id=self.buyer_picker.selected_id(),
            seller_id=self.seller_picker.selected_id(),
            lines=lines,
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
        self.checks = preview.checks if preview else ()
        self.warning_label.setText("\n".join(preview.warnings) if preview else "")
        self.warning_label.setVisible(bool(preview and preview.warnings))
        check = self.checks[-1] if self.checks and not self._editor_is_blank() else None
        self.capacity_label.setText(self._capacity_text(check))
        self._update_totals()
        self._fit_height()

    def _capacity_text(self, check: CapacityCheck | None) -> str:
        if check is None:
            return ""
        if not check.applies:
            if check.monthly_capacity is None and self.seller_picker.selected and self.seller_picker.selected.kind == "ikm":
                return _("Kapasitas IKM ini belum dicatat: tidak dicek.")
            return ""
        text = describe_check(check, emphasis=lambda figure: f"<b>{html.escape(figure)}</b>")
        if check.shortfall:
            text += " <span style='color:%s'><b>%s</b></span>" % (
                ERROR_COLOUR,
                _("Kurang {shortfall} pasang: sisanya dapat dibagi ke IKM lain setelah disimpan.").format(
                    shortfall=formatting.number(check.shortfall)
                ),
            )
        return text

    def _update_totals(self) -> None:
        data = self.current_data(strict=False)
        requested_pairs = committed_pairs = requested_value = committed_value = 0
        for index, line in enumerate(data.lines):
            category = self.categories.get(line.category_id) if line.category_id else None
            if category is None or line.quantity <= 0:
                continue
            try:
                requested = to_stored(line.quantity, line.unit, category.base_unit)
            except ValidationError:
                continue
            check = self.checks[index] if index < len(self.checks) else None
            committed = line.committed
            if committed is None:
                committed = check.fulfillable if check is not None and check.applies else requested
            if is_pairs(stored_unit(line.unit, category.base_unit)):
                requested_pairs += requested
                committed_pairs += committed
            requested_value += requested * line.unit_price
            committed_value += committed * line.unit_price
        text = _("Diminta <b>{pairs}</b> · {value}  —  Disanggupi <b>{committed_pairs}</b> · <b>{committed_value}</b>").format(
            pairs=formatting.pairs(requested_pairs),
            value=formatting.rupiah(requested_value),
            committed_pairs=formatting.pairs(committed_pairs),
            committed_value=formatting.rupiah(committed_value),
        )
        if requested_pairs > committed_pairs:
            text += "  —  <span style='color:%s'>%s</span>" % (
                ERROR_COLOUR,
                _("Belum terpenuhi {pairs}").format(pairs=formatting.pairs(requested_pairs - committed_pairs)),
            )
        self.totals_label.setText(text)

    # ---- leaving -------------------------------------------------------------------------
    def _typed_state(self) -> tuple[object, ...]:
        edits = (self.description_edit, self.quantity_edit, self.price_edit, self.delivery_edit,
                 self.committed_edit, self.terms_edit, self.note_edit)
        return (self.buyer_picker.selected_id(), self.seller_picker.selected_id(), len(self.lines),
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
        shown: set[int] = set()
        for key, error_label in self._error_labels.items():
            message = problems.get(key, "")
            if id(error_label) in shown and not message:
                continue
            error_label.setText(message)
            error_label.setVisible(bool(message))
            if message:
                shown.add(id(error_label))
        unplaced = [msg for key, msg in problems.items() if key not in self._error_labels]
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
