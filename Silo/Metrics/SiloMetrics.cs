using System.Diagnostics;
using System.Globalization;
using System.Text;
using Daarion.Silo.Runtime;
using Daarion.Silo.Storage;

namespace Daarion.Silo.Metrics;

/// <summary>
/// The silo's metrics per grain type (activations, calls, calls/s, errors, queue depth, latency p50/p99) and of
/// storage, readable in-process and as Prometheus text.
/// </summary>
public sealed class SiloMetrics
{
    private readonly GrainRuntime _runtime;
    private readonly Lock _rateLock = new();
    private Dictionary<string, long> _lastCalls = [];
    private long _lastSampleAt = Stopwatch.GetTimestamp();
    private Dictionary<string, double> _rates = [];

    internal SiloMetrics(GrainRuntime runtime) => _runtime = runtime;

    public StorageMetrics Storage => _runtime.Storage.Metrics;

    /// <summary>Calls awaiting a response right now.</summary>
    public int InFlightCalls => _runtime.InFlightCount;

    /// <summary>Recomputes calls/s from the change since the previous sample (the silo samples every second).</summary>
    public void SampleRates()
    {
        var now = Stopwatch.GetTimestamp();
        var calls = _runtime.Types.Classes.ToDictionary(c => c.GrainType, c => c.Metrics.Calls);
        lock (_rateLock)
        {
            var seconds = Math.Max(1e-3, (now - _lastSampleAt) / (double)Stopwatch.Frequency);
            _rates = calls.ToDictionary(kv => kv.Key, kv => (kv.Value - _lastCalls.GetValueOrDefault(kv.Key)) / seconds);
            _lastCalls = calls;
            _lastSampleAt = now;
        }
    }

    public IReadOnlyList<GrainTypeSnapshot> Snapshot()
    {
        var queueDepth = new Dictionary<string, long>();
        foreach (var activation in _runtime.Activations)
        {
            queueDepth[activation.Class.GrainType] = queueDepth.GetValueOrDefault(activation.Class.GrainType) + activation.QueueLength;
        }
        Dictionary<string, double> rates;
        lock (_rateLock) rates = _rates;

        return [.. _runtime.Types.Classes.OrderBy(c => c.GrainType, StringComparer.Ordinal).Select(c =>
        {
            var buckets = c.Metrics.Latency.Merge();
            return new GrainTypeSnapshot(
                c.GrainType,
                c.Metrics.Activations,
                c.Metrics.Calls,
                rates.GetValueOrDefault(c.GrainType),
                c.Metrics.Errors.Sum(),
                queueDepth.GetValueOrDefault(c.GrainType),
                LatencyHistogram.Quantile(buckets, 0.50),
                LatencyHistogram.Quantile(buckets, 0.99));
        })];
    }

    /// <summary>The metrics in the Prometheus text exposition format (version 0.0.4).</summary>
    public string ToPrometheusText()
    {
        var text = new StringBuilder();
        var snapshots = Snapshot();
        WriteFamily(text, "silo_grain_activations", "gauge", "Active activations per grain type.", snapshots, s => s.Activations);
        WriteFamily(text, "silo_grain_calls_total", "counter", "Completed grain calls per grain type.", snapshots, s => s.Calls);
        WriteFamily(text, "silo_grain_errors_total", "counter", "Grain calls that failed (including timeouts and overload).", snapshots, s => s.Errors);
        WriteFamily(text, "silo_grain_queue_depth", "gauge", "Requests waiting in activation queues per grain type.", snapshots, s => s.QueueDepth);
        WriteFamily(text, "silo_grain_calls_per_second", "gauge", "Grain calls per second over the last sample.", snapshots, s => s.CallsPerSecond);
        WriteFamily(text, "silo_grain_call_latency_p50_seconds", "gauge", "Median call latency (send to response).", snapshots, s => s.LatencyP50);
        WriteFamily(text, "silo_grain_call_latency_p99_seconds", "gauge", "99th percentile call latency (send to response).", snapshots, s => s.LatencyP99);
        WriteLatencyHistograms(text);

        text.Append("# HELP silo_inflight_calls Calls awaiting a response.\n# TYPE silo_inflight_calls gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"silo_inflight_calls {InFlightCalls}\n");
        text.Append("# HELP silo_storage_commits_total State commits (one transaction each).\n# TYPE silo_storage_commits_total counter\n");
        text.Append(CultureInfo.InvariantCulture, $"silo_storage_commits_total {Storage.Commits}\n");
        text.Append("# HELP silo_storage_writes_total Grain state writes committed.\n# TYPE silo_storage_writes_total counter\n");
        text.Append(CultureInfo.InvariantCulture, $"silo_storage_writes_total {Storage.Writes}\n");
        text.Append("# HELP silo_storage_events_total Outbox events committed with state writes.\n# TYPE silo_storage_events_total counter\n");
        text.Append(CultureInfo.InvariantCulture, $"silo_storage_events_total {Storage.Events}\n");
        text.Append("# HELP silo_storage_failed_commits_total Commits the database refused or that lost their connection.\n# TYPE silo_storage_failed_commits_total counter\n");
        text.Append(CultureInfo.InvariantCulture, $"silo_storage_failed_commits_total {Storage.FailedCommits}\n");
        return text.ToString();
    }

    private static void WriteFamily(StringBuilder text, string name, string type, string help, IReadOnlyList<GrainTypeSnapshot> snapshots, Func<GrainTypeSnapshot, double> value)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");
        foreach (var snapshot in snapshots)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}{{grain_type=\"{snapshot.GrainType}\"}} {value(snapshot)}\n");
        }
    }

    private void WriteLatencyHistograms(StringBuilder text)
    {
        const string Name = "silo_grain_call_duration_seconds";
        text.Append(CultureInfo.InvariantCulture, $"# HELP {Name} Grain call latency from send to response.\n# TYPE {Name} histogram\n");
        foreach (var grainClass in _runtime.Types.Classes.OrderBy(c => c.GrainType, StringComparer.Ordinal))
        {
            var buckets = grainClass.Metrics.Latency.Merge();
            long cumulative = 0;
            for (var i = 0; i < buckets.Length; i++)
            {
                cumulative += buckets[i];
                // One exposed boundary per power of two keeps the series count sane.
                if (i % 4 == 3 && i >= 40 && i < LatencyHistogram.BucketCount)
                {
                    text.Append(CultureInfo.InvariantCulture,
                        $"{Name}_bucket{{grain_type=\"{grainClass.GrainType}\",le=\"{LatencyHistogram.UpperBoundSeconds(i):G6}\"}} {cumulative}\n");
                }
            }
            text.Append(CultureInfo.InvariantCulture, $"{Name}_bucket{{grain_type=\"{grainClass.GrainType}\",le=\"+Inf\"}} {cumulative}\n");
            text.Append(CultureInfo.InvariantCulture, $"{Name}_sum{{grain_type=\"{grainClass.GrainType}\"}} {grainClass.Metrics.Latency.SumSeconds:G9}\n");
            text.Append(CultureInfo.InvariantCulture, $"{Name}_count{{grain_type=\"{grainClass.GrainType}\"}} {cumulative}\n");
        }
    }
}
