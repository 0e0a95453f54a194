-- Corrections and "as known at" for the meeting register (docs/decisions/0011-corrections-histories-oversight.md).
-- The register keeps bitemporal rows: every row says when the ledger learnt it (recorded_at, from the envelope), and a
-- correction or retraction is a row of its own with its recorded_at, so a query "known at T" takes the rows recorded
-- by T and the latest correction recorded by T. Rows written before this migration have no recorded_at until the
-- meeting-register read model is replayed (its version is bumped for that); they count as known at any instant.
alter table meeting_register_meeting add column recorded_at timestamptz;
alter table meeting_register_attendance add column recorded_at timestamptz;

create table meeting_register_attendance_correction (
    meeting_id            text        not null,
    position              bigint      not null,
    member_id             text        not null,
    status                text        not null,
    reason                text,
    reason_accepted       boolean,
    corrects_event_id     text        not null,
    attended              integer     not null,
    required_to_attend    integer     not null,
    absent_without_reason integer     not null,
    recorded_at           timestamptz not null,
    last_position         bigint      not null,
    primary key (meeting_id, position)
);
create index meeting_register_attendance_correction_member
    on meeting_register_attendance_correction (meeting_id, member_id, recorded_at);

create table meeting_register_retraction (
    meeting_id        text        primary key,
    corrects_event_id text        not null,
    recorded_at       timestamptz not null,
    last_position     bigint      not null
);
