import { describe, expect, it } from 'vitest';
import { fieldWordsOf, issueWords } from './field-words';

describe('fieldWordsOf', () => {
  it('names a field as the form shows it, counting list items from 1', () => {
    expect(fieldWordsOf('chains.31337.rpc.1')).toEqual({ entry: 'Chain 31337', field: 'RPC URL 2' });
    expect(fieldWordsOf('chains.31337.rpc')).toEqual({ entry: 'Chain 31337', field: 'RPC URLs' });
    expect(fieldWordsOf('chains.31337.explorer')).toEqual({ entry: 'Chain 31337', field: 'block explorer' });
    expect(fieldWordsOf('chains.31337')).toEqual({ field: 'Chain 31337' });
    expect(fieldWordsOf('opengradient.10740.settlementRelays.0')).toEqual({ entry: 'Chain 10740', field: 'settlement relay 1' });
    expect(fieldWordsOf('eas.8453.schemaRegistry')).toEqual({ entry: 'Chain 8453', field: 'EAS schema registry' });
    expect(fieldWordsOf('erc7007.1.2')).toEqual({ entry: 'Chain 1', field: 'ERC-7007 contract 3' });
    expect(fieldWordsOf('trustedAttesters.0.label')).toEqual({ entry: 'Trusted signer 1', field: 'name' });
    expect(fieldWordsOf('')).toEqual({ field: 'The configuration' });
  });

  it('says an issue without a JSON path', () => {
    expect(issueWords({ path: 'chains.5.rpc.0', message: 'must be an http(s) URL' })).toBe('Chain 5, RPC URL 1: must be an http(s) URL');
    expect(issueWords({ path: '', message: 'is not valid JSON' })).toBe('The configuration: is not valid JSON');
  });
});
