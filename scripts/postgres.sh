# PostgreSQL for development and tests: installed from Debian's packages when missing, run as an
# unprivileged user (the server refuses root), listening on loopback only, password authentication.
# Source this file; it defines functions and changes nothing by itself.

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && echo "$dir"
}

pg_ensure_installed() {
  if [ -z "$(pg_bin)" ]; then
    echo "Installing PostgreSQL from Debian packages..."
    # The package's own cluster is not used: stop it from starting where the init system allows.
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  fi
  [ -n "$(pg_bin)" ] || { echo "PostgreSQL could not be installed." >&2; return 1; }
}

# Runs a command as the server's owner: 'postgres' when we are root, ourselves otherwise.
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_free_port() {
  local port=${1:-5433}
  while (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# pg_start DIR PORT: initialise DIR on first use (user 'booking', random password kept in DIR/password),
# then start the server on 127.0.0.1:PORT. Prints nothing on success.
pg_start() {
  local dir=$1 port=$2 bin
  bin=$(pg_bin)
  mkdir -p "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    [ -f "$dir/password" ] || head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$dir/password"
    [ "$(id -u)" = 0 ] && chown -R postgres "$dir"
    pg_as_owner "$bin/initdb" -D "$dir/data" -U booking --pwfile="$dir/password" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; return 1; }
  fi
  # A notification burst writes ~1 GB of WAL per 100 000 messages: with the default 1 GB between checkpoints, each
  # burst forced several, and the full-page images after each one multiplied the WAL and the backends' writes.
  # PG_CLOCK_OFFSET_SECONDS (set by the test command at a simulated instant) shifts the server's clock, so that its
  # now() agrees with the platform's shifted clock: the outbox's leases and reminders are decided by the database.
  # libfaketime is preloaded directly (the faketime wrapper never returns once pg_ctl has daemonised the server), and
  # its setting is cached for good: the server overwrites its environment to show its status in ps.
  local clock=()
  [ -n "${PG_CLOCK_OFFSET_SECONDS:-}" ] && clock=(env LD_PRELOAD="$(dpkg -L libfaketime | grep '/libfaketime.so.1$')"
    FAKETIME="$(printf '%+d' "$PG_CLOCK_OFFSET_SECONDS")s" FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_CACHE_DURATION=31536000)
  pg_as_owner "${clock[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c shared_buffers=512MB -c fsync=on -c max_wal_size=8GB -c checkpoint_timeout=15min" \
    start >/dev/null || { tail -n 20 "$dir/server.log" >&2; return 1; }
}

pg_stop() {
  local dir=$1
  [ -f "$dir/data/postmaster.pid" ] && pg_as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_connection DIR PORT [DATABASE]: an Npgsql connection string.
pg_connection() {
  echo "Host=127.0.0.1;Port=$2;Username=booking;Password=$(cat "$1/password");Database=${3:-booking}"
}

pg_create_database() {
  local dir=$1 port=$2 name=$3
  PGPASSWORD=$(cat "$dir/password") "$(pg_bin)/psql" -h 127.0.0.1 -p "$port" -U booking -d postgres -tAc \
    "select 1 from pg_database where datname = '$name'" | grep -q 1 \
    || PGPASSWORD=$(cat "$dir/password") "$(pg_bin)/createdb" -h 127.0.0.1 -p "$port" -U booking "$name"
}
