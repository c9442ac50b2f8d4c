#!/usr/bin/env bash
# The streaming replica: at its first start a copy of the primary (pg_basebackup, which also writes standby.signal
# and the connection to follow), then PostgreSQL as a hot standby, read-only, a few milliseconds behind the primary.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    until pg_basebackup --host=postgres --username=replicator --pgdata="$PGDATA" --wal-method=stream \
            --write-recovery-conf --checkpoint=fast; do
        echo "The primary is not reachable yet; trying again in 2 s"
        rm -rf "${PGDATA:?}"/*
        sleep 2
    done
    chmod 700 "$PGDATA"
fi
exec postgres
