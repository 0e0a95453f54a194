-- Command-side evidence for annual ratings (T4 tasks, attendance, commitments), fed by the subscribing processor
-- "command-directory" in the same transaction as the events; never read by the query side. A rating decision reads
-- these to warn when a level contradicts the ledger's own facts (R5).

create table cmd_rating_task (
    task_id         text    primary key,
    organization_id text    not null,
    assignee_id     text    not null,
    description     text    not null,
    due_on          date    not null,
    completed_on    date,
    late            boolean not null default false,
    cancelled       boolean not null default false
);
create index cmd_rating_task_assignee on cmd_rating_task (assignee_id, due_on);

create table cmd_rating_attendance (
    meeting_id text not null,
    member_id  text not null,
    held_on    date not null,
    status     text not null,
    primary key (meeting_id, member_id)
);
create index cmd_rating_attendance_member on cmd_rating_attendance (member_id, held_on);

create table cmd_rating_commitment (
    commitment_id text    primary key,
    member_id     text    not null,
    year          integer not null,
    fulfilled     boolean
);
create index cmd_rating_commitment_member on cmd_rating_commitment (member_id, year);
