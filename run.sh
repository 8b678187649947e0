#!/usr/bin/env bash
# Brings up the whole platform on localhost with demo data: PostgreSQL (installed if missing, data in .local/),
# migrations, demo seed, the Orleans silo, the citizen web/API host, the admin host, the notification worker and the
# dev inbox (a local SendGrid/Twilio stub: messages never leave the machine). A host that exits is reported and
# restarted; Ctrl-C stops everything.
#
# BOOKING_SILOS=3 BOOKING_WEB_HOSTS=2 ./run.sh runs several silos and citizen web hosts on loopback, the web hosts
# behind HAProxy (installed if missing) on the citizen port; see scripts/cluster.sh for the ports.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh
source scripts/supervise.sh
source scripts/cluster.sh
source scripts/certificates.sh

WEB_PORT=${WEB_PORT:-5080}
SILO_HTTP_PORT=${SILO_HTTP_PORT:-5081}
ADMIN_PORT=${ADMIN_PORT:-5082}
NOTIFY_PORT=${NOTIFY_PORT:-5083}
INBOX_PORT=${INBOX_PORT:-5090}
SILO_PORT=${SILO_PORT:-11111}
GATEWAY_PORT=${GATEWAY_PORT:-30000}
SILOS=${BOOKING_SILOS:-1}
WEB_HOSTS=${BOOKING_WEB_HOSTS:-1}
cluster_check_counts "$SILOS" "$WEB_HOSTS"
CITIZEN_URL=$(cluster_citizen_url "$WEB_HOSTS")
STATE=${BOOKING_STATE_DIR:-$PWD/.local}
mkdir -p "$STATE"
# The server runs as 'postgres', which must be able to reach its data folder; a state folder it cannot reach (under a
# private home folder, or made by mktemp) has its data in /var/lib instead, named after that state folder, so that a new
# state folder always starts on a new database.
PG_DIR="$STATE/postgres"
if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$STATE"; then
  PG_DIR="/var/lib/booking-dev/$(cd "$STATE" && pwd -P | md5sum | cut -c1-12)"
fi

pids=()
cleanup() {
  echo; echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pg_stop "$PG_DIR"
  rm -rf "$STATE/platform.state" "$STATE/pids"
  echo "Stopped."
}
trap 'exit 130' INT TERM
trap cleanup EXIT

pg_ensure_installed
# Traffic between the platform's parts is encrypted even on loopback, with certificates of the platform's own
# authority in .local/tls (scripts/certificates.sh): PostgreSQL takes TLS connections only, and the hosts verify it.
TLS_DIR="$STATE/tls"
certs_ensure "$TLS_DIR"
PG_PORT=$(pg_free_port 5433)
pg_start "$PG_DIR" "$PG_PORT" "$TLS_DIR"
pg_create_database "$PG_DIR" "$PG_PORT" booking
# Every host connects as the application role; only the migration step gets the schema owner's connection.
export ConnectionStrings__Booking="$(pg_connection "$PG_DIR" "$PG_PORT" booking_app)"
export Booking__DataProtection__KeyFile="$STATE/keys.json"
# Orleans (silo to silo, web host to gateway) over mutual TLS: each side shows a certificate of the same authority.
export Orleans__Tls__AuthorityFile="$TLS_DIR/ca.pem"

echo "Building..."
dotnet build Booking.sln -c Release -v q -nologo >"$STATE/build.log" 2>&1 || { tail -n 30 "$STATE/build.log"; exit 1; }
out() { echo "$PWD/src/$1/bin/Release/net10.0"; }
bin() { echo "$(out "$1")/$2.dll"; }
# The site's static files (CSS, scripts, their compressed variants) are laid out only by a publish, as in production.
dotnet publish src/Booking.Web -c Release --no-build -v q -nologo -o "$STATE/web" >>"$STATE/build.log" 2>&1 || { tail -n 30 "$STATE/build.log"; exit 1; }

dotnet "$(bin Booking.Tool Booking.Tool)" init-keys "$Booking__DataProtection__KeyFile"
ConnectionStrings__BookingMigrations="$(pg_connection "$PG_DIR" "$PG_PORT" booking_owner)" dotnet "$(bin Booking.Tool Booking.Tool)" migrate
dotnet "$(bin Booking.Tool Booking.Tool)" seed-demo | tee "$STATE/seed-demo.txt"
# Each tenant's own data key, so a tenant that leaves can be shredded alone (docs/security-and-privacy.md).
dotnet "$(bin Booking.Tool Booking.Tool)" tenant-keys

# What tools acting on the running platform need (the load runner's --fault kills, stops and restarts its parts):
# each host's current process id in pids/, and where PostgreSQL's data is.
SUPERVISE_PID_DIR="$STATE/pids"
rm -rf "$SUPERVISE_PID_DIR" && mkdir -p "$SUPERVISE_PID_DIR"
cat >"$STATE/platform.state" <<STATE_FILE
# The platform ./run.sh is running (removed when it stops), for the load runner's --fault: key=value lines.
base_url=$CITIZEN_URL
authority=$TLS_DIR/ca.pem
silos=$SILOS
web_hosts=$WEB_HOSTS
pids=$SUPERVISE_PID_DIR
pg_ctl=$(pg_bin)/pg_ctl
pg_data=$PG_DIR/data
pg_log=$PG_DIR/server.log
pg_owner=$(if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi)
STATE_FILE

# Each host gets its output folder as content root, where its appsettings.json is (else it would be this folder).
start() { # name, then the command; logs go to .local/<name>.log, restarts included
  local name=$1; shift
  : >"$STATE/$name.log"
  supervise "$name" "$STATE/$name.log" "$@" &
  pids+=($!)
}
cluster_start_silos "$SILOS"
cluster_start_web_hosts "$WEB_HOSTS"
# The staff site shows platform operators the cluster dashboard (at /operations/cluster), as an Orleans client.
start admin env ASPNETCORE_URLS="http://127.0.0.1:$ADMIN_PORT" Identity__RequireHttps=false ClusterDashboard__Enabled=true \
  StaffSite__Authority="http://127.0.0.1:$ADMIN_PORT/" Identity__StaffSites__0__ClientId=staff-site \
  Identity__StaffSites__0__RedirectUris__0="http://127.0.0.1:$ADMIN_PORT/signin-oidc" \
  Identity__StaffSites__0__RedirectUris__1="http://localhost:$ADMIN_PORT/signin-oidc" \
  Identity__StaffSites__0__PostLogoutRedirectUris__0="http://127.0.0.1:$ADMIN_PORT/signout-callback-oidc" \
  Identity__StaffSites__0__PostLogoutRedirectUris__1="http://localhost:$ADMIN_PORT/signout-callback-oidc" \
  Orleans__Tls__CertificateFile="$TLS_DIR/client.pem" Orleans__Tls__KeyFile="$TLS_DIR/client.key" \
  dotnet "$(bin Booking.Admin Booking.Admin)" --contentRoot "$(out Booking.Admin)"
# The dev inbox stands in for SendGrid and Twilio and calls the worker's webhooks back, signed like they do.
# Its SendGrid signing key is made here, once per run, so the worker's copy of the public key stays right when the
# inbox is restarted (without openssl, the inbox makes its own at each start).
export DevInbox__TwilioAccountSid=ACdev DevInbox__TwilioAuthToken=dev-auth-token
INBOX_SENDGRID_KEY=$(openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 2>/dev/null | openssl pkcs8 -topk8 -nocrypt -outform DER 2>/dev/null | base64 -w0 || true)
start devinbox env ASPNETCORE_URLS="http://127.0.0.1:$INBOX_PORT" DevInbox__SendGridSigningKey="$INBOX_SENDGRID_KEY" \
  DevInbox__SendGridEventWebhookUrl="http://127.0.0.1:$NOTIFY_PORT/webhooks/sendgrid/events" \
  DevInbox__TwilioInboundWebhookUrl="http://127.0.0.1:$NOTIFY_PORT/webhooks/twilio/inbound" dotnet "$(bin Booking.DevInbox Booking.DevInbox)" --contentRoot "$(out Booking.DevInbox)"
for _ in $(seq 1 60); do
  SENDGRID_KEY=$(curl -fsS "http://127.0.0.1:$INBOX_PORT/dev/sendgrid-webhook-public-key" 2>/dev/null) && break
  sleep 0.5
done
start notifications env ASPNETCORE_URLS="http://127.0.0.1:$NOTIFY_PORT" \
  Notifications__SendGrid__ApiKey=SG.dev Notifications__SendGrid__Host="http://127.0.0.1:$INBOX_PORT" \
  Notifications__SendGrid__FromAddress=rendez-vous@sante.example Notifications__SendGrid__WebhookPublicKey="${SENDGRID_KEY:?dev inbox did not start}" \
  Notifications__Twilio__AccountSid=ACdev Notifications__Twilio__AuthToken=dev-auth-token Notifications__Twilio__From=+15145550000 \
  Notifications__Twilio__BaseUrl="http://127.0.0.1:$INBOX_PORT" Notifications__Twilio__PublicBaseUrl="http://127.0.0.1:$NOTIFY_PORT" \
  Booking__Messages__StaffSiteUrl="http://127.0.0.1:$ADMIN_PORT" Notifications__Replies__BookingApiUrl="$(cluster_internal_url "$WEB_HOSTS")" \
  dotnet "$(bin Notifications Notifications)" --contentRoot "$(out Notifications)"

echo "Waiting for the platform to be ready..."
TRY_CA=''
(( WEB_HOSTS > 1 )) && TRY_CA=$TLS_DIR/ca.pem
for _ in $(seq 1 120); do
  if curl -fsS --cacert "$TLS_DIR/ca.pem" "$CITIZEN_URL/health/ready" >/dev/null 2>&1; then
    cluster_lines=$(cluster_describe "$SILOS" "$WEB_HOSTS")
    cat <<MSG

Booking platform is up (logs in $STATE/*.log):
  Citizen site         $CITIZEN_URL/   (French; English with the link at the top)
  Citizen API + docs   $CITIZEN_URL/scalar/v1   (OpenAPI: /openapi/v1.json)
${cluster_lines:+$cluster_lines
}  Silo health          http://127.0.0.1:$SILO_HTTP_PORT/health/ready
  Staff site           http://127.0.0.1:$ADMIN_PORT/   (demo accounts below, one per role; see docs/staff-site.md)
  Cluster dashboard    http://127.0.0.1:$ADMIN_PORT/operations/cluster/   (platform operators only)
  Dev inbox            http://127.0.0.1:$INBOX_PORT/   (every e-mail and SMS sent, with delivery status per booking)
  Notification worker  http://127.0.0.1:$NOTIFY_PORT/health/ready
  PostgreSQL           $(echo "$ConnectionStrings__Booking" | sed 's/Password=[^;]*/Password=***/')  (password in $PG_DIR/booking_app.password)
$(sed -n '/^Demo staff accounts/,$p' "$STATE/seed-demo.txt")
Try:  curl${TRY_CA:+ --cacert $TRY_CA} '$CITIZEN_URL/api/v1/availability?service=COVID19&postalCode=H2X1Y4&days=3'
Press Ctrl-C to stop.
MSG
    # Each supervisor returns only when its host is in a crash loop; the others keep serving meanwhile.
    while [ -n "$(jobs -rp)" ]; do wait -n || true; done
    echo "Every host has stopped; see $STATE/*.log"
    exit 1
  fi
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "A host failed to start; see $STATE/*.log"; exit 1; }; done
  sleep 1
done
echo "The platform did not become ready in 120 s; see $STATE/*.log"
exit 1
