// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC7007Token} from "./ERC7007Token.sol";
import {TestERC7007OpmlLib} from "./TestERC7007OpmlLib.sol";

/// @title TestERC7007Opml (Verity devnet)
/// @notice The opML flavour of the ERC-7007 reference implementation, with
/// its behaviour kept on purpose: a token's id is keccak256(prompt); its
/// request id is stored per token, so a prompt never minted maps to request
/// 0; and verify() ignores the proof and compares aigcData with that
/// request's final output. verify(unknown prompt, the first token's text, anything)
/// is therefore true. The record is the reference's AigcData, aigcData unindexed.
contract TestERC7007Opml is ERC7007Token {
    TestERC7007OpmlLib public immutable opmlLib;
    mapping(uint256 tokenId => uint256) public tokenIdToRequestId;

    event AigcData(uint256 indexed tokenId, bytes indexed prompt, bytes aigcData, bytes proof);

    error RequestAlreadyExists(uint256 tokenId);

    constructor(TestERC7007OpmlLib opmlLib_) {
        opmlLib = opmlLib_;
    }

    /// Mints the token of `prompt` and records its AIGC data. `uri` is accepted as the reference does; the devnet keeps no metadata.
    function mint(address to, bytes calldata prompt, bytes calldata aigcData, string calldata, bytes calldata proof) external returns (uint256 tokenId) {
        tokenId = uint256(keccak256(prompt));
        _mint(to, tokenId);
        addAigcData(tokenId, prompt, aigcData, proof);
    }

    /// As in the reference, "no request yet" is request id 0, which is also the first request's id.
    function addAigcData(uint256 tokenId, bytes calldata prompt, bytes calldata aigcData, bytes calldata proof) public {
        ownerOf(tokenId);
        if (tokenIdToRequestId[tokenId] != 0) revert RequestAlreadyExists(tokenId);
        uint256 requestId = opmlLib.initOpmlRequest(prompt);
        tokenIdToRequestId[tokenId] = requestId;
        opmlLib.uploadResult(requestId, aigcData);
        emit AigcData(tokenId, prompt, aigcData, proof);
    }

    function verify(bytes calldata prompt, bytes calldata aigcData, bytes calldata) public view override returns (bool success) {
        uint256 requestId = tokenIdToRequestId[uint256(keccak256(prompt))];
        return opmlLib.isFinalized(requestId) && keccak256(opmlLib.getOutput(requestId)) == keccak256(aigcData);
    }
}
