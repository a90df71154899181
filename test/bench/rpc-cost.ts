import type { StartDevnetReturnType } from '../../devnet/devnet';
import { mixedPage } from './mixed-page';
import type { ProofSet } from './proof-set';
import { lateReads, requestTable } from './request-table';
import { callCount, heldPerWave, perWave, verifyPageCounting, waveCount, type CountedPass } from './rpc-pass';
import { findSnippets, pageHtml, snippetHtml } from './snippets';
import { formatNumber, formatTable, heading, tally } from './table';

export type RpcCostSectionParameters = {
  devnet: StartDevnetReturnType;
  sets: readonly ProofSet[];
  /** Proofs on the mixed page. */
  pageSize: number;
  /** Fresh verification passes over the mixed page. */
  passes: number;
};

/** The aim for one page: fewer HTTP requests than this. */
const requestsAim = 5;

/** Section 2: the HTTP requests, JSON-RPC calls and sequential waves of verifying a page of mixed proofs. */
export async function runRpcCostSection({ devnet, sets, pageSize, passes }: RpcCostSectionParameters): Promise<void> {
  console.log(heading(`2. JSON-RPC cost of a page of ${pageSize} mixed proofs`));
  const trust = devnet.trustConfig;
  const page = mixedPage({ scenarios: devnet.scenarios, sets, size: pageSize });
  const snippets = findSnippets(page.html);
  const results: CountedPass[] = [];
  for (let pass = 0; pass < passes; pass++) results.push(await verifyPageCounting({ html: page.html, trust }));

  console.log(`The page: ${page.scenarioCount} devnet scenario snippets and ${page.producedCount} produced valid proofs, ${snippets.length} found.`);
  console.log(`  types     ${tally(snippets.map((snippet) => (snippet.decoded.ok ? snippet.decoded.envelope.proof.type : 'malformed')))}`);
  console.log(`  forms     ${tally(snippets.map((snippet) => snippet.form))}`);
  console.log(`  verdicts  ${tally(results[0]!.states)}`);
  console.log(`Each pass verifies it as the CLI does, on a fresh ChainAccess (nothing cached); onRequest counts the
HTTP requests. A wave is a request sent after an answer of the previous wave had come back;
"held" is how long the client kept a wave's first request back after the answer it followed
(for wave 1, after verification began): the 5 ms batch wait plus whatever ran in the same tick.\n`);
  console.log(
    formatTable(
      [
        { header: 'pass', align: 'right' },
        { header: 'HTTP requests', align: 'right' },
        { header: 'JSON-RPC calls', align: 'right' },
        { header: 'waves', align: 'right' },
        { header: 'requests per wave' },
        { header: 'calls per wave' },
        { header: 'held ms per wave' },
        { header: 'find ms', align: 'right' },
        { header: 'verify ms', align: 'right' },
      ],
      results.map(({ requests, findMs, verifyMs }, index) => [
        String(index + 1),
        String(requests.length),
        String(callCount(requests)),
        String(waveCount(requests)),
        perWave(requests),
        perWave(requests, (request) => request.calls.length),
        heldPerWave(requests),
        formatNumber(findMs, 1),
        formatNumber(verifyMs, 1),
      ]),
    ),
  );

  console.log(`\nWhat each request of pass ${passes} carries:\n`);
  console.log(requestTable({ contracts: devnet.contracts, requests: results[passes - 1]!.requests }));
  const most = Math.max(...results.map((result) => result.requests.length));
  console.log(`\nHTTP requests for the mixed page: at most ${most} over ${passes} passes; aim under ${requestsAim}: ${most < requestsAim ? 'met' : 'NOT met'}.`);

  await printSingleKindPages({ devnet, sets });
}

/** The same count for a page of each set alone: what a page of one kind costs without reads shared with other kinds. */
async function printSingleKindPages({ devnet, sets }: { devnet: StartDevnetReturnType; sets: readonly ProofSet[] }): Promise<void> {
  const rows: string[][] = [];
  for (const set of sets) {
    const html = pageHtml(set.proofs.map((proof, index) => snippetHtml({ proof, form: 'attribute-json', id: `proof-${index}` })));
    const { requests, states } = await verifyPageCounting({ html, trust: devnet.trustConfig });
    rows.push([
      `${set.proofs.length} × ${set.name}`,
      tally(states),
      String(requests.length),
      String(callCount(requests)),
      perWave(requests),
      perWave(requests, (request) => request.calls.length),
      heldPerWave(requests),
      lateReads({ contracts: devnet.contracts, requests }).join(', ') || '-',
    ]);
  }
  console.log('\nPages of one kind of proof (the section 1 sets), each on a fresh ChainAccess:\n');
  console.log(
    formatTable(
      [
        { header: 'page' },
        { header: 'verdicts' },
        { header: 'HTTP requests', align: 'right' },
        { header: 'JSON-RPC calls', align: 'right' },
        { header: 'requests per wave' },
        { header: 'calls per wave' },
        { header: 'held ms per wave' },
        { header: 'reads after wave 2' },
      ],
      rows,
    ),
  );
}
