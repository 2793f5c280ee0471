from desktop import i18n
from desktop.i18n import _
from desktop.models.enums import ParticipantKind, label
from desktop.translations_check import missing_translations, placeholder_mismatches


def test_every_visible_string_has_an_english_translation() -> None:
    missing = missing_translations("en")
    assert not missing, "untranslated (run python tools/translations.py):\n" + "\n".join(
        f"{m.location}: {m.msgid}" for m in missing
    )


def test_translations_keep_their_placeholders() -> None:
    assert placeholder_mismatches("en") == []


def test_switching_language_changes_messages_and_labels() -> None:
    assert _("Simpan") == "Simpan"
    assert label(ParticipantKind.BUYER) == "Pembeli"
    i18n.set_language("en")
    assert _("Simpan") == "Save"
    assert label(ParticipantKind.BUYER) == "Buyer"
    i18n.set_language("xx")  # unknown: falls back to Indonesian
    assert i18n.current_language() == "id" and _("Simpan") == "Simpan"
