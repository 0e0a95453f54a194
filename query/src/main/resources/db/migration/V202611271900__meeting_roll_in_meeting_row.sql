-- A meeting's roll is one jsonb value on the meeting's own row instead of a row per member in meeting_register_roll
-- (issue 14): those 40-odd inserts per meeting were about 70% of the meeting register's write time in a rebuild, and
-- the table 13 M rows / 3.8 GB on a 3 M-event ledger. The value is an array of the roll's members sorted by member id,
-- each an object with exactly the fields of api.meeting.RollMember, as the projection writes it (RollJson,
-- docs/decisions/0020). The meeting register's version goes to 3, so an existing ledger rebuilds it from the events
-- beside the live tables (docs/decisions/0015); until the rebuild switches, the live rows answer from the roll copied
-- here.
alter table meeting_register_meeting add column roll jsonb;

update meeting_register_meeting m set roll = o.roll
  from (select meeting_id,
               jsonb_agg(jsonb_build_object('memberId', member_id, 'membership', membership,
                                            'fullyExempt', fully_exempt, 'temporarilyExempt', temporarily_exempt,
                                            'suspended', suspended,
                                            'temporarilyTransferredIn', temporarily_transferred_in,
                                            'temporarilyTransferredOut', temporarily_transferred_out)
                         order by member_id collate "C") as roll
          from meeting_register_roll group by meeting_id) o
 where o.meeting_id = m.meeting_id;
-- An opened meeting (its roll figures are set) whose roll had no member: the projection writes an empty array.
update meeting_register_meeting set roll = '[]' where roll is null and roll_official is not null;

drop table meeting_register_roll;
