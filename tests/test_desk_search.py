"""The desk's search rules without a window: what typing finds and what Enter checks in."""

from __future__ import annotations

import datetime as dt

from desktop.models.people import participants
from desktop.models.checkin.checkin_search import SearchIndex
from desktop.models.event.database import Database
from desktop.models.event.live import PresenceChange
from desktop.views.desk_search import DeskSearch


def _search(db: Database) -> tuple[DeskSearch, list[participants.ParticipantRow]]:
    search = DeskSearch()
    with db.read() as session:
        search.index = SearchIndex.load(session)
        people = participants.list_participants(session, kind="ikm")
    return search, people


def test_enter_takes_the_code_the_highlight_or_leaves_it_to_the_database(demo_db: Database) -> None:
    search, people = _search(demo_db)
    person = people[0]
    assert search.typed("") == "" and search.enter_target("  ", 0) is None  # a scanner's second Enter
    assert search.typed(person.code).startswith("1 cocok") and search.is_code(person.code)
    assert search.enter_target(person.code, 0) == person.code  # an exact code checks in as a code
    word = person.business_name.split()[-1]
    hint = search.typed(word)
    assert search.hits and "cocok" in hint
    assert search.enter_target(word, 0) == search.hits[0].person.id  # a name takes the highlighted match
    assert search.name_of(search.hits[0].person.id) == search.hits[0].person.business_name
    unknown = "IKM999"
    assert search.typed(unknown).startswith("Tidak ada yang cocok") and search.enter_target(unknown, 0) == unknown
    assert search.is_code(unknown) and not search.is_code(word)


def test_presence_follows_only_newer_events(demo_db: Database) -> None:
    search, people = _search(demo_db)
    assert search.index is not None
    person, at = people[1], dt.datetime(2020, 3, 5, 9, 0)
    search.presence_mark = 10
    search.follow([PresenceChange(9, person.id, at)])  # already seen: ignored
    assert not search.index.is_present(person.id)
    search.follow([PresenceChange(11, person.id, at)])
    assert search.index.is_present(person.id) and search.presence_mark == 11
    search.follow([PresenceChange(12, person.id, None)])  # undone elsewhere
    assert not search.index.is_present(person.id)
