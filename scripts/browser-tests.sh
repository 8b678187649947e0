# What the browser tests need, installed when missing: Debian's Chromium (Playwright drives /usr/bin/chromium and
# never downloads a browser) and axe-core from npm (package-lock.json pins it). Source this file.

browser_tests_ensure_installed() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Chromium from Debian packages..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  fi
  [ -x /usr/bin/chromium ] || { echo "Chromium could not be installed." >&2; return 1; }
  local project="tests/Booking.Web.BrowserTests"
  if [ ! -d "$project/node_modules/axe-core" ]; then
    command -v npm >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq npm >/dev/null; }
    echo "Installing axe-core (npm ci)..."
    (cd "$project" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
