"""Dialogs of the board: a meeting's outcome, placing a waiting request, confirming a repair."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, ngettext
from desktop.models.schedule.board import MeetingCard
from desktop.models.enums import MeetingStatus, label
from desktop.models.schedule.meetings import OrderLink
from desktop.models.schedule.onsite import ADDED, CANCELLED, MOVED, RepairPlan
from desktop.views.request_model import RequestLine


class OutcomeDialog(QDialog):
    """Held / no-show / cancelled (or back to scheduled), a note, and the orders captured here."""

    submitted = Signal(str, str)  # status, note
    order_requested = Signal()

    def __init__(self, card: MeetingCard, where: str, orders: list[OrderLink], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.setWindowTitle(_("Hasil pertemuan"))
        title = QLabel(f"<b>{card.a.name}</b> × <b>{card.b.name}</b><br>{where}")
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        choices = QHBoxLayout()
        for status in (MeetingStatus.HELD, MeetingStatus.NO_SHOW, MeetingStatus.CANCELLED, MeetingStatus.SCHEDULED):
            button = QRadioButton(label(status))
            self.buttons[status.value] = button
            self.group.addButton(button)
            choices.addWidget(button)
        self.buttons.get(card.status, self.buttons[MeetingStatus.SCHEDULED.value]).setChecked(True)
        self.note_edit = QLineEdit(card.note)
        self.note_edit.setPlaceholderText(_("Catatan (mis. sepakat kirim sampel minggu depan)"))
        self.orders_label = QLabel(
            ngettext("{count} pesanan tercatat dalam pertemuan ini:", "{count} pesanan tercatat dalam pertemuan ini:",
                     len(orders)).format(count=len(orders)) if orders
            else _("Belum ada pesanan yang tercatat dalam pertemuan ini.")
        )
        self.orders_list = QListWidget()
        for order in orders:
            self.orders_list.addItem(f"{order.number} · {order.buyer} ← {order.seller} · {order.status}")
        self.orders_list.setVisible(bool(orders))
        self.orders_list.setMaximumHeight(90)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.order_button = QPushButton(_("Catat pesanan …"))
        self.order_button.clicked.connect(self.order_requested.emit)
        self.save_button = QPushButton(_("Simpan"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submit)
        cancel = QPushButton(_("Batal"))
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.order_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(choices)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.orders_label)
        layout.addWidget(self.orders_list)
        layout.addWidget(self.error_label)
        layout.addLayout(row)
        self.resize(560, 0)

    def choose(self, status: str) -> None:
        self.buttons[status].setChecked(True)

    def status(self) -> str:
        return next(status for status, button in self.buttons.items() if button.isChecked())

    def submit(self) -> None:
        self.save_button.setEnabled(False)
        self.submitted.emit(self.status(), self.note_edit.text())

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        self.save_button.setEnabled(True)


class PlaceRequestDialog(QDialog):
    """Pick a waiting request to place in a free cell (the people free then come first)."""

    chosen = Signal(int)

    def __init__(self, where: str, lines: list[RequestLine], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Tambah pertemuan"))
        self.list = QListWidget()
        for line in lines:
            item = QListWidgetItem(f"{line.row.a_name} × {line.row.b_name} — {line.status_text()}")
            item.setData(Qt.ItemDataRole.UserRole, line.row.id)
            self.list.addItem(item)
        if lines:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.submit())
        note = QLabel(_("Permintaan yang belum terjadwal untuk {where}:").format(where=where) if lines
                      else _("Tidak ada permintaan yang menunggu."))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.place_button = QPushButton(_("Tempatkan"))
        self.place_button.setDefault(True)
        self.place_button.setEnabled(bool(lines))
        self.place_button.clicked.connect(self.submit)
        cancel = QPushButton(_("Batal"))
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.place_button)
        row.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(row)
        self.resize(700, 420)

    def submit(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))


class RepairDialog(QDialog):
    """What the no-show repair will change, grouped; nothing is stored until confirmed."""

    def __init__(self, plan: RepairPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(_("Perbaikan jadwal: peserta belum hadir"))
        slot = plan.slot.title if plan.slot else ""
        absent = ", ".join(plan.absent) if plan.absent else _("tidak ada")
        head = QLabel(_("Sebelum {slot}. Belum check-in: {absent}.").format(slot=slot, absent=absent))
        head.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_("Perubahan"), _("Sebelum"), _("Sesudah")])
        titles = {CANCELLED: _("Dibatalkan"), MOVED: _("Dipindah"), ADDED: _("Baru (dari daftar tunggu)")}
        for kind in (CANCELLED, MOVED, ADDED):
            changes = [c for c in plan.changes if c.kind == kind]
            group = QTreeWidgetItem([f"{titles[kind]} ({len(changes)})"])
            for change in changes:
                group.addChild(QTreeWidgetItem([f"{change.a_name} × {change.b_name}", change.before, change.after]))
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)
        self.tree.setColumnWidth(0, 380)
        self.tree.setColumnWidth(1, 230)
        slips = QLabel(ngettext("{count} peserta perlu slip jadwal baru.", "{count} peserta perlu slip jadwal baru.",
                                len(plan.changed_codes)).format(count=len(plan.changed_codes)))
        self.apply_button = QPushButton(_("Simpan perubahan"))
        self.apply_button.setEnabled(bool(plan.changes))
        self.print_slips = False  # "Terapkan dan cetak slip": apply, then print the changed slips
        self.apply_print_button = QPushButton(_("Terapkan dan cetak slip"))
        self.apply_print_button.setEnabled(bool(plan.changes) and bool(plan.changed_codes))
        cancel = QPushButton(_("Batal"))
        cancel.setDefault(True)  # the safe answer
        self.apply_button.clicked.connect(self.accept)
        self.apply_print_button.clicked.connect(self._apply_and_print)
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(slips)
        row.addStretch(1)
        row.addWidget(self.apply_print_button)
        row.addWidget(self.apply_button)
        row.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        self.resize(900, 480)

    def _apply_and_print(self) -> None:
        self.print_slips = True
        self.accept()
