using Daarion.Silo.Storage;

namespace Daarion.Silo;

/// <summary>Runtime settings, bound from the "Silo" configuration section (e.g. Silo__ResponseTimeout=00:00:10).</summary>
public sealed class SiloOptions
{
    public const string Section = "Silo";

    /// <summary>How long a caller waits for a response before it gets a <see cref="GrainCallTimeoutException"/>.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests an activation may queue before calls fail with <see cref="GrainOverloadedException"/>.</summary>
    public int MaxQueueLength { get; set; } = 10_000;

    /// <summary>Activations without calls for this long are deactivated.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often due reminders are looked for.</summary>
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The shortest reminder period accepted (Orleans uses one minute; tests lower it).</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    public GrainStorageOptions Storage { get; set; } = new();

    /// <summary>Every problem with the settings, each naming its option; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (ResponseTimeout <= TimeSpan.Zero) yield return "Silo:ResponseTimeout must be positive.";
        if (MaxQueueLength < 1) yield return "Silo:MaxQueueLength must be at least 1.";
        if (CollectionAge <= TimeSpan.Zero) yield return "Silo:CollectionAge must be positive.";
        if (CollectionQuantum <= TimeSpan.Zero) yield return "Silo:CollectionQuantum must be positive.";
        if (ActivationTimeout <= TimeSpan.Zero) yield return "Silo:ActivationTimeout must be positive.";
        if (DeactivationTimeout <= TimeSpan.Zero) yield return "Silo:DeactivationTimeout must be positive.";
        if (ReminderPollInterval <= TimeSpan.Zero) yield return "Silo:ReminderPollInterval must be positive.";
        if (MinimumReminderPeriod <= TimeSpan.Zero) yield return "Silo:MinimumReminderPeriod must be positive.";
        if (Storage.MaxBatchSize < 1) yield return "Silo:Storage:MaxBatchSize must be at least 1.";
        if (Storage.MaxConcurrentCommits < 1) yield return "Silo:Storage:MaxConcurrentCommits must be at least 1.";
    }
}
