-- The event store the ledger owns (docs/decisions/0006-event-store-order-and-scopes.md):
--  1. the envelope fields readers filter on become indexed columns, filled on every append from the event's metadata;
--  2. every event gets a gap-free sequence number within its organisation scope, in the scope's commit order;
--  3. a position is drawn only after its transaction has an id, which lets LedgerEventStorageEngine keep a gap until it
--     is provably empty (every transaction that could hold it has ended) — never on a timeout.
--
-- Why this migration may add and fill columns of an append-only table: the columns it adds are derived from each
-- event's own stored metadata and position (nothing new is asserted about a stored fact), they are filled once for the
-- events stored before this migration, and afterwards the trigger below refuses every change again. The payload, the
-- metadata, the position and every other column Axon wrote can never change: the update trigger allows exactly one
-- kind of UPDATE, the one-time fill of a row whose scope_seq is still NULL that leaves Axon's columns untouched, and
-- scope_seq becomes NOT NULL at the end of this migration, so no such row remains.

ALTER TABLE domainevententry
    ADD COLUMN scope_id          VARCHAR(64),
    ADD COLUMN scope_seq         BIGINT,
    ADD COLUMN occurred_on       DATE,
    ADD COLUMN recorded_at       TIMESTAMPTZ,
    ADD COLUMN actor_user_id     VARCHAR(64),
    ADD COLUMN corrects_event_id VARCHAR(255),
    -- the inserting transaction (forensics: which events one command stored together); NULL before this migration
    ADD COLUMN tx_id             XID8;

-- The last sequence number of each organisation scope. Its row is locked by the appending transaction until commit, so
-- one scope's events are numbered in that scope's commit order and a rolled-back append gives its numbers back.
CREATE TABLE ledger_scope_head (
    scope_id VARCHAR(64) PRIMARY KEY,
    seq      BIGINT      NOT NULL
);

-- Fill the events stored before this migration: their scope order is their global order (the best order known for
-- them), and every transaction that stored them has ended, so any reader may treat their positions as final.
DROP TRIGGER domainevententry_append_only ON domainevententry;

CREATE FUNCTION ledger_refuse_change_of_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.scope_seq IS NULL
       AND (NEW.globalindex, NEW.aggregateidentifier, NEW.sequencenumber, NEW.type, NEW.eventidentifier,
            NEW.metadata, NEW.payload, NEW.payloadrevision, NEW.payloadtype, NEW.timestamp)
           IS NOT DISTINCT FROM
           (OLD.globalindex, OLD.aggregateidentifier, OLD.sequencenumber, OLD.type, OLD.eventidentifier,
            OLD.metadata, OLD.payload, OLD.payloadrevision, OLD.payloadtype, OLD.timestamp) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the event store is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END
$$;

CREATE TRIGGER domainevententry_append_only
    BEFORE UPDATE OR DELETE ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change_of_event();

WITH envelope AS (
    SELECT globalindex, convert_from(metadata, 'UTF8')::jsonb AS meta FROM domainevententry
), scoped AS (
    SELECT globalindex, meta, coalesce(meta ->> 'scope', 'ledger') AS scope_id FROM envelope
), numbered AS (
    SELECT globalindex, meta, scope_id,
           row_number() OVER (PARTITION BY scope_id ORDER BY globalindex) AS scope_seq
    FROM scoped
)
UPDATE domainevententry e
SET scope_id          = n.scope_id,
    scope_seq         = n.scope_seq,
    occurred_on       = (n.meta ->> 'occurredOn')::date,
    recorded_at       = (n.meta ->> 'recordedAt')::timestamptz,
    actor_user_id     = n.meta -> 'actor' ->> 'userId',
    corrects_event_id = n.meta ->> 'correctsEventId'
FROM numbered n
WHERE e.globalindex = n.globalindex;

INSERT INTO ledger_scope_head (scope_id, seq)
SELECT scope_id, max(scope_seq) FROM domainevententry GROUP BY scope_id;

ALTER TABLE domainevententry
    ALTER COLUMN scope_id SET NOT NULL,
    ALTER COLUMN scope_seq SET NOT NULL,
    -- positions are drawn by the insert trigger, after the transaction has its id; a column default would draw a
    -- number before the trigger runs and waste it
    ALTER COLUMN globalindex DROP DEFAULT;

-- Every append: the transaction id first, then the position. A transaction therefore holds an id before it holds a
-- position, so any transaction id assigned after a reader has seen a hole is larger than the id of the hole's holder:
-- once the oldest running transaction is past that later id, the holder has ended (LedgerEventStorageEngine).
-- The same function numbers the Axon Server mirror below, whose positions are Axon Server's own.
CREATE FUNCTION ledger_event_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    meta jsonb;
BEGIN
    NEW.tx_id := pg_current_xact_id();
    IF TG_TABLE_NAME = 'domainevententry' THEN
        NEW.globalindex := nextval('domainevententry_globalindex_seq');
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

CREATE TRIGGER domainevententry_envelope
    BEFORE INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION ledger_event_before_insert();

CREATE UNIQUE INDEX domainevententry_scope_seq ON domainevententry (scope_id, scope_seq);
CREATE INDEX domainevententry_scope_occurred ON domainevententry (scope_id, occurred_on, scope_seq);
CREATE INDEX domainevententry_scope_recorded ON domainevententry (scope_id, recorded_at, scope_seq);
CREATE INDEX domainevententry_actor_recorded ON domainevententry (actor_user_id, recorded_at);
CREATE INDEX domainevententry_corrects ON domainevententry (corrects_event_id) WHERE corrects_event_id IS NOT NULL;
CREATE INDEX domainevententry_recorded ON domainevententry (recorded_at);

-- With the axonserver profile Axon Server stores the events; the service mirrors them here, in Axon Server's order, by
-- one single-threaded processor (EventMirror), so scopes, their sequences and the envelope columns exist there too.
-- Same append-only rules and the same numbering trigger.
CREATE TABLE ledger_event_mirror (
    globalindex         BIGINT       NOT NULL PRIMARY KEY,
    aggregateidentifier VARCHAR(255),
    sequencenumber      BIGINT,
    type                VARCHAR(255),
    eventidentifier     VARCHAR(255) NOT NULL UNIQUE,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    scope_id            VARCHAR(64)  NOT NULL,
    scope_seq           BIGINT       NOT NULL,
    occurred_on         DATE,
    recorded_at         TIMESTAMPTZ,
    actor_user_id       VARCHAR(64),
    corrects_event_id   VARCHAR(255),
    tx_id               XID8
);

CREATE TRIGGER ledger_event_mirror_envelope
    BEFORE INSERT ON ledger_event_mirror
    FOR EACH ROW EXECUTE FUNCTION ledger_event_before_insert();
CREATE TRIGGER ledger_event_mirror_append_only
    BEFORE UPDATE OR DELETE ON ledger_event_mirror
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_event_mirror_no_truncate
    BEFORE TRUNCATE ON ledger_event_mirror
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

CREATE UNIQUE INDEX ledger_event_mirror_scope_seq ON ledger_event_mirror (scope_id, scope_seq);
CREATE INDEX ledger_event_mirror_scope_occurred ON ledger_event_mirror (scope_id, occurred_on, scope_seq);
CREATE INDEX ledger_event_mirror_scope_recorded ON ledger_event_mirror (scope_id, recorded_at, scope_seq);
CREATE INDEX ledger_event_mirror_aggregate ON ledger_event_mirror (aggregateidentifier, sequencenumber);
CREATE INDEX ledger_event_mirror_actor_recorded ON ledger_event_mirror (actor_user_id, recorded_at);
CREATE INDEX ledger_event_mirror_corrects ON ledger_event_mirror (corrects_event_id) WHERE corrects_event_id IS NOT NULL;
CREATE INDEX ledger_event_mirror_recorded ON ledger_event_mirror (recorded_at);

-- The one place readers (histories, hash chains, bundles) read events from, whichever store holds them. Only one of
-- the two tables has rows in a given deployment; PostgreSQL pushes filters into both branches and uses their indexes.
CREATE VIEW ledger_event AS
SELECT globalindex AS global_index, eventidentifier AS event_id, aggregateidentifier AS aggregate_id,
       sequencenumber AS aggregate_seq, type AS aggregate_type, payloadtype AS payload_type,
       payloadrevision AS payload_revision, payload, metadata, timestamp AS event_timestamp,
       scope_id, scope_seq, occurred_on, recorded_at, actor_user_id, corrects_event_id
FROM domainevententry
UNION ALL
SELECT globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, payloadtype, payloadrevision, payload,
       metadata, timestamp, scope_id, scope_seq, occurred_on, recorded_at, actor_user_id, corrects_event_id
FROM ledger_event_mirror;
