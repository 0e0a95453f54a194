-- A retracted meeting (MeetingRetracted, docs/decisions/0011) was never held: it no longer counts as the cell's regular
-- meeting of its month (M1) nor as attendance evidence for ratings. The row is kept and flagged, so a replay of the
-- directory reaches the same state whatever the order of a retraction and its replacement meeting.
alter table cmd_meeting add column retracted boolean not null default false;
drop index cmd_meeting_one_regular;
create unique index cmd_meeting_one_regular on cmd_meeting (organization_id, month)
    where regular and not correction and not retracted;

-- An organisation's establishment may be corrected to a later date only while no fact of others precedes it: the
-- earliest roll fact, child and meeting of an organisation are looked up by it.
create index cmd_roll_fact_org on cmd_roll_fact (organization_id, effective_on);
create index cmd_meeting_org on cmd_meeting (organization_id, held_on);
create index cmd_organization_parent_established on cmd_organization (parent_id, established_on);
