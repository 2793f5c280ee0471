"""The Pesanan page driven like a person at a noisy table: keyboard only."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.models import orders
from desktop.models.people import participants
from desktop.models.reporting import tallies
from desktop.views.order_dialog import OrderDialog
from desktop.views.order_followup_dialogs import CancelOrderDialog, CoFulfilmentDialog
from desktop.views.order_model import OrderTableModel
from desktop.views.orders_page import OrdersPage
from tests.gui_helpers import make_context, settle
from tests.order_helpers import maker
from tests.test_orders import _meeting


@pytest.fixture
def setup(qtbot, demo_db, admin):  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        buyer = participants.list_participants(session, kind="buyer")[0]  # PT Toserba Nusantara Raya
        main = maker(session, admin, "CV. Pembuat Utama", 5000)
        maker(session, admin, "UD. Pembantu Besar", 3000)
        maker(session, admin, "UD. Pembantu Kecil", 2500)
    context = make_context(demo_db)
    page = OrdersPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    settle(qtbot, context)
    return page, context, buyer, main


def focused(dialog: QWidget) -> QWidget:
    widget = dialog.focusWidget()
    assert widget is not None
    return widget


def type_text(qtbot, dialog: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(focused(dialog), text)


def press(qtbot, dialog: QWidget, key: Qt.Key, times: int = 1) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        qtbot.keyClick(focused(dialog), key)


def activate(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Shortcuts only fire in the active window (after a dialog closed, none is)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def open_new(qtbot, page: OrdersPage) -> OrderDialog:  # type: ignore[no-untyped-def]
    activate(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.active_dialog
    assert isinstance(dialog, OrderDialog) and dialog.isVisible()
    dialog.activateWindow()
    return dialog


def type_line(qtbot, dialog: OrderDialog, category: str, description: str, quantity: str, price: str, delivery: str) -> None:  # type: ignore[no-untyped-def]
    assert focused(dialog) is dialog.category_combo
    type_text(qtbot, dialog, category)
    press(qtbot, dialog, Qt.Key.Key_Tab)
    type_text(qtbot, dialog, description)
    press(qtbot, dialog, Qt.Key.Key_Tab)
    type_text(qtbot, dialog, quantity)
    press(qtbot, dialog, Qt.Key.Key_Tab, 2)  # the unit follows what was typed ("kodi")
    type_text(qtbot, dialog, price)
    press(qtbot, dialog, Qt.Key.Key_Tab)
    type_text(qtbot, dialog, delivery)


def test_order_from_scratch_with_the_keyboard_only(qtbot, setup, demo_db) -> None:  # type: ignore[no-untyped-def]
    page, context, buyer, main = setup
    dialog = open_new(qtbot, page)
    assert focused(dialog) is dialog.buyer_picker.edit
    type_text(qtbot, dialog, "toserba")
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.buyer_picker.selected_id() == buyer.id
    type_text(qtbot, dialog, main.code.lower())  # a badge scan: the code is taken without Enter
    assert dialog.seller_picker.selected_id() == main.id
    type_line(qtbot, dialog, "sepatu w", "Pantofel 36-40 hitam", "100 kodi", "1,7jt", "30/4")
    assert dialog.unit_combo.currentData() == "kodi"
    # The price is typed per the unit typed (a kodi of 20 pairs) and kept per pair.
    assert dialog.price_caption.text() == "Harga per kodi *"
    assert dialog.price_hint.text() == "= Rp 85.000 per pasang"
    assert "Kamis, 30 April 2020" in dialog.delivery_hint.text()
    assert "2.000 pasang" in dialog.totals_label.text() and "Rp 170.000.000" in dialog.totals_label.text()
    press(qtbot, dialog, Qt.Key.Key_Tab, 2)  # committed (blank = what fits), then status
    type_text(qtbot, dialog, "p")  # "Pasti" (confirmed)
    press(qtbot, dialog, Qt.Key.Key_Tab)
    type_text(qtbot, dialog, "DP 30 %")
    press(qtbot, dialog, Qt.Key.Key_Return)
    settle(qtbot, context)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    settle(qtbot, context)
    with demo_db.read() as session:
        [row] = orders.list_orders(session)
    line = row.lines[0]
    assert (row.buyer_id, row.seller_id, row.status, row.payment_terms) == (buyer.id, main.id, "confirmed", "DP 30 %")
    assert (line.unit_entered, line.quantity_entered, line.requested, line.committed) == ("kodi", 100, 2000, 2000)
    assert (line.unit_price, line.delivery_date, line.description) == (85000, dt.date(2020, 4, 30), "Pantofel 36-40 hitam")
    assert line.category_code == "sepatu_wanita"
    assert page.selected_row() is not None and page.selected_row().id == row.id
    assert "tersimpan" in page.message_label.text()


def test_bad_price_is_shown_next_to_the_field_and_nothing_is_stored(qtbot, setup, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page, context, buyer, main = setup
    monkeypatch.setattr("desktop.views.order_dialog.messages.confirm", lambda *_a, **_k: True)  # "Buang" on Esc
    dialog = open_new(qtbot, page)
    dialog.buyer_picker.set_selected_id(buyer.id)
    dialog.seller_picker.set_selected_id(buyer.id)  # not a seller: the picker does not offer buyers
    assert dialog.seller_picker.selected_id() is None
    dialog.seller_picker.set_selected_id(main.id)
    dialog.category_combo.setFocus()
    type_line(qtbot, dialog, "sepatu w", "", "10", "85.000,50", "")
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "sen" in dialog._error_labels["unit_price"].text()
    assert dialog.focusWidget() is dialog.price_edit
    dialog.price_edit.setText("delapan puluh")
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert "angka, bukan huruf" in dialog._error_labels["unit_price"].text()
    dialog.price_edit.setText("85000")
    dialog.delivery_edit.setText("1/3/2020")
    press(qtbot, dialog, Qt.Key.Key_Return)
    settle(qtbot, context)
    assert "sudah lewat" in dialog._error_labels["delivery_date"].text() and dialog.isVisible()
    dialog.reject()
    with demo_db.read() as session:
        assert orders.list_orders(session) == []


def test_order_from_a_meeting_card(qtbot, setup, demo_db) -> None:  # type: ignore[no-untyped-def]
    page, context, buyer, main = setup
    with demo_db.transaction() as session:
        meeting_id = _meeting(session, main.id, buyer.id)
    page.new_order_from_meeting(meeting_id)
    settle(qtbot, context)
    dialog = page.active_dialog
    assert isinstance(dialog, OrderDialog)
    assert (dialog.buyer_picker.selected_id(), dialog.seller_picker.selected_id()) == (buyer.id, main.id)
    assert "sudah check-in" in dialog.seller_picker.status.text()
    type_line(qtbot, dialog, "sepatu w", "Flat shoes", "500", "Rp 72.500", "+60")
    press(qtbot, dialog, Qt.Key.Key_Return)
    settle(qtbot, context)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    with demo_db.read() as session:
        [row] = orders.list_orders(session)
    assert row.meeting_id == meeting_id and row.lines[0].unit_price == 72_500 and row.lines[0].committed == 500


def test_shortfall_split_across_two_makers_then_one_cancelled(qtbot, setup, demo_db) -> None:  # type: ignore[no-untyped-def]
    page, context, buyer, main = setup
    dialog = open_new(qtbot, page)
    type_text(qtbot, dialog, buyer.code)
    type_text(qtbot, dialog, "pembuat utama")
    press(qtbot, dialog, Qt.Key.Key_Return)
    type_line(qtbot, dialog, "sepatu w", "Pantofel wanita", "40.000", "85000", "+120")
    qtbot.waitUntil(lambda: "Kurang 20.000 pasang" in dialog.capacity_label.text())
    assert "<b>20.000</b> dari 40.000" in dialog.capacity_label.text()
    assert "Belum terpenuhi 20.000 pasang" in dialog.totals_label.text()
    press(qtbot, dialog, Qt.Key.Key_Return)
    settle(qtbot, context)
    qtbot.waitUntil(lambda: isinstance(page.active_dialog, CoFulfilmentDialog))
    split = page.active_dialog
    assert [edit.text() for _id, edit in split.edits] == ["12000", "8000"]
    assert "tetap belum terpenuhi 0 pasang" in split.total_label.text()
    split.activateWindow()
    press(qtbot, split, Qt.Key.Key_Return)  # one action creates both linked orders
    settle(qtbot, context)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    settle(qtbot, context)
    assert page.model.rowCount() == 3
    with demo_db.read() as session:
        tally = tallies.order_tally(session)
    assert (tally.requested_pairs, tally.committed_pairs, tally.unfulfilled_pairs) == (40_000, 40_000, 0)
    assert "belum terpenuhi <b>0 pasang</b>" in page.summary_label.text()

    small = next(r for r in page.model.rows() if r.seller_name == "UD. Pembantu Kecil")
    page.select_id(small.id)
    activate(qtbot, page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    cancel = page.active_dialog
    assert isinstance(cancel, CancelOrderDialog)
    cancel.activateWindow()
    press(qtbot, cancel, Qt.Key.Key_Return)  # no reason yet: refused in place
    assert cancel.isVisible() and "alasan" in cancel.error_label.text()
    type_text(qtbot, cancel, "Mesin jahit rusak")
    press(qtbot, cancel, Qt.Key.Key_Return)
    settle(qtbot, context)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    settle(qtbot, context)
    with demo_db.read() as session:
        tally = tallies.order_tally(session)
        cancelled = orders.get_order(session, small.id)
    assert cancelled.is_cancelled and cancelled.cancel_reason == "Mesin jahit rusak"
    assert tally.unfulfilled_pairs == 8_000
    assert page.model.rowCount() == 3  # kept in the list, struck through
    page.status_filter.setCurrentIndex(page.status_filter.findData("cancelled"))
    assert page.proxy.rowCount() == 1
    page.status_filter.setCurrentIndex(0)
    page.seller_filter.setCurrentIndex(page.seller_filter.findData(main.id))
    assert page.proxy.rowCount() == 1


def test_duplicate_asks_and_defaults_to_not_saving(qtbot, setup, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page, context, buyer, main = setup
    asked: list[str] = []
    monkeypatch.setattr("desktop.views.orders_page.messages.confirm",
                        lambda _parent, text, **_kw: asked.append(text) or False)
    for _round in range(2):
        dialog = open_new(qtbot, page)
        dialog.buyer_picker.set_selected_id(buyer.id)
        dialog.seller_picker.set_selected_id(main.id)
        dialog.category_combo.setFocus()
        type_line(qtbot, dialog, "sepatu w", "", "50", "85000", "")
        press(qtbot, dialog, Qt.Key.Key_Return)
        settle(qtbot, context)
    assert asked and "baru saja dicatat" in asked[0]
    assert isinstance(page.active_dialog, OrderDialog)  # still open, nothing lost
    page.active_dialog.reject()
    with demo_db.read() as session:
        assert len(orders.list_orders(session)) == 1


def test_order_model_passes_qt_model_tester(qtmodeltester, setup, demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    page, context, buyer, main = setup
    with demo_db.transaction() as session:
        shoes = session.scalar(__import__("sqlalchemy").text("select id from product_category where code='sepatu_wanita'"))
        orders.create_order(session, orders.OrderData(buyer.id, main.id, [orders.LineData(shoes, 10, unit_price=1)]), admin)
    model = OrderTableModel()
    with demo_db.read() as session:
        model.set_rows(orders.list_orders(session))
    qtmodeltester.check(model)


def test_edit_with_f2_changes_the_order_and_keeps_its_number(qtbot, setup, demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    page, context, buyer, main = setup
    with demo_db.transaction() as session:
        shoes = next(c.id for c in participants.list_categories(session) if c.code == "sepatu_wanita")
        created = orders.create_order(session, orders.OrderData(buyer.id, main.id, [
            orders.LineData(shoes, 10, "lusin", 90_000, "Slip-on", dt.date(2020, 4, 1))], status="loi"), admin).order
    page.refresh()
    settle(qtbot, context)
    page.select_id(created.id)
    activate(qtbot, page)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    dialog = page.active_dialog
    assert isinstance(dialog, OrderDialog)
    # Stored per pair (90.000), shown again per the lusin it was typed in.
    assert (dialog.quantity_edit.text(), dialog.unit_combo.currentData(), dialog.price_edit.text()) == ("10", "lusin", "1.080.000")
    assert not dialog.has_unsaved_input()
    dialog.quantity_edit.setFocus()
    dialog.quantity_edit.selectAll()
    type_text(qtbot, dialog, "12")
    dialog.committed_edit.clear()
    press(qtbot, dialog, Qt.Key.Key_Return)
    settle(qtbot, context)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    with demo_db.read() as session:
        [row] = orders.list_orders(session)
    assert (row.id, row.lines[0].requested, row.lines[0].committed, row.version) == (created.id, 144, 144, created.version + 1)
    assert row.lines[0].unit_price == 90_000  # the round trip keeps the per-pair price


def test_esc_on_a_filled_form_asks_and_an_empty_one_just_closes(qtbot, setup, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page, context, buyer, main = setup
    answers: list[bool] = []
    asked: list[str] = []

    def confirm(_parent, text, **_kw):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr("desktop.views.order_dialog.messages.confirm", confirm)
    dialog = open_new(qtbot, page)
    press(qtbot, dialog, Qt.Key.Key_Escape)  # nothing typed: closes without a question
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert asked == []
    dialog = open_new(qtbot, page)
    dialog.buyer_picker.set_selected_id(buyer.id)
    dialog.seller_picker.set_selected_id(main.id)
    dialog.category_combo.setFocus()
    type_line(qtbot, dialog, "sepatu w", "Pantofel", "50", "85000", "")
    answers.append(False)  # "Lanjut mengisi"
    press(qtbot, dialog, Qt.Key.Key_Escape)
    assert len(asked) == 1 and "belum disimpan" in asked[0]
    assert dialog.isVisible() and dialog.quantity_edit.text() == "50"
    assert page.unsaved_work() is not None  # Ctrl+Q on the main window asks too
    answers.append(True)  # "Buang"
    press(qtbot, dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert page.unsaved_work() is None
    with demo_db.read() as session:
        assert orders.list_orders(session) == []


def test_order_level_error_has_the_full_width_of_the_box(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    page, context, buyer, main = setup
    dialog = open_new(qtbot, page)
    dialog.buyer_picker.set_selected_id(buyer.id)
    dialog.seller_picker.set_selected_id(main.id)
    message = "Pesanan harus punya paling sedikit satu baris barang."
    dialog.show_problems({"lines": message})
    label = dialog._error_labels["lines"]
    qtbot.waitUntil(label.isVisible)
    assert label is not dialog._error_labels["category"]
    assert label.text() == message
    # Fully visible: one line wide enough for the whole sentence, nothing elided or clipped.
    assert label.width() >= label.fontMetrics().horizontalAdvance(message)
    assert label.height() >= label.heightForWidth(label.width())
    # A long message under a narrow field wraps, and the form grows so every line of it shows.
    long = "Jumlah harus bilangan bulat lebih dari nol, misalnya 40000 atau 250 kodi; huruf tidak dibaca."
    dialog.show_problems({"quantity": long})
    field = dialog._error_labels["quantity"]
    qtbot.waitUntil(field.isVisible)
    settle(qtbot, context)
    assert field.height() >= field.heightForWidth(field.width()) > field.fontMetrics().height()
    dialog.done(0)
