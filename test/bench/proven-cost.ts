import type { StartDevnetReturnType } from '../../devnet/devnet';
import { createChainAccess } from '../../lib/chain/access';
import type { RpcFetch } from '../../lib/chain/rpc-fetch';
import type { TrustConfig } from '../../lib/trust/schema';
import { mixedPage } from './mixed-page';
import type { ProofSet } from './proof-set';
import { findSnippets } from './snippets';
import { formatNumber, formatTable, heading, tally } from './table';
import { verifySnippets } from './verify-snippets';

export type ProvenCostSectionParameters = {
  devnet: StartDevnetReturnType;
  sets: readonly ProofSet[];
  /** Proofs on the mixed page. */
  pageSize: number;
  /** Fresh passes per row; the row shows the median time and the last pass's counts. */
  passes: number;
};

type Traffic = { requests: number; calls: Map<string, number>; sentBytes: number; receivedBytes: number };

/** A fetch that counts requests, calls by method, and the bytes of bodies both ways. */
function countingFetch(): { fetchFn: RpcFetch; traffic: Traffic } {
  const traffic: Traffic = { requests: 0, calls: new Map(), sentBytes: 0, receivedBytes: 0 };
  const fetchFn: RpcFetch = async (input, init) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    traffic.requests += 1;
    traffic.sentBytes += Buffer.byteLength(body);
    for (const { method } of [JSON.parse(body) as { method: string }].flat()) traffic.calls.set(method, (traffic.calls.get(method) ?? 0) + 1);
    const response = await fetch(input, init);
    const text = await response.text();
    traffic.receivedBytes += Buffer.byteLength(text);
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return { fetchFn, traffic };
}

/**
 * Section: the mixed page read with `"reads": "quorum"` and with
 * `"reads": "proofs"`, from one endpoint and from two (the devnet's node under
 * two names, so quorum reads are asked twice as they would be of two nodes).
 */
export async function runProvenCostSection({ devnet, sets, pageSize, passes }: ProvenCostSectionParameters): Promise<void> {
  console.log(heading(`JSON-RPC cost of a page of ${pageSize} mixed proofs: reads by quorum and with proofs`));
  const html = mixedPage({ scenarios: devnet.scenarios, sets, size: pageSize }).html;
  const snippets = findSnippets(html);
  const local = devnet.trustConfig.chains[String(devnet.chainId)]!;
  const aliases = [devnet.rpcUrl, devnet.rpcUrl.replace('127.0.0.1', 'localhost')];
  const rows: string[][] = [];
  for (const rpcCount of [1, 2]) {
    for (const reads of ['quorum', 'proofs'] as const) {
      const trust: TrustConfig = { ...devnet.trustConfig, chains: { ...devnet.trustConfig.chains, [devnet.chainId]: { ...local, rpc: aliases.slice(0, rpcCount), reads } } };
      const times: number[] = [];
      let last: { traffic: Traffic; states: string[] } | undefined;
      for (let pass = 0; pass < passes; pass++) {
        const { fetchFn, traffic } = countingFetch();
        const started = performance.now();
        const verdicts = await verifySnippets({ snippets, trust, chains: createChainAccess({ trust, fetchFn }) });
        times.push(performance.now() - started);
        last = { traffic, states: verdicts.map((verdict) => verdict.state) };
      }
      const { traffic, states } = last!;
      const calls = [...traffic.calls.values()].reduce((sum, count) => sum + count, 0);
      rows.push([
        reads,
        String(rpcCount),
        tally(states),
        String(traffic.requests),
        String(calls),
        [...traffic.calls].map(([method, count]) => `${method.replace(/^eth_/, '')} ${count}`).join(', '),
        formatNumber(traffic.sentBytes / 1024, 1),
        formatNumber(traffic.receivedBytes / 1024, 1),
        formatNumber(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!, 1),
      ]);
    }
  }
  console.log(`${snippets.length} snippets; each row is ${passes} fresh passes (a new ChainAccess each, nothing cached), the last pass's counts and the median time.\n`);
  console.log(
    formatTable(
      [
        { header: 'reads' },
        { header: 'RPCs', align: 'right' },
        { header: 'verdicts' },
        { header: 'HTTP requests', align: 'right' },
        { header: 'calls', align: 'right' },
        { header: 'calls by method' },
        { header: 'sent KiB', align: 'right' },
        { header: 'received KiB', align: 'right' },
        { header: 'verify ms', align: 'right' },
      ],
      rows,
    ),
  );
}
