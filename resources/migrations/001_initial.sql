-- Keyward schema, version 1. {{ID}}, {{BLOB}} and {{BIGINT}} are filled in per engine.
-- Times are UTC epoch milliseconds. Secrets are never stored, only SHA-256(token).
CREATE TABLE vault_meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE members (
    id {{ID}},
    name TEXT NOT NULL UNIQUE,
    role INTEGER NOT NULL CHECK (role BETWEEN 0 AND 3),
    passphrase_hash TEXT,
    created_at {{BIGINT}} NOT NULL,
    removed_at {{BIGINT}},
    version {{BIGINT}} NOT NULL DEFAULT 1
);
CREATE TABLE grants (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    description TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);
CREATE TABLE role_grants (
    role INTEGER NOT NULL CHECK (role BETWEEN 0 AND 3),
    grant_id TEXT NOT NULL REFERENCES grants(id),
    PRIMARY KEY (role, grant_id)
);
CREATE TABLE api_keys (
    id {{ID}},
    name TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    environment INTEGER NOT NULL CHECK (environment BETWEEN 0 AND 2),
    role INTEGER NOT NULL CHECK (role BETWEEN 0 AND 3),
    grants TEXT NOT NULL,
    state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 2),
    expires_at {{BIGINT}},
    rate_count INTEGER NOT NULL DEFAULT 0,
    rate_unit INTEGER NOT NULL DEFAULT 1,
    usage_limit {{BIGINT}},
    usage_count {{BIGINT}} NOT NULL DEFAULT 0,
    customer TEXT NOT NULL DEFAULT '',
    created_by {{BIGINT}} NOT NULL REFERENCES members(id),
    created_at {{BIGINT}} NOT NULL,
    updated_at {{BIGINT}} NOT NULL,
    revoked_at {{BIGINT}},
    flagged INTEGER NOT NULL DEFAULT 0,
    version {{BIGINT}} NOT NULL DEFAULT 1
);
CREATE TABLE key_secrets (
    id {{ID}},
    key_id {{BIGINT}} NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
    hash {{BLOB}} NOT NULL UNIQUE,
    hint TEXT NOT NULL,
    created_at {{BIGINT}} NOT NULL,
    retires_at {{BIGINT}},
    last_used_at {{BIGINT}},
    last_used_source TEXT NOT NULL DEFAULT ''
);
CREATE INDEX key_secrets_key ON key_secrets(key_id);
CREATE TABLE audit_log (
    id {{BIGINT}} PRIMARY KEY,
    at {{BIGINT}} NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    key_id {{BIGINT}},
    details TEXT NOT NULL,
    prev_hash {{BLOB}} NOT NULL,
    hash {{BLOB}} NOT NULL
);
CREATE INDEX audit_log_key ON audit_log(key_id);
CREATE TABLE key_usage_hourly (
    key_id {{BIGINT}} NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
    hour {{BIGINT}} NOT NULL,
    outcome INTEGER NOT NULL,
    count {{BIGINT}} NOT NULL,
    PRIMARY KEY (key_id, hour, outcome)
);
CREATE TABLE request_log (
    id {{ID}},
    at {{BIGINT}} NOT NULL,
    key_id {{BIGINT}} REFERENCES api_keys(id) ON DELETE CASCADE,
    secret_id {{BIGINT}},
    source TEXT NOT NULL DEFAULT '',
    outcome INTEGER NOT NULL
);
CREATE INDEX request_log_key ON request_log(key_id, at);
