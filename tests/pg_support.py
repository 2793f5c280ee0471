"""Fresh PostgreSQL databases for tests: one per test, copied from a template in milliseconds.

The session builds two templates once (the migrated empty schema and the demo event); each
test then gets ``CREATE DATABASE … TEMPLATE …`` and the database is dropped afterwards.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from desktop.models.database import open_database
from desktop.models.demo import create_demo_event

_counter = itertools.count(1)


class PgServer:
    def __init__(self, url: str) -> None:
        self.base_url = make_url(url)
        # CREATE/DROP DATABASE cannot run inside a transaction.
        self.admin: Engine = create_engine(self.base_url, isolation_level="AUTOCOMMIT", pool_size=1)
        self.prefix = f"td{os.getpid()}"
        self._templates: dict[str, str] = {}

    def url_of(self, name: str) -> str:
        return self.base_url.set(database=name).render_as_string(hide_password=False)

    def _execute(self, statement: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(statement))

    def create(self, name: str, template: str | None = None) -> str:
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        suffix = f' TEMPLATE "{template}"' if template else ""
        self._execute(f'CREATE DATABASE "{name}"{suffix}')
        return self.url_of(name)

    def drop(self, name: str) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def template(self, kind: str) -> str:
        """The name of the template database for ``empty`` or ``demo`` (built on first use)."""
        if kind not in self._templates:
            name = f"{self.prefix}_tpl_{kind}"
            db = open_database(self.create(name))
            if kind == "demo":
                with db.transaction() as session:
                    create_demo_event(session)
            db.close()  # a template must have no connections when it is copied
            self._templates[kind] = name
        return self._templates[kind]

    @contextmanager
    def database(self, template: str | None) -> Iterator[str]:
        """A fresh database (from the ``empty``/``demo`` template, or blank for ``None``)."""
        name = f"{self.prefix}_t{next(_counter)}"
        url = self.create(name, self.template(template) if template else None)
        try:
            yield url
        finally:
            self.drop(name)

    def close(self) -> None:
        for name in self._templates.values():
            self.drop(name)
        self.admin.dispose()
