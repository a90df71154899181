// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC7007Token} from "./ERC7007Token.sol";

/// @title TestERC7007 (Verity devnet)
/// @notice The ERC-7007 verification part of an AIGC token, with an oracle
/// signature as the proof. A proof is a 65-byte secp256k1 signature (r, s, v)
/// by `oracle` over the plain digest
///     keccak256(abi.encodePacked(keccak256(prompt), keccak256(aigcData)))
/// with no "\x19Ethereum Signed Message" prefix. Recording a token's AIGC
/// data mints the token to the sender. The record is AigcData as the
/// standard's text declares it, with prompt and aigcData indexed.
contract TestERC7007 is ERC7007Token {
    /// Upper bound of a canonical s (EIP-2): rejects malleable signatures.
    uint256 private constant MAX_S = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    address public immutable oracle;

    mapping(uint256 tokenId => bool) public hasAigcData;

    event AigcData(uint256 indexed tokenId, bytes indexed prompt, bytes indexed aigcData, bytes proof);

    error InvalidProof();
    error AigcDataAlreadyAdded(uint256 tokenId);

    constructor(address oracle_) {
        oracle = oracle_;
    }

    /// Records AIGC data for a token once, and only with a valid proof; mints the token to the sender first if there is none.
    function addAigcData(uint256 tokenId, bytes calldata prompt, bytes calldata aigcData, bytes calldata proof) external {
        if (hasAigcData[tokenId]) revert AigcDataAlreadyAdded(tokenId);
        if (!verify(prompt, aigcData, proof)) revert InvalidProof();
        if (!_exists(tokenId)) _mint(msg.sender, tokenId);
        hasAigcData[tokenId] = true;
        emit AigcData(tokenId, prompt, aigcData, proof);
    }

    /// Never reverts: anything that is not a valid oracle signature is false.
    function verify(bytes calldata prompt, bytes calldata aigcData, bytes calldata proof) public view override returns (bool success) {
        if (proof.length != 65) return false;
        bytes32 r = bytes32(proof[0:32]);
        bytes32 s = bytes32(proof[32:64]);
        uint8 v = uint8(proof[64]);
        if (v < 27) v += 27;
        if (v != 27 && v != 28) return false;
        if (uint256(s) > MAX_S) return false;
        bytes32 digest = keccak256(abi.encodePacked(keccak256(prompt), keccak256(aigcData)));
        address signer = ecrecover(digest, v, r, s);
        return signer != address(0) && signer == oracle;
    }
}
