import { stringToHex, type Address } from 'viem';
import type { TrustConfig } from '../lib/trust/schema';
import { startAnvil } from './anvil';
import { createDevnetClients } from './clients';
import { compileContracts } from './compile';
import { renderDemoPage } from './demo-page';
import { deployDevnetContracts, type DevnetContracts } from './deploy';
import type { DevnetRole } from './keys';
import { buildScenarios, type Scenario } from './scenarios';
import { servePage } from './serve-page';
import { setUpTees } from './tees';
import { devnetTrustConfig } from './trust-config';

/** Anvil's default chain id. */
export const devnetChainId = 31337;
/** A chain id no trust configuration (and no built-in default) names. */
export const unconfiguredChainId = 424242;
/** Seconds a heartbeat keeps a TEE active on the devnet registries. */
export const heartbeatWindow = 3_600n;

export type StartDevnetParameters = {
  /** Anvil's port; a free loopback port when omitted. */
  rpcPort?: number;
  /** Also serve the demo page over HTTP on loopback: true for a free port, or `{ port }`. */
  servePage?: boolean | { port?: number };
};

export type StartDevnetReturnType = {
  rpcUrl: string;
  chainId: number;
  contracts: DevnetContracts;
  /** Addresses of the devnet's actors (deployer, trusted and untrusted attester, ERC-7007 oracle, rogue). */
  accounts: Record<DevnetRole, Address>;
  /** Names only the trusted contracts and attester; `confirmations: 2`. */
  trustConfig: TrustConfig;
  /** In page order. */
  scenarios: Scenario[];
  /** The demo page: every scenario, grouped by proof type. */
  pageHtml: string;
  /** Where the page is served, with a trailing slash; only with `servePage`. */
  pageUrl?: string;
  /** Mines empty blocks: one turns every `pending` scenario into `verified` (confirmations 2). */
  mine(blocks?: number): Promise<void>;
  /** Stops the page server and anvil. Safe to call twice. */
  stop(): Promise<void>;
};

/**
 * A local chain with the real EAS contracts and OpenGradient-compatible test
 * contracts, and real proofs of every type in every state (the scenarios).
 * Takes a few seconds; always call `stop()`, also when a test fails.
 */
export async function startDevnet({ rpcPort, servePage: serve = false }: StartDevnetParameters = {}): Promise<StartDevnetReturnType> {
  const compiled = await compileContracts();
  const anvil = await startAnvil({ port: rpcPort, chainId: devnetChainId });
  let closePage = async () => {};
  const stop = async () => {
    await closePage();
    await anvil.stop();
  };
  try {
    const clients = createDevnetClients({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
    const contracts = await deployDevnetContracts({ clients, compiled, heartbeatWindow });
    const tees = await setUpTees({ clients, contracts });
    const scenarios = await buildScenarios({
      clients,
      contracts,
      chainId: anvil.chainId,
      tees,
      unconfiguredChainId,
      now: () => Math.floor(Date.now() / 1000),
      walrusBlobId: (label) => stringToHex(`walrus-devnet-${label}`),
    });
    const trustConfig = devnetTrustConfig({
      rpcUrl: anvil.rpcUrl,
      chainId: anvil.chainId,
      contracts,
      trustedAttester: clients.accounts.trustedAttester.address,
    });
    const pageHtml = renderDemoPage({ scenarios, chainId: anvil.chainId });

    let pageUrl: string | undefined;
    if (serve) {
      const server = await servePage({ html: pageHtml, port: typeof serve === 'object' ? serve.port : undefined, trustConfig, scenarios });
      pageUrl = server.url;
      closePage = server.close;
    }
    const accounts = Object.fromEntries(Object.entries(clients.accounts).map(([role, account]) => [role, account.address])) as Record<
      DevnetRole,
      Address
    >;
    return {
      rpcUrl: anvil.rpcUrl,
      chainId: anvil.chainId,
      contracts,
      accounts,
      trustConfig,
      scenarios,
      pageHtml,
      pageUrl,
      mine: (blocks = 1) => clients.test.mine({ blocks }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
