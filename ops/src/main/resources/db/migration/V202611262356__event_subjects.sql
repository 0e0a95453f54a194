-- The subject index of the event store (docs/decisions/0011-corrections-histories-oversight.md): which events concern
-- which member (or meeting, task, case...). A member's own stream is not all of a member's dossier: attendance lives in
-- meetings, tasks in tasks, commitments in commitments. The insert trigger indexes, from the event's own payload, its
-- aggregate and every id in the payload fields that name a person, so every writer fills it the same way, and
-- a dossier page is an index range scan joined to the store by position.
CREATE TABLE ledger_event_subject (
    subject_id   VARCHAR(255) NOT NULL,
    global_index BIGINT       NOT NULL,
    PRIMARY KEY (subject_id, global_index)
);

-- The payload fields that name the people (or records) an event concerns. Adding a field later indexes only the
-- events stored after it, unless the migration that adds it back-fills as this one does.
CREATE FUNCTION ledger_event_subjects(aggregate_id VARCHAR, payload BYTEA) RETURNS SETOF VARCHAR
    LANGUAGE sql IMMUTABLE AS $$
    WITH p AS (SELECT convert_from(payload, 'UTF8')::jsonb AS j)
    SELECT DISTINCT s FROM p, unnest(ARRAY[
            aggregate_id,
            CASE WHEN jsonb_typeof(j) = 'object' THEN j ->> 'memberId' END,
            CASE WHEN jsonb_typeof(j) = 'object' THEN j ->> 'assigneeId' END,
            CASE WHEN jsonb_typeof(j) = 'object' THEN j ->> 'previousAssigneeId' END,
            CASE WHEN jsonb_typeof(j) = 'object' THEN j ->> 'chairMemberId' END,
            CASE WHEN jsonb_typeof(j) = 'object' THEN j ->> 'minutesSecretaryMemberId' END,
            CASE WHEN jsonb_typeof(j) = 'object' THEN j ->> 'liaisonMemberId' END,
            CASE WHEN jsonb_typeof(j) = 'object' THEN j ->> 'subjectMemberId' END]) AS s
    WHERE s IS NOT NULL
$$;

CREATE FUNCTION ledger_event_index_subjects() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_event_subject (subject_id, global_index)
    SELECT s, NEW.globalindex FROM ledger_event_subjects(NEW.aggregateidentifier, NEW.payload) AS s
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER domainevententry_subjects
    AFTER INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION ledger_event_index_subjects();
CREATE TRIGGER ledger_event_mirror_subjects
    AFTER INSERT ON ledger_event_mirror
    FOR EACH ROW EXECUTE FUNCTION ledger_event_index_subjects();

-- Derived from stored events only, and just as append-only.
CREATE TRIGGER ledger_event_subject_append_only
    BEFORE UPDATE OR DELETE ON ledger_event_subject
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_event_subject_no_truncate
    BEFORE TRUNCATE ON ledger_event_subject
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

INSERT INTO ledger_event_subject (subject_id, global_index)
SELECT s, e.globalindex FROM domainevententry e, ledger_event_subjects(e.aggregateidentifier, e.payload) AS s
ON CONFLICT DO NOTHING;
INSERT INTO ledger_event_subject (subject_id, global_index)
SELECT s, e.globalindex FROM ledger_event_mirror e, ledger_event_subjects(e.aggregateidentifier, e.payload) AS s
ON CONFLICT DO NOTHING;

