#!/usr/bin/env bash
# Runs every test. Starts its own PostgreSQL (installed from Debian packages if missing) on a free loopback
# port in a temporary folder, and removes it afterwards. The browser tests' Chromium (Debian) and axe-core (npm)
# are installed when missing.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh
source scripts/browser-tests.sh

pg_ensure_installed
browser_tests_ensure_installed
PG_DIR=$(mktemp -d /tmp/booking-test-pg.XXXXXX)
chmod 755 "$PG_DIR"
cleanup() {
  pg_stop "$PG_DIR"
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
PG_PORT=$(pg_free_port 55433)
pg_start "$PG_DIR" "$PG_PORT"
# Each test fixture creates its own database on this server.
export BOOKING_TEST_POSTGRES="$(pg_connection "$PG_DIR" "$PG_PORT" postgres)"

dotnet build Booking.sln -c Release -v q -nologo
LOG="$PG_DIR/test-output.log"
status=0
# Test projects run one after another (-m:1): each starts its own Orleans silos, and on a 2-core machine they
# would otherwise starve each other. A hung test host fails within 5 minutes and names the test, instead of
# running out the CI clock.
dotnet test Booking.sln -c Release --no-build -m:1 --blame-hang-timeout 5m --blame-hang-dump-type none "$@" 2>&1 | tee "$LOG" || status=$?
# One closing line over every test assembly, e.g. "tests: 92 passed, 0 failed".
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$LOG"
exit $status
