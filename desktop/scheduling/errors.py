"""The one error the scheduler raises: a problem (or schedule) that cannot be used as given."""

from __future__ import annotations

from desktop.models.errors import ValidationError


class ProblemError(ValidationError):
    """Bad input; the message names the offending item in the user's language."""
