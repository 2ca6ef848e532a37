using System.Runtime.InteropServices;

namespace Daarion.Hosting;

// The few libc calls .NET has no API for: graceful signals (Process.Kill only sends SIGKILL), the effective
// user id, and realpath.
internal static partial class LibC
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint RealPath(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);

    public static bool IsRoot => GetEffectiveUserId() == 0;

    // The path with symlinks resolved, as /proc/PID/cwd shows it; the path itself if it cannot be resolved.
    public static string ResolvePath(string path)
    {
        var resolved = RealPath(path, 0);
        if (resolved == 0)
            return path;
        try
        {
            return Marshal.PtrToStringUTF8(resolved) ?? path;
        }
        finally
        {
            Free(resolved);
        }
    }
}
