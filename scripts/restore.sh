#!/usr/bin/env bash
# Restores a scripts/backup.sh file into the database at DATABASE_URL, all or nothing.
#
#   DATABASE_URL=postgres://user@host:5432/stegvis scripts/restore.sh [--clean] FILE
#
# Without --clean the database must be empty (no tables, sequences, views or functions of its own): a
# restore never mixes a backup with live rows by accident. --clean first drops the schemas the backup
# holds (public included), in the same transaction as the restore: if anything fails, the database is
# left as it was. Stop the api (or scale it to 0) first; it would write into the old data meanwhile.
set -euo pipefail

die() {
  echo "restore: $1" >&2
  exit "${2:-1}"
}
usage() {
  echo "usage: DATABASE_URL=postgres://… $0 [--clean] FILE" >&2
  exit 2
}

clean=false
files=()
for arg in "$@"; do
  case $arg in
    --clean) clean=true ;;
    -h | --help) usage ;;
    -*) echo "restore: unknown option $arg" >&2 && usage ;;
    *) files+=("$arg") ;;
  esac
done
[[ ${#files[@]} -eq 1 ]] || usage
file=${files[0]}
url=${DATABASE_URL:-}
if [[ -z $url && -n ${DATABASE_URL_FILE:-} ]]; then
  url=$(<"$DATABASE_URL_FILE")
fi
[[ -n $url ]] || die "DATABASE_URL (or DATABASE_URL_FILE) is not set" 2
[[ -f $file ]] || die "no such file: $file" 2
contents=$(pg_restore --list "$file" 2>&1) || die "$file is not a pg_dump custom-format file: $contents"

sql() {
  psql --no-psqlrc --quiet --tuples-only --no-align --set=ON_ERROR_STOP=1 --dbname="$url" "$@"
}

own=$(sql --command="
  SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%')
       + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%')")
if [[ $own -gt 0 && $clean != true ]]; then
  die "the database is not empty ($own tables, sequences, views or functions); add --clean to replace its contents with the backup"
fi

# Schemas the backup creates (besides public, which PostgreSQL 15 never dumps as CREATE SCHEMA).
schemas=$(awk '$4 == "SCHEMA" && $5 == "-" { print $6 }' <<<"$contents")
{
  echo 'BEGIN;'
  echo 'SET client_min_messages = warning;'
  if [[ $clean == true ]]; then
    for s in public $schemas; do echo "DROP SCHEMA IF EXISTS \"$s\" CASCADE;"; done
    echo 'CREATE SCHEMA public;'
  fi
  # Objects belong to whoever restores (the target's role names may differ from the source's).
  pg_restore --no-owner --no-privileges --file=- "$file" || exit 1
  # Only a complete script commits: if pg_restore stops half-way, psql reaches the end of its input inside
  # the open transaction and PostgreSQL rolls it back.
  echo 'COMMIT;'
} | sql >/dev/null
# pg_restore does not carry planner statistics: without them the first reports would be slow.
sql --command='ANALYZE'
tables=$(grep -c ' TABLE DATA ' <<<"$contents" || true)
echo "restore: restored $file ($tables tables)"
