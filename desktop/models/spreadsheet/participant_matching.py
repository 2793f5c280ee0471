"""Which existing participant a row of an updated list is: certain, likely, or none.

Certain: the registration code; else the same business name once legal forms, case,
punctuation and spacing are set aside (``CV. Sinar Jaya`` = ``sinar jaya``) with no detail
against it, or with the phone, contact or kecamatan agreeing. Likely (shown for the admin to
confirm): a name differing by a typing slip (rapidfuzz) with the same phone or contact, the
same phone under a changed name, or the same name with details that differ — taken as the
same by default when one detail differs (a corrected phone in a list with nothing else to
compare), as a new participant when several do. No Qt here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from desktop.i18n import _
from desktop.models.people.participants import ParticipantData, ParticipantRow

_LEGAL_FORMS = re.compile(r"\b(cv|ud|pt|pd|kud|tbk|persero|toko|tk|usaha dagang|perusahaan dagang|kub)\b")
_HONORIFICS = re.compile(r"\b(bapak|bpk|bp|pak|ibu|bu|sdr|sdri|saudara|saudari|h|hj|hajj?i|drs|dra|dr|ir|st|se|"
                         r"mm|msi|mt|amd|spd|sh|mh|mba|mbak|mas)\b")
NAME_TYPO_SCORE = 85  # rapidfuzz ratio (0–100) from which two names differ only by typing
CONTACT_SCORE = 90


def name_key(name: str) -> str:
    """``CV. Sinar Jaya``, ``C.V. SINAR-JAYA`` and ``sinar  jaya`` are the same business; ``&`` reads "dan"."""
    text = (name or "").lower().replace(".", "").replace("&", " dan ").replace("+", " dan ")
    text = re.sub(r"\band\b", "dan", re.sub(r"[^0-9a-z]+", " ", text))  # "Tas & Sepatu" = "Tas dan Sepatu"
    return " ".join(_LEGAL_FORMS.sub(" ", text).split())


def person_key(name: str) -> str:
    """``Bpk. H. Slamet`` and ``slamet`` are the same person."""
    text = re.sub(r"[^a-z]+", " ", (name or "").lower().replace(".", " "))
    return " ".join(_HONORIFICS.sub(" ", text).split())


def place_key(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", (name or "").lower())


@dataclass(frozen=True)
class Match:
    target_id: int | None = None  # certain
    likely_id: int | None = None  # uncertain: shown "mungkin sama dengan …"
    likely_reason: str = ""
    same_by_default: bool = False  # the likely match is taken unless the admin says otherwise
    ambiguous: tuple[int, ...] = ()  # several participants fit equally: the row needs a code


class Matcher:
    def __init__(self, rows: Iterable[ParticipantRow]) -> None:
        self.rows = {row.id: row for row in rows}
        self.by_code = {row.code: row.id for row in self.rows.values()}
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.by_phone: dict[str, list[int]] = defaultdict(list)
        for row in self.rows.values():
            self.by_key[name_key(row.business_name)].append(row.id)
            if row.phone:
                self.by_phone[row.phone].append(row.id)
        self._keys: list[str] | None = None

    def _agreement(self, data: ParticipantData, row: ParticipantRow) -> tuple[list[str], int]:
        """(details that agree, in words; how many details are given on both sides and differ)."""
        agree: list[str] = []
        conflicts = 0
        checks = (
            (data.phone, row.phone, lambda a, b: a == b, _("nomor HP sama")),
            (person_key(data.contact_person), person_key(row.contact_person),
             lambda a, b: a == b or fuzz.token_set_ratio(a, b) >= CONTACT_SCORE, _("kontak sama")),
            (place_key(data.kecamatan), place_key(row.kecamatan), lambda a, b: a == b, _("kecamatan sama")),
        )
        for mine, theirs, same, words in checks:
            if mine and theirs:  # a detail counts only when both sides give it
                if same(mine, theirs):
                    agree.append(words)
                else:
                    conflicts += 1
        return agree, conflicts

    def find(self, data: ParticipantData) -> Match:
        key = name_key(data.business_name)
        exact = self.by_key.get(key, [])
        if exact:
            scored = [(len(agree), conflicts, pid) for pid in exact
                      for agree, conflicts in [self._agreement(data, self.rows[pid])]]
            fitting = [item for item in scored if item[0] >= 1 or item[1] == 0]
            if fitting:
                best = max(item[0] for item in fitting)
                top = [pid for agree, _conflicts, pid in fitting if agree == best]
                if len(top) == 1:
                    return Match(target_id=top[0])
                return Match(ambiguous=tuple(sorted(top, key=lambda pid: self.rows[pid].code)))
            conflicts, pid = min((item[1], item[2]) for item in scored)
            if conflicts == 1:
                # One detail changed and nothing else to compare: a corrected phone, taken as the same.
                return Match(likely_id=pid, likely_reason=_("nama sama, satu keterangan lain"), same_by_default=True)
            return Match(likely_id=pid, likely_reason=_("nama sama, tetapi nomor HP, kontak dan kecamatan lain"))
        return self._likely(data, key)

    def _likely(self, data: ParticipantData, key: str) -> Match:
        if not self.rows or not key:
            return Match()
        if self._keys is None:
            self._keys = list(self.by_key)
        best: Match | None = None
        for other, score, _index in process.extract(key, self._keys, scorer=fuzz.ratio,
                                                    score_cutoff=NAME_TYPO_SCORE, limit=3):
            for pid in self.by_key[other]:
                agree, _conflicts = self._agreement(data, self.rows[pid])
                strong = [word for word in agree if word != _("kecamatan sama")]
                reason = _("nama mirip {score} %").format(score=round(score)) + "".join(f", {word}" for word in agree)
                candidate = Match(likely_id=pid, likely_reason=reason, same_by_default=bool(strong))
                if best is None or (candidate.same_by_default and not best.same_by_default):
                    best = candidate
        if best is not None:
            return best
        same_phone = self.by_phone.get(data.phone, []) if data.phone else []
        if not same_phone:
            return Match()
        pid = same_phone[0]
        # "Sinar Jaya" → "UD Sinar Jaya Abadi" with the same phone is a renamed shop; "Berkah" is not.
        similar = fuzz.token_set_ratio(key, name_key(self.rows[pid].business_name))
        return Match(likely_id=pid, likely_reason=_("nomor HP sama, nama lain"), same_by_default=similar >= 80)
