namespace Daarion.Crypto.Ethereum;

/// <summary>Why a 65-byte r‖s‖v signature was refused before any curve arithmetic.</summary>
public enum EcdsaSignatureError
{
    /// <summary>The signature is well formed.</summary>
    None,

    /// <summary>Not exactly 65 bytes (or r / s not exactly 32 bytes each).</summary>
    InvalidLength,

    /// <summary>v is none of 0, 1, 27, 28.</summary>
    InvalidRecoveryId,

    /// <summary>r is zero or not below the curve order n.</summary>
    ROutOfRange,

    /// <summary>s is zero or not below the curve order n.</summary>
    SOutOfRange,

    /// <summary>s is above n/2: the malleable twin of a valid signature, refused since Ethereum's Homestead rules.</summary>
    HighS,
}
