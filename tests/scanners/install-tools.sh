#!/usr/bin/env bash
# install-tools.sh DEST: installs the secret scanning engines pinned by package-lock.json (here)
# into DEST/node_modules with `npm ci`, for the scanner tests; nothing is installed in the
# source tree. Skips the install when DEST already holds exactly this lock. Needs npm (the
# `test` packages of scripts/setup.sh) and the npm registry; says so and fails without them.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dest=${1:?usage: install-tools.sh DEST}
stamp="$dest/node_modules/.keyward-package-lock.json"

if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
    echo "install-tools.sh: node and npm are needed (scripts/setup.sh test installs nodejs npm)" >&2
    exit 3
fi
if [ -f "$stamp" ] && cmp -s "$here/package-lock.json" "$stamp"; then
    echo "install-tools.sh: $dest is up to date"
    exit 0
fi
mkdir -p "$dest"
cp "$here/package.json" "$here/package-lock.json" "$dest/"
start=$SECONDS
# --ignore-scripts: no package runs code at install time. Short timeouts and one retry, so that
# an unreachable registry fails the test within a minute instead of hanging it.
if ! (cd "$dest" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error \
    --fetch-timeout=20000 --fetch-retries=1 --fetch-retry-mintimeout=2000 \
    --fetch-retry-maxtimeout=5000); then
    echo "install-tools.sh: npm ci failed; is the npm registry ($(npm config get registry)) reachable?" >&2
    exit 4
fi
cp "$here/package-lock.json" "$stamp"
echo "install-tools.sh: npm ci in $((SECONDS - start)) s: secretlint $(node -p 'require(process.argv[1]).version' "$dest/node_modules/secretlint/package.json")"
