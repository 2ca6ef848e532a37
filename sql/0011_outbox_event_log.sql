-- Every outbox event as a row of its own, whichever table holds it: the events of outbox_events, and the elements of
-- each outbox_batches row (grain storage and the ledger write one row per commit). Ordered by (id, position), this is
-- the relay's publishing order. For operators' queries and for checks; the relay itself reads the tables.
CREATE VIEW outbox_event_log AS
SELECT id, 1::bigint AS position, event_id, subject, ordering_key, envelope, created_at, published_at
FROM outbox_events
UNION ALL
SELECT b.id, e.position, e.item->>'event_id', e.item->>'subject', e.item->>'ordering_key', e.item->'envelope',
       b.created_at, b.published_at
FROM outbox_batches b, json_array_elements(b.events) WITH ORDINALITY AS e(item, position);
