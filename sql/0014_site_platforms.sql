-- Which Embassy platforms may report for a site through signed webhooks (/v1/embassy/energy, /oracle, /rwa). A site
-- with rows here takes only those platforms' webhooks; one without takes any verified platform's, as before 0014.
-- The batch endpoint (/v1/oracle/readings:batch) is for token holders with energy:write and is not restricted by it.
CREATE TABLE site_platforms (
    site_id  text NOT NULL REFERENCES sites (site_id),
    platform text NOT NULL CHECK (platform ~ '^[a-z][a-z0-9_]{0,63}$'),
    PRIMARY KEY (site_id, platform)
);
