# Keeps a host running: when it exits (crash, kill -9, out of memory) it is reported and started again after a short
# pause, so one host going down never takes the others, or PostgreSQL, with it. Source this file; it defines
# functions and changes nothing by itself.

SUPERVISE_MAX_FAST_EXITS=5 # in a row, each within SUPERVISE_FAST_SECONDS of starting: a crash loop, given up on
SUPERVISE_FAST_SECONDS=60
SUPERVISE_MAX_PAUSE=30     # seconds; the pause doubles from 1 s while the host keeps exiting fast
SUPERVISE_PID_DIR=''       # when set, DIR/NAME.pid holds the process id of the host's current run (faults under load use it)

# supervise NAME LOG COMMAND...: runs COMMAND (output appended to LOG), again and again, until sent TERM or INT
# (Ctrl-C reaches the whole process group), which it passes on to COMMAND as TERM before returning. Run it in the
# background; it returns by itself only after a crash loop.
supervise() {
  local name=$1 log=$2 child='' status started pause=1 fast_exits=0
  shift 2
  trap '[ -n "$child" ] && kill "$child" 2>/dev/null && wait "$child"; exit 0' TERM INT
  while :; do
    started=$SECONDS
    "$@" >>"$log" 2>&1 &
    child=$!
    [ -n "$SUPERVISE_PID_DIR" ] && echo "$child" >"$SUPERVISE_PID_DIR/$name.pid"
    # Quiet: the report below says how it ended, instead of bash's own "Killed" line.
    { wait "$child"; } 2>/dev/null && status=0 || status=$?
    child=''
    [ -n "$SUPERVISE_PID_DIR" ] && rm -f "$SUPERVISE_PID_DIR/$name.pid"
    if (( SECONDS - started < SUPERVISE_FAST_SECONDS )); then
      fast_exits=$((fast_exits + 1))
    else
      fast_exits=1 pause=1
    fi
    if (( fast_exits >= SUPERVISE_MAX_FAST_EXITS )); then
      echo "$(date +%T) $name $(supervise_describe "$status"), $fast_exits times in a row within ${SUPERVISE_FAST_SECONDS}s of starting: not restarted again; see $log" >&2
      return 1
    fi
    echo "$(date +%T) $name $(supervise_describe "$status"); restarting in ${pause}s (log: $log)" >&2
    sleep "$pause" &
    child=$!
    wait "$child" || true
    child=''
    pause=$(( pause * 2 > SUPERVISE_MAX_PAUSE ? SUPERVISE_MAX_PAUSE : pause * 2 ))
  done
}

# supervise_describe STATUS: how a process ended, from its wait status.
supervise_describe() {
  if (( $1 > 128 )); then echo "was killed (SIG$(kill -l $(($1 - 128))))"; else echo "exited with status $1"; fi
}
