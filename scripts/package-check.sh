#!/usr/bin/env bash
# The Debian packages (docs/packaging.md), as a user gets them: builds keyward and
# keyward-verifyd with cpack from a finished build, checks them with lintian (any error fails),
# installs both with apt-get, uses the installed programs (a vault in a throw-away HOME, a key
# created and verified, the server opening a vault as its system user), checks the unit is
# installed but not enabled, then removes and purges them and checks nothing of the user's was
# deleted. Run by scripts/setup.sh test after ctest; needs root or sudo.
#   scripts/package-check.sh [BUILD_DIR]      (default: build/)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-${KEYWARD_BUILD_DIR:-$here/build}}" && pwd)
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
start=$SECONDS

fail() {
    echo "package-check.sh: $*" >&2
    exit 1
}
step() { echo "package-check.sh: $* ($((SECONDS - start)) s)"; }

out="$build/packages"
rm -rf "$out"
if ! (cd "$build" && cpack -G DEB -B "$out" >"$build/package-check-cpack.log" 2>&1); then
    cat "$build/package-check-cpack.log" >&2
    fail "cpack failed"
fi
debs=("$out"/keyward_*.deb "$out"/keyward-verifyd_*.deb)
for deb in "${debs[@]}"; do
    [ -f "$deb" ] || fail "cpack made no $deb"
    echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"
done
step "packages built"

# lintian exits non-zero on an error (E:); warnings are explained in docs/packaging.md.
lintian --fail-on error --tag-display-limit 0 -I "${debs[@]}" 2>&1 | grep -v "^running with root"
step "lintian passed"

export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get install -y -qq --reinstall "${debs[@]}" >/dev/null
step "installed"

version=$(QT_QPA_PLATFORM=offscreen /usr/bin/keyward --version)
echo "$version"
[[ $version == "keyward "[0-9]* ]] || fail "keyward --version printed \"$version\""
/usr/bin/keywardctl --help | grep -q "^Commands:" || fail "keywardctl --help lists no commands"
/usr/sbin/keyward-verifyd --version
for file in /usr/share/man/man1/keyward.1.gz /usr/share/man/man1/keywardctl.1.gz \
    /usr/share/man/man8/keyward-verifyd.8.gz /usr/share/bash-completion/completions/keywardctl \
    /usr/share/zsh/vendor-completions/_keywardctl /usr/share/applications/org.keyward.Keyward.desktop; do
    [ -f "$file" ] || fail "$file is not installed"
done

# A user's vault, made and used with the installed keywardctl.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
user_env=(env -u XDG_DATA_HOME -u KEYWARD_DB HOME="$home" KEYWARD_MEMBER=ci
    KEYWARD_PASSPHRASE="package check passphrase")
"${user_env[@]}" /usr/bin/keywardctl init --owner ci >/dev/null
vault="$home/.local/share/keyward/vault.keyward"
[ -f "$vault" ] || fail "no vault at $vault"
token=$("${user_env[@]}" /usr/bin/keywardctl key create --name package-check --env live \
    --role developer 2>/dev/null)
echo "$token" | "${user_env[@]}" /usr/bin/keywardctl verify --env live - ||
    fail "the installed keywardctl did not verify its key"
step "keywardctl made a vault and verified a key"

# The server: its system user, its unit (installed, not enabled), and a vault it can open.
getent passwd keyward >/dev/null || fail "no system user keyward"
[ -f /lib/systemd/system/keyward-verifyd.service ] || fail "the unit is not installed"
grep -q "^ExecStart=/usr/sbin/keyward-verifyd --config /etc/keyward/verifyd.conf$" \
    /lib/systemd/system/keyward-verifyd.service || fail "the unit does not run /usr/sbin"
if compgen -G "/etc/systemd/system/*.wants/keyward-verifyd.service" >/dev/null; then
    fail "keyward-verifyd.service is enabled"
fi
if command -v systemctl >/dev/null; then
    state=$(systemctl is-enabled keyward-verifyd.service 2>/dev/null || true)
    [ "$state" = disabled ] || fail "systemctl is-enabled keyward-verifyd: \"$state\""
fi
if command -v systemd-analyze >/dev/null; then
    # Also resolves the unit's Documentation=man:keyward-verifyd(8) with the installed page.
    systemd-analyze verify /lib/systemd/system/keyward-verifyd.service ||
        fail "systemd-analyze verify keyward-verifyd.service failed"
fi
$sudo_cmd install -o keyward -g keyward -m 600 "$vault" /var/lib/keyward/package-check.keyward
$sudo_cmd cp /etc/keyward/verifyd.conf.example /etc/keyward/verifyd.conf
$sudo_cmd runuser -u keyward -- /usr/sbin/keyward-verifyd --check-config --listen 127.0.0.1:0 \
    --vault /var/lib/keyward/package-check.keyward || fail "keyward-verifyd cannot open its vault"
step "keyward-verifyd: user, unit (not enabled), vault"

# Removing, then purging, leaves the users' vaults and the admin's configuration.
$sudo_cmd apt-get remove -y -qq keyward keyward-verifyd >/dev/null
[ ! -e /usr/bin/keywardctl ] || fail "keywardctl is still installed"
for file in "$vault" /var/lib/keyward/package-check.keyward /etc/keyward/verifyd.conf; do
    [ -f "$file" ] || fail "removing the packages deleted $file"
done
# keyward has no configuration files, so only keyward-verifyd is left to purge.
$sudo_cmd apt-get purge -y -qq keyward-verifyd >/dev/null
[ ! -e /etc/keyward/verifyd.conf.example ] || fail "purging kept verifyd.conf.example"
for file in "$vault" /var/lib/keyward/package-check.keyward /etc/keyward/verifyd.conf; do
    [ -f "$file" ] || fail "purging the packages deleted $file"
done
$sudo_cmd rm -f /var/lib/keyward/package-check.keyward /etc/keyward/verifyd.conf
$sudo_cmd rmdir --ignore-fail-on-non-empty /etc/keyward
step "removed and purged; the vaults and the configuration are still there"
