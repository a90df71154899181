import { describe, expect, it } from 'vitest';
import { defaultTrustConfig, retiredEasNetworks } from './defaults';
import { easDeployments, type EasNetwork } from './eas-deployments';
import { readsOf, trustConfig } from './schema';

describe('defaultTrustConfig', () => {
  it('is a valid configuration', () => {
    expect(trustConfig.safeParse(defaultTrustConfig).success).toBe(true);
  });

  it('configures EAS on every network of the package that still runs, with its chain', () => {
    for (const [network, { chainId, eas, schemaRegistry }] of Object.entries(easDeployments)) {
      if ((retiredEasNetworks as readonly string[]).includes(network)) {
        expect(defaultTrustConfig.chains[String(chainId)], network).toBeUndefined();
        continue;
      }
      expect(defaultTrustConfig.eas[String(chainId)], network).toEqual({ eas: eas.toLowerCase(), schemaRegistry: schemaRegistry.toLowerCase() });
      expect(defaultTrustConfig.chains[String(chainId)], network).toBeDefined();
    }
  });

  it('retires only networks the package has', () => {
    for (const network of retiredEasNetworks) expect(easDeployments[network as EasNetwork]).toBeDefined();
  });

  it('gives every public chain https RPCs from at least two operators, so reads are cross-checked', () => {
    for (const [chainId, chain] of Object.entries(defaultTrustConfig.chains)) {
      if (chainId === '10740') continue;
      const hosts = new Set(chain.rpc.map((url) => new URL(url).hostname.split('.').slice(-2).join('.')));
      expect(hosts.size, chain.name).toBeGreaterThanOrEqual(2);
      for (const url of chain.rpc) expect(url, chain.name).toMatch(/^https:\/\//);
      expect(chain.explorer, chain.name).toMatch(/^https:\/\//);
    }
  });

  it('reads with proofs where headers can be rebuilt, by quorum elsewhere (spec §7)', () => {
    const reads = (chainId: string) => readsOf(defaultTrustConfig.chains[chainId]!);
    // Ethereum, Sepolia, OP Mainnet, Base, Unichain, Scroll and Scroll Sepolia, Arbitrum One, Nova and Sepolia, Polygon and Amoy: Merkle-Patricia state under headers Verity rebuilds.
    for (const chainId of ['1', '11155111', '10', '8453', '130', '534352', '534351', '42161', '42170', '421614', '137', '80002']) expect(reads(chainId), chainId).toBe('proofs');
    // OpenGradient (Cosmos EVM), Linea, ZKsync, Celo: not a trie, or headers Verity cannot rebuild.
    for (const chainId of ['10740', '59144', '324', '42220']) expect(reads(chainId), chainId).toBe('quorum');
    // A chain the reader adds without saying is read by quorum.
    expect(readsOf({ name: 'Local', rpc: ['http://127.0.0.1:8545'], confirmations: 1, explorer: null })).toBe('quorum');
  });

  it('waits for finality on Ethereum and about five minutes on rollups', () => {
    expect(defaultTrustConfig.chains['1']!.confirmations).toBe(64);
    expect(defaultTrustConfig.chains['8453']!.confirmations).toBe(150);
    expect(defaultTrustConfig.chains['42161']!.confirmations).toBe(1200);
  });

  it('marks the uncertain OpenGradient values and guesses no relay', () => {
    expect(defaultTrustConfig.chains['10740']).toMatchObject({ rpc: ['https://ogevmdevnet.opengradient.ai'], note: expect.stringContaining('Uncertain') });
    expect(defaultTrustConfig.opengradient['10740']).toMatchObject({
      teeRegistry: '0x703cb174aeadb35d611858369b4b1111dc9abda6',
      settlementRelays: [],
      note: expect.stringContaining('0x4e72238852f3c918f4E4e57AeC9280dDB0c80248'),
    });
  });

  it('trusts no attester and no ERC-7007 contract until the reader says so', () => {
    expect(defaultTrustConfig.trustedAttesters).toEqual([]);
    expect(defaultTrustConfig.erc7007).toEqual({});
  });
});
