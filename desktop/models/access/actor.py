"""Who is acting: every service that writes takes an :class:`Actor`."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models.enums import OperatorRole


@dataclass(frozen=True)
class Actor:
    name: str
    role: str = OperatorRole.ADMIN.value
    desk: str = ""

    @property
    def is_admin(self) -> bool:
        return self.role == OperatorRole.ADMIN.value


SYSTEM = Actor(name="sistem", role=OperatorRole.ADMIN.value, desk="")
