"""The version TemuDesk reports (``temudesk --version``), read from the installed package's metadata
so pyproject.toml stays the one place it is written; the frozen package carries that metadata too."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "temudesk"


def package_version() -> str:
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # a bare checkout run as `python main.py` without `pip install -e .`
        from desktop import __version__

        return f"{__version__} (tidak terpasang)"
