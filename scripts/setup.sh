#!/usr/bin/env bash
# Installs what building and testing WP Play Partner Desk needs on Debian/Ubuntu, skipping
# whatever is already there: system libraries for Tauri (WebKitGTK), Xvfb, the WebDriver
# for WebKit, D-Bus and gnome-keyring, the packaging tools (rpm, systemd-analyze, nginx
# for the reverse-proxy test), the pinned cargo tools (tauri-driver, the Tauri CLI,
# cargo-deb, cargo-deny; scripts/lib/versions.sh), the API fuzzer (schemathesis, pinned in
# scripts/fuzz/requirements.txt) and the npm packages from the committed lock files.
# Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/versions.sh

packages=(
  build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev
  libayatana-appindicator3-dev librsvg2-dev libsoup-3.0-dev libxdo-dev libdbus-1-dev
  xvfb xauth webkit2gtk-driver dbus dbus-x11 imagemagick gnome-keyring
  at-spi2-core file curl postgresql-client python3-dbus python3-gi python3-xlib poppler-utils
  rpm systemd openssl desktop-file-utils nginx-light python3-venv
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing system packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The UI's toolchain states the Node.js versions it runs on (ui/package.json "engines");
# Vite 6 is kept because Debian 12 and Ubuntu 24.04 offer Node.js 18 from apt.
node_range=$(sed -n 's/.*"node": *"\([^"]*\)".*/\1/p' ui/package.json | head -n1)

. scripts/lib/node-version.sh

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "==> installing Node.js and npm from the distribution (the UI needs Node.js $node_range)"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends nodejs npm
fi
node_version=$(node --version 2>/dev/null || echo "unknown")
if ! [[ "$node_version" =~ ^v[0-9]+\.[0-9]+\.[0-9]+ ]] || ! node_supported "$node_version" "$node_range"; then
  echo "setup: Node.js $node_version at $(command -v node) cannot build the UI, which needs Node.js $node_range (ui/package.json): put a supported node first on PATH (Debian 12 and Ubuntu 24.04: apt-get install nodejs) and run again." >&2
  exit 1
fi
echo "==> Node.js $node_version (the UI needs $node_range)"

# cargo_tool BINARY CRATE VERSION: installs the pinned version unless it is there.
installed_tools=$(cargo install --list 2>/dev/null || true)
cargo_tool() {
  local bin=$1 crate=$2 version=$3
  if [ ! -x "$bin" ] || ! grep -q "^$crate v$version:" <<<"$installed_tools"; then
    echo "==> installing $crate $version (crates.io; a first build takes a few minutes)"
    cargo install "$crate" --version "=$version" --locked --quiet
  fi
}
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
cargo_tool "$cargo_bin/tauri-driver" tauri-driver "$TAURI_DRIVER_VERSION"
cargo_tool "$cargo_bin/cargo-tauri" tauri-cli "$TAURI_CLI_VERSION"
cargo_tool "$cargo_bin/cargo-deb" cargo-deb "$CARGO_DEB_VERSION"
cargo_tool "$cargo_bin/cargo-deny" cargo-deny "$CARGO_DENY_VERSION"

# The API fuzzer (schemathesis from PyPI, versions pinned in scripts/fuzz/requirements.txt).
fuzz_version=$(sed -n 's/^schemathesis==//p' scripts/fuzz/requirements.txt)
if ! .tools/fuzz/bin/schemathesis --version 2>/dev/null | grep -q "version $fuzz_version\$"; then
  echo "==> installing the API fuzzer (schemathesis $fuzz_version, from PyPI)"
  rm -rf .tools/fuzz
  python3 -m venv .tools/fuzz
  .tools/fuzz/bin/pip install --quiet --disable-pip-version-check -r scripts/fuzz/requirements.txt
fi

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "==> installing the UI's npm packages (from ui/package-lock.json)"
  npm --prefix ui ci --no-audit --no-fund --loglevel=error
fi

if [ ! -d scripts/workflow-lint/node_modules ] || [ scripts/workflow-lint/package-lock.json -nt scripts/workflow-lint/node_modules/.package-lock.json ]; then
  echo "==> installing the workflow linter (from scripts/workflow-lint/package-lock.json)"
  npm --prefix scripts/workflow-lint ci --no-audit --no-fund --loglevel=error
fi
