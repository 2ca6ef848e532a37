-- Meter ingestion's and the Embassy's actions (sql/0006) as capabilities. The energy:* JWT scopes hold the energy
-- bundles (energy:admin also what energy:read and energy:write do). A webhook platform is the embassy of its name and
-- gets the embassy.platform bundle when it is registered (EnergyStatements.AddSecret).
INSERT INTO capabilities (capability, description) VALUES
    ('energy.site.create', 'Register a site and its meter'),
    ('energy.site.read', 'Read a site and its meter'),
    ('oracle.reading.ingest', 'Send meter readings in batches'),
    ('oracle.quarantine.read', 'List quarantined readings'),
    ('oracle.quarantine.resolve', 'Release or reject a quarantined reading'),
    ('rwa.inventory.read', 'Read the RWA inventory'),
    ('embassy.platform.register', 'Register a webhook platform or rotate its secret'),
    ('embassy.platform.read', 'Read a webhook platform'),
    ('embassy.rwa.update', 'Report RWA inventory (embassy webhook)');

INSERT INTO bundles (bundle, description) VALUES
    ('energy.reader', 'Read sites, quarantined readings and the RWA inventory'),
    ('energy.writer', 'Send meter readings'),
    ('energy.admin', 'Register sites and webhook platforms, resolve quarantined readings'),
    ('embassy.platform', 'What a registered webhook platform reports');

INSERT INTO bundle_caps (bundle, capability) VALUES
    ('energy.reader', 'energy.site.read'), ('energy.reader', 'oracle.quarantine.read'), ('energy.reader', 'rwa.inventory.read'),
    ('energy.writer', 'oracle.reading.ingest'),
    ('energy.admin', 'energy.site.create'), ('energy.admin', 'oracle.quarantine.resolve'),
    ('energy.admin', 'embassy.platform.register'), ('energy.admin', 'embassy.platform.read'),
    ('embassy.platform', 'embassy.energy.update'), ('embassy.platform', 'embassy.oracle.update'), ('embassy.platform', 'embassy.rwa.update'),
    ('embassy.energy', 'embassy.rwa.update');

INSERT INTO scope_bundles (scope, bundle) VALUES
    ('energy:read', 'energy.reader'),
    ('energy:write', 'energy.writer'),
    ('energy:admin', 'energy.reader'), ('energy:admin', 'energy.writer'), ('energy:admin', 'energy.admin');
