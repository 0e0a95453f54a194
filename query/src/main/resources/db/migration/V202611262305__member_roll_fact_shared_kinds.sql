-- The member roll's facts now use the kinds of the one shared fold (api RollFold.Kind, also used by the command side),
-- which names a transfer to an organisation outside the ledger by its kind instead of by a missing counterpart.
update member_roll_fact set kind = kind || '_OUTSIDE'
 where kind in ('OFFICIAL_TRANSFER_ISSUED', 'TEMPORARY_TRANSFER_ISSUED') and counterpart_id is null;
