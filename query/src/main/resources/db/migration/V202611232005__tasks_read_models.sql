-- Read models of the tasks feature: task board and task outcomes (task-board), commitment coverage
-- (commitment-coverage), development against the admission quota (development). Every row carries last_position.

-- task-board ----------------------------------------------------------------------------------------------------

create table task_board_task (
    task_id         text primary key,
    organization_id text   not null,
    assignee_id     text   not null,
    assigned_by     text   not null,
    meeting_id      text,
    kind            text   not null,
    description     text   not null,
    assigned_on     date   not null,
    due_date        date   not null,
    expected_result text   not null,
    progress_notes  integer not null default 0,
    outcome         text,
    evidence        text,
    completed_on    date,
    late            boolean not null default false,
    level           text,
    evaluated_on    date,
    cancelled_on    date,
    cancel_reason   text,
    last_position   bigint not null
);
create index task_board_task_org on task_board_task (organization_id);
create index task_board_task_assignee on task_board_task (assignee_id, due_date);

-- Redelivered progress reports must not count twice: one row per event position.
create table task_board_progress (
    task_id     text   not null,
    position    bigint not null,
    reported_on date   not null,
    note        text   not null,
    primary key (task_id, position)
);

create table task_board_task_household (
    task_id       text   not null,
    household_id  text   not null,
    last_position bigint not null,
    primary key (task_id, household_id)
);

create table task_board_household (
    organization_id text   not null,
    household_id    text   not null,
    label           text,
    registered_on   date   not null,
    last_position   bigint not null,
    primary key (organization_id, household_id)
);

-- commitment-coverage -------------------------------------------------------------------------------------------

create table commitment_record (
    commitment_id    text primary key,
    organization_id  text    not null,
    member_id        text    not null,
    year             integer not null,
    submitted_on     date    not null,
    reviewed_on      date,
    self_assessed_on date,
    fulfilled        boolean,
    last_position    bigint  not null
);
create index commitment_record_member on commitment_record (member_id, year);

create table commitment_breach (
    commitment_id text   not null,
    position      bigint not null,
    meeting_id    text,
    description   text   not null,
    noted_on      date   not null,
    primary key (commitment_id, position)
);

-- development ---------------------------------------------------------------------------------------------------

-- One row per development fact, attributed to the organisation whose record it is and dated by its business date:
-- REGISTERED (candidate), COURSE (awareness course), ADMITTED (decision date), RECOGNIZED (decision date).
create table development_fact (
    member_id       text   not null,
    position        bigint not null,
    kind            text   not null,
    organization_id text   not null,
    on_date         date   not null,
    primary key (member_id, position)
);
create index development_fact_org on development_fact (organization_id, on_date);

-- Probation of each member admitted (or enrolled as probationary): when it ends and when it stopped being pending
-- (recognition decided, removal, roll removal, death).
create table development_probation (
    member_id         text primary key,
    organization_id   text   not null,
    probation_ends_on date   not null,
    settled_on        date,
    last_position     bigint not null
);
create index development_probation_org on development_probation (organization_id);

create table development_quota (
    organization_id text    not null,
    year            integer not null,
    quota           integer not null,
    set_on          date    not null,
    last_position   bigint  not null,
    primary key (organization_id, year)
);
