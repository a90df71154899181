import { ProofUnavailableError, UnrebuildableBlockError, UnrebuildableHeaderError } from './proven/errors';
import type { ProvenReads } from './proven/proven-reads';

/** A quorum read's answer and the endpoints that agreed on it. */
export type AgreedAnswer<value> = { value: value; urls: string[] };

export type ProofFallback = {
  /**
   * The read with proofs; when the chain's header or the read's block cannot
   * be rebuilt, the same read by quorum, believed only when two endpoints agree.
   */
  read<value>(parameters: { what: string; proof: (reads: ProvenReads) => Promise<value>; quorum: () => Promise<AgreedAnswer<value>> }): Promise<value>;
  /**
   * Rebuilds the agreed header once, so that every verdict of the pass,
   * including those that read nothing else, states the same basis.
   */
  checkHeader(): Promise<void>;
  /** Whether the pass's reads are all by quorum, because the agreed block's header could not be rebuilt. */
  headerUnrebuilt(): boolean;
  /** The reads that fell back, for the verdict: "the receipt of 0x12ab… agreed by 2 of 3 RPCs (…)". */
  notes(): string[];
};

export type CreateProofFallbackParameters = { chainId: number; proven: ProvenReads; endpointCount: number };

/**
 * The declared fallback from proofs to quorum (docs/protocol.md §6). Proofs
 * need the block rebuilt from its JSON; where Verity cannot (a header format
 * it does not hash, a transaction type it does not encode) the read is taken
 * on the endpoints' agreement rather than left unavailable. Never on one
 * endpoint's word: a lone endpoint that could be lying about the very thing
 * that forced the fallback is `unavailable`. A genuine proof mismatch is not
 * a reason to fall back; it stays an endpoint that is not believed.
 */
export function createProofFallback({ chainId, proven, endpointCount }: CreateProofFallbackParameters): ProofFallback {
  const notes = new Set<string>();
  let headerUnrebuilt = false;

  async function agreedByTwo<value>(what: string, why: string, quorum: () => Promise<AgreedAnswer<value>>): Promise<AgreedAnswer<value>> {
    const answer = await quorum();
    if (answer.urls.length < 2) {
      throw new ProofUnavailableError(`${why}, and only one RPC answered`, { chainId, details: `${what}: a read that cannot be proven counts only when two RPCs agree` });
    }
    return answer;
  }

  /** With one RPC configured there is no second to agree: the read stays unavailable, saying why. */
  function lone(what: string, error: unknown): unknown {
    if (error instanceof UnrebuildableHeaderError) return error.cause;
    if (!(error instanceof UnrebuildableBlockError)) return error;
    return new ProofUnavailableError(error.shortMessage, { chainId, details: `${what}: ${error.details}; a read that cannot be proven counts only when two RPCs agree, and one is configured` });
  }

  return {
    async read({ what, proof, quorum }) {
      if (headerUnrebuilt) return (await agreedByTwo(what, 'The block header cannot be rebuilt', quorum)).value;
      try {
        return await proof(proven);
      } catch (error) {
        if (endpointCount < 2) throw lone(what, error);
        if (error instanceof UnrebuildableHeaderError) {
          headerUnrebuilt = true;
          return (await agreedByTwo(what, error.shortMessage, quorum)).value;
        }
        if (!(error instanceof UnrebuildableBlockError)) throw error;
        const answer = await agreedByTwo(what, error.shortMessage, quorum);
        notes.add(`${what} agreed by ${answer.urls.length} of ${endpointCount} RPCs (its block holds transaction types Verity cannot rebuild)`);
        return answer.value;
      }
    },
    async checkHeader() {
      await proven.header().catch((error: unknown) => {
        // Other failures, and a lone RPC's, surface with the reads that need the header.
        if (error instanceof UnrebuildableHeaderError && endpointCount >= 2) headerUnrebuilt = true;
      });
    },
    headerUnrebuilt: () => headerUnrebuilt,
    notes: () => [...notes],
  };
}
