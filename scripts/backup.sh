#!/usr/bin/env bash
# Backups of the platform's PostgreSQL with pgBackRest (installed from Debian's packages when missing): continuous WAL
# archiving and full or incremental backups into a repository encrypted with AES-256, a copy of the key file kept apart
# from that repository, and a timed restore drill.
#
#   scripts/backup.sh setup               create the repository and turn WAL archiving on (restarts PostgreSQL once)
#   scripts/backup.sh backup [full|incr]  a backup (incremental by default; the first one is full), then its metrics
#   scripts/backup.sh check               switch to a new WAL segment and wait until it is archived
#   scripts/backup.sh keys                copy the key file to its own backup folder (when it changed)
#   scripts/backup.sh drill [--keep] [--until TIME]
#                                         restore the latest backup and every archived WAL segment into a new folder on a
#                                         new port, run the platform's read checks, print RPO and RTO, then remove it
#                                         (--keep leaves the restored server running: the same steps restore for real;
#                                         --until stops the replay at TIME, e.g. "2026-12-02 09:41:00-05", the moment
#                                         before a bad change: nothing committed after it is restored)
#
# Folders, all in the run command's state folder unless set: BOOKING_STATE_DIR (.local), BOOKING_PG_DIR (STATE/postgres,
# the server's folder as scripts/postgres.sh lays it out), BOOKING_BACKUP_DIR (STATE/backup, the repository),
# BOOKING_BACKUP_PASSPHRASE_FILE (STATE/backup.passphrase), BOOKING_KEY_BACKUP_DIR (STATE/key-backups),
# Booking__DataProtection__KeyFile (STATE/keys.json), BOOKING_METRICS_TEXTFILE_DIR (STATE/metrics).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh

STATE=${BOOKING_STATE_DIR:-$PWD/.local}
PG_DIR=${BOOKING_PG_DIR:-$STATE/postgres}
BACKUP_DIR=${BOOKING_BACKUP_DIR:-$STATE/backup}
PASSPHRASE=${BOOKING_BACKUP_PASSPHRASE_FILE:-$STATE/backup.passphrase}
KEY_FILE=${Booking__DataProtection__KeyFile:-$STATE/keys.json}
KEY_BACKUP_DIR=${BOOKING_KEY_BACKUP_DIR:-$STATE/key-backups}
METRICS_DIR=${BOOKING_METRICS_TEXTFILE_DIR:-$STATE/metrics}
CONFIG=$BACKUP_DIR/pgbackrest.conf
TOOL=src/Booking.Tool/bin/Release/net10.0/Booking.Tool.dll

die() { echo "$*" >&2; exit 1; }

ensure_installed() {
  command -v pgbackrest >/dev/null && command -v jq >/dev/null && return
  echo "Installing pgBackRest and jq from Debian packages..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends pgbackrest jq >/dev/null
}

# The port of the server running on PG_DIR, from its postmaster.pid (4th line); empty when it is not running.
source_port() {
  [ -f "$PG_DIR/data/postmaster.pid" ] && sed -n 4p "$PG_DIR/data/postmaster.pid" || true
}

# pgBackRest runs as the server's owner (it reads the data folder). The repository's passphrase and the superuser's
# password travel in its environment, never on a command line or in its configuration file.
pgbr() {
  pg_as_owner env PGHOST=127.0.0.1 PGPASSWORD="$(cat "$PG_DIR/postgres.password")" \
    PGBACKREST_REPO1_CIPHER_PASS="$(cat "$PASSPHRASE")" pgbackrest --config="$CONFIG" --stanza=booking "$@"
}

# What PostgreSQL runs to archive a WAL segment (and the drill to fetch one): the passphrase is read from its file
# when the command runs.
pgbr_command() {
  echo "PGBACKREST_REPO1_CIPHER_PASS=\"\$(cat $PASSPHRASE)\" pgbackrest --config=$CONFIG --stanza=booking $1"
}

setup() {
  ensure_installed
  local port
  port=$(source_port)
  [ -n "$port" ] || die "PostgreSQL is not running in $PG_DIR (start ./run.sh, or set BOOKING_PG_DIR)."
  pg_as_owner test -x "$(dirname "$BACKUP_DIR")" || die "The server's owner cannot reach $(dirname "$BACKUP_DIR"); set BOOKING_BACKUP_DIR."
  mkdir -p "$BACKUP_DIR"/{repo,log,lock,spool}
  pg_new_secret "$PASSPHRASE"
  [ "$(id -u)" = 0 ] && chown -R postgres "$BACKUP_DIR" "$PASSPHRASE"
  chmod 700 "$BACKUP_DIR"
  # Retention: point-in-time recovery to any moment of the last 16 days (the ministry's 16 daily backups); lz4 keeps
  # compression off the critical path on two cores; start-fast asks for an immediate checkpoint.
  pg_as_owner tee "$CONFIG" >/dev/null <<CONF
[global]
repo1-path=$BACKUP_DIR/repo
repo1-cipher-type=aes-256-cbc
repo1-retention-full-type=time
repo1-retention-full=16
compress-type=lz4
process-max=2
start-fast=y
log-path=$BACKUP_DIR/log
lock-path=$BACKUP_DIR/lock
spool-path=$BACKUP_DIR/spool
log-level-console=warn
log-level-file=info

[booking]
pg1-path=$PG_DIR/data
pg1-user=postgres
CONF
  local was
  was=$(pg_psql "$PG_DIR" "$port" postgres -c "show archive_mode")
  # archive_timeout bounds what a lost server can take with it when writes are rare: a segment is archived at least
  # once a minute, full or not.
  pg_psql "$PG_DIR" "$port" postgres -v cmd="$(pgbr_command "archive-push %p")" >/dev/null <<'SQL'
alter system set archive_mode = on;
alter system set archive_command = :'cmd';
alter system set archive_timeout = '60s';
select pg_reload_conf();
SQL
  if [ "$was" != on ]; then
    echo "Restarting PostgreSQL to turn WAL archiving on..."
    pg_as_owner "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -m fast -w -t 60 restart >/dev/null
  fi
  pgbr --pg1-port="$port" stanza-create
  pgbr --pg1-port="$port" check
  echo "Backups set up: repository $BACKUP_DIR (aes-256-cbc, passphrase in $PASSPHRASE), WAL archived continuously."
}

backup() {
  local type=${1:-incr} port started
  [[ $type == full || $type == incr ]] || die "usage: scripts/backup.sh backup [full|incr]"
  port=$(source_port)
  [ -n "$port" ] || die "PostgreSQL is not running in $PG_DIR."
  started=$(date +%s.%N)
  pgbr --pg1-port="$port" --type="$type" backup
  local last
  last=$(pgbr --output=json info | jq '.[0].backup[-1]')
  jq -r --arg wall "$(elapsed "$started" "$(date +%s.%N)")" '"\(.type) backup \(.label): database \(.info.size / 1048576 | floor) MiB, \(.info.delta / 1048576 | floor) MiB copied, \(.info.repository.delta / 1048576 | floor) MiB in the repository, \($wall) s"' <<<"$last"
  write_backup_metrics
}

# Prometheus textfile (node_exporter's textfile collector reads *.prom): when each type of backup last finished, its
# size in the repository and how long it took. The alert on backup age reads the first.
write_backup_metrics() {
  mkdir -p "$METRICS_DIR"
  pgbr --output=json info | jq -r '
    "# HELP booking_backup_last_success_timestamp_seconds When the last backup of this type finished (Unix time).",
    "# TYPE booking_backup_last_success_timestamp_seconds gauge",
    (.[0].backup | group_by(.type)[] | last | "booking_backup_last_success_timestamp_seconds{type=\"\(.type)\"} \(.timestamp.stop)"),
    "# HELP booking_backup_repository_bytes What the last backup of this type added to the repository (compressed, encrypted).",
    "# TYPE booking_backup_repository_bytes gauge",
    (.[0].backup | group_by(.type)[] | last | "booking_backup_repository_bytes{type=\"\(.type)\"} \(.info.repository.delta)"),
    "# HELP booking_backup_duration_seconds How long the last backup of this type took.",
    "# TYPE booking_backup_duration_seconds gauge",
    (.[0].backup | group_by(.type)[] | last | "booking_backup_duration_seconds{type=\"\(.type)\"} \(.timestamp.stop - .timestamp.start)")
  ' >"$METRICS_DIR/backup.prom.tmp"
  # Renamed into place, so a scrape never reads half a file.
  mv "$METRICS_DIR/backup.prom.tmp" "$METRICS_DIR/backup.prom"
}

check() {
  local port
  port=$(source_port)
  [ -n "$port" ] || die "PostgreSQL is not running in $PG_DIR."
  pgbr --pg1-port="$port" check
  echo "WAL archiving works: the current segment was switched and archived."
}

# The key file is the only thing that opens citizen records and signs passes; it is backed up on its own path so that
# the database's backups are useless to whoever takes them alone (production: the key vault's own backup).
keys() {
  [ -f "$KEY_FILE" ] || die "No key file at $KEY_FILE."
  mkdir -p "$KEY_BACKUP_DIR"
  chmod 700 "$KEY_BACKUP_DIR"
  local newest
  newest=$(ls -1 "$KEY_BACKUP_DIR"/keys-*.json 2>/dev/null | sort | tail -n 1 || true)
  if [ -n "$newest" ] && cmp -s "$KEY_FILE" "$newest"; then
    echo "Key file unchanged since $newest."
    return
  fi
  local copy
  copy="$KEY_BACKUP_DIR/keys-$(date -u +%Y%m%dT%H%M%SZ).json"
  (umask 077 && cp "$KEY_FILE" "$copy")
  echo "Key file copied to $copy."
}

# tool ENV... -- ARGS: Booking.Tool with the given environment (built by the run and test commands; built here otherwise).
tool() {
  [ -f "$TOOL" ] || dotnet build src/Booking.Tool -c Release -v q -nologo >/dev/null
  local env=()
  while [ "$1" != -- ]; do env+=("$1"); shift; done
  shift
  env "${env[@]}" dotnet "$TOOL" "$@"
}

field() { sed -n "s/^$1=//p" <<<"$2"; }

# elapsed FROM TO: seconds between two Unix times, to a tenth.
elapsed() { awk -v from="$1" -v to="$2" 'BEGIN { printf "%.1f", to - from }'; }

drill() {
  local keep="" until=""
  while [ $# -gt 0 ]; do
    case $1 in
      --keep) keep=--keep ;;
      --until) until=${2:?"--until needs a time, e.g. \"2026-12-02 09:41:00-05\""}; shift ;;
      *) die "Unknown drill option: $1" ;;
    esac
    shift
  done
  ensure_installed
  [ -f "$CONFIG" ] || die "No repository: run scripts/backup.sh setup first."
  local go source_port source_bookings="" source_last=""
  go=$(date +%s.%N)
  echo "Restore drill, go at $(date -u -d "@$go" +%Y-%m-%dT%H:%M:%SZ)"
  # What the source has at go, if it is still there: the point the restore should reach.
  source_port=$(source_port)
  if [ -n "$source_port" ]; then
    read -r source_bookings source_last < <(pg_psql "$PG_DIR" "$source_port" booking -F ' ' \
      -c "select count(*), coalesce(extract(epoch from max(created_at))::text, '') from bookings" 2>/dev/null) || true
  fi

  local key_backup
  key_backup=$(ls -1 "$KEY_BACKUP_DIR"/keys-*.json 2>/dev/null | sort | tail -n 1 || true)
  [ -n "$key_backup" ] || die "No key backup in $KEY_BACKUP_DIR: run scripts/backup.sh keys."

  local port
  # Global: the exit trap removes it after this function has returned.
  target=$(mktemp -d "$STATE/restore-drill.XXXXXX")
  mkdir -m 700 "$target/data"
  [ "$(id -u)" = 0 ] && chown -R postgres "$target"
  port=$(pg_free_port 5533)
  [ "$keep" = --keep ] || trap stop_drill_target EXIT

  # The latest backup, then every archived segment after it: to the end of the archive, or with --until to that
  # instant, where the copy is promoted. The copy never archives into the source's repository, and fetches segments
  # with the passphrase from its file.
  local point_in_time=()
  [ -z "$until" ] || point_in_time=(--type=time "--target=$until" --target-action=promote)
  pgbr restore --pg1-path="$target/data" --archive-mode=off "${point_in_time[@]}" \
    --recovery-option="restore_command=$(pgbr_command "--pg1-path=$target/data archive-get %f \"%p\"")"
  local restored
  restored=$(date +%s.%N)
  # Replay refuses fewer connections than the source had (scripts/postgres.sh gives it 300).
  pg_as_owner "$(pg_bin)/pg_ctl" -D "$target/data" -l "$target/server.log" -w -t 3600 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c shared_buffers=128MB" start >/dev/null \
    || { tail -n 20 "$target/server.log" >&2; die "The restored server did not start."; }
  # The server accepts read-only connections as soon as it is consistent; it serves the platform once replay is over.
  # Past the 4 h RTO target, or with the server gone, the drill has failed.
  until [ "$(pg_psql "$PG_DIR" "$port" postgres -c 'select pg_is_in_recovery()' 2>/dev/null)" = f ]; do
    [ -f "$target/data/postmaster.pid" ] || { tail -n 20 "$target/server.log" >&2; die "The restored server stopped during replay."; }
    [ "$(date +%s)" -lt "$(awk -v go="$go" 'BEGIN { printf "%d", go + 4 * 3600 }')" ] || die "WAL replay outlasted the 4 h RTO target."
    sleep 0.2
  done
  local replayed
  replayed=$(date +%s.%N)

  # The roles and their passwords are in the restored database; the application role reads, as every host does.
  local connection with_keys other_keys
  connection=$(pg_connection "$PG_DIR" "$port" booking_app)
  with_keys=$(tool ConnectionStrings__Booking="$connection" Booking__DataProtection__KeyFile="$key_backup" -- check-restore)
  local served
  served=$(date +%s.%N)
  # Any other key file, freshly made: the restored database alone must open nothing.
  local other_key_file="$target/other-keys.json"
  tool -- init-keys "$other_key_file" >/dev/null
  other_keys=$(tool ConnectionStrings__Booking="$connection" Booking__DataProtection__KeyFile="$other_key_file" -- check-restore)

  report "$go" "$restored" "$replayed" "$served" "$source_bookings" "$source_last" "$key_backup" "$with_keys" "$other_keys" "$until"
  if [ "$keep" = --keep ]; then
    echo "Restored server left running on port $port, data in $target/data (stop: pg_ctl -D $target/data stop)."
  fi
  [ "$(field over_capacity_slots "$with_keys")" = 0 ] \
    && [ "$(field citizen_records_opened "$with_keys")" = "$(field citizen_records_sampled "$with_keys")" ] \
    && [ "$(field citizen_records_opened "$other_keys")" = 0 ] \
    || die "The restore drill FAILED its read checks."
  write_drill_metrics "$(elapsed "$go" "$served")"
}

stop_drill_target() {
  pg_as_owner "$(pg_bin)/pg_ctl" -D "$target/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$target"
}

# report GO RESTORED REPLAYED SERVED SOURCE_BOOKINGS SOURCE_LAST KEY_BACKUP WITH_KEYS OTHER_KEYS [UNTIL]
report() {
  local go=$1 restored=$2 replayed=$3 served=$4 source_bookings=$5 source_last=$6 key_backup=$7 with_keys=$8 other_keys=$9
  local until=${10:-} replay_to="to its end"
  [ -z "$until" ] || replay_to="up to $until"
  local bookings last_at last rto rpo="" lost=""
  bookings=$(field bookings "$with_keys")
  last_at=$(field last_booking_at "$with_keys")
  last=$([ -n "$last_at" ] && date -d "$last_at" +%s.%N || echo "")
  rto=$(elapsed "$go" "$served")
  if [ -n "$source_last" ] && [ -n "$last" ] && [ -z "$until" ]; then
    rpo=$(elapsed "$last" "$source_last")
    lost=$((source_bookings - bookings))
  fi
  cat <<REPORT
  backup restored      $(pgbr --output=json info | jq -r '.[0].backup[-1] | "\(.label) (\(.type))"'), then the archived WAL $replay_to
  restore (files)      $(elapsed "$go" "$restored") s
  start + WAL replay   $(elapsed "$restored" "$replayed") s
  read checks          $(elapsed "$replayed" "$served") s
  bookings             $bookings restored$([ -n "$source_bookings" ] && echo ", $source_bookings in the source at go")
  last booking         ${last_at:-none}$([ -n "$last_at" ] && echo " ($(field last_booking_id "$with_keys"))")$([ -n "$source_last" ] && echo ", source at go: $(date -u -d "@$source_last" +%Y-%m-%dT%H:%M:%S.%NZ)")
  over-capacity slots  $(field over_capacity_slots "$with_keys") of $(field slots_checked "$with_keys") booked slots
  citizen records      $(field citizen_records_opened "$with_keys") of $(field citizen_records_sampled "$with_keys") opened with the key backup ($(basename "$key_backup")), $(field citizen_records_opened "$other_keys") with another key file
  RPO                  $(if [ -n "$rpo" ]; then echo "$rpo s, $lost bookings lost"; elif [ -n "$until" ]; then echo "not measured: restored to a chosen instant"; elif [ -z "$source_bookings" ]; then echo "not measured: the source was not reachable at go"; else echo "not measured: no booking in the source or the restored copy"; fi)   (target 4 h)
  RTO                  $rto s from go to serving reads   (target 4 h)
REPORT
}

# write_drill_metrics RTO: when the last drill passed and its RTO, the record of the quarterly drill.
write_drill_metrics() {
  mkdir -p "$METRICS_DIR"
  {
    echo "# HELP booking_restore_drill_last_success_timestamp_seconds When the last restore drill passed (Unix time)."
    echo "# TYPE booking_restore_drill_last_success_timestamp_seconds gauge"
    echo "booking_restore_drill_last_success_timestamp_seconds $(date +%s)"
    echo "# HELP booking_restore_drill_rto_seconds The last drill's time from go to serving reads."
    echo "# TYPE booking_restore_drill_rto_seconds gauge"
    echo "booking_restore_drill_rto_seconds $1"
  } >"$METRICS_DIR/restore-drill.prom.tmp"
  mv "$METRICS_DIR/restore-drill.prom.tmp" "$METRICS_DIR/restore-drill.prom"
}

case "${1:-}" in
  setup) setup ;;
  backup) backup "${2:-incr}" ;;
  check) check ;;
  keys) keys ;;
  drill) drill "${@:2}" ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
