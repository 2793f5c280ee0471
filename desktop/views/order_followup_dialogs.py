"""After an order: split a shortfall across other present makers, or cancel with a reason."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import formatting
from desktop.i18n import _, ngettext
from desktop.models.orders.cofulfilment import CoFulfilmentPlan
from desktop.models.errors import ValidationError
from desktop.models.numbers import parse_whole_number
from desktop.models.orders import OrderRow

ERROR_COLOUR = "#b00020"
MAX_HELPERS_SHOWN = 8


class CoFulfilmentDialog(QDialog):
    """One field per suggested maker, pre-filled largest spare first; Enter creates every linked order."""

    submitted = Signal(list)  # [(participant id, pairs)]

    def __init__(self, plan: CoFulfilmentPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(_("Bagi kekurangan ke IKM lain"))
        self.setMinimumWidth(620)
        line = plan.line
        heading = QLabel(
            _("Pesanan {number} — {buyer} dari {seller}: <b>{product}</b>, diminta {requested}, "
              "disanggupi {committed}. Kekurangan yang masih terbuka: <b>{open}</b>.").format(
                number=plan.order.number,
                buyer=plan.order.buyer_name,
                seller=plan.order.seller_name,
                product=line.category_name,
                requested=formatting.pairs(line.requested),
                committed=formatting.pairs(line.committed + line.covered_by_linked),
                open=formatting.pairs(plan.open_shortfall),
            )
        )
        heading.setWordWrap(True)
        explain = QLabel(_("IKM yang sudah hadir, membuat produk yang sama dan masih punya kapasitas sampai "
                           "tanggal kirim — yang paling longgar di atas. Kosongkan atau isi 0 untuk melewati."))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #444;")

        form = QFormLayout()
        self.edits: list[tuple[int, QLineEdit]] = []
        for helper in plan.helpers[:MAX_HELPERS_SHOWN]:
            edit = QLineEdit(str(helper.proposed) if helper.proposed else "")
            edit.setPlaceholderText("0")
            edit.textChanged.connect(self._update_total)
            caption = _("{code} {name} (sisa {spare})").format(
                code=helper.code, name=helper.business_name, spare=formatting.pairs(helper.spare)
            )
            form.addRow(caption, edit)
            self.edits.append((helper.participant_id, edit))
        if not plan.helpers:
            form.addRow(QLabel(_("Tidak ada IKM hadir dengan produk yang sama dan kapasitas tersisa. "
                                 "Kekurangan tetap tercatat sebagai permintaan yang belum terpenuhi.")))
        self.total_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(_("Buat pesanan terkait (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Lewati (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.setDefault(True)
        self.create_button.setEnabled(bool(plan.helpers))
        buttons.accepted.connect(self._on_create)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.total_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._update_total()
        if self.edits:
            self.edits[0][1].setFocus()
            self.edits[0][1].selectAll()

    def allocations(self) -> list[tuple[int, int]]:
        result = []
        for participant_id, edit in self.edits:
            if edit.text().strip():
                result.append((participant_id, parse_whole_number(edit.text(), strict=True, what=_("Jumlah pasang"),
                                                                     field="allocations")))
        return result

    def _update_total(self) -> None:
        try:
            total = sum(pairs for _id, pairs in self.allocations())
        except ValidationError:
            self.total_label.setText("…")
            return
        left = self.plan.open_shortfall - total
        self.total_label.setText(
            _("Dibagi {total} dari {open}; tetap belum terpenuhi {left}.").format(
                total=formatting.pairs(total), open=formatting.pairs(self.plan.open_shortfall),
                left=formatting.pairs(max(left, 0)),
            )
        )

    def _on_create(self) -> None:
        if not self.create_button.isEnabled():
            return
        try:
            allocations = self.allocations()
        except ValidationError as error:
            self.show_error(error.message)
            return
        self.submitted.emit(allocations)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def set_busy(self, busy: bool) -> None:
        self.create_button.setEnabled(not busy and bool(self.plan.helpers))


class CancelOrderDialog(QDialog):
    """Asks for the reason; the order is kept, marked cancelled, and stays in the audit trail."""

    submitted = Signal(str)

    def __init__(self, order: OrderRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Batalkan pesanan {number}").format(number=order.number))
        self.setMinimumWidth(520)
        text = _("Batalkan pesanan {number}: {buyer} dari {seller}, {value}?").format(
            number=order.number, buyer=order.buyer_name, seller=order.seller_name,
            value=formatting.rupiah(order.value_rupiah),
        )
        if order.linked_order_ids:
            count = len(order.linked_order_ids)
            text += "\n" + ngettext(
                "{count} pesanan terkait (bagian dari kekurangan) ikut dibatalkan.",
                "{count} pesanan terkait (bagian dari kekurangan) ikut dibatalkan.",
                count,
            ).format(count=count)
        text += "\n" + _("Pesanan tidak dihapus: tetap tercatat dengan alasannya.")
        question = QLabel(text)
        question.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(_("mis. pembeli membatalkan, harga tidak cocok, salah catat"))
        self.error_label = QLabel()
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error_label.hide()
        buttons = QDialogButtonBox()
        self.cancel_button = buttons.addButton(_("Batalkan pesanan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Kembali (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("Alasan *"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.reason_edit.setFocus()

    def _on_submit(self) -> None:
        if not self.cancel_button.isEnabled():
            return
        if not self.reason_edit.text().strip():
            self.show_error(_("Tulis alasan pembatalan."))
            return
        self.submitted.emit(self.reason_edit.text())

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def set_busy(self, busy: bool) -> None:
        self.cancel_button.setEnabled(not busy)
