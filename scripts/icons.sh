#!/usr/bin/env bash
# Regenerates every icon from the two sources in icons/: app-icon.svg (the app, 1024 px)
# and tray.svg (the tray's simpler mark). Needs rsvg-convert (librsvg2-bin) and the Tauri
# CLI (`cargo install tauri-cli`, version in scripts/lib/versions.sh). Commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
rsvg-convert -w 1024 -h 1024 icons/app-icon.svg -o icons/app-icon.png
rsvg-convert -w 64 -h 64 icons/tray.svg -o icons/tray.png
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo tauri icon icons/app-icon.png -o "$out" >/dev/null 2>&1
# The desktop platforms' files only: no Android or iOS app is made.
rm -rf "$out/android" "$out/ios"
cp "$out"/* icons/
# Linux installs PNGs by their size; a 256 px one under its own name (not "@2x").
cp icons/128x128@2x.png icons/256x256.png
ls icons
