"""A throw-away PostgreSQL server on 127.0.0.1 for the tests and the benchmarks.

    python tools/pg_throwaway.py start DIR    # prints `export TEMUDESK_TEST_PG_URL=…` lines
    python tools/pg_throwaway.py stop DIR

``start`` finds PostgreSQL's programs (``pg_ctl`` on PATH or Debian's
``/usr/lib/postgresql/N/bin``), installs Debian's ``postgresql`` package when they are missing
and we are root, creates a cluster in ``DIR`` owned by an unprivileged user (PostgreSQL
refuses to run as root), starts it on a free loopback port with a random password and creates
the database ``temudesk_test``. Durability is switched off: this server lives for one test run.
Only the standard library is used, so the script runs before the venv exists.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shlex
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

DATABASE = "temudesk_test"
SUPERUSER = "postgres"
FAST_SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=200")


def log(message: str) -> None:
    print(f"[pg_throwaway] {message}", file=sys.stderr, flush=True)


def bin_dir() -> Path | None:
    """Where ``initdb``/``pg_ctl`` live, newest version first."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).resolve().parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin") + glob.glob("/usr/pgsql-*/bin"),
        key=lambda path: [int(part) for part in "".join(c if c.isdigit() else " " for c in path).split()],
        reverse=True,
    )
    for candidate in candidates:
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    return None


def install() -> None:
    """Debian's package, when we are root on a machine with apt (CI's case)."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        log("PostgreSQL tidak terpasang dan tidak dapat dipasang otomatis (bukan root atau tanpa apt-get).")
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    log("memasang paket Debian 'postgresql' …")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, stdin=subprocess.DEVNULL)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql"],
        check=True, env=env, stdin=subprocess.DEVNULL,
    )


def server_user() -> str | None:
    """``None``: run as ourselves; else the unprivileged user that owns the cluster."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "temudesk-pg"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "temudesk-pg"],
                   check=True)
    return "temudesk-pg"


def as_server_user(user: str | None, command: list[str]) -> list[str]:
    if user is None:
        return command
    if shutil.which("runuser"):
        return ["runuser", "-u", user, "--", *command]
    return ["su", "-s", "/bin/sh", user, "-c", shlex.join(command)]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(run_dir: Path, *, fast: bool = True) -> str:
    """Create and start the cluster; returns the SQLAlchemy URL of the test database."""
    binaries = bin_dir()
    if binaries is None:
        install()
        binaries = bin_dir()
    if binaries is None:
        raise SystemExit("PostgreSQL (initdb, pg_ctl) tidak ditemukan.")
    run_dir.mkdir(parents=True, exist_ok=True)
    user = server_user()
    password = secrets.token_hex(16)
    data = run_dir / "data"
    password_file = run_dir / "password"
    password_file.write_text(password + "\n")
    if user is not None:
        record = pwd.getpwnam(user)
        for path in (run_dir, password_file):
            os.chown(path, record.pw_uid, record.pw_gid)
    os.chmod(run_dir, 0o700)
    subprocess.run(
        as_server_user(user, [
            str(binaries / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=scram-sha-256",
            f"--pwfile={password_file}", "-E", "UTF8", "--locale=C.UTF-8",
        ]),
        check=True, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
    )
    port = free_port()
    options = [f"-c listen_addresses=127.0.0.1", f"-c port={port}", f"-c unix_socket_directories={run_dir}"]
    if fast:
        options += [f"-c {setting}" for setting in FAST_SETTINGS]
    started = subprocess.run(
        as_server_user(user, [
            str(binaries / "pg_ctl"), "-D", str(data), "-l", str(run_dir / "server.log"), "-w", "-t", "60",
            "-o", " ".join(options), "start",
        ]),
        stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
    )
    if started.returncode != 0:
        log_file = run_dir / "server.log"
        if log_file.exists():
            sys.stderr.write(log_file.read_text()[-4000:])
        raise SystemExit("PostgreSQL gagal dijalankan.")
    (run_dir / "bin").write_text(str(binaries))
    (run_dir / "user").write_text(user or "")
    env = dict(os.environ, PGPASSWORD=password)
    for attempt in range(20):
        created = subprocess.run(
            [str(binaries / "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", SUPERUSER, "-d", "postgres",
             "-v", "ON_ERROR_STOP=1", "-q", "-c", f"CREATE DATABASE {DATABASE}"],
            env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        )
        if created.returncode == 0:
            break
        time.sleep(0.25)
    else:
        raise SystemExit(f"Basis data uji tidak dapat dibuat: {created.stderr.strip()}")
    return f"postgresql+psycopg://{SUPERUSER}:{password}@127.0.0.1:{port}/{DATABASE}"


def stop(run_dir: Path) -> None:
    if not (run_dir / "bin").exists():
        shutil.rmtree(run_dir, ignore_errors=True)
        return
    binaries = Path((run_dir / "bin").read_text())
    user = (run_dir / "user").read_text() or None
    subprocess.run(
        as_server_user(user, [str(binaries / "pg_ctl"), "-D", str(run_dir / "data"), "-m", "immediate", "-w", "stop"]),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
    )
    shutil.rmtree(run_dir, ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in {"start", "stop"}:
        print(__doc__, file=sys.stderr)
        return 2
    action, folder = argv
    run_dir = Path(folder).resolve()
    if action == "stop":
        stop(run_dir)
        return 0
    try:
        url = start(run_dir)
    except (SystemExit, subprocess.CalledProcessError, OSError) as error:
        log(f"gagal: {error}")
        stop(run_dir)
        return 1
    print(f"export TEMUDESK_TEST_PG_URL={shlex.quote(url)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
