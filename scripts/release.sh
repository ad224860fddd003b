#!/usr/bin/env bash
# Builds WP Play Partner Desk's installers for the platform this runs on, with the pinned
# Tauri CLI, and collects them with their update signatures in dist/desktop/:
#   Linux: .deb and .rpm (and the server's own .deb); Windows: NSIS .exe and .msi;
#   macOS: .app (as .app.tar.gz for updates) and .dmg.
#
#   scripts/release.sh [--debug] [--bundles deb,rpm,...]
#
# Signing comes only from the environment, never from the repository:
#   TAURI_SIGNING_PRIVATE_KEY, TAURI_SIGNING_PRIVATE_KEY_PASSWORD
#       the updater's minisign key (its public half is in src-tauri/tauri.conf.json);
#       without it no update signatures are made and installed apps cannot update to
#       this build.
#   WPPLAY_WINDOWS_SIGN_COMMAND   a signing command, %1 standing for the file
#   WPPLAY_WINDOWS_CERTIFICATE_THUMBPRINT   or a certificate in the Windows store
#   APPLE_SIGNING_IDENTITY, APPLE_CERTIFICATE, APPLE_CERTIFICATE_PASSWORD
#       macOS code signing (read by the Tauri CLI)
#   APPLE_ID + APPLE_PASSWORD + APPLE_TEAM_ID, or APPLE_API_KEY + APPLE_API_ISSUER +
#   APPLE_API_KEY_PATH: notarisation (read by the Tauri CLI)
# Without them the installers are built unsigned, and the script says which.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/versions.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

profile=release
bundles=""
while [ $# -gt 0 ]; do
  case "$1" in
    --debug) profile=debug ;;
    --bundles) bundles="${2:?--bundles needs a list, e.g. deb,rpm}"; shift ;;
    *) echo "usage: scripts/release.sh [--debug] [--bundles deb,rpm,...]" >&2; exit 2 ;;
  esac
  shift
done

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  MINGW* | MSYS* | CYGWIN*) os=windows ;;
  *) echo "release.sh: unsupported system $(uname -s)" >&2; exit 2 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x86_64 ;;
  arm64 | aarch64) arch=aarch64 ;;
  *) arch=$(uname -m) ;;
esac

if ! cargo tauri --version 2>/dev/null | grep -qx "tauri-cli $TAURI_CLI_VERSION"; then
  echo "==> installing the Tauri CLI $TAURI_CLI_VERSION (crates.io)"
  cargo install tauri-cli --version "=$TAURI_CLI_VERSION" --locked --quiet
fi

echo "==> building the UI"
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  npm --prefix ui ci --no-audit --no-fund --loglevel=error
fi
npm --prefix ui run --silent build

# The signing parts of the configuration, from the environment only.
overlay_dir=$(mktemp -d)
trap 'rm -rf "$overlay_dir"' EXIT
overlay="$overlay_dir/signing.json"
unsigned=()
node -e '
  const env = process.env;
  const bundle = {};
  if (env.TAURI_SIGNING_PRIVATE_KEY) bundle.createUpdaterArtifacts = true;
  const windows = {};
  if (env.WPPLAY_WINDOWS_SIGN_COMMAND) windows.signCommand = env.WPPLAY_WINDOWS_SIGN_COMMAND;
  if (env.WPPLAY_WINDOWS_CERTIFICATE_THUMBPRINT) {
    windows.certificateThumbprint = env.WPPLAY_WINDOWS_CERTIFICATE_THUMBPRINT;
    windows.timestampUrl = env.WPPLAY_WINDOWS_TIMESTAMP_URL || "http://timestamp.digicert.com";
  }
  if (Object.keys(windows).length) bundle.windows = windows;
  process.stdout.write(JSON.stringify({ bundle }));
' > "$overlay"
[ -z "${TAURI_SIGNING_PRIVATE_KEY:-}" ] && unsigned+=("update signatures (TAURI_SIGNING_PRIVATE_KEY)")
if [ "$os" = windows ] && [ -z "${WPPLAY_WINDOWS_SIGN_COMMAND:-}${WPPLAY_WINDOWS_CERTIFICATE_THUMBPRINT:-}" ]; then
  unsigned+=("Windows code signing (WPPLAY_WINDOWS_SIGN_COMMAND or WPPLAY_WINDOWS_CERTIFICATE_THUMBPRINT)")
fi
if [ "$os" = darwin ]; then
  [ -z "${APPLE_SIGNING_IDENTITY:-}" ] && unsigned+=("macOS code signing (APPLE_SIGNING_IDENTITY)")
  [ -z "${APPLE_ID:-}${APPLE_API_KEY:-}" ] && unsigned+=("macOS notarisation (APPLE_ID or APPLE_API_KEY)")
fi

args=(build --config "$overlay")
[ "$profile" = debug ] && args+=(--debug)
[ -n "$bundles" ] && args+=(--bundles "$bundles")
echo "==> cargo tauri ${args[*]}"
(cd src-tauri && cargo tauri "${args[@]}")

version=$(node -p 'require("./src-tauri/tauri.conf.json").version')
out="dist/desktop/$version"
rm -rf "$out"
mkdir -p "$out"
bundle_dir="target/$profile/bundle"
# collect FILE TARGET: the installer and its update signature, under a stable name.
collect() {
  local file=$1 target=$2 ext=${1##*.}
  case "$file" in *.tar.gz) ext=tar.gz ;; esac
  local name="WP-Play-Partner-Desk_${version}_${target}.${ext}"
  cp "$file" "$out/$name"
  [ -f "$file.sig" ] && cp "$file.sig" "$out/$name.sig"
  echo "    $out/$name${unsigned_note:-}"
}
shopt -s nullglob
echo "==> installers in $out"
for f in "$bundle_dir"/deb/*.deb; do collect "$f" "$os-$arch-deb"; done
for f in "$bundle_dir"/rpm/*.rpm; do collect "$f" "$os-$arch-rpm"; done
for f in "$bundle_dir"/appimage/*.AppImage; do collect "$f" "$os-$arch-appimage"; done
for f in "$bundle_dir"/nsis/*.exe; do collect "$f" "$os-$arch-nsis"; done
for f in "$bundle_dir"/msi/*.msi; do collect "$f" "$os-$arch-msi"; done
for f in "$bundle_dir"/macos/*.app.tar.gz; do collect "$f" "$os-$arch-app"; done
for f in "$bundle_dir"/dmg/*.dmg; do collect "$f" "$os-$arch-dmg"; done

if [ "$os" = linux ] && [ "$profile" = release ] && [ -z "$bundles" ]; then
  if ! cargo deb --version 2>/dev/null | grep -q "$CARGO_DEB_VERSION"; then
    cargo install cargo-deb --version "=$CARGO_DEB_VERSION" --locked --quiet
  fi
  echo "==> the server's Debian package"
  cargo deb -p wpplay-server -o "dist/server/$version/"
fi

(cd "$out" && sha256sum -- * > SHA256SUMS 2>/dev/null || shasum -a 256 -- * > SHA256SUMS)
if [ ${#unsigned[@]} -gt 0 ]; then
  echo "*** UNSIGNED: built without ${unsigned[*]}; see the top of scripts/release.sh ***"
fi
echo "==> register each installer with the update server, e.g.:"
echo "    wpplay-server releases add $out/WP-Play-Partner-Desk_${version}_$os-$arch-deb.deb --version $version --target $os-$arch-deb --signature $out/WP-Play-Partner-Desk_${version}_$os-$arch-deb.deb.sig"
