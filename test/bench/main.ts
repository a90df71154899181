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
import { runThroughputSection } from './throughput';

/** Distinct proofs of each kind made for the bench. */
const proofsPerSet = 100;

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

    await runThroughputSection({ sets, trust: devnet.trustConfig, minMsPerSet: 1_500 });
    await runRpcCostSection({ devnet, sets, pageSize: 100, passes: 3 });
    await runProvenCostSection({ devnet, sets, pageSize: 100, passes: 3 });
    // The off-chain section needs no chain; the browser section, after it, verifies against this one.
    const { contracts, chainId } = devnet;
    await runOffchainSection({
      domain: { address: contracts.eas, version: contracts.easVersion, chainId },
      schema: contracts.schemas.content,
      count: 1_000,
      signerCount: 10,
      chunkSize: 50,
      rounds: 2,
    });
    await runQuoteCheckSection({ proofs: 500, briefsPerProof: 30, minMsPerCase: 1_000 });
    await runTabBudgetSection();
    await runBrowserSection({ devnet, sets, scanSizes: [10_000, 80_000], scanRuns: 3, mountProofs: 500, mountRuns: 3 });
  } finally {
    await devnet.stop();
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
  }
  console.log(`\nTotal ${formatNumber((performance.now() - started) / 1000, 1)} s.`);
}

await main();
