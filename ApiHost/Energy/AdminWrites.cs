using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Daarion.ApiHost.Auth;
using Daarion.ApiHost.Ledger;
using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Energy;

/// <summary>
/// The idempotency key of an admin write (sites, platform secrets, quarantine decisions), as the ledger's: the
/// Idempotency-Key header, scoped to the caller, with a hash of the operation and the parsed request.
/// </summary>
internal static class AdminWrites
{
    public static bool TryKey<T>(HttpContext http, string operation, T request, out WriteKey key, out IResult problem)
    {
        key = null!;
        if (!IdempotencyKeys.TryRead(http.Request, out var text, out problem)) return false;
        var caller = RequestPolicy.CallerOf(http);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + JsonSerializer.Serialize(request)));
        key = new WriteKey(caller.Principal, text, hash);
        return true;
    }
}
