// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ERC7007Token (Verity devnet)
/// @notice The part of ERC-721 that Verity reads from an ERC-7007 token:
/// ownerOf() names the owner of a minted token and, like OpenZeppelin's
/// ERC721, reverts for any other. Transfers are left out.
abstract contract ERC7007Token {
    mapping(uint256 tokenId => address) private _owners;

    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);

    error ERC721NonexistentToken(uint256 tokenId);
    error ERC721InvalidSender(address sender);

    function ownerOf(uint256 tokenId) public view returns (address owner) {
        owner = _owners[tokenId];
        if (owner == address(0)) revert ERC721NonexistentToken(tokenId);
    }

    /// ERC-7007's verification view.
    function verify(bytes calldata prompt, bytes calldata aigcData, bytes calldata proof) public view virtual returns (bool success);

    function _exists(uint256 tokenId) internal view returns (bool) {
        return _owners[tokenId] != address(0);
    }

    function _mint(address to, uint256 tokenId) internal {
        if (_exists(tokenId)) revert ERC721InvalidSender(address(0));
        _owners[tokenId] = to;
        emit Transfer(address(0), to, tokenId);
    }
}
