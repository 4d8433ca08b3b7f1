#pragma once

// Takes a vault file of this version back to schema 7, where use was kept in the key and secret
// rows (usage_count, usage_epoch; last_used_*, last_refused_*, usage_seq), for tests of vaults
// written by earlier Keywards (either engine: BIGINT is SQLite's INTEGER). Run before the steps
// that go further back.
namespace Keyward::OlderSchema {

inline constexpr const char *kBackToSeven[] = {
    "ALTER TABLE api_keys ADD COLUMN usage_count BIGINT NOT NULL DEFAULT 0",
    "ALTER TABLE api_keys ADD COLUMN usage_epoch BIGINT NOT NULL DEFAULT 0",
    "UPDATE api_keys SET (usage_count, usage_epoch) = (SELECT u.usage_count, u.usage_epoch FROM "
    "key_usage u WHERE u.key_id = api_keys.id) WHERE id IN (SELECT key_id FROM key_usage)",
    "ALTER TABLE key_secrets ADD COLUMN last_used_at BIGINT",
    "ALTER TABLE key_secrets ADD COLUMN last_used_source TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE key_secrets ADD COLUMN last_refused_at BIGINT",
    "ALTER TABLE key_secrets ADD COLUMN last_refused_outcome INTEGER",
    "ALTER TABLE key_secrets ADD COLUMN usage_seq BIGINT NOT NULL DEFAULT 0",
    "UPDATE key_secrets SET (last_used_at, last_used_source, last_refused_at, "
    "last_refused_outcome, usage_seq) = (SELECT u.last_used_at, u.last_used_source, "
    "u.last_refused_at, u.last_refused_outcome, u.usage_seq FROM secret_usage u WHERE u.secret_id "
    "= key_secrets.id) WHERE id IN (SELECT secret_id FROM secret_usage)",
    "CREATE INDEX key_secrets_usage_seq ON key_secrets(usage_seq)",
    "DROP TABLE secret_usage",
    "DROP TABLE key_usage",
    "DELETE FROM schema_version WHERE version >= 8",
};

} // namespace Keyward::OlderSchema
