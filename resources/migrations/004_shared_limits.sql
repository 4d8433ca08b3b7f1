-- Keyward schema, version 4: rate limits that hold across every verifier on one store.
-- One token bucket per rate-limited key, shared by all verifier processes (and servers) on the
-- vault. A verifier takes a few tokens at a time from it in a short write transaction (a lease)
-- and answers from its lease, so the store sees one write per lease, never one per request.
-- units = tokens * period_ms; the bucket gains rate_count units per millisecond since
-- refilled_at, up to rate_count * period_ms. A bucket whose rate_count/period_ms no longer match
-- the key's limit starts full under the new one. Usage limits need no table: verifiers reserve
-- credits by adding them to api_keys.usage_count (see docs/verification.md).
CREATE TABLE rate_buckets (
    key_id {{BIGINT}} PRIMARY KEY REFERENCES api_keys(id) ON DELETE CASCADE,
    rate_count INTEGER NOT NULL,
    period_ms {{BIGINT}} NOT NULL,
    units {{BIGINT}} NOT NULL,
    refilled_at {{BIGINT}} NOT NULL
);
