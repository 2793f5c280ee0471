"""Errors the domain raises with a message already in the user's language."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class DomainError(Exception):
    """A rule was broken; ``str(error)`` is the message to show the user."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    """Input that cannot be stored as given; ``field`` names the offending field."""

    def __init__(self, message: str, *, field: str | None = None, problems: dict[str, str] | None = None) -> None:
        super().__init__(message, field=field)
        self.problems = problems or ({field: message} if field else {})


class NotFoundError(DomainError):
    pass


class ConflictError(DomainError):
    """Somebody else changed the same thing first."""


class DatabaseOpenError(DomainError):
    pass


@contextmanager
def scheduler_errors() -> Iterator[None]:
    """Around a call into the scheduler: its ``ProblemError`` becomes a :class:`ValidationError`
    with the same message, so the desk and the command line show it as every other refusal."""
    from desktop.scheduling.errors import ProblemError  # not at import: this module loads at start-up

    try:
        yield
    except ProblemError as error:
        raise ValidationError(error.message) from error
