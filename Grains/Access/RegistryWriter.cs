using Npgsql;

namespace Daarion.Grains.Access;

/// <summary>
/// Changes to the static registry: capabilities, bundles and their capabilities, what roles, plans, JWT scopes and
/// subject kinds hold. Each call replaces one item whole (PUT semantics), in one transaction.
/// </summary>
public sealed class RegistryWriter(RegistryDatabase database)
{
    private static readonly string[] SubjectKinds = ["*", "anonymous", "user", "access_key", "embassy", "service"];

    public Task<RegistryResult<CapabilityView>> PutCapabilityAsync(string capability, string description, CancellationToken cancellationToken)
    {
        if (!AccessNames.IsCapability(capability)) return Invalid<CapabilityView>($"'{capability}' is not a capability name: dot-separated lower-case words, at least two (wallet.transfer).");
        if (TooLong(description)) return Invalid<CapabilityView>("description must be at most 500 characters.");
        return database.ChangeAsync(async (connection, transaction) =>
        {
            await RegistryDatabase.ExecuteAsync(connection, transaction,
                "INSERT INTO capabilities (capability, description) VALUES ($1, $2) ON CONFLICT (capability) DO UPDATE SET description = EXCLUDED.description",
                capability, description);
            return RegistryResult<CapabilityView>.Ok(new CapabilityView(capability, description, capability.StartsWith("service.", StringComparison.Ordinal)));
        }, cancellationToken);
    }

    public Task<RegistryResult<BundleView>> PutBundleAsync(string bundle, string description, IReadOnlyList<BundleCap> capabilities, CancellationToken cancellationToken)
    {
        if (!AccessNames.IsName(bundle)) return Invalid<BundleView>($"'{bundle}' is not a bundle name: dot-separated lower-case words.");
        if (TooLong(description)) return Invalid<BundleView>("description must be at most 500 characters.");
        if (capabilities.Any(c => !GrantEffects.TryParse(c.Effect, out _))) return Invalid<BundleView>("effect must be \"allow\" or \"deny\".");
        if (capabilities.Select(c => c.Capability).Distinct(StringComparer.Ordinal).Count() != capabilities.Count) return Invalid<BundleView>("capabilities lists a capability twice.");
        return database.ChangeAsync(async (connection, transaction) =>
        {
            if (await MissingAsync(connection, transaction, "capabilities", "capability", capabilities.Select(c => c.Capability)) is { } missing) return missing;
            await UpsertAsync(connection, transaction, "bundles", "bundle", bundle, description);
            await ReplaceRowsAsync(connection, transaction, "bundle_caps", "bundle", bundle, ["capability", "effect"],
                [.. capabilities.Select(c => c.Capability)], [.. capabilities.Select(c => c.Effect)]);
            return RegistryResult<BundleView>.Ok(new BundleView(bundle, description, capabilities));
        }, cancellationToken);
    }

    /// <summary>Replaces what a role holds in its team whatever the plan (rows with a viewer type: visitors of that type).</summary>
    public Task<RegistryResult<IReadOnlyList<RoleBundleView>>> PutRoleBundlesAsync(string role, IReadOnlyList<RoleBundleView> bundles, CancellationToken cancellationToken) =>
        database.ChangeAsync<IReadOnlyList<RoleBundleView>>(async (connection, transaction) =>
        {
            if (await MissingAsync(connection, transaction, "roles", "role", [role]) is { } noRole) return noRole with { Code = RegistryErrorCode.NotFound };
            if (await MissingAsync(connection, transaction, "bundles", "bundle", bundles.Select(b => b.Bundle)) is { } noBundle) return noBundle;
            if (await MissingAsync(connection, transaction, "viewer_types", "viewer_type", bundles.Where(b => b.ViewerType is not null).Select(b => b.ViewerType!)) is { } noType) return noType;
            await ReplaceRowsAsync(connection, transaction, "role_bundles", "role", role, ["viewer_type", "bundle"],
                [.. bundles.Select(b => b.ViewerType)], [.. bundles.Select(b => b.Bundle)]);
            return RegistryResult<IReadOnlyList<RoleBundleView>>.Ok([.. bundles.Select(b => b with { Role = role }).Distinct()]);
        }, cancellationToken);

    public Task<RegistryResult<PlanView>> PutPlanAsync(string plan, string description, IReadOnlyList<PlanEntitlementView> entitlements, CancellationToken cancellationToken)
    {
        if (!AccessNames.IsName(plan)) return Invalid<PlanView>($"'{plan}' is not a plan name: dot-separated lower-case words.");
        if (TooLong(description)) return Invalid<PlanView>("description must be at most 500 characters.");
        return database.ChangeAsync(async (connection, transaction) =>
        {
            if (await MissingAsync(connection, transaction, "roles", "role", entitlements.Select(e => e.Role)) is { } noRole) return noRole;
            if (await MissingAsync(connection, transaction, "bundles", "bundle", entitlements.Select(e => e.Bundle)) is { } noBundle) return noBundle;
            await UpsertAsync(connection, transaction, "plans", "plan", plan, description);
            await ReplaceRowsAsync(connection, transaction, "plan_entitlements", "plan", plan, ["role", "bundle"],
                [.. entitlements.Select(e => e.Role)], [.. entitlements.Select(e => e.Bundle)]);
            return RegistryResult<PlanView>.Ok(new PlanView(plan, description, [.. entitlements.Distinct()]));
        }, cancellationToken);
    }

    /// <summary>Replaces the bundles a JWT scope holds (none: the scope grants nothing).</summary>
    public Task<RegistryResult<IReadOnlyList<string>>> PutScopeBundlesAsync(string scope, IReadOnlyList<string> bundles, CancellationToken cancellationToken) =>
        AccessNames.IsScope(scope)
            ? PutHoldersAsync("scope_bundles", "scope", scope, bundles, cancellationToken)
            : Invalid<IReadOnlyList<string>>($"'{scope}' is not a scope: lower-case letters, digits and . : _ - (wallet:read).");

    /// <summary>Replaces the bundles every subject of a kind holds ("*": every subject).</summary>
    public Task<RegistryResult<IReadOnlyList<string>>> PutKindBundlesAsync(string kind, IReadOnlyList<string> bundles, CancellationToken cancellationToken) =>
        SubjectKinds.Contains(kind)
            ? PutHoldersAsync("kind_bundles", "subject_kind", kind, bundles, cancellationToken)
            : Invalid<IReadOnlyList<string>>($"subject kind must be one of {string.Join(", ", SubjectKinds)}.");

    private Task<RegistryResult<IReadOnlyList<string>>> PutHoldersAsync(string table, string column, string holder, IReadOnlyList<string> bundles, CancellationToken cancellationToken) =>
        database.ChangeAsync<IReadOnlyList<string>>(async (connection, transaction) =>
        {
            if (await MissingAsync(connection, transaction, "bundles", "bundle", bundles) is { } missing) return missing;
            await ReplaceRowsAsync(connection, transaction, table, column, holder, ["bundle"], [.. bundles]);
            return RegistryResult<IReadOnlyList<string>>.Ok([.. bundles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
        }, cancellationToken);

    private static Task UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string column, string name, string description) =>
        RegistryDatabase.ExecuteAsync(connection, transaction,
            $"INSERT INTO {table} ({column}, description) VALUES ($1, $2) ON CONFLICT ({column}) DO UPDATE SET description = EXCLUDED.description", name, description);

    // Deletes the rows of one key and inserts (key, values[0][i], values[1][i], …) for each i, once each.
    private static async Task ReplaceRowsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string keyColumn, string key,
        string[] columns, params string?[][] values)
    {
        await RegistryDatabase.ExecuteAsync(connection, transaction, $"DELETE FROM {table} WHERE {keyColumn} = $1", key);
        var arrays = string.Join(", ", values.Select((_, i) => $"${i + 2}::text[]"));
        await RegistryDatabase.ExecuteAsync(connection, transaction,
            $"INSERT INTO {table} ({keyColumn}, {string.Join(", ", columns)}) SELECT DISTINCT $1, * FROM unnest({arrays})", [key, .. values]);
    }

    /// <summary>The names among <paramref name="names"/> that <paramref name="table"/> does not have, as an error; null when all exist.</summary>
    internal static async Task<RegistryError?> MissingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string column, IEnumerable<string> names)
    {
        await using var command = new NpgsqlCommand($"SELECT n FROM unnest($1::text[]) AS n EXCEPT SELECT {column} FROM {table} ORDER BY 1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = names.Distinct(StringComparer.Ordinal).ToArray() });
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var missing = new List<string>();
        while (await reader.ReadAsync().ConfigureAwait(false)) missing.Add(reader.GetString(0));
        return missing.Count == 0 ? null : new RegistryError(RegistryErrorCode.UnknownReference, $"No such {column.Replace('_', ' ')}: {string.Join(", ", missing)}.");
    }

    internal static bool TooLong(string text) => text.Length > 500;

    internal static Task<RegistryResult<T>> Invalid<T>(string detail) => Task.FromResult(RegistryResult<T>.Fail(RegistryErrorCode.Invalid, detail));
}
