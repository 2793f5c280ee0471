"""The Dasbor's widgets: big figures, charts, the slot with its countdown, incomplete tables.

:class:`DashboardView` only shows an :class:`EventFigures` it is handed (and ticks the
clock); the page decides when to compute. The same view, with a larger ``scale``, fills
the full-screen window for a projector.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import formatting
from desktop.i18n import _
from desktop.models.enums import KIND_COLOURS, ParticipantKind, label
from desktop.models.reporting.figures import EventFigures, MeetingCounts
from desktop.views.charts import ArrivalsChart, BarRow, Chart, ColumnChart, HorizontalBarChart, Series
from desktop.views.dashboard_parts import (
    ACCENT,
    BAD,
    GOOD,
    PAIR_COLOURS,
    Panel,
    TableAlertModel,
    Tile,
    compact_count,
    compact_rupiah,
    countdown,
    slot_name,
)

class DashboardView(QWidget):
    fullscreen_requested = Signal()

    def __init__(self, scale: float = 1.0, fullscreen: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self.figures: EventFigures | None = None
        self.setObjectName("dashboard")
        self.setStyleSheet("#dashboard { background: #eef1f5; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        self.title_label = QLabel()
        self.title_label.setStyleSheet(f"font-size: {14 * scale:.1f}pt; font-weight: bold; color: #1f2933;")
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(
            f"font-size: {9 * scale:.1f}pt; color: #7a4b00; background: #fff3c4; padding: 2px 6px; border-radius: 3px;"
        )
        self.notice_label.hide()
        self.clock_label = QLabel("--:--")
        self.clock_label.setStyleSheet(f"font-size: {22 * scale:.1f}pt; font-weight: bold; color: {ACCENT};")
        self.slot_label = QLabel()
        self.slot_label.setStyleSheet(f"font-size: {12 * scale:.1f}pt; font-weight: bold; color: #1f2933;")
        self.next_label = QLabel()
        self.next_label.setStyleSheet(f"font-size: {9.5 * scale:.1f}pt; color: #52606d;")
        self.fullscreen_button = QPushButton(_("Layar penuh (F11)"))
        self.fullscreen_button.setToolTip(_("Tampilkan Dasbor di layar penuh, misalnya di proyektor. Esc untuk keluar."))
        self.fullscreen_button.clicked.connect(self.fullscreen_requested.emit)
        self.fullscreen_button.setVisible(not fullscreen)

        heading = QVBoxLayout()
        heading.setSpacing(0)
        heading.addWidget(self.title_label)
        heading.addWidget(self.notice_label)
        slot_box = QVBoxLayout()
        slot_box.setSpacing(0)
        slot_box.addWidget(self.slot_label, alignment=Qt.AlignmentFlag.AlignRight)
        slot_box.addWidget(self.next_label, alignment=Qt.AlignmentFlag.AlignRight)
        header = QHBoxLayout()
        header.addLayout(heading, 1)
        header.addLayout(slot_box)
        header.addSpacing(int(12 * scale))
        header.addWidget(self.clock_label)
        header.addWidget(self.fullscreen_button, alignment=Qt.AlignmentFlag.AlignVCenter)

        self.tiles: dict[str, Tile] = {
            "present": Tile(_("Hadir / terdaftar"), scale, GOOD),
            "slot_meetings": Tile(_("Pertemuan sesi ini"), scale),
            "day_meetings": Tile(_("Pertemuan hari ini"), scale),
            "orders": Tile(_("Pesanan pasti"), scale, "#6b2c91"),
            "value": Tile(_("Nilai transaksi"), scale, "#6b2c91"),
            "pairs": Tile(_("Pasang disanggupi"), scale, "#6b2c91"),
            "unfulfilled": Tile(_("Permintaan belum terpenuhi"), scale, BAD),
        }
        tiles = QHBoxLayout()
        tiles.setSpacing(int(8 * scale))
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)

        self.arrivals_chart = ArrivalsChart(
            [Series(_("Datang"), GOOD), Series(_("Terdaftar"), "#52606d")],
            _("Belum ada peserta terdaftar."),
            lambda total: _("Terdaftar: {count}").format(count=formatting.number(total)),
            scale,
        )
        self.kinds_label = QLabel()
        self.kinds_label.setWordWrap(True)
        self.kinds_label.setStyleSheet(f"font-size: {8.5 * scale:.1f}pt;")
        attendance = QWidget()
        attendance_layout = QVBoxLayout(attendance)
        attendance_layout.setContentsMargins(0, 0, 0, 0)
        attendance_layout.setSpacing(int(2 * scale))
        attendance_layout.addWidget(self.kinds_label)
        attendance_layout.addWidget(self.arrivals_chart, 1)

        self.slots_chart = ColumnChart(
            [Series(_("Terjadwal"), "#9db4d3"), Series(_("Terlaksana"), GOOD), Series(_("Tidak hadir"), BAD)],
            _("Belum ada pertemuan terjadwal."),
            scale,
        )
        self.buyers_chart = HorizontalBarChart([Series(_("Rupiah"), "#6b2c91")], _("Belum ada pesanan."), scale)
        self.categories_chart = HorizontalBarChart([Series(_("Rupiah"), "#8a6d00")], _("Belum ada pesanan."), scale)
        self.pairs_chart = HorizontalBarChart(
            [Series(_("Diminta"), PAIR_COLOURS[0]), Series(_("Disanggupi"), PAIR_COLOURS[1])],
            _("Belum ada pesanan dalam pasang."),
            scale,
        )

        self.alert_model = TableAlertModel(self)
        self.alert_table = QTableView()
        self.alert_table.setModel(self.alert_model)
        self.alert_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.alert_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.alert_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.alert_table.verticalHeader().hide()
        self.alert_table.setShowGrid(False)
        self.alert_table.setWordWrap(False)
        self.alert_table.setStyleSheet("QTableView { border: none; }")
        table_font = QFont(self.alert_table.font())
        table_font.setPointSizeF(9 * scale)
        self.alert_table.setFont(table_font)
        self.alert_table.horizontalHeader().setFont(table_font)
        self.alert_table.verticalHeader().setDefaultSectionSize(int(22 * scale))
        header_view = self.alert_table.horizontalHeader()
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header_view.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.alerts_empty_label = QLabel()
        self.alerts_empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.alerts_empty_label.setWordWrap(True)
        self.alerts_empty_label.setStyleSheet(f"font-size: {10 * scale:.1f}pt; color: #52606d;")
        self.alert_stack = QStackedWidget()
        self.alert_stack.addWidget(self.alerts_empty_label)
        self.alert_stack.addWidget(self.alert_table)

        self.panels = {
            "arrivals": Panel(_("Kedatangan peserta"), attendance, scale),
            "slots": Panel(_("Pertemuan per sesi"), self.slots_chart, scale),
            "alerts": Panel(_("Meja belum lengkap"), self.alert_stack, scale),
            "buyers": Panel(_("Nilai pesanan per pembeli (10 teratas)"), self.buyers_chart, scale),
            "categories": Panel(_("Nilai pesanan per kategori (10 teratas)"), self.categories_chart, scale),
            "pairs": Panel(_("Pasang: diminta vs disanggupi"), self.pairs_chart, scale),
        }
        grid = QGridLayout()
        grid.setSpacing(int(8 * scale))
        for index, panel in enumerate(self.panels.values()):
            grid.addWidget(panel, index // 3, index % 3)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        for row in range(2):
            grid.setRowStretch(row, 1)

        layout = QVBoxLayout(self)
        margin = int(10 * scale)
        layout.setContentsMargins(margin, margin // 2, margin, margin)
        layout.setSpacing(int(8 * scale))
        layout.addLayout(header)
        layout.addLayout(tiles)
        layout.addLayout(grid, 1)
        self.title_label.setText(_("Memuat ringkasan event …"))
        # Until the first figures arrive the charts say "loading", never "no participants yet".
        self._empty_texts = {chart: chart.empty_text for chart in self._charts()}
        for chart in self._charts():
            chart.empty_text = _("Memuat …")
        self.alerts_empty_label.setText(_("Memuat …"))

    def _charts(self) -> list[Chart]:
        return [self.arrivals_chart, self.slots_chart, self.buyers_chart, self.categories_chart, self.pairs_chart]

    def is_loading(self) -> bool:
        return self.figures is None

    # ---- figures -------------------------------------------------------------------------
    def show_figures(self, figures: EventFigures) -> None:
        if self.figures is None:
            for chart, text in self._empty_texts.items():
                chart.empty_text = text
        self.figures = figures
        self.title_label.setText(figures.event_name)
        if figures.is_event_day:
            self.notice_label.hide()
        else:
            self.show_notice(
                _("Event ini bukan hari ini ({date}). Sesi dihitung menurut jam sekarang pada tanggal event.").format(
                    date=formatting.long_date(figures.event_date)
                )
            )
        self._show_tiles(figures)
        self._show_attendance(figures)
        self._show_meetings(figures)
        self._show_orders(figures)
        self._show_alerts(figures)
        self.tick(figures.now)

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.show()

    def _show_tiles(self, f: EventFigures) -> None:
        share = f.present * 100 // f.expected if f.expected else 0
        self.tiles["present"].set(
            f"{formatting.number(f.present)} / {formatting.number(f.expected)}",
            _("{share}% hadir · {arrived} sudah datang").format(share=share, arrived=formatting.number(f.arrived)),
            f"{formatting.number(f.present)}/{formatting.number(f.expected)}",
            f"{compact_count(f.present)}/{compact_count(f.expected)}",
        )
        self.tiles["slot_meetings"].set(*self._meeting_figure(f.current_meetings))
        if f.current_slot is None:
            self.tiles["slot_meetings"].detail_label.setText(_("Tidak ada sesi berjalan"))
        self.tiles["day_meetings"].set(*self._meeting_figure(f.day_meetings))
        orders = f.orders
        self.tiles["orders"].set(
            formatting.number(orders.confirmed_orders),
            _("{orders} pesanan (termasuk LoI) · {ikm} IKM").format(
                orders=formatting.number(orders.orders), ikm=formatting.number(orders.transacting_ikm)
            ),
            compact_count(orders.confirmed_orders),
        )
        self.tiles["value"].set(compact_rupiah(orders.value_rupiah), formatting.rupiah(orders.value_rupiah))
        self.tiles["pairs"].set(
            formatting.number(orders.committed_pairs),
            _("dari {requested} pasang diminta").format(requested=formatting.number(orders.requested_pairs)),
            compact_count(orders.committed_pairs),
        )
        self.tiles["unfulfilled"].set(formatting.number(orders.unfulfilled_pairs), _("pasang belum ada pembuatnya"),
                                      compact_count(orders.unfulfilled_pairs))

    @staticmethod
    def _meeting_figure(counts: MeetingCounts | None) -> tuple[str, ...]:
        if counts is None:
            return "—", ""
        return (
            f"{formatting.number(counts.held)} / {formatting.number(counts.planned)}",
            _("terlaksana · {no_show} tidak hadir · {open} belum").format(
                no_show=formatting.number(counts.no_show), open=formatting.number(counts.open)
            ),
            f"{formatting.number(counts.held)}/{formatting.number(counts.planned)}",
            f"{compact_count(counts.held)}/{compact_count(counts.planned)}",
        )

    def _show_attendance(self, f: EventFigures) -> None:
        chips = []
        for row in f.by_kind:
            try:
                colour = KIND_COLOURS[ParticipantKind(row.kind)]
            except ValueError:
                colour = "#555555"
            chips.append(
                f"<span style='color:{colour}'>■</span>&nbsp;{label(row.kind, ParticipantKind)}&nbsp;"
                f"<b>{formatting.number(row.present)}</b>/{formatting.number(row.expected)}"
            )
        self.kinds_label.setText(" &nbsp; ".join(chips))
        slots = [row.slot for row in f.slots]
        times = [step.at for step in f.arrivals] + [s.start for s in slots[:1]] + [s.end for s in slots[-1:]]
        start = min(times, default=dt.time(8, 0))
        end = max(times + [f.moment.time()], default=dt.time(16, 0))
        start = dt.time(max(start.hour - (1 if start.minute < 30 else 0), 0), 0)
        end = dt.time(min(end.hour + 1, 23), 0) if end.minute or end.second else dt.time(end.hour, 0)
        self.arrivals_chart.set_data([(s.at, s.arrived) for s in f.arrivals], f.expected, (start, end), f.moment.time())

    def _show_meetings(self, f: EventFigures) -> None:
        current = f.current_slot.id if f.current_slot else None
        self.slots_chart.set_rows([
            BarRow(str(row.slot.ordinal), (row.counts.planned, row.counts.held, row.counts.no_show),
                   highlight=row.slot.id == current)
            for row in f.slots
        ])

    def _show_orders(self, f: EventFigures) -> None:
        orders = f.orders
        self.buyers_chart.set_rows(
            [BarRow(row.name, (row.value_rupiah,), compact_rupiah(row.value_rupiah)) for row in orders.top_buyers]
        )
        self.categories_chart.set_rows(
            [BarRow(row.name, (row.value_rupiah,), compact_rupiah(row.value_rupiah)) for row in orders.top_categories]
        )
        self.pairs_chart.set_rows([
            BarRow(row.name, (row.requested_pairs, row.committed_pairs),
                   f"{formatting.number(row.committed_pairs)}/{formatting.number(row.requested_pairs)}")
            for row in orders.top_categories
            if row.requested_pairs or row.committed_pairs
        ])

    def _show_alerts(self, f: EventFigures) -> None:
        panel = self.panels["alerts"]
        if f.focus_slot is None:
            panel.title_label.setText(_("Meja belum lengkap"))
            self.alerts_empty_label.setText(_("Tidak ada sesi lagi hari ini."))
        else:
            panel.title_label.setText(
                _("Meja belum lengkap · {slot} ({count})").format(
                    slot=slot_name(f.focus_slot), count=formatting.number(len(f.table_alerts))
                )
            )
            meetings = f.focus_meetings
            if meetings is None or meetings.planned == 0:
                self.alerts_empty_label.setText(_("Belum ada pertemuan terjadwal di sesi ini."))
            else:
                self.alerts_empty_label.setText(_("Semua tuan rumah dan tamu sudah hadir."))
        self.alert_model.set_rows(f.table_alerts)
        self.alert_stack.setCurrentWidget(self.alert_table if f.table_alerts else self.alerts_empty_label)

    # ---- clock ---------------------------------------------------------------------------
    def tick(self, now: dt.datetime) -> None:
        """Clock and countdown; no database work."""
        self.clock_label.setText(formatting.clock(now))
        figures = self.figures
        if figures is None:
            return
        moment = dt.datetime.combine(figures.event_date, now.time())
        current, upcoming = figures.current_slot, figures.next_slot

        def seconds_until(moment_of_day: dt.time) -> int:
            return int((dt.datetime.combine(figures.event_date, moment_of_day) - moment).total_seconds())

        if current is not None:
            self.slot_label.setText(
                _("{slot} · selesai dalam {left}").format(slot=slot_name(current), left=countdown(seconds_until(current.end)))
            )
        elif upcoming is not None:
            self.slot_label.setText(
                _("{slot} mulai dalam {left}").format(slot=slot_name(upcoming), left=countdown(seconds_until(upcoming.start)))
            )
        elif figures.slots:
            self.slot_label.setText(_("Semua sesi hari ini sudah selesai."))
        else:
            self.slot_label.setText(_("Belum ada sesi."))
        if current is not None and upcoming is not None:
            self.next_label.setText(_("Berikutnya: {slot}").format(slot=slot_name(upcoming)))
        elif current is not None:
            self.next_label.setText(_("Ini sesi terakhir."))
        else:
            self.next_label.setText("")
