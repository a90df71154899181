// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title InferenceSettlementRelay (Verity devnet)
/// @notice Emits the same settlement events as OpenGradient's relay. Like the
/// real one it records what the settler reports without checking the TEE
/// signature on chain: verifiers check the signature themselves.
contract InferenceSettlementRelay {
    address public immutable settler;

    event IndividualSettlement(
        bytes32 indexed teeId,
        address indexed ethAddress,
        bytes32 inputHash,
        bytes32 outputHash,
        uint256 timestamp,
        bytes walrusBlobId,
        bytes signature
    );
    event BatchSettlement(bytes32 indexed merkleRoot, uint256 batchSize, bytes walrusBlobId);

    error NotSettler(address caller);

    modifier onlySettler() {
        if (msg.sender != settler) revert NotSettler(msg.sender);
        _;
    }

    constructor() {
        settler = msg.sender;
    }

    /// @param ethAddress The account the inference was served to.
    /// @param signature The raw RSA-PSS signature bytes of the TEE.
    function settleIndividual(
        bytes32 teeId,
        address ethAddress,
        bytes32 inputHash,
        bytes32 outputHash,
        uint256 timestamp,
        bytes calldata walrusBlobId,
        bytes calldata signature
    ) external onlySettler {
        emit IndividualSettlement(teeId, ethAddress, inputHash, outputHash, timestamp, walrusBlobId, signature);
    }

    /// @param merkleRoot Root of an OpenZeppelin StandardMerkleTree over
    /// (teeId, inputHash, outputHash, signature, timestamp) leaves.
    function settleBatch(bytes32 merkleRoot, uint256 batchSize, bytes calldata walrusBlobId) external onlySettler {
        emit BatchSettlement(merkleRoot, batchSize, walrusBlobId);
    }
}
