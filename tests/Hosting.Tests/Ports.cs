using System.Net.Sockets;

namespace Daarion.Hosting.Tests;

internal static class Ports
{
    public static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
