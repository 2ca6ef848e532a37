-- pgbench: the plain one-transaction-per-transfer baseline of PLATFORM.md (no ledger triggers): lock the two
-- balance rows in id order, move the money, insert the journal transaction, two entries and one outbox row.
\set a random(1, :wallets)
\set d random(1, :wallets - 1)
\set b 1 + (:a + :d - 1) % :wallets
BEGIN;
SELECT id FROM plain_balances WHERE id IN (:a, :b) ORDER BY id FOR UPDATE;
UPDATE plain_balances SET balance = balance - 0.01 WHERE id = :a;
UPDATE plain_balances SET balance = balance + 0.01 WHERE id = :b;
WITH t AS (INSERT INTO plain_transactions (id, idempotency_key) VALUES (gen_random_uuid(), gen_random_uuid()::text) RETURNING id)
INSERT INTO plain_entries (transaction_id, leg, account_id, amount) SELECT t.id, x.leg, x.account, x.amount FROM t, (VALUES (0, :a, -0.01), (1, :b, 0.01)) AS x(leg, account, amount);
INSERT INTO plain_outbox (subject, payload) VALUES ('wallet.tx.confirmed', jsonb_build_object('from', :a, 'to', :b, 'amount', '0.01'));
COMMIT;
