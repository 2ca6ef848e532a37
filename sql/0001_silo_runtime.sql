-- The silo's own tables: grain state with a version (the ETag), the transactional outbox, durable reminders.

-- One row per grain; unlike Orleans' OrleansStorage table it has a primary key, so two first writes cannot
-- both insert, and timestamptz columns.
CREATE TABLE grain_state (
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    payload     jsonb       NOT NULL,
    version     bigint      NOT NULL CHECK (version > 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    modified_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_type, grain_key)
);

-- Events written in the same transaction as the state that produced them (seed 42 §7, seed 34 §10).
-- The relay publishes rows in id order per ordering key and sets published_at after the broker's ack.
CREATE TABLE outbox_events (
    id           bigserial   PRIMARY KEY,
    event_id     text        NOT NULL UNIQUE,
    subject      text        NOT NULL,
    ordering_key text,
    envelope     jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_events_unpublished ON outbox_events (id) WHERE published_at IS NULL;

-- Durable reminders: the schedule survives restarts; next_tick_at is claimed and advanced atomically.
CREATE TABLE grain_reminders (
    grain_type    text        NOT NULL,
    grain_key     text        NOT NULL,
    reminder_name text        NOT NULL,
    first_tick_at timestamptz NOT NULL,
    next_tick_at  timestamptz NOT NULL,
    period_ms     bigint      NOT NULL CHECK (period_ms > 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_type, grain_key, reminder_name)
);
CREATE INDEX grain_reminders_due ON grain_reminders (next_tick_at);

-- Writes a group of grain states with their version checks. Version 0 means "never written" (insert); any
-- other version must match the stored one. A mismatch raises SQLSTATE DA409, which rolls back the whole
-- transaction: the other states, the outbox rows and any statements committed with them.
CREATE FUNCTION silo_write_states(p_types text[], p_keys text[], p_versions bigint[], p_payloads jsonb[])
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    i int;
    written int;
BEGIN
    FOR i IN 1 .. coalesce(array_length(p_types, 1), 0) LOOP
        IF p_versions[i] = 0 THEN
            INSERT INTO grain_state (grain_type, grain_key, payload, version)
            VALUES (p_types[i], p_keys[i], p_payloads[i], 1)
            ON CONFLICT DO NOTHING;
        ELSE
            UPDATE grain_state
            SET payload = p_payloads[i], version = version + 1, modified_at = now()
            WHERE grain_type = p_types[i] AND grain_key = p_keys[i] AND version = p_versions[i];
        END IF;
        GET DIAGNOSTICS written = ROW_COUNT;
        IF written = 0 THEN
            RAISE EXCEPTION 'stale state version % for %/%', p_versions[i], p_types[i], p_keys[i]
                USING ERRCODE = 'DA409';
        END IF;
    END LOOP;
END
$$;
