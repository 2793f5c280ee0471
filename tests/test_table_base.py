"""The one table-model base: columns declared once answer every role, rows are plain data."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from desktop import i18n
from desktop.i18n import N_
from desktop.views.table_base import ID_ROLE, RIGHT, ROW_ROLE, SORT_ROLE, Column, RowTableModel


@dataclass(frozen=True)
class Thing:
    id: int
    name: str
    amount: int
    gone: bool = False


class ThingModel(RowTableModel[Thing]):
    columns = [
        Column(N_("Nama usaha"), lambda thing: thing.name, key="name",
               tooltip=lambda thing: f"name {thing.name}", foreground=lambda thing: "#123456"),
        Column(lambda: "Jumlah!", lambda thing: str(thing.amount), sort=lambda thing: thing.amount,
               alignment=RIGHT, background=lambda thing: QColor("#abcdef") if thing.amount > 5 else None),
    ]

    def row_foreground(self, row: Thing) -> str | None:
        return "#999999" if row.gone else None

    def row_font(self, row: Thing) -> QFont | None:
        font = QFont()
        font.setStrikeOut(row.gone)
        return font if row.gone else None


ROWS = [Thing(7, "Beta", 10), Thing(3, "alpha", 2, gone=True), Thing(9, "Gamma", 5)]


def _model() -> ThingModel:
    model = ThingModel()
    model.set_rows(ROWS)
    return model


def test_columns_answer_display_sort_alignment_and_headers_follow_the_language(qapp) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert model.data(model.index(0, 0)) == "Beta" and model.data(model.index(0, 1)) == "10"
    assert model.data(model.index(0, 0), SORT_ROLE) == "beta"  # default key: the shown text, lower case
    assert model.data(model.index(0, 1), SORT_ROLE) == 10  # the column's own key
    assert model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole) == int(RIGHT)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Nama usaha"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Jumlah!"  # a callable header is taken as it is
    assert model.headerData(0, Qt.Orientation.Vertical) is None and model.headerData(5, Qt.Orientation.Horizontal) is None
    i18n.set_language("en")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Business name"
    assert model.column_of("name") == 0


def test_row_roles_come_before_the_columns_and_colours_become_qcolors(qapp) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) == QColor("#123456")
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) == QColor("#999999")  # the row wins
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole) == QColor("#abcdef")
    assert model.data(model.index(1, 1), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.FontRole).strikeOut()
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole) is None
    assert model.data(model.index(2, 0), Qt.ItemDataRole.ToolTipRole) == "name Gamma"
    assert model.data(model.index(2, 1), Qt.ItemDataRole.ToolTipRole) is None
    assert model.data(model.index(2, 0), ROW_ROLE) is ROWS[2] and model.data(model.index(2, 0), ID_ROLE) == 9
    assert model.data(QModelIndex()) is None


def test_rows_are_found_by_id_and_sorted_through_a_proxy(qapp) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    assert model.row_of_id(9) == 2 and model.row_of_id(4) is None and model.row_at(1).name == "alpha"
    model.rows().clear()  # a copy: the model keeps its rows
    assert model.rowCount() == 3
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(1)
    assert [proxy.index(i, 0).data() for i in range(3)] == ["alpha", "Gamma", "Beta"]
    proxy.sort(0)
    assert [proxy.index(i, 0).data() for i in range(3)] == ["alpha", "Beta", "Gamma"]


def test_the_base_passes_the_qt_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)
