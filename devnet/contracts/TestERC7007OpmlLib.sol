// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title TestERC7007OpmlLib (Verity devnet)
/// @notice The opML library as the ERC-7007 reference deployment mocks it:
/// request ids count from 0, every uploaded result is final at once, and
/// the output of a request never made is empty.
contract TestERC7007OpmlLib {
    uint256 public currentRequestId;
    mapping(uint256 requestId => bytes) private _outputs;

    function initOpmlRequest(bytes calldata) external returns (uint256 requestId) {
        return currentRequestId++;
    }

    function uploadResult(uint256 requestId, bytes calldata output) external {
        _outputs[requestId] = output;
    }

    function isFinalized(uint256) external pure returns (bool) {
        return true;
    }

    function getOutput(uint256 requestId) external view returns (bytes memory output) {
        return _outputs[requestId];
    }
}
