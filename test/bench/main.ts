/**
 * `npm run bench`: numbers for the verification core, then for the built
 * extension in Chromium, printed as tables. Starts its own anvil (the
 * devnet) and stops it before it ends; asserts nothing.
 */
import { startDevnet } from '../../devnet/devnet';
import { runBrowserSection } from './browser';
import { machineInfo } from './machine';
import { runOffchainSection } from './offchain-vs-sdk';
import { produceProofSets } from './proof-sets';
import { runQuoteCheckSection } from './quote-check';
import { runProvenCostSection } from './proven-cost';
import { runRpcCostSection } from './rpc-cost';
import { formatNumber, heading } from './table';
import { runTabBudgetSection } from './tab-budget-cost';
import { runHostileInputsSection } from './hostile-inputs';
import { runHostilePagesSection } from './hostile-pages';
import { buildExtension } from './extension-build';
import { runThroughputSection } from './throughput';

/** Distinct proofs of each kind made for the bench. */
const proofsPerSet = 100;

/**
 * `npm run bench -- browser-pages` runs only the sections named (all when
 * none is): on a shared machine one section can be compared side by side
 * within a run without waiting minutes for the others.
 */
const sectionNames = ['throughput', 'inputs', 'rpc', 'proven', 'offchain', 'quote', 'tab-budget', 'hostile', 'browser', 'browser-pages'] as const;
const chosen = process.argv.slice(2);
for (const name of chosen) if (!(sectionNames as readonly string[]).includes(name)) throw new Error(`No bench section "${name}": ${sectionNames.join(', ')}`);
const runs = (name: (typeof sectionNames)[number]) => chosen.length === 0 || chosen.includes(name);

async function main(): Promise<void> {
  console.log(heading('Verity bench'));
  console.log(machineInfo());

  const started = performance.now();
  const devnet = await startDevnet();
  const stopOnSignal = () => void devnet.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    console.log(`\nDevnet on ${devnet.rpcUrl}: ${devnet.scenarios.length} scenarios in ${formatNumber(performance.now() - started)} ms.`);
    const producing = performance.now();
    const sets = await produceProofSets({ devnet, count: proofsPerSet });
    console.log(`Produced ${proofsPerSet} distinct valid proofs for each of ${sets.length} sets in ${formatNumber(performance.now() - producing)} ms.`);

    if (runs('throughput')) await runThroughputSection({ sets, trust: devnet.trustConfig, minMsPerSet: 1_500 });
    if (runs('inputs')) runHostileInputsSection({ runs: 3 });
    if (runs('rpc')) await runRpcCostSection({ devnet, sets, pageSize: 100, passes: 3 });
    if (runs('proven')) await runProvenCostSection({ devnet, sets, pageSize: 100, passes: 3 });
    // The off-chain section needs no chain; the browser section, after it, verifies against this one.
    const { contracts, chainId } = devnet;
    if (runs('offchain')) await runOffchainSection({
      domain: { address: contracts.eas, version: contracts.easVersion, chainId },
      schema: contracts.schemas.content,
      count: 1_000,
      signerCount: 10,
      chunkSize: 50,
      rounds: 2,
    });
    if (runs('quote')) await runQuoteCheckSection({ proofs: 500, briefsPerProof: 30, minMsPerCase: 1_000 });
    if (runs('tab-budget')) await runTabBudgetSection();
    if (runs('hostile')) {
      const built = await buildExtension();
      await runHostilePagesSection({ devnet, extensionPath: built.path, attackSeconds: 10 }).finally(built.remove);
    }
    // browser-pages: only the pages with proofs (4.3 to 4.5), without bundles, the no-proof pages and images.
    if (runs('browser') || runs('browser-pages')) {
      await runBrowserSection({ devnet, sets, scanSizes: [10_000, 80_000], scanRuns: 3, mountProofs: 500, mountRuns: 3, onlyProofPages: !runs('browser') });
    }
  } finally {
    await devnet.stop();
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
  }
  console.log(`\nTotal ${formatNumber((performance.now() - started) / 1000, 1)} s.`);
}

await main();
