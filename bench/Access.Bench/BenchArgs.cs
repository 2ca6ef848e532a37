using System.Globalization;

namespace Daarion.Access.Bench;

/// <summary>Command line: how many decisions, over how many subjects, on how many threads; cached or not.</summary>
internal sealed record BenchArgs(int Decisions, int Subjects, int Threads, bool Uncached)
{
    public const string Usage = "Usage: Daarion.Access.Bench [--decisions N] [--subjects N] [--threads N] [--uncached]";

    public static BenchArgs Parse(string[] args)
    {
        var options = new BenchArgs(1_000_000, 1_000, 1, false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--decisions" => options with { Decisions = Number(args, ++i) },
                "--subjects" => options with { Subjects = Number(args, ++i) },
                "--threads" => options with { Threads = Number(args, ++i) },
                "--uncached" => options with { Uncached = true },
                _ => throw new FormatException($"Unknown argument '{args[i]}'."),
            };
        }
        return options;
    }

    private static int Number(string[] args, int index) =>
        index < args.Length && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"{args[index - 1]} takes a positive number.");
}
