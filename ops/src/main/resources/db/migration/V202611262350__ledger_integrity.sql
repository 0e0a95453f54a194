-- Tamper evidence (docs/decisions/0009-hash-chain-seals-bundle.md). Links and seals are derived from the events and
-- written off the ingest path; like the events they are never updated or deleted, except each scope's chain head.

-- link_n = SHA-256(link_(n-1) || canonical bytes of event n), one row per event, in the scope's own order.
CREATE TABLE ledger_chain_link (
    scope_id  VARCHAR(64)  NOT NULL,
    scope_seq BIGINT       NOT NULL,
    event_id  VARCHAR(255) NOT NULL,
    link      BYTEA        NOT NULL,
    PRIMARY KEY (scope_id, scope_seq)
);

-- The last chained position of each scope: where the chainer continues and what a seal signs.
CREATE TABLE ledger_chain_head (
    scope_id   VARCHAR(64) PRIMARY KEY,
    seq        BIGINT      NOT NULL,
    link       BYTEA       NOT NULL,
    chained_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Public keys of the ledger, oldest first; a later key is endorsed by the one before. Private keys live in files.
CREATE TABLE ledger_key (
    key_id          VARCHAR(32) PRIMARY KEY,
    public_key      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    previous_key_id VARCHAR(32),
    endorsement     TEXT
);

-- Seals: the signed statement's fields, its signature and digest.
CREATE TABLE ledger_seal (
    seal_no   BIGINT      PRIMARY KEY,
    sealed_at VARCHAR(40) NOT NULL,
    previous  VARCHAR(64),
    tree_size BIGINT      NOT NULL,
    root      VARCHAR(64) NOT NULL,
    key_id    VARCHAR(32) NOT NULL,
    signature TEXT        NOT NULL,
    digest    VARCHAR(64) NOT NULL
);

-- The Merkle leaves of each seal, in tree order (scope ids in byte order): enough to build any inclusion proof.
CREATE TABLE ledger_seal_leaf (
    seal_no    BIGINT      NOT NULL,
    leaf_index INTEGER     NOT NULL,
    scope_id   VARCHAR(64) NOT NULL,
    seq        BIGINT      NOT NULL,
    link       BYTEA       NOT NULL,
    PRIMARY KEY (seal_no, leaf_index)
);
CREATE INDEX ledger_seal_leaf_scope ON ledger_seal_leaf (scope_id, seal_no);

CREATE TRIGGER ledger_chain_link_append_only BEFORE UPDATE OR DELETE ON ledger_chain_link
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_key_append_only BEFORE UPDATE OR DELETE ON ledger_key
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_seal_append_only BEFORE UPDATE OR DELETE ON ledger_seal
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_seal_leaf_append_only BEFORE UPDATE OR DELETE ON ledger_seal_leaf
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_integrity_no_truncate BEFORE TRUNCATE ON ledger_chain_link
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
