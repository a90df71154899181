import { easDeployments, type EasNetwork } from './eas-deployments';
import { trustConfig, type ChainConfig, type TrustConfig } from './schema';

/*
 * Confirmations. A proof is `verified` only once its anchor is final (spec
 * §6); until its block is `confirmations` deep it is `pending`. The count is
 * per chain because what makes a block final differs:
 * - Ethereum and Sepolia: 64 slots (two epochs, about 13 minutes), when Casper
 *   FFG normally finalises a block.
 * - Sequencer rollups (OP Stack, Arbitrum, Linea, Scroll, ZKsync) and other
 *   fast chains: about five minutes of blocks. The sequencer's order is final
 *   unless its batch never reaches Ethereum; by then it normally has.
 *   Arbitrum makes blocks only when there are transactions, so on a quiet
 *   chain the same count takes longer, which errs on the safe side.
 * - Polygon PoS: 256 blocks (about 8.5 minutes); it has seen reorganisations
 *   over 100 blocks deep (2023), before milestones made them unlikely.
 * - OpenGradient: see below.
 */
const ethereumFinality = 64;
const fiveMinutesOf = (secondsPerBlock: number) => Math.round(300 / secondsPerBlock);

/*
 * RPCs. Keyless public endpoints from independent operators: the chain's own
 * (foundation or sequencer) where it runs one, PublicNode and dRPC. With two
 * or more, every read is cross-checked and needs two agreeing answers (see
 * lib/chain/cross-check.ts), so three tolerate one endpoint being down.
 */
type PublicChain = Pick<ChainConfig, 'name' | 'rpc' | 'confirmations' | 'explorer'>;

/*
 * Reads (spec §7: `proofs` for Merkle-Patricia chains). State and view calls
 * are proven against the agreed block's header, which Verity must rebuild
 * from JSON to its hash; Arbitrum's (L1 data in mixHash and extraData) and
 * Polygon's (the validator seal in extraData) do, checked against recorded
 * headers (test/fixtures/recorded-headers.ts). Proven receipts and logs need
 * the whole block rebuilt into its tries, which Verity can do for Ethereum's
 * transaction types, OP Stack deposits, Scroll's L1 messages and Arbitrum's
 * own types (0x64–0x6a). A block holding another (Arbitrum's pre-Nitro
 * 0x78, Polygon's state syncs, Celo's fee-currency 0x7b) has that one read
 * taken by two agreeing RPCs instead, said so in the verdict
 * (lib/chain/proof-fallback.ts).
 * These chains stay on `quorum`:
 * - Linea (a sparse Merkle tree), ZKsync Era (its own state tree) and Telos
 *   (an EVM on Antelope): no Merkle-Patricia state to prove against;
 * - Celo: blocks before its move to the OP Stack (March 2025) have a header
 *   of Celo's own, and no recorded Celo header was found to prove the
 *   rebuild against, so older receipts could not be proven.
 */
const quorumNetworks: ReadonlySet<string> = new Set(['linea', 'zksync', 'telos', 'celo']);

/** Every network of the EAS package that still runs, with what a reader needs to reach it. */
const publicChains = {
  mainnet: {
    name: 'Ethereum',
    rpc: ['https://ethereum-rpc.publicnode.com', 'https://eth.drpc.org', 'https://ethereum.reth.rs/rpc'],
    confirmations: ethereumFinality,
    explorer: 'https://etherscan.io',
  },
  sepolia: {
    name: 'Sepolia',
    rpc: ['https://ethereum-sepolia-rpc.publicnode.com', 'https://sepolia.drpc.org'],
    confirmations: ethereumFinality,
    explorer: 'https://sepolia.etherscan.io',
  },
  optimism: {
    name: 'OP Mainnet',
    rpc: ['https://mainnet.optimism.io', 'https://optimism-rpc.publicnode.com', 'https://optimism.drpc.org'],
    confirmations: fiveMinutesOf(2),
    explorer: 'https://optimistic.etherscan.io',
  },
  'optimism-sepolia': {
    name: 'OP Sepolia',
    rpc: ['https://sepolia.optimism.io', 'https://optimism-sepolia-rpc.publicnode.com'],
    confirmations: fiveMinutesOf(2),
    explorer: 'https://optimism-sepolia.blockscout.com',
  },
  base: {
    name: 'Base',
    rpc: ['https://mainnet.base.org', 'https://base-rpc.publicnode.com', 'https://base.drpc.org'],
    confirmations: fiveMinutesOf(2),
    explorer: 'https://basescan.org',
  },
  'base-sepolia': {
    name: 'Base Sepolia',
    rpc: ['https://sepolia.base.org', 'https://base-sepolia-rpc.publicnode.com'],
    confirmations: fiveMinutesOf(2),
    explorer: 'https://sepolia.basescan.org',
  },
  'arbitrum-one': {
    name: 'Arbitrum One',
    rpc: ['https://arb1.arbitrum.io/rpc', 'https://arbitrum-one-rpc.publicnode.com', 'https://arbitrum.drpc.org'],
    confirmations: fiveMinutesOf(0.25),
    explorer: 'https://arbiscan.io',
  },
  'arbitrum-nova': {
    name: 'Arbitrum Nova',
    rpc: ['https://nova.arbitrum.io/rpc', 'https://arbitrum-nova-rpc.publicnode.com', 'https://arbitrum-nova.drpc.org'],
    confirmations: fiveMinutesOf(0.25),
    explorer: 'https://nova.arbiscan.io',
  },
  'arbitrum-sepolia': {
    name: 'Arbitrum Sepolia',
    rpc: ['https://sepolia-rollup.arbitrum.io/rpc', 'https://arbitrum-sepolia-rpc.publicnode.com'],
    confirmations: fiveMinutesOf(0.25),
    explorer: 'https://sepolia.arbiscan.io',
  },
  polygon: {
    name: 'Polygon',
    rpc: ['https://polygon-bor-rpc.publicnode.com', 'https://polygon.drpc.org'],
    confirmations: 256,
    explorer: 'https://polygonscan.com',
  },
  'polygon-amoy': {
    name: 'Polygon Amoy',
    rpc: ['https://rpc-amoy.polygon.technology', 'https://polygon-amoy-bor-rpc.publicnode.com'],
    confirmations: 256,
    explorer: 'https://amoy.polygonscan.com',
  },
  linea: {
    name: 'Linea',
    rpc: ['https://rpc.linea.build', 'https://linea-rpc.publicnode.com', 'https://linea.drpc.org'],
    confirmations: fiveMinutesOf(2),
    explorer: 'https://lineascan.build',
  },
  scroll: {
    name: 'Scroll',
    rpc: ['https://rpc.scroll.io', 'https://scroll-rpc.publicnode.com', 'https://scroll.drpc.org'],
    confirmations: fiveMinutesOf(3),
    explorer: 'https://scrollscan.com',
  },
  'scroll-sepolia': {
    name: 'Scroll Sepolia',
    rpc: ['https://sepolia-rpc.scroll.io', 'https://scroll-sepolia-rpc.publicnode.com'],
    confirmations: fiveMinutesOf(3),
    explorer: 'https://sepolia.scrollscan.com',
  },
  zksync: {
    name: 'ZKsync Era',
    rpc: ['https://mainnet.era.zksync.io', 'https://zksync.drpc.org'],
    confirmations: fiveMinutesOf(1),
    explorer: 'https://explorer.zksync.io',
  },
  celo: {
    // An OP Stack chain with 1 s blocks since March 2025.
    name: 'Celo',
    rpc: ['https://forno.celo.org', 'https://celo-rpc.publicnode.com', 'https://celo.drpc.org'],
    confirmations: fiveMinutesOf(1),
    explorer: 'https://celoscan.io',
  },
  ink: {
    name: 'Ink',
    rpc: ['https://rpc-gel.inkonchain.com', 'https://rpc-qnd.inkonchain.com', 'https://ink-rpc.publicnode.com'],
    confirmations: fiveMinutesOf(1),
    explorer: 'https://explorer.inkonchain.com',
  },
  soneium: {
    name: 'Soneium',
    rpc: ['https://rpc.soneium.org', 'https://soneium-rpc.publicnode.com', 'https://soneium.drpc.org'],
    confirmations: fiveMinutesOf(2),
    explorer: 'https://soneium.blockscout.com',
  },
  unichain: {
    name: 'Unichain',
    rpc: ['https://mainnet.unichain.org', 'https://unichain-rpc.publicnode.com', 'https://unichain.drpc.org'],
    confirmations: fiveMinutesOf(1),
    explorer: 'https://uniscan.xyz',
  },
  telos: {
    name: 'Telos',
    rpc: ['https://rpc.telos.net', 'https://telos.drpc.org'],
    confirmations: fiveMinutesOf(0.5),
    explorer: 'https://teloscan.io',
  },
} satisfies Partial<Record<EasNetwork, PublicChain>>;

/**
 * Networks of the EAS package left out: the Goerli testnets and the rollup
 * testnets built on Goerli were shut down in 2024, so there is no chain to ask.
 * Every package network is either in publicChains or here (tested).
 */
export const retiredEasNetworks = ['base-goerli', 'linea-goerli', 'optimism-goerli'] as const satisfies readonly EasNetwork[];

/*
 * OpenGradient. Its public facts disagree with each other, so they are
 * configuration with a `note` (an extra field), never code:
 * - chain id 10740, as the inference-facilitator code has it (its README says
 *   10744); code that runs is likelier right than prose;
 * - TEERegistry 0x703c…Abda6, the newer Python SDK's (July 2026); the
 *   TypeScript SDK's 0x4e72…0248 may be an earlier deployment, and proofs that
 *   name it are `untrusted` unless the reader adds it;
 * - no settlement relay: none is published, and a guessed relay would make a
 *   page-chosen contract trusted;
 * - confirmations 1: og-evm is a Cosmos EVM chain, whose CometBFT consensus
 *   finalises a block when it commits it;
 * - one RPC only (no second public endpoint is known), so no cross-check.
 */
const openGradientChainId = '10740';
const openGradientNote =
  'Uncertain: chain id 10740 per the inference-facilitator code (its README says 10744); TEERegistry per the Python SDK of July 2026 (the TypeScript SDK names 0x4e72238852f3c918f4E4e57AeC9280dDB0c80248); no settlement relay is published.';

const builtInConfig = {
  chains: {
    ...Object.fromEntries(
      Object.entries(publicChains).map(([network, chain]) => [
        String(easDeployments[network as EasNetwork].chainId),
        { ...chain, reads: quorumNetworks.has(network) ? 'quorum' : 'proofs' },
      ]),
    ),
    [openGradientChainId]: {
      name: 'OpenGradient devnet',
      rpc: ['https://ogevmdevnet.opengradient.ai'],
      confirmations: 1,
      explorer: 'https://explorer.opengradient.ai',
      // A Cosmos EVM: its state is not a Merkle-Patricia trie (spec §7).
      reads: 'quorum',
      note: openGradientNote,
    },
  },
  opengradient: {
    [openGradientChainId]: {
      teeRegistry: '0x703cB174AEadB35D611858369B4b1111dC9Abda6',
      settlementRelays: [],
      note: openGradientNote,
    },
  },
  eas: Object.fromEntries(
    Object.keys(publicChains).map((network) => {
      const { chainId, eas, schemaRegistry } = easDeployments[network as EasNetwork];
      return [String(chainId), { eas, schemaRegistry }];
    }),
  ),
  // No ERC-7007 contract is known to be deployed for AI content.
  erc7007: {},
  // Whose attestations count is the reader's choice, not the extension's:
  // an empty list makes every attestation `untrusted` until the reader (or
  // the organisation) names attesters, and the verdict shows who signed.
  trustedAttesters: [],
};

/**
 * The built-in configuration (spec §7), the bottom layer under the managed
 * and the user's configuration. Parsed once so its addresses are normalised
 * like any other layer's.
 */
export const defaultTrustConfig: TrustConfig = trustConfig.parse(builtInConfig);
