#!/usr/bin/env bash
# Run once by the postgres image when its volume is new: the role the streaming replica (postgres-replica) copies and
# follows the primary as, allowed to connect for replication only. PostgreSQL's defaults already stream WAL
# (wal_level=replica, max_wal_senders=10).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v password="$KPI_LEDGER_REPLICATION_PASSWORD" <<'SQL'
create role replicator login replication nosuperuser nocreatedb nocreaterole password :'password';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
