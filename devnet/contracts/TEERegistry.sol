// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title TEERegistry (Verity devnet)
/// @notice A test stand-in for OpenGradient's TEERegistry with the same views
/// (getTEEPublicKey, isTEEEnabled, isTEEActive, computeTEEId) and events.
/// The real registry checks a Nitro enclave attestation before it registers a
/// key; this one trusts its owner instead, which is all a local chain needs.
contract TEERegistry {
    struct TEE {
        bytes publicKey;
        uint8 teeType;
        bool enabled;
        /// Zero until the first heartbeat: registering is not a heartbeat.
        uint256 lastHeartbeatAt;
    }

    address public immutable owner;
    /// Seconds after a heartbeat during which an enabled TEE counts as active.
    uint256 public immutable heartbeatWindow;

    mapping(bytes32 teeId => TEE) private tees;

    event TEERegistered(bytes32 indexed teeId, address indexed owner, uint8 teeType);
    event TEEDisabled(bytes32 indexed teeId);
    event HeartbeatReceived(bytes32 indexed teeId, uint256 timestamp);

    error NotOwner(address caller);
    error EmptyPublicKey();
    error TEEAlreadyRegistered(bytes32 teeId);
    error TEENotRegistered(bytes32 teeId);
    error TEENotEnabled(bytes32 teeId);

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    constructor(uint256 heartbeatWindow_) {
        owner = msg.sender;
        heartbeatWindow = heartbeatWindow_;
    }

    /// @param publicKey The enclave's RSA public key, DER SubjectPublicKeyInfo.
    function registerTEE(bytes calldata publicKey, uint8 teeType) external onlyOwner returns (bytes32 teeId) {
        if (publicKey.length == 0) revert EmptyPublicKey();
        teeId = computeTEEId(publicKey);
        if (tees[teeId].publicKey.length != 0) revert TEEAlreadyRegistered(teeId);
        tees[teeId] = TEE({publicKey: publicKey, teeType: teeType, enabled: true, lastHeartbeatAt: 0});
        emit TEERegistered(teeId, msg.sender, teeType);
    }

    function heartbeat(bytes32 teeId) external onlyOwner {
        TEE storage tee = registered(teeId);
        if (!tee.enabled) revert TEENotEnabled(teeId);
        tee.lastHeartbeatAt = block.timestamp;
        emit HeartbeatReceived(teeId, block.timestamp);
    }

    /// Disabling keeps the key readable, so old outputs can be told apart
    /// from outputs of a TEE that never existed.
    function disableTEE(bytes32 teeId) external onlyOwner {
        TEE storage tee = registered(teeId);
        if (!tee.enabled) revert TEENotEnabled(teeId);
        tee.enabled = false;
        emit TEEDisabled(teeId);
    }

    /// @return The DER public key; empty bytes when the TEE is unknown.
    function getTEEPublicKey(bytes32 teeId) external view returns (bytes memory) {
        return tees[teeId].publicKey;
    }

    function isTEEEnabled(bytes32 teeId) external view returns (bool) {
        return tees[teeId].enabled;
    }

    /// Enabled and heard from within the heartbeat window.
    function isTEEActive(bytes32 teeId) external view returns (bool) {
        TEE storage tee = tees[teeId];
        return tee.enabled && tee.lastHeartbeatAt != 0 && block.timestamp - tee.lastHeartbeatAt <= heartbeatWindow;
    }

    function computeTEEId(bytes calldata publicKey) public pure returns (bytes32) {
        return keccak256(publicKey);
    }

    function registered(bytes32 teeId) private view returns (TEE storage tee) {
        tee = tees[teeId];
        if (tee.publicKey.length == 0) revert TEENotRegistered(teeId);
    }
}
