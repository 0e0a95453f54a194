-- Accounts of the service. Passwords are stored as bcrypt hashes only ({bcrypt} DelegatingPasswordEncoder format).
CREATE TABLE ledger_user (
    id            VARCHAR(36)  PRIMARY KEY,
    username      VARCHAR(100) NOT NULL UNIQUE,
    password_hash VARCHAR(200) NOT NULL,
    full_name     VARCHAR(200),
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- A grant gives one role over one organisation subtree; organization_id NULL = the whole ledger (operators).
CREATE TABLE ledger_grant (
    id              BIGSERIAL    PRIMARY KEY,
    user_id         VARCHAR(36)  NOT NULL REFERENCES ledger_user (id),
    role            VARCHAR(40)  NOT NULL,
    organization_id VARCHAR(36),
    granted_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    granted_by      VARCHAR(36),
    UNIQUE (user_id, role, organization_id)
);

-- Idempotency-Key: a retried POST returns the first answer and stores nothing new.
CREATE TABLE idempotency_key (
    username      VARCHAR(100) NOT NULL,
    idem_key      VARCHAR(200) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    status        INTEGER      NOT NULL,
    location      VARCHAR(500),
    body          TEXT,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (username, idem_key)
);
