# The platform's private certificate authority and the certificates it issues, for encryption in transit on one
# machine (./run.sh, ./test.sh). In production the same roles are filled by the organisation's PKI or the cluster's
# certificate manager. Source this file; it defines functions and changes nothing by itself.
#
# certs_ensure DIR makes, in DIR (mode 0700, keys 0600), each file only when missing or within 30 days of expiry:
#   ca.pem, ca.key              the authority (10 years); every client trusts it, and only it
#   postgres.pem, postgres.key  PostgreSQL's server certificate for 127.0.0.1 and localhost (SSL Mode=VerifyFull)
#   silo.pem, silo.key          every silo: server and client authentication (silos call each other)
#   client.pem, client.key      the Orleans clients (web and admin hosts): client authentication only
#   proxy.pem, proxy.key        HAProxy's certificate for 127.0.0.1 and localhost; proxy-bundle.pem holds both
# Keys are ECDSA P-256. A new authority makes every certificate new.

CERTS_RENEW_SECONDS=$((30 * 86400))

certs_valid() { # FILE: exists and stays valid for the renewal margin
  [ -s "$1" ] && openssl x509 -in "$1" -noout -checkend "$CERTS_RENEW_SECONDS" >/dev/null 2>&1
}

certs_ensure() {
  local dir=$1 name
  if ! command -v openssl >/dev/null; then
    echo "Installing openssl from Debian packages..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null
    command -v openssl >/dev/null || { echo "openssl could not be installed." >&2; return 1; }
  fi
  mkdir -p "$dir" && chmod 700 "$dir"
  if ! certs_valid "$dir/ca.pem" || [ ! -s "$dir/ca.key" ]; then
    rm -f "$dir"/*.pem "$dir"/*.key
    (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/ca.key" 2>/dev/null)
    openssl req -x509 -new -key "$dir/ca.key" -days 3650 -subj "/O=Booking platform/CN=Booking platform local authority" \
      -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      -out "$dir/ca.pem" 2>/dev/null || { echo "The certificate authority could not be made in $dir." >&2; return 1; }
  fi
  certs_issue "$dir" postgres "serverAuth" "DNS:localhost,IP:127.0.0.1"
  certs_issue "$dir" silo "serverAuth,clientAuth" "DNS:booking-silo,IP:127.0.0.1"
  certs_issue "$dir" client "clientAuth" "DNS:booking-client"
  certs_issue "$dir" proxy "serverAuth" "DNS:localhost,IP:127.0.0.1"
  # HAProxy reads a certificate and its key from one file.
  (umask 077 && cat "$dir/proxy.pem" "$dir/proxy.key" >"$dir/proxy-bundle.pem")
}

# certs_issue DIR NAME EXTENDED_KEY_USAGE SUBJECT_ALT_NAMES: NAME.pem and NAME.key, issued by DIR's authority for 397 days.
certs_issue() {
  local dir=$1 name=$2 usage=$3 names=$4
  certs_valid "$dir/$name.pem" && [ -s "$dir/$name.key" ] && return
  (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/$name.key" 2>/dev/null)
  openssl req -new -key "$dir/$name.key" -subj "/O=Booking platform/CN=booking-$name" 2>/dev/null \
    | openssl x509 -req -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 397 -out "$dir/$name.pem" \
        -extfile <(printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=%s\nsubjectAltName=%s\n' "$usage" "$names") 2>/dev/null \
    || { echo "The $name certificate could not be made in $dir." >&2; return 1; }
}
