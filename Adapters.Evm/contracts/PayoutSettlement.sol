// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title DAARION payout settlement
/// @notice Settles claimed payouts on chain: each payout id mints its amount to its recipient exactly once.
/// The backend's payout grain already refuses a second claim; this contract is the on-chain guard behind it,
/// so a retried or duplicated settlement transaction can never pay twice.
contract PayoutSettlement is ERC20, AccessControl {
    /// @notice Accounts allowed to settle payouts (the backend's signer).
    bytes32 public constant SETTLER_ROLE = keccak256("SETTLER_ROLE");

    uint8 private immutable _decimals;

    /// @notice Whether a payout id has been settled.
    mapping(bytes32 payoutId => bool) public settled;

    /// @notice A payout was paid out: `amount` base units minted to `to`.
    event PayoutSettled(bytes32 indexed payoutId, address indexed to, uint256 amount);

    /// @notice The payout id was settled before; nothing was minted.
    error PayoutAlreadySettled(bytes32 payoutId);

    /// @notice A payout of zero pays nothing and would still burn the id.
    error ZeroAmount(bytes32 payoutId);

    constructor(string memory name_, string memory symbol_, uint8 decimals_, address admin, address settler)
        ERC20(name_, symbol_)
    {
        _decimals = decimals_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(SETTLER_ROLE, settler);
    }

    /// @notice The token's decimals, matching the ledger's scale for the asset.
    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    /// @notice Mints `amount` to `to` for `payoutId`, once. Reverts with PayoutAlreadySettled on a second call.
    function settle(bytes32 payoutId, address to, uint256 amount) external onlyRole(SETTLER_ROLE) {
        if (settled[payoutId]) revert PayoutAlreadySettled(payoutId);
        if (amount == 0) revert ZeroAmount(payoutId);
        settled[payoutId] = true;
        _mint(to, amount);
        emit PayoutSettled(payoutId, to, amount);
    }
}
