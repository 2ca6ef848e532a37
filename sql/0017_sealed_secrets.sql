-- Secrets at rest: HMAC device keys and webhook secrets are written sealed (AES-256-GCM under SECRETS_KEY, which the
-- database never sees; Grains/Energy/EnergySecrets.cs). Ed25519 device keys are public and stay plain. Rows written
-- before this migration keep their plaintext column until the host seals them at its next start; a row holds its
-- material in exactly one of the two columns.
-- The old check on the key's length (0006) was named by PostgreSQL; find it by what it says.
DO $$
DECLARE
    old_check text;
BEGIN
    SELECT conname INTO STRICT old_check FROM pg_constraint
    WHERE conrelid = 'site_device_keys'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%length(key)%';
    EXECUTE format('ALTER TABLE site_device_keys DROP CONSTRAINT %I', old_check);
END
$$;
ALTER TABLE site_device_keys ALTER COLUMN key DROP NOT NULL;
ALTER TABLE site_device_keys ADD COLUMN sealed_key bytea;
ALTER TABLE site_device_keys ADD CONSTRAINT site_device_keys_material CHECK (CASE key_type
    WHEN 'ed25519' THEN sealed_key IS NULL AND key IS NOT NULL AND length(key) = 32
    ELSE (key IS NULL) <> (sealed_key IS NULL) AND coalesce(length(key) BETWEEN 16 AND 64, true) END);

ALTER TABLE embassy_secrets ALTER COLUMN secret DROP NOT NULL;
ALTER TABLE embassy_secrets ADD COLUMN sealed_secret bytea;
ALTER TABLE embassy_secrets ADD CONSTRAINT embassy_secrets_material CHECK ((secret IS NULL) <> (sealed_secret IS NULL));
