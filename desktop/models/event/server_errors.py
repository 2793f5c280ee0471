"""What went wrong with the event server, in words for the desk.

libpq reports connection failures as text (the SQLSTATE is only there once the server
answered); the known phrases are matched here, SQLSTATE first where there is one.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy.exc import DBAPIError

from desktop.i18n import _
from desktop.models.errors import DomainError


class ServerProblem(StrEnum):
    SERVER_DOWN = "server_down"  # host reached, nothing listening on the port
    WRONG_PASSWORD = "wrong_password"
    NO_DATABASE = "no_database"
    UNREACHABLE = "unreachable"  # no route, timeout, unknown host name
    NOT_ALLOWED = "not_allowed"  # pg_hba.conf has no line for this laptop
    LOST = "lost"  # the connection broke during work
    OTHER = "other"


class ServerUnavailableError(DomainError):
    """The event server cannot be reached: nothing was saved."""


_SQLSTATES = {
    "28P01": ServerProblem.WRONG_PASSWORD,
    "28000": ServerProblem.NOT_ALLOWED,
    "3D000": ServerProblem.NO_DATABASE,
    "57P01": ServerProblem.LOST,  # admin shutdown
    "57P02": ServerProblem.LOST,
    "57P03": ServerProblem.SERVER_DOWN,  # cannot connect now (starting up / shutting down)
    "08000": ServerProblem.LOST,
    "08003": ServerProblem.LOST,
    "08006": ServerProblem.LOST,
}

_PHRASES = (
    ("password authentication failed", ServerProblem.WRONG_PASSWORD),
    ("no password supplied", ServerProblem.WRONG_PASSWORD),
    ("does not exist", ServerProblem.NO_DATABASE),  # database "x" does not exist (role: see below)
    ("no pg_hba.conf entry", ServerProblem.NOT_ALLOWED),
    ("connection refused", ServerProblem.SERVER_DOWN),
    ("the database system is starting up", ServerProblem.SERVER_DOWN),
    ("the database system is shutting down", ServerProblem.SERVER_DOWN),
    ("no route to host", ServerProblem.UNREACHABLE),
    ("network is unreachable", ServerProblem.UNREACHABLE),
    ("timeout expired", ServerProblem.UNREACHABLE),
    ("timed out", ServerProblem.UNREACHABLE),
    ("could not translate host name", ServerProblem.UNREACHABLE),
    ("name or service not known", ServerProblem.UNREACHABLE),
    ("server closed the connection unexpectedly", ServerProblem.LOST),
    ("terminating connection", ServerProblem.LOST),
    ("connection is lost", ServerProblem.LOST),
    ("connection is closed", ServerProblem.LOST),
    ("consuming input failed", ServerProblem.LOST),
    ("broken pipe", ServerProblem.LOST),
    ("connection reset", ServerProblem.LOST),
    ("ssl syscall error", ServerProblem.LOST),
)


def classify(error: BaseException) -> ServerProblem:
    original = getattr(error, "orig", None) or error
    state = getattr(original, "sqlstate", None)
    if state in _SQLSTATES:
        return _SQLSTATES[state]
    text = str(original).lower()
    if 'role "' in text and "does not exist" in text:
        return ServerProblem.WRONG_PASSWORD  # an unknown user name reads, to the desk, like a wrong login
    for phrase, problem in _PHRASES:
        if phrase in text:
            return problem
    return ServerProblem.OTHER


def is_connection_lost(error: DBAPIError) -> bool:
    """True when the error means "no server" rather than "this statement was wrong"."""
    if getattr(error, "connection_invalidated", False):
        return True
    return classify(error) in {ServerProblem.SERVER_DOWN, ServerProblem.UNREACHABLE, ServerProblem.LOST}


def message_for(problem: ServerProblem, detail: str = "") -> str:
    messages = {
        ServerProblem.SERVER_DOWN: _(
            "Server event tidak menjawab: laptop server menyala, tetapi PostgreSQL di sana tidak berjalan "
            "(atau nomor port salah). Nyalakan layanan PostgreSQL di laptop server lalu coba lagi."
        ),
        ServerProblem.WRONG_PASSWORD: _("Nama pengguna atau kata sandi server salah. Periksa lalu coba lagi."),
        ServerProblem.NO_DATABASE: _(
            "Server menjawab, tetapi basis data event dengan nama itu belum ada. Periksa namanya, "
            "atau siapkan server dengan perintah di README (temudesk server prepare)."
        ),
        ServerProblem.UNREACHABLE: _(
            "Laptop server tidak terjangkau di jaringan. Periksa kabel/Wi-Fi, bahwa kedua laptop di jaringan "
            "yang sama, dan alamat server."
        ),
        ServerProblem.NOT_ALLOWED: _(
            "Server menolak laptop ini (pg_hba.conf belum mengizinkan jaringan aula). Jalankan perintah "
            "persiapan server di README."
        ),
        ServerProblem.LOST: _("Sambungan ke server event terputus."),
    }
    if problem in messages:
        return messages[problem]
    return _("Server event tidak dapat dipakai: {detail}").format(detail=detail)


def describe_server_error(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    detail = str(original).strip().splitlines()[-1] if str(original).strip() else type(original).__name__
    return message_for(classify(error), detail)


def unavailable_during_work(error: BaseException) -> ServerUnavailableError:
    """The server went away while a desk was working: say so, and what to do now."""
    return ServerUnavailableError(
        describe_server_error(error) + "\n" + _(
            "Perubahan ini TIDAK tersimpan. Bila server tidak segera kembali, lanjutkan di berkas darurat "
            "(Berkas → Event di jaringan → Berkas darurat) dan gabungkan check-in-nya nanti."
        )
    )
