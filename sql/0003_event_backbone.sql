-- The event backbone (seed 42): wake-ups for the outbox relay, dead letters, and the consumers' inbox.

-- One id sequence for both outbox tables. Writers take ids while they hold the lock of what they change (a grain's
-- turn, a wallet's advisory lock), so for events of one ordering key id order is commit order across both tables,
-- and the relay publishes the two tables merged by id.
CREATE SEQUENCE outbox_id_seq;
SELECT setval('outbox_id_seq', greatest((SELECT max(id) FROM outbox_events), (SELECT max(id) FROM outbox_batches), 1));
ALTER TABLE outbox_events ALTER COLUMN id SET DEFAULT nextval('outbox_id_seq');
ALTER TABLE outbox_batches ALTER COLUMN id SET DEFAULT nextval('outbox_id_seq');
ALTER SEQUENCE outbox_id_seq OWNED BY outbox_events.id;
DROP SEQUENCE outbox_events_id_seq;
DROP SEQUENCE outbox_batches_id_seq;

-- Envelopes are kept as the text their writer serialised (json, not jsonb) and published byte for byte: jsonb would
-- parse each one on insert and re-render it (keys reordered, spaces added) for every read by the relay.
ALTER TABLE outbox_events ALTER COLUMN envelope TYPE json USING envelope::json;

-- The relay LISTENs on "outbox". One notification per inserting statement, delivered at commit (PostgreSQL folds
-- identical ones within a transaction), so the relay publishes a commit's events within milliseconds instead of
-- polling. A notification lost with the relay's connection costs at most its poll interval.
CREATE FUNCTION outbox_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER outbox_events_notify AFTER INSERT ON outbox_events FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
CREATE TRIGGER outbox_batches_notify AFTER INSERT ON outbox_batches FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- Events that can never be delivered, kept for an operator instead of blocking what follows them: the relay's
-- (consumer 'outbox-relay': no stream captures the subject, or the message is too large) and the consumers' (a
-- handler that kept failing, an unreadable envelope). The envelope is kept as text, as it was received.
CREATE TABLE event_dead_letters (
    id         bigserial   PRIMARY KEY,
    consumer   text        NOT NULL,
    event_id   text        NOT NULL,
    subject    text        NOT NULL,
    envelope   text        NOT NULL,
    reason     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (consumer, event_id)
);

-- The consumers' inbox: an event handled by a consumer (a group's handler, or a replay) is recorded in the same
-- transaction as the handler's own writes, so a redelivered event (at-least-once) is recognised and skipped.
CREATE TABLE event_inbox (
    consumer   text        NOT NULL,
    event_id   text        NOT NULL,
    handled_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX event_inbox_handled_at ON event_inbox (handled_at);
