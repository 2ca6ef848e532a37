namespace Daarion.ApiHost.Tests;

public sealed class SettingsTests
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "Mail:Delivery", "Smtp", "Mail:Smtp:Host" },
        { "Auth:OtpLifetime", "00:30:00", "Auth:OtpLifetime" },
        { "Auth:Siwe:Domain", " ", "Auth:Siwe:Domain" },
        { "Access:DecisionLogCapacity", "0", "Access:DecisionLogCapacity" },
        { "Retention:EmbassyWebhooks", "00:09:00", "Retention:EmbassyWebhooks" },
        { "Retention:DecisionLog", "-1.00:00:00", "Retention:DecisionLog" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task AnInvalidSetting_StopsTheStart_NamingTheOption(string key, string value, string named)
    {
        await using var api = await ApiFactory.WithSharedServersAsync(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains(named, error.ToString());
    }
}
