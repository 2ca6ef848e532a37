namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>
/// The answer to a reservation: reserved, or why not. Short of funds, it says what is available and which other
/// reservations are still in flight (<see cref="InFlight"/>): if any of them is not committed, the funds may suffice.
/// </summary>
public sealed record ReservationResult(ReservationStatus Status, decimal Available = 0, IReadOnlyList<Guid>? InFlight = null)
{
    public static readonly ReservationResult Reserved = new(ReservationStatus.Reserved);
    public static readonly ReservationResult UnknownWallet = new(ReservationStatus.UnknownWallet);
    public static readonly ReservationResult Unavailable = new(ReservationStatus.Unavailable);
}

public enum ReservationStatus
{
    Reserved,
    InsufficientFunds,
    UnknownWallet,

    /// <summary>The wallet is re-reading its balance after a commit with an unknown outcome; retry shortly.</summary>
    Unavailable,
}
