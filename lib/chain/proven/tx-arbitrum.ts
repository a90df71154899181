import { RLP } from '@ethereumjs/rlp';
import { bytesToHex, concatBytes, hexToBytes, keccak256, type Hex } from 'viem';
import { UnrebuildableBlockError } from './errors';
import { address, bytes, hash32, quantity } from './rpc-hex';

type Field = { kind: 'quantity' | 'bytes' | 'address' | 'hash' | 'optional-address'; json: string };
const field = (kind: Field['kind'], json: string): Field => ({ kind, json });

/**
 * Nitro's own transaction types (OffchainLabs/go-ethereum core/types/arb_types.go): each
 * is its type byte, then the RLP of its struct's fields in declaration order, named here by
 * the JSON field its node serves each in (internal/ethapi's RPCTransaction). A `To` that
 * may be nil (contract creation) is encoded as empty bytes. None is signed: the sender is
 * a field, put there by ArbOS or the L1 inbox.
 */
const arbitrumLayouts: Record<string, readonly Field[]> = {
  // ArbitrumDepositTx: ETH deposited from L1.
  '0x64': [field('quantity', 'chainId'), field('hash', 'requestId'), field('address', 'from'), field('address', 'to'), field('quantity', 'value')],
  // ArbitrumUnsignedTx: an L1 contract's call through the delayed inbox; its fee cap is served as gasPrice.
  '0x65': [field('quantity', 'chainId'), field('address', 'from'), field('quantity', 'nonce'), field('quantity', 'gasPrice'), field('quantity', 'gas'), field('optional-address', 'to'), field('quantity', 'value'), field('bytes', 'input')],
  // ArbitrumContractTx.
  '0x66': [field('quantity', 'chainId'), field('hash', 'requestId'), field('address', 'from'), field('quantity', 'maxFeePerGas'), field('quantity', 'gas'), field('optional-address', 'to'), field('quantity', 'value'), field('bytes', 'input')],
  // ArbitrumRetryTx: a retryable ticket's redeem.
  '0x68': [
    field('quantity', 'chainId'), field('quantity', 'nonce'), field('address', 'from'), field('quantity', 'maxFeePerGas'), field('quantity', 'gas'), field('optional-address', 'to'),
    field('quantity', 'value'), field('bytes', 'input'), field('hash', 'ticketId'), field('address', 'refundTo'), field('quantity', 'maxRefund'), field('quantity', 'submissionFeeRefund'),
  ],
  // ArbitrumSubmitRetryableTx: its `input` and `to` are ArbOS's, its call is retryTo/retryValue/retryData; its FeeRefundAddr is served as refundTo.
  '0x69': [
    field('quantity', 'chainId'), field('hash', 'requestId'), field('address', 'from'), field('quantity', 'l1BaseFee'), field('quantity', 'depositValue'), field('quantity', 'maxFeePerGas'),
    field('quantity', 'gas'), field('optional-address', 'retryTo'), field('quantity', 'retryValue'), field('address', 'beneficiary'), field('quantity', 'maxSubmissionFee'),
    field('address', 'refundTo'), field('bytes', 'retryData'),
  ],
  // ArbitrumInternalTx: ArbOS's own, first in every block.
  '0x6a': [field('quantity', 'chainId'), field('bytes', 'input')],
};

/** ArbOS's address: the sender and recipient of its internal transactions. */
const arbosAddress: Hex = '0x00000000000000000000000000000000000a4b05';
/** ArbOS's retryable precompile: the recipient of every submit-retryable (its `to` is not a field). */
const arbRetryableTxAddress: Hex = '0x000000000000000000000000000000000000006e';

/** Whether `type` (lower-case hex) is one of Nitro's transaction types encoded here. */
export function isArbitrumTransactionType(type: string): boolean {
  return Object.hasOwn(arbitrumLayouts, type);
}

export type EncodeArbitrumTransactionParameters = {
  /** One transaction of an eth_getBlockByHash(hash, true) result, untrusted, its type lower-case. */
  transaction: Record<string, unknown>;
  index: number;
};

export type EncodeArbitrumTransactionReturnType = { raw: Hex; hash: Hex; from: Hex; to: Hex | null };

/**
 * The consensus encoding of one of Nitro's transaction types. No whole recorded
 * Arbitrum block was found to test these against, so an encoding is used only
 * when it reproduces the hash the endpoint lists; one that does not, or a field
 * missing or not well formed, is a type Verity cannot rebuild
 * (UnrebuildableBlockError, the declared quorum fallback), as Verity cannot tell
 * its own mistake from the endpoint's. Fields and hash that agree but make the
 * wrong root are still a lie (the caller's ProofMismatchError).
 */
export function encodeArbitrumTransaction({ transaction, index }: EncodeArbitrumTransactionParameters): EncodeArbitrumTransactionReturnType {
  const type = String(transaction.type);
  const layout = arbitrumLayouts[type]!;
  const values = Object.fromEntries(layout.map(({ kind, json }) => [json, parseField(kind, json, transaction[json], index)]));
  const items = layout.map(({ kind, json }) => encodeField(kind, values[json]));
  const raw = bytesToHex(concatBytes([hexToBytes(type as Hex), RLP.encode(items)]));
  const hash = keccak256(raw);
  if (parseField('hash', 'hash', transaction.hash, index)!.toLowerCase() !== hash) {
    throw new UnrebuildableBlockError('The block holds a transaction type Verity cannot rebuild', { details: `transaction ${index} (type ${type}) does not encode to the hash listed for it` });
  }
  // Sender and recipient only from encoded fields (or ArbOS's fixed addresses): the rest of the JSON is not proven.
  if (type === '0x6a') return { raw, hash, from: arbosAddress, to: arbosAddress };
  const from = values.from!.toLowerCase() as Hex;
  if (type === '0x69') return { raw, hash, from, to: arbRetryableTxAddress };
  return { raw, hash, from, to: (values.to?.toLowerCase() ?? null) as Hex | null };
}

const fieldSchemas = { quantity, bytes, address, hash: hash32, 'optional-address': address.nullish() };

function parseField(kind: Field['kind'], json: string, value: unknown, index: number): string | null {
  const parsed = fieldSchemas[kind].safeParse(value);
  if (!parsed.success) throw new UnrebuildableBlockError('The block holds a transaction type Verity cannot rebuild', { details: `transaction ${index}: ${json} ${parsed.error.issues[0]?.message}` });
  return parsed.data ?? null;
}

function encodeField(kind: Field['kind'], value: string | null | undefined): Uint8Array | bigint {
  if (kind === 'quantity') return BigInt(value!);
  return value == null ? new Uint8Array() : hexToBytes(value as Hex);
}
