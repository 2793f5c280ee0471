"""The baseline: requests in the order given, each in the first slot where it fits."""

from __future__ import annotations

from desktop.scheduling.indexed import Indexed
from desktop.scheduling.timetable import Timetable


def greedy_first_free(ix: Indexed) -> Timetable:
    table = Timetable(ix)
    for r in range(len(ix.request_ids)):
        if table.slot_of[r] != -1 or not table.has_room(r):
            continue
        for s in ix.allowed[r]:
            if table.slot_fits(r, s):
                table.place(r, s)
                break
    return table
