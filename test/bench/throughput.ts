import { createChainAccess } from '../../lib/chain/access';
import type { TrustConfig } from '../../lib/trust/schema';
import type { ProofSet } from './proof-set';
import { findSnippets, pageHtml, snippetHtml } from './snippets';
import { formatNumber, formatTable, heading, tally } from './table';
import { ratePerSecond, runRounds } from './timing';
import { verifySnippets } from './verify-snippets';

export type ThroughputSectionParameters = {
  sets: readonly ProofSet[];
  trust: TrustConfig;
  /** Timed time per set, at the least. */
  minMsPerSet: number;
};

const explanation = `"Cached": each set gets one ChainAccess (one verification pass), warmed by
verifying every proof of the set once. A pass pins one block and shares every
read (the head, each eth_call by contract, calldata and block, each receipt),
so verifying the same proofs again in that pass sends no HTTP request: the
last column counts the requests made while timing. What is timed is the rest
of verifySnippet: ABI-decoding the cached answers, the cryptography (RSA-PSS
via WebCrypto for og-tee, secp256k1 recovery and EIP-712 hashing for
eas-offchain, Merkle paths, keccak of the text), schema decoding, the text
checks and the verdict. Finding and decoding envelopes (findProofs) is not
timed. Each round verifies the whole set concurrently (Promise.all), as the
CLI does; proofs/s = verifications / elapsed time, ms/proof its inverse.
eas-offchain recovers every signer's key with noble's public recovery (as
ethers and viem do) and hashes with viem's hashTypedData.`;

/** Section 1: verifySnippet throughput per proof kind, with every chain read answered from the pass. */
export async function runThroughputSection({ sets, trust, minMsPerSet }: ThroughputSectionParameters): Promise<void> {
  console.log(heading('1. Proofs verified per second, chain reads cached'));
  console.log(explanation);
  const rows: string[][] = [];
  for (const set of sets) {
    const html = pageHtml(set.proofs.map((proof, index) => snippetHtml({ proof, form: 'attribute-json', id: `proof-${index}` })));
    const snippets = findSnippets(html);
    let requests = 0;
    const chains = createChainAccess({ trust, onRequest: () => (requests += 1) });
    const verifyAll = () => verifySnippets({ snippets, trust, chains });

    const warm = await verifyAll();
    const warmRequests = requests;
    await verifyAll();
    const requestsBeforeTiming = requests;
    const timed = await runRounds({ round: async () => (await verifyAll()).length, minMs: minMsPerSet, minRounds: 3 });
    const rate = ratePerSecond(timed);
    rows.push([
      set.name,
      String(snippets.length),
      tally(warm.map((verdict) => verdict.state)),
      String(warmRequests),
      formatNumber(timed.operations),
      formatNumber(rate),
      formatNumber(1000 / rate, 3),
      String(requests - requestsBeforeTiming),
    ]);
  }
  console.log();
  console.log(
    formatTable(
      [
        { header: 'proofs' },
        { header: 'distinct', align: 'right' },
        { header: 'verdicts' },
        { header: 'warm-up HTTP', align: 'right' },
        { header: 'verifications', align: 'right' },
        { header: 'proofs/s', align: 'right' },
        { header: 'ms/proof', align: 'right' },
        { header: 'HTTP while timed', align: 'right' },
      ],
      rows,
    ),
  );
}
