-- Corrections of an organisation's establishment and "known at" reads of the roll and the tree
-- (docs/decisions/0011). A correction is a row of its own with the instant the ledger learnt it, beside the
-- organisation's recorded row, so a read known at T takes the latest correction recorded by T and a read without
-- knownAt the latest of all; the recorded row keeps what was first entered.
create table org_tree_correction (
    organization_id   text        not null,
    position          bigint      not null,
    name              text        not null,
    cell_type         text,
    established_on    date        not null,
    corrects_event_id text        not null,
    recorded_at       timestamptz not null,
    last_position     bigint      not null,
    primary key (organization_id, position)
);

-- A roll known at T refolds the facts of the members who were ever on the organisation's roll: found by the
-- organisation a fact moves them to, then their facts by member (member_roll_fact_member).
create index member_roll_fact_org on member_roll_fact (organization_id) where organization_id is not null;
