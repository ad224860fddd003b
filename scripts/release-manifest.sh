#!/usr/bin/env bash
# Prints the updater manifest of a release (Tauri's static JSON: version, pub_date and,
# per target, the signature and the download URL) from dist/desktop/VERSION/:
#
#   scripts/release-manifest.sh VERSION BASE_URL > latest.json
#
# An operator's own wpplay-server serves updates instead: register each installer with
# `wpplay-server releases add FILE --version V --target T --signature FILE.sig`.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: release-manifest.sh VERSION BASE_URL}
base=${2:?usage: release-manifest.sh VERSION BASE_URL}
dir="dist/desktop/$version"
[ -d "$dir" ] || { echo "release-manifest: no $dir" >&2; exit 1; }
node -e '
  const fs = require("node:fs");
  const path = require("node:path");
  const [dir, version, base] = process.argv.slice(1);
  const platforms = {};
  for (const file of fs.readdirSync(dir).sort()) {
    const m = /^WP-Play-Partner-Desk_[^_]+_([a-z0-9_]+-[a-z0-9_]+-[a-z]+)\.(deb|rpm|AppImage|exe|msi|tar\.gz)$/.exec(file);
    if (!m || !fs.existsSync(path.join(dir, file + ".sig"))) continue;
    platforms[m[1]] = {
      signature: fs.readFileSync(path.join(dir, file + ".sig"), "utf8").trim(),
      url: `${base}/${encodeURIComponent(file)}`,
    };
  }
  process.stdout.write(JSON.stringify({ version, notes: `WP Play Partner Desk ${version}`, pub_date: new Date().toISOString(), platforms }, null, 2) + "\n");
' "$dir" "$version" "$base"
