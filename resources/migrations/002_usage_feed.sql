-- Keyward schema, version 2: usage the window can follow, and last use that means success.
-- last_used_at now records successful (Valid) uses only; a refused presentation of a secret
-- (wrong environment, revoked, expired, rate limited, ...) goes to last_refused_at with its
-- persisted outcome, so "last used" never reports a key as working that never worked.
ALTER TABLE key_secrets ADD COLUMN last_refused_at {{BIGINT}};
ALTER TABLE key_secrets ADD COLUMN last_refused_outcome INTEGER;
-- Every usage write takes the next value of vault_meta.usage_seq (its row lock orders the
-- writers, so values commit in order) and stamps it on the secrets it touched: an open window
-- reads just the keys used since the value it saw, not the whole vault.
ALTER TABLE key_secrets ADD COLUMN usage_seq {{BIGINT}} NOT NULL DEFAULT 0;
CREATE INDEX key_secrets_usage_seq ON key_secrets(usage_seq);
INSERT INTO vault_meta (name, value) SELECT 'usage_seq', '0'
    WHERE NOT EXISTS (SELECT 1 FROM vault_meta WHERE name = 'usage_seq');
