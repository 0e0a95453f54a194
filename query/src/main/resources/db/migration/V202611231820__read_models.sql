-- Read models of the query module. Everything an "as of" answer needs is kept as business-date history, so a figure
-- for any past date comes from SQL, not from replaying events at query time.
-- Periods are half-open: a row holds on day d when valid_from <= d and (valid_to is null or d < valid_to).
-- Every row carries last_position: the global position of the last event that wrote it (replay provenance).

-- Last global position applied per projection (processing group); results quote it as their provenance.
create table projection_position (
    projection text primary key,
    position   bigint not null
);

-- organization-tree ---------------------------------------------------------------------------------------------

create table org_tree_organization (
    organization_id text primary key,
    name            text    not null,
    level           text    not null,
    cell_type       text,
    grassroots      boolean not null,
    established_on  date    not null,
    ended_on        date,
    end_reason      text,
    merged_into     text,
    last_position   bigint  not null
);

-- One row per parent the organisation ever had. valid_to is derived from the next row (or ended_on), so a back-dated
-- reparenting slots into the history instead of only closing the latest row.
create table org_tree_parent_period (
    id              bigserial primary key,
    organization_id text   not null,
    parent_id       text,
    valid_from      date   not null,
    valid_to        date,
    opened_position bigint not null,
    last_position   bigint not null
);
-- Redelivery of the same event must not add a second version.
create unique index org_tree_parent_period_event on org_tree_parent_period (organization_id, opened_position)
    where opened_position >= 0;
create index org_tree_parent_period_org on org_tree_parent_period (organization_id, valid_from);
create index org_tree_parent_period_parent on org_tree_parent_period (parent_id, valid_from);

create table org_tree_officer_period (
    organization_id text   not null,
    member_id       text   not null,
    role            text   not null,
    valid_from      date   not null,
    valid_to        date,
    last_position   bigint not null,
    primary key (organization_id, member_id, role, valid_from)
);

create table org_tree_liaison_period (
    organization_id          text   not null,
    liaison_member_id        text   not null,
    superior_organization_id text,
    visits                   integer,
    visit_period             text,
    valid_from               date   not null,
    valid_to                 date,
    last_position            bigint not null,
    primary key (organization_id, liaison_member_id, valid_from)
);

-- Versions: the day in force on d is the row with the latest effective_from <= d.
create table org_tree_meeting_day (
    organization_id    text    not null,
    effective_from     date    not null,
    day_of_month       integer not null,
    committee_prep_day integer,
    last_position      bigint  not null,
    primary key (organization_id, effective_from)
);

-- member-roll ---------------------------------------------------------------------------------------------------

-- The member's current record (MemberView). Status and overlays are recomputed from member_roll_fact.
create table member_roll_member (
    member_id                 text primary key,
    full_name                 text,
    birth_date                date,
    gender                    text,
    ethnicity                 text,
    education_level           text,
    organization_id           text,
    status                    text,
    fully_exempt              boolean not null default false,
    temporarily_exempt        boolean not null default false,
    temporary_exemption_until date,
    suspended                 boolean not null default false,
    host_organization_id      text,
    admitted_on               date,
    ceremony_date             date,
    official_on               date,
    probation_ends_on         date,
    awareness_certificate_no  text,
    last_position             bigint  not null
);

-- The facts that shape a member's roll history, one row per event, in business-date order. Facts are often recorded
-- after their date (recognition is effective at the end of probation even if decided later), so the periods of a
-- member are refolded from these rows rather than patched at the open end.
create table member_roll_fact (
    seq             bigserial primary key,
    member_id       text   not null,
    position        bigint not null,
    effective_on    date   not null,
    kind            text   not null,
    organization_id text,
    counterpart_id  text,
    until           date
);
create unique index member_roll_fact_event on member_roll_fact (member_id, position) where position >= 0;
create index member_roll_fact_member on member_roll_fact (member_id, effective_on);

-- Who is on (or, temporarily transferred in, attends) which roll when. membership (PROBATIONARY | OFFICIAL) is what the
-- counts use; status is the life-cycle shown (TRANSFER_PENDING while an official transfer awaits receipt).
create table member_roll_period (
    id                          bigserial primary key,
    member_id                   text    not null,
    organization_id             text    not null,
    status                      text    not null,
    membership                  text    not null,
    fully_exempt                boolean not null,
    temporarily_exempt          boolean not null,
    suspended                   boolean not null,
    temporarily_transferred_in  boolean not null,
    temporarily_transferred_out boolean not null,
    valid_from                  date    not null,
    valid_to                    date,
    last_position               bigint  not null
);
create index member_roll_period_org on member_roll_period (organization_id, valid_from);
create index member_roll_period_member on member_roll_period (member_id);
