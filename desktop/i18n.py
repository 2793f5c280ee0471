"""One translation mechanism for the whole program, with or without Qt.

Source strings are written in Bahasa Indonesia, the default language. Other
languages live as gettext ``.po`` catalogs under ``resources/locale/<lang>/LC_MESSAGES``;
every ``.po`` file there is read (one per feature, so features never fight over one
file) and compiled in memory with Babel, so no build step is needed.
"""

from __future__ import annotations

import gettext
import io
import threading
from collections.abc import Callable
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from desktop import RESOURCES_DIR

DEFAULT_LANGUAGE = "id"
SUPPORTED_LANGUAGES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}
LOCALE_DIR = RESOURCES_DIR / "locale"

_lock = threading.Lock()
_language = DEFAULT_LANGUAGE
_translations: gettext.NullTranslations = gettext.NullTranslations()
_listeners: list[Callable[[str], None]] = []


def load_catalog(language: str, locale_dir: Path = LOCALE_DIR) -> gettext.NullTranslations:
    """Merge every ``.po`` file of ``language`` into one translations object."""
    folder = locale_dir / language / "LC_MESSAGES"
    merged: gettext.NullTranslations | None = None
    for po_path in sorted(folder.glob("*.po")):
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        translations = gettext.GNUTranslations(buffer)
        if merged is None:
            merged = translations
        else:
            merged.add_fallback(translations)
    return merged or gettext.NullTranslations()


def set_language(language: str) -> None:
    """Switch the language for every later call of :func:`_`."""
    global _language, _translations
    if language not in SUPPORTED_LANGUAGES:
        language = DEFAULT_LANGUAGE
    translations = (
        gettext.NullTranslations() if language == DEFAULT_LANGUAGE else load_catalog(language)
    )
    with _lock:
        _language = language
        _translations = translations
    for listener in list(_listeners):
        listener(language)


def current_language() -> str:
    return _language


def on_language_changed(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def _(message: str) -> str:
    """Translate ``message`` (written in Bahasa Indonesia) into the current language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translations.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (for constants)."""
    return message
