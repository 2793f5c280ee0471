"""The Dasbor page, driven like the event day: check-ins, an order, a meeting outcome."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop import formatting
from desktop.models.event import event_setup
from desktop.models.reporting.figures import event_figures
from desktop.models.orm import Meeting
from desktop.views.dashboard_page import DashboardPage
from desktop.views.dashboard_parts import TableAlertModel, compact_rupiah, countdown
from desktop.views.dashboard_view import DashboardView
from desktop.views.main_window import MainWindow
from desktop.views.operations import CHECK_INS, MEETINGS, ORDERS, REQUESTS
from tests.event_activity import add_order, at, check_in, ids_of_kind, schedule
from tests.gui_helpers import make_context, settle


class Clock:
    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


def _page(qtbot, db, moment: dt.datetime = at(10, 25)):  # type: ignore[no-untyped-def]
    context = make_context(db)
    clock = Clock(moment)
    page = DashboardPage(context, clock=clock)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.figures is not None)
    settle(qtbot, context)
    return page, context, clock


def _write(qtbot, context, change, kinds) -> None:  # type: ignore[no-untyped-def]
    """A write as the check-in / order / schedule services will do it: on the worker, announced."""
    def work(db):  # type: ignore[no-untyped-def]
        with db.transaction() as session:
            change(session)

    context.runner.run(work, changes=kinds)
    settle(qtbot, context)


def _domain(db, page):  # type: ignore[no-untyped-def]
    with db.read() as session:
        return event_figures(session, page.clock())


def test_figures_follow_check_in_order_and_meeting_outcome(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        meeting_ids = [m.id for m in schedule(session, 5, 3)]
        buyer, maker = ids_of_kind(session, "buyer")[0], ids_of_kind(session, "ikm")[0]
    page, context, _clock = _page(qtbot, demo_db)
    tiles = page.view.tiles
    assert page.figures == _domain(demo_db, page)
    assert tiles["present"].value_label.text() == "0 / 87"
    assert tiles["slot_meetings"].value_label.text() == "0 / 3"

    _write(qtbot, context, lambda s: check_in(s, maker, at(10, 24)), {CHECK_INS})
    qtbot.waitUntil(lambda: page.figures.present == 1)
    assert page.figures == _domain(demo_db, page)
    assert tiles["present"].value_label.text() == "1 / 87"
    assert page.view.arrivals_chart.steps == [(dt.time(10, 24), 1)]

    _write(qtbot, context, lambda s: add_order(s, buyer, maker, requested=40_000, committed=20_000), {ORDERS})
    qtbot.waitUntil(lambda: page.figures.orders.orders == 1)
    assert page.figures == _domain(demo_db, page)
    assert tiles["orders"].value_label.text() == "1"
    assert tiles["value"].value_label.text() == compact_rupiah(20_000 * 85_000) == "Rp 1,7 M"
    assert tiles["value"].detail_label.text() == "Rp 1.700.000.000"
    assert tiles["unfulfilled"].value_label.text() == "20.000"
    assert [row.values for row in page.view.pairs_chart.rows] == [(40_000, 20_000)]

    def held(session) -> None:  # type: ignore[no-untyped-def]
        session.get(Meeting, meeting_ids[0]).status = "held"

    _write(qtbot, context, held, {MEETINGS})
    qtbot.waitUntil(lambda: page.figures.day_meetings.held == 1)
    assert page.figures == _domain(demo_db, page)
    assert tiles["slot_meetings"].value_label.text() == "1 / 3"
    assert tiles["day_meetings"].value_label.text() == "1 / 3"


def test_a_burst_of_changes_is_one_recomputation(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page, context, _clock = _page(qtbot, demo_db)
    before = page.recomputations
    with demo_db.transaction() as session:
        for pid in ids_of_kind(session, "ikm")[:30]:
            check_in(session, pid, at(10, 0))
    for _ in range(30):
        context.bus.changed.emit(frozenset({CHECK_INS}))
    context.bus.changed.emit(frozenset({REQUESTS}))  # not shown on the Dasbor
    qtbot.waitUntil(lambda: page.figures.present == 30)
    settle(qtbot, context)
    assert page.recomputations == before + 1


def test_changes_from_another_desk_are_noticed_by_the_poll(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page, context, _clock = _page(qtbot, demo_db)
    before = page.recomputations
    page.poll()
    settle(qtbot, context)
    qtbot.wait(600)
    assert page.recomputations == before  # nothing changed: nothing recomputed
    with demo_db.transaction() as session:  # another desk, no signal on this bus
        add_order(session, ids_of_kind(session, "buyer")[1], ids_of_kind(session, "ikm")[3], committed=60)
    page.poll()
    qtbot.waitUntil(lambda: page.figures.orders.committed_pairs == 60)
    assert page.figures == _domain(demo_db, page)
    assert page.recomputations == before + 1


def test_hidden_page_waits_until_shown(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page, context, _clock = _page(qtbot, demo_db)
    page.hide()
    before = page.recomputations
    _write(qtbot, context, lambda s: check_in(s, ids_of_kind(s, "bank")[0], at(9, 0)), {CHECK_INS})
    qtbot.wait(600)
    assert page.recomputations == before and page.figures.present == 0
    page.show()
    qtbot.waitUntil(lambda: page.figures.present == 1)


def test_slot_change_and_countdown_follow_the_clock(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page, context, clock = _page(qtbot, demo_db, at(10, 39, 30))
    assert page.figures.current_slot.ordinal == 5
    page._on_tick()
    assert page.view.slot_label.text() == "Sesi 5 · 10:20–10:40 · selesai dalam 00:30"
    assert page.view.next_label.text() == "Berikutnya: Sesi 6 · 10:40–11:00"
    clock.moment = at(10, 40, 1)
    page._on_tick()
    qtbot.waitUntil(lambda: page.figures.current_slot.ordinal == 6)
    clock.moment = at(12, 10)
    page._on_tick()
    qtbot.waitUntil(lambda: page.figures.current_slot is None)
    page._on_tick()
    assert page.view.slot_label.text() == "Sesi 10 · 13:00–13:20 mulai dalam 50:00"
    assert page.view.notice_label.isHidden()


def test_another_day_says_so_and_still_shows_the_slots(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page, _context, _clock = _page(qtbot, demo_db, dt.datetime(2026, 11, 27, 10, 25))
    assert not page.view.notice_label.isHidden()
    assert "bukan hari ini (Jumat, 6 Maret 2020)" in page.view.notice_label.text()
    assert page.figures.current_slot.ordinal == 5


def test_incomplete_tables_are_listed(qtbot, qtmodeltester, demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        meetings = schedule(session, 5, 2)
        check_in(session, meetings[0].request.participant_a_id, at(9, 0))
        check_in(session, meetings[0].request.participant_b_id, at(9, 0))
        missing = meetings[1].table.label
    page, _context, _clock = _page(qtbot, demo_db)
    model = page.view.alert_model
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.index(0, 0).data() == missing
    assert model.index(0, 1).data().startswith("✗ ")
    assert "(1)" in page.view.panels["alerts"].title_label.text()


def test_f11_shows_the_same_figures_full_screen_and_esc_leaves(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        check_in(session, ids_of_kind(session, "ikm")[0], at(8, 0))
    page, _context, _clock = _page(qtbot, demo_db)
    qtbot.keyClick(page, Qt.Key.Key_F11)
    window = page.fullscreen_window
    assert window is not None and window.isVisible()
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    assert window.view.figures == page.figures
    assert window.view.tiles["present"].value_label.text() == "1 / 87"
    # The projector's figures are drawn at least as large (they shrink only where a figure would not fit).
    assert window.view.tiles["present"].value_label.largest >= page.view.tiles["present"].value_label.largest
    assert window.view.fullscreen_button.isHidden()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    page.toggle_fullscreen()
    assert window.isVisible()
    page.toggle_fullscreen()
    assert not window.isVisible()


def test_dashboard_is_the_first_page_of_the_main_window(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    context = make_context(demo_db)
    with demo_db.read() as session:
        event = event_setup.get_event(session)
    window = MainWindow(context, event)
    qtbot.addWidget(window)
    window.show()
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage) and window.current_page_key() == "dashboard"
    qtbot.waitUntil(lambda: page.figures is not None)
    assert page.view.title_label.text() == "Business Matching 2020"
    page.toggle_fullscreen()
    assert page.fullscreen_window.isVisible()
    settle(qtbot, context)
    window.close()  # the projector window goes with the main window
    assert not page.fullscreen_window.isVisible() and not page._tick.isActive()


def test_views_paint_at_both_scales_empty_and_full(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        schedule(session, 5, 3)
        check_in(session, ids_of_kind(session, "ikm")[0], at(8, 0))
        add_order(session, ids_of_kind(session, "buyer")[0], ids_of_kind(session, "ikm")[0])
    with demo_db.read() as session:
        full = event_figures(session, at(10, 25))
    with demo_db.transaction() as session:
        session.query(Meeting).delete()
    for scale in (1.0, 1.5):
        view = DashboardView(scale=scale)
        qtbot.addWidget(view)
        view.resize(int(1200 * scale), int(700 * scale))
        for figures in (full, None):
            if figures is not None:
                view.show_figures(figures)
            image = view.grab().toImage()
            assert image.width() == int(1200 * scale)
        QApplication.processEvents()
    assert TableAlertModel().rowCount() == 0


def test_compact_figures() -> None:
    assert compact_rupiah(3_879_805_000) == "Rp 3,88 M"
    assert compact_rupiah(684_000_000) == "Rp 684 jt"
    assert compact_rupiah(84_600_000) == "Rp 84,6 jt"
    assert compact_rupiah(250_000) == "Rp 250.000"
    assert countdown(3725) == "1:02:05" and countdown(-4) == "00:00"
    assert formatting.number(1500) == "1.500"


def test_axis_maximum_is_round_and_close() -> None:
    from desktop.views.charts import nice_ceiling

    assert [nice_ceiling(v) for v in (0, 7, 11, 87 * 1.02, 10_200, 45_000)] == [1, 8, 12, 100, 12_000, 50_000]


@pytest.mark.parametrize("width", [1366 - 170, 1024 - 170, 900])
def test_tiles_fit_any_figure_at_desk_widths(qtbot, width: int, big_figures) -> None:  # type: ignore[no-untyped-def]
    """10,000 participants and billions of Rupiah: every tile shows its whole figure (smaller, or in
    its short form), never a cut one like "6.720 / 1"."""
    import dataclasses

    from desktop.views.dashboard_parts import Tile
    from desktop.views.dashboard_view import DashboardView

    view = DashboardView()
    qtbot.addWidget(view)
    view.resize(width, 700)
    view.show()
    assert "Memuat" in view.arrivals_chart.empty_text and view.is_loading()  # loading, not "no data"
    figures = big_figures
    view.show_figures(figures)
    qtbot.wait(10)
    assert "Belum ada" in view.arrivals_chart.empty_text and not view.is_loading()
    for key, tile in view.tiles.items():
        label = tile.value_label
        shown = label.shown_text()
        metrics = label.fontMetrics()
        assert metrics.horizontalAdvance(shown) <= label.contentsRect().width(), (key, shown)
        assert "…" not in shown, (key, shown)  # a whole figure, maybe shortened, never elided
    present = view.tiles["present"].value_label
    assert present.full_text() == "6.720 / 10.000"
    assert present.shown_text() in ("6.720 / 10.000", "6.720/10.000", "6,72 rb/10 rb")
    assert view.tiles["value"].value_label.shown_text() == "Rp 361 M"
    assert dataclasses.is_dataclass(figures) and isinstance(view.tiles["pairs"], Tile)


@pytest.fixture(scope="module")
def big_figures():  # type: ignore[no-untyped-def]
    """Figures the size of a 10,000-participant event, from the real computation on a generated event."""
    import datetime as dt
    import tempfile
    from pathlib import Path

    from bench.dashboard import build
    from desktop.models.event.database import open_database
    from desktop.models.event.demo import EVENT_DATE
    from desktop.models.reporting.figures import event_figures

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "big.sqlite")
        build(db, 10_000)
        with db.read() as session:
            figures = event_figures(session, dt.datetime.combine(EVENT_DATE, dt.time(10, 25)))
        db.close()
    return figures
