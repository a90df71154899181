// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC7007Token} from "./ERC7007Token.sol";

interface IERC7007ProofVerifier {
    function verifyProof(bytes calldata proof, bytes calldata publicInputs) external view returns (bool);
}

/// @title ERC7007ZkmlBase (Verity devnet)
/// @notice The zkML flavour of the ERC-7007 reference implementation:
/// verify() asks a proof verifier about (proof, prompt ‖ aigcData); a token's
/// id is keccak256(prompt); minting records the AIGC data, which must verify.
/// How the record event is laid out is left to each contract.
abstract contract ERC7007ZkmlBase is ERC7007Token {
    address public immutable verifier;

    error InvalidProof();

    constructor(address verifier_) {
        verifier = verifier_;
    }

    /// Mints the token of `prompt` to `to` and records its AIGC data. `uri` is accepted as the reference does; the devnet keeps no metadata.
    function mint(address to, bytes calldata prompt, bytes calldata aigcData, string calldata uri, bytes calldata proof) external returns (uint256 tokenId) {
        tokenId = uint256(keccak256(prompt));
        _mint(to, tokenId);
        if (!verify(prompt, aigcData, proof)) revert InvalidProof();
        _recordAigcData(tokenId, prompt, aigcData, uri, proof);
    }

    function verify(bytes calldata prompt, bytes calldata aigcData, bytes calldata proof) public view override returns (bool success) {
        return IERC7007ProofVerifier(verifier).verifyProof(proof, abi.encodePacked(prompt, aigcData));
    }

    function _recordAigcData(uint256 tokenId, bytes calldata prompt, bytes calldata aigcData, string calldata uri, bytes calldata proof) internal virtual;
}

/// @title TestERC7007Zkml (Verity devnet)
/// @notice The reference contract's record: AigcData with aigcData in the log's data.
contract TestERC7007Zkml is ERC7007ZkmlBase {
    event AigcData(uint256 indexed tokenId, bytes indexed prompt, bytes aigcData, bytes proof);

    constructor(address verifier_) ERC7007ZkmlBase(verifier_) {}

    function _recordAigcData(uint256 tokenId, bytes calldata prompt, bytes calldata aigcData, string calldata, bytes calldata proof) internal override {
        emit AigcData(tokenId, prompt, aigcData, proof);
    }
}
