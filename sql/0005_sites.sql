-- Sites of the RWA economy (energy, food, water), each belonging to one DAO (team), and the energy each site
-- delivered. Meter ingestion (SiteMeterGrain) adds accepted and released readings to site_energy; payouts read
-- it. Both sides meet only here.

CREATE TABLE sites (
    site_id    text        PRIMARY KEY CHECK (site_id ~ '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$'),
    dao_id     text        NOT NULL CHECK (length(dao_id) BETWEEN 1 AND 200),
    domain     text        NOT NULL CHECK (domain IN ('energy', 'food', 'water')),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sites_by_dao ON sites (dao_id);

-- Energy that became payable, in kWh, per site and minute (the smallest payout period). A reading counts in the
-- minute the server accepted it (or an operator released it from quarantine), never by the device's clock, so a
-- late reading is paid in a later period instead of being lost, and no reading counts twice.
CREATE TABLE site_energy (
    site_id      text           NOT NULL REFERENCES sites (site_id),
    minute       timestamptz    NOT NULL CHECK (date_trunc('minute', minute) = minute),
    kwh          numeric(28,12) NOT NULL CHECK (kwh >= 0),
    readings     int            NOT NULL CHECK (readings > 0),
    PRIMARY KEY (site_id, minute)
);
