# The silos and citizen web hosts of ./run.sh: one of each by default, or several of each on loopback
# (BOOKING_SILOS, BOOKING_WEB_HOSTS), the web hosts then behind HAProxy on the citizen port. Every process is started
# with run.sh's `start NAME COMMAND...` (supervised, logged to STATE/NAME.log), finds its binaries with run.sh's
# `bin` and `out` and its certificates in TLS_DIR (scripts/certificates.sh). Source this file after setting the ports; it defines functions and changes nothing by itself.
#
# Ports, N counting from 1: silo N listens on SILO_PORT+N-1 (silo to silo), GATEWAY_PORT+N-1 (clients) and
# SILO_HTTP_PORT+100·(N-1) (health); among several web hosts, web host N listens on WEB_PORT+100·N and HAProxy on
# WEB_PORT, over HTTPS. Names: "silo" and "web" when there is one, "silo-N" and "web-N" among several.

# cluster_check_counts SILOS WEB_HOSTS: both whole numbers from 1 to 9 (the port scheme above has room for 9).
cluster_check_counts() {
  local count
  for count in "$1" "$2"; do
    [[ "$count" =~ ^[1-9]$ ]] || { echo "BOOKING_SILOS and BOOKING_WEB_HOSTS must be whole numbers from 1 to 9 (got '$count')." >&2; return 1; }
  done
}

# cluster_host_name KIND N COUNT
cluster_host_name() {
  if (( $3 == 1 )); then echo "$1"; else echo "$1-$2"; fi
}

# cluster_start_silos COUNT
cluster_start_silos() {
  local count=$1 n
  for ((n = 1; n <= count; n++)); do
    start "$(cluster_host_name silo "$n" "$count")" env ASPNETCORE_URLS="http://127.0.0.1:$((SILO_HTTP_PORT + 100 * (n - 1)))" \
      Orleans__SiloPort=$((SILO_PORT + n - 1)) Orleans__GatewayPort=$((GATEWAY_PORT + n - 1)) \
      Orleans__Tls__CertificateFile="$TLS_DIR/silo.pem" Orleans__Tls__KeyFile="$TLS_DIR/silo.key" \
      dotnet "$(bin Booking.Silo Booking.Silo)" --contentRoot "$(out Booking.Silo)"
  done
}

# cluster_citizen_url WEB_HOSTS: where citizens reach the site: the one web host over plain HTTP on loopback, or
# HAProxy over HTTPS (the certificate of STATE/tls's authority: curl --cacert STATE/tls/ca.pem).
cluster_citizen_url() {
  if (( $1 == 1 )); then echo "http://127.0.0.1:$WEB_PORT"; else echo "https://127.0.0.1:$WEB_PORT"; fi
}

# cluster_internal_url WEB_HOSTS: where the platform's own parts call the booking API: the one web host, or the first
# of several directly (plain HTTP on loopback, as the proxy does), not through the proxy's HTTPS.
cluster_internal_url() {
  if (( $1 == 1 )); then echo "http://127.0.0.1:$WEB_PORT"; else echo "http://127.0.0.1:$((WEB_PORT + 100))"; fi
}

# cluster_start_web_hosts COUNT: one web host on WEB_PORT, or COUNT behind HAProxy there.
cluster_start_web_hosts() {
  local count=$1 n
  if (( count == 1 )); then
    cluster_start_web_host web "$WEB_PORT"
    return
  fi
  # Behind the proxy, a web host believes the proxy's X-Forwarded-For and -Proto (the citizen's address, HTTPS).
  for ((n = 1; n <= count; n++)); do
    cluster_start_web_host "web-$n" $((WEB_PORT + 100 * n)) RateLimiting__KnownProxies__0=127.0.0.1 \
      AvailabilityFeed__PublicBaseUrl="$(cluster_citizen_url "$count")/"
  done
  cluster_start_proxy "$count"
}

# cluster_start_web_host NAME PORT [SETTING=VALUE...]
cluster_start_web_host() {
  local name=$1 port=$2
  shift 2
  start "$name" env ASPNETCORE_URLS="http://127.0.0.1:$port" "$@" \
    Orleans__Tls__CertificateFile="$TLS_DIR/client.pem" Orleans__Tls__KeyFile="$TLS_DIR/client.key" \
    dotnet "$STATE/web/Booking.Web.dll" --contentRoot "$STATE/web"
}

# cluster_start_proxy COUNT: HAProxy on WEB_PORT (HTTPS) in front of web hosts 1..COUNT, its configuration made from
# deploy/haproxy/citizen-web.cfg.template into STATE/haproxy.cfg.
cluster_start_proxy() {
  local count=$1 n servers=''
  cluster_ensure_proxy_installed
  for ((n = 1; n <= count; n++)); do
    servers+="    server web-$n 127.0.0.1:$((WEB_PORT + 100 * n)) check"$'\n'
  done
  PROXY_PORT=$WEB_PORT PROXY_CERT="$TLS_DIR/proxy-bundle.pem" WEB_SERVERS="$servers" \
    envsubst '$PROXY_PORT $PROXY_CERT $WEB_SERVERS' <deploy/haproxy/citizen-web.cfg.template >"$STATE/haproxy.cfg"
  haproxy -c -q -f "$STATE/haproxy.cfg" || { echo "The HAProxy configuration made in $STATE/haproxy.cfg is not valid." >&2; return 1; }
  start proxy haproxy -db -f "$STATE/haproxy.cfg"
}

# cluster_describe SILOS WEB_HOSTS: for run.sh's banner, where each silo and web host listens; nothing for one of each.
cluster_describe() {
  local silos=$1 web_hosts=$2 n health='' web=''
  (( silos == 1 && web_hosts == 1 )) && return
  for ((n = 1; n <= silos; n++)); do health+=" :$((SILO_HTTP_PORT + 100 * (n - 1)))"; done
  echo "  Cluster              $silos silo(s), health on$health"
  if (( web_hosts > 1 )); then
    for ((n = 1; n <= web_hosts; n++)); do web+=" :$((WEB_PORT + 100 * n))"; done
    echo "                       $web_hosts web hosts on$web, behind HAProxy on :$WEB_PORT, HTTPS (errors and retries in $STATE/proxy.log)"
  fi
}

cluster_ensure_proxy_installed() {
  command -v haproxy >/dev/null && return
  echo "Installing HAProxy from Debian packages..."
  # The package's own service is not used: run.sh starts HAProxy with its own configuration.
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq haproxy >/dev/null
  command -v haproxy >/dev/null || { echo "HAProxy could not be installed." >&2; return 1; }
}
