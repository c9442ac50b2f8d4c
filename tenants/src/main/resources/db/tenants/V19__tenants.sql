-- The municipalities (or prefectures) this deployment hosts, each by its 全国地方公共団体コード. The default tenant
-- is the one of the unprefixed URLs and of every row stored before tenants existed. Not kept apart by tenant: only
-- the deployment's operators read and change it.
create table tenant (
    tenant_id  varchar(6)   primary key,
    name       varchar(100) not null,
    time_zone  varchar(64)  not null,
    status     varchar(16)  not null,
    is_default boolean      not null default false,
    created_at timestamptz  not null,
    created_by varchar(200) not null
);
create unique index tenant_one_default on tenant (is_default) where is_default;

-- Every creation, suspension and reactivation of a tenant, appended and never edited.
create table tenant_change (
    id         bigint generated always as identity primary key,
    changed_at timestamptz  not null,
    changed_by varchar(200) not null,
    tenant_id  varchar(6)   not null references tenant,
    action     varchar(16)  not null,
    status     varchar(16)  not null
);

insert into tenant (tenant_id, name, time_zone, status, is_default, created_at, created_by)
values ('${defaulttenant}', '${defaulttenantname}', 'Asia/Tokyo', 'ACTIVE', true, now(), 'system:first-start');
insert into tenant_change (changed_at, changed_by, tenant_id, action, status)
values (now(), 'system:first-start', '${defaulttenant}', 'CREATED', 'ACTIVE');
