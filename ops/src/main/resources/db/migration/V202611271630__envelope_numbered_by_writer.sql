-- The ledger's own writer (LedgerEventStorageEngine, through ScopedAppend) now numbers its rows itself: it advances
-- each scope head once per append, by the number of events it appends there, holding the head's lock until commit as
-- before, and inserts every row with its scope sequence and its envelope columns filled from the metadata it writes
-- (docs/decisions/0006, "numbered by the writer"). Before, this trigger parsed every row's metadata as jsonb and
-- upserted its scope head once per row; for a 45-event meeting that was most of PostgreSQL's time.
--
-- The trigger still draws the transaction id and then the position of every row, whoever writes it, so the order
-- LedgerEventStorageEngine relies on (an id before a position) holds as before. A row that arrives without a scope
-- sequence (any other writer: the Axon Server mirror, a test, an operator's script) is numbered and filled here
-- exactly as before. No stored row changes.

CREATE OR REPLACE FUNCTION ledger_event_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    meta jsonb;
BEGIN
    NEW.tx_id := pg_current_xact_id();
    IF TG_TABLE_NAME = 'domainevententry' THEN
        NEW.globalindex := nextval('domainevententry_globalindex_seq');
    END IF;
    IF NEW.scope_seq IS NOT NULL THEN
        -- numbered by its writer under the scope head's lock, envelope columns filled from the same metadata
        RETURN NEW;
    END IF;
    meta := convert_from(NEW.metadata, 'UTF8')::jsonb;
    NEW.scope_id := coalesce(meta ->> 'scope', 'ledger');
    NEW.occurred_on := (meta ->> 'occurredOn')::date;
    NEW.recorded_at := (meta ->> 'recordedAt')::timestamptz;
    NEW.actor_user_id := meta -> 'actor' ->> 'userId';
    NEW.corrects_event_id := meta ->> 'correctsEventId';
    INSERT INTO ledger_scope_head AS h (scope_id, seq) VALUES (NEW.scope_id, 1)
    ON CONFLICT (scope_id) DO UPDATE SET seq = h.seq + 1
    RETURNING h.seq INTO NEW.scope_seq;
    RETURN NEW;
END
$$;
