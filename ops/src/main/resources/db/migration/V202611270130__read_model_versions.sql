-- Blue/green rebuilds of read models and command-side lookups (docs/decisions/0015).
-- The version of the code that built each live table set; a declared version above it rebuilds on start.
create table read_model_version (
    read_model  varchar(255) primary key,
    version     integer      not null,
    built_at    timestamptz  not null default now()
);

-- A rebuild under way: its tables live in their own schema until the switch; a restart resumes it from its tokens.
create table read_model_rebuild (
    read_model   varchar(255) primary key,
    version      integer      not null,
    schema_name  varchar(63)  not null unique,
    start_head   bigint       not null,
    started_at   timestamptz  not null default now()
);

-- Table sets replaced by a switch, kept as a schema (with the dead letters parked against them, under the schema's
-- name as processing group) until an operator drops them.
create table read_model_archive (
    schema_name  varchar(63)  primary key,
    read_model   varchar(255) not null,
    version      integer      not null,
    replaced_by  integer      not null,
    replaced_at  timestamptz  not null default now()
);
