-- Every KPI has a value kind (COUNT, PERCENT, RATE, QUANTITY) since the hardening release. The read model is
-- emptied and the kpi-progress processor's tokens dropped, so that it is rebuilt from the event store with the
-- new column filled for every KPI; the events themselves are not touched.
alter table kpi_progress add column value_kind varchar(16);
truncate table kpi_progress cascade;
delete from token_entry where processor_name = 'kpi-progress';
delete from dead_letter_entry where processing_group = 'kpi-progress';
alter table kpi_progress alter column value_kind set not null;
