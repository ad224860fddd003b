#!/usr/bin/env bash
# Desktop benchmarks (not tests; BENCHMARKS.md records the figures): the release binary's
# and installers' sizes, idle memory after sign-in, and launch to the dashboard painted,
# each next to a minimal Tauri 2 app (scripts/bench/minimal) built and measured in the
# same run with the same Tauri version and release profile. About 25 minutes on 2 cores.
#
#   scripts/with-desktop-session.sh --xvfb scripts/bench-desktop.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

echo "==> Partner Desk, release (LTO, one codegen unit, stripped), with its .deb and .rpm"
npm --prefix ui run --silent build
(cd src-tauri && cargo tauri build --bundles deb,rpm)
# The server only answers the app here: its debug build (the test command's) will do.
cargo build -p wpplay-server

echo "==> a minimal Tauri 2 app, same Tauri and profile"
minimal=target/bench-minimal
rm -rf "$minimal"
mkdir -p "$minimal/icons"
cp -r scripts/bench/minimal/. "$minimal/"
mv "$minimal/Cargo.toml.in" "$minimal/Cargo.toml"
cp Cargo.lock "$minimal/"
cp icons/32x32.png icons/icon.png "$minimal/icons/"
CARGO_TARGET_DIR="$PWD/target" cargo build --release --manifest-path "$minimal/Cargo.toml"

app=target/release/wpplay-desktop
base=target/release/bench-minimal
echo "==> sizes (MB)"
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1000000 }'; }
printf '%-44s %8s\n' "Partner Desk binary" "$(mb $app)"
printf '%-44s %8s\n' "minimal Tauri 2 binary" "$(mb $base)"
for f in target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm; do
  printf '%-44s %8s\n' "$(basename "$f" | cut -c1-44)" "$(mb "$f")"
done
echo "==> memory and launch (WebDriver; ${WPPLAY_BENCH_IDLE_SECONDS:-60} s idle)"
/usr/bin/python3 scripts/bench/bench_desktop.py "$PWD/$app" "$PWD/$base" "$PWD/target/debug/wpplay-server"
