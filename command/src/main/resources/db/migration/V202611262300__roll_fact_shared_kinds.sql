-- The command side's roll facts now use the kinds of the one shared fold (api RollFold.Kind, also used by the member
-- roll read model). Rows written before named every departure from the roll LEFT_ROLL; the member's terminal status
-- tells which one it was, and the command side's roll periods (which keep no status) are the same for all three.
update cmd_roll_fact f
   set kind = coalesce((select m.status from cmd_member m
                         where m.member_id = f.member_id
                           and m.status in ('PROBATION_ENDED', 'ROLL_REMOVED', 'DECEASED')), 'ROLL_REMOVED')
 where kind = 'LEFT_ROLL';
