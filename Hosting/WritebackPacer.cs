using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Daarion.Hosting;

/// <summary>
/// Asks the kernel every half second to write back the file system that holds a directory (syncfs), so its dirty
/// pages never pile up. Why: left to itself the kernel writes back dirty pages once they are 30 s old, so under
/// sustained load PostgreSQL's table and index writes of the last half minute come due together, and every commit's
/// WAL flush waits behind them (stalls of 100–400 ms; docs/BENCHMARKS.md). Written back every half second, each flush
/// is a few MB. Linux only; elsewhere it does nothing.
/// </summary>
internal sealed class WritebackPacer : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly int _descriptor;
    private readonly string _directory;
    private readonly ILogger _logger;
    private readonly ManualResetEventSlim _stopping = new();
    private readonly Thread _thread;

    private WritebackPacer(int descriptor, string directory, ILogger logger)
    {
        (_descriptor, _directory, _logger) = (descriptor, directory, logger);
        // A thread of its own: syncfs blocks for as long as the flush takes, which a pool thread should not.
        _thread = new Thread(Run) { IsBackground = true, Name = "writeback-pacer" };
        _thread.Start();
    }

    /// <summary>Starts pacing the file system of <paramref name="directory"/>; null where that is not possible.</summary>
    public static WritebackPacer? Start(string directory, ILogger logger)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var descriptor = LibC.OpenReadOnly(directory);
        if (descriptor < 0)
        {
            Log.WritebackPacingUnavailable(logger, directory, Marshal.GetLastPInvokeErrorMessage());
            return null;
        }
        Log.WritebackPacingStarted(logger, directory, (int)Interval.TotalMilliseconds);
        return new WritebackPacer(descriptor, directory, logger);
    }

    public void Dispose()
    {
        _stopping.Set();
        _thread.Join();
        LibC.Close(_descriptor);
        _stopping.Dispose();
    }

    private void Run()
    {
        while (!_stopping.Wait(Interval))
        {
            if (LibC.SyncFileSystem(_descriptor) != 0)
            {
                Log.WritebackPacingUnavailable(_logger, _directory, Marshal.GetLastPInvokeErrorMessage());
                return;
            }
        }
    }
}
