#!/usr/bin/env bash
# Run once by the postgres image when its volume is new: the ledger's own role, an ordinary one (no superuser, no
# pg_read_file, no COPY ... PROGRAM), owning the ledger's database. The cluster's superuser stays with the operator.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v password="$KPI_LEDGER_DB_PASSWORD" <<'SQL'
create role kpi_ledger login nosuperuser nocreatedb nocreaterole noreplication password :'password';
create database kpi_ledger owner kpi_ledger;
SQL
