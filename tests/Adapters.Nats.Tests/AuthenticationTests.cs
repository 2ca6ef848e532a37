namespace Daarion.Adapters.Nats.Tests;

public sealed class AuthenticationTests
{
    private const string Secret = "s3cr3t-Pa55";

    [Fact]
    public async Task UserAndPassword_FromTheUrlOrTheOptions_AreAccepted()
    {
        await using var server = await PrivateNatsServer.StartAsync("--user", "app", "--pass", Secret);
        var hostPort = server.Url["nats://".Length..];

        await using var fromUrl = await TestConnections.ConnectAsync($"nats://app:{Secret}@{hostPort}");
        await using var fromOptions = await server.ConnectAsync(o => (o.User, o.Password) = ("app", Secret));

        Assert.True(fromUrl.ServerInfo.AuthRequired);
        await fromUrl.PingAsync();
        await fromOptions.PingAsync();
    }

    [Fact]
    public async Task Token_FromTheUrlOrTheOptions_IsAccepted()
    {
        await using var server = await PrivateNatsServer.StartAsync("--auth", Secret);
        var hostPort = server.Url["nats://".Length..];

        await using var fromUrl = await TestConnections.ConnectAsync($"nats://{Secret}@{hostPort}");
        await using var fromOptions = await server.ConnectAsync(o => o.Token = Secret);

        await fromUrl.PingAsync();
        await fromOptions.PingAsync();
    }

    [Fact]
    public async Task WrongPassword_FailsWithAnAuthorizationErrorThatDoesNotRepeatIt()
    {
        await using var server = await PrivateNatsServer.StartAsync("--user", "app", "--pass", Secret);

        var error = await Assert.ThrowsAsync<NatsAuthorizationException>(() => server.ConnectAsync(o => (o.User, o.Password) = ("app", "wrong-" + Secret)));

        Assert.Contains("Authorization Violation", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingCredentials_FailWithAnAuthorizationError()
    {
        await using var server = await PrivateNatsServer.StartAsync("--auth", Secret);

        await Assert.ThrowsAsync<NatsAuthorizationException>(() => server.ConnectAsync());
    }
}
