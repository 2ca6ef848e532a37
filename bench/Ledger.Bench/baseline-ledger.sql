-- pgbench: the same transfer as the API's, one SQL transaction per transfer on the ledger's own schema (its
-- triggers check the entries and move the balances): lock both wallets in id order, insert the journal
-- transaction and its two entries, and the three outbox events the API writes (tx confirmed, two balances).
\set a random(1, :wallets)
\set d random(1, :wallets - 1)
\set b 1 + (:a + :d - 1) % :wallets
BEGIN;
SELECT 1 FROM wallets WHERE wallet_id IN (SELECT wallet_id FROM bench_ids WHERE n IN (:a, :b)) ORDER BY wallet_id FOR UPDATE;
WITH t AS (
  INSERT INTO journal_transactions (transaction_id, kind, idempotency_scope, idempotency_key, request_hash, actor, created_at)
  VALUES (gen_random_uuid(), 'transfer', 'baseline', gen_random_uuid()::text, '\x00', 'user:bench', now()) RETURNING transaction_id)
INSERT INTO journal_entries (transaction_id, leg, wallet_id, asset, amount, balance_after)
SELECT t.transaction_id, x.leg, i.wallet_id, 'KWT', x.amount, w.balance + x.amount
FROM t CROSS JOIN (VALUES (0, :a, -0.01), (1, :b, 0.01)) AS x(leg, n, amount)
JOIN bench_ids i ON i.n = x.n JOIN wallets w ON w.wallet_id = i.wallet_id
ORDER BY x.leg;
INSERT INTO outbox_events (event_id, subject, ordering_key, envelope)
SELECT 'evt_' || replace(gen_random_uuid()::text, '-', ''), s, :a::text, jsonb_build_object('type', s, 'payload', jsonb_build_object('from', :a, 'to', :b, 'amount', '0.01'))
FROM unnest(ARRAY['wallet.tx.confirmed', 'wallet.balance.updated', 'wallet.balance.updated']) AS s;
COMMIT;
