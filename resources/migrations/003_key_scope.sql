-- Keyward schema, version 3: per-key IP allowlists, enforced by the verifier.
-- allowed_ips holds the key's allowed addresses and CIDR ranges, normalised and separated by
-- single spaces (see IpAllowlist); empty means "from any address". Existing keys stay open.
ALTER TABLE api_keys ADD COLUMN allowed_ips TEXT NOT NULL DEFAULT '';
