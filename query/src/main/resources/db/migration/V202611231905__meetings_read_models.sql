-- meeting-register -----------------------------------------------------------------------------------------------
-- The minutes of every meeting as recorded (CellMeetingRegister, AttendanceRisk and liaison visits are SQL over these
-- rows plus org_tree_* for the tree, the fixed meeting day and the liaisons). Every row carries last_position.

create table meeting_register_meeting (
    meeting_id              text    primary key,
    organization_id         text    not null,
    kind                    text    not null,
    held_on                 date    not null,
    correction              boolean not null,
    state                   text    not null,
    agenda                  text[]  not null,
    materials_published_on  date,
    materials_channel       text,
    chair_member_id         text,
    minutes_secretary_id    text,
    roll_official           integer,
    roll_probationary       integer,
    roll_exempt             integer,
    roll_transferred_in     integer,
    roll_transferred_out    integer,
    roll_required           integer,
    fee_collected           bigint,
    fee_spent               bigint,
    fee_balance             bigint,
    duration_minutes        integer,
    attended                integer,
    required_to_attend      integer,
    absent_without_reason   integer,
    last_position           bigint  not null
);
create index meeting_register_meeting_org on meeting_register_meeting (organization_id, held_on);

create table meeting_register_roll (
    meeting_id                  text    not null,
    member_id                   text    not null,
    membership                  text    not null,
    fully_exempt                boolean not null,
    temporarily_exempt          boolean not null,
    suspended                   boolean not null,
    temporarily_transferred_in  boolean not null,
    temporarily_transferred_out boolean not null,
    last_position               bigint  not null,
    primary key (meeting_id, member_id)
);

create table meeting_register_attendance (
    meeting_id      text    not null,
    member_id       text    not null,
    organization_id text    not null,
    held_on         date    not null,
    status          text    not null,
    reason          text,
    reason_accepted boolean,
    last_position   bigint  not null,
    primary key (meeting_id, member_id)
);
create index meeting_register_attendance_org on meeting_register_attendance (organization_id, held_on);

-- Rows appended per event are keyed by the event's global position, so a redelivered event does not add a row.
create table meeting_register_guest (
    meeting_id            text   not null,
    position              bigint not null,
    organization_id       text   not null,
    held_on               date   not null,
    person_id             text,
    full_name             text   not null,
    org_level             text,
    role                  text   not null,
    guest_organization_id text,
    last_position         bigint not null,
    primary key (meeting_id, position)
);
create index meeting_register_guest_org on meeting_register_guest (organization_id, held_on);

create table meeting_register_agenda_item (
    meeting_id    text   not null,
    position      bigint not null,
    topic         text   not null,
    summary       text   not null,
    last_position bigint not null,
    primary key (meeting_id, position)
);

create table meeting_register_resolution (
    meeting_id    text    not null,
    number        integer not null,
    subject       text    not null,
    text          text    not null,
    votes_for     integer not null,
    votes_against integer not null,
    abstentions   integer not null,
    eligible      integer not null,
    adopted       boolean not null,
    last_position bigint  not null,
    primary key (meeting_id, number)
);

-- Rule outcomes recorded with the meeting: source 'meeting' (MeetingClosed) or 'resolution:<number>'.
create table meeting_register_outcome (
    meeting_id    text    not null,
    source        text    not null,
    ordinal       integer not null,
    rule          text    not null,
    severity      text    not null,
    basis         text,
    message       text,
    last_position bigint  not null,
    primary key (meeting_id, source, ordinal)
);

create table meeting_register_amendment (
    meeting_id           text   not null,
    position             bigint not null,
    corrects_event_id    text,
    text                 text   not null,
    approved_at_meeting  text   not null,
    approved_on          date   not null,
    last_position        bigint not null,
    primary key (meeting_id, position)
);
