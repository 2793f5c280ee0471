"""Copy a whole event between databases (SQLite file ↔ PostgreSQL server), counts verified.

Used to put a prepared event on the hall's server before the day, and to bring it back into
one file afterwards (the archive) or during the day (the emergency file for a desk that lost
the server). Rows keep their ids, so codes, order numbers and check-in nonces stay the same.
The source is read in one consistent snapshot; the target is written in one transaction and
must be empty. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Table, func, insert, select, text, update

from desktop.i18n import _
from desktop.models.event.database import READ_ONLY_OPTION, Database, open_database
from desktop.models.errors import DomainError
from desktop.models.orm import Base

CHUNK = 1_000
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class TableCount:
    table: str
    source: int
    target: int


@dataclass(frozen=True)
class CopyReport:
    source: str
    target: str
    tables: tuple[TableCount, ...]

    @property
    def verified(self) -> bool:
        return all(count.source == count.target for count in self.tables)

    @property
    def rows(self) -> int:
        return sum(count.target for count in self.tables)


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _snapshot(db: Database) -> Connection:
    """A read connection that sees one moment, even while the desks keep writing."""
    if db.is_sqlite:
        return db.engine.connect().execution_options(**{READ_ONLY_OPTION: True})
    return db.engine.connect().execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)


def table_counts(connection: Connection) -> dict[str, int]:
    return {table.name: connection.scalar(select(func.count()).select_from(table)) or 0 for table in _tables()}


def _self_references(table: Table) -> list[str]:
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _copy_table(source: Connection, target: Connection, table: Table) -> None:
    deferred = _self_references(table)  # set after every row exists (a co-fulfilment order points at another)
    keys = list(table.primary_key.columns)
    later: list[dict[str, object]] = []
    batch: list[dict[str, object]] = []
    for row in source.execute(select(table).order_by(*keys)).mappings():
        values = dict(row)
        if deferred and any(values[name] is not None for name in deferred):
            later.append({**{key.name: values[key.name] for key in keys}, **{name: values[name] for name in deferred}})
            values.update({name: None for name in deferred})
        batch.append(values)
        if len(batch) >= CHUNK:
            target.execute(insert(table), batch)
            batch = []
    if batch:
        target.execute(insert(table), batch)
    for values in later:
        condition = [key == values[key.name] for key in keys]
        target.execute(update(table).where(*condition).values({name: values[name] for name in deferred}))


def _reset_sequences(target: Connection) -> None:
    """PostgreSQL hands out ids from sequences: continue after the copied ids."""
    if target.dialect.name != "postgresql":
        return
    for table in _tables():
        keys = list(table.primary_key.columns)
        if len(keys) == 1 and keys[0].autoincrement in (True, "auto") and keys[0].name == "id":
            target.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 1), "
                f"(SELECT COUNT(*) FROM {table.name}) > 0)"
            ))


def copy_event(source: Database, target: Database, progress: Progress | None = None) -> CopyReport:
    """Copy every row of ``source`` into the empty ``target`` and compare the counts."""
    if source.url == target.url:
        raise DomainError(_("Sumber dan tujuan salinan adalah basis data yang sama."))
    tables = _tables()
    with _snapshot(source) as reading, reading.begin():
        source_counts = table_counts(reading)
        if not source_counts["event"]:
            raise DomainError(_("Sumber tidak berisi event; tidak ada yang disalin."))
        with target.engine.connect() as writing, writing.begin():
            if any(table_counts(writing).values()):
                raise DomainError(
                    _("Basis data tujuan sudah berisi data. Salin hanya ke basis data atau berkas yang masih kosong.")
                )
            for number, table in enumerate(tables, start=1):
                if progress is not None:
                    progress(number, len(tables), table.name)
                _copy_table(reading, writing, table)
            _reset_sequences(writing)
            written = table_counts(writing)
            if written != source_counts:  # never commit a partial copy
                raise DomainError(_("Salinan tidak lengkap (jumlah baris berbeda); tidak ada yang disimpan."))
    with target.engine.connect() as checking:  # counted again after the commit, from a new connection
        verified = table_counts(checking)
    return CopyReport(
        source=source.display_name,
        target=target.display_name,
        tables=tuple(TableCount(table.name, source_counts[table.name], verified[table.name]) for table in tables),
    )


def copy_event_to(source: Database, target: str | Path, progress: Progress | None = None) -> CopyReport:
    """Copy into ``target`` (a new SQLite file or a server URL), creating its schema first."""
    if "://" not in str(target) and Path(target).exists():
        raise DomainError(_("Berkas {path} sudah ada. Pilih nama berkas baru.").format(path=target))
    destination = open_database(target)
    try:
        return copy_event(source, destination, progress)
    finally:
        destination.close()
