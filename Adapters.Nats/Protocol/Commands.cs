using System.Buffers;
using System.Globalization;
using System.Text;

namespace Daarion.Adapters.Nats.Protocol;

// Formats the rare protocol commands (SUB, UNSUB); publishes go through PublishCommand instead.
internal static class Commands
{
    public static void Sub(IBufferWriter<byte> destination, long sid, string subject, string? queueGroup) =>
        Write(destination, queueGroup is null
            ? string.Create(CultureInfo.InvariantCulture, $"SUB {subject} {sid}\r\n")
            : string.Create(CultureInfo.InvariantCulture, $"SUB {subject} {queueGroup} {sid}\r\n"));

    public static void Unsub(IBufferWriter<byte> destination, long sid, long? maxMessages) =>
        Write(destination, maxMessages is null
            ? string.Create(CultureInfo.InvariantCulture, $"UNSUB {sid}\r\n")
            : string.Create(CultureInfo.InvariantCulture, $"UNSUB {sid} {maxMessages}\r\n"));

    private static void Write(IBufferWriter<byte> destination, string command) => Encoding.UTF8.GetBytes(command, destination);
}
