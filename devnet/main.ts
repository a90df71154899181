/**
 * `npm run devnet [-- --port PORT] [-- --config-out FILE]`: a local chain
 * with every demo proof, the demo page on loopback, and the trust
 * configuration that goes with them. Runs until Ctrl-C or SIGTERM.
 */
import { BaseError } from '../lib/errors';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDirectory } from './compile';
import { startDevnet } from './devnet';

class UsageError extends BaseError {
  override name = 'UsageError';
}

function readOptions(): { port?: number; configPath: string } {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'config-out': { type: 'string' },
    },
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65_536)) {
    throw new UsageError(`--port must be a port number, not "${values.port}"`);
  }
  return { port, configPath: resolve(values['config-out'] ?? join(buildDirectory, 'trust-config.json')) };
}

async function main(): Promise<void> {
  const { port, configPath } = readOptions();
  console.log('Starting anvil, deploying contracts and producing proofs…');
  const devnet = await startDevnet({ servePage: { port } });

  let stopping = false;
  const shutDown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the page server and anvil…`);
    await devnet.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutDown('SIGINT'));
  process.on('SIGTERM', () => void shutDown('SIGTERM'));

  try {
    await mkdir(dirname(configPath), { recursive: true });
    await writeFile(configPath, `${JSON.stringify(devnet.trustConfig, null, 2)}\n`);
  } catch (error) {
    await devnet.stop();
    throw error;
  }

  const byState = new Map<string, number>();
  for (const { expectedState } of devnet.scenarios) byState.set(expectedState, (byState.get(expectedState) ?? 0) + 1);
  console.log(`
Verity devnet is running.
  RPC            ${devnet.rpcUrl} (chain ${devnet.chainId})
  Demo page      ${devnet.pageUrl}
  Article        ${devnet.articleUrl} (${devnet.articleSnippets.length} AI snippets, no captions)
  Trust list     ${devnet.trustListUrl} (subscribe to it on the options page, under Trust lists)
  Trust config   ${configPath}
  Scenarios      ${devnet.scenarios.length}: ${[...byState].map(([state, count]) => `${count} ${state}`).join(', ')}

Verify the page:
  npx verity verify ${devnet.pageUrl} --config ${configPath}

Press Ctrl-C to stop.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? `devnet: ${error.message}` : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
