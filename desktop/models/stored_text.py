"""Text every statement may store: no encoding error at commit because of one broken character."""

from __future__ import annotations

import re

from sqlalchemy import Engine, event

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(value: object, *, drop_nul: bool) -> object:
    """Text a database can store: a lone surrogate (a broken scanner burst, a bad paste) becomes
    U+FFFD instead of an encoding error at commit; NUL is dropped where PostgreSQL cannot hold it."""
    if not isinstance(value, str) or value.isascii() and not (drop_nul and "\x00" in value):
        return value
    value = _LONE_SURROGATE.sub("\ufffd", value)  # a Python str only holds surrogates unpaired
    return value.replace("\x00", "") if drop_nul else value


def clean_parameters(engine: Engine, *, drop_nul: bool) -> None:
    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _clean(_conn, _cursor, statement, parameters, _context, executemany):  # type: ignore[no-untyped-def]
        if isinstance(parameters, dict):
            parameters = {key: storable(value, drop_nul=drop_nul) for key, value in parameters.items()}
        elif isinstance(parameters, tuple):
            parameters = tuple(storable(value, drop_nul=drop_nul) for value in parameters)
        elif executemany and isinstance(parameters, list):
            parameters = [
                {key: storable(value, drop_nul=drop_nul) for key, value in row.items()} if isinstance(row, dict)
                else tuple(storable(value, drop_nul=drop_nul) for value in row) if isinstance(row, tuple) else row
                for row in parameters
            ]
        return statement, parameters
