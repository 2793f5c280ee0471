"""Small widgets of the order form: messages next to fields, and the table of kept lines."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from desktop.i18n import _
from desktop.models.orders import LineData
from desktop.models.people.participants import CategoryRow
from desktop.views.order_form_state import ERROR_COLOUR, TypedLine
from desktop.views.search_combo import SearchCombo


class FieldErrors:
    """One red label per field (several keys may share one), shown under the field it names."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}

    def label(self, *keys: str) -> QLabel:
        error = QLabel()
        error.setStyleSheet(f"color: {ERROR_COLOUR};")
        error.setWordWrap(True)
        error.hide()
        for key in keys:
            self.labels[key] = error
        return error

    def around(self, widget: QWidget, *keys: str, hint: QLabel | None = None) -> QWidget:
        """The field with its grey hint (if any) and its error label stacked under it."""
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        if hint is not None:
            hint.setStyleSheet("color: #444;")
            column.addWidget(hint)
        column.addWidget(self.label(*keys))
        holder = QWidget()
        holder.setLayout(column)
        return holder

    def show(self, problems: dict[str, str]) -> list[str]:
        """Put each message under its field; returns the messages that have no field here."""
        shown: set[int] = set()
        for key, error_label in self.labels.items():
            message = problems.get(key, "")
            if id(error_label) in shown and not message:
                continue  # a shared label already carries the other key's message
            error_label.setText(message)
            error_label.setVisible(bool(message))
            if message:
                shown.add(id(error_label))
        return [message for key, message in problems.items() if key not in self.labels]


class OrderLinesTable(QTableWidget):
    """The lines kept so far (read only); Delete removes the selected one. Hidden while empty."""

    def __init__(self, on_delete: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setHorizontalHeaderLabels(
            [_("Produk"), _("Keterangan"), _("Jumlah"), _("Harga"), _("Kirim"), _("Disanggupi")]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setMaximumHeight(110)
        self.hide()
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self, on_delete)

    def selected_row(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def show_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))
        self.setVisible(bool(rows))


class OrderLineEditor(QGroupBox):
    """The *Barang* box: one line being typed, with hints and messages under its fields."""

    def __init__(self, categories: Sequence[CategoryRow], errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(_("Barang"), parent)
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
        self._lay_out(errors)

    def _lay_out(self, errors: FieldErrors) -> None:
        around = errors.around
        grid = QGridLayout(self)
        grid.addWidget(QLabel(_("Produk *")), 0, 0)
        grid.addWidget(around(self.category_combo, "category"), 0, 1)
        grid.addWidget(QLabel(_("Keterangan")), 0, 2)
        grid.addWidget(around(self.description_edit, "description"), 0, 3, 1, 3)
        grid.addWidget(QLabel(_("Jumlah *")), 1, 0)
        quantity = QHBoxLayout()
        quantity.setContentsMargins(0, 0, 0, 0)
        quantity.addWidget(self.quantity_edit, 2)
        quantity.addWidget(self.unit_combo, 1)
        holder = QWidget()
        holder.setLayout(quantity)
        grid.addWidget(around(holder, "quantity", "unit", hint=self.quantity_hint), 1, 1)
        grid.addWidget(self.price_caption, 1, 2)
        grid.addWidget(around(self.price_edit, "unit_price", hint=self.price_hint), 1, 3)
        grid.addWidget(QLabel(_("Kirim")), 1, 4)
        grid.addWidget(around(self.delivery_edit, "delivery_date", hint=self.delivery_hint), 1, 5)
        grid.addWidget(QLabel(_("Disanggupi")), 2, 0)
        grid.addWidget(around(self.committed_edit, "committed"), 2, 1)
        grid.addWidget(self.capacity_label, 2, 2, 1, 4)
        grid.addWidget(self.add_line_button, 3, 5)
        # Problems of the order as a whole ("at least one line") get the full width of the box,
        # not the narrow cell under one field.
        grid.addWidget(errors.label("lines"), 4, 0, 1, 6)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(5, 2)

    def typed(self) -> TypedLine:
        return TypedLine(
            category_id=self.category_combo.currentData(),
            unit=self.unit_combo.currentData(),
            description=self.description_edit.text(),
            quantity=self.quantity_edit.text(),
            price=self.price_edit.text(),
            delivery=self.delivery_edit.text(),
            committed=self.committed_edit.text(),
        )

    def set_units(self, units: Sequence[tuple[str, str]]) -> None:
        """Offer these (label, unit) choices, keeping the chosen unit when it is still offered."""
        current = self.unit_combo.currentData()
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        for caption, unit in units:
            self.unit_combo.addItem(caption, unit)
        self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(current), 0))
        self.unit_combo.blockSignals(False)

    def choose_unit(self, unit: str | None) -> None:
        """Follow a unit typed with the quantity ("250 kodi") when this product offers it."""
        if unit is not None and self.unit_combo.findData(unit) >= 0:
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(unit))

    def load(self, line: LineData, price_text: str) -> None:
        """Show a stored line for editing (the caller sets the category first)."""
        self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(line.unit), 0))
        self.description_edit.setText(line.description)
        self.quantity_edit.setText(str(line.quantity))
        self.price_edit.setText(price_text)
        self.delivery_edit.setText(line.delivery_date.strftime("%d/%m/%Y") if line.delivery_date else "")
        self.committed_edit.setText("" if line.committed is None else str(line.committed))

    def clear_for_next(self) -> None:
        """Empty the fields of one line; product and delivery date stay for the next line."""
        for edit in (self.description_edit, self.quantity_edit, self.price_edit, self.committed_edit):
            edit.clear()


__all__ = ["FieldErrors", "OrderLineEditor", "OrderLinesTable"]
