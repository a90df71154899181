// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC7007ZkmlBase} from "./TestERC7007Zkml.sol";

/// @title TestERC7007ZkmlIndexed (Verity devnet)
/// @notice The zkML contract with the record laid out as the standard's text
/// declares it: every bytes field but the proof indexed, so the log holds
/// only keccak256 of the prompt and of the AIGC data.
contract TestERC7007ZkmlIndexed is ERC7007ZkmlBase {
    event AigcData(uint256 indexed tokenId, bytes indexed prompt, bytes indexed aigcData, bytes proof);

    constructor(address verifier_) ERC7007ZkmlBase(verifier_) {}

    function _recordAigcData(uint256 tokenId, bytes calldata prompt, bytes calldata aigcData, string calldata, bytes calldata proof) internal override {
        emit AigcData(tokenId, prompt, aigcData, proof);
    }
}
