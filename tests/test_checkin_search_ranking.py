"""Desk search: every match reachable, the true count, and the best match first."""

from __future__ import annotations

from desktop.models.checkin.checkin import Person
from desktop.models.checkin.checkin_search import SearchIndex


def _person(number: int, code: str, name: str, contact: str = "", phone: str = "") -> Person:
    return Person(id=number, code=code, kind="ikm", business_name=name, contact_person=contact,
                  phone=phone, is_walk_in=False)


def _index() -> SearchIndex:
    people = [_person(n, f"IKM{n:03d}", f"UD Sepatu Makmur {n}", f"Pak Budi {n}", f"0812555{n:04d}")
              for n in range(1, 21)]
    people += [
        _person(30, "IKM030", "CV Abadi", "Bu Sari"),
        _person(31, "IKM031", "Sari Kulit", "Pak Ahmad"),
        _person(32, "BYR007", "Toko Sari Rejeki", "Pak Joko", "081299990000"),
        _person(33, "IKM034", "Zebra Sandal", "Bu Makmur"),
        _person(34, "IKM035", "Aneka Sandal"),
        _person(35, "SUP003", "Sandal Ikm03 Mitra"),
    ]
    return SearchIndex(people, {})


def test_twenty_matches_for_a_common_name_are_all_there_with_the_true_count() -> None:
    matches = _index().find("sepatu makmur")
    assert matches.total == 20 and len(matches.hits) == 20
    assert {hit.person.code for hit in matches.hits} == {f"IKM{n:03d}" for n in range(1, 21)}


def test_code_prefix_finds_every_code_before_names() -> None:
    codes = [hit.person.code for hit in _index().find("ikm03").hits]
    assert codes[:4] == ["IKM030", "IKM031", "IKM034", "IKM035"]  # IKM034/035 are no longer hidden
    assert "SUP003" in codes  # a name word starting with the query comes after the codes


def test_exact_code_first_then_names_starting_then_contacts() -> None:
    index = _index()
    assert index.find("byr007").hits[0].exact_code
    sari = [hit.person.code for hit in index.find("sari").hits]
    assert sari == ["IKM031", "BYR007", "IKM030"]  # name starts, name word, contact
    makmur = [hit.person.code for hit in index.find("makmur").hits]
    assert makmur[-1] == "IKM034" and len(makmur) == 21  # the contact "Bu Makmur" after the names


def test_phone_digits_and_limit() -> None:
    index = _index()
    assert [hit.person.code for hit in index.find("0812 9999").hits] == ["BYR007"]
    assert len(index.search("sepatu", limit=5)) == 5 and index.find("sepatu").total == 20
