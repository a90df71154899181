import { RLP } from '@ethereumjs/rlp';
import { bytesToHex, concatBytes, hexToBytes, type Hex } from 'viem';
import { z } from 'zod';
import { ProofMismatchError } from './errors';
import { address, bytes, quantity } from './rpc-hex';

/**
 * The fields a Scroll L1 message (type 0x7e, like an OP Stack deposit, but
 * laid out otherwise) is encoded from, as l2geth serves them. It has no
 * signature: its sender is a field, checked on L1. It always calls a
 * contract: L1 messages cannot create one.
 */
const l1MessageFields = z.looseObject({
  type: z.literal('0x7e'),
  queueIndex: quantity,
  gas: quantity,
  to: address,
  value: quantity,
  input: bytes,
  sender: address,
});

export type EncodeScrollL1MessageParameters = {
  /** One transaction of an eth_getBlockByHash(hash, true) result, untrusted. */
  transaction: Record<string, unknown>;
  index: number;
};

export type EncodeScrollL1MessageReturnType = { raw: Hex; from: Hex; to: Hex };

/**
 * The consensus encoding of a Scroll L1 message: 0x7e, then the RLP of
 * [queueIndex, gas, to, value, data, sender] (l2geth's L1MessageTx). Its
 * hash is the keccak of those bytes, like any typed transaction's.
 * Throws ProofMismatchError.
 */
export function encodeScrollL1Message({ transaction, index }: EncodeScrollL1MessageParameters): EncodeScrollL1MessageReturnType {
  const parsed = l1MessageFields.safeParse(transaction);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProofMismatchError('A Scroll L1 message is not well formed', { details: `transaction ${index}: ${issue?.path.join('.')} ${issue?.message}` });
  }
  const { queueIndex, gas, to, value, input, sender } = parsed.data;
  const fields = [BigInt(queueIndex), BigInt(gas), hexToBytes(to as Hex), BigInt(value), hexToBytes(input as Hex), hexToBytes(sender as Hex)];
  const raw = bytesToHex(concatBytes([new Uint8Array([0x7e]), RLP.encode(fields)]));
  return { raw, from: sender.toLowerCase() as Hex, to: to.toLowerCase() as Hex };
}
