-- Command-side lookup tables for rules that cross aggregates (parent exists, no cycles, officers on the roll).
-- Fed by the subscribing processor "command-directory" in the same transaction as the events; never read by the query side.

create table cmd_organization (
    organization_id text    primary key,
    level           text    not null,
    cell_type       text,
    parent_id       text,
    grassroots      boolean not null,
    active          boolean not null,
    established_on  date    not null,
    ended_on        date
);

create index cmd_organization_parent on cmd_organization (parent_id) where active;

create table cmd_member (
    member_id       text primary key,
    organization_id text not null,
    status          text not null,
    -- status before an official transfer was issued, restored when the receiving organisation records the arrival
    prior_status    text,
    official_since  date
);

create index cmd_member_roll on cmd_member (organization_id, status);
