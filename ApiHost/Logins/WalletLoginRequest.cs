namespace Daarion.ApiHost.Logins;

/// <summary>Body of POST /v1/auth/login/wallet (MachPay §7.2): the address, the EIP-191 signature (hex) and the exact signed message.</summary>
public sealed record WalletLoginRequest(string? Address, string? Signature, string? Message);
