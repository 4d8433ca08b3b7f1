-- Keyward schema, version 5: a vault that write access alone cannot forge (vault files).
-- Every member has an Ed25519 key pair: the private key sealed with a key derived from the
-- member's passphrase (Argon2id), the public key certified by an Owner. A certificate covers
-- the key's id, member, public key, role and whether it is retired; the root (the vault's
-- fingerprint) is the public key in vault_meta 'root_key', which certifies itself. Key rows and
-- audit rows carry the signature of the member key that last changed them. The signatures live
-- in their own tables, so a copy between engines (keywardctl migrate) starts unsigned and is
-- signed when its Owner signs in. PostgreSQL vaults leave them empty: there the server's roles
-- keep verifiers from writing keys (see README, "Threat model").
CREATE TABLE member_keys (
    id {{ID}},
    member_id {{BIGINT}} NOT NULL REFERENCES members(id),
    public_key {{BLOB}} NOT NULL,
    sealed_key {{BLOB}},
    role INTEGER NOT NULL,
    retired INTEGER NOT NULL DEFAULT 0,
    certified_by {{BIGINT}},
    certificate {{BLOB}}
);
CREATE INDEX member_keys_member ON member_keys(member_id);
CREATE TABLE key_signatures (
    key_id {{BIGINT}} PRIMARY KEY REFERENCES api_keys(id) ON DELETE CASCADE,
    signed_by {{BIGINT}} NOT NULL,
    signature {{BLOB}} NOT NULL
);
CREATE TABLE audit_signatures (
    audit_id {{BIGINT}} PRIMARY KEY,
    signed_by {{BIGINT}} NOT NULL,
    signature {{BLOB}} NOT NULL
);
