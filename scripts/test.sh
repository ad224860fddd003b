#!/usr/bin/env bash
# Runs every test of WP Play Partner Desk: formatting and lints, the UI type check, the
# architecture check, dependency hygiene (cargo deny), domain unit tests, server API tests
# on SQLite and PostgreSQL (with the schemathesis fuzzer over every route), SMTP
# and SMS delivery, the desktop core against the real keychain, and the end-to-end story
# with the real desktop app driven over WebDriver under Xvfb. Fails if the generated
# TypeScript bindings are stale.
set -euo pipefail
cd "$(dirname "$0")/.."

# --long: the sync chaos test runs 2,000 fault schedules instead of 200.
for arg in "$@"; do
  case "$arg" in
    --long) export WPPLAY_CHAOS_RUNS="${WPPLAY_CHAOS_RUNS:-2000}" ;;
    *) echo "unknown option: $arg (only --long)" >&2; exit 2 ;;
  esac
done
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

scripts/setup.sh

# The PostgreSQL suite needs the server at 127.0.0.1:5432; start the machine's cluster if it is down.
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && command -v pg_ctlcluster >/dev/null; then
  echo "==> starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
fi
pg_isready -q -h 127.0.0.1 -p 5432 || echo "*** PostgreSQL is unreachable: the PostgreSQL suite will report itself SKIPPED ***"

echo "==> UI: type check, unit tests (Vitest) and build"
npm --prefix ui run --silent check
npm --prefix ui run --silent test
npm --prefix ui run --silent build

echo "==> formatting and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "==> dependency hygiene (cargo deny: licenses, duplicate and banned crates, sources; deny.toml)"
cargo deny --log-level error check licenses bans sources
if timeout 120 cargo deny --log-level error fetch db >/dev/null 2>&1; then
  cargo deny --log-level error check advisories
else
  echo "*** ADVISORIES SKIPPED: the RustSec advisory database (github.com) cannot be fetched from this machine ***"
fi

echo "==> building the server and the desktop app"
cargo build --quiet -p wpplay-server -p wpplay-desktop-app

echo "==> the desktop app's Linux installers (debug build, .deb and .rpm)"
scripts/release.sh --debug --bundles deb,rpm

echo "==> tests (inside a private D-Bus session with gnome-keyring and Xvfb)"
scripts/with-desktop-session.sh --xvfb cargo test --workspace --no-fail-fast

echo "==> generated TypeScript bindings are up to date"
if [ -n "$(git status --porcelain -- ui/src/lib/backend)" ]; then
  git status --short -- ui/src/lib/backend
  git --no-pager diff -- ui/src/lib/backend | head -50
  echo "The generated bindings in ui/src/lib/backend changed: commit the regenerated files." >&2
  exit 1
fi
echo "==> all tests passed; screenshots of the end-to-end story are in e2e-artifacts/"
