import { hexToBytes, keccak256, type Hex } from 'viem';
import { ProofMismatchError } from './errors';

const codeBytes = /^0x(?:[0-9a-fA-F]{2})*$/;

export type VerifyCodeParameters = {
  address: Hex;
  /** The code hash the account proof gave. */
  codeHash: Hex;
  /** The eth_getCode answer, untrusted. */
  code: unknown;
};

/** Code is believed only when it hashes to the proven code hash. Throws ProofMismatchError. */
export function verifyCode({ address, codeHash, code }: VerifyCodeParameters): Uint8Array {
  if (typeof code !== 'string' || !codeBytes.test(code)) throw new ProofMismatchError('The contract code is not hex bytes', { details: `eth_getCode for ${address}` });
  if (keccak256(code as Hex) !== codeHash.toLowerCase()) {
    throw new ProofMismatchError('The contract code does not hash to the proven code hash', { details: `eth_getCode for ${address}: hashes to ${keccak256(code as Hex)}, proven ${codeHash}` });
  }
  return hexToBytes(code as Hex);
}
