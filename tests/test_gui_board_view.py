"""The Jadwal board at 1366 × 768: a selected card stays readable, the running slot is marked, host
names are fitted to the header, a refusal clears on the next success; *Saran pasangan* searchable
with full hosts last and a guarded "tick all"."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from desktop.models.schedule import suggestions as suggestion_rules
from desktop.models.event.database import Database
from desktop.views.schedule_board import RUNNING_ROLE
from tests.gui_helpers import settle
from tests.schedule_fixtures import _scheduled_template, at, scheduled_db  # noqa: F401
from tests.test_gui_schedule import _page


def _paint(page, index: QModelIndex, selected: bool) -> QImage:  # type: ignore[no-untyped-def]
    image = QImage(90, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = image.rect()
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    page.view.itemDelegate().paint(painter, option, index)
    painter.end()
    return image


def _inner_colours(image: QImage) -> set[str]:
    """Colours inside the card (the selection frame left out)."""
    return {image.pixelColor(x, y).name() for x in range(10, image.width() - 8) for y in range(6, image.height() - 6)}


def test_a_selected_card_is_still_drawn_also_a_locked_one(qtbot, scheduled_db: Database) -> None:  # type: ignore[no-untyped-def]
    page, context = _page(qtbot, scheduled_db)
    card = page.board.meetings[0]
    page.toggle_lock(card.id)  # a padlock's dark brush once filled the selected box black
    settle(qtbot, context)
    index = page.model.index_of_meeting(card.id)
    assert page.model.card_at(index).locked
    plain, selected = _paint(page, index, False), _paint(page, index, True)
    # The text and the kind stripes are there with the selection as without it.
    assert _inner_colours(selected) == _inner_colours(plain)
    assert len(_inner_colours(selected)) > 10
    dark = sum(1 for x in range(selected.width()) for y in range(selected.height())
               if selected.pixelColor(x, y).lightness() < 60)
    assert dark < selected.width() * selected.height() // 5  # not a black box


def test_the_running_slot_is_marked(qtbot, scheduled_db: Database) -> None:  # type: ignore[no-untyped-def]
    page, _context = _page(qtbot, scheduled_db, at(9, 25))
    running = [slot for slot in page.board.slots if page.model.is_running(slot)]
    assert len(running) == 1 and running[0].start <= at(9, 25).time() < running[0].end
    row = page.board.slots.index(running[0])
    assert page.model.headerData(row, Qt.Orientation.Vertical).startswith("▶")
    assert not page.model.headerData(row + 1, Qt.Orientation.Vertical).startswith("▶")
    assert page.model.index(row, 0).data(RUNNING_ROLE)
    assert not page.model.index(row + 1, 0).data(RUNNING_ROLE) and not page.model.index(row - 1, 0).data(RUNNING_ROLE)
    assert "berjalan" in page.legend_label.text()


def test_host_names_fit_their_header_on_two_lines(qtbot, scheduled_db: Database) -> None:  # type: ignore[no-untyped-def]
    page, _context = _page(qtbot, scheduled_db)
    page.resize(1366 - 170, 700)
    qtbot.wait(50)
    header = page.view.horizontalHeader()
    metrics = header.fontMetrics()
    hosted = [n for n, table in enumerate(page.board.tables) if table.host_name]
    assert hosted
    for column in hosted:
        label, *host = page.model.headerData(column, Qt.Orientation.Horizontal).split("\n")
        assert 1 <= len(host) <= 2
        assert all(metrics.horizontalAdvance(line) <= header.sectionSize(column) for line in host)
        assert page.board.tables[column].host_name in page.model.headerData(
            column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert page.legend_label.wordWrap()


def test_a_refusal_clears_on_the_next_successful_action(qtbot, scheduled_db: Database) -> None:  # type: ignore[no-untyped-def]
    page, context = _page(qtbot, scheduled_db)
    first, second = page.board.meetings[0], page.board.meetings[1]
    page.request_move(first.id, second.slot_id, second.table_id)  # onto a taken cell: refused
    settle(qtbot, context)
    assert page.message_label.isVisible()
    page.toggle_lock(first.id)  # works
    settle(qtbot, context)
    assert not page.message_label.isVisible()


def test_suggestions_rank_full_hosts_last_and_mark_them(scheduled_db: Database) -> None:  # type: ignore[no-untyped-def]
    with scheduled_db.read() as session:
        found = suggestion_rules.suggest_pairs(session)
    assert found
    flags = [s.host_full for s in found]
    assert flags == sorted(flags)  # hosts with room first, full ones after
    fits = suggestion_rules.fitting(found)
    per_host: dict[int, int] = {}
    for s in fits:
        per_host[s.host_id] = per_host.get(s.host_id, 0) + 1
    assert all(per_host[s.host_id] <= s.host_room for s in fits)
    assert not any(s.host_full for s in fits)


def test_suggestions_dialog_search_and_guarded_tick_all(qtbot, scheduled_db: Database) -> None:  # type: ignore[no-untyped-def]
    page, context = _page(qtbot, scheduled_db)
    tab = page.requests_tab
    tab.show_suggestions()
    settle(qtbot, context)
    dialog = tab.suggestions_dialog
    total = len(dialog.suggestions)
    assert dialog.proxy.rowCount() == total
    host = dialog.suggestions[0].host_name
    qtbot.keyClicks(dialog.search_edit, host.split()[-1].lower())
    assert 0 < dialog.proxy.rowCount() <= total
    assert all(host.split()[-1].lower() in " ".join(
        dialog.proxy.index(r, c).data() or "" for c in (1, 2, 3)).lower() for r in range(dialog.proxy.rowCount()))
    dialog.tick_fitting()
    ticked = dialog.ticked()
    assert ticked and len(ticked) <= dialog.proxy.rowCount()
    assert all(not s.host_full for s in ticked)
    assert f"({len(ticked)})" in dialog.tick_all.text()
    assert f"{len(ticked)} dicentang" in dialog.count_label.text()
    full = [n for n, s in enumerate(dialog.suggestions) if s.host_full]
    if full:
        assert "penuh" in dialog.model.item(full[0], 1).text()
    dialog.reject()
