-- Keyward on PostgreSQL: group roles, privileges, row-level security and the member functions.
-- Applied by `keywardctl db setup` (PostgresSetup) as the database owner, after the schema
-- migrations, in one transaction. Every statement can safely run again (upgrades re-apply it).
-- {{P}} is the role prefix (default "keyward"): group roles are cluster-wide, so two Keyward
-- databases on one server that must not share members use different prefixes.
--
-- The model, for a DBA or a reviewer:
--   {{P}}_viewer < {{P}}_developer < {{P}}_admin < {{P}}_owner   (each a member of the next lower)
--   {{P}}_verifier: services that verify keys; reads what verification needs, writes usage.
-- Table privileges come from these groups; which rows a member may change comes from the
-- `members` row of the login (current_user) through row-level security, so a removed member
-- loses write access even if a group grant was forgotten. Nobody may UPDATE, DELETE or TRUNCATE
-- the audit log: not the groups (no privilege) and not the table owner (trigger).

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['{{P}}_viewer', '{{P}}_developer', '{{P}}_admin', '{{P}}_owner',
                             '{{P}}_verifier'] LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END
$$;
GRANT {{P}}_viewer TO {{P}}_developer;
GRANT {{P}}_developer TO {{P}}_admin;
GRANT {{P}}_admin TO {{P}}_owner;

-- Only Keyward's groups connect; PUBLIC gets nothing in this database.
DO $$
BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO {{P}}_viewer, {{P}}_verifier',
                   current_database());
END
$$;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO {{P}}_viewer, {{P}}_verifier;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;

-- Who the caller is in this vault: NULL for a login that is not a current member.
CREATE OR REPLACE FUNCTION keyward_member_id() RETURNS bigint
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp
    AS $$ SELECT id FROM members WHERE name = current_user AND removed_at IS NULL $$;
CREATE OR REPLACE FUNCTION keyward_member_role() RETURNS integer
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp
    AS $$ SELECT role FROM members WHERE name = current_user AND removed_at IS NULL $$;
-- The rule of Permissions::mayActOnKey: Admins and Owners manage every key, Developers the keys
-- they created, and nobody a key whose role is above their own.
CREATE OR REPLACE FUNCTION keyward_may_manage_key(p_created_by bigint, p_key_role integer)
    RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp
    AS $$ SELECT COALESCE(m.role >= p_key_role
                          AND (m.role >= 2 OR (m.role >= 1 AND m.id = p_created_by)), false)
          FROM (SELECT keyward_member_id() AS id, keyward_member_role() AS role) m $$;
CREATE OR REPLACE FUNCTION keyward_group_for(p_role integer) RETURNS text
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp
    AS $$ SELECT (ARRAY['{{P}}_viewer', '{{P}}_developer', '{{P}}_admin', '{{P}}_owner'])[p_role + 1] $$;
GRANT EXECUTE ON FUNCTION keyward_member_id(), keyward_member_role(),
    keyward_may_manage_key(bigint, integer), keyward_group_for(integer) TO {{P}}_viewer;

-- Settings, catalogue, schema version: everyone in the vault reads them; the verifier needs them
-- to open the vault; only Owners edit the grant catalogue.
GRANT SELECT ON schema_version, vault_meta, grants, role_grants TO {{P}}_viewer, {{P}}_verifier;
GRANT INSERT, UPDATE, DELETE ON grants, role_grants TO {{P}}_owner;
-- Every write bumps the change counter (and nothing else in vault_meta may change).
GRANT UPDATE (value) ON vault_meta TO {{P}}_developer;
ALTER TABLE vault_meta ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS keyward_read ON vault_meta;
CREATE POLICY keyward_read ON vault_meta FOR SELECT TO {{P}}_viewer, {{P}}_verifier USING (true);
DROP POLICY IF EXISTS keyward_bump ON vault_meta;
-- (Numeric only: a counter that no longer casts to a number would stop every later write.)
CREATE POLICY keyward_bump ON vault_meta FOR UPDATE TO {{P}}_developer
    USING (name = 'change_seq' AND (SELECT keyward_member_role()) >= 1)
    WITH CHECK (name = 'change_seq' AND value ~ '^[0-9]{1,18}$');
-- Usage writers take the next usage_seq (and nothing else in vault_meta), so open windows learn
-- which keys were used without reading every key.
GRANT UPDATE (value) ON vault_meta TO {{P}}_verifier;
DROP POLICY IF EXISTS keyward_usage_bump ON vault_meta;
CREATE POLICY keyward_usage_bump ON vault_meta FOR UPDATE TO {{P}}_verifier
    USING (name = 'usage_seq') WITH CHECK (name = 'usage_seq' AND value ~ '^[0-9]{1,18}$');

-- Members: readable (never a passphrase hash); changed only through the functions below, which
-- keep the group grants in step with the members table.
GRANT SELECT (id, name, role, created_at, removed_at, version) ON members TO {{P}}_viewer;
GRANT SELECT (id, name) ON members TO {{P}}_verifier;

-- Keys. Role, grants, environment, customer and creator are immutable: no column privilege to
-- change them. The IP allowlist is edited like the name and notes. The usage limit changes only by
-- Admins and Owners (raise, lower or remove it). The verifier changes no key row: the use it
-- counts is in key_usage (below).
GRANT SELECT ON api_keys TO {{P}}_viewer, {{P}}_verifier;
GRANT INSERT, DELETE ON api_keys TO {{P}}_developer;
GRANT UPDATE (name, notes, state, expires_at, rate_count, rate_unit, allowed_ips, updated_at,
              revoked_at, flagged, version) ON api_keys TO {{P}}_developer;
GRANT UPDATE (usage_limit) ON api_keys TO {{P}}_admin;
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS keyward_read ON api_keys;
CREATE POLICY keyward_read ON api_keys FOR SELECT TO {{P}}_viewer, {{P}}_verifier USING (true);
DROP POLICY IF EXISTS keyward_create ON api_keys;
CREATE POLICY keyward_create ON api_keys FOR INSERT TO {{P}}_developer
    WITH CHECK (created_by = (SELECT keyward_member_id()) AND keyward_may_manage_key(created_by, role));
DROP POLICY IF EXISTS keyward_change ON api_keys;
CREATE POLICY keyward_change ON api_keys FOR UPDATE TO {{P}}_developer
    USING (keyward_may_manage_key(created_by, role))
    WITH CHECK (keyward_may_manage_key(created_by, role));
DROP POLICY IF EXISTS keyward_remove ON api_keys;
CREATE POLICY keyward_remove ON api_keys FOR DELETE TO {{P}}_developer
    USING (keyward_may_manage_key(created_by, role));
-- Before schema 8 the verifier counted use in the key row.
DROP POLICY IF EXISTS keyward_usage ON api_keys;

-- Rules that hold for every role, the table owner included: revocation is permanent and an
-- expiry can only move earlier.
CREATE OR REPLACE FUNCTION keyward_guard_key() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
    AS $$
BEGIN
    IF OLD.state = 2 AND NEW.state <> 2 THEN
        RAISE EXCEPTION 'key % is revoked; revocation is permanent', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.expires_at IS DISTINCT FROM OLD.expires_at
       AND (NEW.expires_at IS NULL OR (OLD.expires_at IS NOT NULL AND NEW.expires_at > OLD.expires_at)) THEN
        RAISE EXCEPTION 'the expiry of key % can only move earlier', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS keyward_guard_key ON api_keys;
CREATE TRIGGER keyward_guard_key BEFORE UPDATE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION keyward_guard_key();

-- An expired key gets no new secret (Permissions::mayRegenerateAt): it would answer Expired at
-- once, and an expiry cannot be extended; the way on is a new key with the same configuration
-- (Duplicate). The first secret of a new key is not a regeneration. "Now" is the secret's
-- created_at, the time of the client that writes it, like every time Keyward stores, so a
-- vault's own clock (and a test's) decides as it does for the Expired answer.
CREATE OR REPLACE FUNCTION keyward_guard_secret() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    v_expires bigint;
BEGIN
    SELECT expires_at INTO v_expires FROM api_keys WHERE id = NEW.key_id;
    IF v_expires IS NOT NULL AND v_expires <= NEW.created_at
       AND EXISTS (SELECT 1 FROM key_secrets WHERE key_id = NEW.key_id) THEN
        RAISE EXCEPTION 'key % has expired; it cannot be regenerated: duplicate it instead', NEW.key_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS keyward_guard_secret ON key_secrets;
CREATE TRIGGER keyward_guard_secret BEFORE INSERT ON key_secrets
    FOR EACH ROW EXECUTE FUNCTION keyward_guard_secret();

-- Secrets: only hashes are stored. A member adds and retires secrets of keys they manage; the
-- verifier records last use in secret_usage (below).
GRANT SELECT ON key_secrets TO {{P}}_viewer, {{P}}_verifier;
GRANT INSERT ON key_secrets TO {{P}}_developer;
GRANT UPDATE (retires_at) ON key_secrets TO {{P}}_developer;
ALTER TABLE key_secrets ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS keyward_read ON key_secrets;
CREATE POLICY keyward_read ON key_secrets FOR SELECT TO {{P}}_viewer, {{P}}_verifier USING (true);
DROP POLICY IF EXISTS keyward_create ON key_secrets;
CREATE POLICY keyward_create ON key_secrets FOR INSERT TO {{P}}_developer
    WITH CHECK (EXISTS (SELECT 1 FROM api_keys k WHERE k.id = key_secrets.key_id
                        AND keyward_may_manage_key(k.created_by, k.role)));
DROP POLICY IF EXISTS keyward_change ON key_secrets;
CREATE POLICY keyward_change ON key_secrets FOR UPDATE TO {{P}}_developer
    USING (EXISTS (SELECT 1 FROM api_keys k WHERE k.id = key_secrets.key_id
                   AND keyward_may_manage_key(k.created_by, k.role)))
    WITH CHECK (EXISTS (SELECT 1 FROM api_keys k WHERE k.id = key_secrets.key_id
                        AND keyward_may_manage_key(k.created_by, k.role)));
-- Before schema 8 the verifier recorded last use in the secret row.
DROP POLICY IF EXISTS keyward_usage ON key_secrets;

-- Use (schema 8), in rows of its own that go with their key or secret: a key's count against
-- its usage limit with the count's epoch, a secret's last use and refusal. Members read them.
-- The verifier adds to counts (starting a key's row when it has none) and records last use; it
-- cannot set an epoch, which only an Admin's or Owner's reset moves, so a verifier cannot make
-- the others drop the credits they reserved. Deleting a key removes its rows through the
-- cascade, as the tables' owner.
GRANT SELECT ON key_usage, secret_usage TO {{P}}_viewer, {{P}}_verifier;
GRANT INSERT (key_id, usage_count), UPDATE (usage_count) ON key_usage TO {{P}}_verifier;
GRANT INSERT (key_id, usage_count, usage_epoch), UPDATE (usage_count, usage_epoch) ON key_usage
    TO {{P}}_admin;
GRANT INSERT, UPDATE (usage_seq, last_used_at, last_used_source, last_refused_at,
                      last_refused_outcome) ON secret_usage TO {{P}}_verifier;
ALTER TABLE key_usage ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS keyward_read ON key_usage;
CREATE POLICY keyward_read ON key_usage FOR SELECT TO {{P}}_viewer, {{P}}_verifier USING (true);
DROP POLICY IF EXISTS keyward_count ON key_usage;
CREATE POLICY keyward_count ON key_usage FOR INSERT TO {{P}}_verifier WITH CHECK (true);
DROP POLICY IF EXISTS keyward_usage ON key_usage;
CREATE POLICY keyward_usage ON key_usage FOR UPDATE TO {{P}}_verifier USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS keyward_reset_row ON key_usage;
CREATE POLICY keyward_reset_row ON key_usage FOR INSERT TO {{P}}_admin
    WITH CHECK (EXISTS (SELECT 1 FROM api_keys k WHERE k.id = key_usage.key_id
                        AND keyward_may_manage_key(k.created_by, k.role)));
DROP POLICY IF EXISTS keyward_reset ON key_usage;
CREATE POLICY keyward_reset ON key_usage FOR UPDATE TO {{P}}_admin
    USING (EXISTS (SELECT 1 FROM api_keys k WHERE k.id = key_usage.key_id
                   AND keyward_may_manage_key(k.created_by, k.role)))
    WITH CHECK (EXISTS (SELECT 1 FROM api_keys k WHERE k.id = key_usage.key_id
                        AND keyward_may_manage_key(k.created_by, k.role)));
ALTER TABLE secret_usage ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS keyward_read ON secret_usage;
CREATE POLICY keyward_read ON secret_usage FOR SELECT TO {{P}}_viewer, {{P}}_verifier USING (true);
DROP POLICY IF EXISTS keyward_record ON secret_usage;
CREATE POLICY keyward_record ON secret_usage FOR INSERT TO {{P}}_verifier WITH CHECK (true);
DROP POLICY IF EXISTS keyward_usage ON secret_usage;
CREATE POLICY keyward_usage ON secret_usage FOR UPDATE TO {{P}}_verifier USING (true) WITH CHECK (true);

-- Usage counters and the request log: written (and trimmed to the retention limits) by the
-- verifier, read by members. Nothing in them is secret: outcomes, sources, counts.
GRANT SELECT ON key_usage_hourly, request_log TO {{P}}_viewer, {{P}}_verifier;
GRANT INSERT, UPDATE (count), DELETE ON key_usage_hourly TO {{P}}_verifier;
GRANT INSERT, DELETE ON request_log TO {{P}}_verifier;

-- Shared rate-limit buckets (schema 4): verifiers lease tokens from them (insert a key's bucket,
-- lock and update it); members read them (explain() in the GUI looks without leasing).
-- Nothing in them is secret: token counts and times per key id.
GRANT SELECT ON rate_buckets TO {{P}}_viewer;
GRANT SELECT, INSERT, UPDATE ON rate_buckets TO {{P}}_verifier;

-- The audit log: members append rows in their own name; nobody changes or removes one. A
-- Viewer changes nothing, so the only row a Viewer appends is its own sign-in.
GRANT SELECT ON audit_log TO {{P}}_viewer;
GRANT INSERT ON audit_log TO {{P}}_viewer;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS keyward_read ON audit_log;
CREATE POLICY keyward_read ON audit_log FOR SELECT TO {{P}}_viewer USING (true);
DROP POLICY IF EXISTS keyward_append ON audit_log;
CREATE POLICY keyward_append ON audit_log FOR INSERT TO {{P}}_viewer
    WITH CHECK (actor = current_user
                AND ((SELECT keyward_member_role()) >= 1
                     OR ((SELECT keyward_member_role()) = 0 AND action = 'member.sign_in')));
CREATE OR REPLACE FUNCTION keyward_audit_is_append_only() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
    AS $$
BEGIN
    RAISE EXCEPTION 'the Keyward audit log is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
DROP TRIGGER IF EXISTS keyward_audit_append_only ON audit_log;
CREATE TRIGGER keyward_audit_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION keyward_audit_is_append_only();
DROP TRIGGER IF EXISTS keyward_audit_no_truncate ON audit_log;
CREATE TRIGGER keyward_audit_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION keyward_audit_is_append_only();

-- Member management, run with the setup owner's rights so that Owners need no CREATEROLE.
-- p_password is a SCRAM verifier computed by the client (never a plain password, so it cannot
-- end up in a server log) or NULL for a login that authenticates otherwise (peer, certificate).
-- An existing login keeps its password: adding it as a member only grants the group.
CREATE OR REPLACE FUNCTION keyward_check_login_name(p_name text) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
    AS $$
BEGIN
    IF p_name IS NULL OR p_name = '' OR octet_length(p_name) > 63 THEN
        RAISE EXCEPTION 'a login name has 1 to 63 bytes' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_name LIKE 'pg\_%' OR p_name LIKE '{{P}}\_%' OR p_name = 'public' THEN
        RAISE EXCEPTION 'the login name "%" is reserved', p_name
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = p_name AND NOT rolcanlogin) THEN
        RAISE EXCEPTION '"%" is a group role, not a login', p_name
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;
CREATE OR REPLACE FUNCTION keyward_ensure_login(p_name text, p_password text) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
    AS $$
BEGIN
    PERFORM keyward_check_login_name(p_name);
    IF p_password IS NOT NULL AND p_password NOT LIKE 'SCRAM-SHA-256$%' THEN
        RAISE EXCEPTION 'pass a SCRAM-SHA-256 verifier, not a password'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = p_name) THEN
        BEGIN
            IF p_password IS NULL THEN
                EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', p_name);
            ELSE
                EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L',
                               p_name, p_password);
            END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- created meanwhile by another session: use it
        END;
    END IF;
END
$$;
CREATE OR REPLACE FUNCTION keyward_revoke_groups(p_name text) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    g text;
BEGIN
    FOR g IN SELECT r.rolname FROM pg_catalog.pg_auth_members a
             JOIN pg_catalog.pg_roles r ON r.oid = a.roleid
             JOIN pg_catalog.pg_roles m ON m.oid = a.member
             WHERE m.rolname = p_name
               AND r.rolname IN ('{{P}}_viewer', '{{P}}_developer', '{{P}}_admin', '{{P}}_owner') LOOP
        EXECUTE format('REVOKE %I FROM %I', g, p_name);
    END LOOP;
END
$$;
CREATE OR REPLACE FUNCTION keyward_member_add(p_name text, p_role integer, p_password text,
                                              p_now bigint) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    v_id bigint;
BEGIN
    IF p_role IS NULL OR p_role NOT BETWEEN 0 AND 3 THEN
        RAISE EXCEPTION 'unknown role %', p_role USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT FROM members WHERE lower(name) = lower(p_name)) THEN
        RAISE EXCEPTION 'a member called "%" already exists (or existed)', p_name
            USING ERRCODE = 'unique_violation';
    END IF;
    -- Row-level security ORs the policies of all a login's groups: a service login that is also
    -- a member would combine the verifier's "any key" with a member's columns.
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = p_name)
       AND pg_catalog.pg_has_role(p_name, '{{P}}_verifier', 'MEMBER') THEN
        RAISE EXCEPTION '"%" is a verifier login; a member needs a login of its own', p_name
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM keyward_ensure_login(p_name, p_password);
    PERFORM keyward_revoke_groups(p_name);
    EXECUTE format('GRANT %I TO %I', keyward_group_for(p_role), p_name);
    INSERT INTO members (name, role, passphrase_hash, created_at)
        VALUES (p_name, p_role, NULL, p_now) RETURNING id INTO v_id;
    RETURN v_id;
END
$$;
CREATE OR REPLACE FUNCTION keyward_owner_count() RETURNS bigint
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp
    AS $$ SELECT count(*) FROM members WHERE role = 3 AND removed_at IS NULL $$;
-- Returns the new version, or NULL when the member changed meanwhile (stale version).
CREATE OR REPLACE FUNCTION keyward_member_set_role(p_id bigint, p_expected_version bigint,
                                                   p_role integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    v_name text;
    v_old integer;
    v_version bigint;
BEGIN
    IF p_role IS NULL OR p_role NOT BETWEEN 0 AND 3 THEN
        RAISE EXCEPTION 'unknown role %', p_role USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT name, role INTO v_name, v_old FROM members
        WHERE id = p_id AND removed_at IS NULL AND version = p_expected_version FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF v_old = 3 AND p_role <> 3 AND keyward_owner_count() <= 1 THEN
        RAISE EXCEPTION 'a vault needs at least one Owner' USING ERRCODE = 'check_violation';
    END IF;
    PERFORM keyward_revoke_groups(v_name);
    EXECUTE format('GRANT %I TO %I', keyward_group_for(p_role), v_name);
    UPDATE members SET role = p_role, version = version + 1 WHERE id = p_id
        RETURNING version INTO v_version;
    RETURN v_version;
END
$$;
-- The login itself stays (it may be used elsewhere); it only loses the vault's groups.
CREATE OR REPLACE FUNCTION keyward_member_remove(p_id bigint, p_now bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    v_name text;
    v_role integer;
BEGIN
    SELECT name, role INTO v_name, v_role FROM members
        WHERE id = p_id AND removed_at IS NULL FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    IF v_role = 3 AND keyward_owner_count() <= 1 THEN
        RAISE EXCEPTION 'the last Owner cannot be removed' USING ERRCODE = 'check_violation';
    END IF;
    PERFORM keyward_revoke_groups(v_name);
    UPDATE members SET removed_at = p_now, passphrase_hash = NULL, version = version + 1
        WHERE id = p_id;
    RETURN true;
END
$$;
-- A service login for verification (not a member: it signs nothing and changes no key).
CREATE OR REPLACE FUNCTION keyward_verifier_add(p_name text, p_password text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
BEGIN
    IF EXISTS (SELECT FROM members WHERE name = p_name AND removed_at IS NULL) THEN
        RAISE EXCEPTION '"%" is a member; a verifier needs a login of its own', p_name
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM keyward_ensure_login(p_name, p_password);
    EXECUTE format('GRANT %I TO %I', '{{P}}_verifier', p_name);
END
$$;
REVOKE ALL ON FUNCTION keyward_check_login_name(text), keyward_ensure_login(text, text),
    keyward_revoke_groups(text), keyward_owner_count(), keyward_guard_key(), keyward_guard_secret(),
    keyward_audit_is_append_only() FROM PUBLIC;
REVOKE ALL ON FUNCTION keyward_member_add(text, integer, text, bigint),
    keyward_member_set_role(bigint, bigint, integer), keyward_member_remove(bigint, bigint),
    keyward_verifier_add(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION keyward_member_add(text, integer, text, bigint),
    keyward_member_set_role(bigint, bigint, integer), keyward_member_remove(bigint, bigint),
    keyward_verifier_add(text, text) TO {{P}}_owner;
