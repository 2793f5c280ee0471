"""TemuDesk: an offline desktop application for the day of a business-matching event."""

from pathlib import Path

__version__ = "0.1.0"

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
