-- When each read model last changed: answers quote it next to the position, so an inspector can tell "as the ledger
-- stood at" for a figure.
alter table projection_position add column updated_at timestamptz not null default now();
