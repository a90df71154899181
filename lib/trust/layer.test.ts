import { describe, expect, it } from 'vitest';
import { defaultTrustConfig } from './defaults';
import { TrustConfigError } from './errors';
import { layerTrustConfig } from './layer';

const org = '0x0000000000000000000000000000000000000a11';
const mine = '0x0000000000000000000000000000000000000b22';

const managed = JSON.stringify({
  chains: { '1': { rpc: ['https://rpc.newsroom.example'] } },
  trustedAttesters: [{ address: org, label: 'Newsroom' }],
});

describe('layerTrustConfig', () => {
  it('is the defaults when there is no other layer', () => {
    expect(layerTrustConfig()).toEqual({ config: defaultTrustConfig, provenance: {} });
  });

  it('applies the organisation over the defaults and says which values came from it', () => {
    const { config, provenance, managedError } = layerTrustConfig({ managed });
    expect(managedError).toBeUndefined();
    expect(config.chains['1']).toEqual({ ...defaultTrustConfig.chains['1'], rpc: ['https://rpc.newsroom.example'] });
    expect(config.trustedAttesters).toEqual([{ address: org, label: 'Newsroom' }]);
    expect(provenance).toEqual({ 'chains.1.rpc': 'managed', [`trustedAttesters.${org}`]: 'managed' });
  });

  it('applies the user over the organisation', () => {
    const user = { chains: { '1': { confirmations: 96 } }, trustedAttesters: [{ address: mine, label: 'Me' }, { address: org, label: 'Our newsroom' }] };
    const { config, provenance } = layerTrustConfig({ managed, user });
    expect(config.chains['1']).toMatchObject({ rpc: ['https://rpc.newsroom.example'], confirmations: 96 });
    expect(config.trustedAttesters).toEqual([
      { address: org, label: 'Our newsroom' },
      { address: mine, label: 'Me' },
    ]);
    expect(provenance).toEqual({
      'chains.1.rpc': 'managed',
      'chains.1.confirmations': 'user',
      [`trustedAttesters.${org}`]: 'user',
      [`trustedAttesters.${mine}`]: 'user',
    });
  });

  it('credits a chain a layer adds to that layer, fields filled in by the schema included', () => {
    const user = { chains: { '31337': { name: 'Local', rpc: ['http://127.0.0.1:8545'], confirmations: 1 } } };
    expect(layerTrustConfig({ user }).provenance).toEqual({
      'chains.31337.name': 'user',
      'chains.31337.rpc': 'user',
      'chains.31337.confirmations': 'user',
      'chains.31337.explorer': 'user',
    });
  });

  it('reports an unreadable managed configuration and ignores all of it', () => {
    const halfGood = JSON.stringify({ trustedAttesters: [{ address: org, label: 'Newsroom' }], chains: { '1': { confirmations: -1 } } });
    const { config, provenance, managedError } = layerTrustConfig({ managed: halfGood, user: { trustedAttesters: [{ address: mine, label: 'Me' }] } });
    expect(managedError).toBeInstanceOf(TrustConfigError);
    expect(managedError?.message).toBe('chains.1.confirmations: must be at least 1');
    expect(config.trustedAttesters).toEqual([{ address: mine, label: 'Me' }]);
    expect(config.chains['1']).toEqual(defaultTrustConfig.chains['1']);
    expect(provenance).toEqual({ [`trustedAttesters.${mine}`]: 'user' });
  });

  it('reports managed text that is not JSON', () => {
    expect(layerTrustConfig({ managed: 'chains: {}' }).managedError?.message).toMatch(/^configuration: is not valid JSON/);
  });

  it('reports and ignores a bad user layer, keeping the organisation', () => {
    const { config, userError } = layerTrustConfig({ managed, user: { chains: { '1': { rpc: [] } } } });
    expect(userError?.message).toBe('chains.1.rpc: needs at least one RPC URL');
    expect(config.chains['1']!.rpc).toEqual(['https://rpc.newsroom.example']);
  });
});
