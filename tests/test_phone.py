import pytest

from desktop.models.errors import ValidationError
from desktop.models.people.phone import display_phone, normalize_phone


@pytest.mark.parametrize(
    "raw",
    ["0812-3456-7890", "081234567890", "62812 3456 7890", "+62 812 3456 7890", "+62-812-3456-7890", "812-3456-7890"],
)
def test_mobile_numbers_normalise_to_plus62(raw: str) -> None:
    assert normalize_phone(raw) == "+6281234567890"


def test_landline_with_area_code() -> None:
    assert normalize_phone("(0321) 321456") == "+62321321456"


def test_empty_is_allowed() -> None:
    assert normalize_phone("  ") == ""


@pytest.mark.parametrize("raw", ["abc", "12345", "0812", "1-800-FLOWERS", "0812345678901234567"])
def test_garbage_is_refused_with_a_message(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_phone(raw)
    assert info.value.field == "phone"
    assert "telepon" in info.value.message.lower()


def test_display_in_local_form() -> None:
    assert display_phone("+6281234567890") == "0812-3456-7890"
    assert display_phone("+62215475333") == "021-5475333"  # landline: the area code stays whole
    assert display_phone("+62313531234") == "031-3531234"
    assert display_phone("+62321321456") == "0321-321456"
