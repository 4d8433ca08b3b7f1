#!/usr/bin/env bash
# Runs a test with a system keychain of its own: a Secret Service (gnome-keyring-daemon) on the
# D-Bus session that dbus-run-session gives it, its keyrings in a throwaway folder, unlocked.
#   dbus-run-session -- bash with_keychain.sh COMMAND [ARG...]
set -euo pipefail
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    echo "with_keychain.sh: run me under dbus-run-session" >&2
    exit 2
fi
keyrings=$(mktemp -d)
trap 'rm -rf "$keyrings"' EXIT
# The daemon keeps its keyrings under XDG_DATA_HOME: never the user's own.
export XDG_DATA_HOME="$keyrings"
# A new login keyring, created and unlocked with this password (read from stdin).
eval "$(printf 'keyward-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
export KEYWARD_TEST_KEYCHAIN=1
"$@"
