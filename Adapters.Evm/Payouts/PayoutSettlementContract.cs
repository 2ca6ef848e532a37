using Daarion.Adapters.Evm.Codec;

namespace Daarion.Adapters.Evm.Payouts;

/// <summary>
/// The ABI of contracts/PayoutSettlement.sol that this client uses, and its compiled artifact. A test checks every
/// signature here against the artifact's ABI, so the two cannot drift apart.
/// </summary>
public static class PayoutSettlementContract
{
    public static AbiFunction Settle { get; } = AbiFunction.Parse("settle(bytes32,address,uint256)");

    public static AbiFunction Settled { get; } = AbiFunction.Parse("settled(bytes32)", "bool");

    public static AbiFunction Decimals { get; } = AbiFunction.Parse("decimals()", "uint8");

    public static AbiFunction BalanceOf { get; } = AbiFunction.Parse("balanceOf(address)", "uint256");

    public static AbiEvent PayoutSettled { get; } = new(
        "PayoutSettled",
        new AbiEventParameter("payoutId", AbiType.Bytes32, Indexed: true),
        new AbiEventParameter("to", AbiType.Address, Indexed: true),
        new AbiEventParameter("amount", AbiType.UInt256, Indexed: false));

    public static AbiError PayoutAlreadySettled { get; } = AbiError.Parse("PayoutAlreadySettled(bytes32)");

    /// <summary>The constructor's parameters: name, symbol, decimals, admin, settler.</summary>
    public static IReadOnlyList<AbiType> ConstructorParameters { get; } =
        [AbiType.String, AbiType.String, AbiType.UInt(8), AbiType.Address, AbiType.Address];

    /// <summary>The errors the contract (and the OpenZeppelin code it inherits) can refuse a settlement with.</summary>
    public static IReadOnlyList<AbiError> SettlementErrors { get; } =
    [
        PayoutAlreadySettled,
        AbiError.Parse("ZeroAmount(bytes32)"),
        AbiError.Parse("AccessControlUnauthorizedAccount(address,bytes32)"),
        AbiError.Parse("ERC20InvalidReceiver(address)"),
    ];

    internal static ContractArtifact Artifact { get; } = ContractArtifact.Load("contracts/PayoutSettlement.json");
}
