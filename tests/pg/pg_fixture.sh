#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suites, set up and torn down by ctest fixtures.
#   pg_fixture.sh start STATE_DIR   initdb in a fresh temp dir, start on 127.0.0.1 at a free
#                                   port, write STATE_DIR/conninfo (libpq keyword=value form)
#   pg_fixture.sh stop STATE_DIR    stop the cluster and delete its temp dir
# The cluster runs as the `postgres` OS user when we are root (initdb refuses root), as the
# calling user otherwise. Host connections need a SCRAM password, so the tests exercise real
# server authentication; the Unix socket (in the temp dir, nowhere else) trusts local users.
# Missing PostgreSQL binaries are an error, never a silent skip: CI installs `postgresql`.
set -euo pipefail

mode=${1:-}
state=${2:-}
if [ -z "$mode" ] || [ -z "$state" ]; then
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
fi
superuser=keyward_test

find_bindir() {
    local candidate
    if [ -n "${KEYWARD_PG_BINDIR:-}" ]; then
        echo "$KEYWARD_PG_BINDIR"
        return
    fi
    if command -v pg_config >/dev/null 2>&1; then
        candidate=$(pg_config --bindir 2>/dev/null || true)
        if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
            echo "$candidate"
            return
        fi
    fi
    # Debian keeps the server binaries out of PATH, one directory per major version.
    candidate=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$candidate" ] && [ -x "$candidate/initdb" ]; then
        echo "$candidate"
        return
    fi
    if command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
        return
    fi
    return 1
}

# Runs a command as the cluster's OS user.
as_cluster_user() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
            && return
    fi
    echo $((20000 + RANDOM % 40000))
}

stop_cluster() {
    local dir
    [ -f "$state/cluster" ] || return 0
    dir=$(cat "$state/cluster")
    if [ -n "$dir" ] && [ -d "$dir/data" ] && [ -n "${bindir:-}" ]; then
        as_cluster_user "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
            || as_cluster_user "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 \
            || true
    fi
    case "$dir" in
    */keyward-pg.*) rm -rf -- "$dir" ;;
    esac
    rm -f -- "$state/cluster" "$state/conninfo"
}

bindir=$(find_bindir) || bindir=""

case "$mode" in
start)
    if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/postgres" ]; then
        echo "FAIL: PostgreSQL server binaries (initdb, postgres, pg_ctl) not found." >&2
        echo "Install them (Debian: apt-get install postgresql) or set KEYWARD_PG_BINDIR." >&2
        exit 1
    fi
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        echo "FAIL: running as root but there is no 'postgres' OS user to run the cluster." >&2
        exit 1
    fi
    mkdir -p "$state"
    stop_cluster # a cluster left over by an interrupted run

    # As root the cluster runs as `postgres`, which must reach the directory: use /tmp, not a
    # TMPDIR that may sit under /root.
    tmp_parent=${TMPDIR:-/tmp}
    if [ "$(id -u)" -eq 0 ]; then
        tmp_parent=/tmp
    fi
    dir=$(mktemp -d "$tmp_parent/keyward-pg.XXXXXX")
    chmod 700 "$dir"
    echo "$dir" >"$state/cluster"
    password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    umask 077
    printf '%s\n' "$password" >"$dir/pwfile"
    if [ "$(id -u)" -eq 0 ]; then
        chown -R postgres: "$dir"
    fi

    if ! as_cluster_user "$bindir/initdb" -D "$dir/data" -U "$superuser" --pwfile="$dir/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-locale -N >"$dir/initdb.log" 2>&1; then
        echo "FAIL: initdb failed:" >&2
        cat "$dir/initdb.log" >&2
        exit 1
    fi
    rm -f "$dir/pwfile"
    # Durability is irrelevant for a throwaway cluster; speed is not.
    as_cluster_user tee -a "$dir/data/postgresql.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
password_encryption = 'scram-sha-256'
CONF

    started=""
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        port=$(free_port)
        if as_cluster_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-p $port" start >/dev/null 2>&1; then
            started=yes
            break
        fi
        # Another process took the port between probing and binding: try another one.
        grep -q "could not bind\|Address already in use" "$dir/server.log" 2>/dev/null || break
    done
    if [ -z "$started" ]; then
        echo "FAIL: the PostgreSQL test cluster did not start:" >&2
        cat "$dir/server.log" >&2 || true
        exit 1
    fi

    conninfo="host=127.0.0.1 port=$port user=$superuser password=$password dbname=postgres"
    printf '%s\n' "$conninfo" >"$state/conninfo"
    if ! PGCONNECT_TIMEOUT=10 "$bindir/psql" -X -q -At -d "$conninfo" -c 'SELECT 1' >/dev/null; then
        echo "FAIL: cannot connect to the new cluster over TCP with the superuser password." >&2
        exit 1
    fi
    echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') test cluster on" \
        "127.0.0.1:$port (data in $dir; conninfo in $state/conninfo)"
    ;;
stop)
    stop_cluster
    echo "PostgreSQL test cluster stopped and removed."
    ;;
*)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
