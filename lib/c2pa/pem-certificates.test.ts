import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTestSigningChain } from '../../test/generators/c2pa-test-pki';
import { PemCertificatesError, readPemCertificates } from './pem-certificates';

const shipped = (name: string) => readFileSync(new URL(`./trust-lists/${name}`, import.meta.url), 'utf8');

describe('readPemCertificates', () => {
  it('reads every certificate of the shipped lists, the names between blocks skipped', () => {
    expect(readPemCertificates(shipped('C2PA-TRUST-LIST.pem.txt'))).toHaveLength(30);
    expect(readPemCertificates(shipped('C2PA-TSA-TRUST-LIST.pem.txt'))).toHaveLength(22);
    const interim = readPemCertificates(shipped('interim-anchors.pem.txt'));
    expect(interim).toHaveLength(18);
    expect(interim[0]).toMatchObject({ name: 'Leica C2PA Root CA', organisation: 'Leica Camera AG' });
  });

  it('names a test root by its common name and gives its validity end', () => {
    const { rootPem } = makeTestSigningChain('Pem Test Org');
    const [root] = readPemCertificates(`a note\n${rootPem}`);
    expect(root).toMatchObject({ name: 'Pem Test Org Root CA', organisation: 'Pem Test Org' });
    expect(Date.parse(root!.validUntil)).toBeGreaterThan(Date.now());
    expect(readPemCertificates(root!.pem)[0]?.pem).toBe(root!.pem);
  });

  it('refuses text without a certificate, a key, bad base64 and bytes that are no certificate, saying which', () => {
    const fail = (text: string) => {
      try {
        readPemCertificates(text);
      } catch (error) {
        expect(error).toBeInstanceOf(PemCertificatesError);
        return (error as PemCertificatesError).shortMessage;
      }
      throw new Error('accepted');
    };
    expect(fail('hello')).toMatch(/^No certificate found/);
    expect(fail('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toBe('Block 1 is a private key, not a certificate');
    expect(fail('-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----')).toBe('Certificate 1 is not valid base64');
    const { rootPem } = makeTestSigningChain('Pem Test Org');
    expect(fail(`${rootPem}\n-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----`)).toBe('Certificate 2 is not an X.509 certificate');
  });
});
