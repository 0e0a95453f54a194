-- A retracted meeting (MeetingRetracted, docs/decisions/0011) was never held: it no longer counts as the cell's regular
-- meeting of its month (M1) nor as attendance evidence for ratings. The row is kept and flagged, so a replay of the
-- directory reaches the same state whatever the order of a retraction and its replacement meeting.
alter table cmd_meeting add column retracted boolean not null default false;
drop index cmd_meeting_one_regular;
create unique index cmd_meeting_one_regular on cmd_meeting (organization_id, month)
    where regular and not correction and not retracted;
