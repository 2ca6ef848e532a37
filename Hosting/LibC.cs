using System.Runtime.InteropServices;

namespace Daarion.Hosting;

// The few libc calls .NET has no API for: graceful signals (Process.Kill only sends SIGKILL), the effective
// user id, realpath, and writing back a file system (syncfs, on a directory's descriptor).
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

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    public static partial int SyncFileSystem(int fd);

    public static bool IsRoot => GetEffectiveUserId() == 0;

    // O_RDONLY (0) | O_CLOEXEC (02000000 on x86-64 and arm64), so servers started later do not inherit it; a directory
    // opens this way too.
    public static int OpenReadOnly(string path) => Open(path, 0x80000);

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
