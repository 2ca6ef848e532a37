using Daarion.Silo.Events;

namespace Daarion.Silo.Storage;

/// <summary>One grain's write: the new state if the stored version still equals <see cref="ExpectedVersion"/>, plus what commits with it.</summary>
internal sealed record StateWrite(
    GrainId GrainId,
    long ExpectedVersion,
    string Payload,
    IReadOnlyList<OutboxEvent> Events,
    IReadOnlyList<SqlStatement> Statements);
