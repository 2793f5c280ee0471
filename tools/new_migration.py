"""Write a new Alembic revision from the difference between the ORM and the newest schema.

Usage: python tools/new_migration.py "what changed" 0002
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from desktop.models.event.database import alembic_config, create_db_engine, database_url


def main(message: str, rev_id: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        engine = create_db_engine(database_url(Path(folder) / "schema.sqlite"))
        command.upgrade(alembic_config(engine), "head")
        command.revision(alembic_config(engine), message=message, autogenerate=True, rev_id=rev_id)
        engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
