# What the OpenAPI lint test needs, installed when missing: Redocly CLI from npm (package-lock.json pins it). Source this file.

openapi_lint_ensure_installed() {
  local project="tests/Booking.Web.FunctionalTests"
  if [ ! -x "$project/node_modules/.bin/redocly" ]; then
    command -v npm >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq npm >/dev/null; }
    echo "Installing Redocly CLI (npm ci)..."
    (cd "$project" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
