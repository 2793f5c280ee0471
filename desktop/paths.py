"""Where TemuDesk keeps its files (per user, per platform)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from platformdirs import user_data_path, user_log_path

APP_NAME = "TemuDesk"
APP_AUTHOR = "Disperindag"


def data_dir() -> Path:
    path = user_data_path(APP_NAME, APP_AUTHOR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def events_dir() -> Path:
    path = data_dir() / "events"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = user_log_path(APP_NAME, APP_AUTHOR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def new_demo_path() -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = data_dir() / "demo" / f"demo-{stamp}.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    counter = 1
    while path.exists():
        counter += 1
        path = path.with_name(f"demo-{stamp}-{counter}.sqlite")
    return path
