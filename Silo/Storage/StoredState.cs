namespace Daarion.Silo.Storage;

/// <summary>A state row as read: the JSON payload (null when absent or cleared) and its version.</summary>
internal readonly record struct StoredState(string? Payload, long Version);
