-- ratings: rounds, one row per rating with its steps, the rule outcomes and evidence recorded on its (last) decision,
-- and the congress targets per organisation and term.

create table rating_round (
    round_id        text    primary key,
    organization_id text    not null,
    year            integer not null,
    rule_set_id     text    not null,
    rule_set_title  text    not null,
    opened_on       date    not null,
    closed_on       date,
    last_position   bigint  not null
);

create table rating_entry (
    rating_id        text    primary key,
    round_id         text    not null,
    deciding_body_id text    not null,
    year             integer not null,
    subject          text    not null,
    subject_id       text    not null,
    organization_id  text    not null,
    rule_set_id      text    not null,
    opened_on        date    not null,
    self_proposed    text,
    score_general    integer,
    score_tasks      integer,
    cell_proposed    text,
    residence_comment text,
    appraised        text,
    level            text,
    score            integer,
    decision_no      text,
    decided_on       date,
    override_doc_no  text,
    override_issuer  text,
    override_issued_on date,
    published_on     date,
    reopened_for     text,
    last_position    bigint  not null
);
create index rating_entry_scope on rating_entry (year, subject, organization_id);
create index rating_entry_subject on rating_entry (subject_id);

-- Outcomes of the rating's latest decision, in the order judged.
create table rating_outcome (
    rating_id text    not null,
    seq       integer not null,
    rule      text    not null,
    severity  text    not null,
    basis     text,
    message   text,
    primary key (rating_id, seq)
);

-- What the ledger knew of a member's year when the rating was (last) decided.
create table rating_evidence (
    rating_id          text    primary key,
    year               integer not null,
    fully_exempt       boolean not null,
    suspended          boolean not null,
    temporarily_exempt boolean not null,
    admitted_on        date,
    meetings_required  integer not null,
    meetings_attended  integer not null,
    months_without_reason text not null,
    commitment         text    not null
);

create table rating_evidence_task (
    rating_id    text not null,
    task_id      text not null,
    description  text not null,
    due_on       date not null,
    completed_on date,
    status       text not null,
    primary key (rating_id, task_id)
);

create table rating_target (
    organization_id text    not null,
    term            text    not null,
    seq             integer not null,
    label           text,
    subject         text    not null,
    level           text    not null,
    or_better       boolean not null,
    comparison      text    not null,
    percent         integer not null,
    set_on          date    not null,
    last_position   bigint  not null,
    primary key (organization_id, term, seq)
);
