#!/usr/bin/env bash
# Runs the stampede in the open model at each rate given, one after another, against the platform ./run.sh runs, and
# prints per rate: the load average at the start, confirmed bookings/s, drops, p50/p95/p99/max per step, the CPU
# seconds each of the platform's processes spent (from /proc), per request, and what the web host and the silo allocated
# on their managed heaps and paused for their collections (from their /metrics), per request. Hold the machine's benchmark lock:
#   flock -o /tmp/booking-test.lock load/rate-sweep.sh 100 250 500 1000
# Environment: STATE (run.sh's BOOKING_STATE_DIR, default .local), BASE_URL, SILO_URL (the silo's HTTP port), DB (as the runner's --db), DURATION (s,
# default 30), SCENARIO (default stampede), PAUSE_WORKER=1 to stop the notification worker for the sweep (SIGSTOP; the
# booking path alone; otherwise each rate's run is followed by a wait for the worker to send that run's messages, and
# the CPU of that drain is printed too), ALONGSIDE='command' to run that command over and over during each rate's run (e.g. the
# ministry's extract being built: 'dotnet src/Booking.Tool/bin/Release/net10.0/Booking.Tool.dll build-extract --day
# 2026-12-03'), and any further runner arguments in RUNNER_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE=${STATE:-$PWD/.local}
BASE_URL=${BASE_URL:-http://127.0.0.1:5080}
SILO_URL=${SILO_URL:-http://127.0.0.1:5081}
DB=${DB:-Host=127.0.0.1;Port=5433;Username=booking_owner;Database=booking}
DURATION=${DURATION:-30}
SCENARIO=${SCENARIO:-stampede}
RUNNER=load/Booking.LoadTest/bin/Release/net10.0/Booking.LoadTest.dll
[ -f "$RUNNER" ] || dotnet build load/Booking.LoadTest -c Release -v q -nologo >/dev/null
pg_data=$(sed -n 's/^pg_data=//p' "$STATE/platform.state")

# "name pid" of every process of the platform: its hosts, and PostgreSQL's server with its backends.
processes() {
  for f in "$STATE"/pids/*.pid; do echo "$(basename "$f" .pid) $(cat "$f")"; done
  local postmaster; postmaster=$(head -n1 "$pg_data/postmaster.pid")
  echo "postgres $postmaster"
  for p in $(pgrep -P "$postmaster"); do echo "postgres $p"; done
}
# CPU seconds (user + system) per name, summed over its processes.
cpu_seconds() {
  local tick; tick=$(getconf CLK_TCK)
  processes | while read -r name pid; do
    # A backend may end between the listing and the reading: it is skipped, not an error.
    awk -v n="$name" -v t="$tick" '{ sub(/^.*\) /, ""); print n, ($12 + $13) / t }' "/proc/$pid/stat" 2>/dev/null || true
  done | awk '{ s[$1] += $2 } END { for (n in s) printf "%s %.2f\n", n, s[n] }' | sort
}

# "name bytes seconds": the managed heap's bytes allocated and the collections' pause time since each .NET host started.
# Allocation per request is the steadiest of these figures: it does not move with the machine's load as CPU time does.
gc_totals() {
  printf 'web %s\nsilo %s\n' "$BASE_URL" "$SILO_URL" | while read -r name url; do
    curl -fsS "$url/metrics" 2>/dev/null | awk -v n="$name" '
      /^dotnet_gc_heap_total_allocated_bytes_total/ { a = $NF } /^dotnet_gc_pause_time_seconds_total/ { p = $NF }
      END { if (a != "") print n, a, p }' || true
  done
}

worker=$(cat "$STATE/pids/notifications.pid")
if [ "${PAUSE_WORKER:-0}" = 1 ]; then
  kill -STOP "$worker"
  trap 'kill -CONT "$worker"' EXIT
fi

for rate in "$@"; do
  before=$(cpu_seconds)
  gc_before=$(gc_totals)
  out=$(mktemp)
  if [ -n "${ALONGSIDE:-}" ]; then
    # Until the run ends: one line per completed round, with what the command printed last. Its own session, so that
    # the round under way is stopped with it.
    ALONGSIDE="$ALONGSIDE" setsid bash -c 'while :; do start=$(date +%s.%N); last=$(bash -c "$ALONGSIDE" 2>&1 | tail -n1)
        awk -v a="$start" -v b="$(date +%s.%N)" -v l="$last" "BEGIN { printf \"%.1f s: %s\n\", b - a, l }"; done' >"$out.alongside" &
    alongside=$!
  fi
  /usr/bin/time -f "load generator %U %S" -o "$out.time" \
    dotnet "$RUNNER" --scenario "$SCENARIO" --rate "$rate" --duration "$DURATION" --no-pgbench \
      --base-url "$BASE_URL" --db "$DB" --state-dir "$STATE" ${RUNNER_ARGS:-} >"$out" 2>"$out.err" || echo "(runner exit code $?)"
  if [ -n "${ALONGSIDE:-}" ]; then
    kill -- -"$alongside" 2>/dev/null; wait "$alongside" 2>/dev/null || true
  fi
  after=$(cpu_seconds)
  gc_after=$(gc_totals)
  # The worker sends a run's last messages after it: their cost belongs to the run, not to the next rate's.
  drained=''
  if [ "${PAUSE_WORKER:-0}" != 1 ]; then
    waited=$(load/worker-quiet.sh "$STATE")
    drained=$(cpu_seconds)
  fi
  requests=$(awk -F'|' '/^\| \*\*all\*\*/ { gsub(/[* ]/, "", $3); print $3 }' "$out")
  echo "=== rate $rate/s, ${DURATION} s; $(grep -m1 'load average' "$out" | cut -d'|' -f3 | xargs)"
  sed -n '/^| step | requests/,/^$/p; /^| planned/,/^$/p' "$out" | grep -v -E '^\|(-|:)|^$'
  grep -E '^\*\*Confirmed|over-capacity slots|acknowledged-but-missing' "$out"
  sed -n '/^## Answers/,/^A 409/p' "$out" | grep -E '^\| (availability|hold|confirm) ' || true
  echo "CPU s over the run (ms per request, $requests requests):"
  join <(echo "$before") <(echo "$after") | awk -v r="$requests" '{ d = $3 - $2; printf "  %-14s %7.2f s  %6.3f ms\n", $1, d, 1000 * d / r }'
  awk -v r="$requests" '{ d = $3 + $4; printf "  %-14s %7.2f s  %6.3f ms\n", "load-generator", d, 1000 * d / r }' "$out.time"
  if [ -n "$drained" ]; then
    confirmed=$(sed -n 's/^\*\*Confirmed bookings: \([0-9]*\),.*/\1/p' "$out")
    echo "CPU s while the worker sent the run's last messages ($waited s, its quiet 5 s included), and the run's with them per confirmed booking ($confirmed):"
    join <(echo "$before") <(echo "$after") | join - <(echo "$drained") | awk -v c="${confirmed:-0}" '{
      printf "  %-14s %7.2f s  %6.3f ms\n", $1, $4 - $3, (c > 0 ? 1000 * ($4 - $2) / c : 0) }'
  fi
  echo "Managed heap allocated, and GC pauses, over the run (per request):"
  join <(echo "$gc_before") <(echo "$gc_after") | awk -v r="$requests" '{ a = $4 - $2; p = $5 - $3
    printf "  %-14s %8.1f MB  %6.1f KB   pauses %6.2f s  %6.3f ms\n", $1, a / 1e6, a / 1e3 / r, p, 1000 * p / r }'
  if [ -n "${ALONGSIDE:-}" ]; then
    echo "Alongside, $(wc -l <"$out.alongside") rounds completed during the run:"
    sed 's/^/  /' "$out.alongside"
  fi
  grep -m1 "Report saved" "$out.err" || tail -n 5 "$out.err"
  rm -f "$out" "$out.err" "$out.time" "$out.alongside"
done
