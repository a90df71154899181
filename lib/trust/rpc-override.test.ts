import { describe, expect, it } from 'vitest';
import { defaultTrustConfig } from './defaults';
import { TrustConfigError } from './errors';
import { withRpcOverride, withRpcOverrides } from './rpc-override';

describe('withRpcOverrides', () => {
  it('replaces the RPC list of a configured chain and keeps the rest', () => {
    const config = withRpcOverride(defaultTrustConfig, '8453', 'http://127.0.0.1:8545');
    expect(config.chains['8453']).toEqual({ ...defaultTrustConfig.chains['8453'], rpc: ['http://127.0.0.1:8545'] });
  });

  it('adds a minimal entry for a chain the configuration lacks', () => {
    const config = withRpcOverride(defaultTrustConfig, 31337, 'http://127.0.0.1:8545');
    expect(config.chains['31337']).toEqual({ name: 'Chain 31337', rpc: ['http://127.0.0.1:8545'], confirmations: 1, explorer: null });
  });

  it('gives a chain every URL given for it, in order', () => {
    const config = withRpcOverrides(defaultTrustConfig, [
      { chainId: '1', url: 'https://a.example' },
      { chainId: '31337', url: 'http://127.0.0.1:8545' },
      { chainId: '1', url: 'https://b.example' },
    ]);
    expect(config.chains['1']!.rpc).toEqual(['https://a.example', 'https://b.example']);
    expect(config.chains['31337']!.rpc).toEqual(['http://127.0.0.1:8545']);
  });

  it('throws TrustConfigError naming the field for a bad URL or chain id', () => {
    expect(() => withRpcOverride(defaultTrustConfig, '1', 'localhost:8545')).toThrow(TrustConfigError);
    expect(() => withRpcOverride(defaultTrustConfig, '1', 'ws://127.0.0.1:8545')).toThrow('chains.1.rpc.0: must be an http(s) URL');
    expect(() => withRpcOverride(defaultTrustConfig, 'mainnet', 'http://127.0.0.1:8545')).toThrow(/^chains\.mainnet: chain ids are decimal strings/);
  });
});
