import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Wallet } from '../../test/fakes/eas-sdk';
import { attestationLink, explorerExport, ticketLink, type ExplorerExport } from '../../test/fixtures/eas-real-world';
import { decodeEnvelope } from '../envelope/decode';
import { shareFragment } from '../share/share-link';
import type { SharedProof } from '../share/types';
import type { TrustConfig } from '../trust/schema';
import { classifyPaste, maxPasteLength } from './classify-paste';

const chain = (name: string, explorer: string | null) => ({ name, rpc: ['https://rpc.example/'], confirmations: 1, explorer });
const trust: TrustConfig = {
  chains: {
    '8453': chain('Base', 'https://basescan.org'),
    '10': chain('OP Mainnet', 'https://optimistic.etherscan.io/'),
    '31337': chain('Verity devnet', null),
    // One explorer for two chains: a link to it does not say which.
    '100': chain('Gnosis', 'https://blockscout.example/multi'),
    '200': chain('Other', 'https://blockscout.example/multi/'),
    '300': chain('Path explorer', 'https://explorer.example/chain-300'),
  },
  opengradient: {},
  eas: {},
  erc7007: {},
  trustedAttesters: [],
};

const hash = `0x${'Ab'.repeat(32)}`;
const lower = hash.toLowerCase();
const envelopeJson = JSON.stringify({ v: 1, proof: { type: 'eas-onchain', chainId: 8453, uid: lower } });
const envelopeB64 = Buffer.from(envelopeJson, 'utf8').toString('base64url');
const envelopeToken = `ai-proof:v1:${envelopeB64}`;
const referenceToken = `ai-proof:v1:eas:8453:${lower}`;

const classify = (input: string) => classifyPaste({ input, trust });

describe('classifyPaste: empty', () => {
  it('reads white space and invisible characters as empty', () => {
    for (const input of ['', '   ', '\n\t ', '\u200b\u00a0']) expect(classify(input), JSON.stringify(input)).toEqual({ kind: 'empty' });
  });
});

describe('classifyPaste: share links', () => {
  const shared: SharedProof = { proof: { form: 'text', raw: referenceToken, shownText: 'A quote.', renderedText: 'A quote.' } };

  it('reads a whole share link from any extension origin', () => {
    const link = `chrome-extension://abcdefghijklmnopabcdefghijklmnop/inspector.html${shareFragment(shared)}`;
    expect(classify(`  ${link}\n`)).toEqual({ kind: 'share-link', shared });
    expect(classify(shareFragment(shared))).toEqual({ kind: 'share-link', shared });
  });

  it('says a share link to an image opens as a link, not as a paste', () => {
    expect(classify(shareFragment({ image: { url: 'https://img.example/cat.jpg' } }))).toEqual({
      kind: 'problem',
      input: 'share-link',
      reason: 'This share link is for an image: open the link itself, and Verity checks the image in its inspector.',
    });
  });

  it('reports a damaged share link instead of reading it as text', () => {
    expect(classify('moz-extension://1234/inspector.html#share=v1.abc')).toEqual({
      kind: 'problem',
      input: 'share-link',
      reason: 'Cannot open this share link: damaged: it is not base64url of UTF-8 text (cut short or edited?).',
    });
    expect(classify('#share=v9.abc')).toEqual({ kind: 'problem', input: 'share-link', reason: 'Cannot open this share link: unsupported share link version v9.' });
  });
});

describe('classifyPaste: envelopes', () => {
  it('reads JSON as an envelope, even a broken one (its reason is then shown)', () => {
    expect(classify(`  ${envelopeJson} `)).toEqual({ kind: 'envelope', raw: envelopeJson });
    expect(classify('{"v": 1, "proof":')).toEqual({ kind: 'envelope', raw: '{"v": 1, "proof":' });
  });

  it('reads base64url of a JSON object as an envelope', () => {
    expect(classify(envelopeB64)).toEqual({ kind: 'envelope', raw: envelopeB64 });
    const padded = Buffer.from('{"v":1}', 'utf8').toString('base64');
    expect(classify(padded)).toEqual({ kind: 'envelope', raw: padded });
  });

  it('does not mistake ordinary words, or base64url of anything but an object, for an envelope', () => {
    for (const word of ['Hello', 'abcd', 'Council', 'YQ', Buffer.from('[1,2]').toString('base64url'), Buffer.from('"text"').toString('base64url'), Buffer.from('not json').toString('base64url')]) {
      expect(classify(word), word).toEqual({ kind: 'text', text: word });
    }
  });
});

describe('classifyPaste: tokens', () => {
  it('reads a token alone', () => {
    expect(classify(envelopeToken)).toEqual({ kind: 'token', raw: envelopeToken, text: '', more: 0 });
    expect(classify(referenceToken)).toEqual({ kind: 'token', raw: referenceToken, text: '', more: 0 });
  });

  it('reads a token inside pasted text, and gives the text without it', () => {
    const input = `Crews restored  power\novernight. ${referenceToken}`;
    expect(classify(input)).toEqual({ kind: 'token', raw: referenceToken, text: 'Crews restored power overnight.', more: 0 });
  });

  it('takes the first of several tokens and counts the others', () => {
    const input = `First ${referenceToken} second ${envelopeToken} third ai-proof:v1:og:1:${lower}`;
    expect(classify(input)).toEqual({ kind: 'token', raw: referenceToken, text: 'First second third', more: 2 });
  });

  it('reads a token in a link, leaving the link out of the text', () => {
    expect(classify(`Swimming lessons return. https://news.example/story#${referenceToken}`)).toEqual({
      kind: 'token',
      raw: referenceToken,
      text: 'Swimming lessons return.',
      more: 0,
    });
    const encoded = `https://news.example/#${encodeURIComponent(referenceToken)}`;
    expect(classify(encoded)).toEqual({ kind: 'token', raw: referenceToken, text: '', more: 0 });
    expect(classify(`<a href="https://news.example/#${referenceToken}">proof</a>`)).toMatchObject({ kind: 'token', raw: referenceToken });
  });

  it('counts a link token and a text token in the order they come', () => {
    const input = `https://x.example/#${envelopeToken} and ${referenceToken}`;
    expect(classify(input)).toEqual({ kind: 'token', raw: envelopeToken, text: 'and', more: 1 });
  });

  it('does not read what only looks like a token', () => {
    expect(classify(`xai-proof:v1:${envelopeB64}`)).toEqual({ kind: 'text', text: `xai-proof:v1:${envelopeB64}` });
    expect(classify('AI-PROOF:V1:abc')).toEqual({ kind: 'text', text: 'AI-PROOF:V1:abc' });
    expect(classify('ai-proof:v1: and more')).toEqual({ kind: 'text', text: 'ai-proof:v1: and more' });
  });
});

describe('classifyPaste: transactions', () => {
  it('takes the chain from the configured explorer', () => {
    expect(classify(`https://basescan.org/tx/${hash}`)).toEqual({ kind: 'transaction', hash: lower, chainId: 8453 });
    expect(classify(`https://BaseScan.org/tx/${hash}/?tab=logs#eventlog`)).toEqual({ kind: 'transaction', hash: lower, chainId: 8453 });
    expect(classify(`https://optimistic.etherscan.io/tx/${hash}`)).toEqual({ kind: 'transaction', hash: lower, chainId: 10 });
    expect(classify(`https://explorer.example/chain-300/tx/${hash}`)).toEqual({ kind: 'transaction', hash: lower, chainId: 300 });
  });

  it('leaves the chain open for an unknown or shared explorer', () => {
    expect(classify(`https://etherscan.io/tx/${hash}`)).toEqual({ kind: 'transaction', hash: lower });
    expect(classify(`https://blockscout.example/multi/tx/${hash}`)).toEqual({ kind: 'transaction', hash: lower });
    // Another path on the same host is another explorer.
    expect(classify(`https://explorer.example/chain-301/tx/${hash}`)).toEqual({ kind: 'transaction', hash: lower });
  });

  it('does not read near misses as transactions', () => {
    for (const input of [`https://basescan.org/tx/${hash.slice(0, -1)}`, `https://basescan.org/address/${hash.slice(0, 42)}`, `https://basescan.org/tx/${hash}/extra`, `ftp://basescan.org/tx/${hash}`]) {
      expect(classify(input).kind, input).toBe('text');
    }
  });
});

describe('classifyPaste: attestations', () => {
  it('takes the chain from the easscan.org subdomain', () => {
    expect(classify(`https://base.easscan.org/attestation/view/${hash}`)).toEqual({ kind: 'attestation', uid: lower, chainId: 8453 });
    expect(classify(`https://easscan.org/attestation/view/${hash}`)).toEqual({ kind: 'attestation', uid: lower, chainId: 1 });
    expect(classify(`https://arbitrum.easscan.org/attestation/view/${hash}`)).toEqual({ kind: 'attestation', uid: lower, chainId: 42161 });
    expect(classify(`https://optimism-sepolia.easscan.org/attestation/view/${hash}`)).toEqual({ kind: 'attestation', uid: lower, chainId: 11155420 });
  });

  it('leaves the chain open for a subdomain of no known network', () => {
    expect(classify(`https://newchain.easscan.org/attestation/view/${hash}`)).toEqual({ kind: 'attestation', uid: lower });
  });

  it('explains that an off-chain attestation page cannot be looked up', () => {
    expect(classify(`https://sepolia.easscan.org/offchain/attestation/view/${hash}`)).toMatchObject({ kind: 'problem', input: 'attestation' });
  });

  it('does not trust look-alike hosts or other pages', () => {
    for (const input of [`https://easscan.org.evil.example/attestation/view/${hash}`, `https://fakeeasscan.org/attestation/view/${hash}`, `https://base.easscan.org/schema/view/${hash}`, `http://base.easscan.org/attestation/view/${hash}`]) {
      expect(classify(input).kind, input).toBe('text');
    }
  });
});

describe('classifyPaste: EAS explorer share links', () => {
  const wallet = new Wallet(`0x${'f6'.repeat(32)}`);
  let exported: ExplorerExport;

  beforeAll(async () => {
    exported = await explorerExport({ wallet, version: 2, data: '0x1234' });
  });

  it('reads #attestation= and #ticket= links as the eas-offchain envelope they carry, never as a quote', () => {
    for (const link of [attestationLink(exported), ticketLink(exported), `  ${attestationLink(exported, 'https://easscan.org')}\n`]) {
      const classified = classify(link);
      expect(classified, link).toEqual({ kind: 'envelope', raw: expect.any(String) });
      const decoded = decodeEnvelope((classified as { raw: string }).raw);
      expect(decoded.ok && decoded.envelope.proof).toMatchObject({ type: 'eas-offchain', signer: wallet.address.toLowerCase(), attestation: { uid: exported.sig.uid } });
    }
  });

  it('says why a damaged explorer link cannot be opened', () => {
    // Cut inside the package, never inside a percent escape (that is another reason, tested in explorer-link).
    const cut = attestationLink(exported).slice(0, -12).replace(/%[0-9A-F]?$/i, '');
    expect(classify(cut)).toEqual({ kind: 'problem', input: 'attestation', reason: expect.stringMatching(/^Cannot open this EAS explorer link: it is not/) });
  });

  it('reads a link followed by other words as a quote, as any sentence with a link', () => {
    expect(classify(`See ${attestationLink(exported)}`).kind).toBe('text');
  });
});

describe('classifyPaste: bare hashes', () => {
  it('reads 0x and 64 hex digits as a hash', () => {
    expect(classify(`  ${hash} `)).toEqual({ kind: 'hash', value: lower });
  });

  it('does not read a hash of the wrong length, without 0x, or in a sentence', () => {
    expect(classify(hash.slice(0, -2)).kind).toBe('text');
    expect(classify(`${hash}00`).kind).toBe('text');
    expect(classify(hash.slice(2)).kind).toBe('text');
    expect(classify(`0x${'g'.repeat(64)}`).kind).toBe('text');
    expect(classify(`tx ${hash}`)).toEqual({ kind: 'text', text: `tx ${hash}` });
  });
});

describe('classifyPaste: text', () => {
  it('gives a quote as canonical text', () => {
    expect(classify('  The council\u00a0approved\n\nthe  pilot. ')).toEqual({ kind: 'text', text: 'The council approved the pilot.' });
  });

  it('reads a sentence with a link as text', () => {
    expect(classify('Read more at https://news.example/story#top')).toEqual({ kind: 'text', text: 'Read more at https://news.example/story#top' });
  });

  it('refuses an oversized input without reading it', () => {
    const result = classify('a'.repeat(maxPasteLength + 1));
    expect(result).toMatchObject({ kind: 'problem', input: 'text' });
    expect(classify(' '.repeat(10) + 'a'.repeat(maxPasteLength - 10)).kind).toBe('text');
  });

  it('never throws, whatever is pasted', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.webUrl(), fc.string().map((tail) => `ai-proof:v1:${tail}`), fc.string().map((tail) => `https://x.example/#${tail}`)), (input) => {
        expect(typeof classify(input).kind).toBe('string');
      }),
    );
  });
});
