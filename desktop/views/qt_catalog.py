"""Qt's own words (file and print dialogs, message-box buttons, edit menus) in the user's language.

Qt ships no Indonesian catalogue, so TemuDesk carries one for the Qt strings it shows:
``resources/qt/qtbase_id.ts``, compiled with ``pyside6-lrelease`` to the ``.qm`` next to it
(committed, so a build needs no Qt tools). Other languages use Qt's own catalogues.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QTranslator

from desktop import RESOURCES_DIR

QT_CATALOG_DIR = RESOURCES_DIR / "qt"


def load_qt_catalog(translator: QTranslator, language: str) -> bool:
    """Ours first, then Qt's; False when neither has ``language`` (Qt then speaks English)."""
    if translator.load(f"qtbase_{language}", str(QT_CATALOG_DIR)):
        return True
    return translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
