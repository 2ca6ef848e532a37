namespace Daarion.Testing;

/// <summary>The checkout the tests or benchmarks run from: the folder holding Daarion.sln above the build output.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find(AppContext.BaseDirectory);

    private static string Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Daarion.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException($"No repository root (Daarion.sln) above {start}.");
    }
}
