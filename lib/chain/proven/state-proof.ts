import { verifyMerkleProof } from '@ethereumjs/mpt';
import { RLP } from '@ethereumjs/rlp';
import { createAccountFromRLP, type Account } from '@ethereumjs/util';
import { bytesToHex, hexToBytes, keccak256, pad, type Hex } from 'viem';
import { z } from 'zod';
import { ProofMismatchError } from './errors';
import { bytes, quantity } from './rpc-hex';

/** The parts of an eth_getProof answer that prove something; the plain fields beside them (balance, nonce, …) are ignored. */
const getProofResult = z.looseObject({
  accountProof: z.array(bytes),
  storageProof: z.array(z.looseObject({ key: quantity.or(bytes), proof: z.array(bytes) })),
});

/** The root of a trie with nothing in it: an account without storage has it, and needs no storage proof. */
const emptyTrieRoot: Hex = '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421';

/** An account and some of its storage, proven against a state root. */
export type ProvenAccountState = {
  /** Undefined when the proof shows there is no such account. */
  account: Account | undefined;
  /** The asked slots (32-byte hex, lowercase) and their values (minimal big-endian bytes; empty for zero). */
  storage: Map<Hex, Uint8Array>;
};

export type VerifyStateProofParameters = {
  stateRoot: Hex;
  address: Hex;
  /** The slots that were asked for, each 32-byte hex. */
  slots: readonly Hex[];
  /** The eth_getProof answer, untrusted. */
  proof: unknown;
};

/**
 * Checks an eth_getProof answer: the account proof against the state root,
 * then each asked slot's proof against the storage root the account proof
 * gave. A value is taken only from a proof; a proof of absence proves an
 * empty account or a zero slot. Throws ProofMismatchError.
 */
export async function verifyStateProof({ stateRoot, address, slots, proof }: VerifyStateProofParameters): Promise<ProvenAccountState> {
  const parsed = getProofResult.safeParse(proof);
  if (!parsed.success) throw new ProofMismatchError('The state proof is not well formed', { details: `eth_getProof for ${address}: ${parsed.error.issues[0]?.message}` });
  const accountRlp = await provenValue({ root: stateRoot, key: address, nodes: parsed.data.accountProof, what: `the account ${address}` });
  const account = accountRlp === null ? undefined : createAccountFromRLP(accountRlp);
  const storageRoot = account ? bytesToHex(account.storageRoot) : emptyTrieRoot;

  const storage = new Map<Hex, Uint8Array>();
  for (const slot of slots) {
    const key = pad(slot.toLowerCase() as Hex, { size: 32 });
    if (storageRoot === emptyTrieRoot) {
      storage.set(key, new Uint8Array());
      continue;
    }
    const entry = parsed.data.storageProof.find((candidate) => BigInt(candidate.key === '0x' ? 0 : candidate.key) === BigInt(key));
    if (!entry) throw new ProofMismatchError('The state proof leaves out a slot that was asked for', { details: `eth_getProof for ${address}: no proof of slot ${key}` });
    const valueRlp = await provenValue({ root: storageRoot, key, nodes: entry.proof, what: `slot ${key} of ${address}` });
    storage.set(key, valueRlp === null ? new Uint8Array() : (RLP.decode(valueRlp) as Uint8Array));
  }
  return { account, storage };
}

type ProvenValueParameters = { root: Hex; key: Hex; nodes: string[]; what: string };

/** The value under keccak(key) in the trie with this root, null when the proof shows it absent. */
async function provenValue({ root, key, nodes, what }: ProvenValueParameters): Promise<Uint8Array | null> {
  try {
    return await verifyMerkleProof(hexToBytes(keccak256(key)), nodes.map((node) => hexToBytes(node as Hex)), { root: hexToBytes(root) });
  } catch (error) {
    throw new ProofMismatchError('A state proof does not reach the block state root', { details: `the proof of ${what} does not reach root ${root}`, cause: error });
  }
}
