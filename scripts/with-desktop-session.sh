#!/usr/bin/env bash
# Runs a command inside a private desktop session: its own D-Bus session bus, an unlocked
# gnome-keyring (the Secret Service the OS keychain uses on Linux) and, with --xvfb, a
# virtual X display. Tests of the keychain and of the real desktop app run inside it.
#
#   scripts/with-desktop-session.sh [--xvfb] COMMAND [ARGS...]
set -euo pipefail

xvfb=0
if [ "${1:-}" = "--xvfb" ]; then xvfb=1; shift; fi

if [ -z "${WPPLAY_IN_DESKTOP_SESSION:-}" ]; then
  export WPPLAY_IN_DESKTOP_SESSION=1
  # A throwaway home keeps the keyring's files out of the real one.
  export WPPLAY_REAL_HOME="$HOME"
  HOME=$(mktemp -d)
  export HOME
  # Keep the toolchains the real home holds.
  export CARGO_HOME="${CARGO_HOME:-$WPPLAY_REAL_HOME/.cargo}"
  export RUSTUP_HOME="${RUSTUP_HOME:-$WPPLAY_REAL_HOME/.rustup}"
  if [ "$xvfb" = 1 ]; then
    exec dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$0" "$@"
  fi
  exec dbus-run-session -- "$0" "$@"
fi

# Inside the session: start and unlock the keyring, wait until it owns its bus name.
(printf 'wpplay-test' | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1) &
keyring_pid=$!
trap 'kill $keyring_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    break
  fi
  sleep 0.1
done
"$@"
