-- pgbench: one call of ledger_commit as the host's group committer makes it, for :group transfers between random
-- pairs of wallets (0.01 KWT each): UUIDv7-like transaction ids, a fresh idempotency key and a request hash each.
-- No outbox row and no HTTP: what the database alone spends on a transfer.
WITH t AS MATERIALIZED (
  SELECT i, a.wallet_id AS payer, b.wallet_id AS payee,
         (lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || substr(md5(random()::text || i), 1, 20))::uuid AS id
  FROM generate_series(1, :group) i
  -- "+ 0 * i" ties the draw to its row, so every transfer gets pairs of its own.
  CROSS JOIN LATERAL (SELECT x, 1 + (x + floor(random() * (:wallets - 1))::int + 0 * i) % :wallets AS y
                      FROM (SELECT 1 + floor(random() * :wallets)::int + 0 * i AS x) d) r
  JOIN bench_ids a ON a.n = r.x
  JOIN bench_ids b ON b.n = r.y
), e AS MATERIALIZED (
  SELECT t.i, l.leg, CASE l.leg WHEN 0 THEN t.payer ELSE t.payee END AS wallet, CASE l.leg WHEN 0 THEN -0.01 ELSE 0.01 END::numeric AS amount
  FROM t CROSS JOIN (VALUES (0::smallint), (1::smallint)) l(leg)
)
SELECT count(*) FROM ledger_commit(
  array_fill('transfer'::text, ARRAY[:group]), (SELECT array_agg(id ORDER BY i) FROM t),
  array_fill('user:bench'::text, ARRAY[:group]), (SELECT array_agg(gen_random_uuid()::text ORDER BY i) FROM t),
  array_fill(sha256('bench'), ARRAY[:group]), array_fill('transfer'::text, ARRAY[:group]),
  array_fill(NULL::uuid, ARRAY[:group]), array_fill(NULL::uuid, ARRAY[:group]), array_fill(NULL::uuid, ARRAY[:group]),
  array_fill(NULL::text, ARRAY[:group]), array_fill(NULL::numeric, ARRAY[:group]), array_fill(NULL::text, ARRAY[:group]),
  array_fill(now(), ARRAY[:group]), array_fill(NULL::timestamptz, ARRAY[:group]), array_fill(NULL::json, ARRAY[:group]),
  array_fill('user:bench'::text, ARRAY[:group]), array_fill(NULL::jsonb, ARRAY[:group]),
  (SELECT array_agg(i ORDER BY i, leg) FROM e), (SELECT array_agg(leg ORDER BY i, leg) FROM e),
  (SELECT array_agg(wallet ORDER BY i, leg) FROM e), array_fill('KWT'::text, ARRAY[2 * :group]),
  (SELECT array_agg(amount ORDER BY i, leg) FROM e));
