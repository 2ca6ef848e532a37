using Microsoft.Extensions.Options;

namespace Daarion.Silo.Tests;

public sealed class OptionsTests
{
    [Fact]
    public async Task InvalidSettings_StopTheStart_WithMessagesNamingTheOptions()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestSilo.StartAsync(options: o =>
        {
            o.MaxQueueLength = 0;
            o.ResponseTimeout = TimeSpan.Zero;
        }));

        Assert.Contains("Silo:MaxQueueLength must be at least 1.", error.Failures);
        Assert.Contains("Silo:ResponseTimeout must be positive.", error.Failures);
    }

    [Fact]
    public async Task AskingForAnInterfaceWithoutAGrainClass_SaysWhatIsMissing()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = Assert.Throws<InvalidOperationException>(() => silo.Grains.GetGrain<TestGrains.IConcurrencyProbeGrain>("x"));

        Assert.Contains("SerialGrain", error.Message);
        Assert.Contains("ReentrantGrain", error.Message);
    }
}
