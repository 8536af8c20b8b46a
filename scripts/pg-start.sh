#!/usr/bin/env bash
# Start a throwaway PostgreSQL from the machine's own binaries (initdb into a temp dir, a loopback
# port) and print the DATABASE_URL for it. Stop it with scripts/pg-stop.sh DIR.
# Usage: eval "$(scripts/pg-start.sh)"   → sets DATABASE_URL and DOSSIER_PG_DIR
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$PGBIN/initdb" ] || { echo "pg-start: no PostgreSQL binaries found (set PGBIN)" >&2; exit 1; }
dir=$(mktemp -d /tmp/dossier-pg.XXXXXX)
port=${PGPORT_TEST:-$((20000 + RANDOM % 20000))}
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
run "$PGBIN/initdb" -D "$dir/data" -U dossier --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
run "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
run "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U dossier dossier_test
echo "export DATABASE_URL=postgres://dossier@127.0.0.1:$port/dossier_test DOSSIER_PG_DIR=$dir DOSSIER_PG_BIN=$PGBIN"
