-- The department that owns each KPI (null while none does), as the kpi-progress projection reads it from
-- DepartmentAssigned events.
alter table kpi_progress add column department varchar(32);
