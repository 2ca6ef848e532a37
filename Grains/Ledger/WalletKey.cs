namespace Daarion.Grains.Ledger;

/// <summary>The grain key of a wallet: its id in the canonical lower-case form, so one wallet has one activation.</summary>
internal static class WalletKey
{
    public static string Of(Guid walletId) => walletId.ToString("D");
}
