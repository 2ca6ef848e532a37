-- Retention for tables that only grow (the API host's RetentionService sweeps them; docs in the README).

-- The decision log stays append-only for everything but its retention: UPDATE and TRUNCATE are refused as before, and
-- a DELETE only inside pdp_decisions_expire, which removes decisions older than an age, up to a number at a time.
DROP TRIGGER pdp_decisions_append_only ON pdp_decisions;
CREATE TRIGGER pdp_decisions_append_only BEFORE UPDATE OR TRUNCATE ON pdp_decisions
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

CREATE FUNCTION pdp_decisions_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('daarion.expiring_decisions', true) IS DISTINCT FROM 'on' THEN
        RAISE EXCEPTION 'pdp_decisions is append-only: decisions leave only through pdp_decisions_expire' USING ERRCODE = 'DA001';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER pdp_decisions_expire_only BEFORE DELETE ON pdp_decisions
    FOR EACH STATEMENT EXECUTE FUNCTION pdp_decisions_refuse_delete();

-- Deletes up to p_limit decisions older than p_age and returns how many. The rows are found by a scan that stops at
-- p_limit (the oldest rows sit at the start of the heap) and deleted by row id.
CREATE FUNCTION pdp_decisions_expire(p_age interval, p_limit int) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    deleted bigint;
BEGIN
    PERFORM set_config('daarion.expiring_decisions', 'on', true);
    DELETE FROM pdp_decisions
    WHERE ctid = ANY (ARRAY(SELECT ctid FROM pdp_decisions WHERE decided_at < now() - p_age LIMIT p_limit));
    GET DIAGNOSTICS deleted = ROW_COUNT;
    PERFORM set_config('daarion.expiring_decisions', 'off', true);
    RETURN deleted;
END
$$;
