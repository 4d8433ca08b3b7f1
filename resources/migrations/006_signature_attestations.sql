-- Keyward schema, version 6: signed lists of key-row signatures (vault files).
-- Every key row's own signature stays what makes it trusted. An attestation is one member key's
-- signature over the digests of the key-row signatures in one bucket of 256 key ids, each made
-- by that member or checked good before it was listed: a verifier that trusts the attestation
-- needs no Ed25519 verification per row, only one per bucket. entries holds, in key id order,
-- the key id (8 bytes, big-endian) and VerifiedSignatures' digest of (signer's public key, the
-- row's signed message, its signature). PostgreSQL vaults leave it empty, like key_signatures.
CREATE TABLE signature_attestations (
    bucket {{BIGINT}} PRIMARY KEY,
    signed_by {{BIGINT}} NOT NULL,
    entries {{BLOB}} NOT NULL,
    signature {{BLOB}} NOT NULL
);
