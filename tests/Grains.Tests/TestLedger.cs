using Daarion.Grains.Interfaces.Ledger;
using Daarion.Grains.Ledger;
using Daarion.Silo;
using Daarion.Silo.Events;
using Daarion.Silo.Hosting;
using Daarion.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Daarion.Grains.Tests;

/// <summary>The silo with the wallet grains and the ledger, on a real PostgreSQL database, as the host runs them.</summary>
internal sealed class TestLedger : IAsyncDisposable
{
    private readonly IHost _host;
    private int _keys;

    private TestLedger(IHost host, string connectionString)
    {
        _host = host;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }
    public LedgerService Ledger => _host.Services.GetRequiredService<LedgerService>();
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();
    public LedgerMetrics Metrics => _host.Services.GetRequiredService<LedgerCommitter>().Metrics;

    /// <summary>Starts on <paramref name="connectionString"/>, or on a fresh migrated database of the shared server.</summary>
    public static async Task<TestLedger> StartAsync(string? connectionString = null, Action<LedgerOptions>? options = null, TimeProvider? time = null)
    {
        connectionString ??= await SharedServers.CreateDatabaseAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var connection = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 2 };
        LedgerConnection.Tune(connection);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connection.ConnectionString));
        if (time is not null) builder.Services.AddSingleton(time);
        builder.Services.AddSilo(s => s.AddGrains(GrainsAssembly.Assembly));
        builder.Services.AddLedger();
        builder.Services.Configure<LedgerOptions>(o =>
        {
            o.HoldExpiryInterval = TimeSpan.FromMilliseconds(100);
            options?.Invoke(o);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new TestLedger(host, connectionString);
    }

    /// <summary>A request under a new idempotency key, unless one is given.</summary>
    public LedgerRequest Request(string? key = null, string scope = "tester") =>
        new(scope, key ?? $"key-{Interlocked.Increment(ref _keys)}", EventActor.User(scope));

    /// <summary>A new wallet of <paramref name="asset"/>, funded with <paramref name="balance"/> by an adjustment.</summary>
    public async Task<Guid> WalletAsync(string asset = "KWT", decimal balance = 0, decimal overdraft = 0, string? owner = null)
    {
        var id = Guid.NewGuid();
        var created = await Ledger.CreateWalletAsync(Request(), new NewWallet(id, asset, owner ?? $"owner-{id:N}", overdraft));
        Assert.Null(created.Error);
        if (balance != 0) Assert.Null((await Ledger.AdjustAsync(Request(), new AdjustmentCommand(id, balance, "opening balance"))).Error);
        return id;
    }

    public async Task<decimal> BalanceAsync(Guid walletId) => (await Ledger.GetWalletAsync(walletId))!.Balance;

    public async Task<decimal> AvailableAsync(Guid walletId) => (await Ledger.GetWalletAsync(walletId))!.Available;

    public Task<LedgerResult<TransactionView>> TransferAsync(Guid from, Guid to, decimal amount, string? key = null) =>
        Ledger.TransferAsync(Request(key), new TransferCommand([new Posting(from, to, amount)], null));

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
