import { describe, expect, it } from 'vitest';
import { defaultTrustConfig } from './defaults';
import { parseTrustConfig, TrustConfigError } from './parse';

const attester = '0x1111111111111111111111111111111111111111';
const local = { name: 'Local', rpc: ['http://127.0.0.1:8545'], confirmations: 1, explorer: null };

function issuesOf(input: unknown) {
  const parsed = parseTrustConfig(input);
  if (parsed.ok) throw new Error('expected a rejection');
  return parsed;
}

describe('parseTrustConfig', () => {
  it('reads the example of spec §7 from JSON text, over the defaults', () => {
    const text = JSON.stringify({
      chains: { '31337': local },
      opengradient: { '31337': { teeRegistry: attester, settlementRelays: [attester] } },
      eas: { '31337': { eas: attester, schemaRegistry: attester } },
      erc7007: { '31337': [attester] },
      trustedAttesters: [{ address: attester, label: 'Example Newsroom' }],
    });
    const parsed = parseTrustConfig(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.config.chains['31337']).toEqual(local);
    expect(parsed.config.chains['1']).toEqual(defaultTrustConfig.chains['1']);
    expect(parsed.config.trustedAttesters).toEqual([{ address: attester, label: 'Example Newsroom' }]);
  });

  it('takes every missing section from the defaults', () => {
    const parsed = parseTrustConfig('{}');
    expect(parsed.ok && parsed.config).toEqual(defaultTrustConfig);
  });

  it('accepts a partial chain entry for a chain the base has', () => {
    const parsed = parseTrustConfig({ chains: { '8453': { rpc: ['https://base.example/rpc'] } } });
    expect(parsed.ok && parsed.config.chains['8453']).toEqual({ ...defaultTrustConfig.chains['8453'], rpc: ['https://base.example/rpc'] });
    expect(parsed.ok && parsed.layer).toEqual({ chains: { '8453': { rpc: ['https://base.example/rpc'] } } });
  });

  it('needs a name, RPCs and confirmations for a new chain, but not an explorer', () => {
    expect(issuesOf({ chains: { '777': { rpc: ['http://127.0.0.1:1'] } } }).issues).toEqual([
      { path: 'chains.777.name', message: 'is required' },
      { path: 'chains.777.confirmations', message: 'is required' },
    ]);
    const parsed = parseTrustConfig({ chains: { '777': { name: 'Mine', rpc: ['http://127.0.0.1:1'], confirmations: 3 } } });
    expect(parsed.ok && parsed.config.chains['777']!.explorer).toBeNull();
  });

  it('merges over another base when given one', () => {
    const base = { chains: { '5': local }, opengradient: {}, eas: {}, erc7007: {}, trustedAttesters: [] };
    const parsed = parseTrustConfig({ chains: { '5': { confirmations: 4 } } }, { base });
    expect(parsed.ok && parsed.config).toEqual({ ...base, chains: { '5': { ...local, confirmations: 4 } } });
  });

  it('names the first field at fault and lists them all', () => {
    const { issues, error } = issuesOf({ chains: { '1': { rpc: ['ftp://example.com', 'https://ok.example'], confirmations: 0 } } });
    expect(error).toBeInstanceOf(TrustConfigError);
    expect(error.message).toBe('chains.1.rpc.0: must be an http(s) URL (and 1 more)');
    expect(error.details).toBe('chains.1.rpc.0: must be an http(s) URL\nchains.1.confirmations: must be at least 1');
    expect(issues).toHaveLength(2);
  });

  it('rejects what is not JSON, or not an object', () => {
    expect(issuesOf('{ chains: }').error.message).toMatch(/^configuration: is not valid JSON/);
    expect(issuesOf('[]').error.message).toBe('configuration: must be an object, not a list');
    expect(issuesOf({ chains: [] }).error.message).toBe('chains: must be an object, not a list');
  });

  it('rejects chain ids that are not decimal strings', () => {
    expect(issuesOf({ chains: { '0x1': local } }).error.message).toBe('chains.0x1: chain ids are decimal strings such as "1" or "31337"');
    expect(issuesOf({ eas: { '01': { eas: attester, schemaRegistry: attester } } }).issues[0]!.path).toBe('eas.01');
  });

  it('rejects bad addresses and a mistyped checksum', () => {
    expect(issuesOf({ trustedAttesters: [{ address: '0x12', label: 'x' }] }).error.message).toMatch(/^trustedAttesters\.0\.address: must be a 0x address/);
    expect(issuesOf({ erc7007: { '1': ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'.replace('a', 'A')] } }).issues[0]!.path).toBe('erc7007.1.0');
  });

  it('rejects an RPC listed twice, which would pass the cross-check alone', () => {
    expect(issuesOf({ chains: { '1': { rpc: ['https://a.example/rpc', 'HTTPS://A.EXAMPLE/rpc'] } } }).error.message).toBe(
      'chains.1.rpc.1: is already listed (at 0)',
    );
  });

  it('rejects explorer links that are not http(s)', () => {
    expect(issuesOf({ chains: { '1': { explorer: 'javascript:alert(1)' } } }).error.message).toBe('chains.1.explorer: must be an http(s) URL');
  });

  it('keeps extra fields and normalises addresses to lower case', () => {
    const mixed = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
    const parsed = parseTrustConfig({ comment: 'ours', trustedAttesters: [{ address: mixed, label: 'A', since: 2024 }] });
    expect(parsed.ok && parsed.config.comment).toBe('ours');
    expect(parsed.ok && parsed.config.trustedAttesters).toEqual([{ address: mixed.toLowerCase(), label: 'A', since: 2024 }]);
  });

  it('accepts a byte-order mark before JSON text', () => {
    expect(parseTrustConfig('\uFEFF{}').ok).toBe(true);
  });
});
