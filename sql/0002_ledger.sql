-- The ledger: assets, wallets with their balance projection, the append-only double-entry journal, holds and
-- idempotency records. The wallet grains check funds first; everything here is the last line of defence and must
-- hold even for SQL written by hand.

CREATE TABLE assets (
    code       text        PRIMARY KEY CHECK (code ~ '^[A-Z0-9]{1,16}$'),
    scale      smallint    NOT NULL CHECK (scale BETWEEN 0 AND 12),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- One wallet holds one asset; an owner has at most one wallet per asset. balance and held are the projection of
-- the journal and of the pending holds; available = balance - held may go below zero only down to the overdraft
-- limit. System wallets (one per asset, the counterpart of adjustments) have no limit.
CREATE TABLE wallets (
    wallet_id       uuid           PRIMARY KEY,
    asset           text           NOT NULL REFERENCES assets (code),
    owner_id        text           NOT NULL CHECK (length(owner_id) BETWEEN 1 AND 200),
    is_system       boolean        NOT NULL DEFAULT false,
    overdraft_limit numeric(28,12) CHECK (overdraft_limit >= 0),
    balance         numeric(28,12) NOT NULL DEFAULT 0,
    held            numeric(28,12) NOT NULL DEFAULT 0 CHECK (held >= 0),
    version         bigint         NOT NULL DEFAULT 0,
    created_at      timestamptz    NOT NULL DEFAULT now(),
    updated_at      timestamptz    NOT NULL DEFAULT now(),
    UNIQUE (owner_id, asset),
    CONSTRAINT wallets_unlimited_only_system CHECK (overdraft_limit IS NOT NULL OR is_system),
    CONSTRAINT wallets_system_owner CHECK (is_system = (owner_id = 'system')),
    CONSTRAINT wallets_available_within_limit CHECK (overdraft_limit IS NULL OR balance - held >= -overdraft_limit)
) WITH (fillfactor = 50); -- room on each page, so balance updates stay HOT (no index writes)

INSERT INTO assets (code, scale) VALUES ('KWT', 6), ('1T', 6), ('DAARION', 8), ('RINGK', 8), ('USD', 2);
INSERT INTO wallets (wallet_id, asset, owner_id, is_system, overdraft_limit)
SELECT gen_random_uuid(), code, 'system', true, NULL FROM assets;

CREATE TABLE journal_transactions (
    transaction_id    uuid        PRIMARY KEY,
    kind              text        NOT NULL CHECK (kind IN ('transfer', 'adjustment', 'hold_post')),
    idempotency_scope text        NOT NULL,
    idempotency_key   text        NOT NULL,
    request_hash      bytea       NOT NULL,
    hold_id           uuid,
    metadata          json,
    actor             text        NOT NULL,
    created_at        timestamptz NOT NULL,
    UNIQUE (idempotency_scope, idempotency_key)
);

-- Signed postings: negative debits the wallet, positive credits it. balance_after is the wallet's balance once
-- this entry applied, so a wallet's history reads like a bank statement. entry_id is assigned while the wallet
-- rows are locked, so per wallet it follows commit order.
CREATE TABLE journal_entries (
    entry_id       bigint         GENERATED ALWAYS AS IDENTITY,
    transaction_id uuid           NOT NULL,
    leg            smallint       NOT NULL CHECK (leg >= 0),
    wallet_id      uuid           NOT NULL,
    asset          text           NOT NULL,
    amount         numeric(28,12) NOT NULL CHECK (amount <> 0),
    balance_after  numeric(28,12) NOT NULL,
    PRIMARY KEY (transaction_id, leg)
);
CREATE INDEX journal_entries_by_wallet ON journal_entries (wallet_id, entry_id);

-- Two-phase transfers: pending until posted (partially or fully), voided or expired, exactly once.
CREATE TABLE holds (
    hold_id        uuid           PRIMARY KEY,
    from_wallet_id uuid           NOT NULL REFERENCES wallets (wallet_id),
    to_wallet_id   uuid           NOT NULL REFERENCES wallets (wallet_id),
    asset          text           NOT NULL REFERENCES assets (code),
    amount         numeric(28,12) NOT NULL CHECK (amount > 0),
    status         text           NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'posted', 'voided', 'expired')),
    posted_amount  numeric(28,12) CHECK (posted_amount > 0 AND posted_amount <= amount),
    transaction_id uuid,
    expires_at     timestamptz,
    metadata       json,
    created_at     timestamptz    NOT NULL,
    resolved_at    timestamptz,
    CHECK ((status = 'posted') = (transaction_id IS NOT NULL AND posted_amount IS NOT NULL)),
    CHECK ((status = 'pending') = (resolved_at IS NULL)),
    CHECK (from_wallet_id <> to_wallet_id)
);
CREATE INDEX holds_pending_expiry ON holds (expires_at) WHERE status = 'pending' AND expires_at IS NOT NULL;

-- Outcomes of idempotent writes that are not journal transactions (wallets, holds, assets) and of refused writes,
-- so a retry with the same key gets the same answer. Journal transactions carry their own key.
CREATE TABLE idempotency_records (
    idempotency_scope text        NOT NULL,
    idempotency_key   text        NOT NULL,
    request_hash      bytea       NOT NULL,
    operation         text        NOT NULL,
    outcome           jsonb       NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (idempotency_scope, idempotency_key)
);

-- The journal is append-only, and so are the records of what was answered.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'DA001';
END
$$;
CREATE TRIGGER journal_transactions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON journal_transactions
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON journal_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER idempotency_records_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON idempotency_records
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER wallets_no_delete BEFORE DELETE OR TRUNCATE ON wallets
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER holds_no_delete BEFORE DELETE OR TRUNCATE ON holds
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER assets_no_delete BEFORE DELETE OR TRUNCATE ON assets
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- What a wallet, a hold or an asset is never changes. A wallet's balance, held amount and version are kept by
-- the triggers below (the journal's and the holds'), never written directly; its overdraft limit may change.
CREATE FUNCTION ledger_guard_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- One branch per table: a record's fields can only be named in the branch of its own table.
    IF TG_TABLE_NAME = 'wallets' THEN
        IF (NEW.wallet_id, NEW.asset, NEW.owner_id, NEW.is_system) IS DISTINCT FROM (OLD.wallet_id, OLD.asset, OLD.owner_id, OLD.is_system) THEN
            RAISE EXCEPTION 'a wallet''s id, asset, owner and kind never change' USING ERRCODE = 'DA002';
        END IF;
        IF pg_trigger_depth() = 1 AND (NEW.balance, NEW.held, NEW.version) IS DISTINCT FROM (OLD.balance, OLD.held, OLD.version) THEN
            RAISE EXCEPTION 'a wallet''s balance follows its journal entries and its held amount its pending holds; neither is written directly'
                USING ERRCODE = 'DA008';
        END IF;
    ELSIF TG_TABLE_NAME = 'assets' THEN
        IF NEW IS DISTINCT FROM OLD THEN
            RAISE EXCEPTION 'an asset never changes (its scale fixes every amount already written)' USING ERRCODE = 'DA002';
        END IF;
    ELSIF TG_TABLE_NAME = 'holds' THEN
        IF OLD.status <> 'pending'
            OR (NEW.hold_id, NEW.from_wallet_id, NEW.to_wallet_id, NEW.asset, NEW.amount, NEW.expires_at, NEW.created_at)
                IS DISTINCT FROM (OLD.hold_id, OLD.from_wallet_id, OLD.to_wallet_id, OLD.asset, OLD.amount, OLD.expires_at, OLD.created_at) THEN
            RAISE EXCEPTION 'a hold is resolved once and its terms never change' USING ERRCODE = 'DA002';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
-- Updates made by the ledger's own triggers (depth 1) that leave a wallet's identity alone skip the guard: it
-- would only find them allowed, once per row of every commit.
CREATE TRIGGER wallets_guard BEFORE UPDATE ON wallets FOR EACH ROW
    WHEN (pg_trigger_depth() = 0 OR (NEW.wallet_id, NEW.asset, NEW.owner_id, NEW.is_system) IS DISTINCT FROM (OLD.wallet_id, OLD.asset, OLD.owner_id, OLD.is_system))
    EXECUTE FUNCTION ledger_guard_update();
CREATE TRIGGER assets_guard BEFORE UPDATE ON assets FOR EACH ROW EXECUTE FUNCTION ledger_guard_update();
CREATE TRIGGER holds_guard BEFORE UPDATE ON holds FOR EACH ROW EXECUTE FUNCTION ledger_guard_update();

-- A wallet starts empty: its balance comes only from journal entries, its held amount only from holds.
CREATE FUNCTION ledger_check_new_wallets() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad uuid;
BEGIN
    SELECT wallet_id INTO bad FROM new_wallets WHERE balance <> 0 OR held <> 0 OR version <> 0 LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'wallet % must start with balance, held and version 0', bad USING ERRCODE = 'DA008';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER wallets_start_empty AFTER INSERT ON wallets
    REFERENCING NEW TABLE AS new_wallets FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_new_wallets();

-- Checked once per INSERT statement over all its rows (cheaper than per-row foreign keys at batch sizes in the
-- hundreds): each transaction exists, has at least two entries, all of them written by this statement, summing
-- to zero per asset; each entry is in its wallet's asset and within that asset's scale, and its balance_after
-- continues the wallet's balance. Then the wallets' balances move by their entries: the projection is the fold
-- of the journal, kept by the database itself.
CREATE FUNCTION ledger_check_entries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad uuid;
    code text;
BEGIN
    -- LATERAL ... LIMIT 1: one index probe per transaction; a plain join may be planned as a scan of the whole journal.
    SELECT c.transaction_id INTO bad
    FROM (SELECT transaction_id, count(*) AS legs FROM new_entries GROUP BY transaction_id) c
    LEFT JOIN LATERAL (SELECT 1 AS found FROM journal_transactions t WHERE t.transaction_id = c.transaction_id LIMIT 1) t ON true
    WHERE t.found IS NULL
       OR c.legs < 2
       OR c.legs <> (SELECT count(*) FROM journal_entries j WHERE j.transaction_id = c.transaction_id)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'transaction % needs a journal row and at least two entries, all written together', bad
            USING ERRCODE = 'DA003';
    END IF;

    SELECT transaction_id INTO bad FROM new_entries GROUP BY transaction_id, asset HAVING sum(amount) <> 0 LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'the entries of transaction % do not sum to zero per asset', bad USING ERRCODE = 'DA004';
    END IF;

    -- One pass over the entries with their wallets and assets: the first entry in the wrong asset (or for no wallet),
    -- beyond its asset's scale, or whose balance_after does not continue its wallet's balance.
    SELECT n.wallet_id,
           CASE WHEN w.wallet_id IS NULL THEN 'DA005' WHEN n.amount <> round(n.amount, a.scale) THEN 'DA006' ELSE 'DA007' END
    INTO bad, code
    FROM (SELECT wallet_id, asset, amount, balance_after, sum(amount) OVER (PARTITION BY wallet_id ORDER BY entry_id) AS running FROM new_entries) n
    LEFT JOIN wallets w ON w.wallet_id = n.wallet_id AND w.asset = n.asset
    LEFT JOIN assets a ON a.code = n.asset
    WHERE w.wallet_id IS NULL OR n.amount <> round(n.amount, a.scale) OR n.balance_after <> w.balance + n.running
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION '%', CASE code
            WHEN 'DA005' THEN format('an entry for wallet %s is not in that wallet''s asset (or the wallet does not exist)', bad)
            WHEN 'DA006' THEN format('an entry for wallet %s has more decimals than its asset allows', bad)
            ELSE format('an entry''s balance_after does not continue the balance of wallet %s', bad) END
            USING ERRCODE = code;
    END IF;

    UPDATE wallets w
    SET balance = w.balance + d.delta, version = w.version + 1, updated_at = now()
    FROM (SELECT wallet_id, sum(amount) AS delta FROM new_entries GROUP BY wallet_id) d
    WHERE w.wallet_id = d.wallet_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER journal_entries_balanced AFTER INSERT ON journal_entries
    REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_entries();

-- A transaction row and its entries are written by one statement (e.g. INSERT ... WITH a data-modifying CTE):
-- at the end of it, every new transaction must have its entries (the entries' own check runs at the same point).
CREATE FUNCTION ledger_check_transactions_have_entries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad uuid;
BEGIN
    SELECT n.transaction_id INTO bad
    FROM new_transactions n
    WHERE NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.transaction_id = n.transaction_id)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'transaction % has no entries; write a transaction and its entries in one statement', bad USING ERRCODE = 'DA003';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER journal_transactions_have_entries AFTER INSERT ON journal_transactions
    REFERENCING NEW TABLE AS new_transactions FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_transactions_have_entries();

-- A posted hold names the hold_post transaction that moved its money. Checked at commit: the hold is released
-- before that transaction's entries debit the payer, so the transaction is written after the hold changes.
CREATE FUNCTION ledger_check_hold_posting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM journal_transactions t WHERE t.transaction_id = NEW.transaction_id AND t.hold_id = NEW.hold_id AND t.kind = 'hold_post') THEN
        RAISE EXCEPTION 'hold % is posted by a hold_post transaction of that hold', NEW.hold_id USING ERRCODE = 'DA009';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER holds_posted_by_their_transaction AFTER UPDATE ON holds DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.status = 'posted') EXECUTE FUNCTION ledger_check_hold_posting();

-- A new hold is pending, in its wallets' asset and scale, and its amount joins the payer's held amount.
CREATE FUNCTION ledger_hold_created() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad uuid;
BEGIN
    SELECT h.hold_id INTO bad
    FROM new_holds h
    JOIN assets a ON a.code = h.asset
    LEFT JOIN wallets f ON f.wallet_id = h.from_wallet_id AND f.asset = h.asset
    LEFT JOIN wallets t ON t.wallet_id = h.to_wallet_id AND t.asset = h.asset
    WHERE h.status <> 'pending' OR h.resolved_at IS NOT NULL OR f.wallet_id IS NULL OR t.wallet_id IS NULL OR h.amount <> round(h.amount, a.scale)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'hold % must start pending, in the asset of both its wallets and within its scale', bad USING ERRCODE = 'DA009';
    END IF;
    UPDATE wallets w
    SET held = w.held + d.amount, version = w.version + 1, updated_at = now()
    FROM (SELECT from_wallet_id, sum(amount) AS amount FROM new_holds GROUP BY from_wallet_id) d
    WHERE w.wallet_id = d.from_wallet_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER holds_created AFTER INSERT ON holds
    REFERENCING NEW TABLE AS new_holds FOR EACH STATEMENT EXECUTE FUNCTION ledger_hold_created();

-- A resolved hold (posted, voided or expired) releases its whole amount from the payer's held amount.
CREATE FUNCTION ledger_hold_resolved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE wallets w
    SET held = w.held - d.amount, version = w.version + 1, updated_at = now()
    FROM (
        SELECT o.from_wallet_id, sum(o.amount) AS amount
        FROM old_holds o JOIN new_holds n USING (hold_id)
        WHERE o.status = 'pending' AND n.status <> 'pending'
        GROUP BY o.from_wallet_id
    ) d
    WHERE w.wallet_id = d.from_wallet_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER holds_resolved AFTER UPDATE ON holds
    REFERENCING OLD TABLE AS old_holds NEW TABLE AS new_holds FOR EACH STATEMENT EXECUTE FUNCTION ledger_hold_resolved();

-- An idempotency key answers one request: a journal transaction or a saved outcome, never both.
CREATE FUNCTION ledger_check_key_unused() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad text;
BEGIN
    -- LATERAL ... LIMIT 1: one index probe per new key, never a scan of the other table.
    IF TG_TABLE_NAME = 'journal_transactions' THEN
        SELECT n.idempotency_key INTO bad FROM new_keys n
        CROSS JOIN LATERAL (SELECT 1 FROM idempotency_records r
                            WHERE r.idempotency_scope = n.idempotency_scope AND r.idempotency_key = n.idempotency_key LIMIT 1) used
        LIMIT 1;
    ELSE
        SELECT n.idempotency_key INTO bad FROM new_keys n
        CROSS JOIN LATERAL (SELECT 1 FROM journal_transactions t
                            WHERE t.idempotency_scope = n.idempotency_scope AND t.idempotency_key = n.idempotency_key LIMIT 1) used
        LIMIT 1;
    END IF;
    IF FOUND THEN
        RAISE EXCEPTION 'idempotency key % already answers another request', bad USING ERRCODE = '23505';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER journal_transactions_key_unused AFTER INSERT ON journal_transactions
    REFERENCING NEW TABLE AS new_keys FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_key_unused();
CREATE TRIGGER idempotency_records_key_unused AFTER INSERT ON idempotency_records
    REFERENCING NEW TABLE AS new_keys FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_key_unused();

-- Ledger events (wallet.tx.confirmed, wallet.balance.updated) go to the outbox one row per commit: a JSON array
-- of {event_id, subject, ordering_key, envelope}, in order. A row per event would cost a heap row and three index
-- entries each, three times per transfer. The relay drains this table with outbox_events; ids follow commit order
-- for commits that share a wallet (both write it while holding that wallet's lock).
CREATE TABLE outbox_batches (
    id           bigserial   PRIMARY KEY,
    events       json        NOT NULL,
    event_count  int         NOT NULL CHECK (event_count > 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
-- Events are already compact JSON; compressing them on the commit path would only cost CPU.
ALTER TABLE outbox_batches ALTER COLUMN events SET STORAGE EXTERNAL;
CREATE INDEX outbox_batches_unpublished ON outbox_batches (id) WHERE published_at IS NULL;

-- Commits one group of ledger operations. Operation i is described by element i of the p_ arrays; entries (e_)
-- name their operation by index. Timestamps come from the caller (p_created), so the answer computed before the
-- commit equals the one rebuilt from the tables on a replay. Operations whose idempotency key was used before, or
-- whose hold or wallet is not in the expected state, are skipped (and reported) rather than failing the group.
-- Every touched wallet is locked first, in one global order, so concurrent groups never deadlock; the triggers of
-- holds and journal_entries then move its held amount and balance. Returns each skipped operation (op, reason) and
-- each changed wallet's state, from which the caller writes the group's events (outbox_batches) before committing.
-- Kinds: transfer, adjustment, hold_post (journal transactions), hold_create, hold_void, hold_expire,
-- wallet_create, asset_create (p_wallet: its system wallet), rejection (only the idempotency record of a refused
-- request).
CREATE FUNCTION ledger_commit(
    p_kind text[], p_id uuid[], p_scope text[], p_key text[], p_hash bytea[], p_operation text[],
    p_hold uuid[], p_wallet uuid[], p_counterparty uuid[], p_asset text[], p_amount numeric[], p_owner text[],
    p_created timestamptz[], p_expires timestamptz[], p_metadata json[], p_actor text[], p_outcome jsonb[],
    e_op int[], e_leg smallint[], e_wallet uuid[], e_asset text[], e_amount numeric[])
RETURNS TABLE (op int, outcome text, wallet_id uuid, owner_id text, asset text, scale smallint, balance numeric, held numeric, version bigint)
LANGUAGE plpgsql
-- A group touches a few hundred rows of tables that grow without bound: every lookup, here and in the triggers it
-- fires, must be an index probe. Left to itself the planner may hash-join against whole (HOT-churned) tables.
SET enable_seqscan = off
AS $$
DECLARE
    skip_op int[];
    skip_reason text[];
BEGIN
    -- Transaction-scoped advisory locks (no row writes, no WAL), taken in hash order. Wallets are written only by
    -- ledger_commit and its triggers, so holding these serialises every writer of a wallet.
    PERFORM pg_advisory_xact_lock(1818585193, l.k)
    FROM (SELECT DISTINCT hashtext(x.w::text) AS k FROM (SELECT unnest(e_wallet) UNION SELECT unnest(p_wallet)) AS x(w) WHERE x.w IS NOT NULL ORDER BY 1) l;

    SELECT coalesce(array_agg(s.i), '{}'), coalesce(array_agg(s.reason), '{}') INTO skip_op, skip_reason
    FROM (
        SELECT o.i, CASE
            WHEN o.key IS NOT NULL AND (row_number() OVER (PARTITION BY o.scope, o.key ORDER BY o.i) > 1 OR used.key IS NOT NULL)
                THEN 'duplicate'
            WHEN o.kind IN ('hold_post', 'hold_void', 'hold_expire') AND (h.status IS DISTINCT FROM 'pending'
                OR row_number() OVER (PARTITION BY o.hold ORDER BY o.i) > 1)
                THEN 'hold_not_pending'
            WHEN o.kind = 'hold_post' AND h.expires_at <= o.created THEN 'hold_expired'
            WHEN o.kind = 'hold_post' AND o.amount > h.amount THEN 'hold_amount_exceeded'
            WHEN o.kind = 'hold_expire' AND (h.expires_at IS NULL OR h.expires_at > o.created) THEN 'hold_not_expired'
            WHEN o.kind = 'wallet_create' AND EXISTS (SELECT 1 FROM wallets w WHERE w.wallet_id = o.wallet) THEN 'wallet_exists'
            WHEN o.kind = 'wallet_create' AND EXISTS (SELECT 1 FROM wallets w WHERE w.owner_id = o.owner AND w.asset = o.asset)
                THEN 'owner_has_wallet'
            WHEN o.kind = 'wallet_create' AND NOT EXISTS (SELECT 1 FROM assets a WHERE a.code = o.asset) THEN 'unknown_asset'
            WHEN o.kind = 'asset_create' AND EXISTS (SELECT 1 FROM assets a WHERE a.code = o.asset) THEN 'asset_exists'
            END AS reason
        FROM unnest(p_kind, p_scope, p_key, p_hold, p_wallet, p_owner, p_asset, p_amount, p_created)
            WITH ORDINALITY AS o(kind, scope, key, hold, wallet, owner, asset, amount, created, i)
        LEFT JOIN holds h ON h.hold_id = o.hold
        -- LATERAL ... LIMIT 1 keeps these per-key index probes.
        LEFT JOIN LATERAL (
            SELECT t.idempotency_key AS key FROM journal_transactions t WHERE t.idempotency_scope = o.scope AND t.idempotency_key = o.key
            UNION ALL
            SELECT r.idempotency_key FROM idempotency_records r WHERE r.idempotency_scope = o.scope AND r.idempotency_key = o.key
            LIMIT 1
        ) used ON o.key IS NOT NULL
    ) s
    WHERE s.reason IS NOT NULL;

    IF 'asset_create' = ANY (p_kind) THEN
        INSERT INTO assets (code, scale, created_at)
        SELECT o.asset, o.amount::smallint, o.created
        FROM unnest(p_kind, p_asset, p_amount, p_created) WITH ORDINALITY AS o(kind, asset, amount, created, i)
        WHERE o.kind = 'asset_create' AND o.i <> ALL (skip_op);
    END IF;

    IF p_kind && ARRAY['wallet_create', 'asset_create'] THEN
        INSERT INTO wallets (wallet_id, asset, owner_id, is_system, overdraft_limit, created_at, updated_at)
        SELECT o.wallet, o.asset, CASE o.kind WHEN 'asset_create' THEN 'system' ELSE o.owner END, o.kind = 'asset_create',
               CASE o.kind WHEN 'wallet_create' THEN o.amount END, o.created, o.created
        FROM unnest(p_kind, p_wallet, p_asset, p_owner, p_amount, p_created) WITH ORDINALITY AS o(kind, wallet, asset, owner, amount, created, i)
        WHERE o.kind IN ('wallet_create', 'asset_create') AND o.i <> ALL (skip_op);
    END IF;

    IF 'hold_create' = ANY (p_kind) THEN
        INSERT INTO holds (hold_id, from_wallet_id, to_wallet_id, asset, amount, expires_at, metadata, created_at)
        SELECT o.id, o.wallet, o.counterparty, o.asset, o.amount, o.expires, o.metadata, o.created
        FROM unnest(p_kind, p_id, p_wallet, p_counterparty, p_asset, p_amount, p_expires, p_metadata, p_created)
            WITH ORDINALITY AS o(kind, id, wallet, counterparty, asset, amount, expires, metadata, created, i)
        WHERE o.kind = 'hold_create' AND o.i <> ALL (skip_op);
    END IF;

    -- The holds' triggers move the payers' held amounts; a hold is released before a hold_post debits the payer.
    -- (Statements a group does not need are skipped: even an empty one costs its planning and statement triggers.)
    IF p_kind && ARRAY['hold_post', 'hold_void', 'hold_expire'] THEN
        UPDATE holds h
        SET status = CASE o.kind WHEN 'hold_post' THEN 'posted' WHEN 'hold_void' THEN 'voided' ELSE 'expired' END,
            posted_amount = CASE WHEN o.kind = 'hold_post' THEN o.amount END,
            transaction_id = CASE WHEN o.kind = 'hold_post' THEN o.id END,
            resolved_at = o.created
        FROM unnest(p_kind, p_id, p_hold, p_amount, p_created) WITH ORDINALITY AS o(kind, id, hold, amount, created, i)
        WHERE h.hold_id = o.hold AND o.kind IN ('hold_post', 'hold_void', 'hold_expire') AND o.i <> ALL (skip_op);
    END IF;

    -- Each transaction and its entries in one statement; the journal's triggers check them and move the balances.
    IF p_kind && ARRAY['transfer', 'adjustment', 'hold_post'] THEN
        WITH new_transactions AS (
            INSERT INTO journal_transactions (transaction_id, kind, idempotency_scope, idempotency_key, request_hash, hold_id, metadata, actor, created_at)
            SELECT o.id, o.kind, o.scope, o.key, o.hash, o.hold, o.metadata, o.actor, o.created
            FROM unnest(p_kind, p_id, p_scope, p_key, p_hash, p_hold, p_metadata, p_actor, p_created)
                WITH ORDINALITY AS o(kind, id, scope, key, hash, hold, metadata, actor, created, i)
            WHERE o.kind IN ('transfer', 'adjustment', 'hold_post') AND o.i <> ALL (skip_op)
        )
        INSERT INTO journal_entries (transaction_id, leg, wallet_id, asset, amount, balance_after)
        SELECT p_id[e.op], e.leg, e.wallet, e.asset, e.amount,
               w.balance + sum(e.amount) OVER (PARTITION BY e.wallet ORDER BY e.i)
        FROM unnest(e_op, e_leg, e_wallet, e_asset, e_amount) WITH ORDINALITY AS e(op, leg, wallet, asset, amount, i)
        JOIN wallets w ON w.wallet_id = e.wallet
        WHERE e.op <> ALL (skip_op)
        ORDER BY e.i;
    END IF;

    IF NOT p_kind <@ ARRAY['transfer', 'adjustment', 'hold_post'] THEN
        INSERT INTO idempotency_records (idempotency_scope, idempotency_key, request_hash, operation, outcome)
        SELECT o.scope, o.key, o.hash, o.operation, o.outcome
        FROM unnest(p_kind, p_scope, p_key, p_hash, p_operation, p_outcome) WITH ORDINALITY AS o(kind, scope, key, hash, operation, outcome, i)
        WHERE o.key IS NOT NULL AND o.kind NOT IN ('transfer', 'adjustment', 'hold_post') AND o.i <> ALL (skip_op);
    END IF;

    RETURN QUERY
    SELECT NULL::int, 'wallet'::text, w.wallet_id, w.owner_id, w.asset, a.scale, w.balance, w.held, w.version
    FROM wallets w
    JOIN assets a ON a.code = w.asset
    WHERE w.wallet_id IN (
        SELECT e.wallet FROM unnest(e_op, e_wallet) AS e(op, wallet) WHERE e.op <> ALL (skip_op)
        UNION
        SELECT o.wallet FROM unnest(p_kind, p_wallet) WITH ORDINALITY AS o(kind, wallet, i)
        WHERE o.kind IN ('hold_create', 'hold_post', 'hold_void', 'hold_expire') AND o.i <> ALL (skip_op))
    UNION ALL
    SELECT s.op, s.reason, NULL::uuid, NULL::text, NULL::text, NULL::smallint, NULL::numeric, NULL::numeric, NULL::bigint
    FROM unnest(skip_op, skip_reason) AS s(op, reason);
END
$$;
