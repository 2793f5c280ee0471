#!/usr/bin/env bash
# The whole test suite on SQLite and PostgreSQL, from a fresh clone:
#   1. a venv with TemuDesk and its test tools,
#   2. a throw-away PostgreSQL server on 127.0.0.1 (Debian's package is installed when missing
#      and we are root), stopped and deleted on exit,
#   3. pytest (extra arguments are passed on).
# Without PostgreSQL the SQLite half still runs; under CI (CI=true) that is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/pip install -q -e ".[test]"

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
exit "$status"
