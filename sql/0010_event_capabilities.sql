-- The event replay routes' actions (seed 42 §13): replays re-run handlers' side effects, so only operators may start
-- or read them (the platform admins, and wallet:admin tokens as before the registry).
INSERT INTO capabilities (capability, description) VALUES
    ('events.replay.start', 'Replay a stream''s events into a named handler'),
    ('events.replay.read', 'Read event replays');

INSERT INTO bundle_caps (bundle, capability) VALUES
    ('platform.admin', 'events.replay.start'), ('platform.admin', 'events.replay.read'),
    ('wallet.admin', 'events.replay.start'), ('wallet.admin', 'events.replay.read');
