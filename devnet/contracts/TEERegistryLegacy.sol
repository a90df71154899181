// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title TEERegistryLegacy (Verity devnet)
/// @notice A test stand-in for OpenGradient's TEERegistry as it was before
/// og-evm's change of 2026-03-10: the views were getPublicKey and isActive,
/// with no heartbeat view. isActive is the registry's own on/off switch, and
/// getPublicKey reverts with TEENotFound() for a TEE it does not know, as
/// those deployments did. Like TEERegistry.sol, it trusts its owner instead
/// of checking an enclave attestation.
contract TEERegistryLegacy {
    struct TEE {
        bytes publicKey;
        uint8 teeType;
        bool active;
        uint256 registeredAt;
    }

    address public immutable owner;

    mapping(bytes32 teeId => TEE) private tees;

    event TEERegistered(bytes32 indexed teeId, address indexed owner, uint8 teeType);
    event TEEDeactivated(bytes32 indexed teeId);

    error NotOwner(address caller);
    error EmptyPublicKey();
    error TEEAlreadyRegistered(bytes32 teeId);
    error TEENotFound();

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    /// @param publicKey The enclave's RSA public key, DER SubjectPublicKeyInfo.
    function registerTEE(bytes calldata publicKey, uint8 teeType) external onlyOwner returns (bytes32 teeId) {
        if (publicKey.length == 0) revert EmptyPublicKey();
        teeId = computeTEEId(publicKey);
        if (tees[teeId].registeredAt != 0) revert TEEAlreadyRegistered(teeId);
        tees[teeId] = TEE({publicKey: publicKey, teeType: teeType, active: true, registeredAt: block.timestamp});
        emit TEERegistered(teeId, msg.sender, teeType);
    }

    /// Deactivating keeps the key readable.
    function deactivateTEE(bytes32 teeId) external onlyOwner {
        if (tees[teeId].registeredAt == 0) revert TEENotFound();
        tees[teeId].active = false;
        emit TEEDeactivated(teeId);
    }

    function getPublicKey(bytes32 teeId) external view returns (bytes memory) {
        if (tees[teeId].registeredAt == 0) revert TEENotFound();
        return tees[teeId].publicKey;
    }

    function isActive(bytes32 teeId) external view returns (bool) {
        return tees[teeId].active;
    }

    function computeTEEId(bytes calldata publicKey) public pure returns (bytes32) {
        return keccak256(publicKey);
    }
}
