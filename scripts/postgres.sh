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

# Roles. 'postgres', the bootstrap superuser, only creates the other roles and the databases. 'booking_owner' owns the
# schema and runs the migrations. 'booking_app' is what every host connects as: rows only, never the schema, and
# the personal-data access log is add-and-read (Booking.Data's ApplicationRoleGrants). Each role's password is in
# DIR/<role>.password, readable by its owner only.

# pg_new_secret FILE: a random password in FILE unless it has one; owner-only either way.
pg_new_secret() {
  [ -s "$1" ] || (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$1")
  chmod 600 "$1"
}

# pg_start DIR PORT [CERTS]: initialise DIR on first use, then start the server on 127.0.0.1:PORT. With CERTS (a
# folder made by certs_ensure, scripts/certificates.sh) the server takes only TLS connections (pg_tls). Prints nothing
# on success.
pg_start() {
  local dir=$1 port=$2 certs=${3:-} bin aside
  bin=$(pg_bin)
  if [ -f "$dir/data/PG_VERSION" ] && [ ! -f "$dir/postgres.password" ]; then
    # Made by an earlier version whose hosts connected as its superuser: set aside, not deleted.
    aside="$dir.before-roles-$(date +%Y%m%d%H%M%S)"
    echo "Setting $dir aside as $aside (its application role was the superuser); a new database is made." >&2
    pg_stop "$dir"
    mv "$dir" "$aside"
  fi
  mkdir -p "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    pg_new_secret "$dir/postgres.password"
    [ "$(id -u)" = 0 ] && chown -R postgres "$dir"
    pg_as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/postgres.password" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; return 1; }
  fi
  [ -n "$certs" ] && pg_tls "$dir" "$certs"
  # A notification burst writes ~1 GB of WAL per 100 000 messages: with the default 1 GB between checkpoints, each
  # burst forced several, and the full-page images after each one multiplied the WAL and the backends' writes.
  # PG_CLOCK_OFFSET_SECONDS (set by the test command at a simulated instant) shifts the server's clock, so that its
  # now() agrees with the platform's shifted clock: the outbox's leases and reminders are decided by the database.
  # libfaketime is preloaded directly (the faketime wrapper never returns once pg_ctl has daemonised the server), and
  # its setting is cached for good: the server overwrites its environment to show its status in ps.
  # Lock waits past deadlock_timeout and statements over 2 s go to server.log: the evidence when a call times out.
  local clock=()
  [ -n "${PG_CLOCK_OFFSET_SECONDS:-}" ] && clock=(env LD_PRELOAD="$(dpkg -L libfaketime | grep '/libfaketime.so.1$')"
    FAKETIME="$(printf '%+d' "$PG_CLOCK_OFFSET_SECONDS")s" FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_CACHE_DURATION=31536000)
  pg_as_owner "${clock[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c shared_buffers=512MB -c fsync=on -c max_wal_size=8GB -c checkpoint_timeout=15min -c log_lock_waits=on -c log_min_duration_statement=2000" \
    start >/dev/null || { tail -n 20 "$dir/server.log" >&2; return 1; }
  pg_ensure_roles "$dir" "$port"
}

# pg_tls DIR CERTS: TLS 1.2 or later with CERTS' server certificate, and no connection without it (hostssl). The
# certificate and the settings live in the data folder, so a backup restored elsewhere keeps them; the authority is
# copied to DIR/authority.pem, which pg_connection names so that clients verify the server (SSL Mode=VerifyFull).
pg_tls() {
  local dir=$1 certs=$2 data=$1/data
  install -m 600 "$certs/postgres.pem" "$data/server.crt"
  install -m 600 "$certs/postgres.key" "$data/server.key"
  install -m 644 "$certs/ca.pem" "$dir/authority.pem"
  [ "$(id -u)" = 0 ] && chown postgres "$data/server.crt" "$data/server.key"
  sed -i '/^# Booking: TLS$/,$d' "$data/postgresql.conf"
  printf "# Booking: TLS\nssl = on\nssl_min_protocol_version = 'TLSv1.2'\n" >>"$data/postgresql.conf"
  sed -i 's/^host\([[:space:]]\)/hostssl\1/' "$data/pg_hba.conf"
}

pg_stop() {
  local dir=$1
  [ -f "$dir/data/postmaster.pid" ] && pg_as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_psql DIR PORT DATABASE [psql options]: psql as the bootstrap superuser, SQL on standard input.
pg_psql() {
  local dir=$1 port=$2 database=$3
  shift 3
  PGPASSWORD=$(cat "$dir/postgres.password") "$(pg_bin)/psql" -h 127.0.0.1 -p "$port" -U postgres -d "$database" \
    -X -q -t -A -v ON_ERROR_STOP=1 "$@"
}

# pg_ensure_roles DIR PORT: the owner and application roles exist, can log in with their password files, and hold
# no server-wide power (superuser, role or database creation, replication, bypassing row security).
pg_ensure_roles() {
  local dir=$1 port=$2 role
  for role in booking_owner booking_app; do
    pg_new_secret "$dir/$role.password"
    # The password travels in the environment, not on a command line others could read in ps.
    ROLE_PASSWORD=$(cat "$dir/$role.password") pg_psql "$dir" "$port" postgres -v role="$role" >/dev/null <<'SQL'
\getenv password ROLE_PASSWORD
select format('create role %I', :'role') where not exists (select from pg_roles where rolname = :'role') \gexec
select format('alter role %I login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password %L', :'role', :'password') \gexec
SQL
  done
}

# pg_connection DIR PORT ROLE [DATABASE]: an Npgsql connection string; over verified TLS when the server has it.
pg_connection() {
  local tls=''
  [ -f "$1/authority.pem" ] && tls=";SSL Mode=VerifyFull;Root Certificate=$1/authority.pem"
  echo "Host=127.0.0.1;Port=$2;Username=$3;Password=$(cat "$1/$3.password");Database=${4:-booking}$tls"
}

# pg_create_database DIR PORT NAME: NAME exists and belongs to the owner role (so does its public schema).
pg_create_database() {
  pg_psql "$1" "$2" postgres -v name="$3" >/dev/null <<'SQL'
select format('create database %I owner booking_owner', :'name') where not exists (select from pg_database where datname = :'name') \gexec
SQL
}
