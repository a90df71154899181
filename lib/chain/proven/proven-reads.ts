import type { Hex } from 'viem';
import type { RpcEndpoint } from '../endpoint';
import type { EndpointFailure } from '../endpoint-failure';
import type { PinnedBlock } from '../types';
import { verifyBlockHeader, type ProvenHeader } from './block-header';
import { firstProven, type ProvenEndpoints } from './first-proven';
import { provenCall, type ProvenCallAnswer } from './proven-call';
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
  /** A view call executed locally at the agreed block. */
  call(parameters: { to: Hex; data: Hex }): Promise<ProvenCallAnswer>;
};

/**
 * Proven reads for `"reads": "proofs"`: the header of the agreed block is
 * fetched by its hash from any endpoint and checked to hash to it, and every
 * account, slot and code a call touches is proven against its state root.
 * An endpoint whose answer does not prove is dropped for the pass; these
 * failures are kept apart from the quorum reads' (receipts, logs), so a liar
 * about state can still be outvoted there.
 */
export function createProvenReads({ chainId, endpoints, head, onProven }: CreateProvenReadsParameters): ProvenReads {
  const failed = new Map<string, EndpointFailure>();
  const proving: ProvenEndpoints = { chainId, endpoints, failed, onProven };
  const codeByHash = new Map<Hex, Promise<Uint8Array>>();
  let state: Promise<ProvenState> | undefined;

  function provenState(): Promise<ProvenState> {
    state ??= (async () => {
      const pinned = await head();
      const header = await firstProven(proving, {
        what: `the header of block ${pinned.number} (${pinned.hash})`,
        method: 'eth_getBlockByHash',
        params: [pinned.hash, false],
        verify: (block) => verifyBlockHeader({ chainId, block, hash: pinned.hash }),
      });
      return createProvenState({ endpoints: proving, header, codeByHash });
    })();
    return state;
  }

  return {
    async header() {
      return (await provenState()).header;
    },
    async call({ to, data }) {
      return provenCall({ state: await provenState(), endpoints: proving, to, data });
    },
  };
}
