#!/usr/bin/env bash
# Stop a server started by scripts/pg-start.sh and remove its directory.
set -u
dir=${1:-${DOSSIER_PG_DIR:-}}
[ -n "$dir" ] && [ -d "$dir" ] || exit 0
PGBIN=${DOSSIER_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
else "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1; fi
rm -rf "$dir"
