-- Access control (seed 28 §3, seed 34 §4.1, §4.12, §4.16, §6; MachPay §5.1): the capability registry the PDP decides
-- from, the identities and credentials the PEP authenticates, logins, and the decision log.
--
-- A subject's grants: the bundles of its kind; for a user, the bundles of its JWT scopes and, in each team it belongs
-- to, the bundles of its role (and viewer type) and of the team's plan for that role; its direct grants. A grant allows
-- or denies one capability, globally or in one team. Deny overrides allow; no grant means deny.

-- Names: lower-case words joined by dots (wallet.transfer, service.mint.payout).
CREATE DOMAIN access_name AS text CHECK (VALUE ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$' AND length(VALUE) <= 100);
CREATE DOMAIN access_effect AS text CHECK (VALUE IN ('allow', 'deny'));

-- A capability is an action a route (or a grain) asks the PDP about. service.* capabilities are internal: only
-- internal services hold them (seed 34 §6); the PDP ignores them in any other subject's grants.
CREATE TABLE capabilities (
    capability  access_name PRIMARY KEY CHECK (capability LIKE '%.%'),
    description text        NOT NULL DEFAULT '',
    internal    boolean     GENERATED ALWAYS AS (capability LIKE 'service.%') STORED,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bundles (
    bundle      access_name PRIMARY KEY,
    description text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bundle_caps (
    bundle     text          NOT NULL REFERENCES bundles (bundle) ON DELETE CASCADE,
    capability text          NOT NULL REFERENCES capabilities (capability),
    effect     access_effect NOT NULL DEFAULT 'allow',
    PRIMARY KEY (bundle, capability)
);

CREATE TABLE roles (
    role        text     PRIMARY KEY,
    rank        smallint NOT NULL UNIQUE,
    description text     NOT NULL
);

CREATE TABLE viewer_types (
    viewer_type text PRIMARY KEY,
    description text NOT NULL
);

CREATE TABLE plans (
    plan        access_name PRIMARY KEY,
    description text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- What a role holds in its team whatever the plan; a row with a viewer type applies to members with that type only.
CREATE TABLE role_bundles (
    role        text NOT NULL REFERENCES roles (role),
    viewer_type text REFERENCES viewer_types (viewer_type),
    bundle      text NOT NULL REFERENCES bundles (bundle) ON DELETE CASCADE,
    UNIQUE NULLS NOT DISTINCT (role, viewer_type, bundle)
);

-- What a plan adds for each role (role × plan, seed 28 §3).
CREATE TABLE plan_entitlements (
    plan   text NOT NULL REFERENCES plans (plan) ON DELETE CASCADE,
    role   text NOT NULL REFERENCES roles (role),
    bundle text NOT NULL REFERENCES bundles (bundle) ON DELETE CASCADE,
    PRIMARY KEY (plan, role, bundle)
);

-- The wallet seed's JWT scopes (wallet:read …): a token's scopes hold these bundles globally while it is valid.
CREATE TABLE scope_bundles (
    scope  text NOT NULL CHECK (scope ~ '^[a-z][a-z0-9_.:-]{0,99}$'),
    bundle text NOT NULL REFERENCES bundles (bundle) ON DELETE CASCADE,
    PRIMARY KEY (scope, bundle)
);

-- Bundles every subject of a kind holds ('*': every subject, callers without credentials included).
CREATE TABLE kind_bundles (
    subject_kind text NOT NULL CHECK (subject_kind IN ('*', 'anonymous', 'user', 'access_key', 'embassy', 'service')),
    bundle       text NOT NULL REFERENCES bundles (bundle) ON DELETE CASCADE,
    PRIMARY KEY (subject_kind, bundle)
);

CREATE TABLE users (
    user_id        uuid        PRIMARY KEY,
    email          text        UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    wallet_address text        UNIQUE CHECK (wallet_address ~ '^0x[0-9a-f]{40}$'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (email IS NOT NULL OR wallet_address IS NOT NULL)
);

-- Teams are the tenants: a team-scoped grant applies to that team's resources only.
CREATE TABLE teams (
    team_id    uuid        PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    plan       text        NOT NULL REFERENCES plans (plan),
    mode       text        NOT NULL DEFAULT 'public' CHECK (mode IN ('public', 'confidential')),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team_members (
    team_id     uuid        NOT NULL REFERENCES teams (team_id) ON DELETE CASCADE,
    user_id     uuid        NOT NULL REFERENCES users (user_id),
    role        text        NOT NULL REFERENCES roles (role),
    viewer_type text        REFERENCES viewer_types (viewer_type),
    joined_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, user_id),
    CHECK (viewer_type IS NULL OR role = 'visitor')
);
CREATE INDEX team_members_by_user ON team_members (user_id);

-- Embassy identities (external platforms, seed 28 §6) and internal services (seed 34 §6) are subjects of their own.
CREATE TABLE embassies (
    embassy_id  access_name PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    team_id     uuid        REFERENCES teams (team_id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    disabled_at timestamptz
);

CREATE TABLE internal_services (
    service_id  access_name PRIMARY KEY,
    description text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    disabled_at timestamptz
);

-- Grants made to one subject: a bundle or a single capability, allowed or denied, globally or in one team. An
-- embassy's and a service's capabilities are rows here; so are an operator's denials ("suspend transfers").
-- A user's subject_id is its JWT sub (its user id for tokens issued at login).
CREATE TABLE subject_grants (
    grant_id     uuid          PRIMARY KEY,
    subject_kind text          NOT NULL CHECK (subject_kind IN ('user', 'embassy', 'service')),
    subject_id   text          NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 200),
    team_id      uuid          REFERENCES teams (team_id) ON DELETE CASCADE,
    bundle       text          REFERENCES bundles (bundle) ON DELETE CASCADE,
    capability   text          REFERENCES capabilities (capability),
    effect       access_effect NOT NULL,
    note         text          NOT NULL DEFAULT '',
    created_by   text          NOT NULL,
    created_at   timestamptz   NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(bundle, capability) = 1)
);
CREATE INDEX subject_grants_by_subject ON subject_grants (subject_kind, subject_id);

-- Credentials presented as "Bearer <kind prefix><prefix>_<secret>": access keys (a user's, limited to their
-- capabilities), embassy keys and internal service keys. The secret is 256 random bits shown once; only its SHA-256
-- is kept (a slow hash adds nothing to a secret that cannot be guessed).
CREATE TABLE api_keys (
    key_id       uuid        PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('access', 'embassy', 'service')),
    prefix       text        NOT NULL UNIQUE CHECK (prefix ~ '^[A-Za-z0-9]{12}$'),
    secret_hash  bytea       NOT NULL CHECK (length(secret_hash) = 32),
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    user_id      uuid        REFERENCES users (user_id),
    team_id      uuid        REFERENCES teams (team_id) ON DELETE CASCADE,
    embassy_id   text        REFERENCES embassies (embassy_id),
    service_id   text        REFERENCES internal_services (service_id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    CHECK ((kind = 'access') = (user_id IS NOT NULL)),
    CHECK ((kind = 'embassy') = (embassy_id IS NOT NULL)),
    CHECK ((kind = 'service') = (service_id IS NOT NULL)),
    CHECK (kind = 'access' OR team_id IS NULL)
);
CREATE INDEX api_keys_by_user ON api_keys (user_id) WHERE user_id IS NOT NULL;

CREATE TABLE access_key_caps (
    key_id     uuid NOT NULL REFERENCES api_keys (key_id) ON DELETE CASCADE,
    capability text NOT NULL REFERENCES capabilities (capability),
    PRIMARY KEY (key_id, capability)
);

-- The registry's version: every change to a table the PDP reads bumps it in the same transaction and notifies the
-- hosts (channel policy_registry), which drop their cached decisions. A decision names the version it was made on.
CREATE TABLE policy_registry (
    id      boolean PRIMARY KEY DEFAULT true CHECK (id),
    version bigint  NOT NULL
);
INSERT INTO policy_registry (version) VALUES (1);

CREATE FUNCTION policy_registry_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    new_version bigint;
BEGIN
    UPDATE policy_registry SET version = version + 1 RETURNING version INTO new_version;
    PERFORM pg_notify('policy_registry', new_version::text);
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['capabilities', 'bundles', 'bundle_caps', 'roles', 'viewer_types', 'plans', 'role_bundles',
        'plan_entitlements', 'scope_bundles', 'kind_bundles', 'teams', 'team_members', 'embassies', 'internal_services',
        'subject_grants', 'access_key_caps']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION policy_registry_bump()',
            t || '_bump_policy', t);
    END LOOP;
END
$$;
-- Using a key only records when (last_used_at), which changes no decision.
CREATE TRIGGER api_keys_bump_policy AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF kind, prefix, secret_hash, user_id, team_id, embassy_id, service_id, expires_at, revoked_at
    ON api_keys FOR EACH STATEMENT EXECUTE FUNCTION policy_registry_bump();

-- Every decision of the PEP (ASVS V16: every authorization decision, not modifiable). Written in batches, after the
-- decision, with secret-looking context values masked.
CREATE TABLE pdp_decisions (
    decision_id    uuid        PRIMARY KEY,
    decided_at     timestamptz NOT NULL,
    subject_kind   text        NOT NULL,
    subject_id     text        NOT NULL,
    via            text,
    action         text        NOT NULL,
    resource_type  text        NOT NULL,
    resource_id    text,
    team_id        uuid,
    allowed        boolean     NOT NULL,
    summary        text        NOT NULL,
    reasons        json        NOT NULL,
    context        json        NOT NULL,
    policy_version bigint      NOT NULL,
    cached         boolean     NOT NULL
);
-- decision_id is a UUIDv7 made from decided_at, so its order is time order (the log pages by it).
CREATE INDEX pdp_decisions_by_subject ON pdp_decisions (subject_kind, subject_id, decision_id DESC);
CREATE TRIGGER pdp_decisions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON pdp_decisions
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- Sign-In with Ethereum nonces: single use (a login deletes its nonce whatever the outcome), bound to an address.
CREATE TABLE auth_nonces (
    nonce      text        PRIMARY KEY CHECK (nonce ~ '^[A-Za-z0-9]{8,64}$'),
    address    text        NOT NULL CHECK (address ~ '^0x[0-9a-f]{40}$'),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX auth_nonces_expiry ON auth_nonces (expires_at);

-- A login session: its access tokens name it (sid), its refresh token rotates on each use (only a hash is kept;
-- the previous one is remembered, so replaying a used refresh token ends the session). Logout revokes it.
CREATE TABLE sessions (
    session_id            uuid        PRIMARY KEY,
    user_id               uuid        NOT NULL REFERENCES users (user_id),
    method                text        NOT NULL CHECK (method IN ('email', 'wallet')),
    created_at            timestamptz NOT NULL,
    expires_at            timestamptz NOT NULL,
    refresh_hash          bytea       NOT NULL CHECK (length(refresh_hash) = 32),
    previous_refresh_hash bytea       CHECK (length(previous_refresh_hash) = 32),
    refreshed_at          timestamptz,
    revoked_at            timestamptz,
    revoked_reason        text
);
CREATE INDEX sessions_revoked ON sessions (expires_at) WHERE revoked_at IS NOT NULL;

-- Mail of the development delivery (the default; SMTP in production): read back over GET /v1/dev/mailbox.
CREATE TABLE dev_mailbox (
    message_id bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient  text        NOT NULL,
    subject    text        NOT NULL,
    body       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dev_mailbox_by_recipient ON dev_mailbox (recipient, message_id DESC);

-- The registry's starting content.
INSERT INTO capabilities (capability, description) VALUES
    ('api.health.read', 'Liveness and readiness probes'),
    ('api.metrics.read', 'Prometheus metrics'),
    ('api.openapi.read', 'The OpenAPI document'),
    ('auth.challenge', 'Ask for a Sign-In with Ethereum nonce'),
    ('auth.wallet.login', 'Sign in with an Ethereum wallet'),
    ('auth.email.send_otp', 'Ask for a one-time login code by email'),
    ('auth.email.verify_otp', 'Sign in with a one-time code'),
    ('auth.session.refresh', 'Exchange a refresh token for a new access token'),
    ('auth.session.logout', 'End one''s own session'),
    ('auth.whoami', 'Read who one is authenticated as'),
    ('team.create', 'Create a team (the creator becomes its owner)'),
    ('team.read', 'Read a team and its members'),
    ('team.member.manage', 'Add, change and remove a team''s members'),
    ('team.owner.manage', 'Make a member an owner or a guardian, or change an owner'),
    ('team.plan.update', 'Change a team''s plan'),
    ('access_key.manage', 'Create, list and revoke one''s own access keys'),
    ('registry.read', 'Read the capability registry'),
    ('registry.write', 'Change the capability registry, grants, embassies and internal services'),
    ('pdp.explain', 'Ask the PDP what it would decide and why'),
    ('pdp.decisions.read', 'Read the decision log'),
    ('dev.mailbox.read', 'Read the development mailbox'),
    ('wallet.asset.read', 'List assets'),
    ('wallet.asset.create', 'Create an asset'),
    ('wallet.create', 'Create a wallet'),
    ('wallet.read', 'Read a wallet''s balance and statement'),
    ('wallet.audit', 'Audit a wallet''s balance against its journal'),
    ('wallet.transfer', 'Move money between wallets'),
    ('wallet.adjust', 'Adjust a wallet''s balance from its asset''s system wallet'),
    ('wallet.hold.create', 'Hold funds for a later transfer'),
    ('wallet.hold.read', 'Read a hold'),
    ('wallet.hold.post', 'Post a hold'),
    ('wallet.hold.void', 'Void a hold'),
    ('wallet.tx.read', 'Read a journal transaction'),
    ('wallet.stake.ringk', 'Stake RINGK'),
    ('wallet.claim', 'Claim a payout'),
    ('embassy.energy.update', 'Report energy readings (embassy webhook)'),
    ('embassy.oracle.update', 'Report oracle values (embassy)'),
    ('agent.run.create', 'Start an agent run'),
    ('governance.proposal.create', 'Create a governance proposal'),
    ('governance.vote.cast', 'Vote on a proposal'),
    ('service.act_on_behalf', 'Relay a caller''s credentials so the caller is decided on'),
    ('service.mint.payout', 'Mint payouts'),
    ('service.write.oracles', 'Write oracle values'),
    ('service.update.capabilities', 'Change the capability registry from a service (governance)'),
    ('service.read.internal_logs', 'Read internal logs, the decision log included');

INSERT INTO bundles (bundle, description) VALUES
    ('public', 'What anyone may do, without credentials too'),
    ('authenticated', 'What every authenticated subject may do'),
    ('user.default', 'What every signed-in user may do'),
    ('wallet.reader', 'Read wallets, assets, holds and transactions'),
    ('wallet.writer', 'Create wallets, transfer, hold'),
    ('wallet.admin', 'Create assets and adjust balances'),
    ('platform.admin', 'Operate the platform: the registry, the PDP, every team'),
    ('team.owner', 'An owner in their team'),
    ('team.guardian', 'A guardian in their team'),
    ('team.member', 'A member in their team'),
    ('team.visitor', 'A visitor in their team'),
    ('team.visitor.contributor', 'A contributing visitor in their team'),
    ('plan.premium', 'What the premium plan adds for a team''s members'),
    ('embassy.energy', 'An energy platform''s embassy'),
    ('service.payouts', 'The payout service');

INSERT INTO bundle_caps (bundle, capability) VALUES
    ('public', 'api.health.read'), ('public', 'api.metrics.read'), ('public', 'api.openapi.read'),
    ('public', 'auth.challenge'), ('public', 'auth.wallet.login'), ('public', 'auth.email.send_otp'),
    ('public', 'auth.email.verify_otp'), ('public', 'auth.session.refresh'),
    ('authenticated', 'auth.whoami'),
    ('user.default', 'auth.session.logout'), ('user.default', 'team.create'), ('user.default', 'access_key.manage'),
    ('wallet.reader', 'wallet.asset.read'), ('wallet.reader', 'wallet.read'), ('wallet.reader', 'wallet.audit'),
    ('wallet.reader', 'wallet.hold.read'), ('wallet.reader', 'wallet.tx.read'),
    ('wallet.writer', 'wallet.create'), ('wallet.writer', 'wallet.transfer'), ('wallet.writer', 'wallet.hold.create'),
    ('wallet.writer', 'wallet.hold.post'), ('wallet.writer', 'wallet.hold.void'),
    ('wallet.admin', 'wallet.asset.create'), ('wallet.admin', 'wallet.adjust'),
    ('platform.admin', 'registry.read'), ('platform.admin', 'registry.write'), ('platform.admin', 'pdp.explain'),
    ('platform.admin', 'pdp.decisions.read'), ('platform.admin', 'dev.mailbox.read'), ('platform.admin', 'team.read'),
    ('platform.admin', 'team.member.manage'), ('platform.admin', 'team.owner.manage'), ('platform.admin', 'team.plan.update'),
    ('team.owner', 'team.read'), ('team.owner', 'team.member.manage'), ('team.owner', 'team.owner.manage'),
    ('team.owner', 'team.plan.update'), ('team.owner', 'governance.proposal.create'), ('team.owner', 'governance.vote.cast'),
    ('team.owner', 'wallet.stake.ringk'), ('team.owner', 'wallet.claim'), ('team.owner', 'agent.run.create'),
    ('team.guardian', 'team.read'), ('team.guardian', 'team.member.manage'), ('team.guardian', 'governance.proposal.create'),
    ('team.guardian', 'governance.vote.cast'), ('team.guardian', 'wallet.stake.ringk'), ('team.guardian', 'wallet.claim'),
    ('team.member', 'team.read'), ('team.member', 'governance.vote.cast'), ('team.member', 'wallet.stake.ringk'),
    ('team.member', 'wallet.claim'),
    ('team.visitor', 'team.read'),
    ('team.visitor.contributor', 'governance.proposal.create'),
    ('plan.premium', 'agent.run.create'),
    ('embassy.energy', 'embassy.energy.update'), ('embassy.energy', 'embassy.oracle.update'),
    ('service.payouts', 'service.mint.payout');
-- Visitors never vote, whatever else grants it (deny overrides allow).
INSERT INTO bundle_caps (bundle, capability, effect) VALUES ('team.visitor', 'governance.vote.cast', 'deny');

INSERT INTO roles (role, rank, description) VALUES
    ('owner', 1, 'Owns the team: manages members, guardians and the plan'),
    ('guardian', 2, 'Guards the team: manages members, proposes'),
    ('member', 3, 'A member: votes, stakes, claims'),
    ('visitor', 4, 'A visitor: reads; its viewer type says what else');
INSERT INTO viewer_types (viewer_type, description) VALUES
    ('reader', 'Reads only'),
    ('commenter', 'Reads and comments'),
    ('contributor', 'Reads, comments and proposes');

INSERT INTO plans (plan, description) VALUES ('free', 'The free plan'), ('premium', 'The premium plan: agent runs for every member');

INSERT INTO role_bundles (role, viewer_type, bundle) VALUES
    ('owner', NULL, 'team.owner'), ('guardian', NULL, 'team.guardian'), ('member', NULL, 'team.member'),
    ('visitor', NULL, 'team.visitor'), ('visitor', 'contributor', 'team.visitor.contributor');
INSERT INTO plan_entitlements (plan, role, bundle) VALUES
    ('premium', 'owner', 'plan.premium'), ('premium', 'guardian', 'plan.premium'), ('premium', 'member', 'plan.premium');

INSERT INTO scope_bundles (scope, bundle) VALUES
    ('wallet:read', 'wallet.reader'),
    ('wallet:write', 'wallet.writer'),
    ('wallet:admin', 'wallet.reader'), ('wallet:admin', 'wallet.writer'), ('wallet:admin', 'wallet.admin'),
    ('platform:admin', 'platform.admin');

INSERT INTO kind_bundles (subject_kind, bundle) VALUES
    ('*', 'public'),
    ('user', 'authenticated'), ('access_key', 'authenticated'), ('embassy', 'authenticated'), ('service', 'authenticated'),
    ('user', 'user.default');

-- The seed rows above bumped the version once per statement; start counting from here.
UPDATE policy_registry SET version = 1;
