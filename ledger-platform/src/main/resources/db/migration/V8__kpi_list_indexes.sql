-- The KPI list is read a page at a time in KPI id order, now or as of an instant (now is as of 'infinity'): for each
-- KPI registered by then, in id order (the registration rows), its latest version begun by then; for each fiscal
-- year of those KPIs recorded by then (the first version of each actual), its latest version begun by then. Each is
-- one probe of a btree index, however many versions a KPI has. The projections find the current rows they close by
-- the partial indexes on upper_inf(valid).
-- The GiST indexes on the whole validity range answered "every row valid at T", not "the next 100 KPIs", and cost
-- every projected event an insertion.
drop index kpi_version_valid_idx;
drop index kpi_actual_version_valid_idx;
create index kpi_version_registration_idx on kpi_version (kpi_id) where version = 0;
create index kpi_version_begun_idx on kpi_version (kpi_id, lower(valid), version);
create index kpi_version_current_idx on kpi_version (kpi_id) where upper_inf(valid);
create index kpi_actual_version_recorded_idx on kpi_actual_version (kpi_id, fiscal_year) where corrections = 0;
create index kpi_actual_version_begun_idx on kpi_actual_version (kpi_id, fiscal_year, lower(valid), version);
create index kpi_actual_version_current_idx on kpi_actual_version (kpi_id, fiscal_year) where upper_inf(valid);
