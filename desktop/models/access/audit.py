"""Writing the audit trail: one row per change, inside the change's own transaction."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.access.actor import Actor
from desktop.models.orm import AuditLog


def _json(value: dict[str, Any] | None) -> str:
    if not value:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_default)


def _default(value: object) -> str:
    if isinstance(value, (dt.date, dt.time, dt.datetime)):
        return value.isoformat()
    return str(value)


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditLog:
    row = AuditLog(
        operator_name=actor.name,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=_json(before),
        after=_json(after),
    )
    session.add(row)
    return row  # its id (after a flush) names the change, e.g. for an undo


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    operator_name: str
    action: str
    entity: str
    entity_id: int | None
    before: str
    after: str


def list_audit(
    session: Session,
    *,
    operator: str | None = None,
    entity: str | None = None,
    since: dt.datetime | None = None,
    limit: int = 5000,
) -> list[AuditRow]:
    """The newest ``limit`` audit rows, newest first, optionally filtered."""
    query = select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)
    if operator:
        query = query.where(AuditLog.operator_name == operator)
    if entity:
        query = query.where(AuditLog.entity == entity)
    if since:
        query = query.where(AuditLog.at >= since)
    return [
        AuditRow(row.id, row.at, row.operator_name, row.action, row.entity, row.entity_id, row.before, row.after)
        for row in session.scalars(query)
    ]


def write_audit_csv(rows: list[AuditRow], path: str, texts: list[str] | None = None) -> None:
    """Export for the Dinas: UTF-8 with BOM and ``;`` so Excel in Indonesian locale opens it right.

    ``texts`` are the rows in words (``audit_words``); the technical columns stay beside them."""
    import csv

    words = texts if texts is not None else [""] * len(rows)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["id", "waktu", "uraian", "operator", "aksi", "data", "id_data", "sebelum", "sesudah"])
        for row, text in zip(rows, words, strict=True):
            writer.writerow([
                row.id, row.at.isoformat(sep=" "), _safe(text), _safe(row.operator_name), row.action, row.entity,
                row.entity_id if row.entity_id is not None else "", _safe(row.before), _safe(row.after),
            ])


def _safe(text: str) -> str:
    """Neutralise spreadsheet formula injection (``=cmd|…``) in exported text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
