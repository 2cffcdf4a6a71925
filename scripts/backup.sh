#!/usr/bin/env bash
# Backs up the Stegvis database into one pg_dump custom-format file; scripts/restore.sh reads it back.
#
#   DATABASE_URL=postgres://user@host:5432/stegvis scripts/backup.sh /backups/stegvis-$(date +%F).dump
#
# DATABASE_URL_FILE (a file holding the URL) works too, as for the api. Exit code 0 only when the file is
# complete and readable by pg_restore; otherwise nothing is left at FILE.
set -euo pipefail

die() {
  echo "backup: $1" >&2
  exit "${2:-1}"
}

if [[ $# -ne 1 || $1 == -* ]]; then
  echo "usage: DATABASE_URL=postgres://… $0 FILE" >&2
  exit 2
fi
file=$1
url=${DATABASE_URL:-}
if [[ -z $url && -n ${DATABASE_URL_FILE:-} ]]; then
  url=$(<"$DATABASE_URL_FILE")
fi
[[ -n $url ]] || die "DATABASE_URL (or DATABASE_URL_FILE) is not set" 2
[[ -d $(dirname -- "$file") ]] || die "folder $(dirname -- "$file") does not exist" 2

# The dump holds personal data, protected identities included: readable by its owner only.
umask 077
# Written beside the target and moved into place at the end, so that a failed run never leaves a file
# that looks like a backup.
partial="$(dirname -- "$file")/.$(basename -- "$file").partial.$$"
trap 'rm -f -- "$partial"' EXIT

# --lock-wait-timeout: fail instead of queueing behind a migration's exclusive lock.
pg_dump --format=custom --compress=6 --lock-wait-timeout=60s --file="$partial" --dbname="$url"
tables=$(pg_restore --list "$partial" | grep -c ' TABLE DATA ') || die "the dump cannot be read back by pg_restore"
mv -f -- "$partial" "$file"
trap - EXIT
echo "backup: wrote $file ($(wc -c <"$file") bytes, $tables tables)"
