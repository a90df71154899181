import { bytesToHex, numberToHex, pad, type Hex } from 'viem';
import { verifyBlockHeader, type ProvenHeader } from './block-header';
import { ProofMismatchError, ProofUnavailableError } from './errors';
import { firstProven, firstProvenAll, type ProvenEndpoints } from './first-proven';
import type { ProvenState } from './proven-state';

/** EIP-2935's history contract: the hashes of the last 8191 blocks, in its storage, by number modulo 8191. */
const historyContract: Hex = '0x0000f90827f1c53a10cb7a02335b175320002935';
const historyWindow = 8191n;
const emptyCodeHash: Hex = '0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470';

/**
 * At most this many headers are walked back from the agreed block by their
 * parent hashes (one HTTP batch per 100): enough for every default chain's
 * confirmations and a log scan; older blocks need the history contract.
 */
export const maxWalkedHeaders = 1024n;

export type CreateAncestryParameters = {
  chainId: number;
  endpoints: ProvenEndpoints;
  /** The agreed block's proven state: its header, and the history contract's storage. */
  state: ProvenState;
};

/** Headers of blocks before the agreed one, each shown to be its ancestor, so each is as trusted as the agreed hash. */
export type Ancestry = {
  /** The header of block `number` of the agreed chain. */
  headerAt(number: bigint): Promise<ProvenHeader>;
  /** The headers from `number` to the agreed block, oldest first; at most maxWalkedHeaders + 1. */
  headersFrom(number: bigint): Promise<ProvenHeader[]>;
};

/**
 * An older block is shown to be an ancestor of the agreed block in one of two
 * ways: by its hash in the EIP-2935 history contract's storage, proven
 * against the agreed state root (the chain has the contract, and the block is
 * within its 8191-block window), then its header fetched by that hash; else
 * by walking the headers between, each hashing to its child's parent hash.
 */
export function createAncestry({ chainId, endpoints, state }: CreateAncestryParameters): Ancestry {
  const pinned = state.header;
  const byNumber = new Map<bigint, Promise<ProvenHeader>>([[pinned.number, Promise.resolve(pinned)]]);

  function checkRange(number: bigint): void {
    if (number > pinned.number || number < 0n) throw new ProofUnavailableError(`Block ${number} is not before the agreed block ${pinned.number}`, { chainId });
  }

  async function fromHistory(number: bigint): Promise<ProvenHeader | undefined> {
    if (pinned.number - number > historyWindow) return undefined;
    const account = await state.account(historyContract);
    if (!account || bytesToHex(account.codeHash) === emptyCodeHash) return undefined;
    const stored = await state.storage(historyContract, numberToHex(number % historyWindow, { size: 32 }));
    // Zero: the block is older than the contract, and its slot was never written.
    if (stored.length === 0) return undefined;
    const hash = pad(bytesToHex(stored), { size: 32 });
    const header = await firstProven(endpoints, {
      what: `the header of block ${number} (${hash}, from the history contract at block ${pinned.number})`,
      method: 'eth_getBlockByHash',
      params: [hash, false],
      verify: (block) => verifyBlockHeader({ chainId, block, hash }),
    });
    // The window is a ring: a slot may still hold the block 8191 before it.
    return header.number === number ? header : undefined;
  }

  /** Fetches `number` up to the agreed block's parent in one go and checks each links to the next. */
  function walk(number: bigint): Promise<ProvenHeader[]> {
    if (pinned.number - number > maxWalkedHeaders) {
      throw new ProofUnavailableError(`Block ${number} is too far before the agreed block ${pinned.number} to prove`, {
        chainId,
        details: `the chain keeps no history contract for it, and at most ${maxWalkedHeaders} headers are walked`,
      });
    }
    const numbers = Array.from({ length: Number(pinned.number - number) }, (_, index) => number + BigInt(index));
    const walked = firstProvenAll(endpoints, {
      what: `the headers of blocks ${number} to ${pinned.number - 1n}, linked to block ${pinned.number}`,
      calls: numbers.map((at) => ({ method: 'eth_getBlockByNumber', params: [numberToHex(at), false] })),
      verify: (blocks) => {
        const headers: ProvenHeader[] = [];
        let expected = pinned.parentHash;
        for (let index = blocks.length - 1; index >= 0; index--) {
          const header = verifyBlockHeader({ chainId, block: blocks[index], hash: expected });
          if (header.number !== numbers[index]) throw new ProofMismatchError('A header is not at the height it was asked for', { details: `asked for block ${numbers[index]}, got ${header.number}` });
          headers.unshift(header);
          expected = header.parentHash;
        }
        return headers;
      },
    });
    for (const [index, at] of numbers.entries()) if (!byNumber.has(at)) remember(at, walked.then((headers) => headers[index]!));
    return walked;
  }

  function headerAt(number: bigint): Promise<ProvenHeader> {
    checkRange(number);
    let known = byNumber.get(number);
    if (!known) {
      known = (async () => (await fromHistory(number)) ?? (await walk(number))[0]!)();
      remember(number, known);
    }
    return known;
  }

  /** A failed read is not kept as the answer for the block, and its error goes only to whoever awaits it. */
  function remember(number: bigint, header: Promise<ProvenHeader>): void {
    byNumber.set(number, header);
    header.catch(() => byNumber.get(number) === header && byNumber.delete(number));
  }

  return {
    headerAt,
    async headersFrom(number) {
      checkRange(number);
      const missing = [];
      for (let at = number; at < pinned.number; at++) if (!byNumber.has(at)) missing.push(at);
      if (missing.length > 0) await walk(missing[0]!);
      return Promise.all(Array.from({ length: Number(pinned.number - number + 1n) }, (_, index) => headerAt(number + BigInt(index))));
    },
  };
}
