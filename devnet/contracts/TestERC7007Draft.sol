// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC7007ZkmlBase} from "./TestERC7007Zkml.sol";

/// @title TestERC7007Draft (Verity devnet)
/// @notice A contract of the earlier ERC-7007 draft, whose only record is
/// the Mint event, with tokenId, prompt and aigcData indexed.
contract TestERC7007Draft is ERC7007ZkmlBase {
    event Mint(uint256 indexed tokenId, bytes indexed prompt, bytes indexed aigcData, string uri, bytes proof);

    constructor(address verifier_) ERC7007ZkmlBase(verifier_) {}

    function _recordAigcData(uint256 tokenId, bytes calldata prompt, bytes calldata aigcData, string calldata uri, bytes calldata proof) internal override {
        emit Mint(tokenId, prompt, aigcData, uri, proof);
    }
}
