import { stringToHex, type Address } from 'viem';
import type { TrustList } from '../lib/trust/list-schema';
import type { TrustConfig } from '../lib/trust/schema';
import { startAnvil } from './anvil';
import { createDevnetClients } from './clients';
import { compileContracts } from './compile';
import { renderDemoPage } from './demo-page';
import { deployDevnetContracts, type DevnetContracts } from './deploy';
import type { DevnetRole } from './keys';
import { buildScenarios, type Scenario, type ScenarioContext } from './scenarios';
import { servePage } from './serve-page';
import { buildArticleSnippets, type ArticleSnippet } from './article/article-snippets';
import { renderArticlePage } from './article/article-page';
import { setUpTees } from './tees';
import { devnetTrustConfig } from './trust-config';
import { devnetTrustList } from './trust-list';

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
  /** The AI snippets of the article page, in page order, each with the state a correct verifier gives it. */
  articleSnippets: ArticleSnippet[];
  /** A realistic news article whose snippets are `articleSnippets`, without captions. */
  articleHtml: string;
  /** Where the article is served (`pageUrl` + `article`); only with `servePage`. */
  articleUrl?: string;
  /** A press council's trust list (spec §7) vouching for the untrusted attester, whom `trustConfig` leaves out. */
  trustList: TrustList;
  /** Where the list is served (`pageUrl` + `trust-list.json`), for the options page to subscribe to; only with `servePage`. */
  trustListUrl?: string;
  /** The paths the page server was asked for, in order; empty without `servePage`. */
  pageRequests: readonly string[];
  /** Mines empty blocks: one turns every `pending` scenario (and article snippet) into `verified` (confirmations 2). */
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
    const context: ScenarioContext = {
      clients,
      contracts,
      chainId: anvil.chainId,
      tees,
      unconfiguredChainId,
      now: () => Math.floor(Date.now() / 1000),
      walrusBlobId: (label) => stringToHex(`walrus-devnet-${label}`),
    };
    const scenarios = await buildScenarios(context);
    // After the demo, sending no transaction: the demo's block layout stays as buildScenarios made it.
    const articleSnippets = await buildArticleSnippets({ context, scenarios });
    const trustConfig = devnetTrustConfig({
      rpcUrl: anvil.rpcUrl,
      chainId: anvil.chainId,
      contracts,
      trustedAttester: clients.accounts.trustedAttester.address,
    });
    const trustList = devnetTrustList({ untrustedAttester: clients.accounts.untrustedAttester.address, updated: new Date() });
    const pageHtml = renderDemoPage({ scenarios, chainId: anvil.chainId });
    const articleHtml = renderArticlePage({ snippets: articleSnippets });

    let pageUrl: string | undefined;
    let articleUrl: string | undefined;
    let trustListUrl: string | undefined;
    let pageRequests: readonly string[] = [];
    if (serve) {
      const server = await servePage({
        html: pageHtml,
        port: typeof serve === 'object' ? serve.port : undefined,
        trustConfig,
        scenarios,
        article: { html: articleHtml, snippets: articleSnippets },
        trustList,
      });
      pageUrl = server.url;
      articleUrl = server.articleUrl;
      trustListUrl = server.trustListUrl;
      pageRequests = server.requests;
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
      articleSnippets,
      articleHtml,
      articleUrl,
      trustList,
      trustListUrl,
      pageRequests,
      mine: (blocks = 1) => clients.test.mine({ blocks }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
