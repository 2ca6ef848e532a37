using Npgsql;

namespace Daarion.Events.Subscriptions;

/// <summary>The transaction an event is handled in: the inbox record of the event commits with whatever the handler writes here.</summary>
public sealed record EventHandlerContext(NpgsqlConnection Connection, NpgsqlTransaction Transaction, string Consumer, bool IsReplay);
