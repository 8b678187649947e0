#!/usr/bin/env bash
# The quiet-machine protocol of docs/performance.md, in one command: a fresh platform (./run.sh on a new state folder,
# per-client rate limiting off), a warm-up until the notification worker has sent its e-mails, the stampede at fixed
# arrival rates (load/rate-sweep.sh), the closed stampede beside pgbench, and for the whole platform the search ceiling;
# then the platform stopped and its folder removed. Run it with nothing else on the machine:
#   load/quiet-protocol.sh whole      # the whole platform
#   load/quiet-protocol.sh alone      # the booking path alone: the notification worker stopped (SIGSTOP) throughout
# Environment: RATES (default "100 250 500 1000"), BOOKING_SILOS (run.sh's: several silos on loopback), KEEP_STATE=1
# to keep the state folder and its logs. The warm-up and the closed run book days 15-28
# (scenarios/stampede-later-days.json), the sweep days 1-14, so that each finds free seats to the end.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
[ "$mode" = whole ] || [ "$mode" = alone ] || { echo "usage: $0 whole|alone" >&2; exit 2; }
RATES=${RATES:-100 250 500 1000}
RUNNER=load/Booking.LoadTest/bin/Release/net10.0/Booking.LoadTest.dll
BASE_URL=http://127.0.0.1:5080
DB="Host=127.0.0.1;Port=5433;Username=booking_owner;Database=booking"
LATER_DAYS=load/scenarios/stampede-later-days.json

state=$(mktemp -d /tmp/booking-protocol.XXXXXX)
# Reachable by PostgreSQL's server, so that the database lives in the state folder and goes with it.
chmod 755 "$state"
RateLimiting__Enabled=false BOOKING_STATE_DIR=$state setsid ./run.sh >"$state.log" 2>&1 &
platform=$!
stop_platform() {
  kill -TERM "$platform" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$platform" 2>/dev/null || break; sleep 1; done
  [ "${KEEP_STATE:-0}" = 1 ] && echo "state kept in $state (run.sh's log: $state.log)" || rm -rf "$state" "$state.log"
}
trap stop_platform EXIT
for _ in $(seq 1 600); do
  grep -q "Booking platform is up" "$state.log" 2>/dev/null && break
  kill -0 "$platform" 2>/dev/null || { tail -n 30 "$state.log"; exit 3; }
  sleep 2
done
grep -q "Booking platform is up" "$state.log" || { echo "The platform did not start; see $state.log" >&2; exit 3; }
[ -f "$RUNNER" ] || dotnet build load/Booking.LoadTest -c Release -v q -nologo >/dev/null
# The runs' reports go with the state folder: what matters is printed here.
runner() { dotnet "$RUNNER" --base-url "$BASE_URL" --db "$DB" --state-dir "$state" --out "$state/results" "$@"; }
at() { echo "$(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"; }
echo "== $mode, $(git log --oneline -1 | cut -c1-8), ${BOOKING_SILOS:-1} silo(s): platform up at $(at)"

# The warm-up compiles the hot paths and fills the caches; the worker then sends what it queued.
runner --scenario "$LATER_DAYS" --users 1000 --duration 30 --no-pgbench | grep -E '^\*\*Confirmed' || true
load/worker-quiet.sh "$state" >/dev/null
echo "== warm-up done, the worker quiet at $(at)"
worker=$(cat "$state/pids/notifications.pid")

pause=0
[ "$mode" = alone ] && pause=1
STATE=$state BASE_URL=$BASE_URL DB=$DB PAUSE_WORKER=$pause DURATION=30 RUNNER_ARGS="--out $state/results" \
  load/rate-sweep.sh $RATES

echo "== the closed stampede, 1 000 users for 60 s, beside pgbench, at $(at)"
[ "$mode" = alone ] && kill -STOP "$worker"
runner --scenario "$LATER_DAYS" --users 1000 --duration 60 --pgbench-connections 32 |
  grep -E '^\*\*Confirmed|^\| (availability|hold|confirm) \| [0-9]|over-capacity|acknowledged-but-missing|one-row insert|in this run' || true
[ "$mode" = alone ] && kill -CONT "$worker"

if [ "$mode" = whole ]; then
  # The closed run's e-mails are sent first, so that the ceiling is the search's, not the search's beside the worker's.
  load/worker-quiet.sh "$state" >/dev/null
  echo "== the search ceiling (browse, no think time, 64 users for 30 s) at $(at)"
  runner --scenario load/scenarios/search-ceiling.json --no-pgbench | grep -E '^\| availability \| [0-9]' || true
fi
