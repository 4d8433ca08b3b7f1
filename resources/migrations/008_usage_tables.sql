-- Keyward schema, version 8: usage in narrow tables of its own.
-- Every usage write rewrote, for each key and secret used, its whole row in api_keys and
-- key_secrets (name, notes, grants; hash, hint) to change a count and a time, and moved the
-- secret's entry in an index on usage_seq. A pipeline's last write over 100,000 keys spent about
-- half its time on that. Use now lives in rows of a few numbers that only usage writes (and a
-- usage reset or a restore) change: last use and refusal per secret in secret_usage, the count
-- against the usage limit per key in key_usage.
-- A missing row means no use yet: count 0, epoch 0, never used. Rows appear with the first use
-- (writers upsert), so creating a key or a secret writes nothing here, and a key's rows go with it.
-- usage_seq has no index any more: an open window finds the secrets used since it last looked by
-- reading this narrow table (milliseconds for 100,000 secrets), where every write paid for the
-- index per secret; on PostgreSQL an update that changes no indexed column is also a HOT update.
CREATE TABLE secret_usage (
    secret_id {{BIGINT}} PRIMARY KEY REFERENCES key_secrets(id) ON DELETE CASCADE,
    usage_seq {{BIGINT}} NOT NULL DEFAULT 0,
    last_used_at {{BIGINT}},
    last_used_source TEXT NOT NULL DEFAULT '',
    last_refused_at {{BIGINT}},
    last_refused_outcome INTEGER
);
INSERT INTO secret_usage (secret_id, usage_seq, last_used_at, last_used_source, last_refused_at,
                          last_refused_outcome)
    SELECT id, usage_seq, last_used_at, last_used_source, last_refused_at, last_refused_outcome
    FROM key_secrets
    WHERE usage_seq <> 0 OR last_used_at IS NOT NULL OR last_refused_at IS NOT NULL;
CREATE TABLE key_usage (
    key_id {{BIGINT}} PRIMARY KEY REFERENCES api_keys(id) ON DELETE CASCADE,
    usage_count {{BIGINT}} NOT NULL DEFAULT 0,
    usage_epoch {{BIGINT}} NOT NULL DEFAULT 0
);
INSERT INTO key_usage (key_id, usage_count, usage_epoch)
    SELECT id, usage_count, usage_epoch FROM api_keys WHERE usage_count <> 0 OR usage_epoch <> 0;
DROP INDEX key_secrets_usage_seq;
ALTER TABLE key_secrets DROP COLUMN usage_seq;
ALTER TABLE key_secrets DROP COLUMN last_used_at;
ALTER TABLE key_secrets DROP COLUMN last_used_source;
ALTER TABLE key_secrets DROP COLUMN last_refused_at;
ALTER TABLE key_secrets DROP COLUMN last_refused_outcome;
ALTER TABLE api_keys DROP COLUMN usage_count;
ALTER TABLE api_keys DROP COLUMN usage_epoch;
