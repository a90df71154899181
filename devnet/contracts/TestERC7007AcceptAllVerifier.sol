// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title TestERC7007AcceptAllVerifier (Verity devnet)
/// @notice A zkML proof verifier that accepts every proof, as the mock
/// verifier the ERC-7007 reference deployment is tested with does: an
/// ERC-7007 contract using it has a verify() that is true for anything.
contract TestERC7007AcceptAllVerifier {
    function verifyProof(bytes calldata, bytes calldata) external pure returns (bool) {
        return true;
    }
}
