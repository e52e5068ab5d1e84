#!/usr/bin/env bash
# Backup and restore, proven: a PostgreSQL database holding the record and some edits is backed up
# and restored into a new database with exactly the commands of docs/operations.md ("Backup and
# restore"), and the two databases' dumpdata are compared. Prints what it did; fails on any
# difference.
#
#   ops/backupcheck.sh SOURCE_DB RESTORED_DB
#
# Both databases are dropped and created again: give names that hold nothing else. The server is
# PG_URL_BASE (default postgres://postgres@127.0.0.1:5432); no other database is touched.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 2 ]; then
  echo "usage: ops/backupcheck.sh SOURCE_DB RESTORED_DB" >&2
  exit 2
fi
SOURCE_DB="$1"
RESTORED_DB="$2"
for name in "$SOURCE_DB" "$RESTORED_DB"; do
  if ! [[ "$name" =~ ^[a-z][a-z0-9_]{0,62}$ ]]; then
    echo "backup check: FAIL: '$name' is not a plain database name (a-z, 0-9, _)" >&2
    exit 2
  fi
done
if [ "$SOURCE_DB" = "$RESTORED_DB" ]; then
  echo "backup check: FAIL: the source and the restored database must differ" >&2
  exit 2
fi

PG_URL_BASE="${PG_URL_BASE:-postgres://postgres@127.0.0.1:5432}"
PYTHON="${PYTHON:-.venv/bin/python}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# Only the database differs between the two sides; the cache is the process's own memory.
unset REDIS_URL

export PGOPTIONS="--client-min-messages=warning"  # no NOTICE for a database that is not there
admin() { psql "$PG_URL_BASE/postgres" -v ON_ERROR_STOP=1 -qc "$1"; }
manage() { DATABASE_URL="$1" "$PYTHON" manage.py "${@:2}"; }

echo "backup check: source database $SOURCE_DB, restored into $RESTORED_DB"
admin "DROP DATABASE IF EXISTS $SOURCE_DB"
admin "DROP DATABASE IF EXISTS $RESTORED_DB"
admin "CREATE DATABASE $SOURCE_DB"

# --- The record and some edits, as staff would leave them --------------------------------
export DATABASE_URL="$PG_URL_BASE/$SOURCE_DB"
manage "$DATABASE_URL" migrate --no-input -v 0
manage "$DATABASE_URL" loaddata committee -v 0
manage "$DATABASE_URL" shell --no-imports -c '
from django.contrib.auth import get_user_model
from committee.models import DocumentVersion, Session, Source
from committee.editors import sync_editors_group

editor = get_user_model().objects.create_user("backup-editor", password="a long password for the check 1", is_staff=True)
editor.groups.add(sync_editors_group())
session = Session.objects.order_by("start_date").first()
session.summary = "Edited before the backup."
session._history_user = editor
session.save()
source = Source.objects.create(url="https://example.org/backup-check", title="Added before the backup")
source.delete()
version = DocumentVersion.objects.order_by("pk").last()
version.delete()
print(f"backup check: edits: “{session}” changed, a source added and deleted, “{version}” deleted")
'

# --- Back up and restore: the commands of docs/operations.md ----------------------------------
cd "$WORK"
pg_dump --format=custom --no-owner --file=ahc-portal-$(date +%F).dump "$DATABASE_URL"
BACKUP="$(ls "$WORK"/ahc-portal-*.dump)"
echo "backup check: backup $(basename "$BACKUP"), $(stat -c %s "$BACKUP") bytes"
psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $RESTORED_DB"
export DATABASE_URL="$PG_URL_BASE/$RESTORED_DB"
pg_restore --no-owner --exit-on-error --single-transaction --dbname="$DATABASE_URL" "$BACKUP"
cd - >/dev/null
manage "$DATABASE_URL" migrate --no-input -v 0
echo "backup check: restored into $RESTORED_DB and migrated"

# --- The same data on both sides --------------------------------------------------------------
# Everything but the page cache's record version, which the migrate after a restore replaces on
# purpose (so no page cached before the restore is served).
for side in "$SOURCE_DB" "$RESTORED_DB"; do
  manage "$PG_URL_BASE/$side" dumpdata --natural-foreign --natural-primary --exclude portal.recordversion \
    --output "$WORK/$side.json" -v 0
done
"$PYTHON" - "$WORK/$SOURCE_DB.json" "$WORK/$RESTORED_DB.json" <<'PY'
import collections
import difflib
import json
import sys

def objects(path):
    """The dump's objects, each as one line of sorted-keys JSON, sorted."""
    with open(path, encoding="utf-8") as dump:
        return sorted(json.dumps(obj, sort_keys=True, ensure_ascii=False) for obj in json.load(dump))

source, restored = (objects(path) for path in sys.argv[1:3])
models = collections.Counter(json.loads(line)["model"] for line in source)
history = sum(count for model, count in models.items() if ".historical" in model)
print(f"backup check: source: {len(source)} objects in {len(models)} models ({history} history entries)")
print(f"backup check: restored: {len(restored)} objects")
if source != restored:
    diff = list(difflib.unified_diff(source, restored, "source", "restored", lineterm="", n=0))
    print("\n".join(diff[:40]))
    print(f"backup check: FAIL: the restored database differs ({len(diff)} diff lines)")
    sys.exit(1)
print("backup check: OK: the restored database holds the same data, object for object")
PY
