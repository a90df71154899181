import type { Hex, TransactionReceipt } from 'viem';
import type { RpcEndpoint } from '../endpoint';
import type { EndpointFailure } from '../endpoint-failure';
import type { PinnedBlock } from '../types';
import { createAncestry, maxWalkedHeaders, type Ancestry } from './ancestry';
import { verifyBlockHeader, type ProvenHeader } from './block-header';
import { createBlockContents } from './block-contents';
import { ProofUnavailableError, UnrebuildableHeaderError } from './errors';
import { firstProven, type ProvenEndpoints } from './first-proven';
import { locateTransaction } from './locate-transaction';
import { provenCall, type ProvenCallAnswer } from './proven-call';
import { provenLogs, type AgreedLogs, type LogQuery, type ProvenLogsReturnType } from './proven-logs';
import { createProvenState, type ProvenState } from './proven-state';

export type CreateProvenReadsParameters = {
  chainId: number;
  endpoints: readonly RpcEndpoint[];
  /** The block agreed by the chain's endpoints; every proven read is checked against its header. */
  head: () => Promise<PinnedBlock>;
  /** Called with each endpoint whose answer proved, for the verdict's list of RPCs. */
  onProven: (url: string) => void;
};

/** The reads of one chain for one pass that need no agreement beyond the head's: each answer proves itself. */
export type ProvenReads = {
  /** The agreed block's header, checked against its hash. */
  header(): Promise<ProvenHeader>;
  /** A view call executed locally at the agreed block, or at an ancestor of it. */
  call(parameters: { to: Hex; data: Hex; blockNumber?: bigint | undefined }): Promise<ProvenCallAnswer>;
  /** A transaction's receipt from its proven block; null when two endpoints say there is none. */
  receipt(hash: Hex): Promise<TransactionReceipt | null>;
  /** Logs read from proven receipts; `agreed` is the endpoints' eth_getLogs, for ranges too long to scan. */
  logs(query: LogQuery, agreed: () => Promise<AgreedLogs>): Promise<ProvenLogsReturnType>;
  /** What the pass took on the endpoints' agreement beyond the head: "a missing transaction agreed by 2 RPCs". */
  agreements(): string[];
};

/**
 * Proven reads for `"reads": "proofs"`: the header of the agreed block is
 * fetched by its hash from any endpoint and checked to hash to it; older
 * headers are shown to be its ancestors; every account, slot and code a call
 * touches is proven against its block's state root, and every receipt and
 * log against its block's receipts and transactions roots. An endpoint whose
 * answer does not prove is dropped for the pass; these failures are kept
 * apart from the quorum reads' (the head, absences over long ranges), so a
 * liar can still be outvoted there.
 *
 * Throws UnrebuildableHeaderError when no answered header rebuilds to the
 * agreed hash, and UnrebuildableBlockError when a block holds a transaction
 * type Verity cannot encode; the reader takes those reads by quorum.
 */
export function createProvenReads({ chainId, endpoints, head, onProven }: CreateProvenReadsParameters): ProvenReads {
  const failed = new Map<string, EndpointFailure>();
  const proving: ProvenEndpoints = { chainId, endpoints, failed, onProven };
  const codeByHash = new Map<Hex, Promise<Uint8Array>>();
  const contents = createBlockContents(proving);
  const states = new Map<bigint, Promise<ProvenState>>();
  const agreements = new Set<string>();
  let pinned: Promise<{ state: ProvenState; ancestry: Ancestry }> | undefined;

  function agreedBlock(): Promise<{ state: ProvenState; ancestry: Ancestry }> {
    pinned ??= (async () => {
      const block = await head();
      const header = await firstProven(proving, {
        what: `the header of block ${block.number} (${block.hash})`,
        method: 'eth_getBlockByHash',
        params: [block.hash, false],
        verify: (answer) => verifyBlockHeader({ chainId, block: answer, hash: block.hash }),
      }).catch((error: unknown) => {
        // Endpoints answered, and no header rebuilt: the chain's header format (or every answer) is beyond proofs.
        if (error instanceof ProofUnavailableError && [...failed.values()].some(({ kind }) => kind === 'invalid-response')) {
          throw new UnrebuildableHeaderError('The block header cannot be rebuilt to check proofs', { details: error.details, cause: error });
        }
        throw error;
      });
      const state = createProvenState({ endpoints: proving, header, codeByHash });
      states.set(header.number, Promise.resolve(state));
      return { state, ancestry: createAncestry({ chainId, endpoints: proving, state }) };
    })();
    return pinned;
  }

  async function stateAt(number: bigint | undefined): Promise<ProvenState> {
    const { state, ancestry } = await agreedBlock();
    if (number === undefined || number === state.header.number) return state;
    let known = states.get(number);
    if (!known) {
      known = ancestry.headerAt(number).then((header) => createProvenState({ endpoints: proving, header, codeByHash }));
      states.set(number, known);
      known.catch(() => states.delete(number));
    }
    return known;
  }

  return {
    async header() {
      return (await agreedBlock()).state.header;
    },
    async call({ to, data, blockNumber }) {
      return provenCall({ state: await stateAt(blockNumber), endpoints: proving, to, data });
    },
    async receipt(hash) {
      const { state, ancestry } = await agreedBlock();
      const located = await locateTransaction({ endpoints: proving, ancestry, contents, pinned: state.header.number, hash });
      if (!located.receipt) agreements.add(`a missing transaction agreed by ${located.absentBy} RPCs`);
      return located.receipt;
    },
    async logs(query, agreed) {
      const { state, ancestry } = await agreedBlock();
      return provenLogs({ chainId, ancestry, contents, pinned: state.header.number, query, agreed: async () => {
        const answer = await agreed();
        agreements.add(`logs over more than ${maxWalkedHeaders} blocks agreed by ${answer.agreedBy} RPC${answer.agreedBy === 1 ? '' : 's'}`);
        return answer;
      } });
    },
    agreements() {
      return [...agreements];
    },
  };
}
