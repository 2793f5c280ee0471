#!/usr/bin/env bash
# The whole test suite on SQLite and PostgreSQL, from a fresh clone:
#   1. a venv with TemuDesk and its test tools,
#   2. a throw-away PostgreSQL server on 127.0.0.1 (Debian's package is installed when missing
#      and we are root), stopped and deleted on exit,
#   3. pytest (extra arguments are passed on),
#   4. on a full run (no arguments): the one-folder package built with PyInstaller and its smoke test
#      (tools/package.py --smoke: the frozen program without Python on PATH, CLI steps and the GUI).
# Without PostgreSQL the SQLite half still runs; without PyInstaller the package is not built (a warning
# says so); under CI (CI=true) either is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
package_tools=yes
if ! .venv/bin/pip install -q -e ".[test,package]"; then
    if [ "${CI:-}" = "true" ]; then
        echo "GAGAL: di CI PyInstaller wajib terpasang (pip install -e \".[test,package]\" gagal)." >&2
        exit 1
    fi
    package_tools=no
    echo "PERINGATAN: PyInstaller tidak dapat dipasang; paket tidak akan dibangun." >&2
    .venv/bin/pip install -q -e ".[test]"
fi

run_dir=$(mktemp -d /tmp/temudesk-pg.XXXXXX)
trap 'python3 tools/pg_throwaway.py stop "$run_dir"' EXIT
if exports=$(python3 tools/pg_throwaway.py start "$run_dir"); then
    eval "$exports"
    echo "PostgreSQL uji berjalan di 127.0.0.1 (TEMUDESK_TEST_PG_URL diisi)."
else
    unset TEMUDESK_TEST_PG_URL
    echo "PERINGATAN: PostgreSQL tidak tersedia; hanya bagian SQLite yang diuji." >&2
fi

status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ -z "${TEMUDESK_TEST_PG_URL:-}" ] && [ "${CI:-}" = "true" ]; then
    echo "GAGAL: di CI PostgreSQL wajib ada, tetapi server uji tidak dapat dijalankan." >&2
    exit 1
fi

# The package: after the suite, only on a full run (a developer's `bash tools/test.sh tests/x.py` is
# told how to build it instead of waiting minutes for it).
if [ "$#" -gt 0 ]; then
    echo "Paket tidak dibangun (argumen pytest diberikan); bangun dan uji: .venv/bin/python tools/package.py --smoke"
elif [ "$package_tools" = yes ]; then
    package_status=0
    .venv/bin/python tools/package.py --smoke || package_status=$?
    if [ "$package_status" -ne 0 ]; then
        if [ "$package_status" -eq 3 ] && [ "${CI:-}" != "true" ]; then
            echo "PERINGATAN: PyInstaller tidak tersedia; paket tidak dibangun dan tidak diuji." >&2
        else
            echo "GAGAL: paket tidak dapat dibangun atau uji asapnya gagal (kode $package_status)." >&2
            status=1
        fi
    fi
else
    echo "PERINGATAN: PyInstaller tidak terpasang; paket tidak dibangun dan tidak diuji." >&2
fi
exit "$status"
