import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { Wallet } from '../../test/fakes/eas-sdk';
import { attestationLink, explorerExport, legacyObject, sdkDecodeLink, ticketLink, type ExplorerExport } from '../../test/fixtures/eas-real-world';
import { offchainAttestation } from '../envelope/schema';
import { maxEnvelopeBytes } from '../envelope/limits';
import { easExplorerLinkPayload, readEasExplorerLink } from './explorer-link';

const wallet = new Wallet(`0x${'d4'.repeat(32)}`);
let exports: ExplorerExport[];

beforeAll(async () => {
  exports = [
    { sig: await legacyObject({ wallet, data: '0x01' }), signer: wallet.address },
    await explorerExport({ wallet, version: 1, data: '0x0102', expirationTime: 1_900_000_000n }),
    await explorerExport({ wallet, version: 2, data: '0x010203', recipient: '0x000000000000000000000000000000000000dEaD', revocable: false }),
  ];
});

/** An attestation as the envelope schema reads it, so JSON spellings (number or string) compare equal. */
const parsed = (attestation: unknown) => offchainAttestation.parse(attestation);

function read(link: string) {
  const result = readEasExplorerLink(link);
  if (!result?.ok) throw new Error(`not read: ${JSON.stringify(result)}`);
  return result.envelope.proof;
}

const payloadOf = (link: string) => link.slice(link.indexOf('=') + 1);

describe('readEasExplorerLink', () => {
  it('reads #attestation= links as the SDK writes and decodes them, for versions 0, 1 and 2', () => {
    for (const pkg of exports) {
      const link = attestationLink(pkg);
      expect(link).toMatch(/^https:\/\/sepolia\.easscan\.org\/offchain\/url\/#attestation=[A-Za-z0-9%]+$/);
      const ours = read(link);
      const sdks = sdkDecodeLink(link);
      expect(ours.signer).toBe(sdks.signer);
      expect(parsed(ours.attestation)).toEqual(parsed(sdks.sig));
    }
  });

  it('reads the older #ticket= links, whose payload is the package object { sig, signer }', () => {
    for (const pkg of exports) {
      const ours = read(ticketLink(pkg));
      expect(ours.signer).toBe(pkg.signer);
      expect(parsed(ours.attestation)).toEqual(parsed(pkg.sig));
    }
  });

  it("gathers a signature written as r, s, v beside the fields (the SDK's first package form)", () => {
    const { signature, ...rest } = exports[2]!.sig;
    const spread = { sig: { ...rest, ...signature }, signer: wallet.address };
    const payload = deflateSync(JSON.stringify(spread)).toString('base64');
    expect(parsed(read(`https://easscan.org/offchain/url/#ticket=${payload}`).attestation)).toEqual(parsed(exports[2]!.sig));
  });

  it('reads the path alone, other parameters beside the payload, URL-safe base64, and "+" turned into a space', () => {
    const link = attestationLink(exports[2]!);
    const payload = decodeURIComponent(payloadOf(link));
    const expected = parsed(read(link).attestation);
    const variants = [
      `/offchain/url/#attestation=${encodeURIComponent(payload)}`,
      `https://base.easscan.org/offchain/url#foo=1&attestation=${encodeURIComponent(payload)}&bar`,
      `https://easscan.org/offchain/url/#attestation=${payload.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`,
      // A "+" at the very end turned into a space would be trimmed with the white space around the link: cut short, not this case.
      `  https://easscan.org/offchain/url/#attestation=${payload.replace(/\+(?!$)/g, ' ')}\n`,
    ];
    for (const variant of variants) expect(parsed(read(variant).attestation), variant).toEqual(expected);
  });

  it('leaves other addresses alone', () => {
    for (const input of [
      'https://easscan.org/offchain/attestation/view/0x' + 'ab'.repeat(32),
      'https://easscan.org/offchain/url/',
      'https://easscan.org/offchain/url/#share=v1.abc',
      'https://easscan.org/attestation/url/#attestation=abc',
      'ftp://easscan.org/offchain/url/#attestation=abc',
      'offchain/url/#attestation=abc',
      'a quote about /offchain/url',
    ]) {
      expect(readEasExplorerLink(input), input).toBeUndefined();
      expect(easExplorerLinkPayload(input), input).toBeUndefined();
    }
  });

  it('says why a damaged link cannot be read, never throwing', () => {
    const link = attestationLink(exports[2]!);
    const payload = decodeURIComponent(payloadOf(link));
    const at = (text: string) => `https://easscan.org/offchain/url/#attestation=${text}`;
    const deflated = (value: unknown) => encodeURIComponent(deflateSync(JSON.stringify(value)).toString('base64'));
    const cases: [string, RegExp][] = [
      [at('%E0%A4%A'), /percent-encoding is broken/],
      [at('not*base64'), /not base64/],
      [at(encodeURIComponent(payload.slice(0, 4 * Math.floor(payload.length / 8)))), /not zlib-compressed data/],
      [at(encodeURIComponent(Buffer.from('plain text').toString('base64'))), /not zlib-compressed data/],
      [at(encodeURIComponent(deflateSync(Buffer.from([0xff, 0xfe])).toString('base64'))), /does not hold JSON/],
      [at(deflated({ hello: 'world' })), /not an EAS attestation package/],
      [at(deflated([1, 2, 3])), /3 fields/],
      [at(deflated([...Array(16).fill('x'), 7])), /version 7 is not 0, 1 or 2/],
    ];
    for (const [input, reason] of cases) expect(readEasExplorerLink(input), input).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('stops inflating a small link that would expand past the envelope limit', () => {
    // About 10 KB of base64 that inflates to 50 MB.
    const bomb = deflateSync(Buffer.alloc(50 * 1024 * 1024, 0x20), { level: 9 }).toString('base64');
    expect(bomb.length).toBeLessThan(100_000);
    expect(readEasExplorerLink(`https://easscan.org/offchain/url/#attestation=${encodeURIComponent(bomb)}`)).toEqual({
      ok: false,
      reason: `it expands to more than ${maxEnvelopeBytes.toLocaleString('en-US')} bytes`,
    });
  });
});
