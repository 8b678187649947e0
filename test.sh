#!/usr/bin/env bash
# Runs every test. Starts its own PostgreSQL (installed from Debian packages if missing) on a free loopback
# port in a temporary folder, and removes it afterwards. The browser tests' Chromium (Debian) and axe-core (npm), and
# Redocly CLI (npm) for the OpenAPI lint test, and promtool (Debian) for the alert rules' test, are installed when missing.
#
# BOOKING_TEST_NOW=2027-03-14T01:55:00-05:00 ./test.sh runs the suite as if it started at that instant (any format
# `date -d` reads): every host under test runs on the platform clock shifted to it, and PostgreSQL under faketime
# with the same shift, while time flows as usual. Without it, the suite runs at the real time.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh
source scripts/browser-tests.sh
source scripts/openapi-lint.sh
source scripts/promtool.sh
source scripts/certificates.sh

pg_ensure_installed
browser_tests_ensure_installed
openapi_lint_ensure_installed
promtool_ensure_installed
if [ -n "${BOOKING_TEST_NOW:-}" ]; then
  simulated=$(date -d "$BOOKING_TEST_NOW" +%s) || { echo "BOOKING_TEST_NOW is not a date: $BOOKING_TEST_NOW" >&2; exit 2; }
  command -v faketime >/dev/null || { echo "Installing faketime from Debian packages..."; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null; }
fi

dotnet build Booking.sln -c Release -v q -nologo

PG_DIR=$(mktemp -d /tmp/booking-test-pg.XXXXXX)
chmod 755 "$PG_DIR"
cleanup() {
  pg_stop "$PG_DIR"
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
if [ -n "${BOOKING_TEST_NOW:-}" ]; then
  # Shifted once, after the build, so the tests start at the instant asked for; the database and the tests share it.
  export PG_CLOCK_OFFSET_SECONDS=$((simulated - $(date +%s)))
  export BOOKING_TEST_CLOCK_OFFSET_SECONDS=$PG_CLOCK_OFFSET_SECONDS
  echo "Simulated start: $(TZ=America/Montreal date -d "@$simulated" '+%Y-%m-%d %H:%M:%S %Z (%A)') (clock shifted by ${PG_CLOCK_OFFSET_SECONDS} s)"
fi
PG_PORT=$(pg_free_port 55433)
# As in the run command: TLS connections only, verified against the authority made here (SSL Mode=VerifyFull).
certs_ensure "$PG_DIR/certs"
pg_start "$PG_DIR" "$PG_PORT" "$PG_DIR/certs"
# Each test fixture creates its own database on this server (bootstrap superuser), migrates it as the owner role and
# runs everything else as the application role, as run.sh and production do.
export BOOKING_TEST_POSTGRES="$(pg_connection "$PG_DIR" "$PG_PORT" postgres postgres)"
export BOOKING_TEST_POSTGRES_OWNER="$(pg_connection "$PG_DIR" "$PG_PORT" booking_owner postgres)"
export BOOKING_TEST_POSTGRES_APP="$(pg_connection "$PG_DIR" "$PG_PORT" booking_app postgres)"

LOG="$PG_DIR/test-output.log"
# The hosts the fixtures start log to files here; when a test fails, what explains a timeout is printed below.
export BOOKING_TEST_HOST_LOGS="$PG_DIR/host-logs"
status=0
# Test projects run one after another (-m:1): each starts its own Orleans silos, and on a 2-core machine they
# would otherwise starve each other. A hung test host fails within 5 minutes and names the test, instead of
# running out the CI clock.
dotnet test Booking.sln -c Release --no-build -m:1 --blame-hang-timeout 5m --blame-hang-dump-type none "$@" 2>&1 | tee "$LOG" || status=$?
# One closing line over every test assembly, e.g. "tests: 92 passed, 0 failed".
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$LOG"
if [ "$status" != 0 ]; then
  # A test that failed on a timeout says little by itself: what the silos and PostgreSQL said about slow or stuck
  # work is the evidence, and the folder holding it is removed on exit.
  echo "=== Slow or stuck work reported by the hosts and PostgreSQL during the run (first 40 lines)"
  grep -h -E "did not arrive on time|stuck|Abandoning|stalled|still waiting|duration: [0-9]{4,}" \
    "$BOOKING_TEST_HOST_LOGS"/*.log "$PG_DIR/server.log" 2>/dev/null | cut -c1-400 | head -n 40 || true
fi
exit $status
