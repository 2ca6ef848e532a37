using Npgsql;

namespace Daarion.Grains.Ledger;

/// <summary>Connection settings the ledger's commit path depends on for its speed.</summary>
public static class LedgerConnection
{
    /// <summary>
    /// Keeps session state when a connection returns to the pool: the default reset (DISCARD ALL) would also drop
    /// the cached plans of ledger_commit and its triggers, so every commit would plan them again. Nothing in this
    /// system leaves other session state behind. Frequent statements are prepared automatically.
    /// </summary>
    public static void Tune(NpgsqlConnectionStringBuilder connection)
    {
        connection.NoResetOnClose = true;
        if (connection.MaxAutoPrepare == 0) connection.MaxAutoPrepare = 32;
    }
}
