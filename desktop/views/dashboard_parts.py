"""The Dasbor's building blocks: colours, short figures for big tiles, tiles, panels, the table alerts.

Kept apart from :mod:`desktop.views.dashboard_view` (which lays them out and fills them) so each
stays small; the projector window uses the same pieces at a larger ``scale``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop import formatting
from desktop.i18n import N_, _
from desktop.models.reporting.figures import SlotInfo, TableAlert, PartyAtTable
from desktop.views.fit_label import FitLabel
from desktop.views.table_base import Column, RowTableModel

ACCENT = "#1d4e89"
GOOD = "#1f7a4d"
BAD = "#b42318"
PAIR_COLOURS = ("#9db4d3", ACCENT)  # requested (light), committed (dark)

def compact_rupiah(amount: int) -> str:
    """Short enough for a big tile: ``Rp 2,13 M`` (miliar), ``Rp 456 jt`` (juta)."""
    for size, text in ((10**12, N_("Rp {value} T")), (10**9, N_("Rp {value} M")), (10**6, N_("Rp {value} jt"))):
        if abs(amount) >= size:
            value = amount / size
            digits = 2 if abs(value) < 10 else 1 if abs(value) < 100 else 0
            return _(text).format(value=formatting.number(round(value, digits)))
    return formatting.rupiah(amount)


def compact_count(count: int) -> str:
    """A count short enough for a narrow tile: ``3,43 jt``, ``174 rb``; small counts as they are."""
    for size, text in ((10**9, N_("{value} M")), (10**6, N_("{value} jt")), (10**3, N_("{value} rb"))):
        if abs(count) >= size:
            value = count / size
            digits = 2 if abs(value) < 10 else 1 if abs(value) < 100 else 0
            return _(text).format(value=formatting.number(round(value, digits)))
    return formatting.number(count)


def countdown(seconds: int) -> str:
    """``12:05`` or ``1:02:05``."""
    seconds = max(seconds, 0)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def slot_name(slot: SlotInfo) -> str:
    return _("Sesi {number} · {range}").format(
        number=slot.ordinal, range=formatting.time_range(slot.start, slot.end)
    )


class Tile(QFrame):
    """One big figure with a caption above and a detail line below."""

    def __init__(self, caption: str, scale: float, colour: str = ACCENT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setStyleSheet(
            f"#tile {{ background: white; border: 1px solid #d8dee6; border-left: {int(5 * scale)}px solid {colour};"
            " border-radius: 4px; }"
        )
        self.caption_label = QLabel(caption)
        # Shrinks, then shortens, so any figure fits the tile (never "6.720 / 1").
        self.value_label = FitLabel(21 * scale)
        self.value_label.setText("…")
        self.detail_label = QLabel("")
        self.caption_label.setStyleSheet(f"color: #52606d; font-size: {9.5 * scale:.1f}pt;")
        self.value_label.setStyleSheet(f"color: {colour};")
        self.detail_label.setStyleSheet(f"color: #52606d; font-size: {8.5 * scale:.1f}pt;")
        self.detail_label.setWordWrap(True)
        self.caption_label.setWordWrap(True)  # narrow windows: wrap the caption rather than cut it
        layout = QVBoxLayout(self)
        margin = int(8 * scale)
        layout.setContentsMargins(margin + int(4 * scale), margin // 2, margin, margin // 2)
        layout.setSpacing(0)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)

    def set(self, value: str, detail: str = "", *shorter: str) -> None:
        """``value`` and, for narrow tiles, ``shorter`` forms of the same figure (longest first)."""
        self.value_label.set_forms(value, *shorter)
        self.detail_label.setText(detail)


class Panel(QFrame):
    """A titled box around a chart or list."""

    def __init__(self, title: str, body: QWidget, scale: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.setStyleSheet("#panel { background: white; border: 1px solid #d8dee6; border-radius: 4px; }")
        self.title_label = QLabel(title)
        self.title_label.setStyleSheet(f"font-size: {10.5 * scale:.1f}pt; font-weight: bold; color: #1f2933;")
        self.body = body
        layout = QVBoxLayout(self)
        margin = int(6 * scale)
        layout.setContentsMargins(margin + 2, margin, margin + 2, margin)
        layout.setSpacing(int(2 * scale))
        layout.addWidget(self.title_label)
        layout.addWidget(body, 1)


def _party_text(party: PartyAtTable) -> str:
    return f"{'✓' if party.present else '✗'} {party.name}"


def _party_tooltip(party: PartyAtTable) -> str:
    state = _("sudah hadir") if party.present else _("belum hadir")
    return f"{party.code} · {party.name} — {state}"


def _party_colour(party: PartyAtTable) -> str:
    return GOOD if party.present else BAD


class TableAlertModel(RowTableModel[TableAlert]):
    """Tables of the slot in focus whose host or visitor has not checked in."""

    columns = (
        Column(N_("Meja"), lambda row: row.table_label),
        Column(N_("Tuan rumah"), lambda row: _party_text(row.host), tooltip=lambda row: _party_tooltip(row.host),
               foreground=lambda row: _party_colour(row.host)),
        Column(N_("Tamu"), lambda row: _party_text(row.visitor), tooltip=lambda row: _party_tooltip(row.visitor),
               foreground=lambda row: _party_colour(row.visitor)),
    )

    def set_rows(self, rows: object) -> None:
        rows = list(rows)  # type: ignore[call-overload]
        if rows == self.rows():
            return  # nothing moved: keep the view (and its scroll position) still
        super().set_rows(rows)
