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

from desktop.models.event.database import open_database
from desktop.models.event.demo import create_demo_event

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


class LoopbackProxy:
    """A TCP relay on 127.0.0.1 in front of the test server: ``cut()`` is the server going away.

    Only loopback addresses are involved; every socket is closed on ``cut()`` and ``close()``.
    """

    def __init__(self, target_port: int) -> None:
        import socket
        import threading

        self._socket_module = socket
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self._connections: list[object] = []
        self._lock = threading.Lock()
        self.accepting = True
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        import threading

        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            if not self.accepting:
                client.close()
                continue
            try:
                upstream = self._socket_module.create_connection(("127.0.0.1", self.target_port), timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink) -> None:  # type: ignore[no-untyped-def]
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.close()
                except OSError:
                    pass

    def cut(self) -> None:
        """Refuse new connections and break the open ones."""
        self.accepting = False
        with self._lock:
            for connection in self._connections:
                try:
                    connection.shutdown(self._socket_module.SHUT_RDWR)  # type: ignore[attr-defined]
                    connection.close()  # type: ignore[attr-defined]
                except OSError:
                    pass
            self._connections.clear()

    def restore(self) -> None:
        self.accepting = True

    def close(self) -> None:
        self.cut()
        self.listener.close()
