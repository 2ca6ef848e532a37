-- The staking and payout routes' actions (sql/0007) as capabilities, granted by the bundles that grant the seed's
-- wallet.stake.ringk / wallet.claim: the wallet scopes' bundles and the team roles that stake and claim.
INSERT INTO capabilities (capability, description) VALUES
    ('wallet.unstake.ringk', 'Unstake RINGK (it returns after the cooldown)'),
    ('wallet.stake.read', 'Read one''s own stakes'),
    ('wallet.payout.read', 'Read one''s own payouts'),
    ('wallet.payout.claim', 'Claim one''s own payout'),
    ('payout.rate.read', 'Read the payout rates'),
    ('payout.rate.set', 'Set a payout rate (governance, or an admin)'),
    ('payout.run', 'Generate the payouts of closed periods now');

INSERT INTO bundle_caps (bundle, capability) VALUES
    ('wallet.reader', 'wallet.stake.read'), ('wallet.reader', 'wallet.payout.read'), ('wallet.reader', 'payout.rate.read'),
    ('wallet.writer', 'wallet.stake.ringk'), ('wallet.writer', 'wallet.unstake.ringk'), ('wallet.writer', 'wallet.payout.claim'),
    ('wallet.admin', 'payout.rate.set'), ('wallet.admin', 'payout.run'),
    ('team.owner', 'wallet.unstake.ringk'), ('team.owner', 'wallet.stake.read'), ('team.owner', 'wallet.payout.read'), ('team.owner', 'wallet.payout.claim'),
    ('team.guardian', 'wallet.unstake.ringk'), ('team.guardian', 'wallet.stake.read'), ('team.guardian', 'wallet.payout.read'), ('team.guardian', 'wallet.payout.claim'),
    ('team.member', 'wallet.unstake.ringk'), ('team.member', 'wallet.stake.read'), ('team.member', 'wallet.payout.read'), ('team.member', 'wallet.payout.claim');
