using System.Text.Json.Serialization;
using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Energy;

/// <summary>A page of quarantined readings, oldest first; pass <see cref="NextAfter"/> as <c>after</c> for the next page.</summary>
public sealed record QuarantinePage(
    IReadOnlyList<QuarantineView> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? NextAfter);
