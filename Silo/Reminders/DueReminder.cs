namespace Daarion.Silo.Reminders;

/// <summary>A reminder tick claimed for delivery.</summary>
internal sealed record DueReminder(GrainId GrainId, string Name, TickStatus Status);
