using System.Diagnostics;

namespace Daarion.Hosting;

// Builds the command line every child runs under:
//   setsid: its own session, so a terminal's Ctrl-C reaches only the host, which then stops servers in order;
//   setpriv --pdeathsig: the kernel signals the child if the host dies, even on kill -9;
//   setpriv --reuid=postgres: initdb and postgres refuse to run as root.
// Both tools exec in place, so the started PID is the server itself, not a wrapper.
internal static class ServerCommand
{
    public static ProcessStartInfo Create(
        string fileName, IEnumerable<string> arguments, string deathSignal, bool asPostgresUser, string workingDirectory)
    {
        var info = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("setpriv");
        if (asPostgresUser)
        {
            info.ArgumentList.Add("--reuid=postgres");
            info.ArgumentList.Add("--regid=postgres");
            info.ArgumentList.Add("--init-groups");
        }
        info.ArgumentList.Add("--pdeathsig");
        info.ArgumentList.Add(deathSignal);
        info.ArgumentList.Add("--");
        info.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        return info;
    }

    public static string Describe(ProcessStartInfo info) => $"{info.FileName} {string.Join(' ', info.ArgumentList)}";
}
