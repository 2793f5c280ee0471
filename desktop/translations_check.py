"""Find the user-visible strings in the code and compare them with a language's catalog.

Used by the test suite (every string must be translated) and by
``python tools/translations.py`` (list or append what is missing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from desktop.i18n import LOCALE_DIR

SOURCE_DIR = Path(__file__).resolve().parent
PLACEHOLDER = re.compile(r"\{(\w*)\}")


@dataclass(frozen=True)
class Message:
    msgid: str
    plural: str | None
    location: str


def extract_messages(source_dir: Path = SOURCE_DIR) -> dict[str, Message]:
    keywords = dict(DEFAULT_KEYWORDS)
    keywords["N_"] = None
    found: dict[str, Message] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(source_dir), method_map=[("**.py", "python")], keywords=keywords
    ):
        if isinstance(message, tuple):
            msgid, plural = message[0], message[1]
        else:
            msgid, plural = message, None
        if msgid and msgid not in found:
            found[msgid] = Message(msgid, plural, f"desktop/{filename}:{lineno}")
    return found


def catalog_entries(language: str, locale_dir: Path = LOCALE_DIR) -> dict[str, str | tuple[str, ...]]:
    entries: dict[str, str | tuple[str, ...]] = {}
    for po_path in sorted((locale_dir / language / "LC_MESSAGES").glob("*.po")):
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        for message in catalog:
            if not message.id:
                continue
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            entries.setdefault(key, message.string)
    return entries


def missing_translations(language: str) -> list[Message]:
    entries = catalog_entries(language)
    missing = []
    for msgid, message in extract_messages().items():
        value = entries.get(msgid)
        if not value or (isinstance(value, tuple) and not all(value)):
            missing.append(message)
    return missing


def placeholder_mismatches(language: str) -> list[str]:
    """Translations whose ``{name}`` placeholders differ from the source (they would crash ``format``)."""
    problems = []
    for msgid, value in catalog_entries(language).items():
        translations = value if isinstance(value, tuple) else (value,)
        for text in translations:
            if text and set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(msgid)):
                problems.append(f"{msgid!r} → {text!r}")
    return problems
