import { describe, expect, it } from 'vitest';
import { makeTestSigningChain } from '../../test/generators/c2pa-test-pki';
import { layerTrustConfig } from './layer';
import { parseTrustConfig } from './parse';

const { rootPem } = makeTestSigningChain('Policy Test Org');

describe('the c2pa section of a trust configuration', () => {
  it('takes an organisation’s image anchors and interim-list choice, marked as the organisation’s', () => {
    const managed = JSON.stringify({ c2pa: { anchors: rootPem, interimList: true } });
    const { config, provenance, managedError } = layerTrustConfig({ managed });
    expect(managedError).toBeUndefined();
    expect(config.c2pa).toEqual({ anchors: rootPem, interimList: true });
    expect(provenance.c2pa).toBe('managed');
  });

  it('refuses anchors that are not certificates and an interim choice that is not a boolean, naming the field', () => {
    const parsed = parseTrustConfig({ c2pa: { anchors: '-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----', interimList: 'yes' } });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'c2pa.anchors', message: 'Certificate 1 is not an X.509 certificate' }),
        expect.objectContaining({ path: 'c2pa.interimList', message: 'must be true or false, not a string' }),
      ]),
    );
  });
});
