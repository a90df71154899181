import { parseAbi } from 'viem';

/**
 * ERC-7007 (spec §3e), the one definition for the verifier, the devnet and
 * the tests: the verification view, the token's owner (ERC-721), the
 * reference implementation's writes, and the two events that carry a
 * token's AIGC record.
 *
 * The events are written with the reference contract's indexing (the
 * standard's `AigcData` with tokenId and prompt indexed; the draft's `Mint`
 * with tokenId, prompt and aigcData indexed). Indexing does not change an
 * event's topic 0, and contracts differ in it, so the verifier reads each
 * field wherever a given log put it (lib/verifiers/erc7007-record.ts).
 */
export const erc7007Abi = parseAbi([
  'function verify(bytes prompt, bytes aigcData, bytes proof) view returns (bool success)',
  'function ownerOf(uint256 tokenId) view returns (address owner)',
  'function addAigcData(uint256 tokenId, bytes prompt, bytes aigcData, bytes proof)',
  'function mint(address to, bytes prompt, bytes aigcData, string uri, bytes proof) returns (uint256 tokenId)',
  'event AigcData(uint256 indexed tokenId, bytes indexed prompt, bytes aigcData, bytes proof)',
  'event Mint(uint256 indexed tokenId, bytes indexed prompt, bytes indexed aigcData, string uri, bytes proof)',
  'event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)',
  'error ERC721NonexistentToken(uint256 tokenId)',
]);
