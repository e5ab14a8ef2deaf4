#!/usr/bin/env bash
# Run a command against a private, throwaway PostgreSQL cluster:
#   scripts/with-postgres.sh npx vitest run --project unit lib/server/db
# The cluster lives in a temporary directory, listens on 127.0.0.1 only, trusts local
# connections, and is stopped and deleted when the command ends. The command sees
# CUVEE_TEST_POSTGRES_URL (what the PostgreSQL tests look for).
#
# Needs PostgreSQL's server binaries (Debian: `apt-get install -y postgresql`). initdb refuses
# to run as root, so when we are root the cluster is owned by the `postgres` user.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 64
fi

find_bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local candidate
  for candidate in /usr/lib/postgresql/*/bin/"$1"; do
    if [ -x "$candidate" ]; then echo "$candidate"; return; fi
  done
  echo "with-postgres: '$1' not found; install PostgreSQL (apt-get install -y postgresql)" >&2
  exit 69
}
INITDB="$(find_bin initdb)"
PG_CTL="$(find_bin pg_ctl)"

PORT="${CUVEE_PG_PORT:-$(( 20000 + RANDOM % 20000 ))}"
DIR="$(mktemp -d -t cuvee-pg.XXXXXX)"
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$DIR"
  as_owner=(runuser -u postgres --)
fi

cleanup() {
  "${as_owner[@]}" "$PG_CTL" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT

"${as_owner[@]}" "$INITDB" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --no-sync >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$PG_CTL" -D "$DIR/data" -w -l "$DIR/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off" start >/dev/null \
  || { cat "$DIR/server.log" >&2; exit 1; }

export CUVEE_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$PORT/postgres"
echo "with-postgres: $CUVEE_TEST_POSTGRES_URL" >&2
"$@"
