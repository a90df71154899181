import { encodePacked, keccak256, type Hex } from 'viem';

export type TeeMessageHashParameters = {
  inputHash: Hex;
  outputHash: Hex;
  /** Unix seconds. */
  timestamp: number | bigint;
};

export type TeeMessageHashReturnType = Hex;

/**
 * The 32 bytes an OpenGradient TEE signs:
 * keccak256(abi.encodePacked(bytes32 inputHash, bytes32 outputHash, uint256 timestamp)).
 */
export function teeMessageHash({ inputHash, outputHash, timestamp }: TeeMessageHashParameters): TeeMessageHashReturnType {
  return keccak256(encodePacked(['bytes32', 'bytes32', 'uint256'], [inputHash, outputHash, BigInt(timestamp)]));
}
