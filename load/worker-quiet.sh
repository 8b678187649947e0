#!/usr/bin/env bash
# Waits until the notification worker of the platform ./run.sh runs has sent what it had queued: until it spends less
# than 5 % of a core over 5 s (at most five minutes). Prints the seconds waited, the quiet 5 s included.
#   load/worker-quiet.sh STATE      # run.sh's BOOKING_STATE_DIR
set -euo pipefail
worker=$(cat "$1/pids/notifications.pid")
worker_cpu() { awk -v t="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print ($12 + $13) / t }' "/proc/$worker/stat"; }
start=$SECONDS
for _ in $(seq 1 60); do
  before=$(worker_cpu); sleep 5
  awk -v a="$before" -v b="$(worker_cpu)" 'BEGIN { exit !(b - a < 0.25) }' && break
done
echo $((SECONDS - start))
