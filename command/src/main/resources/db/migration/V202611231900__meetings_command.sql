-- Command-side lookups for cell meetings, fed by the subscribing processor "command-directory" in the same transaction
-- as the events; never read by the query side.

-- The member facts that shape who is on which roll on which date, one row per event, refolded per member into
-- cmd_roll_period so that a meeting's roll snapshot is taken as of its date, even for a back-dated entry.
create table cmd_roll_fact (
    seq             bigserial primary key,
    event_id        text not null unique,
    member_id       text not null,
    effective_on    date not null,
    kind            text not null,
    organization_id text,
    counterpart_id  text
);
create index cmd_roll_fact_member on cmd_roll_fact (member_id, effective_on, seq);

-- Half-open periods: a row holds on day d when valid_from <= d and (valid_to is null or d < valid_to).
create table cmd_roll_period (
    id                          bigserial primary key,
    member_id                   text    not null,
    organization_id             text    not null,
    membership                  text    not null,
    fully_exempt                boolean not null,
    temporarily_exempt          boolean not null,
    suspended                   boolean not null,
    temporarily_transferred_in  boolean not null,
    temporarily_transferred_out boolean not null,
    valid_from                  date    not null,
    valid_to                    date
);
create index cmd_roll_period_org on cmd_roll_period (organization_id, valid_from);
create index cmd_roll_period_member on cmd_roll_period (member_id);

-- Every meeting with its cell, kind and date: M1 (one REGULAR meeting per cell and month) and the approval of minutes
-- amendments at a later meeting of the same cell.
create table cmd_meeting (
    meeting_id      text    primary key,
    organization_id text    not null,
    kind            text    not null,
    held_on         date    not null,
    month           text    not null,
    regular         boolean not null,
    correction      boolean not null
);
-- The last line of defence for M1 when two secretaries enter the same month at once: the second transaction fails.
create unique index cmd_meeting_one_regular on cmd_meeting (organization_id, month) where regular and not correction;
