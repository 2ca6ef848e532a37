namespace Daarion.Grains.Interfaces.Staking;

/// <summary>The key of a <see cref="IStakeGrain"/>: DAO and staker, each escaped so that neither can forge the other.</summary>
public static class StakeKey
{
    public static string Of(string daoId, string userId) => $"{Uri.EscapeDataString(daoId)}/{Uri.EscapeDataString(userId)}";

    public static (string DaoId, string UserId) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (Uri.UnescapeDataString(key[..slash]), Uri.UnescapeDataString(key[(slash + 1)..]));
    }
}
