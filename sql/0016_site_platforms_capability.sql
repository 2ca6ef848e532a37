-- PUT /v1/sites/{id}/platforms changes which Embassy platforms may report for a site (0014).
INSERT INTO capabilities (capability, description) VALUES
    ('energy.site.platforms.manage', 'Change which Embassy platforms may report for a site');
INSERT INTO bundle_caps (bundle, capability) VALUES ('energy.admin', 'energy.site.platforms.manage');
