"""Who may do what. Enforced in the services, not only by hiding buttons.

The desk role checks people in, undoes, adds walk-ins, captures orders and prints.
Deleting participants, editing the schedule, importing, restoring and changing the
event's settings are for admins.
"""

from __future__ import annotations

from desktop.i18n import _
from desktop.models.access.actor import Actor
from desktop.models.errors import DomainError


class PermissionDenied(DomainError):
    """The acting operator's role does not allow this action."""


def require_admin(actor: Actor, action: str) -> None:
    """Refuse ``action`` (words for the user, e.g. "menghapus peserta") unless ``actor`` is an admin."""
    if not actor.is_admin:
        raise PermissionDenied(
            _("{name} (petugas meja) tidak boleh {action}. Minta admin untuk melakukannya.").format(
                name=actor.name, action=action
            )
        )
