using System.Collections.Concurrent;
using System.Diagnostics;

namespace Daarion.Hosting;

// Linux sends a child's parent-death signal (setpriv --pdeathsig) when the *thread* that forked it exits, not the
// process. Thread-pool threads retire when idle, which would stop servers at random; so every child is forked
// from this one thread, which lives as long as the process.
internal sealed class ChildProcessLauncher
{
    private readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Started)> _requests = [];

    private ChildProcessLauncher()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "child-process-launcher" };
        thread.Start();
    }

    public static ChildProcessLauncher Shared { get; } = new();

    public Task<Process> StartAsync(ProcessStartInfo info)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Add((info, started));
        return started.Task;
    }

    private void Run()
    {
        foreach (var (info, started) in _requests.GetConsumingEnumerable())
        {
            try
            {
                started.SetResult(Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} did not start."));
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }
}
