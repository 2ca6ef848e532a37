-- The retention sweep (0012) finds old rows through an index, so an hourly sweep that has nothing to delete reads a few
-- index pages instead of the whole table.
-- Outbox rows gain an entry here when the relay marks them (their update rewrites the row and its index entries anyway).
CREATE INDEX outbox_events_published ON outbox_events (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX outbox_batches_published ON outbox_batches (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX embassy_webhooks_received ON embassy_webhooks (received_at);

-- Decision ids are UUIDv7 made from decided_at (their first 48 bits are its Unix time in ms, and uuids compare byte
-- by byte), so the primary key bounds the old decisions: no index on decided_at is needed.
CREATE OR REPLACE FUNCTION pdp_decisions_expire(p_age interval, p_limit int) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    cutoff  timestamptz := now() - p_age;
    ms      text := lpad(to_hex((extract(epoch FROM cutoff) * 1000)::bigint), 12, '0');
    bound   uuid := (substr(ms, 1, 8) || '-' || substr(ms, 9, 4) || '-0000-0000-000000000000')::uuid;
    deleted bigint;
BEGIN
    PERFORM set_config('daarion.expiring_decisions', 'on', true);
    DELETE FROM pdp_decisions
    WHERE ctid = ANY (ARRAY(SELECT ctid FROM pdp_decisions WHERE decision_id < bound AND decided_at < cutoff LIMIT p_limit));
    GET DIAGNOSTICS deleted = ROW_COUNT;
    PERFORM set_config('daarion.expiring_decisions', 'off', true);
    RETURN deleted;
END
$$;
