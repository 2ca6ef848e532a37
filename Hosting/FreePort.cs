using System.Net;
using System.Net.Sockets;

namespace Daarion.Hosting;

/// <summary>Picks a loopback TCP port nobody listens on right now.</summary>
public static class FreePort
{
    public static int Next()
    {
        // The kernel hands out an unused ephemeral port; releasing it leaves a small race, which the servers
        // handle by retrying on "address already in use".
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
