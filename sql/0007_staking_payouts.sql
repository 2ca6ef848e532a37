-- RINGK staking and KWT payouts. Money lives in the ledger: a stake is the balance of the staker's stake wallet
-- for that DAO (RINGK moved there from the staker's own wallet), an unstake moves it to the staker's unbonding
-- wallet until the cooldown ends. These tables only say whose wallets those are and what was paid.

-- One row per (DAO, staker): the two ledger wallets that hold the staker's locked RINGK (seed 34 §4.7).
CREATE TABLE staking_ringk (
    dao_id              text        NOT NULL CHECK (length(dao_id) BETWEEN 1 AND 200),
    user_id             text        NOT NULL CHECK (length(user_id) BETWEEN 1 AND 200),
    stake_wallet_id     uuid        NOT NULL UNIQUE REFERENCES wallets (wallet_id),
    unbonding_wallet_id uuid        NOT NULL UNIQUE REFERENCES wallets (wallet_id),
    created_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dao_id, user_id)
);

-- KWT per kWh by domain, as governance sets it; a period is paid at the rate in force at its end.
CREATE TABLE payout_rates (
    domain         text           NOT NULL CHECK (domain IN ('energy', 'food', 'water')),
    effective_from timestamptz    NOT NULL,
    rate           numeric(28,12) NOT NULL CHECK (rate >= 0),
    set_by         text           NOT NULL,
    created_at     timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (domain, effective_from)
);
INSERT INTO payout_rates (domain, effective_from, rate, set_by) VALUES ('energy', '2000-01-01T00:00:00Z', 1, 'migration');

-- One payout per (site, period, staker), so generating a period twice writes nothing new. The lifecycle
-- (generated -> claimed -> settled | failed) is ordered by the payout's grain; this row is its queryable copy,
-- written in the same transaction as the grain's state.
CREATE TABLE payouts (
    payout_id       uuid           PRIMARY KEY,
    site_id         text           NOT NULL REFERENCES sites (site_id),
    dao_id          text           NOT NULL,
    period_start    timestamptz    NOT NULL,
    period_end      timestamptz    NOT NULL CHECK (period_end > period_start),
    user_id         text           NOT NULL,
    asset           text           NOT NULL REFERENCES assets (code),
    amount          numeric(28,12) NOT NULL CHECK (amount > 0),
    energy_kwh      numeric(28,12) NOT NULL CHECK (energy_kwh >= 0),
    rate            numeric(28,12) NOT NULL,
    stake           numeric(28,12) NOT NULL CHECK (stake > 0),
    total_stake     numeric(28,12) NOT NULL CHECK (total_stake >= stake),
    status          text           NOT NULL DEFAULT 'generated' CHECK (status IN ('generated', 'claimed', 'settled', 'failed')),
    transaction_id  uuid,
    chain_tx_hash   text,
    failure         text,
    created_at      timestamptz    NOT NULL DEFAULT now(),
    updated_at      timestamptz    NOT NULL DEFAULT now(),
    UNIQUE (site_id, period_start, user_id)
);
CREATE INDEX payouts_by_user ON payouts (user_id, created_at DESC, payout_id);
