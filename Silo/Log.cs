using Microsoft.Extensions.Logging;

namespace Daarion.Silo;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Activated {GrainId}")]
    public static partial void Activated(ILogger logger, string grainId);

    [LoggerMessage(2, LogLevel.Warning, "Activation of {GrainId} failed")]
    public static partial void ActivationFailed(ILogger logger, Exception error, string grainId);

    [LoggerMessage(3, LogLevel.Debug, "Deactivated {GrainId} ({Reason})")]
    public static partial void Deactivated(ILogger logger, string grainId, DeactivationReason reason);

    [LoggerMessage(4, LogLevel.Warning, "OnDeactivateAsync of {GrainId} failed")]
    public static partial void DeactivationFailed(ILogger logger, Exception error, string grainId);

    [LoggerMessage(5, LogLevel.Error, "A continuation of {GrainId} threw")]
    public static partial void ContinuationFailed(ILogger logger, Exception error, string grainId);

    [LoggerMessage(6, LogLevel.Warning, "Timer callback of {GrainId} failed")]
    public static partial void TimerFailed(ILogger logger, Exception error, string grainId);

    [LoggerMessage(7, LogLevel.Warning, "Polling reminders failed; due ticks will be delivered on a later poll")]
    public static partial void ReminderPollFailed(ILogger logger, Exception error);

    [LoggerMessage(8, LogLevel.Warning, "Reminder {ReminderName} of {GrainId} names a grain type this silo does not have")]
    public static partial void ReminderForUnknownGrainType(ILogger logger, string grainId, string reminderName);

    [LoggerMessage(9, LogLevel.Warning, "Reminder {ReminderName} of {GrainId} failed")]
    public static partial void ReminderTickFailed(ILogger logger, Exception error, string grainId, string reminderName);

    [LoggerMessage(10, LogLevel.Information, "Silo started with {GrainTypes} grain types")]
    public static partial void SiloStarted(ILogger logger, int grainTypes);

    [LoggerMessage(11, LogLevel.Information, "Silo stopping: deactivating {Activations} activations")]
    public static partial void SiloStopping(ILogger logger, int activations);

    [LoggerMessage(12, LogLevel.Debug, "Expired {Count} calls past their response timeout")]
    public static partial void CallsExpired(ILogger logger, int count);

    [LoggerMessage(13, LogLevel.Debug, "Idle collection started on {Count} activations")]
    public static partial void IdleCollected(ILogger logger, int count);
}
