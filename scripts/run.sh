#!/usr/bin/env bash
# The main job: installs what is missing, builds, starts wpplay-server on its embedded
# SQLite database (127.0.0.1:8750) and opens WP Play Partner Desk connected to it.
# Closing the app stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

scripts/setup.sh
npm --prefix ui run --silent build
cargo build -p wpplay-server -p wpplay-desktop-app

listen="${WPPLAY_LISTEN:-127.0.0.1:8750}"
echo "==> starting wpplay-server on $listen (data: ${WPPLAY_DATA_DIR:-the platform data folder})"
WPPLAY_LISTEN="$listen" target/debug/wpplay-server serve &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://$listen/healthz" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { echo "wpplay-server stopped; see the messages above" >&2; exit 1; }
  sleep 0.2
done
echo "==> opening WP Play Partner Desk (credentials of new partners land in the server's outbox folder:"
echo "    target/debug/wpplay-server outbox list)"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: starting the app on a virtual display (Xvfb)." >&2
  WPPLAY_SERVER_URL="http://$listen" xvfb-run -a -s "-screen 0 1280x800x24" target/debug/wpplay-desktop
else
  WPPLAY_SERVER_URL="http://$listen" target/debug/wpplay-desktop
fi
