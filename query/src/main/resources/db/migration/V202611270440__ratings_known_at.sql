-- "As of" and "known at" reads of ratings (docs/decisions/0011): the ratings read model keeps bitemporal rows. A
-- rating's steps and decisions are no longer overwritten on its row: each is a row of its own, keyed by its event's
-- global position, with its business date and the instant the ledger learnt it (recorded_at, from the envelope). A
-- read "as of D, known at T" takes the rows dated by D and recorded by T: the latest step of each kind, the latest
-- decision (or redecision), and the latest correction of that decision; a decision's rule outcomes and evidence are
-- keyed by the position of the row that recorded them. The ratings read model's version goes to 2, so an existing
-- ledger rebuilds it from the events (docs/decisions/0015). Until the rebuild switches, the rows moved here from
-- rating_entry carry no date or recorded_at and count as dated and known at any instant.
alter table rating_entry add column recorded_at timestamptz;

create table rating_step (
    rating_id     text        not null,
    position      bigint      not null,
    step          text        not null,
    level         text,
    score_general integer,
    score_tasks   integer,
    comment       text,
    reason        text,
    occurred_on   date,
    recorded_at   timestamptz,
    last_position bigint      not null,
    primary key (rating_id, position, step)
);

create table rating_decision (
    rating_id          text        not null,
    position           bigint      not null,
    kind               text        not null,
    level              text        not null,
    score              integer,
    decision_no        text,
    decided_on         date,
    override_doc_no    text,
    override_issuer    text,
    override_issued_on date,
    corrects_event_id  text,
    recorded_at        timestamptz,
    last_position      bigint      not null,
    primary key (rating_id, position)
);

insert into rating_step (rating_id, position, step, level, score_general, score_tasks, last_position)
select rating_id, last_position, 'SELF_REVIEW', self_proposed, score_general, score_tasks, last_position
  from rating_entry where self_proposed is not null;
insert into rating_step (rating_id, position, step, level, last_position)
select rating_id, last_position, 'CELL_REVIEW', cell_proposed, last_position
  from rating_entry where cell_proposed is not null;
insert into rating_step (rating_id, position, step, comment, last_position)
select rating_id, last_position, 'RESIDENCE_COMMENT', residence_comment, last_position
  from rating_entry where residence_comment is not null;
insert into rating_step (rating_id, position, step, level, last_position)
select rating_id, last_position, 'APPRAISAL', appraised, last_position
  from rating_entry where appraised is not null;
insert into rating_step (rating_id, position, step, occurred_on, last_position)
select rating_id, last_position, 'PUBLICATION', published_on, last_position
  from rating_entry where published_on is not null;
insert into rating_step (rating_id, position, step, reason, last_position)
select rating_id, last_position, 'REOPENING', reopened_for, last_position
  from rating_entry where reopened_for is not null;
-- A reopening waits for its decision: the moved decision sits just before it.
insert into rating_decision (rating_id, position, kind, level, score, decision_no, decided_on, override_doc_no,
                             override_issuer, override_issued_on, last_position)
select rating_id, last_position - 1, 'DECIDED', level, score, decision_no, decided_on, override_doc_no,
       override_issuer, override_issued_on, last_position
  from rating_entry where level is not null;

alter table rating_outcome add column position bigint;
update rating_outcome o set position = e.last_position - 1 from rating_entry e where e.rating_id = o.rating_id;
alter table rating_outcome alter column position set not null;
alter table rating_outcome drop constraint rating_outcome_pkey;
alter table rating_outcome add primary key (rating_id, position, seq);

alter table rating_evidence add column position bigint;
update rating_evidence v set position = e.last_position - 1 from rating_entry e where e.rating_id = v.rating_id;
alter table rating_evidence alter column position set not null;
alter table rating_evidence drop constraint rating_evidence_pkey;
alter table rating_evidence add primary key (rating_id, position);

alter table rating_evidence_task add column position bigint;
update rating_evidence_task t set position = e.last_position - 1 from rating_entry e where e.rating_id = t.rating_id;
alter table rating_evidence_task alter column position set not null;
alter table rating_evidence_task drop constraint rating_evidence_task_pkey;
alter table rating_evidence_task add primary key (rating_id, position, task_id);

alter table rating_entry drop column self_proposed, drop column score_general, drop column score_tasks,
    drop column cell_proposed, drop column residence_comment, drop column appraised, drop column level,
    drop column score, drop column decision_no, drop column decided_on, drop column override_doc_no,
    drop column override_issuer, drop column override_issued_on, drop column published_on,
    drop column reopened_for;
