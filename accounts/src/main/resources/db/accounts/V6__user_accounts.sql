-- Local accounts, for the zero-setup default and cities without an identity provider. The password is kept only as
-- a DelegatingPasswordEncoder hash ({bcrypt}...), never in an event.
create table user_account (
    username      varchar(64)  primary key,
    password_hash varchar(200) not null,
    roles         varchar(100) not null,
    department    varchar(32),
    enabled       boolean      not null,
    created_at    timestamptz  not null
);

-- Every change of an account, appended and never edited: who changed whose rights, when, and to what.
create table user_account_change (
    id         bigint generated always as identity primary key,
    changed_at timestamptz  not null,
    changed_by varchar(200) not null,
    username   varchar(64)  not null,
    action     varchar(32)  not null,
    roles      varchar(100),
    department varchar(32),
    enabled    boolean
);
create index user_account_change_username on user_account_change (username, id);
