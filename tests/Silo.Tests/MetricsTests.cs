using Daarion.Silo.Tests.TestGrains;

namespace Daarion.Silo.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Snapshot_CountsActivationsCallsErrorsAndLatency_PerGrainType()
    {
        await using var silo = await TestSilo.StartAsync();
        for (var i = 0; i < 10; i++) await silo.Grains.GetGrain<ICounterGrain>($"m{i % 3}").Increment();
        await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Grains.GetGrain<ICounterGrain>("m0").Fail("x"));
        await silo.Grains.GetGrain<ISerialGrain>("slow").Work(30);

        var counter = silo.Metrics.Snapshot().Single(s => s.GrainType == "counter");
        var serial = silo.Metrics.Snapshot().Single(s => s.GrainType == "serial");

        Assert.Equal(3, counter.Activations);
        Assert.Equal(11, counter.Calls);
        Assert.Equal(1, counter.Errors);
        // Task.Delay(30) may end up to a timer tick early, and buckets are 19% wide: the p99 bucket of a 30 ms call
        // must still sit far above the counter's microseconds.
        Assert.InRange(serial.LatencyP99, 0.025, 1.0);
        Assert.True(counter.LatencyP50 > 0 && counter.LatencyP50 < serial.LatencyP50);
    }

    [Fact]
    public async Task Snapshot_ShowsQueueDepth_AndCallRate()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ISerialGrain>("queued");
        var held = grain.Hold("metrics-queue");
        await ReminderTests.Eventually(async () => await grain.Running() == 1);
        var calls = Enumerable.Range(0, 4).Select(_ => grain.Work(1)).ToList();

        Assert.Equal(4, silo.Metrics.Snapshot().Single(s => s.GrainType == "serial").QueueDepth);

        ConcurrencyProbeGrain.Gates["metrics-queue"].SetResult();
        await Task.WhenAll(calls.Append(held));
        silo.Metrics.SampleRates();
        Assert.True(silo.Metrics.Snapshot().Single(s => s.GrainType == "serial").CallsPerSecond > 0);
    }

    [Fact]
    public async Task PrometheusText_HasTheFamiliesWithLabels()
    {
        await using var silo = await TestSilo.StartAsync();
        await silo.Grains.GetGrain<ICounterGrain>("p").Increment();

        var text = silo.Metrics.ToPrometheusText();

        Assert.Contains("# TYPE silo_grain_calls_total counter", text);
        Assert.Contains("silo_grain_calls_total{grain_type=\"counter\"} 1\n", text);
        Assert.Contains("silo_grain_activations{grain_type=\"counter\"} 1\n", text);
        Assert.Contains("silo_grain_call_duration_seconds_count{grain_type=\"counter\"} 1\n", text);
        Assert.Contains("silo_grain_call_duration_seconds_bucket{grain_type=\"counter\",le=\"+Inf\"} 1\n", text);
        Assert.Contains("silo_grain_queue_depth{grain_type=\"counter\"} 0\n", text);
        Assert.Contains("silo_grain_call_latency_p99_seconds{grain_type=\"counter\"}", text);
    }
}
