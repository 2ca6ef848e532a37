-- Meter ingestion (docs/ENERGY.md): each energy site's meter and device keys, the Embassy gateway's platforms,
-- secrets and received webhooks, readings held in quarantine, and the RWA inventory projection. The site meter
-- grain is the single writer of a site's rows here and of its site_energy rows (0005); every write commits with
-- the grain's state and outbox events in one transaction.

-- The meter of an energy site: a cumulative register (deltas are paid) or interval energy (each value is paid).
CREATE TABLE site_meters (
    site_id           text        PRIMARY KEY REFERENCES sites (site_id),
    kind              text        NOT NULL CHECK (kind IN ('cumulative', 'interval')),
    unit              text        NOT NULL CHECK (unit IN ('Wh', 'kWh', 'MWh')),
    require_signature boolean     NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now()
);

-- Keys the site's devices sign readings with: an Ed25519 public key or an HMAC-SHA256 shared secret. The API never
-- returns an HMAC key; this table is the only place it is kept, so protect it like a password store.
CREATE TABLE site_device_keys (
    site_id    text        NOT NULL REFERENCES site_meters (site_id),
    key_id     text        NOT NULL CHECK (key_id ~ '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$'),
    key_type   text        NOT NULL CHECK (key_type IN ('ed25519', 'hmac-sha256')),
    key        bytea       NOT NULL CHECK (CASE key_type WHEN 'ed25519' THEN length(key) = 32 ELSE length(key) BETWEEN 16 AND 64 END),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (site_id, key_id)
);

-- Platforms that send signed webhooks (Standard Webhooks), and their secrets. A new secret starts a rotation: the
-- older ones keep verifying until expires_at. Secrets are stored as registered (whsec_…) because HMAC verification
-- needs them; they are never logged or returned.
CREATE TABLE embassy_platforms (
    platform   text        PRIMARY KEY CHECK (platform ~ '^[a-z][a-z0-9_]{0,63}$'),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE embassy_secrets (
    secret_id  uuid        PRIMARY KEY,
    platform   text        NOT NULL REFERENCES embassy_platforms (platform),
    secret     text        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz,
    CHECK (expires_at IS NULL OR expires_at >= created_at)
);
CREATE INDEX embassy_secrets_by_platform ON embassy_secrets (platform, created_at);

-- Every authenticated webhook, keyed by (platform, webhook-id): a replay finds its row and gets the same answer.
-- outcome is what the gateway answered (the HTTP status and body are derived from it alone), body_sha256 tells a replay
-- from a different message under a reused id.
CREATE TABLE embassy_webhooks (
    platform    text        NOT NULL REFERENCES embassy_platforms (platform),
    webhook_id  text        NOT NULL CHECK (length(webhook_id) BETWEEN 1 AND 255),
    route       text        NOT NULL CHECK (route IN ('energy', 'oracle', 'rwa')),
    site_id     text,
    body_sha256 bytea       NOT NULL CHECK (length(body_sha256) = 32),
    payload     jsonb       NOT NULL,
    outcome     jsonb       NOT NULL,
    signed_at   timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (platform, webhook_id)
);
CREATE INDEX embassy_webhooks_by_site ON embassy_webhooks (site_id, received_at);

-- Readings the anomaly rules held back (seed 28 §11): stored, not paid, until an operator releases them (held_kwh
-- then counts in site_energy at the release minute) or rejects them (nothing is paid). Resolved exactly once.
CREATE TABLE oracle_quarantine (
    quarantine_id uuid           PRIMARY KEY,
    site_id       text           NOT NULL REFERENCES site_meters (site_id),
    reason        text           NOT NULL CHECK (reason IN ('negative_delta', 'spike', 'future_timestamp')),
    detail        text           NOT NULL,
    seq           bigint,
    reading_ts    timestamptz    NOT NULL,
    value_kwh     numeric(28,12) NOT NULL,
    held_kwh      numeric(28,12) NOT NULL CHECK (held_kwh >= 0),
    source        text           NOT NULL,
    received_at   timestamptz    NOT NULL,
    status        text           NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'released', 'rejected')),
    resolved_at   timestamptz,
    resolved_by   text,
    CHECK ((status = 'pending') = (resolved_at IS NULL AND resolved_by IS NULL))
);
CREATE INDEX oracle_quarantine_pending ON oracle_quarantine (received_at, quarantine_id) WHERE status = 'pending';
CREATE INDEX oracle_quarantine_by_site ON oracle_quarantine (site_id, received_at);

-- The RWA inventory per site and domain (seed 34 §4.8): for energy, the payable kWh so far (accepted and released
-- readings); for food and water, the stock the platform last reported. rwa.inventory.updated carries each change.
CREATE TABLE rwa_inventory (
    inventory_id text           PRIMARY KEY,
    site_id      text           NOT NULL REFERENCES sites (site_id),
    domain       text           NOT NULL CHECK (domain IN ('energy', 'food', 'water')),
    unit         text           NOT NULL,
    value        numeric(28,12) NOT NULL CHECK (value >= 0),
    updated_at   timestamptz    NOT NULL,
    UNIQUE (site_id, domain)
);

-- Answers to idempotent admin writes (sites, platform secrets, quarantine decisions), written in the same
-- transaction as their effect, so a retry with the same key gets the first answer.
CREATE TABLE energy_idempotency (
    idempotency_scope text        NOT NULL,
    idempotency_key   text        NOT NULL,
    request_hash      bytea       NOT NULL,
    operation         text        NOT NULL,
    outcome           jsonb       NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (idempotency_scope, idempotency_key)
);
