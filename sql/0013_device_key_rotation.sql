-- Device keys change after registration: POST /v1/sites/{id}/device-keys adds one, .../{key_id}/revoke revokes one.
-- A revoked key stays with the time it stopped verifying (what a past reading was checked against can still be told),
-- and its key_id is never given to another key of the site.
ALTER TABLE site_device_keys ADD COLUMN revoked_at timestamptz;

INSERT INTO capabilities (capability, description) VALUES
    ('energy.site.keys.manage', 'Add and revoke the device keys of a site''s meter');
INSERT INTO bundle_caps (bundle, capability) VALUES ('energy.admin', 'energy.site.keys.manage');
