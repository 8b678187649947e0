# promtool (Prometheus' rule checker), for the test of deploy/prometheus: Debian's prometheus package, without the
# server's recommended extras. Source this file; it defines a function and changes nothing by itself.

promtool_ensure_installed() {
  command -v promtool >/dev/null && return
  echo "Installing promtool (Debian's prometheus package)..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
}
