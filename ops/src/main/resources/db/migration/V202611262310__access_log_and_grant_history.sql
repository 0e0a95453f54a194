-- Every change of an account's grants or password, append-only like the event store (docs/decisions/0010).
CREATE TABLE ledger_grant_change (
    id              BIGSERIAL    PRIMARY KEY,
    changed_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    user_id         VARCHAR(36)  NOT NULL REFERENCES ledger_user (id),
    change          VARCHAR(30)  NOT NULL,
    role            VARCHAR(40),
    organization_id VARCHAR(36),
    changed_by      VARCHAR(200)
);
CREATE INDEX ledger_grant_change_user ON ledger_grant_change (user_id, id);
CREATE TRIGGER ledger_grant_change_append_only
    BEFORE UPDATE OR DELETE ON ledger_grant_change
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_grant_change_no_truncate
    BEFORE TRUNCATE ON ledger_grant_change
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- Who did what through the API: every authenticated request. Pruned by ledger.access-log.retention; this is an
-- operations log, not a ledger fact, so rows may be deleted.
CREATE TABLE access_log (
    id              BIGSERIAL    PRIMARY KEY,
    at              TIMESTAMPTZ  NOT NULL,
    user_id         VARCHAR(300) NOT NULL,
    username        VARCHAR(300),
    grant_role      VARCHAR(40),
    grant_org_id    VARCHAR(36),
    method          VARCHAR(10)  NOT NULL,
    path            VARCHAR(2000) NOT NULL,
    organization_id VARCHAR(100),
    status          INTEGER      NOT NULL,
    duration_ms     INTEGER      NOT NULL
);
CREATE INDEX access_log_at ON access_log (at);
CREATE INDEX access_log_user_at ON access_log (user_id, at);
