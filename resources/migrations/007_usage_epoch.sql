-- Keyward schema, version 7: usage resets that verifiers notice.
-- Verifiers reserve usage credits by adding them to api_keys.usage_count before spending them
-- (schema 4). A reset sets the count to 0 and so forgets the credits reserved before it; each
-- reset also moves usage_epoch on. A verifier holding credits reserved in an older epoch stops
-- spending them as soon as it reads the key again (they are not in the new count), and gives
-- back only credits reserved in the current epoch (taking older ones off the new count would
-- undercount the use since the reset). See docs/verification.md, "Limits across verifiers".
ALTER TABLE api_keys ADD COLUMN usage_epoch {{BIGINT}} NOT NULL DEFAULT 0;
