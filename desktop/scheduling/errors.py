"""The one error the scheduler raises: a problem (or schedule) that cannot be used as given.

The engine takes plain data and knows nothing of the domain above it; where the domain calls the
engine it turns this error into its own (``desktop.models.errors.scheduler_errors``).
"""

from __future__ import annotations


class ProblemError(Exception):
    """Bad input; the message (``str(error)``) names the offending item in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
