using System.Text.Json;

namespace Daarion.Grains.Access;

/// <summary>Reads the decision log for operators; decision ids are UUIDv7, so their order is time order.</summary>
public sealed class DecisionLogStore(RegistryDatabase database)
{
    public async Task<DecisionPage> QueryAsync(DecisionQuery query, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync(
            "SELECT decision_id, decided_at, subject_kind, subject_id, via, action, resource_type, resource_id, team_id, allowed, summary, reasons::text, context::text, " +
            "policy_version, cached FROM pdp_decisions " +
            "WHERE ($1::text IS NULL OR subject_kind = $1) AND ($2::text IS NULL OR subject_id = $2) AND ($3::text IS NULL OR action = $3) " +
            "AND ($4::boolean IS NULL OR allowed = $4) AND ($5::uuid IS NULL OR team_id = $5) AND ($6::uuid IS NULL OR decision_id < $6) " +
            "ORDER BY decision_id DESC LIMIT $7",
            r => new DecisionRecord(r.GetGuid(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetGuid(8), r.GetBoolean(9), r.GetString(10),
                Json(r.GetString(11)), Json(r.GetString(12)), r.GetInt64(13), r.GetBoolean(14)),
            cancellationToken, query.SubjectKind, query.SubjectId, query.Action, query.Allowed, query.TeamId, query.Before, query.Limit + 1).ConfigureAwait(false);
        var more = rows.Count > query.Limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new DecisionPage(rows, more ? rows[^1].DecisionId : null);
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
