#!/bin/sh
# Installs what the emulator's tests need beyond Maven: a PostgreSQL server (initdb, pg_ctl,
# postgres) for the PostgreSQL store tests. The tests start their own server in a temporary
# directory and skip with a message when no PostgreSQL binaries can be found.
set -e
for dir in /usr/lib/postgresql/*/bin; do
  if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    echo "PostgreSQL found in $dir"
    exit 0
  fi
done
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends postgresql
else
  echo "no apt-get: install PostgreSQL (initdb, pg_ctl) by hand for the PostgreSQL store tests" >&2
fi
